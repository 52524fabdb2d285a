"""Finding the data directory and loading it: load(data_dir) → (plan, entries, problems)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from tracker.model import Entry, Plan
from tracker.problems import ExitCode, Problem, TrackerError

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


def find_data_dir(explicit: str | None, *, env: dict, cwd: Path) -> DataDir:
    """--data DIR, then $TRACKER_DATA, then the nearest ancestor holding goals.toml."""
    for candidate, origin in ((explicit, "--data"), (env.get("TRACKER_DATA"), "TRACKER_DATA")):
        if candidate:
            root = Path(candidate).expanduser()
            if not (root / GOALS_FILE).is_file():
                raise TrackerError(
                    Problem(
                        str(root),
                        None,
                        f"no {GOALS_FILE} in {root} (from {origin})",
                        f"point {origin} at the folder holding {GOALS_FILE}",
                        "no-data",
                    ),
                    ExitCode.BAD_DATA,
                )
            return DataDir(root.resolve())
    for folder in (cwd, *cwd.parents):
        if (folder / GOALS_FILE).is_file():
            return DataDir(folder)
    raise TrackerError(
        Problem(
            str(cwd),
            None,
            f"no {GOALS_FILE} here or in any parent folder",
            "run tracker inside the data folder, or pass --data DIR or set TRACKER_DATA",
            "no-data",
        ),
        ExitCode.BAD_DATA,
    )


def load(data: DataDir, *, with_log: bool = True) -> tuple[Plan | None, list[Entry], list[Problem]]:
    from tracker.plan import load_plan

    plan, problems = load_plan(data.goals_path, data.display(data.goals_path))
    entries: list[Entry] = []
    if with_log:
        from tracker.log import read_log

        entries, log_problems = read_log(data.progress_dir, display=data.display)
        problems = problems + log_problems
    return plan, entries, problems


def load_series(data: DataDir, plan: Plan):
    """Each goal's value series and the log's problems, from the cache when it is
    fresh, else from the log (and the cache is rebuilt)."""
    from tracker import cache

    key, newest = cache.log_key(data.progress_dir, data.goals_path)
    hit = cache.load(data.progress_dir, key, plan)
    if hit is not None:
        return hit
    from tracker.engine.status import all_series
    from tracker.log import read_log

    entries, problems = read_log(data.progress_dir, display=data.display)
    series = all_series(plan, entries)
    cache.store(data.progress_dir, key, newest, series, problems)
    return series, problems
