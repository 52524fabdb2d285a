"""`tracker log --from-json`: a JSON array or JSON Lines of entries → Entries,
every bad line reported with its line number."""

from __future__ import annotations

import json
from dataclasses import replace

from tracker.log import entry_from_record
from tracker.model import Entry, Source
from tracker.problems import ExitCode, Problem, TrackerError, UsageError


def read_batch(stream, loaded, *, recorded_at: str, default_by: str) -> list[Entry]:
    name = "<stdin>" if getattr(stream, "name", "-") in ("-", "<stdin>") else stream.name
    raw = stream.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TrackerError(
            Problem(name, line, "not valid UTF-8", "save the input as UTF-8", "encoding")
        ) from None
    records, problems = _records(text, name)
    entries = []
    for line, record in records:
        entry = _entry(record, Source(name, line), loaded, recorded_at, default_by, problems)
        if entry is not None:
            entries.append(entry)
    if problems:
        from tracker.validate import entry_problems

        for entry in entries:  # report what is wrong with the others in the same run
            problems += entry_problems(loaded.plan, entry)
        problems.sort(key=lambda p: p.line or 0)
        count = len({p.line for p in problems})
        summary = Problem(
            name,
            None,
            f"{count} bad entr{'y' if count == 1 else 'ies'}: nothing was written",
            "fix them and run the batch again",
            "summary",
        )
        raise TrackerError(problems + [summary], ExitCode.BAD_DATA)
    if not entries:
        raise UsageError(f"{name} holds no entries")
    return entries


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
            records.append((number, json.loads(line)))
        except ValueError as exc:
            problems.append(
                Problem(
                    name, number, f"not JSON: {exc.msg}", "one JSON object per line", "not-json"
                )
            )
    return records, problems


def _array(text: str, name: str):
    decoder = json.JSONDecoder()
    pos = text.index("[") + 1
    records, problems = [], []
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text):
            problems.append(
                Problem(
                    name,
                    text.count("\n") + 1,
                    "the JSON array is not closed",
                    "end it with ]",
                    "not-json",
                )
            )
            break
        if text[pos] == "]":
            break
        line = text.count("\n", 0, pos) + 1
        try:
            record, pos = decoder.raw_decode(text, pos)
        except ValueError as exc:
            problems.append(Problem(name, line, f"not JSON: {exc.msg}", "", "not-json"))
            break
        records.append((line, record))
    return records, problems


def _entry(record, origin, loaded, recorded_at, default_by, problems) -> Entry | None:
    if not isinstance(record, dict):
        problems.append(
            Problem(origin.file, origin.line, "an entry must be a JSON object", "", "entry-shape")
        )
        return None
    record = dict(record)
    from tracker.writing import new_id

    record.setdefault("id", new_id())
    record["recorded_at"] = recorded_at
    record.setdefault("by", default_by)
    record.pop("batch", None)
    total = record.get("total")
    if isinstance(total, int | float) and not isinstance(total, bool) and "value" not in record:
        record["value"], record["total"] = total, True  # {"total": 1200} as a shorthand
    if isinstance(record.get("date"), str):
        try:
            record["date"] = loaded.date(record["date"]).isoformat()
        except TrackerError as error:
            problems.append(replace(error.problems[0], file=origin.file, line=origin.line))
            return None
    elif "retracts" in record and "date" not in record:
        record["date"] = loaded.today.isoformat()
    result = entry_from_record(record, origin)
    if isinstance(result, Problem):
        problems.append(result)
        return None
    return result
