"""Batch input for `tracker log --from-json`: a JSON array or JSON Lines of
entries → Entries, every bad line a located problem. Reading only: the write
sequence (tracker.writes) runs the rules and writes all or nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from tracker.model import Entry, Source
from tracker.problems import Problem, TrackerError, problem
from tracker.storage.logline import Unreadable, entry_from_record, parse_json

_RECORDED_AT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$")


@dataclass(frozen=True)
class BatchDefaults:
    """What a batch entry takes from the command when it does not say."""

    recorded_at: str
    by: str
    today: str  # ISO date: the day of a retraction that names none
    new_id: Callable[[], str]
    parse_date: Callable[[str], object]  # a user-typed date → date; raises TrackerError
    plan_end: str | None = None  # ISO date: after it, a row without a date is refused


def read_batch(raw: bytes, name: str, defaults: BatchDefaults) -> tuple[list[Entry], list[Problem]]:
    """The entries of a batch and the problems of reading it."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return [], [problem(name, line, "encoding", "not_utf8", "save_input_as_utf8")]
    records, problems = _records(text, name)
    entries = []
    for line, record in records:
        entry = _entry(record, Source(name, line), defaults, problems)
        if entry is not None:
            entries.append(entry)
    return entries, problems


def _records(text: str, name: str) -> tuple[list[tuple[int, object]], list[Problem]]:
    """(line, record) pairs from a JSON array or JSON Lines."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        return _array(text, name)
    records, problems = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append((number, parse_json(line)))
        except Unreadable as why:
            fix = "one_object_per_line" if why.key == "not_json" else None
            problems.append(problem(name, number, "not-json", why.key, fix, **why.args_))
    return records, problems


def _array(text: str, name: str):
    """The elements of one JSON array, each with its line; text after the array
    (a second document, a stray line) refuses the whole batch."""
    pos = text.index("[") + 1
    records, problems = [], []
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text):
            line = text.count("\n") + 1
            problems.append(problem(name, line, "not-json", "array_not_closed", "close_array"))
            break
        if text[pos] == "]":
            rest = text[pos + 1 :]
            if rest.strip():
                where = pos + 1 + (len(rest) - len(rest.lstrip()))
                line = text.count("\n", 0, where) + 1
                problems.append(problem(name, line, "not-json", "after_array", "one_document"))
            break
        line = text.count("\n", 0, pos) + 1
        try:
            record, pos = parse_json(text, pos)
        except Unreadable as why:
            problems.append(problem(name, line, "not-json", why.key, **why.args_))
            break
        records.append((line, record))
    return records, problems


def _entry(record, origin: Source, defaults: BatchDefaults, problems: list) -> Entry | None:
    if not isinstance(record, dict):
        problems.append(problem(origin.file, origin.line, "entry-shape", "entry_not_object"))
        return None
    record = dict(record)
    record.setdefault("id", defaults.new_id())
    if not _RECORDED_AT.match(str(record.get("recorded_at", ""))):
        # A copy of a log line (`entries --format jsonl`) keeps when it was first
        # recorded, so same-day corrections keep their order; anything else is now.
        record["recorded_at"] = defaults.recorded_at
    record.setdefault("by", defaults.by)
    record.pop("batch", None)
    total = record.get("total")
    if isinstance(total, int | float) and not isinstance(total, bool) and "value" not in record:
        record["value"], record["total"] = total, True  # {"total": 1200} as a shorthand
    if isinstance(record.get("date"), str):
        try:
            record["date"] = defaults.parse_date(record["date"]).isoformat()
        except TrackerError as error:
            problems.append(replace(error.problems[0], file=origin.file, line=origin.line))
            return None
    elif "retracts" in record and "date" not in record:
        record["date"] = defaults.today
    result = entry_from_record(record, origin)
    if isinstance(result, Problem):
        problems.append(result)
        return None
    return result
