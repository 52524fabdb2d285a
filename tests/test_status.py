"""Status rules at their boundaries, schedule_days and forecasts on hand-computed
examples, formats, and output hygiene — all through the real CLI."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from tests.conftest import goal_status, plan_folder
from tracker.render.text import cell_width


@pytest.fixture
def tiny(tmp_path):
    """Goals of exactly 100 days (2020-01-01 to 04-10), so day n expects n/100."""
    return plan_folder(tmp_path, "hundred_days")


@pytest.mark.parametrize("logged, state", [(50, "on_track"), (40, "at_risk"), (39, "off_track")])
def test_state_at_the_tolerance_boundary(tiny, logged, state):
    tiny("log", "t.count", str(logged), "--date", "2020-02-01", code=0)
    g = goal_status(tiny, "t.count", "2020-02-20")  # day 50 of 100: expects exactly 0.5
    assert (g["expected"], g["progress"], g["state"]) == (0.5, logged / 100, state)


def test_deadline_day_and_the_day_after(tiny):
    tiny("log", "t.count", "95", "--date", "2020-04-01", code=0)
    on_day = goal_status(tiny, "t.count", "2020-04-10")
    assert (on_day["state"], on_day["days_left"], on_day["due_soon"]) == ("at_risk", 0, True)
    after = goal_status(tiny, "t.count", "2020-04-11")
    assert (after["state"], after["days_left"], after["due_soon"]) == ("overdue", -1, False)
    tiny("log", "t.count", "5", "--date", "2020-04-10", code=0)
    assert goal_status(tiny, "t.count", "2020-04-10")["state"] == "done"
    assert goal_status(tiny, "t.count", "2020-05-01")["state"] == "done"


def test_milestone_pending_until_its_deadline(tiny):
    assert goal_status(tiny, "t.milestone", "2020-04-09")["state"] == "pending"
    assert goal_status(tiny, "t.milestone", "2020-04-09")["expected"] == 0
    assert goal_status(tiny, "t.milestone", "2020-04-10")["state"] == "off_track"
    assert goal_status(tiny, "t.milestone", "2020-04-11")["state"] == "overdue"
    tiny("log", "t.milestone", "--done", "--date", "2020-04-10", code=0)
    assert goal_status(tiny, "t.milestone", "2020-04-09")["state"] == "pending"
    assert goal_status(tiny, "t.milestone", "2020-04-10")["state"] == "done"


def test_due_soon_is_fourteen_days(tiny):
    assert goal_status(tiny, "t.count", "2020-03-27")["due_soon"] is True
    assert goal_status(tiny, "t.count", "2020-03-26")["due_soon"] is False


@pytest.mark.parametrize("logged, days", [(40, -10), (50, 0), (60, 10), (0, -50), (100, 50)])
def test_schedule_days_hand_computed(tiny, logged, days):
    if logged:
        tiny("log", "t.count", str(logged), "--date", "2020-02-01", code=0)
    assert goal_status(tiny, "t.count", "2020-02-20")["schedule_days"] == days


def test_forecast_hand_computed(tiny):
    tiny("log", "t.count", "28", "--date", "2020-01-15", code=0)
    tiny("log", "t.count", "28", "--date", "2020-02-12", code=0)
    # 56 in the 56 days since the start: 1 a day; 44 to go → 2020-04-10, on time.
    g = goal_status(tiny, "t.count", "2020-02-26")
    assert g["forecast"] == {"completion_date": "2020-04-10", "days_late": 0}
    tiny("retract", tiny.json("entries")["entries"][1]["id"], "--reason", "wrong", code=0)
    # 28 in 56 days: 0.5 a day; 72 to go → 144 days → 2020-07-19, 100 days late.
    g = goal_status(tiny, "t.count", "2020-02-26")
    assert g["forecast"] == {"completion_date": "2020-07-19", "days_late": 100}
    assert g["current"] == 28  # the retracted entry counts nowhere


@pytest.mark.parametrize(
    "as_of, expected",
    [("2020-01-21", 0.1), ("2020-02-20", 0.5), ("2020-03-21", 0.9), ("2020-04-10", 1.0)],
)
def test_explicit_trajectory_checkpoints(tiny, as_of, expected):
    # 0 on 01-01 → 20 on 02-10 → 80 on 03-01 → 100 on the 04-10 deadline, linear between.
    assert goal_status(tiny, "t.curve", as_of)["expected"] == pytest.approx(expected)


def test_schedule_days_follow_the_trajectory(tiny):
    tiny("log", "t.curve", "50", "--date", "2020-02-15", code=0)
    g = goal_status(tiny, "t.curve", "2020-03-01")  # 0.8 expected; the curve passed 0.5 on 02-20
    assert (g["state"], g["schedule_days"]) == ("off_track", -10)


def test_trajectory_checkpoints_are_validated(tiny):
    text = (tiny.root / "goals.toml").read_text(encoding="utf-8")
    text = text.replace(
        "{date = 2020-02-10, value = 20}, {date = 2020-03-01, value = 80}",
        "{date = 2020-03-01, value = 20}, {date = 2020-02-10, value = 80}",
    )
    (tiny.root / "goals.toml").write_text(text, encoding="utf-8")
    assert "checkpoints must be in date order" in tiny("check", "--lang", "en", code=3).stdout
    assert "检查点必须按日期顺序排列" in tiny("check", code=3).stdout


def test_forecast_counts_entries_on_the_first_day(tiny):
    tiny("log", "t.count", "10", "--date", "2020-01-01", code=0)
    # 10 over the 10 days 2020-01-01..01-10: 1 a day; 90 to go → 2020-04-09.
    assert goal_status(tiny, "t.count", "2020-01-10")["forecast"] == {
        "completion_date": "2020-04-09",
        "days_late": 0,
    }


def test_forecast_for_levels_in_both_directions(tiny):
    tiny("log", "t.level", "2", "--date", "2020-01-11", code=0)
    tiny("log", "t.level", "4", "--date", "2020-01-31", code=0)
    # first reading in the window: 2 on 01-11 → 4 on 01-31: 0.1 a day; 6 to go → 60 days.
    assert goal_status(tiny, "t.level", "2020-01-31")["forecast"] == {
        "completion_date": "2020-03-31",
        "days_late": 0,
    }
    tiny("log", "t.lower", "100", "--date", "2020-01-01", code=0)
    tiny("log", "t.lower", "60", "--date", "2020-02-10", code=0)
    g = goal_status(tiny, "t.lower", "2020-02-10")
    assert g["progress"] == 0.5  # (100 − 60) / (100 − 20)
    # The window reaches back to the day before the start, before any reading:
    # from the baseline there, 40 down in 41 days; 40 to go → 41 days → 2020-03-22.
    assert g["forecast"] == {"completion_date": "2020-03-22", "days_late": 0}
    assert goal_status(tiny, "t.lower", "2020-02-18")["stale"] is True  # weekly, last entry 02-10
    assert goal_status(tiny, "t.lower", "2020-02-17")["stale"] is False


def test_as_of_before_any_entry_and_after_the_plan(tiny):
    tiny("log", "t.count", "100", "--date", "2020-03-01", code=0)
    before = goal_status(tiny, "t.count", "2020-02-01")
    assert (before["current"], before["forecast"], before["last_entry"]) == (0, None, None)
    after = goal_status(tiny, "t.count", "2021-06-30")
    assert after["state"] == "done" and after["forecast"]["completion_date"] == "2020-03-01"
    assert goal_status(tiny, "t.milestone", "2021-06-30")["state"] == "overdue"


def test_bundled_status_counts_and_filters(run):
    document = run.json("status", "--as-of", "2020-06-30")
    assert sum(document["counts"].values()) == len(document["goals"]) >= 25
    off = run.json("status", "--as-of", "2020-06-30", "--state", "off_track")
    assert off["goals"] and {g["state"] for g in off["goals"]} == {"off_track"}
    finance = run.json("status", "--as-of", "2020-06-30", "--owner", "区财政局")
    assert {g["owner"] for g in finance["goals"]} == {"区财政局"}
    assert "did you mean" in run("status", "--state", "of_track", "--lang", "en", code=2).stderr
    assert "是不是“off_track”" in run("status", "--state", "of_track", code=2).stderr


def test_every_format_of_status(run):
    run("log", "jobs.training", "300", "--date", "2020-03-01", code=0)
    table = run("status", "--as-of", "2020-06-30", code=0).stdout
    assert "全年培训下岗失业人员3000人" in table and "300/3,000 人" in table
    english = run("status", "--as-of", "2020-06-30", "--lang", "en", code=0).stdout
    assert "Train 3,000 laid-off" in english
    rows = list(
        csv.DictReader(
            io.StringIO(run("status", "--as-of", "2020-06-30", "--format", "csv", code=0).stdout)
        )
    )
    training = next(r for r in rows if r["id"] == "jobs.training")
    assert (training["current"], training["target"], training["state"]) == (
        "300",
        "3000",
        "off_track",
    )
    md = run("status", "--as-of", "2020-06-30", "--format", "md", code=0).stdout
    assert md.startswith("# 石峰区2020年工作目标") and "| jobs.training |" in md


def test_show_has_source_history_chart_and_forecast(run):
    run("log", "jobs.training", "500", "--date", "2020-03-01", "--note", "一期", code=0)
    run("log", "jobs.training", "500", "--date", "2020-04-26", "--note", "二期", code=0)
    out = run("show", "jobs.training", "--as-of", "2020-04-26", code=0).stdout
    assert "力争全年培训下岗失业人员3000人,其中1500人实现就业。" in out
    assert re.search(r"2020-04-26\s+\+500\s+1,000\s+二期", out)
    assert ". 计划进度   * 实际进度" in out and "*" in out
    # 500 after 03-01 in the 8 weeks to 04-26 is 500/56 a day: 2,000 to go takes
    # 224 days → 2020-12-06, on time.
    assert "按最近8周的速度，将于2020-12-06达到3,000 人，可按期完成。" in out
    english = run("show", "jobs.training", "--as-of", "2020-04-26", "--lang", "en", code=0).stdout
    assert "At the rate of the last 8 weeks, 3,000 人 is reached on 2020-12-06, on time." in english
    assert ". trajectory   * actual" in english
    document = run.json("show", "jobs.training", "--as-of", "2020-04-26")
    assert [h["value"] for h in document["history"]] == [500, 1000]
    assert "unknown goal" in run("show", "jobs.trainnig", "--lang", "en", code=3).stderr


def test_alerts_and_fail_on(run):
    run("log", "housing.three-supplies", "--done", "--date", "2020-04-25", code=0)
    document = run.json("alerts", "--as-of", "2020-06-30")
    conditions = {(a["id"], a["condition"]) for a in document["alerts"]}
    assert ("jobs.training", "off_track") in conditions
    assert ("housing.three-supplies", "overdue") not in conditions
    assert run("alerts", "--as-of", "2020-06-30", "--fail-on", "overdue", code=0)
    result = run("alerts", "--as-of", "2020-06-30", "--fail-on", "overdue,off_track", code=1)
    assert re.search(
        r"落后\s+jobs\.training\s+全年培训下岗失业人员3000人\s+完成0%，序时进度应达50%，落后\d+天",
        result.stdout,
    )
    english = run("alerts", "--as-of", "2020-06-30", "--lang", "en", code=0).stdout
    assert re.search(
        r"off track\s+jobs\.training\s+.*0% done where the schedule asks 50%, \d+ days behind",
        english,
    )
    near = run.json("alerts", "--as-of", "2020-04-20")
    assert ("housing.three-supplies", "due_soon") in {
        (a["id"], a["condition"]) for a in near["alerts"]
    }
    assert run("alerts", "--as-of", "2020-05-02", "--fail-on", "overdue", code=0)
    assert (
        "unknown condition" in run("alerts", "--fail-on", "overdu", "--lang", "en", code=2).stderr
    )
    assert (
        "未知条件“overdu”（是不是“overdue”？）"
        in run("alerts", "--fail-on", "overdu", code=2).stderr
    )


# ── output hygiene ───────────────────────────────────────────────────────────

MARKS = "‼✖▲●○✔"


def test_piped_table_is_plain_and_cjk_aligned(run):
    out = run("status", "--as-of", "2020-06-30", code=0).stdout
    assert "\x1b" not in out
    assert not re.search("[\u2500-\u257f]", out)  # no box drawing
    columns = set()
    for line in out.splitlines():
        m = re.search(f"[{MARKS}] \\S+", line)
        if m and re.match(r"\s*\d+\s", line):  # a goal's row, led by its number
            columns.add(cell_width(line[: m.start()]))
    assert len(columns) == 1, columns  # every state starts in the same display column


def test_narrow_terminal_keeps_title_value_state_and_days(run):
    """The title is what a person reads: the id goes first; the state and the
    days left or overdue are what a person acts on: they go last."""
    out = run("status", "--as-of", "2020-06-30", env={"COLUMNS": "80"}, code=0).stdout
    rows = [line for line in out.splitlines() if re.search(f"[{MARKS}] ", line)][1:]
    assert len(rows) >= 25
    for line in rows:
        assert cell_width(line) <= 80, line
        assert re.search(r"(未完成|\d[\d,]*/[\d,]+|—/)", line) and re.search(
            f"[{MARKS}] (正常|有风险|落后|逾期|未到期|已完成) +(逾期)?\\d+天$", line
        )
    assert any("全年培训下岗失业人员3000人" in line for line in rows)


def test_json_is_written_directly_and_keeps_chinese(run):
    result = run(
        "status", "--as-of", "2020-06-30", "--format", "json", env={"COLUMNS": "20"}, code=0
    )
    assert "全年培训下岗失业人员3000人" in result.stdout  # not \\u escapes
    json.loads(result.stdout)  # one document, not wrapped at 20 columns
