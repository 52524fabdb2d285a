"""Alerts: overdue, off track, forecast late, at risk, due soon, stale — from statuses."""

from __future__ import annotations

from tracker.model import Alert, Condition, GoalStatus, State


def alerts(items: list[GoalStatus], *, verifying: list[GoalStatus] = ()) -> list[Alert]:
    """Every alert, most serious condition first, then by deadline;
    `verifying`: goals an office verifies but does not hold, of which only
    reports waiting past the verification period are its concern."""
    found = []
    for status in items:
        for condition in conditions(status):
            found.append(Alert(status, condition))
    found += [Alert(s, Condition.UNVERIFIED) for s in verifying if s.unverified_late]
    order = list(Condition)
    return sorted(
        found, key=lambda a: (order.index(a.condition), a.status.goal.deadline, a.status.goal.id)
    )


def conditions(status: GoalStatus) -> list[Condition]:
    out = []
    state = status.state
    if state is State.OVERDUE:
        out.append(Condition.OVERDUE)
    if state is State.OFF_TRACK:
        out.append(Condition.OFF_TRACK)
    if state is not State.DONE and status.forecast and status.forecast.days_late > 0:
        out.append(Condition.LATE)
    if state is State.AT_RISK:
        out.append(Condition.AT_RISK)
    if status.due_soon:
        out.append(Condition.DUE_SOON)
    if status.stale:
        out.append(Condition.STALE)
    if status.unverified_late:
        out.append(Condition.UNVERIFIED)
    return out
