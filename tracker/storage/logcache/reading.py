"""A log file's bytes read a column at a time: its lines as the cache keeps
them (layout.py), its problems and its batch commits.

Nearly every line of a big log has the same shape (an increment or a reading:
id, goal, date, value, note, by, recorded_at, and perhaps batch); such lines
are parsed together and checked a field at a time, at C speed, with no Entry
made. Every other line — and every line of a file where the JSON itself fails
anywhere — is read by the one per-line reader (journal.parse_lines,
logline.entry_from_record), so every entry and every problem is exactly what
reading the file line by line gives."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from itertools import chain, compress, repeat
from operator import eq, itemgetter
from typing import NamedTuple

from tracker.model import Plan
from tracker.problems import Problem
from tracker.storage.logcache.facts import Facts, PlainFacts, PlainSums
from tracker.storage.logcache.layout import GOAL, LINE, WIDTH, entry_columns

try:
    from orjson import JSONDecodeError as _JSONError
    from orjson import loads as _loads
except ImportError:  # pragma: no cover - a bare install reads line by line
    _loads = None

_PLAIN = ("id", "goal", "date", "value", "note", "by", "recorded_at")


class FileLines(NamedTuple):
    """A file's lines that are entries, column by column in file order (the
    layout's fields, then each line's goal), its problems and its commits."""

    columns: list[list]
    problems: list[Problem]
    commits: set[str]

    def __len__(self) -> int:
        return len(self.columns[0])


class PlainFile(NamedTuple):
    """A file whose lines all have the common shape (but for batch commits):
    what the cache keeps of them, made without a column (facts.plain_facts)."""

    facts: Facts
    sums: PlainSums


CHUNK = 512  # lines parsed at a time by read_file: a piece stays in the CPU cache (L2)


def read_file(data: bytes, name: str, first: int, plan: Plan) -> FileLines | PlainFile:
    """A file read whole, for its record: a file of the common shape as its
    facts and sums (PlainFile), read a piece at a time; any other as its
    lines (FileLines)."""
    raw = data.split(b"\n")
    if raw and not raw[-1]:
        raw.pop()  # what follows the last newline
    plain = None
    commits: set[str] = set()
    if _loads is not None and raw:
        for start in range(0, len(raw), CHUNK):
            try:
                records = list(map(_loads, raw[start : start + CHUNK]))
            except _JSONError:
                plain = None  # a line that is not JSON (or blank): read line by line
                break
            try:
                lengths = list(map(len, records))
            except TypeError:  # a line that is a number, true or null
                plain = None
                break
            shape = lengths[0] if plain is None else plain.shape
            if plain is None:
                if shape not in (7, 8):
                    break
                plain = PlainFacts(shape, plan)
            lines: range | list[int] = range(first + start, first + start + len(records))
            if lengths.count(shape) != len(lengths):
                others = [i for i, n in enumerate(lengths) if n != shape]
                if not all(records[i].__class__ is dict and "commit" in records[i] for i in others):
                    plain = None  # a line of another kind: the file is read in columns
                    break
                commits |= {records[i]["commit"] for i in others
                            if records[i]["commit"].__class__ is str}  # fmt: skip
                skipped = set(others)
                lines = [n for i, n in enumerate(lines) if i not in skipped]
                records = [r for i, r in enumerate(records) if i not in skipped]
            plain.add(records, lines)
            del records
            if plain.failed:
                break
    if plain is not None:
        made = plain.finish(commits)
        if made is not None:
            return PlainFile(*made)
    return read_lines(data, name, first)


def _parse(data: bytes):
    """(records, their lengths, the commonest length) when every line parses
    and the commonest shape is the plain one; else None."""
    raw = data.split(b"\n")
    if raw and not raw[-1]:
        raw.pop()  # what follows the last newline
    if _loads is None or not raw:
        return None
    try:
        records = list(map(_loads, raw))
    except _JSONError:
        return None  # a line that is not JSON (or blank): the file is read line by line
    del raw
    if set(map(type, records)) != {dict}:
        return None  # a line that is not an object: said by the per-line reader
    lengths = list(map(len, records))
    if len(set(lengths)) == 1:
        shape = lengths[0]
    else:
        shape = Counter(lengths).most_common(1)[0][0]
    return (records, lengths, shape) if shape in (7, 8) else None


def read_lines(data: bytes, name: str, first: int, *, parsed=None) -> FileLines:
    """The lines of `data`, numbered from `first` (a file's, or the lines a
    file grew by), column by column. `parsed`: _parse(data), if made."""
    if parsed is None:
        parsed = _parse(data)
    if parsed is None:
        return _line_by_line(data, name, first)
    records, lengths, shape = parsed
    plain, others = records, []
    if lengths.count(shape) != len(lengths):
        # The lines of another shape (a total, a retraction, a commit …), by place.
        others = [i for i, n in enumerate(lengths) if n != shape]
        if len(others) * 8 > len(records):
            return _line_by_line(data, name, first)
        plain = list(compress(records, map(eq, lengths, repeat(shape))))
    columns = _plain_columns(plain, shape, first, others, len(records))
    del plain
    if columns is None:
        return _line_by_line(data, name, first)
    problems: list[Problem] = []
    commits: set[str] = set()
    if others:
        from tracker.storage.journal import parse_record

        entries = []
        for place in others:
            parse_record(records[place], name, first + place, entries, problems, commits)
        if entries:
            extra = entry_columns(entries)
            extra.append([e.goal for e in entries])
            columns = _merged(columns, extra)
    return FileLines(columns, problems, commits)


def _plain_columns(plain: list, shape: int, first: int, others: list, count: int):
    """The compact columns of lines that all have the plain shape (and with
    8 fields, a batch), or None when any of them is not quite an entry as
    logline.entry_from_record reads it (then the file is read line by line)."""
    names = (*_PLAIN, "batch") if shape == 8 else _PLAIN
    try:  # a field at a time (one pass per field beats making a row per line)
        fields = [list(map(itemgetter(name), plain)) for name in names]
    except KeyError:
        return None  # a field of another name
    if not plain:
        return None
    ids, goals, dates, values, notes, bys, times = fields[:7]
    batches = fields[7] if shape == 8 else None
    texts = [ids, goals, dates, notes, bys, times] + ([batches] if batches is not None else [])
    if set(map(type, chain.from_iterable(texts))) != {str}:
        return None
    if "" in ids or "" in times or "" in set(goals):
        return None
    if not set(map(type, values)) <= {int, float}:
        return None  # (a bool, a text, a null: said by the per-line reader)
    ordinals = {}
    for text in set(dates):
        try:
            ordinals[text] = dt.date.fromisoformat(text).toordinal()
        except ValueError:
            return None
    n = len(ids)
    if others:
        skipped = set(others)
        lines = [first + i for i in range(count) if i not in skipped]
    else:
        lines = list(range(first, first + n))
    return [
        ids,
        list(map(ordinals.__getitem__, dates)),
        ["value"] * n,
        list(map(float, values)),
        [None] * n,
        times,
        notes,
        bys,
        [None] * n,
        [""] * n,
        batches if batches is not None else [None] * n,
        [""] * n,
        [""] * n,
        [None] * n,
        [""] * n,
        [None] * n,
        lines,
        goals,
    ]


def _merged(columns: list[list], extra: list[list]) -> list[list]:
    """Two sets of columns as one, in line order."""
    lines = columns[LINE] + extra[LINE]
    order = sorted(range(len(lines)), key=lines.__getitem__)
    return [list(map((held + more).__getitem__, order)) for held, more in zip(columns, extra)]


def _line_by_line(data: bytes, name: str, first: int) -> FileLines:
    from tracker.storage.journal import parse_lines

    entries: list = []
    problems: list[Problem] = []
    commits: set[str] = set()
    parse_lines(data, name, first, entries, problems, commits)
    if not entries:
        return FileLines([[] for _ in range(WIDTH + 1)], problems, commits)
    columns = entry_columns(entries)
    columns.append([e.goal for e in entries])
    return FileLines(columns, problems, commits)


assert GOAL == WIDTH  # a line's goal follows the layout's fields
