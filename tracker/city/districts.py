"""Every district of a city opened for a report, each by tracker's own loader
and engine over that district's own files — so its figures are exactly what
its own `status` says for the same day — or left out with a located problem
and a hint (a missing folder, not a plan, a symlink out of the city folder, a
ref never fetched, an id claimed twice, a plan of another year), the others
unaffected. An indicator the city's code list lacks is a problem too; that
goal is then not compared, the rest of its district counts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import NamedTuple

from tracker.city.cityfile import display
from tracker.city.fetch import clone_folder, head_commit
from tracker.engine.city import City, District, DistrictSpec
from tracker.model import Plan
from tracker.problems import Problem, TrackerError, problem, suggest_or
from tracker.storage.datadir import GOALS_FILE, DataDir


@dataclass(frozen=True)
class OpenedCity:
    """A city as read for one report: its plan, the folder, its districts in
    city.toml's order (those left out too), and today in its time zone."""

    root: Path
    city: City
    districts: tuple[District, ...]

    @property
    def counted(self) -> tuple[District, ...]:
        return tuple(d for d in self.districts if d.included)

    @property
    def left_out(self) -> tuple[District, ...]:
        return tuple(d for d in self.districts if not d.included)

    @property
    def problems(self) -> list[Problem]:
        return [p for d in self.districts for p in d.problems]


def district_folder(root: Path, spec: DistrictSpec) -> Path:
    """Where a district's files are: its `path` in the city folder, or the
    clone `city fetch` made of its repository."""
    return root / spec.path if spec.path is not None else clone_folder(root, spec)


def open_city(
    root: Path, city: City, *, as_of: dt.date, before: dt.date | None = None
) -> OpenedCity:
    """Every district of the city as of `as_of` (and, with `before`, as of that
    day too: the previous report, for movement)."""
    specs = list(unique(city))
    wanted = [spec for spec, twice in specs if twice is None]
    opened = dict(zip((s.id for s in wanted), _open_all(root, city, wanted, as_of, before)))
    districts = [
        District(spec, None, problems=(twice,)) if twice is not None else opened[spec.id]
        for spec, twice in specs
    ]
    return OpenedCity(root, city, tuple(districts))


def _open_all(root: Path, city: City, specs: list, as_of: dt.date, before) -> list[District]:
    """Each district opened, several at once where the machine has cores to
    spare: a district whose log has no cache yet reads every line (a fresh
    clone), and districts' folders share nothing, so a city of fresh clones
    is read in the time of the slowest few rather than of them all. Processes,
    not threads: reading a log is Python work the GIL would serialise."""
    import os

    work = partial(open_district, root, city, as_of=as_of, before=before)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    if len(specs) < 2 or cores < 2 or "fork" not in _start_methods() or _threads_loaded():
        return [work(spec) for spec in specs]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: a worker starts with tracker already imported (spawn would import it
    # again in each, costing more than a warm district takes to read).
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=min(cores, len(specs)), mp_context=context) as pool:
        return list(pool.map(work, specs))


# Libraries with native thread pools: once one is loaded (a process that has
# exported, as a test run has), a forked worker can crash or hang on a lock a
# pool thread held. A command run on its own never loads them before this.
_NATIVE_POOLS = ("pyarrow", "duckdb")


def _threads_loaded() -> bool:
    import sys

    return any(name in sys.modules for name in _NATIVE_POOLS)


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


def unique(city: City):
    """Each district with, for a second one claiming an id, the problem that
    leaves it out (else None)."""
    seen: set[str] = set()
    for spec in city.districts:
        if spec.id in seen:
            where = spec.at
            yield spec, problem(*where, "duplicate", "city.district_twice",
                                "city.district_twice_fix", district=spec.id)  # fmt: skip
            continue
        seen.add(spec.id)
        yield spec, None


class DistrictFiles(NamedTuple):
    """A district's files opened: its folder, plan and log (through its cache),
    the commit they are at, and what in them does not count."""

    spec: DistrictSpec
    shown: str
    data: DataDir
    plan: Plan
    log: object  # tracker.storage.logcache.LogCache
    commit: str | None
    problems: tuple[Problem, ...]
    bad_lines: int = 0  # lines of its log that do not count (its own `check` lists them)


def district_files(root: Path, city: City, spec: DistrictSpec) -> DistrictFiles | District:
    """A district's files opened, or the District left out and why."""
    folder = district_folder(root, spec)
    shown = display(folder)
    where = spec.at
    refused = _refused(root, folder, spec, where, shown)
    if refused is not None:
        return District(spec, shown, problems=(refused,))
    try:
        return _files(city, spec, folder, shown)
    except TrackerError as error:  # the machine's failures: a permission, a full disk
        return District(spec, shown, problems=tuple(error.problems))


def open_district(
    root: Path, city: City, spec: DistrictSpec, *, as_of: dt.date, before: dt.date | None = None
) -> District:
    """One district: its statuses on as_of from the engine over its own files,
    or left out with the problem that kept it out."""
    from tracker.engine.status import statuses_from_series

    files = district_files(root, city, spec)
    if isinstance(files, District):
        return files
    plan = files.plan
    try:
        series = files.log.figures()
    except TrackerError as error:
        return District(spec, files.shown, commit=files.commit, problems=tuple(error.problems))
    statuses = statuses_from_series(plan, series, as_of=as_of)
    earlier = statuses_from_series(plan, series, as_of=before) if before else ()
    compared, unknown = _indicators(city, plan)
    return District(
        spec, files.shown, plan=plan, statuses=tuple(statuses), before=tuple(earlier),
        commit=files.commit, problems=(*files.problems, *unknown),
        log_problems=files.bad_lines,
        indicators=compared,
    )  # fmt: skip


def _refused(root: Path, folder: Path, spec: DistrictSpec, where: tuple, shown: str):
    """Why a district's folder cannot be read as a plan, if it cannot."""
    args = {"district": spec.id, "folder": shown}
    inside = root.resolve()
    resolved = folder.resolve()
    if not resolved.is_relative_to(inside):
        linked = any(p.is_symlink() for p in (folder, *folder.parents) if p.is_relative_to(root))
        key = "city.symlink_out" if linked else "city.outside"
        return problem(*where, "outside", key, "city.outside_fix", **args)
    if not folder.exists():
        if spec.url is not None:
            return problem(*where, "not-fetched", "city.not_fetched", "city.fetch_first",
                           **args)  # fmt: skip
        return problem(*where, "missing", "city.missing", "city.missing_fix", **args)
    if not (folder / GOALS_FILE).is_file():
        return problem(*where, "not-a-plan", "city.not_a_plan", "city.not_a_plan_fix", **args)
    return None


def _files(city: City, spec: DistrictSpec, folder: Path, shown: str) -> DistrictFiles | District:
    from tracker.loader import load_plan, open_log

    data = DataDir(folder.resolve())
    commit = head_commit(folder)
    plan, plan_problems = load_plan(data)
    if plan is None or plan_problems:
        summary = problem(
            display(data.goals_path),
            None,
            "plan-problems",
            "city.plan_problems",
            "city.plan_problems_fix",
            district=spec.id,
            count=len(plan_problems),
        )
        return District(spec, shown, commit=commit, problems=(*plan_problems, summary))  # fmt: skip
    if plan.start.year != city.year and plan.end.year != city.year:
        line = plan.origin.line_of("start") if plan.origin else None
        found = problem(display(data.goals_path), line, "other-year", "city.other_year",
                        "city.other_year_fix", district=spec.id, year=plan.start.year,
                        city_year=city.year)  # fmt: skip
        return District(spec, shown, commit=commit, problems=(found,))
    log = open_log(data, plan)
    lines = log.problems()
    problems: tuple[Problem, ...] = ()
    if lines:
        problems = (
            problem(display(data.progress_dir), None, "log-problems", "city.log_problems",
                    "city.log_problems_fix", district=spec.id, count=len(lines)),
        )  # fmt: skip
    return DistrictFiles(spec, shown, data, plan, log, commit, problems, len(lines))


def _indicators(city: City, plan) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """(code, goal id) for each goal naming an indicator on the city's list; a
    code not on it, or named by a second goal, is a problem at its line."""
    codes = [i.code for i in city.indicators]
    compared: dict[str, str] = {}
    problems = []
    for goal in plan.goals:
        code = goal.indicator
        if code is None:
            continue
        origin = goal.origin
        where, line = (origin.file, origin.line_of("indicator")) if origin else (plan.id, None)
        if code not in codes:
            fix = suggest_or(code, codes, "city.indicators_are", codes=", ".join(codes) or "—")
            problems.append(problem(where, line, "unknown-indicator", "city.unknown_indicator",
                                    fix, code=code, goal=goal.id))  # fmt: skip
        elif code in compared:
            problems.append(problem(where, line, "duplicate", "city.indicator_named_twice",
                                    "city.indicator_named_twice_fix", code=code, goal=goal.id,
                                    other=compared[code]))  # fmt: skip
        else:
            compared[code] = goal.id
    return tuple(compared.items()), problems
