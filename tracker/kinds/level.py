"""A level (指标): the latest reading against a target with a direction — a
spending cut of at least 10 %, a rate held at or above 95 %. Logged as a
reading, `tracker log ID 8.5`; judged on its final reading (the default), when
first reached, or held throughout (SPEC "Readings decided")."""

from __future__ import annotations

import bisect
import datetime as dt

from tracker.kinds.base import (
    EPSILON,
    UPDATE_PERIOD,
    Complaint,
    Effect,
    GoalKind,
    Judgement,
    PlanKey,
    Readings,
    Typed,
)
from tracker.kinds.count import IMPLAUSIBLE_FACTOR
from tracker.model import Direction, Entry, Goal, GoalStatus, Judged, Kind, Op
from tracker.numbers import exact, grouped, places
from tracker.words import say

PERCENT_UNITS = ("%", "％")


class Level(GoalKind):
    kind = Kind.LEVEL
    keys = (
        PlanKey("target", Typed.NUMBER),
        PlanKey("unit", Typed.TEXT, ""),
        PlanKey("direction", Typed.CHOICE, Direction.AT_LEAST, Direction),
        PlanKey("baseline", Typed.NUMBER),  # where it stood at the start (at_most needs one)
        PlanKey("judged", Typed.CHOICE, Judged.FINAL, Judged),
    )
    requires = frozenset({"target", "unit", "direction"})
    effects = {Op.VALUE: Effect.SET, Op.CHECKIN: Effect.NOTE}
    restates = Op.VALUE
    cells = {"total": Op.VALUE}
    forecasts = True

    def start_value(self, goal: Goal) -> float | None:
        return None  # unread until its first reading

    def progress(self, goal: Goal, value: float) -> float:
        baseline = _baseline(goal)
        if goal.direction is Direction.AT_MOST:
            span = baseline - goal.target
            return (baseline - value) / span if span else 0.0
        span = goal.target - baseline
        return (value - baseline) / span if span else 0.0

    def met(self, goal: Goal, value: float) -> bool:
        if goal.direction is Direction.AT_MOST:
            return value <= goal.target + EPSILON
        return value >= goal.target - EPSILON

    def value_at(self, goal: Goal, fraction: float) -> float:
        baseline = _baseline(goal)
        return baseline + fraction * ((goal.target or 0.0) - baseline)

    def change(self, goal: Goal, before: float | None, after: float | None) -> float | None:
        if after is None:
            return None
        before = before if before is not None else 0.0
        return exact(after - before, max(places(after), places(before)))

    def gap(self, goal: Goal, short: float) -> float | None:
        return round(short * abs((goal.target or 0.0) - _baseline(goal)), 2)

    # -- what is expected, and how it is judged ----------------------------------

    def expected(self, goal: Goal, day: dt.date) -> float:
        """The whole target from its start: a level is a year-to-date reading
        (a rate, a cut so far), compared with the target as it is judged — not
        a ramp on a rate — unless the plan gives its path (`trajectory`); one
        held throughout must hold every day whatever its path."""
        if goal.trajectory and goal.judged is not Judged.THROUGHOUT:
            return super().expected(goal, day)
        return 0.0 if day < goal.start else 1.0

    def schedules(self, goal: Goal) -> bool:
        """Only along a path the plan gives: a reading is not days behind a target."""
        return bool(goal.trajectory) and goal.judged is not Judged.THROUGHOUT

    def judge(
        self, goal: Goal, readings: Readings, current: float | None, as_of: dt.date
    ) -> Judgement:
        if goal.judged is Judged.FIRST:  # done for good once reached
            done = any(self.met(goal, v) for _, v in readings.steps_until(as_of))
            return Judgement(done, waiting=current is None and as_of < goal.deadline)
        if goal.judged is Judged.THROUGHOUT:
            return self._held(goal, readings, as_of)
        return self._final(goal, readings, current, as_of)

    def _final(self, goal: Goal, readings: Readings, current, as_of: dt.date) -> Judgement:
        """Before the deadline a met target is on track ("target reached"); from
        the deadline on, the latest reading decides if it covers the end of the
        period, and without one the goal awaits its final reading."""
        met = current is not None and self.met(goal, current)
        if as_of < goal.deadline:  # with no reading yet: nothing to judge
            return Judgement(False, reached=met, waiting=current is None)
        i = bisect.bisect_right(readings.days, as_of)
        last = readings.days[i - 1] if i else None
        if last is not None and self.covers_end(goal, last):
            return Judgement(met)
        if as_of == goal.deadline:
            return Judgement(False, reached=met)
        return Judgement(False, awaiting_final=last is not None)

    def covers_end(self, goal: Goal, day: dt.date) -> bool:
        """Whether a reading on `day` covers the end of the goal's period: dated
        within its last reporting period before the deadline, or after it."""
        return day > goal.deadline - UPDATE_PERIOD[goal.update_every]

    def _held(self, goal: Goal, readings: Readings, as_of: dt.date) -> Judgement:
        """On track while every reading meets it, failed for good the day one
        falls short, done at the deadline; with no reading yet, nothing to judge."""
        held = list(readings.steps_until(min(as_of, goal.deadline)))
        if any(not self.met(goal, v) for _, v in held):
            return Judgement(False, failed=True)
        if not held:
            return Judgement(False, waiting=True)
        return Judgement(as_of >= goal.deadline, reached=as_of < goal.deadline)

    def measures_delay(self, goal: Goal) -> bool:
        return goal.judged is Judged.THROUGHOUT

    def behind_since(
        self, goal: Goal, readings: Readings, current: float | None, as_of: dt.date
    ) -> dt.date | None:
        """A level held throughout: the first reading that fell short (or its
        deadline, passed without a reading)."""
        if goal.judged is not Judged.THROUGHOUT:
            return None
        for day, value in readings.steps_until(min(as_of, goal.deadline)):
            if not self.met(goal, value):
                return day
        return goal.deadline if as_of > goal.deadline and current is None else None

    # -- its forecast --------------------------------------------------------------

    def forecast_start(
        self, goal: Goal, readings: Readings, day: dt.date
    ) -> tuple[dt.date, float] | None:
        """The last reading before the window, else the baseline it started
        from, else its first reading in the window."""
        before = readings.value_on(day)
        if before is not None:
            return day, before
        if goal.baseline is not None:
            return day, goal.baseline
        first = next((d for d in readings.days if d >= day), None)
        return None if first is None else (first, readings.value_on(first))

    def toward(self, goal: Goal) -> int:
        return -1 if goal.direction is Direction.AT_MOST else 1

    def carried(self, goal: Goal, status: GoalStatus) -> dict:
        return {"baseline": status.current} if status.current is not None else {}

    # -- the rules ---------------------------------------------------------------------

    def plan_complaints(self, goal: Goal) -> list[Complaint]:
        # A level starts from 0 (a cut of 0 % so far) and may aim at 0 (no incidents),
        # but a reading below zero is no level tracker can measure against.
        found = []
        for key in ("target", "baseline"):
            value = getattr(goal, key)
            if value is not None and value < 0:
                found.append(Complaint("range", key, "level_not_negative", None, {"key": key}))
        if goal.direction is Direction.AT_MOST and goal.baseline is None:
            found.append(
                Complaint("missing-key", "direction", "at_most_needs_baseline", "add_baseline")
            )
        if goal.baseline is not None and goal.target is not None and goal.baseline == goal.target:
            found.append(Complaint("range", "baseline", "baseline_equals_target"))
        return found

    def eases(self, goal: Goal, old: float, new: float) -> bool:
        return new > old if goal.direction is Direction.AT_MOST else new < old

    def implausible(self, goal: Goal, entry: Entry) -> str | None:
        """Above 100 % (unit %), or beyond 10× its target."""
        target = abs(goal.target or 0)
        if goal.unit.strip() in PERCENT_UNITS and entry.value > 100:
            return "implausible_level_percent"
        if target and abs(entry.value) > IMPLAUSIBLE_FACTOR * target:
            return "implausible_level"
        return None

    # -- its words -------------------------------------------------------------------

    def gap_unit(self, goal: Goal, lang: str) -> str:
        """A difference between two rates in per cent is in percentage points
        (个百分点), as 公文 says it: 差3.2个百分点, +3个百分点."""
        if goal.unit.strip() in PERCENT_UNITS:
            return say("unit.points", lang)
        return goal.unit

    def target_text(self, goal: Goal, lang: str) -> str:
        sign = "≤ " if goal.direction is Direction.AT_MOST else "≥ "
        return f"{sign}{grouped(goal.target)} {goal.unit}".strip()


def _baseline(goal: Goal) -> float:
    return goal.baseline if goal.baseline is not None else 0.0


LEVEL = Level()
