"""A checklist (清单): named items, each done or not — the eco-farm bases of
three townships. Logged as `tracker log ID --item 长石`; an item may have a
deadline of its own, by which the goal expects it."""

from __future__ import annotations

import datetime as dt

from tracker.kinds.base import Complaint, Effect, GoalKind, PlanKey, Typed
from tracker.model import Goal, GoalStatus, Kind, Op
from tracker.numbers import grouped
from tracker.words import say


class Checklist(GoalKind):
    kind = Kind.CHECKLIST
    keys = (
        PlanKey("items", Typed.ITEMS),
        PlanKey("start_items", Typed.NAMES),  # items done before this plan (a carried goal)
    )
    requires = frozenset({"items"})
    effects = {Op.ITEMS: Effect.TICK, Op.CHECKIN: Effect.NOTE}
    restates = Op.ITEMS
    cells = {"items": Op.ITEMS}
    waits = True
    closed_by_verdict = True

    def start_value(self, goal: Goal) -> float | None:
        return float(len(goal.start_items))

    def full_target(self, goal: Goal) -> float:
        return float(len(goal.items))

    def expected_before_deadline(self, goal: Goal, day: dt.date) -> float:
        if not goal.item_deadlines:
            return 0.0  # nothing is expected before the deadline
        # Each item is expected by its own deadline (the goal's, if it has none).
        due = sum(1 for item in goal.items if goal.item_deadline(item) <= day)
        return due / len(goal.items)

    def measures_delay(self, goal: Goal) -> bool:
        return True

    def behind_since(self, goal: Goal, readings, current, as_of: dt.date) -> dt.date | None:
        """The earliest item deadline (its own, else the goal's) passed with the
        item not done, or stage of its trajectory missed."""
        return self.earliest_missed(goal, readings, current, as_of)

    def carried(self, goal: Goal, status: GoalStatus) -> dict:
        return {"start_items": status.items_done}

    def plan_complaints(self, goal: Goal) -> list[Complaint]:
        found = []
        if not goal.items:
            found.append(Complaint("empty", "items", "checklist_without_items", "name_items"))
        return found + self.item_complaints(goal)

    def value_text(self, goal: Goal, value: float | None, lang: str) -> str:
        return say("value.items", lang, done=grouped(value), total=len(goal.items))

    def target_text(self, goal: Goal, lang: str) -> str:
        return say("goals.items", lang, count=len(goal.items))

    def unit_text(self, goal: Goal, lang: str) -> str:
        return say("chart.items", lang)

    def change_text(self, goal: Goal, before, after, ticked: tuple, lang: str) -> str | None:
        return ("✔ " + "、".join(ticked)) if ticked else None

    def sheet_figures(self, goal: Goal, status: GoalStatus, lang: str) -> tuple:
        done = status.items_done
        current = say("fill.items_of", lang, done=len(done), total=len(goal.items))
        return "、".join(goal.items), current + (f" ({'、'.join(done)})" if done else "")


CHECKLIST = Checklist()
