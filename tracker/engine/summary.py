"""The weekly digest: what needs a decision, how each office stands, and what
changed in a period — a pure function of (plan, entries, since, until, office)."""

import datetime as dt
from typing import NamedTuple

from tracker.engine.bulletin import (
    AreaStanding,
    LatestReport,
    OfficeRanking,
    area_standings,
    escalation,
    office_ranking,
    share_elapsed,
)
from tracker.engine.offices import (
    ATTENTION,
    OfficeStanding,
    attention_condition,
    delay_days,
    holds,
    office_standings,
    standing,
)
from tracker.engine.ranking import Outcome, ScoringRule, outcome
from tracker.engine.status import all_figures, goal_status, state_counts, statuses_from_series
from tracker.kinds import kind_of
from tracker.ledger import Series, effective_by_goal, names_not_in_plan, start_value
from tracker.ledger.steps import Figured
from tracker.ledger.verification import required, verifiers
from tracker.model import (
    BulletinSettings,
    Condition,
    Entry,
    Escalation,
    Goal,
    GoalStatus,
    Op,
    Plan,
    State,
)


class GoalActivity(NamedTuple):
    """One goal's live entries in the period, its retractions dated in it, and
    what they changed; the goal as defined at the period's end, as every
    status in the digest has it."""

    goal: Goal
    entries: tuple[Entry, ...]  # those that count (a retracted one is not listed)
    before: float | None
    after: float | None
    items_done: tuple[str, ...]  # checklist items ticked in the period
    by: tuple[str, ...]
    retractions: tuple[Entry, ...] = ()  # dated in the period, naming an entry of the goal

    @property
    def net_change(self) -> float | None:
        return kind_of(self.goal).change(self.goal, self.before, self.after)


class StateChange(NamedTuple):
    status: GoalStatus
    before: State


class Attention(NamedTuple):
    """A goal that needs a decision (a late item, 滞后事项): the most serious
    condition it is in, how many days that condition measures, the 督办 level
    it has reached, and what its office last reported of it. How far short it
    is in its units is engine.gaps' (against the schedule and the target)."""

    status: GoalStatus
    condition: Condition  # overdue, off_track, late or at_risk
    delay_days: int  # past the deadline; behind the trajectory; forecast after the deadline
    escalation: Escalation = Escalation.REMIND
    latest: LatestReport | None = None  # the latest problem and next step reported


class Waiting(NamedTuple):
    """A report waiting for a verdict past the plan's verification period."""

    status: GoalStatus  # its goal's
    entry: Entry
    verifiers: tuple[str, ...]  # the offices that verify it
    days: int  # how long it has waited at the period's end


class Summary(NamedTuple):
    plan: Plan
    since: dt.date
    until: dt.date
    office: str | None  # the one office this digest is for; None: the whole plan
    counts: dict[str, int]
    counts_before: dict[str, int]
    attention: tuple[Attention, ...]
    offices: tuple[OfficeStanding, ...]  # an office's own digest: that office alone
    total: OfficeStanding  # every goal of the digest once, however many offices share it
    activity: tuple[GoalActivity, ...]
    changes: tuple[StateChange, ...]
    due_soon: tuple[GoalStatus, ...]
    stale: tuple[GoalStatus, ...]
    series: dict[str, Series]
    unknown: tuple[str, ...] = ()  # goals or items entries name that the plan no longer has
    elapsed: float = 0.0  # the share of the plan's year gone by at the period's end (时间进度)
    areas: tuple[AreaStanding, ...] = ()  # each focus area of the digest's goals
    ranking: OfficeRanking | None = None  # every office of the plan, ranked on outcomes
    outcome: Outcome | None = None  # the digest's goals, each once: done, 完成率, 按期报送率
    verifying: bool = False  # some goal's reports need verifying (核实)
    waiting: tuple[Waiting, ...] = ()  # reports waiting for a verdict past the period

    @property
    def settings(self) -> BulletinSettings:
        return self.plan.bulletin

    @property
    def quiet(self) -> bool:
        return not self.activity

    @property
    def plan_ended(self) -> bool:
        """The period ends after the plan did: every open goal reads as overdue."""
        return self.until > self.plan.end


def summarize(
    plan: Plan,
    entries: list[Entry],
    *,
    since: dt.date,
    until: dt.date,
    office: str | None = None,
    figures: dict[str, Figured] | None = None,
    unknown: tuple[str, ...] | None = None,
    latest: dict[str, LatestReport] | None = None,
    statuses: list[GoalStatus] | None = None,
) -> Summary:
    """Statuses at the end of the period against the day before it began; with
    `office`, only the goals that office holds (the ranking has every office).
    `figures`: each goal's series when already known (the maintained state);
    `entries` then need only hold the period's entries and the retractions,
    and `unknown` what the whole log names that the plan no longer has.
    `latest`: what offices last reported of goals (LatestReport), by goal id.
    `statuses`: every goal's status at `until`, when already known (the same
    for each office's digest of one period)."""
    grouped, _ = effective_by_goal(plan, entries)
    if figures is None:
        figures = all_figures(plan, entries)
    series = {goal_id: figured.deciding_series for goal_id, figured in figures.items()}
    eve = since - dt.timedelta(days=1)
    if statuses is None:
        statuses = statuses_from_series(plan, figures, as_of=until)
    everything = statuses
    before = {g.id: goal_status(g, figures[g.id], as_of=eve) for g in plan.goals}
    now = [s for s in everything if office is None or holds(s.goal, office)]
    goals = [s.goal for s in now]
    then = {g.id: before[g.id] for g in goals}
    retracted_in: dict[str, dict[str, Entry]] = {}  # goal → its retractions, once each by id
    for entry in entries:
        if entry.op is Op.RETRACT and entry.date is not None and since <= entry.date <= until:
            retracted_in.setdefault(entry.goal, {}).setdefault(entry.id, entry)
    activity = []
    for goal in goals:
        in_period = tuple(e for e in grouped[goal.id] if since <= e.date <= until)
        retractions = tuple(retracted_in.get(goal.id, {}).values())
        if not in_period and not retractions:
            continue
        s = series[goal.id]
        ticked = tuple(i for i in goal.items if i in s.items_on(until) - s.items_on(eve))
        activity.append(
            GoalActivity(
                goal,  # as defined at the period's end: the target in force, not the one replaced
                in_period,
                _value(goal, s, eve),
                _value(goal, s, until),
                ticked,
                tuple(dict.fromkeys(e.by for e in (*in_period, *retractions))),
                retractions,
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
        office=office,
        counts=state_counts(now),
        counts_before=state_counts(list(then.values())),
        attention=needs_attention(now, plan.bulletin, latest or {}),
        offices=tuple(o for o in office_standings(now) if office is None or o.office == office),
        total=standing("", now),
        activity=tuple(activity),
        changes=changes,
        due_soon=tuple(s for s in by_deadline if s.due_soon),
        stale=tuple(s for s in by_deadline if s.stale),
        series=series,
        unknown=tuple(names_not_in_plan(plan, entries)) if unknown is None else unknown,
        elapsed=share_elapsed(plan.start, plan.end, until),
        outcome=outcome("", now),
        areas=area_standings(plan, now, then),
        verifying=any(required(plan, g) for g in plan.goals),
        waiting=tuple(
            Waiting(s, e, verifiers(plan, s.goal), (until - e.date).days)
            for s in sorted(now, key=lambda s: (s.goal.deadline, s.goal.id))
            for e in s.unverified_late
        ),
        ranking=office_ranking(
            everything, list(before.values()), ScoringRule(weights=plan.bulletin.weights)
        ),
    )


def needs_attention(
    items: list[GoalStatus],
    settings: BulletinSettings | None = None,
    latest: dict[str, LatestReport] | None = None,
) -> tuple[Attention, ...]:
    """Goals overdue, off track, forecast late or at risk — each once, under its
    most serious condition, with the 督办 level it has reached by `settings` —
    most serious first, then the furthest behind."""
    found = []
    settings = settings or BulletinSettings()
    latest = latest or {}
    for status in items:
        condition = attention_condition(status)
        if condition is not None:
            days = delay_days(status)
            level = escalation(condition, status, days, settings)
            found.append(Attention(status, condition, days, level, latest.get(status.goal.id)))
    return tuple(
        sorted(
            found,
            key=lambda a: (
                ATTENTION.index(a.condition),
                -a.delay_days,
                a.status.goal.deadline,
                a.status.goal.id,
            ),
        )
    )


def _value(goal: Goal, series: Series, day: dt.date) -> float | None:
    """The goal's value on `day`: a count with no entries yet is at its start
    value (0), as in every status; a level without a reading has none."""
    value = series.value_on(day)
    return start_value(goal) if value is None else value
