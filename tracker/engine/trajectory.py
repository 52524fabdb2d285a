"""Progress as a fraction of the target, and the fraction the trajectory expects by a day."""

from __future__ import annotations

import datetime as dt

from tracker.model import Direction, Goal, Kind


def progress_of(goal: Goal, value: float | None) -> float:
    """Achieved fraction of the target for a value (uncapped; 0 for no value)."""
    if value is None:
        return 0.0
    if goal.kind is Kind.LEVEL:
        baseline = goal.baseline if goal.baseline is not None else 0.0
        span = goal.target - baseline
        if goal.direction is Direction.AT_MOST:
            span = baseline - goal.target
            return (baseline - value) / span if span else 0.0
        return (value - baseline) / span if span else 0.0
    target = goal.full_target
    return value / target if target else 0.0


def is_met(goal: Goal, value: float | None) -> bool:
    if value is None:
        return False
    if goal.kind is Kind.LEVEL:
        if goal.direction is Direction.AT_MOST:
            return value <= goal.target + 1e-9
        return value >= goal.target - 1e-9
    return value >= goal.full_target - 1e-9


def expected_on(goal: Goal, day: dt.date) -> float:
    """The fraction of the target the trajectory asks for by `day`, 0…1."""
    if day < goal.start:
        return 0.0
    if day >= goal.deadline:
        return 1.0
    if goal.trajectory:
        return _interpolate(goal, day)
    if goal.kind is Kind.CHECKLIST and goal.item_deadlines:
        # Each item is expected by its own deadline (the goal's, if it has none).
        due = sum(1 for item in goal.items if goal.item_deadline(item) <= day)
        return due / len(goal.items)
    if goal.kind in (Kind.MILESTONE, Kind.CHECKLIST):
        return 0.0  # nothing is expected before the deadline
    if goal.kind is Kind.COUNT and goal.start_value and goal.target:
        # A goal carried from last year starts from where it stood, not from 0.
        opening = min(1.0, goal.start_value / goal.target)
        span = (goal.deadline - goal.start).days
        return opening + (1 - opening) * ((day - goal.start).days / span if span else 1.0)
    span = (goal.deadline - goal.start).days
    return (day - goal.start).days / span if span else 1.0


def _interpolate(goal: Goal, day: dt.date) -> float:
    points = [(goal.start, 0.0)]
    points += [(c.date, progress_of(goal, c.value)) for c in goal.trajectory]
    if points[-1][0] < goal.deadline:
        points.append((goal.deadline, 1.0))
    for (d0, f0), (d1, f1) in zip(points, points[1:]):
        if d0 <= day <= d1:
            if d1 == d0:
                return f1
            return f0 + (f1 - f0) * (day - d0).days / (d1 - d0).days
    return points[-1][1]


def schedule_days(goal: Goal, progress: float, as_of: dt.date) -> int | None:
    """Days ahead (+) or behind (−): the last day on which the trajectory was at
    or below today's progress, minus as_of. On a linear path at 0.43 of a year
    when 0.50 is due this is about −26; a met target gives the days to deadline."""
    if as_of < goal.start:
        return None
    tolerance = 1e-9
    if progress >= 1 - tolerance:
        return (goal.deadline - as_of).days
    lo, hi = goal.start, goal.deadline  # expected(lo) ≤ progress is not guaranteed
    if expected_on(goal, lo) > progress + tolerance:
        return (lo - as_of).days
    # binary search for the last day d in [lo, hi] with expected(d) ≤ progress
    while lo < hi:
        mid = lo + dt.timedelta(days=((hi - lo).days + 1) // 2)
        if expected_on(goal, mid) <= progress + tolerance:
            lo = mid
        else:
            hi = mid - dt.timedelta(days=1)
    return (lo - as_of).days
