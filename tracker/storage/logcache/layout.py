"""How the cache keeps log lines: the compact line, a part (one file's lines of
one goal, column by column) and its bytes on disk. Nothing outside the cache
knows this layout: others read a group of lines by name (model.LineColumns)."""

from __future__ import annotations

import datetime as dt
import json
import operator
from itertools import chain

from tracker.model import (
    Entry,
    Evidence,
    IsoDays,
    LineColumns,
    Op,
    Source,
    line_record,
    mark_record,
)

# A compact line: a list in model.LineColumns.FIELDS order; a line about
# another line (a retraction, a verdict, an attachment: kept in its file's
# ABOUT_PART) adds the goal it names.
FIELDS = (*LineColumns.FIELDS, "goal")
(ID, DAY, OP, VALUE, ITEMS, RECORDED_AT, NOTE, BY, ABOUT, REASON, BATCH, VERDICT, OFFICE,
 EVIDENCE, NEXT_STEP, NEXT_BY, LINE, GOAL) = range(18)  # fmt: skip
assert FIELDS[LINE] == "line" and FIELDS[GOAL] == "goal"  # the names above follow FIELDS
WIDTH = len(LineColumns.FIELDS)
ABOUT_PART = "\x00about"  # the part holding a file's lines about other lines (no goal has this id)

try:  # C-speed JSON for the cache's own files; they are tracker's output, never user input
    import orjson as _orjson

    def loads(data: bytes):
        return _orjson.loads(data)

    def dumps(document) -> bytes:
        return _orjson.dumps(document)

except ImportError:  # pragma: no cover - orjson is a dependency; this keeps a bare install working

    def loads(data: bytes):
        return json.loads(data)

    def dumps(document) -> bytes:
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


_OPS = {op.value: op for op in Op}


def width(part: str) -> int:
    """How many fields a part's compact lines have."""
    return WIDTH + 1 if part == ABOUT_PART else WIDTH


def compact(entry: Entry) -> list:
    """An entry as the cache keeps it (one line of entry_columns, where the
    layout is written out)."""
    return [column[0] for column in entry_columns([entry])]


def expand(c, file: str, goal: str) -> Entry:
    """A compact line as the Entry it was read as (`file`: its file as shown)."""
    return Entry(
        c[ID],
        goal,
        dt.date.fromordinal(c[DAY]) if c[DAY] is not None else None,
        _OPS[c[OP]],
        c[RECORDED_AT],
        c[VALUE],
        tuple(c[ITEMS]) if c[ITEMS] else (),
        c[NOTE],
        c[BY],
        c[ABOUT],
        c[REASON],
        c[BATCH],
        c[VERDICT],
        c[OFFICE],
        tuple(Evidence(*e) for e in c[EVIDENCE]) if c[EVIDENCE] else (),
        c[NEXT_STEP],
        dt.date.fromordinal(c[NEXT_BY]) if c[NEXT_BY] is not None else None,
        Source(file, c[LINE]),
    )


_ORDINAL = dt.date.toordinal
_OP_TEXT = operator.attrgetter("_value_")  # an Op's plain str (`.value` is a property)
_LINE_OF = operator.itemgetter(1)  # a Source's line


def entry_columns(entries: list[Entry]) -> list[list]:
    """Entries as the cache keeps them, column by column: each field of the
    Entry tuples taken at once (zip), not one list per line made and then turned."""
    (ids, _, days, ops, times, values, items, notes, bys, about, reasons, batches, verdicts,
     offices, evidence, next_steps, next_bys, origins) = zip(*entries)  # fmt: skip
    count = len(ids)
    return [
        list(ids),
        list(map(_ORDINAL, days)) if all(days) else [d and d.toordinal() for d in days],
        list(map(_OP_TEXT, ops)),
        list(values),
        [list(i) if i else None for i in items] if any(items) else [None] * count,
        list(times),
        list(notes),
        list(bys),
        list(about),
        list(reasons),
        list(batches),
        list(verdicts),
        list(offices),
        [[list(e) for e in files] if files else None for files in evidence]
        if any(evidence)
        else [None] * count,
        list(next_steps),
        [d and d.toordinal() for d in next_bys] if any(next_bys) else [None] * count,
        list(map(_LINE_OF, origins)) if all(origins) else [o and o.line for o in origins],
    ]


def expand_at(columns: list[list], at: int) -> Entry:
    """The entry of a file's line at place `at` of its columns (reading.read_lines')."""
    return expand([column[at] for column in columns], "", columns[GOAL][at])


def file_columns(entries: list[Entry]) -> list[list]:
    """Entries as read_lines gives a file's lines: the layout's columns, then each goal."""
    if not entries:
        return [[] for _ in range(WIDTH + 1)]
    return [*entry_columns(entries), [e.goal for e in entries]]


def columns_of(lines: list, count: int) -> list[list]:
    """Lines of `count` fields, column by column."""
    return [list(column) for column in zip(*lines)] if lines else [[] for _ in range(count)]


def ordinal_key(key: tuple) -> tuple:
    """An Entry's sort_key with its day as the cache keeps it (an ordinal)."""
    return (key[0].toordinal(), *key[1:])


class JoinedParts:
    """Parts side by side as one group's columns (FIELDS' places): column i is
    each part's i-th column, one after another, joined when first asked for
    (a stored part's column is parsed only then); a goal part's GOAL column is
    its goal, repeated. `parts`: (columns, the part's name) pairs."""

    __slots__ = ("_parts", "_joined")

    def __init__(self, parts: list[tuple[list, str]]):
        self._parts = parts
        self._joined: dict[int, list] = {}

    def __len__(self) -> int:
        return len(FIELDS)

    def __getitem__(self, index: int) -> list:
        joined = self._joined.get(index)
        if joined is None:
            if index == GOAL:
                joined = []
                for columns, part in self._parts:
                    joined += columns[GOAL] if part == ABOUT_PART else [part] * len(columns[ID])
            elif len(self._parts) == 1:
                joined = self._parts[0][0][index]
            else:
                joined = list(chain.from_iterable(columns[index] for columns, _ in self._parts))
            self._joined[index] = joined
        return joined


# ── a part on disk ───────────────────────────────────────────────────────────


def part_bytes(goal: str, columns: list[list]) -> bytes:
    """A part as stored: a header line naming its goal and length, then one
    JSON line per column (each parsed only when first asked for)."""
    head = dumps({"goal": goal, "count": len(columns[0])})
    return b"\n".join([head, *map(_column_bytes, columns)])


def _column_bytes(column: list) -> bytes:
    """A column as stored: a JSON list; or, when it holds one text (or null)
    all down — an op, a person, no batch, no items, as most of a big log's
    parts do in most columns — that alone (`{"all": …}`), read back as the
    list without a value parsed or made per line. (Only texts and nulls: a
    number equals numbers of another type, 1 == 1.0 == True.)"""
    if len(column) > 1:
        first = column[0]
        if (first is None or first.__class__ is str) and column.count(first) == len(column):
            return dumps({"all": first})
    return dumps(column)


class StoredPart:
    """A stored part's columns, each parsed from its own line of the part's
    file when first asked for: `show` reads six of the twelve. One that does
    not parse as a column of the part's length (damage the file's check
    missed) calls `again()`, which gives every column read anew from the log."""

    __slots__ = ("_lines", "_parsed", "_count", "_again")

    def __init__(self, lines: list[bytes], count: int, again):
        self._lines, self._count, self._again = lines, count, again
        self._parsed: list = [None] * len(lines)

    @classmethod
    def parse(cls, data: bytes, goal: str, again) -> StoredPart:
        """A part from its bytes; ValueError when they are not one of `goal`."""
        head, *lines = data.split(b"\n")
        stored = loads(head)
        count = stored["count"]
        if stored["goal"] != goal or count.__class__ is not int or len(lines) != width(goal):
            raise ValueError("not this part")
        return cls(lines, count, again)

    def __len__(self) -> int:
        return len(self._lines)

    def __iter__(self):
        return (self[index] for index in range(len(self._lines)))

    def __getitem__(self, index: int) -> list:
        column = self._parsed[index]
        if column is None:
            column = self._read(index)
            if column is None:
                self._parsed = [list(held) for held in self._again()]
                return self._parsed[index]
            self._parsed[index] = column
        return column

    def whole(self) -> list[list] | None:
        """Every column, read now; None if one does not read."""
        columns = [self._parsed[i] or self._read(i) for i in range(len(self._lines))]
        return None if any(column is None for column in columns) else columns

    def _read(self, index: int) -> list | None:
        try:
            column = loads(self._lines[index])
        except ValueError:
            return None
        if column.__class__ is dict:  # one text or null all down (_column_bytes)
            value = column.get("all", column)
            if len(column) != 1 or not (value is None or value.__class__ is str):
                return None
            return [value] * self._count
        return column if column.__class__ is list and len(column) == self._count else None


# ── lines as plain records (model.line_record), no Entry made ────────────────


def compact_record(c, goal: str, days: IsoDays, marks: dict | None = None) -> dict:
    """A compact line as a plain record (marked, with `marks`)."""
    date = days[c[DAY]] if c[DAY] is not None else None
    made = line_record(
        c[ID], goal, date, c[OP], c[VALUE], c[ITEMS], c[NOTE], c[BY], c[RECORDED_AT],
        c[ABOUT], c[REASON], c[BATCH], c[VERDICT], c[OFFICE], c[EVIDENCE] or (), c[NEXT_STEP],
        days[c[NEXT_BY]] if c[NEXT_BY] is not None else None,
    )  # fmt: skip
    return made if marks is None else mark_record(made, marks)


def part_records(columns: list[list], goal: str, days: IsoDays, numbers, marks) -> list[dict]:
    """A whole goal part's records (compact_record's), from its columns. Marked,
    a part of plain increments of no batch (nearly every part of a big log) is
    made at once, the fields it needs taken straight from their columns; a
    few other lines among them are then made again as what they are."""
    ids, ops, batches, evidence = columns[ID], columns[OP], columns[BATCH], columns[EVIDENCE]
    steps = columns[NEXT_STEP]
    others = []  # where the lines that are not plain increments (no batch, files, step) stand
    count = len(ids)
    if (
        ops.count("value") != count
        or batches.count(None) != count
        or evidence.count(None) != count
        or steps.count("") != count
    ):
        others = [
            at
            for at, (op, batch, files, step) in enumerate(zip(ops, batches, evidence, steps))
            if op != "value" or batch or files or step
        ]
    if marks is None or len(others) * 4 > len(ids):
        made = [compact_record(c, goal, days) for c in zip(*columns)]
        return made if marks is None else [mark_record(record, marks) for record in made]
    made = [
        {
            "id": entry_id, "goal": goal, "date": days[day], "value": numbers[value],
            "note": note, "by": by, "recorded_at": recorded_at, "retracted": False,
            "retracted_by": None,
        }
        for entry_id, day, value, note, by, recorded_at in zip(
            ids, columns[DAY], columns[VALUE], columns[NOTE], columns[BY], columns[RECORDED_AT]
        )
    ]  # fmt: skip
    for at in others:
        made[at] = compact_record([column[at] for column in columns], goal, days, marks)
    if not marks.keys().isdisjoint(ids):
        for made_record in made:  # few parts: those holding a retracted id
            mark_record(made_record, marks)
    return made


def line_order(lines: list[int], start: int, end: int) -> list[int]:
    """The places from `start` to `end` of one file's lines (several parts side
    by side, each in line order), in line order."""
    return sorted(range(start, end), key=lines.__getitem__)


def within(columns: list[list], low: int, high: int, cut: set, of: str | None = None):
    """A part's dated lines from day `low` to `high`, not of a cut-off batch
    (and with `of`, retractions naming that goal), column by column."""
    kept = [
        c
        for c in zip(*columns)
        if c[DAY] is not None
        and low <= c[DAY] <= high
        and (c[BATCH] is None or c[BATCH] not in cut)
        and (of is None or c[GOAL] == of)
    ]
    return columns_of(kept, len(columns))


# Entry.sort_key of a dated compact line, and of a dated / undated record.
DAY_TIME_ID = operator.itemgetter(DAY, RECORDED_AT, ID)
DATED_RECORD = operator.itemgetter("date", "recorded_at", "id")
UNDATED_RECORD = operator.itemgetter("recorded_at", "id")
