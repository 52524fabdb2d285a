"""The data folder: finding it (--data, $TRACKER_DATA, the nearest ancestor with
goals.toml, the config's default) and naming its files (tracker.loader loads it)."""

import os
from pathlib import Path
from typing import NamedTuple

from tracker.problems import ExitCode, TrackerError, problem

GOALS_FILE = "goals.toml"
PROGRESS_DIR = "progress"
# Whose SSH key is whose, for git's signature checks (`check --signatures`):
# kept beside goals.toml, so each plan folder names its own signers.
ALLOWED_SIGNERS = "allowed_signers"


class DataDir(NamedTuple):
    root: Path

    @property
    def goals_path(self) -> Path:
        return self.root / GOALS_FILE

    @property
    def progress_dir(self) -> Path:
        return self.root / PROGRESS_DIR

    @property
    def allowed_signers(self) -> Path:
        return self.root / ALLOWED_SIGNERS

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
    try:
        return DataDir(root.resolve())
    except (OSError, RuntimeError):  # a loop of links on the way (RuntimeError before 3.13)
        return DataDir(root.absolute())
