"""Ranking units on outcomes — the offices of a district, the districts of a
city, the offices of every district of a city — by a stated scoring rule.

One mechanism for every ranking (a district's bulletin ranks its offices with
it; a city ranks its districts and their offices): a unit is scored on what its
goals achieved — 完成率 (completion) and 按期报送率 (reporting on time) — never
on how many entries were typed. A goal shared by several units counts for each
of them, and once in any total. Pure: statuses in, ranked outcomes out.
"""

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from tracker.model import GoalStatus, State

COMPLETION = "completion"  # 完成率: the mean progress of a unit's goals, each capped at 100 %
ON_TIME = "on_time"  # 按期报送率: of the goals due a report, the share reported in time
MEASURES = (COMPLETION, ON_TIME)


@dataclass(frozen=True)
class ScoringRule:
    """How a score is made of the measures: a weight for each (any positive
    numbers; the score is their weighted mean, 0–100). The default weighs
    what was achieved above how punctually it was reported."""

    weights: tuple[tuple[str, float], ...] = ((COMPLETION, 0.7), (ON_TIME, 0.3))

    def __post_init__(self):
        unknown = [m for m, _ in self.weights if m not in MEASURES]
        if unknown:
            raise ValueError(f"unknown measure(s): {unknown}")
        if not any(w > 0 for _, w in self.weights) or any(w < 0 for _, w in self.weights):
            raise ValueError("weights must be positive and not all zero")

    @property
    def shares(self) -> tuple[tuple[str, float], ...]:
        """Each measure's share of the score (the weights made to add up to 1),
        for the rule's statement in words."""
        total = sum(w for _, w in self.weights)
        return tuple((m, w / total) for m, w in self.weights if w > 0)


DEFAULT_RULE = ScoringRule()


class Member(NamedTuple):
    """A goal's status counted for a unit. `key` names the goal itself, so one
    goal held by two units (a shared goal, 共同承担) is one goal in a total."""

    unit: str
    key: Hashable
    status: GoalStatus
    group: str = ""  # what the unit belongs to, shown beside it (an office's district)


class Outcome(NamedTuple):
    """A unit's goals summed up on outcomes."""

    unit: str
    group: str
    held: int  # goals
    done: int
    completion: float  # mean progress, each goal's capped at 1 (0 when it holds none)
    reports_due: int  # goals being worked on: started, neither done nor past the deadline
    reported: int  # of those, reported within their update_every (not stale)

    @property
    def on_time(self) -> float | None:
        """The share of reports due that came in time; None when none was due."""
        return self.reported / self.reports_due if self.reports_due else None

    def measure(self, name: str) -> float:
        """A measure as scored: with no report due, nothing was late (1)."""
        if name == COMPLETION:
            return self.completion
        on_time = self.on_time
        return 1.0 if on_time is None else on_time


def report_due(status: GoalStatus) -> bool:
    """Whether the goal was due a report on its date: the goals whose reports
    the engine checks for staleness (started, neither done nor overdue)."""
    return (
        status.state is not State.DONE
        and status.as_of >= status.goal.start
        and status.days_left >= 0
    )


def outcome(unit: str, statuses: Iterable[GoalStatus], *, group: str = "") -> Outcome:
    """A unit's outcome over these statuses (each goal once)."""
    held = done = due = reported = 0
    progress = 0.0
    for status in statuses:
        held += 1
        progress += min(max(status.progress, 0.0), 1.0)
        if status.state is State.DONE:
            done += 1
        if report_due(status):
            due += 1
            reported += not status.stale
    return Outcome(unit, group, held, done, progress / held if held else 0.0, due, reported)


def outcomes(members: Iterable[Member]) -> list[Outcome]:
    """Each unit's outcome, units in the order they first appear; a goal named
    twice for one unit counts once."""
    by_unit: dict[tuple[str, str], dict[Hashable, GoalStatus]] = {}
    for member in members:
        by_unit.setdefault((member.group, member.unit), {}).setdefault(member.key, member.status)
    return [outcome(unit, held.values(), group=group) for (group, unit), held in by_unit.items()]


def total(members: Iterable[Member], unit: str = "") -> Outcome:
    """Every unit together: each goal once, however many units share it."""
    unique: dict[Hashable, GoalStatus] = {}
    for member in members:
        unique.setdefault(member.key, member.status)
    return outcome(unit, unique.values())


class Ranked(NamedTuple):
    """A unit's place: 1 is best; units with equal scores share a place."""

    place: int
    outcome: Outcome
    score: float  # 0–100
    before: int | None = None  # its place in the previous ranking (None: not ranked then)

    @property
    def movement(self) -> int | None:
        """Places gained since the previous ranking (negative: lost)."""
        return None if self.before is None else self.before - self.place


def score(result: Outcome, rule: ScoringRule = DEFAULT_RULE) -> float:
    """The weighted mean of the measures, 0–100, rounded to one decimal (so two
    units a float's residue apart share a place)."""
    value = sum(share * result.measure(m) for m, share in rule.shares)
    return round(100 * value, 1)


def rank(
    results: Iterable[Outcome],
    rule: ScoringRule = DEFAULT_RULE,
    *,
    before: Iterable[Ranked] = (),
) -> list[Ranked]:
    """Units best first: by score, then completion (what was achieved breaks a
    tie before punctuality does), then name. Equal scores and completion share
    a place (1, 2, 2, 4). `before`: the previous ranking, for movement."""
    earlier = {(r.outcome.group, r.outcome.unit): r.place for r in before}
    scored = sorted(
        ((score(o, rule), o) for o in results),
        key=lambda pair: (-pair[0], -round(pair[1].completion, 6), pair[1].group, pair[1].unit),
    )
    ranked: list[Ranked] = []
    for index, (points, result) in enumerate(scored):
        place = index + 1
        if ranked:
            last = ranked[-1]
            if last.score == points and round(last.outcome.completion, 6) == round(
                result.completion, 6
            ):
                place = last.place
        ranked.append(Ranked(place, result, points, earlier.get((result.group, result.unit))))
    return ranked
