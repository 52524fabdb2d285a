"""Progress as a fraction of the target, and the fraction the trajectory expects by a day."""

from __future__ import annotations

import datetime as dt

from tracker.kinds import kind_of
from tracker.model import Goal


def progress_of(goal: Goal, value: float | None) -> float:
    """Achieved fraction of the target for a value (uncapped; 0 for no value)."""
    return 0.0 if value is None else kind_of(goal).progress(goal, value)


def is_met(goal: Goal, value: float | None) -> bool:
    return value is not None and kind_of(goal).met(goal, value)


def expected_on(goal: Goal, day: dt.date) -> float:
    """The fraction of the target the goal's path asks for by `day`, 0…1: its
    trajectory, else its kind's (tracker.kinds)."""
    return kind_of(goal).expected(goal, day)


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
