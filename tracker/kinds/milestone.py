"""A milestone (里程碑): done or not — a handover finished, a road open to
traffic. Logged as `tracker log ID --done`. It may list dated stages (节点目标:
完成设计 → 开工 → 主体完工, each with its date), logged as they are reached
(`tracker log ID --item 开工`): a stage not reached by its date makes the
goal behind, with its delay in days, long before the deadline. Without
stages it expects nothing before its deadline."""

from __future__ import annotations

import datetime as dt

from tracker.kinds.base import EPSILON, Complaint, Effect, GoalKind, PlanKey, Typed
from tracker.model import Goal, GoalStatus, Kind, Op
from tracker.words import say


class Milestone(GoalKind):
    kind = Kind.MILESTONE
    # Stages are held as the goal's items, each with its date (item_deadlines):
    # they are logged, checked and completed as a checklist's items are.
    keys = (PlanKey("stages", Typed.ITEMS),)
    effects = {Op.DONE: Effect.DONE, Op.ITEMS: Effect.TICK, Op.CHECKIN: Effect.NOTE}
    restates = Op.DONE
    cells = {"done": Op.DONE}
    waits = True
    closed_by_verdict = True
    binary = True
    items_key = "stages"
    dated_items = True

    def template_cells(self, goal: Goal) -> dict[str, Op]:
        """A milestone with stages takes a stage reached in 完成的分项, as a
        checklist takes an item; done in 是否完成 (the one suggested)."""
        return {"items": Op.ITEMS, **self.cells} if goal.items else self.cells

    def full_target(self, goal: Goal) -> float:
        return 1.0

    def ticked_value(self, goal: Goal, value: float | None, done: frozenset) -> float:
        """Done is 1; before that, k of its n stages reached is k/(n+1) of the
        way (the last part is the milestone itself), so 时间过半、任务过半 has
        an answer for it too."""
        if value is not None and value >= 1.0 - EPSILON:
            return 1.0
        reached = sum(1 for stage in goal.items if stage in done)
        return max(value or 0.0, reached / (len(goal.items) + 1))

    def expected_before_deadline(self, goal: Goal, day: dt.date) -> float:
        """The stages due by `day`, each a part of the way; nothing without stages."""
        due = sum(1 for stage in goal.item_deadlines if stage.deadline <= day)
        return due / (len(goal.items) + 1)

    def measures_delay(self, goal: Goal) -> bool:
        return True

    def behind_since(self, goal: Goal, readings, current, as_of: dt.date) -> dt.date | None:
        """The earliest stage (or the deadline) it missed."""
        return self.earliest_missed(goal, readings, current, as_of)

    def gap(self, goal: Goal, short: float) -> float | None:
        return None  # done or not: its value (and its stages) already say what is missing

    def plan_complaints(self, goal: Goal) -> list[Complaint]:
        """A stage is a dated step: one without its date could never be late."""
        dated = {stage.name for stage in goal.item_deadlines}
        found = [
            Complaint("missing-key", "stages", "stage_without_date", "stage_example",
                      {"stage": stage})
            for stage in goal.items
            if stage not in dated
        ]  # fmt: skip
        return found + self.item_complaints(goal)

    def carried(self, goal: Goal, status: GoalStatus) -> dict:
        """Next year's plan keeps the stages not reached (`init --from` drops
        those whose date falls outside its span)."""
        return {"items": tuple(s for s in goal.items if s not in status.items_done)}

    def value_text(self, goal: Goal, value: float | None, lang: str) -> str:
        if value is not None and value >= 1.0 - EPSILON:
            return say("value.done", lang)
        if not goal.items:
            return say("value.not_done", lang)
        reached = round((value or 0.0) * (len(goal.items) + 1))
        return say("value.stages", lang, done=reached, total=len(goal.items))

    def target_text(self, goal: Goal, lang: str) -> str:
        return "—"

    def done_text(self, status: GoalStatus, lang: str) -> str:
        return self.value_text(status.goal, status.current, lang)

    def change_text(self, goal: Goal, before, after, ticked: tuple, lang: str) -> str | None:
        parts = ["✔ " + "、".join(ticked)] if ticked else []
        if after is not None and after >= 1.0 - EPSILON and not (before or 0.0) >= 1.0 - EPSILON:
            parts.append(say("value.done", lang))
        return say("list.semicolon", lang).join(parts) if parts else None

    def sheet_figures(self, goal: Goal, status: GoalStatus, lang: str) -> tuple:
        # The target says what is asked (done by the deadline), never 已完成:
        # a form whose target reads "done" looks as if the work were done.
        return say("fill.milestone_target", lang), self.value_text(goal, status.current, lang)


MILESTONE = Milestone()
