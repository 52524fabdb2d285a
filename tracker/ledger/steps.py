"""How counting lines move a goal's value: line by line (step), a day at a time
(day steps, what the maintained cache keeps per file), and as a series over
days. Every path that sums a goal — status, show's history, the write rules,
a batch's summary, the cache — sums it here, by the kinds' effects table."""

import bisect
import datetime as dt
from functools import partial
from itertools import accumulate
from typing import NamedTuple

from tracker.kinds import EFFECTS, Effect, kind_of
from tracker.ledger.verification import decided_by_verified
from tracker.model import DATED_SORT_KEY, Entry, Goal, Op, Plan, Source
from tracker.numbers import LARGEST, exact


class Series(NamedTuple):
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
    """A goal's value before any entry, by its kind: levels are unread; counts
    start at zero, or at what a goal carried from last year brought; a
    checklist at the items done before this plan."""
    return kind_of(goal).start_value(goal)


def effect_of(goal: Goal, op: Op) -> Effect | None:
    """What a line of this operation does to the goal (None: the kind does not take it)."""
    return EFFECTS[goal.kind].get(op)


def added(goal: Goal, value: float, increment: float) -> float:
    """A count's value after an increment: exact to the goal's decimal places
    (0.35 + 0.3 is 0.65, never 0.6499999…)."""
    return exact(value + increment, goal.decimals)


# Effects as plain names: `Effect.ADD` is a class attribute lookup through the
# enum's metaclass (~90 ns), and step() runs once per line of a history.
_ADD, _SET, _DONE, _TICK = Effect.ADD, Effect.SET, Effect.DONE, Effect.TICK


def step(goal: Goal, value: float | None, done_items: frozenset, entry: Entry):
    """(value, done items) after one counting entry."""
    effect = EFFECTS[goal.kind][entry.op]
    if effect is _ADD:
        return added(goal, value, entry.value), done_items
    if effect is _SET:
        return entry.value, done_items
    if effect is _DONE:
        return 1.0, done_items
    if effect is _TICK:
        done_items = done_items | frozenset(entry.items)
        return kind_of(goal).ticked_value(goal, value, done_items), done_items
    return value, done_items  # a note changes nothing


# ── day steps: a goal's series kept per day, so a log can be summed file by file ──


class DayStep(NamedTuple):
    """What a goal's counting lines of one day do, in order: the day's value is
    `base` (a stated total, a reading, done) or the day before's, plus the
    increments in order; `items` are ticked. `counting` is false on a day of
    notes only; `line` is the line of the day's latest entry (the one a rule
    blames). Stored by the cache as a plain list in this order."""

    day: int  # an ordinal
    base: float | None
    increments: list
    items: list
    counting: bool
    line: int | None


def day_steps(goal: Goal, entries: list[Entry], *, ordered: bool = False) -> list[list]:
    """One step per day (DayStep's fields, as a list) from this goal's counting
    entries (any order; `ordered`: already in Entry.sort_key order, so not
    sorted again)."""
    steps: list[list] = []
    effects = EFFECTS[goal.kind]
    step_: list = []
    increments: list = []
    day = None
    # Entry.sort_key, read in C: counting entries always have a date. This runs
    # for every line a cache absorbs, so the loop is kept lean.
    for entry in entries if ordered else sorted(entries, key=DATED_SORT_KEY):
        if entry.date != day:  # sorted: a new day
            day = entry.date
            increments = []
            step_ = [day.toordinal(), None, increments, [], False, None]
            steps.append(step_)
        origin = entry.origin
        step_[5] = origin.line if origin else None
        effect = effects[entry.op]
        if effect is _ADD:
            step_[4] = True
            increments.append(entry.value)
        elif effect is _SET:
            step_[4] = True
            step_[1] = entry.value
            increments.clear()
        elif effect is _DONE:
            step_[4] = True
            step_[1] = 1.0
        elif effect is _TICK:
            step_[4] = True
            step_[3].extend(i for i in entry.items if i not in step_[3])
    for step_ in steps:
        step_[2] = summed(step_[2])
    return steps


EXACT = 2.0**53  # every integer below this is a float exactly


def summed(increments: list[float]) -> list[float]:
    """A day's whole-number increments as one: their sum is exact, so adding it to
    a whole-number value gives what adding them one by one gives (the count rules
    keep counts whole; increments with a fraction are kept one by one, in order).
    It keeps a day of 500 one-person entries one number in the cache."""
    if len(increments) < 2 or not all(float(i).is_integer() for i in increments):
        return increments
    total = sum(increments)
    return [total] if abs(total) < EXACT else increments


def running_count(goal: Goal, value: float | None, increments: list[float]) -> list[float] | None:
    """A count goal's value after each of these increments, summed at C speed:
    what step() gives one by one when `value` and every increment are whole,
    not negative and within LARGEST (counting.fits), so every sum is exact
    below 2**53 (as in summed). None when they are not."""
    if EFFECTS[goal.kind].get(Op.VALUE) is not _ADD:
        return None  # the goal's plain values are not increments
    if value is None or value < 0 or not float(value).is_integer():
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
    return values if not values or values[-1] < EXACT else None


def series_from_steps(goal: Goal, steps: list[list]) -> Series:
    """The goal's series from its day steps (sorted by day, one per day)."""
    days: list[dt.date] = []
    values: list[float] = []
    item_sets: list[frozenset] = []
    value = start_value(goal)
    done_items: frozenset = frozenset(goal.start_items)
    # Lines that tick items (a checklist's, a milestone's stages): the kind says
    # what value the items done give it (how many; how far along its stages).
    ticks = Effect.TICK in EFFECTS[goal.kind].values()
    ticked_value = kind_of(goal).ticked_value
    decimals = goal.decimals
    fromordinal = dt.date.fromordinal
    for day, base, increments, items, counting, _ in steps:
        if not counting:
            continue
        if base is not None:
            value = base
        for increment in increments:
            value = exact(value + increment, decimals)
        if ticks:
            done_items = done_items | frozenset(items)
            value = ticked_value(goal, value, done_items)
        days.append(fromordinal(day))
        values.append(value)
        item_sets.append(done_items)
    entry_days = tuple(fromordinal(s[0]) for s in steps)
    return Series(goal, tuple(days), tuple(values), tuple(item_sets), entry_days)


def build_series(goal: Goal, entries: list[Entry]) -> Series:
    """The goal's series from its counting entries (any order)."""
    return series_from_steps(goal, day_steps(goal, entries))


def stand_ins(goal: Goal, steps: list[list], *, skip: set[int], file_of) -> list[Entry]:
    """Entries that do what the goal's entries of each day do, bar the `skip`
    days: the day's stated total then the sum of its later increments (a
    count: so an entry logged on an earlier day still adds to what follows),
    its reading (a level), done, the items ticked, or a note — what the write
    rules need of a day they do not look at line by line. `file_of(day)`:
    where the day's latest entry is, for a rule that blames it."""
    restates = kind_of(goal).restates  # what states a day's value: its total, its reading …
    out = []
    for day, base, increments, items, counting, line in steps:
        if day in skip:
            continue
        made = partial(_stand_in, goal.id, day, Source(file_of(day), line))
        if not counting:
            out.append(made(Op.CHECKIN, "note"))
        elif restates is Op.ITEMS:
            out.append(made(Op.ITEMS, "items", items=tuple(items)))
        elif restates is Op.DONE:  # a milestone: done, and the stages reached that day
            if base is not None:
                out.append(made(Op.DONE, "done"))
            if items:
                out.append(made(Op.ITEMS, "items", items=tuple(items)))
        elif restates is Op.VALUE:  # a reading states the day's value whole
            out.append(made(Op.VALUE, "reading", value=base))
        else:  # a count: its day's stated total, then its increments
            if base is not None:
                out.append(made(Op.TOTAL, "0", value=base))  # (tags sort as they must apply)
            # each increment the day step keeps (summed() made whole ones one),
            # in order: added as the day's own lines were, rounding and all
            for at, increment in enumerate(increments):
                out.append(made(Op.VALUE, f"1{at:06d}", value=increment))
    return out


def _stand_in(goal_id: str, day: int, origin: Source, op: Op, tag: str, **fields) -> Entry:
    """A stand-in entry: its id says it is one (no log line has a NUL in its id)."""
    when = dt.date.fromordinal(day)
    return Entry(f"\x00{goal_id}\x00{day}\x00{tag}", goal_id, when, op, "", origin=origin,
                 **fields)  # fmt: skip


def plain_day_steps(plan, sums: dict, last: dict) -> dict[str, list[list]]:
    """Day steps summed at C speed from lines that are all plain values
    (Op.VALUE: a count's increment, a level's reading) that nothing excludes
    (no retraction, repeated id or cut-off batch: counting.py): `sums`, how
    many lines each (goal, day ordinal, value) has; `last`, the (line, value)
    of each (goal, day)'s latest line in Entry.sort_key order.

    Only goals whose every line counts (fits) and sums exactly (a count's
    whole increments) are summed; the others are left out, to be summed line
    by line with day_steps. For those given, what day_steps gives."""
    from tracker.ledger.counting import fits

    per_goal: dict[str, dict[int, list]] = {}
    for (goal_id, day, value), count in sums.items():
        per_goal.setdefault(goal_id, {}).setdefault(day, []).append((value, count))
    out: dict[str, list[list]] = {}
    for goal_id, by_day in per_goal.items():
        goal = plan.goal(goal_id)
        if goal is None:
            continue
        effect = EFFECTS[goal.kind].get(Op.VALUE)
        seen = {value for held in by_day.values() for value, _ in held}
        probe = Entry("", goal_id, dt.date.min, Op.VALUE, "")
        if not all(fits(goal, probe._replace(value=value)) for value in seen):
            continue
        if effect is _ADD and not all(value.is_integer() for value in seen):
            continue  # fractions are added one by one, in order
        if effect not in (_ADD, _SET):
            continue
        steps = []
        for day in sorted(by_day):
            line, value = last[(goal_id, day)]
            if effect is _SET:
                steps.append([day, value, [], [], True, line])
                continue
            held = by_day[day]
            if len(held) == 1 and held[0][1] == 1:
                steps.append([day, None, [held[0][0]], [], True, line])
                continue
            total = sum(value * count for value, count in held)
            if abs(total) >= EXACT:
                break  # as summed(): too large to be one exact sum
            steps.append([day, None, [total], [], True, line])
        else:
            out[goal_id] = steps
    return out


class Figured(NamedTuple):
    """A goal's series by figure: what its offices reported (returned reports
    aside), what was verified (None: its reports need no verifying), whether
    the verified one decides its state, the reports still waiting for a verdict
    and how many days one may wait (the plan's verification period)."""

    reported: Series
    verified: Series | None
    by_verified: bool
    awaiting: tuple[Entry, ...] = ()
    within_days: int = 0

    @property
    def deciding_series(self) -> Series:
        return self.verified if self.by_verified else self.reported

    @staticmethod
    def unverified(series: Series) -> "Figured":
        """A goal whose reports need no verifying: one figure."""
        return Figured(series, None, False)

    @staticmethod
    def of(
        plan: Plan, goal: Goal, reported: Series, verified: Series, awaiting: tuple
    ) -> "Figured":
        """A goal's figures where its reports need verifying."""
        return Figured(
            reported,
            verified,
            decided_by_verified(plan, goal),
            awaiting,
            plan.verification.within_days,
        )
