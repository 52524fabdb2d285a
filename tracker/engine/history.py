"""One goal's log as history rows (running value after each entry) and its chart
points (actual against trajectory) for `tracker show`."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from tracker.engine.ledger import Series, fits, retracted_ids, start_value, step
from tracker.engine.trajectory import expected_on, progress_of
from tracker.model import Entry, Goal, Op


@dataclass(frozen=True, slots=True)
class HistoryRow:
    entry: Entry
    value_after: float | None  # the goal's value after this entry (None if it does not count)
    retracted: bool


def history(
    goal: Goal,
    entries: list[Entry],
    *,
    as_of: dt.date,
    shadowed: set,
    before: tuple | None = None,
) -> list[HistoryRow]:
    """Every entry for the goal dated up to as_of, oldest first, with the running
    value. `shadowed`: the origins of lines whose id an earlier line has (only
    the first counts, as in the goal's status). `before`: the (value, done
    items) the goal stood at before the first of `entries` (standing_before),
    else its start."""
    gone = retracted_ids(entries)
    mine = sorted(
        (
            (e, e.origin in shadowed)
            for e in entries
            if e.goal == goal.id
            and e.op is not Op.RETRACT
            and e.date is not None
            and e.date <= as_of
        ),
        key=lambda pair: pair[0].sort_key,
    )
    value, done_items = before or (start_value(goal), frozenset(goal.start_items))
    rows = []
    for entry, repeat in mine:
        retracted = entry.id in gone
        if not retracted and not repeat and fits(goal, entry):
            value, done_items = step(goal, value, done_items, entry)
            rows.append(HistoryRow(entry, value, False))
        else:
            rows.append(HistoryRow(entry, None, retracted))
    return rows


def window_start(series: Series, *, as_of: dt.date, latest: int) -> dt.date | None:
    """The first of the last `latest` days the goal's entries are dated on up to
    `as_of` (those days hold at least `latest` entries), or None when it has
    no more days than that: where the latest rows of its history begin."""
    days = series.entry_days[: bisect.bisect_right(series.entry_days, as_of)]
    return days[-latest] if len(days) > latest else None


def standing_before(goal: Goal, series: Series, day: dt.date) -> tuple:
    """(value, done items) of the goal when `day` began, from its series."""
    before = day - dt.timedelta(days=1)
    value = series.value_on(before)
    if value is None:
        return start_value(goal), frozenset(goal.start_items)
    return value, series.items_on(before)


def chart_points(goal: Goal, series, *, as_of: dt.date, columns: int):
    """(days, expected fractions, actual fractions or None after as_of) sampled
    evenly from the goal's start to its deadline (or as_of, if later)."""
    days = chart_days(goal, as_of=as_of, columns=columns)
    expected, actual = chart_fractions(goal, series, days, as_of=as_of)
    return days, expected, actual


def chart_days(goal: Goal, *, as_of: dt.date, columns: int) -> list[dt.date]:
    """`columns` days evenly from the goal's start to its deadline (or as_of, if later)."""
    end = max(goal.deadline, min(as_of, goal.deadline + dt.timedelta(days=366)))
    span = max(1, (end - goal.start).days)
    return [goal.start + dt.timedelta(days=round(i * span / (columns - 1))) for i in range(columns)]


def chart_fractions(goal: Goal, series, days, *, as_of: dt.date):
    """(expected fractions, actual fractions or None after as_of) on these days."""
    expected = [expected_on(goal, d) for d in days]
    actual = []
    for day in days:
        if day > as_of:
            actual.append(None)
            continue
        value = series.value_on(day)
        if value is None:  # before any entry: where the goal started (a level: unread)
            value = start_value(goal)
        actual.append(None if value is None else progress_of(goal, value))
    return expected, actual
