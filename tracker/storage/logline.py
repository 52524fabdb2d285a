"""One log line ⇄ one Entry: the raw-dict layer of progress/, shared by the log
files and by batch input. A line that does not have an entry's shape is a
located Problem, never an exception."""

from __future__ import annotations

import datetime as dt
import math

from tracker.model import Entry, Op, Source
from tracker.problems import Problem, problem

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


_TEXT_FIELDS = ("note", "by", "reason", "batch", "retracts")
_fromisoformat = dt.date.fromisoformat


def entry_from_record(record, origin: Source) -> Entry | Problem:
    """The raw-dict layer: check one line's shape and build an Entry. Written for
    speed: it runs once per line of the log."""
    if type(record) is not dict:
        return _bad(origin, "line_not_object")
    if not ENTRY_KEYS.issuperset(record):
        unknown = ", ".join(sorted(set(record) - ENTRY_KEYS))
        return _bad(origin, "unknown_fields", fields=unknown)
    get = record.get
    entry_id, goal, recorded_at = get("id"), get("goal", ""), get("recorded_at")
    if type(entry_id) is not str or not entry_id:
        return _bad(origin, "field_missing", field="id")
    if type(recorded_at) is not str or not recorded_at:
        return _bad(origin, "field_missing", field="recorded_at")
    if type(goal) is not str or (not goal and "retracts" not in record):
        return _bad(origin, "field_missing", field="goal")
    for key in _TEXT_FIELDS:
        if key in record and type(record[key]) is not str:
            return _bad(origin, "field_not_text", field=key)
    raw_date = get("date")
    day = None
    if raw_date is not None:
        try:
            day = _fromisoformat(raw_date)
        except (TypeError, ValueError):
            return _bad(origin, "bad_entry_date", value=repr(raw_date))
    elif "retracts" not in record:
        return _bad(origin, "field_missing", field="date")
    op, value, items = _op_of(record)
    if not isinstance(op, Op):  # (key, args) saying why the value fields clash
        return _bad(origin, op[0], **op[1])
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


def _bad(origin: Source, key: str, **args) -> Problem:
    return problem(origin.file, origin.line, "entry-shape", key, "see_entry_format", **args)


def _op_of(record: dict):
    """(op, value, items), or ((phrase key, args), None, ()) when the value fields clash."""
    present = [k for k in ("value", "done", "items", "retracts") if k in record]
    if len(present) > 1:
        return ("conflicting_fields", {"fields": ", ".join(present)}), None, ()
    if "total" in record and "value" not in record:
        return ("total_needs_value", {}), None, ()
    if not present:
        return Op.CHECKIN, None, ()
    key = present[0]
    raw = record[key]
    if key == "retracts":
        return Op.RETRACT, None, ()
    if key == "done":
        return (Op.DONE, None, ()) if raw is True else (("done_must_be_true", {}), None, ())
    if key == "items":
        if not isinstance(raw, list) or not raw or not all(isinstance(i, str) and i for i in raw):
            return ("items_must_be_names", {}), None, ()
        return Op.ITEMS, None, tuple(raw)
    if type(raw) not in (int, float) or not math.isfinite(raw):
        return ("value_not_number", {"value": repr(raw)}), None, ()
    if record.get("total", False) not in (True, False):
        return ("total_true_false", {}), None, ()
    return (Op.TOTAL if record.get("total") else Op.VALUE), float(raw), ()


def dumps_line(record: dict) -> bytes:
    from tracker.jsontext import dumps

    return dumps(record).encode("utf-8") + b"\n"
