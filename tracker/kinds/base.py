"""The common shape of a kind of goal (GoalKind) and what kinds share: the
effects a log line can have, how a plan key is typed, a judgement, the length
of a reporting period, and the path a goal is expected to follow by default.

A kind is one object of a GoalKind subclass (tracker/kinds/count.py …); what
it says is read by every layer above — the plan reader, the ledger, the rules,
the engine, the views — so none of them needs to know which kinds there are."""

import datetime as dt
import math
from collections.abc import Iterable
from enum import Enum
from typing import NamedTuple, Protocol

from dateutil.relativedelta import relativedelta

from tracker.model import Entry, Goal, GoalStatus, Kind, Op, UpdateEvery
from tracker.numbers import exact, grouped
from tracker.words import say

EPSILON = 1e-9  # a value this close to its target meets it

# How long one reporting period is (SPEC's `update_every`): a goal not
# reported within it is stale, and a final reading must fall in its last one.
UPDATE_PERIOD = {
    UpdateEvery.WEEKLY: relativedelta(weeks=1),
    UpdateEvery.MONTHLY: relativedelta(months=1),
    UpdateEvery.QUARTERLY: relativedelta(months=3),
    UpdateEvery.HALF_YEARLY: relativedelta(months=6),
    UpdateEvery.YEARLY: relativedelta(years=1),
}


class Effect(str, Enum):
    """What a line that fits a goal does to its value."""

    ADD = "add"  # an increment: the value grows by it (a count)
    SET = "set"  # a stated value: a count's running total, a level's reading
    DONE = "done"  # the milestone is reached: the value becomes 1
    TICK = "tick"  # items done (a checklist's, a milestone's stages): the value the kind gives them
    NOTE = "note"  # a note only: no change in value


class Typed(str, Enum):
    """How goals.toml gives a key of a kind's own (the plan reader reads each
    type one way, and `init --from` writes it back the same way)."""

    NUMBER = "number"
    TEXT = "text"  # a missing one reads as the key's default
    CHOICE = "choice"  # one of an Enum's values
    ITEMS = "items"  # checklist items: names, or {name, deadline} tables
    NAMES = "names"  # a list of names
    DECIMALS = "decimals"  # decimal places; by default those of the unit


class PlanKey(NamedTuple):
    """A key of goals.toml a kind takes beside every goal's own keys."""

    name: str
    typed: Typed
    default: object = None
    choices: type[Enum] | None = None  # Typed.CHOICE: the Enum


class Judgement(NamedTuple):
    """What a kind makes of a goal's value on a day, besides its progress."""

    done: bool
    reached: bool = False  # met before its deadline, not done yet (a level judged at the end)
    failed: bool = False  # can no longer be done (a level held throughout fell short)
    waiting: bool = False  # nothing to judge yet: pending, not behind
    awaiting_final: bool = False  # past its deadline with no reading that covers it


class Readings(Protocol):
    """A goal's value over days, as the ledger gives it (tracker.ledger.Series)."""

    days: tuple[dt.date, ...]
    values: tuple[float, ...]

    def value_on(self, day: dt.date) -> float | None: ...

    def items_on(self, day: dt.date) -> frozenset: ...

    def steps_until(self, day: dt.date) -> Iterable[tuple[dt.date, float]]: ...


class Complaint(NamedTuple):
    """A problem a kind finds in a goal or an entry, before the rules locate it:
    its code, the plan key it is about, the message and fix (catalogue keys)
    and the message's values."""

    code: str
    key: str | None
    message: str
    fix: object = None
    args: dict = {}


class GoalKind:
    """What one kind of goal is. Subclasses set the class attributes and
    override what differs from a count-like default; each method is pure."""

    kind: Kind
    keys: tuple[PlanKey, ...] = ()  # its own plan keys, in the order they are read
    requires: frozenset[str] = frozenset()  # of those, what a goal must give
    effects: dict[Op, Effect] = {}  # the log lines it takes, and what each does
    restates: Op = Op.VALUE  # a line that states a day's value whole (ledger.stand_ins)
    cells: dict[str, Op] = {}  # the template columns its figure goes in, the last suggested
    never_negative: frozenset[Op] = frozenset()  # lines whose value may not be below 0
    forecasts = False  # its value moves at a rate that can be projected
    waits = False  # pending before its deadline while nothing is behind
    binary = False  # done or not, nothing between: no gap to show, no chart to draw
    closed_by_verdict = False  # where reports are verified, done only once verified (销号)
    items_key = "items"  # the plan key naming its items, when it takes any
    dated_items = False  # each item has a date of its own (a milestone's stages)

    # -- the catalogue keys of its words --------------------------------------

    @property
    def name_key(self) -> str:
        return f"kind.{self.kind.value}"

    @property
    def how_to_log_key(self) -> str:
        return f"how_to_log_{self.kind.value}"

    def takes(self, key: str) -> bool:
        """Whether goals of this kind take the plan key `key`."""
        return any(k.name == key for k in self.keys)

    # -- its value -------------------------------------------------------------

    def start_value(self, goal: Goal) -> float | None:
        """Its value before any entry (None: unread)."""
        return 0.0

    def full_target(self, goal: Goal) -> float:
        """The value at which the goal is met."""
        return float(goal.target or 0)

    def progress(self, goal: Goal, value: float) -> float:
        """Achieved fraction of the target for a value (uncapped)."""
        target = self.full_target(goal)
        return value / target if target else 0.0

    def met(self, goal: Goal, value: float) -> bool:
        return value >= self.full_target(goal) - EPSILON

    def value_at(self, goal: Goal, fraction: float) -> float:
        """Its value at a fraction of the way from its start to its target."""
        return fraction * self.full_target(goal)

    def ticked_value(self, goal: Goal, value: float | None, done: frozenset) -> float:
        """Its value once the items `done` are done (a line that ticks items;
        `value`: its value before): how many are."""
        return float(len(done))

    def change(self, goal: Goal, before: float | None, after: float | None) -> float | None:
        """How far the value moved from `before` to `after` (the digest's net change)."""
        return exact((after or 0.0) - (before or 0.0), goal.decimals)

    def gap(self, goal: Goal, short: float) -> float | None:
        """`short` (a fraction of the target) in the goal's units; whole units
        rounded up for a whole-number target."""
        target = self.full_target(goal)
        if float(target).is_integer():
            return float(math.ceil(short * target - EPSILON))
        return round(short * target, 2)

    # -- what is expected of it, and how it is judged ---------------------------

    def expected(self, goal: Goal, day: dt.date) -> float:
        """The fraction of the target the goal's path asks for by `day`, 0…1:
        its `trajectory` when it has one, else the kind's own path."""
        if day < goal.start:
            return 0.0
        if day >= goal.deadline:
            return 1.0
        if goal.trajectory:
            return self._interpolate(goal, day)
        return self.expected_before_deadline(goal, day)

    def expected_before_deadline(self, goal: Goal, day: dt.date) -> float:
        """A straight line from the start to the deadline."""
        span = (goal.deadline - goal.start).days
        return (day - goal.start).days / span if span else 1.0

    def _interpolate(self, goal: Goal, day: dt.date) -> float:
        points = [(goal.start, 0.0)]
        points += [(c.date, self.progress(goal, c.value)) for c in goal.trajectory]
        if points[-1][0] < goal.deadline:
            points.append((goal.deadline, 1.0))
        for (d0, f0), (d1, f1) in zip(points, points[1:]):
            if d0 <= day <= d1:
                if d1 == d0:
                    return f1
                return f0 + (f1 - f0) * (day - d0).days / (d1 - d0).days
        return points[-1][1]

    def judge(
        self, goal: Goal, readings: Readings, current: float | None, as_of: dt.date
    ) -> Judgement:
        """Done when met."""
        return Judgement(current is not None and self.met(goal, current))

    def schedules(self, goal: Goal) -> bool:
        """Whether it follows a time-proportional schedule (序时进度) that it can
        be days and units behind: a straight line, its trajectory, its stages."""
        return True

    def measures_delay(self, goal: Goal) -> bool:
        """Whether the goal's delay is its own (days since behind_since), not
        the days behind its trajectory."""
        return False

    def behind_since(
        self, goal: Goal, readings: Readings, current: float | None, as_of: dt.date
    ) -> dt.date | None:
        """The day the goal fell behind by its own measure (measures_delay)."""
        return None

    def earliest_missed(
        self, goal: Goal, readings: Readings, current: float | None, as_of: dt.date
    ) -> dt.date | None:
        """The earliest deadline passed before `as_of` with its part not done: an
        item's own (else the goal's), a trajectory checkpoint, the deadline."""
        done = readings.items_on(as_of) | frozenset(goal.start_items)
        missed = [goal.item_deadline(i) for i in goal.items if i not in done]
        missed = [day for day in missed if day < as_of]
        stage = self.missed_stage(goal, current, as_of)
        return min([*missed, *([stage] if stage else [])], default=None)

    def missed_stage(self, goal: Goal, current: float | None, as_of: dt.date) -> dt.date | None:
        """The earliest dated stage passed before `as_of` and not reached: a
        trajectory checkpoint, or the deadline."""
        progress = self.progress(goal, current) if current is not None else 0.0
        stages = [(c.date, self.progress(goal, c.value)) for c in goal.trajectory]
        stages.append((goal.deadline, 1.0))
        return min((d for d, due in stages if d < as_of and progress < due - EPSILON), default=None)

    # -- its forecast ------------------------------------------------------------

    def forecast_start(
        self, goal: Goal, readings: Readings, day: dt.date
    ) -> tuple[dt.date, float] | None:
        """Where the rate of progress is measured from: the value on `day` (the
        window's start), else the start value (zero, or what a goal carried
        from last year brought)."""
        before = readings.value_on(day)
        if before is None:
            before = self.start_value(goal)
        return day, before if before is not None else 0.0

    def toward(self, goal: Goal) -> int:
        """+1 when the value grows toward the target, −1 when it falls."""
        return 1

    # -- next year's plan --------------------------------------------------------

    def carried(self, goal: Goal, status: GoalStatus) -> dict:
        """What an unfinished goal brings to next year's plan (`init --from`)."""
        return {}

    # -- its fill-in template ------------------------------------------------------

    def template_cells(self, goal: Goal) -> dict[str, Op]:
        """The fill-in template's columns this goal's figure goes in (the last
        suggested): the kind's `cells`."""
        return self.cells

    # -- the rules -----------------------------------------------------------------

    def plan_complaints(self, goal: Goal) -> list[Complaint]:
        """What is wrong with a goal of this kind as the plan gives it."""
        return []

    def item_complaints(self, goal: Goal) -> list[Complaint]:
        """Items (or stages) named twice, or with an empty name."""
        found = []
        seen: set[str] = set()
        key = self.items_key
        for item in goal.items:
            if item in seen:
                found.append(Complaint("duplicate", key, "item_twice", None, {"item": item}))
            if not item.strip():
                found.append(Complaint("empty", key, "item_empty"))
            seen.add(item)
        return found

    def target_complaint(self, goal: Goal, value: float) -> Complaint | None:
        """What is wrong with `value` as the goal's target (a revised one too)."""
        return None

    def eases(self, goal: Goal, old: float, new: float) -> bool:
        """Whether target `new` is easier to meet than `old`."""
        return new < old

    def entry_complaints(self, goal: Goal, entry: Entry) -> list[Complaint]:
        """What is wrong with an entry's value for this goal."""
        return []

    def implausible(self, goal: Goal, entry: Entry) -> str | None:
        """The message key when an entry's value is far outside what the goal can
        take (most likely a slip), else None."""
        return None

    # -- its words ---------------------------------------------------------------

    def value_text(self, goal: Goal, value: float | None, lang: str) -> str:
        """Its value against its target: 1,320/3,000 人."""
        unit = f" {goal.unit}" if goal.unit else ""
        return f"{grouped(value)}/{grouped(goal.target)}{unit}"

    def target_text(self, goal: Goal, lang: str) -> str:
        return f"{grouped(goal.target)} {goal.unit}".strip()

    def unit_text(self, goal: Goal, lang: str) -> str:
        """What its value counts, for a chart's scale and a gap."""
        return goal.unit

    def gap_unit(self, goal: Goal, lang: str) -> str:
        """What a difference in its value counts (a gap, a change): its unit."""
        return self.unit_text(goal, lang)

    def done_text(self, status: GoalStatus, lang: str) -> str:
        """How much is done: 完成43%."""
        return say("value.percent_done", lang, percent=f"{status.progress * 100:.0f}%")

    def change_text(
        self, goal: Goal, before: float | None, after: float | None, ticked: tuple, lang: str
    ) -> str | None:
        """What a period's entries did to it, from its value `before` to `after`
        (`ticked`: checklist items done in it); None when only notes show."""
        change = self.change(goal, before, after)
        if change is None:
            return None
        unit = self.gap_unit(goal, lang)
        unit = unit if unit and not unit[0].isascii() else f" {unit}" if unit else ""
        return f"{'+' if change >= 0 else '−'}{grouped(abs(change))}{unit}"

    def sheet_figures(self, goal: Goal, status: GoalStatus, lang: str) -> tuple:
        """(target, current value) as its fill-in template row shows them."""
        return goal.target, status.current
