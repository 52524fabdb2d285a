"""What the cache keeps of a file's lines besides the lines themselves — their
problems, batches, dates, order, sizes, ids, retractions, names the plan does
not know — and, for the plain values among them, their sums by goal and day
(what ledger.plain_day_steps takes). Made from a file's columns (reading.py),
or, for a file of the common shape only (every line of a big log), straight
from its parsed lines a field at a time, no column made."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from itertools import pairwise, starmap
from operator import itemgetter, le
from typing import NamedTuple

from tracker.ledger import names_not_in_plan
from tracker.model import ABOUT_TEXTS, Plan
from tracker.problems import Problem
from tracker.storage.logcache.ids import hashes_of
from tracker.storage.logcache.layout import (
    BATCH,
    DAY,
    GOAL,
    ID,
    LINE,
    OP,
    RECORDED_AT,
    VALUE,
    expand_at,
)

TINY = 1e-4  # below it (but 0) orjson writes a float otherwise than json (jsontext)


class Facts(NamedTuple):
    """What the cache keeps of some lines of a file (all of it, or what it grew by)."""

    problems: list[Problem]
    commits: set[str]
    about: list[list]  # lines about other lines (compact, each with its goal)
    unknown: list[tuple[str, str | None]]  # (a goal or item not in the plan, batch), first seen
    tiny: list[str | None]  # the batches (None: no batch) holding a value below TINY (but 0)
    batches: dict[str, list]  # batch → [its lines, first line]
    dates: tuple[int, int] | None  # first and last day of the dated lines
    keys: tuple[tuple, tuple, bool] | None  # the dated lines' first and last sort key, in order?
    sizes: dict[tuple[str, str | None], int]  # (goal, batch) → lines, lines about lines aside
    id_hashes: list[int]  # each line's id hash (ids.py)


class PlainSums(NamedTuple):
    """The plain values (Op.VALUE lines) of a file in Entry.sort_key order, as
    ledger.plain_day_steps takes them; None where the file is not in order."""

    sums: dict[tuple, int]  # (goal, day, value) → how many lines
    last: dict[tuple, tuple]  # (goal, day) → (line, value) of its last line


def facts_of_columns(columns: list[list], problems, commits, plan: Plan) -> Facts:
    """The facts of lines given as reading.read_lines' columns."""
    goals, ops, batches, values = columns[GOAL], columns[OP], columns[BATCH], columns[VALUE]
    every_op = set(ops)
    unknown: list[tuple[str, str | None]] = []
    # (reference, batch): a batch's count only once it is committed
    if "items" in every_op or any(plan.goal(g) is None for g in set(goals) - {""}):
        known: set = set()
        for at in range(len(goals)):
            if ops[at] in ABOUT_TEXTS or (plan.goal(goals[at]) is not None and ops[at] != "items"):
                continue
            for ref in names_not_in_plan(plan, [expand_at(columns, at)]):
                if (ref, batches[at]) not in known:
                    known.add((ref, batches[at]))
                    unknown.append((ref, batches[at]))
    about = []
    if not ABOUT_TEXTS.isdisjoint(every_op):
        about = [[column[at] for column in columns] for at, op in enumerate(ops)
                 if op in ABOUT_TEXTS]  # fmt: skip
    first_lines: dict[str, int] = {}
    if set(batches) != {None}:
        for batch, line in zip(batches, columns[LINE]):
            if batch:
                first_lines.setdefault(batch, line)
    counted = Counter(batches)
    if every_op == {"value"} and set(batches) == {None}:  # a big log's usual file
        sizes = {(goal_id, None): n for goal_id, n in Counter(goals).items()}
    else:
        sizes = Counter(
            (goal_id, batch)
            for goal_id, batch, op in zip(goals, batches, ops)
            if op not in ABOUT_TEXTS
        )
    return Facts(
        problems=problems,
        commits=commits,
        about=about,
        unknown=unknown,
        tiny=tiny_in(values, batches),
        batches={b: [counted[b], line] for b, line in first_lines.items()},
        **_dates_and_order(columns[DAY], columns[RECORDED_AT], columns[ID]),
        sizes=dict(sizes),
        id_hashes=hashes_of(columns[ID]),
    )


def tiny_in(values, batches) -> list[str | None]:
    """The batches (None: lines of no batch) whose lines hold a value below TINY
    (but 0), first seen: a cut-off batch's lines are not in the log as read."""
    if not any(_is_tiny(v) for v in set(values)):
        return []
    return list(dict.fromkeys(b for v, b in zip(values, batches) if _is_tiny(v)))


def _is_tiny(value) -> bool:
    return value.__class__ is float and -TINY < value < TINY and value != 0


def _dates_and_order(days, times, ids) -> dict:
    if None in days:  # undated retractions: not dated lines
        dated = [at for at, day in enumerate(days) if day is not None]
        days, times, ids = ([column[at] for at in dated] for column in (days, times, ids))
    if not days:
        return {"dates": None, "keys": None}
    in_order = all(starmap(le, pairwise(zip(days, times, ids))))
    keys = ((days[0], times[0], ids[0]), (days[-1], times[-1], ids[-1]), in_order)
    return {"dates": (min(days), max(days)), "keys": keys}


def sums_of_columns(columns: list[list]) -> PlainSums:
    """The plain values among a file's lines (its columns, in sort order)."""
    ops = columns[OP]
    if set(ops) == {"value"}:
        goals, days, values, lines = columns[GOAL], columns[DAY], columns[VALUE], columns[LINE]
    else:
        at = [i for i, op in enumerate(ops) if op == "value"]
        goals, days, values, lines = (
            [columns[field][i] for i in at] for field in (GOAL, DAY, VALUE, LINE)
        )
    return PlainSums(
        Counter(zip(goals, days, values)), dict(zip(zip(goals, days), zip(lines, values)))
    )


# ── a file of the common shape, a field at a time ────────────────────────────

_GOAL_DATE_VALUE = itemgetter("goal", "date", "value")
_KEY = itemgetter("date", "recorded_at", "id")
_BATCH_OF, _NOTE, _BY = (itemgetter(k) for k in ("batch", "note", "by"))
_GOAL_OF, _SECOND, _THIRD = itemgetter(0), itemgetter(1), itemgetter(2)


def _all_text(*columns) -> None:
    """TypeError unless every item of these columns is a str: str.join takes
    nothing else, and checks at C speed."""
    for column in columns:
        "".join(column)


class PlainFacts:
    """The facts and sums of a file whose lines all have the common shape (7
    fields, or 8 with a batch), taken a piece of the file at a time (add),
    every field of every line checked at C speed, no column made. `failed`
    once a line is not quite an entry as logline.entry_from_record reads it,
    or the file's dates are not written as tracker writes them: then the file
    is read a column at a time instead."""

    def __init__(self, shape: int, plan: Plan):
        self.shape = shape
        self.plan = plan
        self.failed = False
        self.sums_by_text: Counter = Counter()  # (goal, date, value) → lines, first seen first
        self.first_key: tuple | None = None
        self.last_key: tuple | None = None
        self.in_order = True
        self.hashes: list[int] = []
        self.batches: dict[str, list] = {}
        self.sizes: Counter = Counter()  # (goal, batch) → lines, first seen first (8 fields)
        self.last: dict[tuple, tuple] = {}  # (goal, date text) → (line, value)
        self.tiny: dict[str, None] = {}  # batches holding a value below TINY (8 fields)

    def add(self, records: list[dict], lines) -> None:
        """Lines that all have the shape, each at its line (`lines`): a piece
        small enough (reading.CHUNK) to stay in the CPU's cache while each
        field is taken from it in a pass of its own."""
        if self.failed or not records:
            return
        # Every record has `shape` fields, and each of these is fetched from
        # every one (a KeyError otherwise): their fields are exactly these.
        try:
            triples = list(map(_GOAL_DATE_VALUE, records))
            keys = list(map(_KEY, records))
            ids, times = list(map(_THIRD, keys)), list(map(_SECOND, keys))
            _all_text(ids, times, map(_NOTE, records), map(_BY, records))
            batch_of = list(map(_BATCH_OF, records)) if self.shape == 8 else None
            if batch_of is not None:
                _all_text(batch_of)
            # A goal, date or value that is a list or an object cannot be
            # counted, nor a date that is not a text ordered beside one that
            # is (TypeError): the per-line reader says what is wrong.
            self.sums_by_text.update(triples)
            # (in order: sorted() finds one run, in n - 1 comparisons)
            in_order = self.in_order and keys == sorted(keys)
            if in_order and self.last_key is not None:
                in_order = self.last_key <= keys[0]
        except (KeyError, TypeError):  # (a line that is not an object)
            self.failed = True
            return
        if "" in ids or "" in times:
            self.failed = True
            return
        self.in_order = in_order
        if self.first_key is None:
            self.first_key = keys[0]
        self.last_key = keys[-1]
        del keys, times
        self.hashes += hashes_of(ids)
        del ids
        if batch_of is not None:
            for batch, n in Counter(batch_of).items():
                if batch:
                    held = self.batches.setdefault(batch, [0, lines[batch_of.index(batch)]])
                    held[0] += n
            self.sizes.update(zip(map(_GOAL_OF, triples), batch_of))
            if any(_is_tiny(value) for _, _, value in set(triples)):
                self.tiny.update(dict.fromkeys(b for (_, _, v), b in zip(triples, batch_of)
                                               if _is_tiny(v)))  # fmt: skip
        last = self.last
        for (goal_id, date, value), line in dict(zip(triples, lines)).items():
            held = last.get((goal_id, date))
            if held is None or held[0] < line:
                last[(goal_id, date)] = (line, value)

    def _unknown(self) -> list[tuple[str, str | None]]:
        """The goals the plan does not know, each with its batch: (goal, batch)
        in the order first seen (the counters keep it)."""
        goal_of = self.plan.goal
        if self.shape == 8:
            seen = self.sizes
        else:
            seen = dict.fromkeys((goal_id, None) for goal_id, _, _ in self.sums_by_text)
        return [pair for pair in seen if goal_of(pair[0]) is None]

    def _tiny(self, sums: dict) -> list[str | None]:
        if self.shape == 8:
            return list(self.tiny)
        return [None] if any(_is_tiny(value) for _, _, value in sums) else []

    def finish(self, commits: set[str]) -> tuple[Facts, PlainSums] | None:
        if self.failed or self.first_key is None:
            return None
        ordinal: dict[str, int] = {}
        for goal_id, date, value in self.sums_by_text:
            if goal_id.__class__ is not str or not goal_id or date.__class__ is not str:
                return None
            if value.__class__ is not int and value.__class__ is not float:
                return None  # (a bool, a text, a null: said by the per-line reader)
            if date not in ordinal:
                try:
                    day = dt.date.fromisoformat(date)
                except ValueError:
                    return None
                if day.isoformat() != date:  # compared as text: only tracker's form
                    return None
                ordinal[date] = day.toordinal()
        sums: Counter = Counter()
        for (goal_id, date, value), n in self.sums_by_text.items():
            sums[(goal_id, ordinal[date], float(value))] += n
        if self.shape == 7:
            for (goal_id, _, _), n in sums.items():
                self.sizes[(goal_id, None)] += n
        first, last = self.first_key, self.last_key
        facts = Facts(
            problems=[],
            commits=commits,
            about=[],
            unknown=self._unknown(),
            tiny=self._tiny(sums),
            batches=self.batches,
            dates=(min(ordinal.values()), max(ordinal.values())),
            keys=((ordinal[first[0]], *first[1:]), (ordinal[last[0]], *last[1:]), self.in_order),
            sizes=dict(self.sizes),
            id_hashes=self.hashes,
        )
        last_line: dict[tuple, tuple] = {}
        if self.in_order:  # a day's latest line is its last: its line and its value
            for (goal_id, date), (line, value) in self.last.items():
                last_line[(goal_id, ordinal[date])] = (line, float(value))
        return facts, PlainSums(dict(sums), last_line)
