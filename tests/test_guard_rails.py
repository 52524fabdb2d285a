"""Guard rails when logging: a date is asked for once the plan's year is over, a
value too big to be likely is refused unless forced (in a batch too), and a
retract names one entry and asks before it marks it, on a terminal only."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SAME_START, in_pty, needs_pty


def test_log_after_the_plans_year_asks_for_a_date(run, data):
    result = run("log", "jobs.training", "120", code=2)
    assert "--date 2020-12-31" in result.stderr and "--date today" in result.stderr
    assert "2020-12-31" in run("log", "jobs.training", "120", "--lang", "en", code=2).stderr
    assert list((data / "progress").glob("*.jsonl")) == []
    run("log", "jobs.training", "120", "--date", "today", code=0)  # meant: today
    assert len(run.json("entries")["entries"]) == 1


@pytest.mark.parametrize(
    "args, why",
    [
        (["finance.general-spending-cut", "120"], "100%"),  # a level in % above 100
        (["jobs.training", "3001"], "3000"),  # an increment above the whole target
        (["jobs.training", "--total", "30001"], "10"),  # a total above 10× the target
    ],
)
def test_an_implausible_value_is_refused_unless_forced(run, data, args, why):
    result = run("log", *args, "--date", "2020-06-01", code=3)
    assert why in result.stderr and "--force" in result.stderr
    assert list((data / "progress").glob("*.jsonl")) == []
    run("log", *args, "--date", "2020-06-01", "--force", code=0)
    assert len(run.json("entries")["entries"]) == 1


def test_plausible_values_are_not_questioned(run):
    run("log", "finance.general-spending-cut", "99", "--date", "2020-06-01", code=0)
    run("log", "jobs.training", "3000", "--date", "2020-06-01", code=0)
    run("log", "jobs.training", "--total", "29999", "--date", "2020-06-02", code=0)


def test_a_batch_gets_the_same_guard_rail(run, data):
    batch = json.dumps([{"goal": "jobs.training", "date": "2020-05-01", "value": 12000}])
    result = run("log", "--from-json", "-", input=batch, code=3)
    assert "12000" in result.stderr and "--force" in result.stderr
    run("log", "--from-json", "-", "--force", input=batch, code=0)


def test_the_rule_judges_levels_by_ten_times_their_target():
    import datetime as dt

    from tests.conftest import make_goal, make_plan
    from tracker.model import Entry, Kind, Op
    from tracker.rules.entries import implausible_value

    level = make_goal("money.raised", Kind.LEVEL, title="融资", title_en="Funds raised",
                      area="economy", owner="区财政局", source="", target=5, unit="亿元")  # fmt: skip
    plan = make_plan(level)

    def reading(value):
        return Entry("e", "money.raised", dt.date(2020, 5, 1), Op.VALUE, "t", value=value)

    assert implausible_value(plan, reading(50)) == []
    assert [p.code for p in implausible_value(plan, reading(51))] == ["implausible"]


def test_a_retract_prefix_naming_several_entries_lists_them(run, data):
    run("log", "--from-json", "-", input=json.dumps(SAME_START), code=0)
    result = run("retract", "8ea3", "--reason", "录错", code=2)
    assert "jobs.training 2020-05-01 120" in result.stderr
    assert "jobs.placement 2020-05-02 40" in result.stderr
    assert len(run.json("entries")["entries"]) == 2  # nothing written


def test_retract_without_a_terminal_does_not_ask(run):
    run("log", "--from-json", "-", input=json.dumps(SAME_START), code=0)
    result = run("retract", "8ea3b", "--reason", "录错", code=0)
    assert "?" not in result.stderr and "8ea3bbbb00000002" in result.stdout
    assert run.json("entries")["entries"][1]["retracted_by"]


@needs_pty
@pytest.mark.parametrize("answer, written", [(b"n\n", False), (b"y\n", True)])
def test_retract_on_a_terminal_shows_the_entry_and_asks(run, data, answer, written):
    run("log", "--from-json", "-", input=json.dumps(SAME_START), code=0)
    code, shown = in_pty(["retract", "8ea3b", "--reason", "录错"], data, answer=answer)
    assert code == 0, shown
    for part in ("8ea3bbbb00000002", "jobs.placement", "其中1500人实现就业",
                 "2020-05-02", "+40", "社区学院第一期", "人社局张伟", "确定撤销？"):  # fmt: skip
        assert part in shown, (part, shown)
    entries = run.json("entries")["entries"]
    assert bool(entries[1]["retracted_by"]) is written


def test_a_lower_running_total_is_refused_without_force(run):
    """1,150 after 1,790 would make the count go backwards: a slip, most often."""
    run("log", "jobs.training", "--total", "1790", "--date", "2020-05-31", code=0)
    err = run("log", "jobs.training", "--total", "1150", "--date", "2020-06-30", code=3).stderr
    assert (
        "jobs.training 的累计值 1,150 人低于 2020-06-30 已有的 1,790 人" in err and "--force" in err
    )
    run(
        "log", "jobs.training", "--total", "1150", "--date", "2020-05-01", code=0
    )  # before it: fine
    run("log", "jobs.training", "--total", "1150", "--date", "2020-06-30", "--force", code=0)
    goals = run.json("status", "--as-of", "2020-06-30")["goals"]
    assert next(g["current"] for g in goals if g["id"] == "jobs.training") == 1150


@needs_pty
@pytest.mark.parametrize("answer, written", [(b"n\n", False), (b"y\n", True)])
def test_a_lower_running_total_is_asked_about_on_a_terminal(run, data, answer, written):
    run("log", "jobs.training", "--total", "1790", "--date", "2020-05-31", code=0)
    args = ["log", "jobs.training", "--total", "1150", "--date", "2020-06-30"]
    code, shown = in_pty(args, data, answer=answer)
    assert (
        code == 0 and "1,150 人低于 2020-06-30 已有的 1,790 人" in shown and "仍要记录吗？" in shown
    )
    assert len(run.json("entries")["entries"]) == 1 + written


@needs_pty
def test_retract_yes_does_not_ask_on_a_terminal(run, data):
    run("log", "--from-json", "-", input=json.dumps(SAME_START), code=0)
    code, shown = in_pty(["retract", "8ea3b", "--reason", "录错", "--yes"], data)
    assert code == 0 and "确定撤销" not in shown
    assert run.json("entries")["entries"][1]["retracted_by"]
