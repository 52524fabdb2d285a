"""Alerts: overdue, off track, forecast late, at risk, due soon, stale — from statuses."""

from __future__ import annotations

from tracker.model import Alert, Condition, GoalStatus, Kind, State


def alerts(items: list[GoalStatus]) -> list[Alert]:
    """Every alert, most serious condition first, then by deadline."""
    found = []
    for status in items:
        for condition in conditions(status):
            found.append(Alert(status, condition, reason(status, condition)))
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
    return out


def _done_text(status: GoalStatus) -> str:
    goal = status.goal
    if goal.kind is Kind.MILESTONE:
        return "not done"
    return f"{status.progress * 100:.0f}% done"


def _behind(status: GoalStatus) -> str:
    days = status.schedule_days
    if days is None or days >= 0:
        return ""
    return f", {-days} days behind schedule"


def reason(status: GoalStatus, condition: Condition) -> str:
    goal = status.goal
    if condition is Condition.OVERDUE:
        return f"deadline {goal.deadline} passed {-status.days_left} days ago; {_done_text(status)}"
    if condition in (Condition.OFF_TRACK, Condition.AT_RISK):
        return (
            f"{status.progress * 100:.0f}% done where {status.expected * 100:.0f}% is "
            f"expected{_behind(status)}"
        )
    if condition is Condition.LATE:
        f = status.forecast
        return (
            f"at the recent rate the target is met on {f.completion_date}, "
            f"{f.days_late} days after the {goal.deadline} deadline"
        )
    if condition is Condition.DUE_SOON:
        when = "today" if status.days_left == 0 else f"in {status.days_left} days"
        return f"due {when} ({goal.deadline}); {_done_text(status)}"
    last = status.last_entry
    since = f"last entry {last}" if last else "nothing logged yet"
    return f"{since}; expected {goal.update_every.value}"
