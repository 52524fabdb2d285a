"""How far behind a goal is, in its own units, against two references kept
apart (SPEC "Early warning"): the time-proportional schedule (序时进度 —
较序时进度差31人) and the year's target (年度目标 — 距年度目标差635人).
Pure functions of a status, so every report words the same figures."""

from typing import NamedTuple

from tracker.kinds import kind_of
from tracker.model import GoalStatus


class Gaps(NamedTuple):
    """Both gaps in the goal's units (whole units rounded up for a whole-number
    target); None where a gap has no meaning: a milestone (done or not: its
    stages say what is missing), a schedule the goal does not follow (a level
    is compared with its target), or a level with no reading yet."""

    to_schedule: float | None
    to_target: float | None


def gaps(status: GoalStatus) -> Gaps:
    goal = status.goal
    kind = kind_of(goal)
    if status.current is None or kind.binary:
        return Gaps(None, None)
    behind = max(0.0, status.expected - status.progress)
    short = max(0.0, 1.0 - status.progress)
    on_schedule = kind.gap(goal, behind) if kind.schedules(goal) else None
    return Gaps(on_schedule, kind.gap(goal, short))
