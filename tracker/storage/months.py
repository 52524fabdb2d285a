"""Which files of progress/ are the log: month files, by name (`2020-05.jsonl`).
Kept apart from journal.py, which reads and writes them: a command answered
from the log cache lists progress/ but never parses a line."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

# A month file's name: the only files in progress/ that are read.
MONTH_FILE = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])\.jsonl")


def log_files(progress_dir: Path) -> list[Path]:
    """The month files of progress/ (`2020-05.jsonl`), the log. Other files
    named like a log are not read: a sync client's conflict copy
    (`2020-06-PCNAME.jsonl`, `2020-06 (1).jsonl`) holds lines the month file
    may hold too, and counting both would count them twice (stray_logs)."""
    if not progress_dir.is_dir():
        return []
    return sorted(
        p for p in progress_dir.glob("*.jsonl") if MONTH_FILE.fullmatch(p.name) and p.is_file()
    )


def stray_logs(progress_dir: Path) -> list[Path]:
    """Files in progress/ named like a log that are not month files, so not
    read: a conflict copy a sync client made when two desktops wrote the same
    month, or a copy made by hand. `check` and `log` name them."""
    try:
        found = [p for p in progress_dir.iterdir() if p.name.lower().endswith(".jsonl")]
    except OSError:  # no progress/ (yet), or not a folder: said elsewhere
        return []
    return sorted(p for p in found if not MONTH_FILE.fullmatch(p.name) and p.is_file())


def month_file(progress_dir: Path, day: dt.date) -> Path:
    return progress_dir / f"{day.year:04d}-{day.month:02d}.jsonl"
