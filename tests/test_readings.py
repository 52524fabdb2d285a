"""The readings SPEC decided where its rules left room ("Readings decided"), one
table per rule, with dates on both sides of each boundary. Through the real
CLI on tests/plans/readings.toml (2020, reported monthly): `lv.final` a level
judged on its final reading due 30 June, `lv.held` one held throughout from
1 February to 30 June, `lv.first` one done when first reached, `lv.base` one
with a baseline, a milestone with a stage, a checklist with an item due early,
a goal two offices share, and continuing projects."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import Run, goal_status, plan_folder, validator

pytestmark = pytest.mark.usefixtures("english")  # these tests assert English words


@pytest.fixture
def plan(tmp_path) -> Run:
    return plan_folder(tmp_path, "readings")


def log(plan: Run, goal: str, *readings: tuple[str, float]) -> None:
    """Readings (or increments) of one goal, each on its 2020 date."""
    plan.log_batch([{"goal": goal, "date": f"2020-{day}", "value": v} for day, v in readings])


def status_of(plan: Run, goal: str, day: str) -> dict:
    """`goal`'s status on `day` (MM-DD of 2020, or a full date)."""
    return goal_status(plan, goal, day if len(day) > 5 else f"2020-{day}")


# ── a final or throughout level on its deadline day; a throughout level short ──


@pytest.mark.parametrize(
    "goal, readings, day, state",
    [
        ("lv.final", [("06-30", 12)], "06-29", "pending"),  # nothing read yet: nothing to judge
        ("lv.final", [("06-30", 12)], "06-30", "done"),  # met on the deadline day
        ("lv.held", [("03-01", 96), ("06-30", 96)], "06-29", "on_track"),
        ("lv.held", [("03-01", 96), ("06-30", 96)], "06-30", "done"),
        ("lv.held", [("03-01", 90)], "06-30", "off_track"),  # fell short: until the deadline
        ("lv.held", [("03-01", 90)], "07-01", "overdue"),  # and after it
    ],
)
def test_a_level_meeting_its_target_on_the_deadline_is_done_that_day(
    plan, goal, readings, day, state
):
    log(plan, goal, *readings)
    assert status_of(plan, goal, day)["state"] == state


# ── a throughout level with no reading yet ───────────────────────────────────


@pytest.mark.parametrize(
    "day, state, stale, expected",
    [
        ("01-31", "pending", False, 0),  # before its start
        ("02-01", "pending", False, 1),  # from its start it must hold the whole target
        ("03-01", "pending", False, 1),  # a month without a reading: not stale yet
        ("03-02", "pending", True, 1),  # a reporting period passed without one
        ("06-30", "pending", True, 1),  # its deadline day
        ("07-01", "overdue", False, 1),  # passed without a reading
    ],
)
def test_a_level_held_throughout_with_no_reading_is_pending(plan, day, state, stale, expected):
    status = status_of(plan, "lv.held", day)
    assert (status["state"], status["stale"], status["expected"]) == (state, stale, expected)
    assert status["schedule_days"] is None  # nothing to judge: neither ahead nor behind


# ── a final level needs a reading that covers the end of its period ──────────


@pytest.mark.parametrize(
    "readings, day, state, awaiting",
    [
        # 30 May is not within the last month before 30 June: it does not cover it
        ([("05-30", 12)], "06-30", "on_track", False),
        ([("05-30", 12)], "07-01", "overdue", True),
        ([("05-31", 12)], "06-30", "done", False),  # 31 May is: done on the deadline
        ([("05-31", 12)], "07-01", "done", False),
        # a reading after the deadline covers it too
        ([("05-30", 12), ("07-05", 12)], "07-04", "overdue", True),
        ([("05-30", 12), ("07-05", 12)], "07-05", "done", False),
    ],
)
def test_a_final_level_is_done_only_on_a_reading_covering_the_end(
    plan, readings, day, state, awaiting
):
    log(plan, "lv.final", *readings)
    status = status_of(plan, "lv.final", day)
    assert (status["state"], status["awaiting_final_reading"]) == (state, awaiting)
    alerts = plan("alerts", "--as-of", f"2020-{day}", code=0).stdout
    assert ("awaiting the final reading" in alerts) is awaiting


# ── a first level stays done; its value follows the latest reading ───────────


@pytest.mark.parametrize(
    "day, state, current, progress",
    [
        ("02-29", "pending", None, 0),  # no reading yet: nothing to judge
        ("03-01", "done", 12, 1.2),  # reached
        ("03-31", "done", 12, 1.2),
        ("04-01", "done", 8, 0.8),  # fell back: still done, showing the latest reading
    ],
)
def test_a_first_level_stays_done_once_reached(plan, day, state, current, progress):
    log(plan, "lv.first", ("03-01", 12), ("04-01", 8))
    status = status_of(plan, "lv.first", day)
    assert (status["state"], status["current"], status["progress"]) == (state, current, progress)


# ── where a level's forecast starts ──────────────────────────────────────────

# On 1 March the forecast's window of 8 weeks starts on 5 January.


@pytest.mark.parametrize(
    "goal, readings, completion",
    [
        # from the last reading before the window (5 January): 4 → 6 in 56 days,
        # 4 to go → 112 days → 21 June
        ("lv.base", [("01-05", 4), ("03-01", 6)], "2020-06-21"),
        # none before it (6 January is inside): from the baseline, 2 → 6 in 56
        # days, 4 to go → 56 days → 26 April
        ("lv.base", [("01-06", 4), ("03-01", 6)], "2020-04-26"),
        ("lv.base", [("03-01", 6)], "2020-04-26"),  # one reading and a baseline
        # no baseline: from the first reading in the window, 4 → 6 in 55 days,
        # 4 to go → 110 days → 19 June
        ("lv.first", [("01-06", 4), ("03-01", 6)], "2020-06-19"),
        ("lv.first", [("03-01", 6)], None),  # one reading, no baseline: no rate
        ("lv.base", [("01-05", 4), ("03-01", 3)], None),  # moving away from the target
    ],
)
def test_a_levels_forecast_starts_before_the_window_else_at_its_baseline(
    plan, goal, readings, completion
):
    log(plan, goal, *readings)
    forecast = status_of(plan, goal, "03-01")["forecast"]
    assert (forecast and forecast["completion_date"]) == completion


# ── `goals` shows the plan's definition and the values implied ───────────────


@pytest.mark.parametrize(
    "goal, day, target, judged, decimals",
    [
        ("money", "06-30", 1.5, None, 2),  # 亿元: two decimal places without saying so
        ("money", "07-01", 2, None, 2),  # the revision is in force: status says so
        ("lv.final", "06-30", 10, "final", None),  # judged on its final reading by default
    ],
)
def test_goals_shows_the_definition_and_implied_values(plan, goal, day, target, judged, decimals):
    document = plan.json("goals")
    validator("goals").validate(document)
    definition = next(g for g in document["goals"] if g["id"] == goal)
    assert (definition["judged"], definition["decimals"]) == (judged, decimals)
    assert status_of(plan, goal, day)["target"] == target
    if goal == "money":  # as the plan defines it, whatever the day
        assert definition["target"] == 1.5 and definition["deadline"] == "2020-12-31"
        assert [(r["date"], r["target"]) for r in definition["revisions"]] == [("2020-07-01", 2)]


# ── the digest's activity: live entries, and retractions as such ─────────────


@pytest.mark.parametrize(
    "since, until, entries, retracted",
    [
        ("03-01", "03-03", 1, []),  # the retracted entry of 3 March is not listed
        ("03-03", "03-04", 0, ["e2"]),  # only the retraction, dated 4 March
        ("03-04", "03-04", 0, ["e2"]),
        ("03-05", "03-10", None, None),  # nothing of the goal in the period
    ],
)
def test_the_digest_lists_live_entries_and_retractions_as_such(
    plan, since, until, entries, retracted
):
    plan.log_batch([
        {"id": "e1", "goal": "count.shared", "date": "2020-03-02", "value": 10},
        {"id": "e2", "goal": "count.shared", "date": "2020-03-03", "value": 5},
    ])  # fmt: skip
    plan.log_batch([{"id": "r1", "retracts": "e2", "reason": "录错", "date": "2020-03-04"}])
    period = ("--since", f"2020-{since}", "--until", f"2020-{until}")
    document = plan.json("summary", *period)
    validator("summary").validate(document)
    row = next((a for a in document["activity"] if a["id"] == "count.shared"), None)
    if entries is None:
        assert row is None
        return
    assert (row["entries"], [r["retracts"] for r in row["retractions"]]) == (entries, retracted)
    text = plan("summary", *period, code=0).stdout
    assert ("an entry retracted" in text) is bool(retracted)
    assert "e2" not in text  # an entry's id is for programs: JSON names it


# ── delays: milestones, checklists and levels held throughout ────────────────


@pytest.mark.parametrize(
    "day, delays",
    [
        # the milestone's stage and the checklist's item are due 31 March, the
        # level held throughout fell short on 10 March
        ("03-10", {"ms.staged": None, "cl.dated": None, "lv.held": 0}),  # no stage or item due yet
        ("03-31", {"ms.staged": 0, "cl.dated": 0, "lv.held": 21}),
        ("04-01", {"ms.staged": 1, "cl.dated": 1, "lv.held": 22}),
        ("04-30", {"ms.staged": 30, "cl.dated": 30, "lv.held": 51}),
    ],
)
def test_milestones_checklists_and_held_levels_have_a_delay(plan, day, delays):
    log(plan, "lv.held", ("03-10", 90))
    document = plan.json("summary", "--as-of", f"2020-{day}")
    validator("summary").validate(document)
    attention = {a["id"]: a for a in document["attention"]}
    assert {goal: attention[goal]["delay_days"] if goal in attention else None
            for goal in delays} == delays  # fmt: skip
    for office in document["offices"]:  # the largest delay among its goals needing attention
        mine = [a["delay_days"] for a in attention.values()
                if office["office"] in (a["owner"], *a["co_owners"])]  # fmt: skip
        assert office["worst_delay_days"] == max(mine, default=0)
    for goal, days in delays.items():  # show and alerts say the same days as the bulletin
        shown = plan("show", goal, "--as-of", f"2020-{day}", code=0).stdout
        alerts = "".join(line for line in plan("alerts", "--as-of", f"2020-{day}", code=None)
                         .stdout.splitlines() if goal in line)  # fmt: skip
        behind = f"{days} days behind"
        assert (behind in shown, behind in alerts) == ((True, True) if days else (False, False))


@pytest.mark.parametrize(
    "day, reached, state, progress, delay",
    [
        # stages 设计 due 31 March and 开工 due 31 May, the milestone 30 June
        ("03-30", [], "pending", 0, None),
        ("04-10", [], "off_track", 0, 10),  # behind from its first missed stage
        ("04-10", ["03-20 设计"], "pending", 1 / 3, None),  # a stage reached on time
        ("06-10", ["03-20 设计"], "off_track", 1 / 3, 10),
        ("06-10", ["03-20 设计", "06-05 开工"], "pending", 2 / 3, None),  # late, caught up
        ("06-10", ["04-20 done"], "done", 1, None),  # done without its stages logged
        ("07-01", ["03-20 设计"], "overdue", 1 / 3, 31),
    ],
)
def test_a_milestone_is_behind_from_its_first_missed_stage(plan, day, reached, state, progress,
                                                           delay):  # fmt: skip
    for mark in reached:
        when, stage = mark.split()
        what = ("--done",) if stage == "done" else ("--item", stage)
        plan("log", "ms.staged", *what, "--date", f"2020-{when}", code=0)
    status = status_of(plan, "ms.staged", day)
    assert (status["state"], status["progress"]) == (state, pytest.approx(progress, abs=1e-6))
    assert status["gap_to_schedule"] is status["gap_to_target"] is None  # done or not
    attention = {a["id"]: a for a in plan.json("summary", "--as-of", f"2020-{day}")["attention"]}
    assert (attention["ms.staged"]["delay_days"] if "ms.staged" in attention else None) == delay
    shown = plan("show", "ms.staged", "--as-of", f"2020-{day}", code=0).stdout
    assert "stages: " in shown and "设计 (2020-03-31" in shown  # stages listed with their dates


def test_a_stage_needs_its_date(plan):
    path = plan.root / "goals.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('{name = "开工", deadline = 2020-05-31}', '"开工"'), "utf-8")
    assert "stage '开工' has no date" in plan("check", code=3).stdout


# ── gaps named by what they are measured against ─────────────────────────────


@pytest.mark.parametrize(
    "goal, readings, schedule, target, expected",
    [
        # on 10 April: 30 of 100 where all is due, short of the schedule and the target alike
        ("count.due", [("03-01", 30)], 70, 70, 1),
        # a level is compared with its target from its start, never a ramp:
        # 5 % where 10 % is the target is 5 points short, and no days behind
        ("lv.final", [("03-01", 5)], None, 5, 1),
        ("lv.base", [("03-01", 6)], None, 4, 1),
        ("cl.dated", [], 1, 2, 0.5),  # 乙 was due 31 March, 甲 is due 30 June
    ],
)
def test_gaps_say_what_they_are_measured_against(plan, goal, readings, schedule, target, expected):
    if readings:
        log(plan, goal, *readings)
    status = status_of(plan, goal, "04-10")
    assert (status["gap_to_schedule"], status["gap_to_target"]) == (schedule, target)
    assert status["expected"] == pytest.approx(expected, abs=0.1)
    if schedule is None:
        assert status["schedule_days"] is None


# ── init --from keeps a continuing goal's true dates ─────────────────────────


@pytest.mark.parametrize(
    "goal, deadline, trajectory",
    [
        ("lv.first", "2021-12-31", None),  # due on the old year's last day: moves a year
        ("edge", "2021-01-01", None),  # due the day after: a true date, kept
        # 2019-12-31 stays and falls before the new start (dropped); 2020-01-01
        # moves; 2020-09-30 would move past the deadline (dropped); 2021 stays
        ("bridge", "2021-06-30", [("2021-01-01", 0.2), ("2021-03-31", 0.8)]),
    ],
)
def test_next_years_plan_moves_only_dates_inside_the_old_year(plan, tmp_path, goal, deadline,
                                                              trajectory):  # fmt: skip
    new = tmp_path / "2021"
    plan("init", str(new), "--from", str(plan.root), "--year", "2021", code=0)
    carried = Run(new)
    assert "no problems" in carried("check", code=0).stdout
    definition = next(g for g in carried.json("goals")["goals"] if g["id"] == goal)
    assert definition["deadline"] == deadline
    assert definition["multi_year"] is (goal != "lv.first")  # kept where it was said
    if trajectory is not None:
        assert [(c["date"], c["value"]) for c in definition["trajectory"]] == trajectory


# ── a per-office digest, and totals that count a goal once ───────────────────


@pytest.mark.parametrize(
    "owner, offices",
    [
        (None, ["区人社局", "区住建局", "区环保局", "区审计局", "区财政局"]),
        ("区审计局", ["区审计局"]),  # it shares count.shared with 区财政局 (the lead)
        ("区财政局", ["区财政局"]),
    ],
)
def test_an_offices_digest_shows_that_office_and_totals_count_a_goal_once(plan, owner, offices):
    chosen = ("--owner", owner) if owner else ()
    document = plan.json("summary", "--as-of", "2020-06-30", *chosen)
    validator("summary").validate(document)
    assert sorted(o["office"] for o in document["offices"]) == sorted(offices)
    text = plan("summary", "--as-of", "2020-06-30", "--lang", "zh", *chosen, code=0).stdout
    if owner is None:  # 11 goals; count.shared is held by two offices
        assert sum(o["held"] for o in document["offices"]) == 12
        total = next(line for line in text.splitlines() if line.lstrip().startswith("合计"))
        assert total.split()[1] == str(sum(document["counts"].values())) == "11"
    else:
        assert not any(line.lstrip().startswith("合计") for line in text.splitlines())
    if owner == "区审计局":  # its shared goal names the lead office beside it
        assert "牵头单位：区财政局　责任单位：区审计局" in text
    if owner is None:  # and the workbook and CSV name both, in their own columns
        rows = plan("status", "--as-of", "2020-06-30", "--format", "csv", code=0).stdout
        shared = next(
            row for row in csv.DictReader(io.StringIO(rows)) if row["id"] == "count.shared"
        )
        assert (shared["owner"], shared["co_owners"]) == ("区财政局", "区审计局")


# ── a forecast after the deadline; item deadlines inside the goal's ──────────


@pytest.mark.parametrize(
    "day, state, completion, late",
    [
        # 20 → 48 in the 8 weeks before: 0.5 a day, 52 to go → 104 days
        ("04-10", "off_track", "2020-07-23", 104),
        ("04-11", "overdue", "2020-07-24", 105),  # unfinished: it keeps its forecast
    ],
)
def test_an_unfinished_goal_keeps_its_forecast_after_its_deadline(
    plan, day, state, completion, late
):
    plan.log_batch([
        {"goal": "count.due", "date": "2020-01-05", "value": 20, "total": True},
        {"goal": "count.due", "date": "2020-03-01", "value": 48, "total": True},
    ])  # fmt: skip
    status = status_of(plan, "count.due", day)
    assert (status["state"], status["forecast"]) == (
        state, {"completion_date": completion, "days_late": late}
    )  # fmt: skip


@pytest.mark.parametrize(
    "items, refused",
    [
        ('{name = "乙", deadline = 2020-06-30}', False),  # on the goal's deadline
        ('{name = "乙", deadline = 2020-07-01}', True),  # after it
    ],
)
@pytest.mark.parametrize("revised", [False, True])
def test_check_refuses_an_item_due_after_its_goals_deadline(plan, items, refused, revised):
    path = plan.root / "goals.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('{name = "乙", deadline = 2020-03-31}', items)
    if revised:  # a revision bringing the deadline forward: the items' must fit it too
        text = text.replace(
            'deadline = 2020-06-30\nsource = "s"\n\n[[goal]]\nid = "bridge"',
            'deadline = 2020-07-31\nrevisions = [{date = 2020-05-01, deadline = 2020-06-30}]\n'
            'source = "s"\n\n[[goal]]\nid = "bridge"',
        )  # fmt: skip
    path.write_text(text, encoding="utf-8")
    result = plan("check", code=3 if refused else 0)
    assert ("item '乙' is due 2020-07-01, outside" in result.stdout) is refused
    json.loads(plan("check", "--format", "json", code=3 if refused else 0).stdout)


def test_a_levels_reading_is_shown_as_the_value_it_states(plan):
    """A level's line is a reading, not an increment: '= 90' wherever a line's
    change is shown (show, entries' table and CSV), '+10' for a count's."""
    log(plan, "lv.held", ("03-10", 90), ("04-10", 96))
    log(plan, "count.due", ("03-12", 10))
    shown = plan("show", "lv.held", "--as-of", "2020-04-30", code=0).stdout
    assert "= 96" in shown and "+96" not in shown
    history = plan.json("show", "lv.held", "--as-of", "2020-04-30")["history"]
    assert [h["change"] for h in history] == ["= 90", "= 96"]
    table = plan("entries", code=0).stdout
    assert "= 90" in table and "+10" in table and "+90" not in table
    rows = csv.DictReader(io.StringIO(plan("entries", "--format", "csv", code=0).stdout))
    changes = {r["goal"]: r["change"] for r in rows if r["date"] == "2020-03-10"}
    assert changes == {"lv.held": "'= 90"}  # (as a total's: a leading ' keeps it no formula)
