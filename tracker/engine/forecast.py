"""When a count or level goal will meet its target at its recent rate of progress."""

from __future__ import annotations

import bisect
import datetime as dt
import math

from tracker.engine.trajectory import is_met
from tracker.kinds import kind_of
from tracker.ledger import Series
from tracker.model import Forecast, Goal

WINDOW_DAYS = 56  # "the rate of the last 8 weeks"


def forecast(goal: Goal, series: Series, as_of: dt.date) -> Forecast | None:
    """None when there is nothing to project: a kind that does not forecast
    (milestones, checklists), no entries yet, or no progress in the window."""
    kind = kind_of(goal)
    if not kind.forecasts:
        return None
    current = series.value_on(as_of)
    if current is None:
        return None
    met_on = _first_met(goal, series, as_of)
    if met_on is not None:
        return Forecast(met_on, max(0, (met_on - goal.deadline).days), None)
    # The rate is the change after start_day up to as_of; a window reaching back
    # past the goal's start begins the day before it, so day-one entries count.
    window = max(goal.start - dt.timedelta(days=1), as_of - dt.timedelta(days=WINDOW_DAYS))
    start = kind.forecast_start(goal, series, window)  # a count from zero, a level its own way
    if start is None:
        return None
    start_day, before = start
    days = (as_of - start_day).days
    if days <= 0:
        return None
    sign = kind.toward(goal)
    rate = sign * (current - before) / days  # toward the target, per day
    if rate <= 0:
        return None
    remaining = sign * (goal.target - current)
    days_to_go = remaining / rate - 1e-9
    if not math.isfinite(days_to_go) or days_to_go > (dt.date.max - as_of).days:
        return None  # at this rate the target lies beyond the calendar: nothing to project
    completion = as_of + dt.timedelta(days=math.ceil(days_to_go))
    return Forecast(completion, max(0, (completion - goal.deadline).days), days)


def _first_met(goal: Goal, series: Series, as_of: dt.date) -> dt.date | None:
    """The day the target was met, if it still is on as_of: the first step of
    the run of met steps that reaches as_of (read back from as_of: a goal met
    lately is not read from its first step)."""
    if not is_met(goal, series.value_on(as_of)):
        return None
    at = bisect.bisect_right(series.days, as_of) - 1  # as_of's step: met
    while at > 0 and is_met(goal, series.values[at - 1]):
        at -= 1
    return series.days[at]
