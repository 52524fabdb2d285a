"""One goal's log as history rows (running value after each entry) and its chart
points (actual against trajectory) for `tracker show`."""

import bisect
import datetime as dt
from collections.abc import Iterable, Iterator
from itertools import repeat
from typing import NamedTuple

from tracker.engine.trajectory import expected_on, progress_of
from tracker.ledger import Series, fits, running_count, start_value, step
from tracker.model import Entry, Goal, LineColumns, LineGroup, Op


class HistoryRow(NamedTuple):
    """One line of a goal's history as a person reads it."""

    id: str
    day: int  # an ordinal
    op: str  # an Op's value
    change: float | None
    items: list[str] | None
    note: str
    by: str
    value: float | None  # the goal's value after it (None: it does not count)
    retracted: bool


class HistoryGroup(NamedTuple):
    """A group of a goal's history rows: its lines in order, column by column
    (LineGroup's), the goal's value after each (None after one that does not
    count), and the ids among them that are retracted. Columns, not a row
    object per line: a goal of a big log has hundreds of thousands."""

    columns: LineColumns
    values: list[float | None]
    retracted: set[str]
    whole: bool = False  # every line a counted increment, every value whole below 2**53

    def rows(self) -> Iterator[HistoryRow]:
        c, gone = self.columns, self.retracted
        for entry_id, day, op, change, items, note, by, value in zip(
            c.ids, c.days, c.ops, c.values, c.items, c.notes, c.bys, self.values
        ):
            yield HistoryRow(entry_id, day, op, change, items, note, by, value, entry_id in gone)


_UNSEEN = object()
_VALUE_ONLY = {Op.VALUE.value}


def history(
    goal: Goal,
    groups: Iterable[LineGroup],
    *,
    gone: set[str],
    before: tuple | None = None,
) -> Iterator[HistoryGroup]:
    """The goal's history, oldest first, with the running value, a group at a
    time (never the whole history at once). `groups`: its lines (retractions
    left out) in order, in groups each dated after the ones before it, each
    with its repeated lines (LogCache.goal_lines). `gone`: the retracted ids
    (every line with one is marked, and does not count; nor does a repeated
    id's line, nor one the goal cannot count: ledger.fits). `before`: the
    (value, done items) the goal stood at before the first line
    (standing_before), else its start."""
    value, done_items = before or (start_value(goal), frozenset(goal.start_items))
    # What a line does depends only on its operation, value and items, and a
    # big log repeats a few of them: each is judged once (ledger.fits) and
    # stepped with ledger.step, as the goal's series is.
    counted: dict[tuple, Entry | None] = {}
    look = counted.get
    for columns, repeats in groups:
        ids, ops, changes = columns.ids, columns.ops, columns.values
        # A group of plain increments to a count (a big log's usual group): the
        # running value summed at C speed, as step() would give it.
        if ids and not repeats and set(ops) == _VALUE_ONLY and gone.isdisjoint(ids):
            values = running_count(goal, value, changes)
            if values is not None:
                value = values[-1]
                yield HistoryGroup(columns, values, set(), whole=True)
                del columns, values
                continue
        values: list[float | None] = []
        add = values.append
        retracted: set[str] = set()
        repeated = (i in repeats for i in range(len(ids))) if repeats else repeat(False)
        for entry_id, day, op, change, items, recorded_at, again in zip(
            ids, columns.days, ops, changes, columns.items, columns.recorded_ats, repeated
        ):
            key = (op, change) if items is None else (op, change, *items)
            entry = look(key, _UNSEEN)
            if entry is _UNSEEN:
                entry = Entry(
                    entry_id, goal.id, dt.date.fromordinal(day), Op(op), recorded_at, change,
                    tuple(items or ()),
                )  # fmt: skip
                entry = counted[key] = entry if fits(goal, entry) else None
            if entry_id in gone:
                retracted.add(entry_id)
                add(None)
            elif entry is None or again:
                add(None)
            else:
                value, done_items = step(goal, value, done_items, entry)
                add(value)
        yield HistoryGroup(columns, values, retracted)
        del columns, values


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
