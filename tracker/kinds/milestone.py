"""A milestone (里程碑): done or not — a handover finished, a road open to
traffic. Logged as `tracker log ID --done`; expects nothing before its
deadline unless it lists dated stages (a `trajectory`)."""

from __future__ import annotations

import datetime as dt

from tracker.kinds.base import Effect, GoalKind
from tracker.model import Goal, GoalStatus, Kind, Op
from tracker.words import say


class Milestone(GoalKind):
    kind = Kind.MILESTONE
    effects = {Op.DONE: Effect.DONE, Op.CHECKIN: Effect.NOTE}
    restates = Op.DONE
    cells = {"done": Op.DONE}
    waits = True
    closed_by_verdict = True
    binary = True

    def full_target(self, goal: Goal) -> float:
        return 1.0

    def expected_before_deadline(self, goal: Goal, day: dt.date) -> float:
        return 0.0  # nothing is expected before the deadline

    def measures_delay(self, goal: Goal) -> bool:
        return True

    def behind_since(self, goal: Goal, readings, current, as_of: dt.date) -> dt.date | None:
        """The earliest stage (or the deadline) it missed."""
        return self.missed_stage(goal, current, as_of)

    def gap(self, goal: Goal, short: float) -> float | None:
        return None  # done or not: its value already says what is missing

    def value_text(self, goal: Goal, value: float | None, lang: str) -> str:
        return say("value.done" if value else "value.not_done", lang)

    def target_text(self, goal: Goal, lang: str) -> str:
        return "—"

    def done_text(self, status: GoalStatus, lang: str) -> str:
        return self.value_text(status.goal, status.current, lang)

    def change_text(self, goal: Goal, before, after, ticked: tuple, lang: str) -> str | None:
        return self.value_text(goal, True, lang) if after and not before else None

    def sheet_figures(self, goal: Goal, status: GoalStatus, lang: str) -> tuple:
        # The target says what is asked (done by the deadline), never 已完成:
        # a form whose target reads "done" looks as if the work were done.
        return say("fill.milestone_target", lang), self.value_text(goal, status.current, lang)


MILESTONE = Milestone()
