"""The weekly digest: what changed in a period, as a pure function of
(plan, entries, since, until)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.engine.ledger import Series, build_series, effective_by_goal
from tracker.engine.status import goal_status, state_counts
from tracker.model import Entry, Goal, GoalStatus, Kind, Plan, State


@dataclass(frozen=True, slots=True)
class GoalActivity:
    """One goal's entries in the period and what they changed."""

    goal: Goal
    entries: tuple[Entry, ...]
    before: float | None
    after: float | None
    items_done: tuple[str, ...]  # checklist items ticked in the period
    by: tuple[str, ...]

    @property
    def net_change(self) -> float | None:
        if self.goal.kind is Kind.LEVEL:
            if self.after is None:
                return None
            return self.after - (self.before if self.before is not None else 0.0)
        return (self.after or 0.0) - (self.before or 0.0)


@dataclass(frozen=True, slots=True)
class StateChange:
    status: GoalStatus
    before: State


@dataclass(frozen=True, slots=True)
class Summary:
    plan: Plan
    since: dt.date
    until: dt.date
    counts: dict[str, int]
    counts_before: dict[str, int]
    activity: tuple[GoalActivity, ...]
    changes: tuple[StateChange, ...]
    due_soon: tuple[GoalStatus, ...]
    stale: tuple[GoalStatus, ...]
    off_track: tuple[GoalStatus, ...]
    series: dict[str, Series]

    @property
    def quiet(self) -> bool:
        return not self.activity


def summarize(
    plan: Plan,
    entries: list[Entry],
    *,
    since: dt.date,
    until: dt.date,
    series: dict[str, Series] | None = None,
) -> Summary:
    """Statuses at the end of the period against the day before it began.
    `series`: each goal's series when already known; `entries` then need only
    hold the period's entries and the retractions."""
    grouped, _ = effective_by_goal(plan, entries)
    if series is None:
        series = {g.id: build_series(g, grouped[g.id]) for g in plan.goals}
    eve = since - dt.timedelta(days=1)
    now = [goal_status(g, series[g.id], as_of=until) for g in plan.goals]
    then = {g.id: goal_status(g, series[g.id], as_of=eve) for g in plan.goals}
    activity = []
    for goal in plan.goals:
        in_period = tuple(e for e in grouped[goal.id] if since <= e.date <= until)
        if not in_period:
            continue
        s = series[goal.id]
        ticked = tuple(i for i in goal.items if i in s.items_on(until) - s.items_on(eve))
        activity.append(
            GoalActivity(
                goal,
                in_period,
                s.value_on(eve),
                s.value_on(until),
                ticked,
                tuple(dict.fromkeys(e.by for e in in_period)),
            )
        )
    changes = tuple(
        StateChange(s, then[s.goal.id].state) for s in now if s.state is not then[s.goal.id].state
    )
    by_deadline = sorted(now, key=lambda s: (s.goal.deadline, s.goal.id))
    return Summary(
        plan=plan,
        since=since,
        until=until,
        counts=state_counts(now),
        counts_before=state_counts(list(then.values())),
        activity=tuple(activity),
        changes=changes,
        due_soon=tuple(s for s in by_deadline if s.due_soon),
        stale=tuple(s for s in by_deadline if s.stale),
        off_track=tuple(s for s in by_deadline if s.state is State.OFF_TRACK),
        series=series,
    )
