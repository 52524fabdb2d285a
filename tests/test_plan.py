"""goals.toml: the bundled plan, and every validation problem with its location."""

from __future__ import annotations

import json
import re
import textwrap

import pytest

from tests.conftest import MINI, REPO, SHARED, run_process, write_plan
from tracker.loader import load_plan
from tracker.storage.datadir import DataDir

pytestmark = pytest.mark.usefixtures("english")  # these tests assert English messages


def test_mini_plan_is_clean(data, run):
    write_plan(data, MINI)
    result = run("check", code=0)
    assert "no problems" in result.stdout


# The first goal's source line, and the blank line that ends its table.
SOURCE = 'source = "力争全年培训下岗失业人员3000人,其中1500人实现就业。"\n\n'

# Each case: text of MINI (its first place), what replaces it, and the line and
# message of the problem `check` then finds.
LOCATED = [
    ("target = 3000\n", "target = = 3000\n", 21, r"TOML syntax: .*"),
    ("target = 3000\n", "tagret = 3000\n", 21, r"unknown key 'tagret'.*did you mean 'target'"),
    ('owner = "区人社局"\nkind = "count"\ntarget = 3000', 'kind = "count"\ntarget = 3000', 14, r"missing 'owner'"),
    ("target = 3000\n", 'target = "3000"\n', 21, r"'target' must be a number, not text"),
    ('id = "jobs.placement"', 'id = "jobs.training"', 26, r"duplicate goal id 'jobs.training'"),
    ('kind = "count"\ntarget = 3000', 'kind = "cuont"\ntarget = 3000', 20, r"unknown kind 'cuont'.*did you mean 'count'"),
    ('area = "livelihood"\nowner = "区人社局"\nkind = "count"\ntarget = 3000',
     'area = "livelihod"\nowner = "区人社局"\nkind = "count"\ntarget = 3000',
     18, r"unknown area 'livelihod'.*did you mean 'livelihood'"),
    ("deadline = 2020-12-31\n" + SOURCE, 'deadline = "2020-02-30"\n' + SOURCE, 23, r"impossible date '2020-02-30'"),
    ("deadline = 2020-12-31\n" + SOURCE, "deadline = 2021-03-31\n" + SOURCE, 23, r"deadline 2021-03-31 is outside the plan"),
    ('part_of = "jobs.training"', 'part_of = "jobs.trainig"', 35, r"part_of unknown goal 'jobs.trainig'.*did you mean 'jobs.training'"),
    ('unit = "人"\npart_of', 'unit = "家"\npart_of', 35, r"units differ"),
]  # fmt: skip


@pytest.mark.parametrize("old, new, line, message", LOCATED)
def test_each_problem_is_located(data, run, old, new, line, message):
    assert old in MINI, old
    write_plan(data, MINI.replace(old, new, 1))
    result = run("check", code=3)
    assert re.search(rf"goals\.toml:{line}(:\d+)?: .*{message}", result.stdout), result.stdout


def test_syntax_error_has_line_and_column(data, run):
    write_plan(data, MINI.replace("target = 3000\n", "target = = 3000\n"))
    result = run("check", "--format", "json", code=3)
    problem = json.loads(result.stdout)["problems"][0]
    assert (problem["line"], problem["column"], problem["code"]) == (21, 10, "syntax")


def test_cycle_and_checklist_without_items(data, run):
    text = MINI.replace(
        'id = "jobs.training"\n', 'id = "jobs.training"\npart_of = "jobs.placement"\n'
    )
    text += textwrap.dedent("""
        [[goal]]
        id = "parks.pocket"
        title = "小游园"
        title_en = "pocket parks"
        area = "livelihood"
        owner = "区城管局"
        kind = "checklist"
        items = []
        source = "加快丁山社区、石峰山东园等小游园建设"
    """)
    write_plan(data, text)
    out = run("check", code=3).stdout
    assert re.search(r"goals\.toml:\d+: part_of cycle", out), out
    assert re.search(r"goals\.toml:\d+: a checklist without items", out), out


def test_every_problem_is_collected_not_just_the_first(data, run):
    text = MINI.replace("target = 3000\n", "tagret = 3000\n").replace(
        'kind = "count"\ntarget = 1500', 'kind = "cuont"\ntarget = 1500'
    )
    write_plan(data, text)
    document = run.json("check", code=3)
    messages = " | ".join(p["message"] for p in document["problems"])
    assert "unknown key 'tagret'" in messages and "unknown kind 'cuont'" in messages
    assert document["ok"] is False


def test_broken_plan_stops_other_commands_with_exit_3(data, run):
    write_plan(data, MINI.replace("target = 3000\n", "tagret = 3000\n"))
    result = run("status", code=3)
    assert "goals.toml:21: unknown key 'tagret'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_kind_keys_that_do_not_fit(data, run):
    write_plan(data, MINI.replace('part_of = "jobs.training"\n', 'items = ["a"]\n'))
    out = run("check", code=3).stdout
    assert "'items' does not apply to a count goal" in out


# ── the bundled plan ─────────────────────────────────────────────────────────


def test_bundled_plan_passes_check(run):
    result = run("check", code=0)
    assert result.stdout.startswith("OK:")


def test_goals_json_lists_every_goal_with_all_fields(run):
    document = run.json("goals")
    assert document["schema"] == "tracker.goals/1"
    goals = document["goals"]
    assert len(goals) >= 25
    for goal in goals:
        for key in ("id", "title", "title_en", "area", "owner", "kind", "deadline", "source"):
            assert goal[key], (goal["id"], key)
        assert re.match(r"^[a-z0-9]+([.-][a-z0-9]+)*$", goal["id"])
    assert {a["id"] for a in document["plan"]["areas"]} == {g["area"] for g in goals}
    assert len(document["plan"]["areas"]) == 6


def test_bundled_plan_encodes_the_reports_numbers():
    plan, problems = load_plan(DataDir(REPO))
    assert problems == []
    training, placement = plan.goal("jobs.training"), plan.goal("jobs.placement")
    assert (training.target, training.unit, training.kind.value) == (3000, "人", "count")
    assert (placement.target, placement.part_of) == (1500, "jobs.training")
    cuts = [g for g in plan.goals if g.id.startswith("finance.") and g.id.endswith("-cut")]
    assert len(cuts) == 3
    assert all(
        (g.kind.value, g.target, g.unit, g.direction.value) == ("level", 10, "%", "at_least")
        for g in cuts
    )
    assert str(plan.goal("housing.three-supplies").deadline) == "2020-04-30"
    assert plan.goal("rural.eco-farm-bases").items == ("茅天新", "长石", "九塘")
    assert (str(plan.start), str(plan.end), plan.timezone) == (
        "2020-01-01",
        "2020-12-31",
        "Asia/Shanghai",
    )


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="shared/seeds is not beside the repo")
def test_every_source_is_a_verbatim_sentence_of_the_report():
    report = (SHARED / "seeds" / "shifeng-2020-report.txt").read_text(encoding="utf-8")
    flat = re.sub(r"\s+", "", report)  # the report wraps lines and breaks pages mid-sentence
    plan, _ = load_plan(DataDir(REPO))
    for goal in plan.goals:
        assert re.sub(r"\s+", "", goal.source) in flat, goal.id


# ── where the data is found, and the installed script ────────────────────────


def test_data_dir_from_option_env_and_ancestor(data, tmp_path):
    deep = data / "progress" / "sub"
    deep.mkdir()
    by_ancestor = run_process(["goals", "--format", "json"], cwd=deep, env={"TRACKER_DATA": ""})
    assert by_ancestor.returncode == 0, by_ancestor.stderr
    by_option = run_process(["goals", "--data", str(data), "--format", "json"], cwd=tmp_path)
    assert by_option.returncode == 0
    by_env = run_process(
        ["goals", "--format", "json"], cwd=tmp_path, env={"TRACKER_DATA": str(data)}
    )
    assert (
        json.loads(by_env.stdout) == json.loads(by_option.stdout) == json.loads(by_ancestor.stdout)
    )
    nowhere = run_process(["status"], cwd=tmp_path, env={"TRACKER_DATA": ""})
    assert nowhere.returncode == 3
    assert b"no goals.toml" in nowhere.stderr and b"Traceback" not in nowhere.stderr


def test_installed_script_and_python_m(data):
    import subprocess
    import sys

    script = run_process(["--data", str(data), "status", "--as-of", "2020-06-30"])
    assert script.returncode == 0, script.stderr
    assert "jobs.training" in script.stdout.decode("utf-8")
    module = subprocess.run(
        [sys.executable, "-m", "tracker", "--data", str(data), "goals"], capture_output=True
    )
    assert module.returncode == 0 and "jobs.placement" in module.stdout.decode("utf-8")


def test_the_time_zone_needs_no_zone_data_from_the_system(data, tmp_path):
    """Windows has no system zone data: the plan's zone comes from the tzdata
    package, declared for Windows (here, an empty zone path stands for it)."""
    import tomllib

    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "tzdata; sys_platform == 'win32'" in pyproject["project"]["dependencies"]
    pytest.importorskip("tzdata")
    bare = run_process(["--data", str(data), "status", "--as-of", "2020-06-30"],
                       env={"PYTHONTZPATH": str(tmp_path), "TRACKER_LANG": "en"})  # fmt: skip
    assert bare.returncode == 0 and b"as of 2020-06-30" in bare.stdout, bare.stderr


def test_usage_errors_exit_2_without_traceback(run):
    result = run("status", "--as-of", "01/02/2020", code=2)
    assert "ambiguous date" in result.stderr
    result = run("goals", "--area", "econ", code=2)
    assert "did you mean 'economy'" in result.stderr


@pytest.mark.parametrize(
    "before, after", [(["--debug"], []), ([], ["--debug"])], ids=["debug-first", "debug-last"]
)
def test_debug_shows_a_traceback_wherever_it_stands_and_plain_runs_do_not(data, before, after):
    """--debug is read wherever it stands among the group's options."""
    write_plan(data, MINI.replace("target = 3000\n", "tagret = 3000\n"))
    plain = run_process(["--data", str(data), "status"])
    assert plain.returncode == 3 and b"Traceback" not in plain.stderr
    debug = run_process([*before, "--data", str(data), *after, "status"])
    assert debug.returncode == 3 and b"Traceback" in debug.stderr
    assert b"unknown key 'tagret'" in debug.stderr


def test_a_broken_goal_is_not_also_called_unknown_by_its_parts(data, run):
    write_plan(data, MINI.replace("target = 3000\n", "tagret = 3000\n"))
    out = run("check", code=3).stdout
    assert "unknown key 'tagret'" in out
    assert "part_of unknown goal" not in out, out


def test_part_of_still_refuses_a_truly_unknown_goal(data, run):
    write_plan(data, MINI.replace('part_of = "jobs.training"', 'part_of = "jobs.trainin"'))
    out = run("check", code=3).stdout
    assert "goals.toml:35: 'jobs.placement' is part_of unknown goal 'jobs.trainin'" in out, out
    assert "did you mean 'jobs.training'" in out
