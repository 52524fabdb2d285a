"""Every JSON document a command prints validates against its schema in schemas/."""

from __future__ import annotations

import json

import pytest

from tests.conftest import MINI, SCHEMAS, plan_folder, validator
from tracker.model import Direction, Judged, Kind, SignatureCheck, State, UpdateEvery

BATCH = [
    {"goal": "jobs.training", "date": "2020-02-01", "value": 400, "note": "一期 [b]x[/b]"},
    {"goal": "jobs.training", "date": "2020-04-01", "total": 900},
    {"goal": "jobs.placement", "date": "2020-04-02", "value": 300},
    {"goal": "finance.general-spending-cut", "date": "2020-05-01", "value": 6.5},
    {"goal": "housing.three-supplies", "date": "2020-04-28", "done": True},
    {"goal": "rural.eco-farm-bases", "date": "2020-05-10", "items": ["长石"]},
    {"goal": "newtown.road-network", "date": "2020-06-01", "note": "主干道\u0007完成"},
]


@pytest.fixture
def logged(run):
    run.log_batch(BATCH)
    wrong = run.json("entries")["entries"][0]["id"]
    run("retract", wrong, "--reason", "测试", code=0)
    return run


COMMANDS = {
    "status": [
        ["status", "--as-of", "2020-06-30"],
        ["status", "--as-of", "2021-02-01", "--state", "overdue"],
    ],
    "show": [
        ["show", "jobs.training", "--as-of", "2020-06-30"],
        ["show", "rural.eco-farm-bases"],
        ["show", "housing.three-supplies", "--as-of", "2020-03-01"],
    ],
    "alerts": [
        ["alerts", "--as-of", "2020-06-30"],
        ["alerts", "--as-of", "2020-12-25", "--fail-on", "stale"],
    ],
    "goals": [["goals"], ["goals", "--area", "reform"]],
    "entries": [["entries"], ["entries", "--goal", "jobs.training", "--since", "2020-03-01"]],
    "check": [["check"]],
    "config": [["config"], ["config", "--lang", "en"]],
    "summary": [
        ["summary", "--as-of", "2020-04-05"],
        ["summary", "--week", "2020-W18"],
        ["summary", "--since", "2020-01-01", "--until", "2020-12-31"],
        ["summary", "--as-of", "2020-06-30", "--owner", "区财政局"],
        ["summary", "--as-of", "2021-03-01"],
    ],
    "notice": [
        ["notice", "--as-of", "2020-06-30"],
        ["notice", "--as-of", "2020-06-30", "--owner", "区人力资源和社会保障局"],
    ],
}

# A document's schema version moves when its shape or a field's meaning changes
# (summary/2: the digest opens with attention and offices; summary/3 and the
# others' /2: the readings SPEC decided — a level's final reading, a level held
# throughout, the delays of milestones and checklists, retractions in the digest;
# summary/4 and the others' /3, the city's /2: the supervision bulletin — gaps
# named by their reference, a level compared with its target, a milestone's
# stages, the offices' pending goals apart from those on track; alerts/3 also:
# reports waiting past the verification period are a condition).
VERSIONS = {"summary": 4, "status": 3, "show": 3, "alerts": 3, "log": 3,
            "city-status": 2, "city-show": 2, "city-summary": 2}  # fmt: skip


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_real_output_matches_its_schema(logged, command):
    check = validator(command)
    for args in COMMANDS[command]:
        result = logged(*args, "--format", "json")
        assert result.exit_code in (0, 1), result.stderr
        document = json.loads(result.stdout)
        assert document["schema"] == f"tracker.{command}/{VERSIONS.get(command, 1)}"
        errors = sorted(check.iter_errors(document), key=str)
        assert not errors, (args, errors[0].message, list(errors[0].absolute_path))


def test_log_and_retract_output_match_their_schemas(run):
    written = run.json("log", "jobs.training", "10", "--date", "2020-03-01")
    assert not list(validator("log").iter_errors(written))
    batch = run.json("log", "--from-json", "-", input=json.dumps(BATCH[3:]))
    assert not list(validator("log").iter_errors(batch)) and batch["batch"]
    retracted = run.json("retract", written["entries"][0]["id"], "--reason", "x")
    assert not list(validator("retract").iter_errors(retracted))


def test_check_with_problems_matches_its_schema(run, data):
    (data / "progress" / "2020-01.jsonl").write_text('{"id": "x"\n', encoding="utf-8")
    document = run.json("check", code=3)
    assert document["ok"] is False and document["problems"][0]["line"] == 1
    assert not list(validator("check").iter_errors(document))


def test_schemas_pin_the_field_names_of_spec():
    status = json.loads((SCHEMAS / "common.schema.json").read_text(encoding="utf-8"))["$defs"][
        "status"
    ]
    for name in (
        "id",
        "state",
        "progress",
        "expected",
        "current",
        "target",
        "deadline",
        "due_soon",
        "stale",
        "schedule_days",
        "forecast",
    ):
        assert name in status["required"]


def test_every_schema_file_names_the_version_commands_print():
    for path in SCHEMAS.glob("*.schema.json"):
        command = path.name.split(".")[0]
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert schema["$id"].endswith(f"/schemas/{path.name}")
        if command in COMMANDS:
            version = VERSIONS.get(command, 1)
            assert schema["properties"]["schema"] == {"const": f"tracker.{command}/{version}"}


# A field named for one of the model's Enums holds exactly its values (or null).
ENUM_FIELDS = {
    "kind": Kind, "state": State, "update_every": UpdateEvery, "direction": Direction,
    "judged": Judged, "signature": SignatureCheck,
}  # fmt: skip


def _enums(node, name=""):
    """(field name, its enum) for every enum in a schema."""
    if isinstance(node, dict):
        if "enum" in node:
            yield name, node["enum"]
        for key, value in node.items():
            yield from _enums(value, key if key not in ("items", "properties") else name)
    elif isinstance(node, list):
        for value in node:
            yield from _enums(value, name)


def test_schema_enums_hold_every_value_of_the_models_enums():
    for path in SCHEMAS.glob("*.schema.json"):
        for name, values in _enums(json.loads(path.read_text(encoding="utf-8"))):
            if name in ENUM_FIELDS:
                wanted = {member.value for member in ENUM_FIELDS[name]}
                assert set(values) - {None} == wanted, (path.name, name)


@pytest.mark.parametrize("every", [e.value for e in UpdateEvery])
def test_goals_json_of_a_goal_reported_at_any_period_matches_its_schema(tmp_path, every):
    run = plan_folder(tmp_path, "mini")
    (run.root / "goals.toml").write_text(
        MINI.replace("target = 3000\n", f'target = 3000\nupdate_every = "{every}"\n', 1),
        encoding="utf-8",
    )
    document = run.json("goals")
    assert document["goals"][0]["update_every"] == every
    assert not list(validator("goals").iter_errors(document))
