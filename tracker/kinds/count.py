"""A count (计数): the sum of increments toward a target, e.g. 3,000 人 trained.
Logged as `tracker log ID 120` (adds) or `--total N` (states the running total);
whole unless the goal counts in decimals (money, kilometres)."""

from __future__ import annotations

import datetime as dt
import math

from tracker.kinds.base import Complaint, Effect, GoalKind, PlanKey, Typed
from tracker.model import Entry, Goal, GoalStatus, Kind, Op
from tracker.numbers import MAX_DECIMALS, places
from tracker.words import phrase

IMPLAUSIBLE_FACTOR = 10  # a total (or a level's reading) beyond this many times the target


class Count(GoalKind):
    kind = Kind.COUNT
    keys = (
        PlanKey("target", Typed.NUMBER),
        PlanKey("unit", Typed.TEXT, ""),
        PlanKey("part_of", Typed.TEXT),  # never more than that count (same unit)
        PlanKey("start_value", Typed.NUMBER),  # what a carried goal brought from last year
        PlanKey("decimals", Typed.DECIMALS),
    )
    requires = frozenset({"target", "unit"})
    effects = {Op.VALUE: Effect.ADD, Op.TOTAL: Effect.SET, Op.CHECKIN: Effect.NOTE}
    restates = Op.TOTAL
    cells = {"add": Op.VALUE, "total": Op.TOTAL}
    never_negative = frozenset({Op.VALUE, Op.TOTAL})  # a negative increment is a retraction
    forecasts = True

    def start_value(self, goal: Goal) -> float | None:
        return goal.start_value if goal.start_value is not None else 0.0

    def expected_before_deadline(self, goal: Goal, day: dt.date) -> float:
        if not (goal.start_value and goal.target):
            return super().expected_before_deadline(goal, day)
        # A goal carried from last year starts from where it stood, not from 0.
        opening = min(1.0, goal.start_value / goal.target)
        span = (goal.deadline - goal.start).days
        return opening + (1 - opening) * ((day - goal.start).days / span if span else 1.0)

    def carried(self, goal: Goal, status: GoalStatus) -> dict:
        return {"start_value": status.current} if status.current else {}

    def plan_complaints(self, goal: Goal) -> list[Complaint]:
        found = []
        if goal.target is not None:
            found += [c for c in [self.target_complaint(goal, goal.target)] if c]
        if not 0 <= goal.decimals <= MAX_DECIMALS:
            return [*found, Complaint("range", "decimals", "decimals_range", None,
                                      {"most": MAX_DECIMALS})]  # fmt: skip
        for key in ("target", "start_value"):
            value = getattr(goal, key)
            if value is not None and math.isfinite(value) and places(value) > goal.decimals:
                fix = "declare_decimals" if goal.decimals == 0 else "round_to_decimals"
                args = {"key": key, "value": f"{value:g}", "unit": goal.unit or phrase("units"),
                        "decimals": goal.decimals}  # fmt: skip
                found.append(Complaint("not-whole", key, "too_many_places", fix, args))
        return found

    def target_complaint(self, goal: Goal, value: float) -> Complaint | None:
        if value <= 0:
            return Complaint("range", "target", "count_target_positive")
        return None

    def entry_complaints(self, goal: Goal, entry: Entry) -> list[Complaint]:
        """Non-negative increments and totals, whole unless the goal counts in
        decimals, and then with at most its places."""
        value = entry.value
        if entry.op not in (Op.VALUE, Op.TOTAL):
            return []
        if value < 0:
            what = phrase("word_total" if entry.op is Op.TOTAL else "word_increment")
            args = {"what": what, "value": f"{value:g}", "goal": goal.id}
            return [Complaint("negative", None, "negative_value", "undo_with_retract", args)]
        if float(value).is_integer():  # a whole value has no places to count
            return []
        args = {"goal": goal.id, "unit": goal.unit or phrase("units"), "value": f"{value:g}"}
        if goal.decimals == 0:
            return [Complaint("not-whole", None, "not_whole", "log_whole_numbers", args)]
        if places(value) > goal.decimals:
            args["decimals"] = goal.decimals
            return [Complaint("not-whole", None, "too_many_decimals", "round_to_decimals", args)]
        return []

    def implausible(self, goal: Goal, entry: Entry) -> str | None:
        """An increment larger than the whole target, a total beyond 10× it."""
        target = abs(goal.target or 0)
        if not target:
            return None
        if entry.op is Op.VALUE and entry.value > target:
            return "implausible_increment"
        if entry.op is Op.TOTAL and entry.value > IMPLAUSIBLE_FACTOR * target:
            return "implausible_total"
        return None


COUNT = Count()
