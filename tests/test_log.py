"""The write path: tracker log / retract / entries / --from-json, and the log checks."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import goal_status, log_records

pytestmark = pytest.mark.usefixtures("english")  # these tests assert English messages


def test_each_kind_is_logged_and_counted(run, data):
    run("log", "jobs.training", "120", "--date", "2020-03-01", "--note", "第一期", code=0)
    run("log", "jobs.training", "1,000", "--date", "2020/4/1", code=0)
    assert goal_status(run, "jobs.training", "2020-12-31")["current"] == 1120
    run(
        "log", "jobs.training", "--total", "900", "--date", "2020年5月1日", "--force", code=0
    )  # lower: said so
    run("log", "jobs.training", "50", "--date", "2020-05-02", code=0)
    assert goal_status(run, "jobs.training", "2020-12-31")["current"] == 950
    run("log", "finance.general-spending-cut", "8.5", "--date", "2020-06-01", code=0)
    run("log", "finance.general-spending-cut", "11", "--date", "2020-12-01", code=0)  # final
    cut = goal_status(run, "finance.general-spending-cut", "2020-12-31")
    assert (cut["current"], cut["state"]) == (11, "done")
    run("log", "housing.three-supplies", "--done", "--date", "2020-04-20", code=0)
    assert goal_status(run, "housing.three-supplies", "2020-12-31")["state"] == "done"
    run(
        "log",
        "rural.eco-farm-bases",
        "--item",
        "长石",
        "--item",
        "九塘",
        "--date",
        "2020-05-01",
        code=0,
    )
    farms = goal_status(run, "rural.eco-farm-bases", "2020-12-31")
    assert (farms["current"], farms["items_done"]) == (2, ["长石", "九塘"])
    result = run(
        "log", "newtown.road-network", "--note", "主干道铺设完成", "--date", "2020-06-01", code=0
    )
    assert "newtown.road-network" in result.stdout
    entry = next(x for x in log_records(data) if x["goal"] == "newtown.road-network")
    assert set(entry) == {"id", "goal", "date", "note", "by", "recorded_at"}
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$", entry["recorded_at"])
    assert (data / "progress" / "2020-05.jsonl").exists()


def test_log_answers_where_the_goal_now_stands(run):
    result = run("log", "jobs.training", "300", "--date", "2020-02-01", code=0)
    assert re.search(r"jobs\.training: 300/3,000 人 \(10%\)", result.stdout)
    document = run.json("log", "jobs.training", "10", "--date", "2020-02-02")
    assert document["schema"] == "tracker.log/3"
    assert document["entries"][0]["value"] == 10
    assert document["goals"][0]["current"] == 310


@pytest.mark.parametrize(
    "args, message",
    [
        (["jobs.trainig", "5"], r"unknown goal 'jobs.trainig' \(did you mean 'jobs.training'\?\)"),
        (["jobs.training", "--done"], r"count goal: --done does not fit"),
        (["housing.three-supplies", "5"], r"milestone goal: VALUE does not fit"),
        (["finance.general-spending-cut", "--total", "5"], r"level goal: --total does not fit"),
        (["jobs.training", "abc"], r"'abc' is not a number"),
        (["jobs.training", "1.5"], r"counts whole 人: 1.5 is not whole"),
        (["jobs.training", "-5"], r"negative increment -5 .*tracker retract"),
        (["jobs.training", "5", "--date", "+3d"], r"is in the future"),
        (["jobs.training", "5", "--date", "2019-12-31"], r"before the plan starts"),
        (["rural.eco-farm-bases", "--item", "长时"], r"unknown item '长时'.*did you mean '长石'"),
        (
            ["jobs.placement", "10", "--date", "2020-03-01"],
            r"jobs.placement would be 10 .*more than jobs.training",
        ),
    ],
)
def test_bad_input_is_refused_and_nothing_written(run, data, args, message):
    result = run("log", *args, code=3)
    assert re.search(message, result.stderr), result.stderr
    assert log_records(data) == []
    assert "Traceback" not in result.stderr


def test_ambiguous_date_is_a_usage_error(run, data):
    result = run("log", "jobs.training", "5", "--date", "03/04/2020", code=2)
    assert "ambiguous" in result.stderr and log_records(data) == []


def test_dry_run_writes_nothing(run, data):
    result = run("log", "jobs.training", "5", "--date", "2020-03-01", "--dry-run", code=0)
    assert "dry run" in result.stdout
    assert log_records(data) == []


def test_repeat_milestone_and_item_are_refused(run):
    run("log", "housing.three-supplies", "--done", "--date", "2020-04-01", code=0)
    assert "already logged done" in run("log", "housing.three-supplies", "--done", code=3).stderr
    run("log", "parks.pocket-parks", "--item", "丁山社区", "--date", "2020-04-01", code=0)
    assert (
        "already logged done"
        in run("log", "parks.pocket-parks", "--item", "丁山社区", code=3).stderr
    )


# ── retract and entries ──────────────────────────────────────────────────────


def test_retracted_entry_counts_nowhere(run, data):
    run("log", "jobs.training", "100", "--date", "2020-03-01", code=0)
    run("log", "jobs.training", "1000", "--date", "2020-03-02", "--note", "typo", code=0)
    wrong = log_records(data)[-1]["id"]
    result = run("retract", wrong[:6], "--reason", "多打了一个0", code=0)
    assert f"retracted {wrong}" in result.stdout
    assert goal_status(run, "jobs.training", "2020-12-31")["current"] == 100
    listed = run.json("entries", "--goal", "jobs.training")["entries"]
    marks = {e["id"]: e["retracted"] for e in listed}
    assert marks[wrong] is True and len(listed) == 3  # the two entries and the retraction
    assert "retracted by" in run("entries").stdout
    assert "already retracted" in run("retract", wrong, "--reason", "again", code=3).stderr
    assert "no entry 'ffffffff'" in run("retract", "ffffffff", "--reason", "x", code=3).stderr


def test_entries_filters_and_formats(run):
    run("log", "jobs.training", "100", "--date", "2020-03-01", code=0)
    run("log", "jobs.training", "200", "--date", "2020-04-01", code=0)
    run("log", "culture.24h-bookstores", "1", "--date", "2020-04-15", code=0)
    got = run.json("entries", "--since", "2020-03-15", "--until", "2020-04-30")["entries"]
    assert [e["date"] for e in got] == ["2020-04-01", "2020-04-15"]
    jsonl = run("entries", "--goal", "jobs.training", "--format", "jsonl", code=0).stdout
    assert [json.loads(x)["value"] for x in jsonl.splitlines()] == [100, 200]
    csv_text = run("entries", "--format", "csv", code=0).stdout
    assert csv_text.splitlines()[0].startswith("id,goal,date")
    assert len(csv_text.splitlines()) == 4


# ── batches ──────────────────────────────────────────────────────────────────


def test_batch_is_all_or_nothing_and_reports_every_bad_line(run, data):
    batch = "\n".join(
        [
            json.dumps({"goal": "jobs.training", "date": "2020-03-01", "value": 100}),
            json.dumps({"goal": "jobs.trainin", "date": "2020-03-01", "value": 5}),
            "{not json",
            json.dumps({"goal": "jobs.training", "date": "2020-03-01", "value": "many"}),
            json.dumps({"goal": "housing.three-supplies", "date": "2020-03-01", "value": 1}),
        ]
    )
    result = run("log", "--from-json", "-", input=batch, code=3)
    for line in (2, 3, 4, 5):
        assert f"<stdin>:{line}:" in result.stderr, result.stderr
    assert "<stdin>:1:" not in result.stderr
    assert log_records(data) == []


def test_batch_as_array_and_jsonl_round_trip(run, data, tmp_path):
    array = json.dumps(
        [
            {"goal": "jobs.training", "date": "2020-03-01", "value": 100, "note": "一"},
            {"goal": "jobs.placement", "date": "2020-03-05", "value": 40},
            {"goal": "rural.eco-farm-bases", "date": "2020-04-01", "items": ["长石"]},
            {"goal": "jobs.training", "date": "2020-04-01", "total": 400},
        ],
        ensure_ascii=False,
        indent=1,
    )
    result = run("log", "--from-json", "-", input=array, code=0)
    assert "logged 4 entries" in result.stdout
    assert sum(1 for x in log_records(data) if "commit" in x) == 1
    exported = run("entries", "--format", "jsonl", code=0).stdout
    other = tmp_path / "other"
    other.mkdir()
    (other / "goals.toml").write_bytes((data / "goals.toml").read_bytes())
    from tests.conftest import Run

    copy = Run(other)
    copy("log", "--from-json", "-", input=exported, code=0)
    assert (
        copy.json("status", "--as-of", "2020-06-30")["goals"]
        == run.json("status", "--as-of", "2020-06-30")["goals"]
    )
    # the same ids again are refused: importing twice cannot double-count
    assert "already in the log" in copy("log", "--from-json", "-", input=exported, code=3).stderr


# ── check over the log ───────────────────────────────────────────────────────


def test_check_locates_log_problems(run, data):
    run("log", "jobs.training", "100", "--date", "2020-03-01", code=0)
    path = data / "progress" / "2020-03.jsonl"
    good = path.read_text(encoding="utf-8").splitlines()[0]
    record = json.loads(good)
    bad_lines = [
        good,  # 2: duplicate id
        json.dumps(dict(record, id="a1", goal="jobs.nope")),  # 3: unknown goal
        json.dumps(dict(record, id="a2", value="x")),  # 4: wrong shape
        json.dumps(dict(record, id="a3", goal="jobs.placement", value=500)),  # 5: part_of exceeded
        json.dumps(
            {
                "id": "a4",
                "retracts": "zzz",
                "reason": "r",
                "goal": "jobs.training",
                "date": "2020-03-02",
                "note": "",
                "by": "x",
                "recorded_at": "2020-03-02T00:00:00Z",
            }
        ),
        '{"id": "torn", "goal": "jobs.tr',  # 7: torn tail, no newline
    ]
    path.write_text("\n".join([good] + bad_lines), encoding="utf-8")
    out = run("check", code=3).stdout
    name = "2020-03.jsonl"
    for line, text in [
        (2, "duplicate entry id"),
        (3, "unknown goal 'jobs.nope'"),
        (4, "'value' must be a number"),
        (5, "more than jobs.training"),
        (6, "retraction of unknown entry 'zzz'"),
        (7, "unreadable line"),
    ]:
        assert re.search(rf"{name}:{line}: .*{re.escape(text)}", out), (line, out)
    # the good entry still counts, and status warns instead of failing
    result = run("status", "--as-of", "2020-06-30", "--format", "json", code=0)
    assert "problem(s) in progress/" in result.stderr
    assert (
        next(g for g in json.loads(result.stdout)["goals"] if g["id"] == "jobs.training")["current"]
        == 100
    )


def test_batch_can_retract_without_naming_the_goal(run):
    run("log", "jobs.training", "100", "--date", "2020-03-01", code=0)
    wrong = run.json("entries")["entries"][0]["id"]
    batch = json.dumps({"retracts": wrong, "reason": "重复"}, ensure_ascii=False)
    run("log", "--from-json", "-", input=batch, code=0)
    listed = run.json("entries")["entries"]
    retraction = next(e for e in listed if e.get("retracts") == wrong)
    assert retraction["goal"] == "jobs.training"
    assert goal_status(run, "jobs.training", "2020-12-31")["current"] == 0


def test_the_example_batch_imports_cleanly(run):
    from tests.conftest import REPO

    result = run("log", "--from-json", str(REPO / "examples" / "batch.jsonl"), code=0)
    assert "logged 6 entries" in result.stdout
    assert goal_status(run, "jobs.training", "2020-06-30")["current"] == 1350
    run("check", code=0)


def test_a_percentage_for_a_goal_not_counted_in_per_cent_is_refused(run, data):
    """'12%' typed for 3,000 人 is a slip, not 12 people; a level in % takes it."""
    refused = run("log", "jobs.training", "12%", "--date", "2020-05-01", "--lang", "zh")
    assert refused.exit_code == 2
    assert "“12%”是百分比，但 jobs.training 以“人”计" in refused.stderr
    assert "写出人数，不带 %，例如 120" in refused.stderr
    en = run("log", "jobs.training", "--total", "１２％", "--date", "2020-05-01", "--lang", "en")
    assert (
        en.exit_code == 2
        and "'１２％' is a percentage, but jobs.training counts in 人" in en.stderr
    )
    assert not list((data / "progress").glob("*.jsonl"))
    run("log", "finance.general-spending-cut", "8.5%", "--date", "2020-05-01", code=0)


# ── one rule, one message, wherever it fires ─────────────────────────────────


def test_an_unknown_goal_is_bad_input_everywhere(run):
    for args in (["entries", "--goal", "nosuch"], ["show", "nosuch"], ["log", "nosuch", "1"]):
        result = run(*args, code=3)
        assert "unknown goal 'nosuch'" in result.stderr, args


def test_a_batch_retraction_gets_every_check_retract_applies(run, data):
    run("log", "jobs.training", "100", "--date", "2020-03-01", code=0)
    run("log", "jobs.placement", "80", "--date", "2020-03-02", code=0)
    training = run.json("entries", "--goal", "jobs.training")["entries"][0]["id"]
    # retract refuses this: the part (80) would exceed its whole (0) …
    refused = run("retract", training, "--reason", "typo", code=3).stderr
    assert "more than jobs.training" in refused
    # … and so does a batch, whether it names the right goal, a wrong one, or none.
    for goal in ("jobs.training", "jobs.placement", None):
        record = {"retracts": training, "reason": "typo"}
        if goal:
            record["goal"] = goal
        result = run("log", "--from-json", "-", input=json.dumps(record), code=3)
        assert "nothing was written" in result.stderr, (goal, result.stderr)
    assert goal_status(run, "jobs.training", "2020-03-31")["current"] == 100


def test_one_rule_one_message_in_check_and_log(run, data):
    """A future date, said by `log` when refusing and by `check` when found."""
    refused = run("log", "jobs.training", "5", "--date", "+3d", code=3).stderr
    run("log", "jobs.training", "5", "--date", "2020-03-01", code=0)
    path = next((data / "progress").glob("*.jsonl"))
    record = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    record.update(id="f1", date="2999-01-01")
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    found = run("check", code=3).stdout
    for text in (refused, found):
        assert "is in the future (today is" in text, text
