"""Which entries count, and each goal's value over time as a step series."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from itertools import accumulate

from tracker.model import DATED_SORT_KEY, Entry, Goal, Kind, Op, Plan
from tracker.numbers import LARGEST, exact

OPS_FOR_KIND = {
    Kind.COUNT: {Op.VALUE, Op.TOTAL, Op.CHECKIN},
    Kind.LEVEL: {Op.VALUE, Op.CHECKIN},
    Kind.MILESTONE: {Op.DONE, Op.CHECKIN},
    Kind.CHECKLIST: {Op.ITEMS, Op.CHECKIN},
}


def fits(goal: Goal, entry: Entry) -> bool:
    """Whether an entry is one this goal can count."""
    if entry.op not in OPS_FOR_KIND[goal.kind] or entry.date is None:
        return False
    if entry.value is not None and not -LARGEST <= entry.value <= LARGEST:
        return False  # (rules.entries.within_range says so)
    if entry.op is Op.VALUE and goal.kind is Kind.COUNT and entry.value < 0:
        return False
    if entry.op is Op.TOTAL and entry.value < 0:
        return False
    if entry.op is Op.ITEMS and not set(entry.items) <= set(goal.items):
        return False
    return True


def retracted_ids(entries: list[Entry]) -> set[str]:
    return {e.retracts for e in entries if e.op is Op.RETRACT and e.retracts}


def effective_by_goal(
    plan: Plan, entries: list[Entry], only: set[str] | None = None
) -> tuple[dict[str, list[Entry]], int]:
    """Entries that count, grouped by goal and sorted by Entry.sort_key, and how
    many were passed over (retracted ones are not counted as passed over).
    `only`: group just these goals (the others get empty lists)."""
    retracted = retracted_ids(entries)
    goals = {g.id: g for g in plan.goals if only is None or g.id in only}
    grouped: dict[str, list[Entry]] = {g.id: [] for g in plan.goals}
    seen: set[str] = set()
    ignored = 0
    for entry in entries:
        if entry.op is Op.RETRACT or entry.id in retracted:
            continue
        # Of lines sharing an id only the first in the log counts, whether or not it fits.
        repeated = entry.id in seen
        seen.add(entry.id)
        goal = goals.get(entry.goal)
        if goal is None:
            if plan.goal(entry.goal) is None:  # unknown goal; others are just not asked for
                ignored += 1
            continue
        if repeated or not fits(goal, entry):
            ignored += 1
            continue
        grouped[goal.id].append(entry)
    for items in grouped.values():
        items.sort(key=Entry.sort_key.fget)
    return grouped, ignored


@dataclass(frozen=True, slots=True)
class Series:
    """A goal's value after each day that had entries: value_on(d) is the last
    step on or before d (None before the first)."""

    goal: Goal
    days: tuple[dt.date, ...]
    values: tuple[float, ...]
    items: tuple[frozenset, ...]  # checklist: items done after each step
    entry_days: tuple[dt.date, ...]  # every day any entry (check-ins too) was dated

    def value_on(self, day: dt.date) -> float | None:
        i = bisect.bisect_right(self.days, day)
        return self.values[i - 1] if i else None

    def items_on(self, day: dt.date) -> frozenset:
        i = bisect.bisect_right(self.days, day)
        return self.items[i - 1] if i else frozenset()

    def steps_until(self, day: dt.date):
        """(day, value) of every step on or before `day`."""
        i = bisect.bisect_right(self.days, day)
        return zip(self.days[:i], self.values[:i])

    def last_entry_on_or_before(self, day: dt.date) -> dt.date | None:
        i = bisect.bisect_right(self.entry_days, day)
        return self.entry_days[i - 1] if i else None


def start_value(goal: Goal) -> float | None:
    """A goal's value before any entry: levels are unread; counts start at zero,
    or at what a goal carried from last year brought; a checklist at the items
    done before this plan."""
    if goal.kind is Kind.LEVEL:
        return None
    if goal.kind is Kind.COUNT and goal.start_value is not None:
        return goal.start_value
    if goal.kind is Kind.CHECKLIST:
        return float(len(goal.start_items))
    return 0.0


# Enum members as plain names: `Op.TOTAL` is a class attribute lookup through
# the enum's metaclass (~90 ns), and step() runs once per line of a history.
_TOTAL, _VALUE, _DONE, _ITEMS, _LEVEL = Op.TOTAL, Op.VALUE, Op.DONE, Op.ITEMS, Kind.LEVEL
_CHECKIN = Op.CHECKIN


def step(goal: Goal, value: float | None, done_items: frozenset, entry: Entry):
    """(value, done items) after one counting entry."""
    op = entry.op
    if op is _VALUE:
        if goal.kind is _LEVEL:
            return entry.value, done_items
        return exact(value + entry.value, goal.decimals), done_items
    if op is _TOTAL:
        return entry.value, done_items
    if op is _DONE:
        return 1.0, done_items
    if op is _ITEMS:
        done_items = done_items | frozenset(entry.items)
        return float(len(done_items)), done_items
    return value, done_items  # a check-in changes nothing


def build_series(goal: Goal, entries: list[Entry]) -> Series:
    """entries: this goal's counting entries, sorted."""
    days: list[dt.date] = []
    values: list[float] = []
    item_sets: list[frozenset] = []
    value = start_value(goal)
    done_items: frozenset = frozenset(goal.start_items)
    for entry in entries:
        if entry.op is Op.CHECKIN:
            continue
        value, done_items = step(goal, value, done_items, entry)
        if days and days[-1] == entry.date:
            values[-1], item_sets[-1] = value, done_items
        else:
            days.append(entry.date)
            values.append(value)
            item_sets.append(done_items)
    entry_days = tuple(sorted({e.date for e in entries}))
    return Series(goal, tuple(days), tuple(values), tuple(item_sets), entry_days)


def names_not_in_plan(plan: Plan, entries: list[Entry]) -> list[str]:
    """What entries name that the plan no longer has (a renamed goal or item):
    'goal' or 'goal: item', once each, in log order. Retractions name their
    entry, not a goal, and are left to `check`."""
    found: dict[str, None] = {}
    for entry in entries:
        if entry.op is Op.RETRACT:
            continue
        goal = plan.goal(entry.goal)
        if goal is None:
            found.setdefault(entry.goal)
        elif entry.op is Op.ITEMS:
            for item in entry.items:
                if item not in goal.items:
                    found.setdefault(f"{goal.id}: {item}")
    return list(found)


# ── day steps: a goal's series kept per day, so a log can be summed file by file ──


def day_steps(goal: Goal, entries: list[Entry], *, ordered: bool = False) -> list[list]:
    """One step per day from this goal's counting entries (any order; `ordered`:
    already in Entry.sort_key order, so not sorted again): [day ordinal, base,
    increments, items, counting, last line]. A day's value is `base` (a stated
    total, a reading, done) or the day before's, plus the increments in order;
    `counting` is false on a day of check-ins only."""
    steps: list[list] = []
    level = goal.kind is Kind.LEVEL
    step_: list = []
    increments: list = []
    day = None
    # Entry.sort_key, read in C: counting entries always have a date. This runs
    # for every line a state absorbs, so the loop is kept lean.
    for entry in entries if ordered else sorted(entries, key=DATED_SORT_KEY):
        if entry.date != day:  # sorted: a new day
            day = entry.date
            increments = []
            step_ = [day.toordinal(), None, increments, [], False, None]
            steps.append(step_)
        origin = entry.origin
        step_[5] = origin.line if origin else None
        op = entry.op
        if op is _VALUE:
            step_[4] = True
            if level:
                step_[1] = entry.value
                increments.clear()
            else:
                increments.append(entry.value)
        elif op is _CHECKIN:
            continue
        else:
            step_[4] = True
            if op is _TOTAL:
                step_[1] = entry.value
                increments.clear()
            elif op is _DONE:
                step_[1] = 1.0
            elif op is _ITEMS:
                step_[3].extend(i for i in entry.items if i not in step_[3])
    for step_ in steps:
        step_[2] = _summed(step_[2])
    return steps


_EXACT = 2.0**53  # every integer below this is a float exactly


def _summed(increments: list[float]) -> list[float]:
    """A day's whole-number increments as one: their sum is exact, so adding it to
    a whole-number value gives what adding them one by one gives (the count rules
    keep counts whole; increments with a fraction are kept one by one, in order).
    It keeps a day of 500 one-person entries one number in the state."""
    if len(increments) < 2 or not all(float(i).is_integer() for i in increments):
        return increments
    total = sum(increments)
    return [total] if abs(total) < _EXACT else increments


def running_count(goal: Goal, value: float | None, increments: list[float]) -> list[float] | None:
    """A count goal's value after each of these increments (as VALUE entries,
    from `value`), summed at C speed: what step() gives one by one when `value`
    and every increment are whole, not negative and within LARGEST (fits), so every sum is exact
    below 2**53 (as in _summed). None when they are not."""
    if goal.kind is not Kind.COUNT or value is None or value < 0 or not float(value).is_integer():
        return None
    try:
        if increments and (
            min(increments) < 0
            or max(increments) > LARGEST
            or not all(map(float.is_integer, increments))
        ):
            return None
    except TypeError:  # not all floats: step() one by one
        return None
    values = list(accumulate(increments, initial=float(value) + 0.0))
    del values[0]
    return values if not values or values[-1] < _EXACT else None


def series_from_steps(goal: Goal, steps: list[list]) -> Series:
    """The series build_series makes from the same entries: steps sorted by day,
    one per day."""
    days: list[dt.date] = []
    values: list[float] = []
    item_sets: list[frozenset] = []
    value = start_value(goal)
    done_items: frozenset = frozenset(goal.start_items)
    checklist = goal.kind is Kind.CHECKLIST
    decimals = goal.decimals
    fromordinal = dt.date.fromordinal
    for day, base, increments, items, counting, _ in steps:
        if not counting:
            continue
        if base is not None:
            value = base
        for increment in increments:
            value = exact(value + increment, decimals)
        if checklist:
            done_items = done_items | frozenset(items)
            value = float(len(done_items))
        days.append(fromordinal(day))
        values.append(value)
        item_sets.append(done_items)
    entry_days = tuple(fromordinal(s[0]) for s in steps)
    return Series(goal, tuple(days), tuple(values), tuple(item_sets), entry_days)
