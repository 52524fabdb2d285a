"""The responsible offices (责任单位) as units of accountability: which goals each
holds and how it stands, most in need of attention first."""

from typing import NamedTuple

from tracker.engine.alerts import conditions
from tracker.kinds import kind_of
from tracker.model import Condition, Goal, GoalStatus, State

# What needs a decision, most serious first (the order of SPEC's digest).
ATTENTION = (Condition.OVERDUE, Condition.OFF_TRACK, Condition.LATE, Condition.AT_RISK)
BEHIND = (State.AT_RISK, State.OFF_TRACK)


def offices_of(goal: Goal) -> tuple[str, ...]:
    """The offices a goal counts for: the lead owner (牵头单位) first, then the
    co-responsible offices (责任单位). Every per-office filter, table and digest
    counts them all."""
    return goal.owners


def holds(goal: Goal, office: str) -> bool:
    return office in offices_of(goal)


def attention_condition(status: GoalStatus) -> Condition | None:
    """The most serious condition that needs a decision, if any."""
    return next((c for c in conditions(status) if c in ATTENTION), None)


def delay_days(status: GoalStatus) -> int:
    """How late the goal is, in days. A kind that measures its own delay
    (milestones, checklists, levels held throughout) counts the days since it
    fell behind: its earliest missed stage or item deadline, its first reading
    that fell short. Otherwise by the measure of its most serious condition:
    past the deadline (overdue), behind the trajectory (off track, at risk;
    SPEC's schedule_days), or forecast after the deadline (late). 0 when
    nothing needs attention."""
    condition = attention_condition(status)
    if condition is not None and kind_of(status.goal).measures_delay(status.goal):
        since = status.behind_since
        return 0 if since is None else (status.as_of - since).days
    if condition is Condition.OVERDUE:
        return max(0, -status.days_left)
    if condition is Condition.LATE:
        return status.forecast.days_late if status.forecast else 0
    if condition is None or status.schedule_days is None:
        return 0
    return max(0, -status.schedule_days)


class OfficeStanding(NamedTuple):
    """One office's goals at a date: counts per standing and its worst delay."""

    office: str
    goals: tuple[GoalStatus, ...]
    done: int
    on_track: int
    pending: int  # not yet due (a milestone or checklist), or nothing to judge yet
    behind: int  # at risk or off track
    overdue: int
    stale: tuple[GoalStatus, ...]  # not reported within their update_every
    worst_delay: int  # days: the largest delay_days of its goals
    leads: int = 0  # of its goals, those it leads (the others it shares)
    unverified: int = 0  # its goals' reports waiting for a verdict (核实)

    @property
    def held(self) -> int:
        return len(self.goals)

    @property
    def need(self) -> tuple:
        """Sort key, most in need first: overdue goals, then goals behind, then
        the worst delay, then missing reports."""
        return (-self.overdue, -self.behind, -self.worst_delay, -len(self.stale), self.office)


def office_standings(items: list[GoalStatus] | tuple[GoalStatus, ...]) -> list[OfficeStanding]:
    """Every office holding at least one of `items`, most in need first."""
    by_office: dict[str, list[GoalStatus]] = {}
    for status in items:
        for office in offices_of(status.goal):
            by_office.setdefault(office, []).append(status)
    return sorted(
        (standing(office, mine) for office, mine in by_office.items()), key=lambda o: o.need
    )


def standing(office: str, items: list[GoalStatus]) -> OfficeStanding:
    def count(*states: State) -> int:
        return sum(1 for s in items if s.state in states)

    return OfficeStanding(
        office=office,
        goals=tuple(sorted(items, key=lambda s: (s.goal.deadline, s.goal.id))),
        done=count(State.DONE),
        on_track=count(State.ON_TRACK),
        pending=count(State.PENDING),
        behind=count(*BEHIND),
        overdue=count(State.OVERDUE),
        stale=tuple(
            sorted((s for s in items if s.stale), key=lambda s: (s.goal.deadline, s.goal.id))
        ),
        worst_delay=max((delay_days(s) for s in items), default=0),
        leads=sum(1 for s in items if s.goal.owner == office),
        unverified=sum(len(s.unverified) for s in items),
    )
