"""A city of districts as values: the city's plan (its districts, its code list
of indicators, its scoring rule) and each district as read — and the pure
questions asked of them all at once: every district on one indicator, the
units a ranking scores. Each district's statuses come from the engine over its
own files (tracker.city opens them); nothing here decides a state again."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tracker.engine.ranking import DEFAULT_RULE, Member, ScoringRule, outcomes, rank
from tracker.model import GoalStatus, Plan, Source


@dataclass(frozen=True)
class Indicator:
    """One line of the city's code list: what a goal measures, by a code every
    district's goal names (`indicator = "jobs.new-urban"`), so like is compared
    with like where goal ids differ."""

    code: str
    name: str
    name_en: str
    unit: str = ""
    origin: Source | None = field(default=None, compare=False)


@dataclass(frozen=True)
class DistrictSpec:
    """A district as the city's plan names it: a local folder inside the city
    folder (`path`), or a git repository (`url`) at a `ref`."""

    id: str
    name: str
    name_en: str = ""
    path: str | None = None
    url: str | None = None
    ref: str | None = None
    origin: Source | None = field(default=None, compare=False)

    @property
    def at(self) -> tuple[str, int | None]:
        """Where city.toml names it, (file, line): a problem's location."""
        return (self.origin.file, self.origin.line) if self.origin else (self.id, None)


@dataclass(frozen=True)
class City:
    """city.toml: the city, its districts and indicators in file order, and the
    rule its rankings use."""

    id: str
    title: str
    title_en: str
    year: int
    timezone: str
    issuer: str
    districts: tuple[DistrictSpec, ...]
    indicators: tuple[Indicator, ...]
    rule: ScoringRule = DEFAULT_RULE
    origin: Source | None = field(default=None, compare=False)

    def indicator(self, code: str) -> Indicator | None:
        return next((i for i in self.indicators if i.code == code), None)


@dataclass(frozen=True)
class District:
    """A district as read for a report: its plan and statuses (None and () when
    it is left out), the commit its files were read at, and the problems found
    (tracker.problems.Problem values: located, with hints)."""

    spec: DistrictSpec
    folder: str | None  # where its files were read, as messages show it
    plan: Plan | None = None
    statuses: tuple[GoalStatus, ...] = ()
    before: tuple[GoalStatus, ...] = ()  # as of the day before the period (for movement)
    commit: str | None = None
    problems: tuple = ()  # why it was left out, or what in its files does not count
    log_problems: int = 0  # lines of its log that do not count (its own `check` lists them)
    indicators: tuple[tuple[str, str], ...] = ()  # (indicator code, goal id), compared

    @property
    def included(self) -> bool:
        return self.plan is not None

    @property
    def name(self) -> str:
        return self.spec.name


def indicator_goals(district: District) -> dict[str, GoalStatus]:
    """A district's status on each indicator it reports (code → status)."""
    by_id = {s.goal.id: s for s in district.statuses}
    return {code: by_id[goal_id] for code, goal_id in district.indicators if goal_id in by_id}


def on_indicator(
    districts: tuple[District, ...], code: str
) -> list[tuple[District, GoalStatus | None]]:
    """Every district counted, on one indicator (None: it has no goal for it)."""
    return [(d, indicator_goals(d).get(code)) for d in districts if d.included]


def _statuses(district: District, before: bool) -> tuple[GoalStatus, ...]:
    return district.before if before else district.statuses


def district_members(districts: tuple[District, ...], *, before: bool = False) -> list[Member]:
    """Each district a unit of its own goals (`before`: as they stood the day
    before the period, for the previous ranking)."""
    return [
        Member(d.spec.name, (d.spec.id, s.goal.id), s)
        for d in districts
        if d.included
        for s in _statuses(d, before)
    ]


def office_members(districts: tuple[District, ...], *, before: bool = False) -> list[Member]:
    """Each office of each district a unit (an office of one district is not the
    same unit as its namesake in another), with its district beside it; a goal
    shared by offices counts for each and once in a total."""
    return [
        Member(office, (d.spec.id, s.goal.id), s, d.spec.name)
        for d in districts
        if d.included
        for s in _statuses(d, before)
        for office in s.goal.owners
    ]


def city_rankings(districts: tuple[District, ...], rule: ScoringRule) -> dict[str, list]:
    """Districts, and offices across districts, ranked on outcomes by the
    city's rule, each with its movement since the day before the period."""
    out = {}
    for name, members in (("districts", district_members), ("offices", office_members)):
        previous = rank(outcomes(members(districts, before=True)), rule)
        out[name] = rank(outcomes(members(districts)), rule, before=previous)
    return out


def elapsed(city: City, plans: list[Plan], as_of: dt.date) -> float:
    """The share of the year gone by on as_of (时间进度), from the earliest
    start to the latest end of the districts' plans (the city's year without
    them)."""
    start = min((p.start for p in plans), default=dt.date(city.year, 1, 1))
    end = max((p.end for p in plans), default=dt.date(city.year, 12, 31))
    span = (end - start).days + 1
    return max(0.0, min(1.0, ((as_of - start).days + 1) / span))
