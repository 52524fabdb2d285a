"""A derived cache of each goal's value series, in progress/.cache/.

Safe to delete, rebuilt when stale, never the source of truth. It is keyed on
every log file's and goals.toml's name, size, mtime, inode and ctime, and on
tracker's version. Like git's "racy clean" rule, it is not
stored while any log file was modified in the last RACY_SECONDS: a rewrite
within one timestamp tick that kept the size could otherwise go unseen. An
append always changes the size, so a fresh entry is never hidden. JSON, not
pickle: loading a cache that came with a folder must never run code.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path

from tracker import __version__
from tracker.engine.ledger import Series
from tracker.model import Plan
from tracker.problems import Problem

CACHE_DIR = ".cache"
CACHE_FILE = "series.json"
FORMAT = 3  # 2: problems as catalogue phrases; 3: unknown references
RACY_SECONDS = 2


def log_key(progress_dir: Path, goals_path: Path) -> tuple[dict, int]:
    """The cache key, and the newest change time (ns) among the files in it."""
    from tracker.storage.journal import log_files

    files, newest = [], 0
    for path in [goals_path, *log_files(progress_dir)]:
        st = path.stat()
        files.append([path.name, st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns])
        newest = max(newest, st.st_mtime_ns, st.st_ctime_ns)
    return {"format": FORMAT, "version": __version__, "files": files}, newest


def _linked(progress_dir: Path) -> bool:
    """A cache folder or file that is a link is never read or written through."""
    folder = progress_dir / CACHE_DIR
    return os.path.islink(folder) or os.path.islink(folder / CACHE_FILE)


def load(progress_dir: Path, key: dict, plan: Plan):
    """(series, problems, unknown references) when the cache is fresh, else None."""
    if _linked(progress_dir):
        return None
    path = progress_dir / CACHE_DIR / CACHE_FILE
    try:
        with open(path, encoding="utf-8") as handle:
            stored = json.load(handle)
        if stored.get("key") != key:
            return None
        series = {g.id: _series_from(g, stored["series"][g.id]) for g in plan.goals}
        problems = [Problem.from_record(p) for p in stored["problems"]]
        unknown = [str(u) for u in stored["unknown"]]
        return series, problems, unknown
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # missing, stale, damaged or from another version: rebuild


def store(
    progress_dir: Path,
    key: dict,
    newest_ns: int,
    series: dict[str, Series],
    problems: list[Problem],
    unknown: list[str],
) -> None:
    if time.time_ns() - newest_ns < RACY_SECONDS * 1_000_000_000 or _linked(progress_dir):
        return
    folder = progress_dir / CACHE_DIR
    document = {
        "key": key,
        "problems": [p.to_record() for p in problems],
        "unknown": unknown,
        "series": {goal_id: _series_to(s) for goal_id, s in series.items()},
    }
    try:
        folder.mkdir(exist_ok=True)
        ignore = folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# tracker's derived cache: never commit it\n*\n", encoding="utf-8")
        temp = folder / f".{CACHE_FILE}.{os.getpid()}.tmp"
        temp.write_text(json.dumps(document, separators=(",", ":")), encoding="utf-8")
        os.replace(temp, folder / CACHE_FILE)
    except OSError:
        pass  # a read-only folder just means no cache


def _series_to(s: Series) -> dict:
    return {
        "days": [d.toordinal() for d in s.days],
        "values": list(s.values),
        "items": [sorted(i) for i in s.items] if any(s.items) else None,
        "entry_days": [d.toordinal() for d in s.entry_days],
    }


def _series_from(goal, raw: dict) -> Series:
    days = tuple(dt.date.fromordinal(d) for d in raw["days"])
    items = (
        tuple(frozenset(i) for i in raw["items"])
        if raw["items"] is not None
        else tuple(frozenset() for _ in days)
    )
    return Series(
        goal,
        days,
        tuple(raw["values"]),
        items,
        tuple(dt.date.fromordinal(d) for d in raw["entry_days"]),
    )
