"""What the supervision bulletin (督查通报) asks beyond the digest, as pure
functions of statuses: how far the supervision of a late item has gone (督办
level, by the plan's thresholds), the share of the year gone by (时间进度),
each focus area's standing, the offices ranked on outcomes with their
movement, and the latest problem and next step an office reported."""

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from tracker.engine.ranking import Member, Outcome, Ranked, ScoringRule, outcomes, rank, total
from tracker.engine.status import state_counts
from tracker.model import (
    BulletinSettings,
    Condition,
    Entry,
    Escalation,
    GoalStatus,
    Plan,
    State,
)


def escalation(
    condition: Condition, status: GoalStatus, delay_days: int, settings: BulletinSettings
) -> Escalation:
    """The 督办 level a goal needing attention has reached: circulated (通报)
    from `circulate_after` days behind, supervised (督办) from
    `supervise_after`, else a reminder (提醒). A goal off track or overdue
    with no days to count (a level short of its target) is supervised; one
    only forecast late is not behind yet, and is reminded."""
    if condition is Condition.LATE:
        return Escalation.REMIND
    if delay_days >= settings.circulate_after:
        return Escalation.CIRCULATE
    if delay_days >= settings.supervise_after:
        return Escalation.SUPERVISE
    if status.state in (State.OFF_TRACK, State.OVERDUE) and not delay_days:
        return Escalation.SUPERVISE
    return Escalation.REMIND


def share_elapsed(start: dt.date, end: dt.date, day: dt.date) -> float:
    """The share of the span from `start` to `end` gone by at the end of `day`
    (时间进度), 0…1."""
    span = (end - start).days + 1
    return max(0.0, min(1.0, ((day - start).days + 1) / span))


class AreaStanding(NamedTuple):
    """One focus area at the period's end and on its eve: its goals' outcome
    (held, done, completion) and their counts per state."""

    area: str  # its id
    outcome: Outcome
    counts: dict[str, int]
    counts_before: dict[str, int]


def area_standings(
    plan: Plan, now: list[GoalStatus], then: dict[str, GoalStatus]
) -> tuple[AreaStanding, ...]:
    """Each of the plan's areas holding goals among `now`, in the plan's order."""
    found = []
    for area in plan.areas:
        mine = [s for s in now if s.goal.area == area.id]
        if not mine:
            continue
        before = [then[s.goal.id] for s in mine]
        found.append(
            AreaStanding(area.id, total(_members(mine)), state_counts(mine), state_counts(before))
        )
    return tuple(found)


def _members(statuses: Iterable[GoalStatus]) -> list[Member]:
    """Each goal counted for each of its offices (lead first): a shared goal
    is one goal in a total (its key is its id)."""
    return [Member(office, s.goal.id, s) for s in statuses for office in s.goal.owners]


class OfficeRanking(NamedTuple):
    """The offices ranked on outcomes, best first, with their places in the
    ranking of the period's eve; and every goal once, for the total row."""

    ranked: tuple[Ranked, ...]
    total: Outcome


def office_ranking(
    now: list[GoalStatus], then: list[GoalStatus], rule: ScoringRule
) -> OfficeRanking:
    """A district's offices ranked as the city ranks them (engine.ranking)."""
    previous = rank(outcomes(_members(then)), rule)
    ranked = rank(outcomes(_members(now)), rule, before=previous)
    return OfficeRanking(tuple(ranked), total(_members(now)))


class LatestReport(NamedTuple):
    """What an office last said of a goal: its latest note (the problem it
    reported) and its latest next step with the date it gives, each with the
    day of the entry it came from and who logged it."""

    note: str = ""
    note_date: dt.date | None = None
    next_step: str = ""
    next_by: dt.date | None = None
    next_date: dt.date | None = None
    by: str = ""


def latest_report(entries: Iterable[Entry], *, until: dt.date) -> LatestReport | None:
    """From a goal's live entries (retracted ones left out by the caller), the
    latest note and the latest next step dated on or before `until`."""
    dated = sorted(
        (e for e in entries if e.date is not None and e.date <= until), key=lambda e: e.sort_key
    )
    noted = next((e for e in reversed(dated) if e.note.strip()), None)
    planned = next((e for e in reversed(dated) if e.next_step.strip()), None)
    if noted is None and planned is None:
        return None
    return LatestReport(
        note=noted.note if noted else "",
        note_date=noted.date if noted else None,
        next_step=planned.next_step if planned else "",
        next_by=planned.next_by if planned else None,
        next_date=planned.date if planned else None,
        by=(noted or planned).by,
    )
