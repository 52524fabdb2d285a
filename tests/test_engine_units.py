"""Table-driven unit tests of the pure engine on in-memory values: decide_state,
schedule_days, forecast and is_stale, each case hand-computed from its inputs."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import make_goal
from tracker.engine.forecast import forecast
from tracker.engine.status import decide_state, is_stale
from tracker.engine.trajectory import schedule_days
from tracker.ledger import build_series, day_steps, fits, running_count, step
from tracker.model import Checkpoint, Direction, Entry, Goal, Kind, Op, State, UpdateEvery


def d(text: str) -> dt.date:
    """A date; "MM-DD" means that day of 2020 (a leap year)."""
    return dt.date.fromisoformat(text if len(text) > 5 else f"2020-{text}")


# 2020 is a leap year: Jan 31 + Feb 29 + Mar 31 + Apr 10 = 100 days from START to
# DEADLINE, so on a linear path day n of the span expects exactly n/100.
START, DEADLINE = d("01-01"), d("04-10")
DAY_50 = d("02-20")  # Jan 1 + 31 = Feb 1 (day 31), + 19 = Feb 20 (day 50)


def goal(kind: Kind = Kind.COUNT, **fields) -> Goal:
    """A goal of the 100 days from START to DEADLINE."""
    return make_goal(kind=kind, **{"deadline": DEADLINE, "start": START, **fields})


def entries(*rows: tuple[str, Op, float | None]) -> list[Entry]:
    return [
        Entry(
            id=f"e{n}",
            goal="g",
            date=d(day),
            op=op,
            recorded_at=f"{d(day)}T00:00:00.000000Z",
            value=value,
        )
        for n, (day, op, value) in enumerate(rows, 1)
    ]


V, T = Op.VALUE, Op.TOTAL
# a checklist whose trajectory asks for 2 of its 4 items by Feb 1
PATHED = goal(Kind.CHECKLIST, trajectory=(Checkpoint(d("02-01"), 2.0),))

# ---------------------------------------------------------------- decide_state


@pytest.mark.parametrize(
    "g, progress, expected, done, as_of, state",
    [
        # done wins over everything, even long after the deadline
        (goal(), 1.0, 1.0, True, d("06-01"), State.DONE),
        (goal(Kind.MILESTONE), 1.0, 0.0, True, DAY_50, State.DONE),
        # the day after the deadline, unfinished → overdue
        (goal(), 0.99, 1.0, False, d("04-11"), State.OVERDUE),
        (goal(Kind.MILESTONE), 0.0, 1.0, False, d("04-11"), State.OVERDUE),
        # on the deadline day an unfinished goal is not overdue yet
        (goal(), 0.95, 1.0, False, DEADLINE, State.AT_RISK),  # behind 0.05
        (goal(), 0.5, 1.0, False, DEADLINE, State.OFF_TRACK),  # behind 0.5
        # ...and a milestone is no longer pending on its deadline day (expected is 1)
        (goal(Kind.MILESTONE), 0.0, 1.0, False, DEADLINE, State.OFF_TRACK),
        # "before its deadline" is strict even when nothing is behind (inputs given directly)
        (goal(Kind.CHECKLIST), 0.5, 0.5, False, DEADLINE, State.ON_TRACK),
        # milestone/checklist before the deadline with nothing behind → pending
        (goal(Kind.MILESTONE), 0.0, 0.0, False, DAY_50, State.PENDING),
        (goal(Kind.MILESTONE), 0.0, 0.0, False, d("04-09"), State.PENDING),
        (goal(Kind.CHECKLIST), 0.5, 0.0, False, DAY_50, State.PENDING),
        # a checklist with a trajectory can fall behind: by 0.05 → at risk, by 0.25 → off
        (PATHED, 0.45, 0.5, False, DAY_50, State.AT_RISK),
        (PATHED, 0.25, 0.5, False, DAY_50, State.OFF_TRACK),
        # on track: progress ≥ expected
        (goal(), 0.5, 0.5, False, DAY_50, State.ON_TRACK),
        (goal(), 0.6, 0.5, False, DAY_50, State.ON_TRACK),
        # at risk: behind by at most the tolerance (default 0.10)
        (goal(), 0.45, 0.5, False, DAY_50, State.AT_RISK),
        (goal(), 0.4, 0.5, False, DAY_50, State.AT_RISK),  # behind exactly 0.10
        (goal(), 0.7, 0.8, False, DAY_50, State.AT_RISK),  # 0.8-0.7 = 0.10000000000000009
        (goal(tolerance=0.25), 0.25, 0.5, False, DAY_50, State.AT_RISK),  # exactly 0.25
        # off track: behind by more than the tolerance
        (goal(), 0.39, 0.5, False, DAY_50, State.OFF_TRACK),  # behind 0.11
        (goal(tolerance=0.25), 0.24, 0.5, False, DAY_50, State.OFF_TRACK),  # behind 0.26
        (goal(tolerance=0.0), 0.49, 0.5, False, DAY_50, State.OFF_TRACK),
        # count and level goals are never pending, even with nothing expected yet
        (goal(), 0.0, 0.0, False, START, State.ON_TRACK),
        (goal(Kind.LEVEL), 0.0, 0.0, False, START, State.ON_TRACK),
    ],
)
def test_decide_state(g, progress, expected, done, as_of, state):
    got = decide_state(g, progress=progress, expected=expected, done=done, as_of=as_of)
    assert got is state


# --------------------------------------------------------------- schedule_days


@pytest.mark.parametrize(
    "progress, as_of, days",
    [
        (0.5, DAY_50, 0),  # the path reached 0.50 on day 50 = as_of
        (0.4, DAY_50, -10),  # the path reached 0.40 on day 40
        (0.6, DAY_50, 10),  # the path reaches 0.60 on day 60
        (0.0, DAY_50, -50),  # nothing yet: the path was at 0 on the start day
        (-0.1, DAY_50, -50),  # a level below its baseline: no earlier day than the start
        (0.405, DAY_50, -10),  # day 40 is the last day at or below 0.405
        (1.0, DAY_50, 50),  # met: the days left to the deadline (Feb 20 → Apr 10)
        (1.2, d("04-01"), 9),  # over-met: Apr 1 → Apr 10
        (1.0, d("04-15"), -5),  # met after the deadline: Apr 15 is 5 days past it
        (0.9, d("04-15"), -15),  # 0.90 was due on day 90 = Mar 31, 15 days before
        (0.5, d("2019-12-31"), None),  # before the start
    ],
)
def test_schedule_days_linear_100_days(progress, as_of, days):
    assert (DEADLINE - START).days == 100
    assert schedule_days(goal(), progress, as_of) == days


def test_schedule_days_milestone_before_deadline_is_ahead():
    # nothing is expected of a milestone until its deadline, so the last day on
    # which the path is at or below 0 is Apr 9: 49 days after Feb 20
    assert schedule_days(goal(Kind.MILESTONE), 0.0, DAY_50) == 49


# -------------------------------------------------------------------- forecast

# Mar 1 - 56 days = Jan 5 (Feb 29 is 1 back, Jan 31 is 30 back, Jan 5 is 56 back),
# so a forecast on Mar 1 measures its rate over Jan 5 → Mar 1. Dates are 2020's.
CUT = goal(Kind.LEVEL, target=10.0, baseline=50.0, direction=Direction.AT_MOST)


@pytest.mark.parametrize(
    "g, rows, as_of, want",  # want: completion date, days late, days the rate spans
    [
        # count, 20 → 48 over the 56-day window: 0.5/day; 52 to go → 104 days →
        # Mar 1 + 104 = Jun 13 (Apr 1 +30 May 1 +31 Jun 1 +12); Apr 10 → Jun 13 = 64
        (goal(), [("01-05", T, 20), ("03-01", T, 48)], "03-01", ("06-13", 64, 56)),
        # count, 10 → 66: 1/day; 34 to go → Apr 4, before the deadline → 0 late
        (goal(), [("01-05", T, 10), ("03-01", T, 66)], "03-01", ("04-04", 0, 56)),
        # increments 10 + 10 + 8 = 28, of which the 10 on Jan 5 is the window's start:
        # 18/56 a day; 72 to go → 72 * 56 / 18 = 224 days → Mar 1 + 224 = Oct 11;
        # Apr 10 → Oct 11 = 20 + 31 + 30 + 31 + 31 + 30 + 11 = 184
        (
            goal(),
            [("01-05", V, 10), ("02-01", V, 10), ("02-20", V, 8)],
            "03-01",
            ("10-11", 184, 56),
        ),
        # early on, the window reaches back past the start and begins Dec 31, so a
        # day-one entry of 10 counts: 10 over 10 days = 1/day; 90 to go → Apr 9
        (goal(), [("01-01", V, 10)], "01-10", ("04-09", 0, 10)),
        # level at_most 50 → 10: 40 → 26 over the window = 0.25/day down; 16 to go →
        # 64 days → Mar 1 + 64 = May 4; Apr 10 → May 4 = 24 late
        (CUT, [("01-05", V, 40), ("03-01", V, 26)], "03-01", ("05-04", 24, 56)),
        # level with no reading before the window (its first is Feb 10): the rate
        # starts from its baseline at the window's start: 50 → 30 over 56 days;
        # 20 to go → 56 days → Apr 26; Apr 10 → Apr 26 = 16 late
        (CUT, [("02-10", V, 40), ("03-01", V, 30)], "03-01", ("04-26", 16, 56)),
        # and with no baseline either, from its first reading in the window:
        # 40 → 50 over 20 days = 0.5/day; 50 to go → 100 days → Jun 9; 60 late
        (goal(Kind.LEVEL), [("02-10", V, 40), ("03-01", V, 50)], "03-01", ("06-09", 60, 20)),
        # level at_least 0 → 100: 30 → 58 over 56 days = 0.5/day; 42 to go → 84 days →
        # May 24 (Mar 1 +31 Apr 1 +30 May 1 +23); Apr 10 → May 24 = 44
        (goal(Kind.LEVEL), [("01-05", V, 30), ("03-01", V, 58)], "03-01", ("05-24", 44, 56)),
        # already met: the completion date is the first day of the current met
        # streak, with no rate window; late only if that day is after the deadline
        (
            goal(),
            [("02-01", T, 60), ("03-01", T, 100), ("03-05", T, 120)],
            "04-01",
            ("03-01", 0, None),
        ),
        (
            goal(),
            [("03-01", T, 100), ("03-05", T, 90), ("03-10", T, 100)],
            "04-01",
            ("03-10", 0, None),
        ),
        (goal(), [("02-01", T, 60), ("04-15", T, 100)], "04-20", ("04-15", 5, None)),
        (CUT, [("01-05", V, 40), ("02-01", V, 9)], "03-01", ("02-01", 0, None)),
        # a count carried from last year starts at its start_value, not zero: 40 → 50
        # over the 56-day window is 10/56 a day; 50 to go → 280 days → Dec 6
        # (Mar 1 + 275 = Dec 1); Apr 10 → Dec 6 = 240 late
        (goal(start_value=40.0), [("02-01", V, 10)], "03-01", ("12-06", 240, 56)),
    ],
)
def test_forecast(g, rows, as_of, want):
    got = forecast(g, build_series(g, entries(*rows)), d(as_of))
    assert got is not None
    completion, days_late, window = want
    assert (got.completion_date, got.days_late, got.window_days) == (
        d(completion),
        days_late,
        window,
    )


@pytest.mark.parametrize(
    "g, rows, as_of",
    [
        (goal(), [], "03-01"),  # no entries
        (goal(Kind.LEVEL), [], "03-01"),
        (goal(), [("03-05", T, 50)], "03-01"),  # the only entry is after as_of
        (goal(Kind.MILESTONE), [("01-05", Op.DONE, None)], "03-01"),  # milestones never
        (goal(Kind.MILESTONE), [], "03-01"),
        # no progress in the window (Jan 19 → Mar 15): 30 then, 30 now
        (goal(), [("01-02", T, 30)], "03-15"),
        # a count that went down in the window
        (goal(), [("01-05", T, 40), ("03-01", T, 30)], "03-01"),
        # one reading of a level: nothing to measure a rate from
        (goal(Kind.LEVEL), [("02-10", V, 40)], "03-01"),
        (goal(Kind.LEVEL), [("03-01", V, 40)], "03-01"),
        # a level moving away from its target (at_most rising, at_least falling)
        (CUT, [("01-05", V, 40), ("03-01", V, 45)], "03-01"),
        (goal(Kind.LEVEL), [("01-05", V, 40), ("03-01", V, 35)], "03-01"),
    ],
)
def test_forecast_none(g, rows, as_of):
    assert forecast(g, build_series(g, entries(*rows)), d(as_of)) is None


# -------------------------------------------------------------------- is_stale

FAR = d("12-31")  # a deadline well past every as_of below


@pytest.mark.parametrize(
    "every, last, as_of, stale",
    [
        # weekly: Mar 2 + 7 days = Mar 9 is the last fresh day
        (UpdateEvery.WEEKLY, "03-02", "03-09", False),
        (UpdateEvery.WEEKLY, "03-02", "03-10", True),
        # monthly: Mar 15 + 1 month = Apr 15
        (UpdateEvery.MONTHLY, "03-15", "04-15", False),
        (UpdateEvery.MONTHLY, "03-15", "04-16", True),
        # monthly from a month's end: Jan 31 + 1 month = Feb 29 (leap year)
        (UpdateEvery.MONTHLY, "01-31", "02-29", False),
        (UpdateEvery.MONTHLY, "01-31", "03-01", True),
        # quarterly: Feb 15 + 3 months = May 15
        (UpdateEvery.QUARTERLY, "02-15", "05-15", False),
        (UpdateEvery.QUARTERLY, "02-15", "05-16", True),
        # no entry yet: counted from the start, Jan 1 + 1 month = Feb 1
        (UpdateEvery.MONTHLY, None, "02-01", False),
        (UpdateEvery.MONTHLY, None, "02-02", True),
        (UpdateEvery.WEEKLY, None, "01-08", False),
        (UpdateEvery.WEEKLY, None, "01-09", True),
        # an entry dated before the start counts as none: still from Jan 1
        (UpdateEvery.WEEKLY, "2019-12-30", "01-08", False),
        (UpdateEvery.WEEKLY, "2019-12-30", "01-09", True),
        # before the start nothing is stale, however old the last entry
        (UpdateEvery.WEEKLY, "2019-06-01", "2019-12-31", False),
        (UpdateEvery.WEEKLY, None, "2019-12-31", False),
    ],
)
def test_is_stale(every, last, as_of, stale):
    g = goal(deadline=FAR, update_every=every)
    last_entry = None if last is None else d(last)
    assert is_stale(g, last_entry, done=False, as_of=d(as_of)) is stale


@pytest.mark.parametrize("every", list(UpdateEvery))
def test_done_is_never_stale(every):
    g = goal(deadline=dt.date(2022, 12, 31), update_every=every)
    # a year and a half after the start with no entry is stale for every cadence
    later = dt.date(2021, 6, 30)
    assert is_stale(g, None, done=False, as_of=later) is True
    assert is_stale(g, None, done=True, as_of=later) is False


# Cadences shorter than the 100-day goal, so that it is stale on its deadline.
@pytest.mark.parametrize("every", [UpdateEvery.WEEKLY, UpdateEvery.MONTHLY, UpdateEvery.QUARTERLY])
def test_overdue_is_never_stale(every):
    # SPEC: stale applies to a goal "neither done nor overdue". On its deadline
    # a goal is not yet overdue and can still be stale; the day after it cannot.
    g = goal(update_every=every)
    assert is_stale(g, None, done=False, as_of=DEADLINE) is True
    assert is_stale(g, None, done=False, as_of=DEADLINE + dt.timedelta(days=1)) is False


def test_a_carried_count_charts_from_where_it_started():
    """Before its first entry a count carried from last year stands at its
    start_value, in the chart as in its status; a level is unread."""
    from tracker.engine.history import chart_fractions

    carried = goal(target=3000, start_value=1200)
    days = [d("2020-01-01"), d("2020-02-01")]
    _, actual = chart_fractions(carried, build_series(carried, []), days, as_of=d("2020-02-01"))
    assert actual == [pytest.approx(0.4), pytest.approx(0.4)]
    fresh = goal(target=3000)
    _, actual = chart_fractions(fresh, build_series(fresh, []), days, as_of=d("2020-02-01"))
    assert actual == [0.0, 0.0]
    level = goal(Kind.LEVEL, target=10.0, direction=Direction.AT_LEAST)
    _, actual = chart_fractions(level, build_series(level, []), days, as_of=d("2020-02-01"))
    assert actual == [None, None]


def test_an_entry_is_equal_by_what_it_says_not_where_it_was_read():
    """Entry and Source are NamedTuples (made per log line) with a dataclass's
    equality: the origin (a Source's key lines) is left out, and neither is
    ever equal to a plain tuple of the same fields."""
    from tracker.model import Source

    here, there = Source("a.jsonl", 1), Source("b.jsonl", 9)
    entry = Entry("e1", "jobs.training", None, Op.VALUE, "2020-05-01T08:00:00Z", 5.0, origin=here)
    assert entry == entry._replace(origin=there)
    assert hash(entry) == hash(entry._replace(origin=there))
    assert entry != entry._replace(value=6.0)
    assert len({entry, entry._replace(origin=there), entry._replace(note="x")}) == 2
    assert entry != tuple(entry) and tuple(entry) != entry
    assert here == Source("a.jsonl", 1, {"deadline": 3}) and here != there
    assert here != ("a.jsonl", 1, None) and ("a.jsonl", 1, None) != here


@settings(max_examples=300)
@given(
    start=st.sampled_from([0.0, 0, 5, 2.5, -1.0, None, 2.0**53 - 3]),
    increments=st.lists(
        st.sampled_from([0.0, 1.0, 3.0, 40.0, 0.5, -2.0, 1e15, 2.0**52, 7]), max_size=8
    ),
    kind=st.sampled_from([Kind.COUNT, Kind.LEVEL]),
    decimals=st.sampled_from([0, 2]),
)
def test_a_running_count_summed_at_once_is_what_step_gives(start, increments, kind, decimals):
    """ledger.running_count either declines (None) or gives exactly the values,
    types and all, that stepping each increment as a VALUE entry gives — every
    one of them an entry the goal counts (ledger.fits)."""
    g = goal(kind, decimals=decimals)
    got = running_count(g, start, increments)
    if kind is Kind.LEVEL or start is None or any(not isinstance(i, float) for i in increments):
        assert got is None
    if got is None:
        return
    value, done = start, frozenset()
    want = []
    for increment in increments:
        entry = Entry("e", g.id, d("2020-05-01"), Op.VALUE, "", increment)
        assert fits(g, entry)
        value, done = step(g, value, done, entry)
        want.append(value)
    assert [(v, type(v)) for v in got] == [(v, type(v)) for v in want]
    assert all(math.copysign(1, v) == 1 for v in got)  # never a negative zero


@settings(max_examples=200)
@given(
    lines=st.lists(
        st.tuples(
            st.sampled_from(["03-01", "03-02", "03-05"]),
            st.sampled_from(["2020-03-01T08:00:00Z", "2020-03-01T09:00:00Z"]),
            st.sampled_from([Op.VALUE, Op.TOTAL, Op.CHECKIN]),
            st.sampled_from([1.0, 2.5, 40.0]),
        ),
        max_size=12,
    ),
    kind=st.sampled_from([Kind.COUNT, Kind.LEVEL]),
)
def test_day_steps_of_entries_already_in_order_are_the_sorted_ones(lines, kind):
    """ledger.day_steps(ordered=True) skips its sort: given entries in
    Entry.sort_key order it makes the steps it makes of them in any order."""
    g = goal(kind)
    made = [
        Entry(f"e{i}", g.id, d(day), op, at, None if op is Op.CHECKIN else value)
        for i, (day, at, op, value) in enumerate(lines)
    ]
    made = [e._replace(origin=None) for e in made if fits(g, e)]
    in_order = sorted(made, key=lambda e: e.sort_key)
    assert day_steps(g, in_order, ordered=True) == day_steps(g, list(reversed(made)))
