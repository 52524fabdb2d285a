"""The data folder: finding it (--data, $TRACKER_DATA, the nearest ancestor with
goals.toml) and loading it into (plan, entries, problems)."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from tracker.model import Entry, Plan
from tracker.problems import ExitCode, Problem, TrackerError, problem

GOALS_FILE = "goals.toml"
PROGRESS_DIR = "progress"


@dataclass(frozen=True)
class DataDir:
    root: Path

    @property
    def goals_path(self) -> Path:
        return self.root / GOALS_FILE

    @property
    def progress_dir(self) -> Path:
        return self.root / PROGRESS_DIR

    def display(self, path: Path) -> str:
        """A path as messages show it: relative to the working directory when
        inside it, so `file:line` opens in an editor from here."""
        try:
            return os.path.relpath(path)
        except ValueError:  # another drive on Windows
            return str(path)


def find_data_dir(
    explicit: str | None, *, env: dict, cwd: Path, configured: tuple[str, str] | None = None
) -> DataDir:
    """--data DIR, then $TRACKER_DATA, then the nearest ancestor holding
    goals.toml, then `configured`: the user's config file's `data` and that
    file's path. The folder you stand in beats the config's default, as a
    repository's own settings beat a user's global ones."""
    for candidate, origin in ((explicit, "--data"), (env.get("TRACKER_DATA"), "TRACKER_DATA")):
        if candidate:
            return named_data_dir(candidate, origin)
    for folder in (cwd, *cwd.parents):
        if (folder / GOALS_FILE).is_file():
            return DataDir(folder)
    if configured is not None:
        return named_data_dir(*configured)
    raise TrackerError(
        problem(str(cwd), None, "no-data", "no_goals_here", "run_inside_data"),
        ExitCode.BAD_DATA,
    )


def named_data_dir(candidate: str, origin: str) -> DataDir:
    """A data folder named by `origin` (an option, a variable, a file): it must
    hold goals.toml."""
    root = Path(candidate).expanduser()
    if not (root / GOALS_FILE).is_file():
        raise TrackerError(
            problem(
                str(root),
                None,
                "no-data",
                "no_goals_in",
                "point_at_folder",
                folder=str(root),
                origin=origin,
            ),
            ExitCode.BAD_DATA,
        )
    return DataDir(root.resolve())


@dataclass(frozen=True)
class Loaded:
    """A data folder as read: the plan (None when goals.toml cannot be read at
    all), the log's entries, and the problems of each, kept apart because a
    plan problem stops a command while a log problem only warns."""

    plan: Plan | None
    entries: list[Entry]
    plan_problems: list[Problem]
    log_problems: list[Problem]


def load_plan(data: DataDir) -> tuple[Plan | None, list[Problem]]:
    """goals.toml, typed and checked by every plan rule. Of goals that share an
    id only the first is kept (the rule reports the others)."""
    from tracker.rules.plan import plan_problems
    from tracker.storage.planfile import read_plan

    read = read_plan(data.goals_path, data.display(data.goals_path))
    plan, problems = read.plan, list(read.problems)
    if plan is not None:
        problems += plan_problems(plan, unbuilt=read.unbuilt)
        unique = {}
        for goal in plan.goals:
            unique.setdefault(goal.id, goal)
        if len(unique) < len(plan.goals):
            plan = replace(plan, goals=tuple(unique.values()))
    return plan, problems


def load(data: DataDir, *, with_log: bool = True) -> Loaded:
    plan, plan_problems = load_plan(data)
    entries: list[Entry] = []
    log_problems: list[Problem] = []
    if with_log:
        from tracker.storage.journal import read_log

        entries, log_problems = read_log(data.progress_dir, display=data.display)
    return Loaded(plan, entries, plan_problems, log_problems)


def open_log(data: DataDir, plan: Plan):
    """progress/ through its cache (tracker.storage.logcache): fresh, read only
    where a question needs it."""
    from tracker.storage.logcache import open_cache

    return open_cache(data.progress_dir, plan, data.display)
