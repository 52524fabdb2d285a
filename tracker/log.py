"""progress/: read the JSON Lines log (tolerating torn lines), append under a lock.

One entry per line, one file per month (`2020-05.jsonl`). Lines are only ever
appended. A batch (`log --from-json`) marks its entries with a batch id and
ends with a commit line; entries of a batch without its commit line (a writer
killed mid-batch) do not count, so a batch lands whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from tracker.model import Entry, Op, Source
from tracker.problems import ExitCode, Problem, TrackerError

LOCK_NAME = ".lock"
LOCK_TIMEOUT_SECONDS = 60
ENTRY_KEYS = {
    "id",
    "goal",
    "date",
    "value",
    "total",
    "done",
    "items",
    "note",
    "by",
    "recorded_at",
    "retracts",
    "reason",
    "batch",
}


def log_files(progress_dir: Path) -> list[Path]:
    if not progress_dir.is_dir():
        return []
    return sorted(p for p in progress_dir.glob("*.jsonl") if p.is_file())


def month_file(progress_dir: Path, day: dt.date) -> Path:
    return progress_dir / f"{day.year:04d}-{day.month:02d}.jsonl"


# ── reading ──────────────────────────────────────────────────────────────────


def read_log(progress_dir: Path, display=str) -> tuple[list[Entry], list[Problem]]:
    """Every entry of every log file, in file then line order, and the problems
    found. A bad line is reported and skipped; it never hides the others."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    commits: set[str] = set()
    for path in log_files(progress_dir):
        name = display(path)
        read_file(path, name, entries, problems, commits)
    return _committed(entries, commits, problems), problems


def read_file(path: Path, name: str, entries: list, problems: list, commits: set) -> None:
    with open(path, "rb") as handle:
        data = handle.read()
    lines = data.split(b"\n")
    last = len(lines)
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        torn_tail = number == last  # no newline after it: the writer may have died
        try:
            record = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            hint = (
                (
                    "a write was cut off here; the entries before it are safe: "
                    "delete this fragment or log the entry again"
                )
                if torn_tail
                else "fix or delete this line; the other lines still count"
            )
            problems.append(Problem(name, number, "unreadable line (not JSON)", hint, "torn-line"))
            continue
        origin = Source(name, number)
        if isinstance(record, dict) and "commit" in record:
            if isinstance(record["commit"], str):
                commits.add(record["commit"])
            continue
        result = entry_from_record(record, origin)
        if isinstance(result, Problem):
            problems.append(result)
        else:
            entries.append(result)


def _committed(entries: list[Entry], commits: set[str], problems: list[Problem]) -> list[Entry]:
    if not any(e.batch for e in entries):
        return entries
    orphans: dict[str, list[Entry]] = {}
    kept = []
    for entry in entries:
        if entry.batch and entry.batch not in commits:
            orphans.setdefault(entry.batch, []).append(entry)
        else:
            kept.append(entry)
    for batch, lost in orphans.items():
        first = lost[0].origin
        problems.append(
            Problem(
                first.file,
                first.line,
                f"batch {batch} was cut off before it finished: its "
                f"{len(lost)} entr{'y' if len(lost) == 1 else 'ies'} do not count",
                "run the same `tracker log --from-json` again",
                "uncommitted-batch",
            )
        )
    return kept


_TEXT_FIELDS = ("note", "by", "reason", "batch", "retracts")
_fromisoformat = dt.date.fromisoformat


def entry_from_record(record, origin: Source) -> Entry | Problem:
    """The raw-dict layer: check one line's shape and build an Entry. Written for
    speed: it runs once per line of the log."""
    if type(record) is not dict:
        return _bad(origin, "a log line must be a JSON object")
    if not ENTRY_KEYS.issuperset(record):
        unknown = ", ".join(sorted(set(record) - ENTRY_KEYS))
        return _bad(origin, f"unknown field(s) {unknown}")
    get = record.get
    entry_id, goal, recorded_at = get("id"), get("goal", ""), get("recorded_at")
    if type(entry_id) is not str or not entry_id:
        return _bad(origin, "missing or empty 'id'")
    if type(recorded_at) is not str or not recorded_at:
        return _bad(origin, "missing or empty 'recorded_at'")
    if type(goal) is not str or (not goal and "retracts" not in record):
        return _bad(origin, "missing or empty 'goal'")
    for key in _TEXT_FIELDS:
        if key in record and type(record[key]) is not str:
            return _bad(origin, f"'{key}' must be text")
    raw_date = get("date")
    day = None
    if raw_date is not None:
        try:
            day = _fromisoformat(raw_date)
        except (TypeError, ValueError):
            return _bad(origin, f"bad date {raw_date!r}", "dates are YYYY-MM-DD")
    elif "retracts" not in record:
        return _bad(origin, "missing 'date'")
    op, value, items = _op_of(record)
    if not isinstance(op, Op):  # a message saying why the value fields clash
        return _bad(origin, op)
    return Entry(
        entry_id,
        goal,
        day,
        op,
        recorded_at,
        value,
        items,
        get("note", ""),
        get("by", ""),
        get("retracts"),
        get("reason", ""),
        get("batch"),
        origin,
    )


def _bad(origin: Source, message: str, hint: str = "see progress/README.md for the entry format"):
    return Problem(origin.file, origin.line, message, hint, "entry-shape")


def _op_of(record: dict):
    """(op, value, items), or (message, None, ()) when the value fields clash."""
    present = [k for k in ("value", "done", "items", "retracts") if k in record]
    if len(present) > 1:
        return f"conflicting fields {', '.join(present)}", None, ()
    if "total" in record and "value" not in record:
        return "'total' goes with 'value'", None, ()
    if not present:
        return Op.CHECKIN, None, ()
    key = present[0]
    raw = record[key]
    if key == "retracts":
        return Op.RETRACT, None, ()
    if key == "done":
        return (Op.DONE, None, ()) if raw is True else ("'done' must be true", None, ())
    if key == "items":
        if not isinstance(raw, list) or not raw or not all(isinstance(i, str) and i for i in raw):
            return "'items' must be a list of item names", None, ()
        return Op.ITEMS, None, tuple(raw)
    if type(raw) not in (int, float) or not math.isfinite(raw):
        return f"'value' must be a number, not {raw!r}", None, ()
    if record.get("total", False) not in (True, False):
        return "'total' must be true or false", None, ()
    return (Op.TOTAL if record.get("total") else Op.VALUE), float(raw), ()


def entry_to_record(entry: Entry) -> dict:
    """The exact dict written as one log line (and shown by `entries --format jsonl`)."""
    record: dict = {"id": entry.id}
    if entry.goal:
        record["goal"] = entry.goal
    if entry.date is not None:
        record["date"] = entry.date.isoformat()
    if entry.op is Op.RETRACT:
        record["retracts"] = entry.retracts
        record["reason"] = entry.reason
    elif entry.op in (Op.VALUE, Op.TOTAL):
        record["value"] = plain_number(entry.value)
        if entry.op is Op.TOTAL:
            record["total"] = True
    elif entry.op is Op.DONE:
        record["done"] = True
    elif entry.op is Op.ITEMS:
        record["items"] = list(entry.items)
    record["note"] = entry.note
    record["by"] = entry.by
    record["recorded_at"] = entry.recorded_at
    if entry.batch:
        record["batch"] = entry.batch
    return record


def plain_number(value: float | None):
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def dumps_line(record: dict) -> bytes:
    from tracker.jsontext import dumps

    return dumps(record).encode("utf-8") + b"\n"


# ── writing ──────────────────────────────────────────────────────────────────


def append(
    progress_dir: Path,
    prepare: Callable[[list[Entry]], tuple[list[Entry], list[Problem]]],
    *,
    batch: str | None = None,
    by: str = "",
    recorded_at: str = "",
) -> list[Entry]:
    """Under the log's lock: read the log as it stands, let `prepare` validate and
    build the new entries against it, and append them only if it found no
    problem. Returns the log as it stood before the write; raises TrackerError
    when `prepare` found problems."""
    from filelock import FileLock, Timeout

    progress_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(progress_dir / LOCK_NAME), timeout=LOCK_TIMEOUT_SECONDS)
    try:
        with lock:
            existing, _ = read_log(progress_dir)
            new, problems = prepare(existing)
            if problems:
                raise TrackerError(problems, ExitCode.BAD_DATA)
            if new:
                _write(progress_dir, new, batch, by, recorded_at)
            return existing
    except Timeout:
        raise TrackerError(
            Problem(
                str(progress_dir),
                None,
                f"another tracker process has held the log's lock for {LOCK_TIMEOUT_SECONDS}s",
                "try again in a moment",
                "locked",
            ),
            ExitCode.BAD_DATA,
        ) from None


def _write(progress_dir: Path, entries: Iterable[Entry], batch, by, recorded_at) -> None:
    by_file: dict[Path, list[bytes]] = {}
    for entry in entries:
        day = entry.date or dt.date.fromisoformat(entry.recorded_at[:10])
        by_file.setdefault(month_file(progress_dir, day), []).append(
            dumps_line(entry_to_record(entry))
        )
    paths = list(by_file)
    if batch:
        count = sum(len(v) for v in by_file.values())
        commit = {"commit": batch, "entries": count, "by": by, "recorded_at": recorded_at}
        by_file[paths[-1]].append(dumps_line(commit))
    for path in paths:
        _append_lines(path, b"".join(by_file[path]))


def _append_lines(path: Path, payload: bytes) -> None:
    created = not path.exists()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
    try:
        if not created and _ends_without_newline(path):
            # A writer killed mid-line left a fragment: end it so the next entry
            # starts on a line of its own instead of fusing with it.
            payload = b"\n" + payload
        view = memoryview(payload)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)
    if created:
        _fsync_dir(path.parent)


def _ends_without_newline(path: Path) -> bool:
    size = path.stat().st_size
    if size == 0:
        return False
    with open(path, "rb") as handle:
        handle.seek(size - 1)
        return handle.read(1) != b"\n"


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
