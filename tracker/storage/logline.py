"""One log line ⇄ one Entry: the raw-dict layer of progress/, shared by the log
files and by batch input. A line that does not have an entry's shape is a
located Problem, never an exception."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from sys import intern as _intern
from unicodedata import normalize as _normalize

from tracker.model import Entry, Evidence, Op, Source, Verdict
from tracker.problems import Problem, problem


class Unreadable(ValueError):
    """A JSON document tracker refuses to read: why, as a catalogue phrase key and args."""

    def __init__(self, key: str, **args):
        super().__init__(key)
        self.key = key
        self.args_ = args


def _refuse_constant(name: str):
    raise Unreadable("json_constant", name=name)


# NaN and Infinity are not JSON; Python's decoder accepts them unless told not to.
_DECODER = json.JSONDecoder(parse_constant=_refuse_constant)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def parse_json(text: str, start: int | None = None):
    """One JSON document, bounded: NaN/Infinity, nesting beyond the interpreter's
    recursion limit, integers beyond Python's digit limit and lone surrogate
    escapes (text no file can hold) raise Unreadable instead of crashing a
    reader. With `start`, a document beginning there: returns (document, end)."""
    try:
        if start is None:
            document = _DECODER.decode(text)
        else:
            document = _DECODER.raw_decode(text, start)
    except RecursionError:
        raise Unreadable("json_too_deep") from None
    except Unreadable:
        raise
    except ValueError as exc:
        if "Exceeds the limit" in str(exc):  # int('9' * 5000): CVE-2020-10735's guard
            raise Unreadable("json_number_too_long") from None
        raise Unreadable("not_json", detail=getattr(exc, "msg", str(exc))) from None
    # Only the document's own text: an array's elements are read one by one.
    end = len(text) if start is None else document[1]
    if _SURROGATE_ESCAPE.search(text, start or 0, end):
        _refuse_surrogates(document if start is None else document[0])
    return document


try:
    from orjson import JSONDecodeError as _FastError
    from orjson import loads as _fast_loads
except ImportError:  # pragma: no cover - a bare install falls back to the stdlib decoder
    _fast_loads = None


def parse_line(raw: bytes):
    """One log line's bytes → its JSON document, with parse_json's bounds.
    orjson (about 3x faster) reads it when it can: it is strict where parse_json
    is (no NaN/Infinity, no lone surrogates, bounded depth, valid UTF-8), and
    whatever it refuses goes through parse_json, which says why — so every
    problem is the same as before. Raises UnicodeDecodeError or Unreadable."""
    if _fast_loads is not None:
        try:
            return _fast_loads(raw)
        except _FastError:
            pass
    return parse_json(raw.decode("utf-8"))


def _refuse_surrogates(value) -> None:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise Unreadable("json_bad_unicode") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_surrogates(key)
            _refuse_surrogates(item)
    elif isinstance(value, list):
        for item in value:
            _refuse_surrogates(item)


def finite_number(raw) -> float | None:
    """A JSON number as a finite float, or None (not a number, or beyond a float)."""
    if type(raw) not in (int, float):
        return None
    try:
        value = float(raw)
    except OverflowError:
        return None
    return value if math.isfinite(value) else None


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
    "verifies",
    "verdict",
    "office",
    "attaches",
    "evidence",
    "next_step",
    "next_by",
    "reason",
    "batch",
}
# The key naming the line a line is about, and what the line then does.
_ABOUT = (("retracts", Op.RETRACT), ("verifies", Op.VERDICT), ("attaches", Op.ATTACH))
_VERDICTS = frozenset(v.value for v in Verdict)
_HEX = frozenset("0123456789abcdef")


_fromisoformat = dt.date.fromisoformat
_ABSENT = object()
_VALUE = Op.VALUE
_FLOAT_MAX = 2**1023  # an integer below it in size is a finite float
# Entry(...) through tuple.__new__ itself: the NamedTuple's own __new__ is a
# Python function that does only this (every field is given here).
_new_entry = tuple.__new__


def entry_from_record(record, origin: Source) -> Entry | Problem:
    """The raw-dict layer: check one line's shape and build an Entry. Written for
    speed: it runs once per line of the log (each check reads its field once)."""
    if type(record) is not dict:
        return _bad(origin, "line_not_object")
    if not ENTRY_KEYS.issuperset(record):
        unknown = ", ".join(sorted(set(record) - ENTRY_KEYS))
        return _bad(origin, "unknown_fields", fields=unknown)
    get = record.get
    entry_id, goal, recorded_at = get("id"), get("goal", ""), get("recorded_at")
    about = _ABSENT
    if "retracts" in record or "verifies" in record or "attaches" in record:
        about = get("retracts", get("verifies", get("attaches")))
    if type(entry_id) is not str or not entry_id:
        return _bad(origin, "field_missing", field="id")
    if type(recorded_at) is not str or not recorded_at:
        return _bad(origin, "field_missing", field="recorded_at")
    if type(goal) is not str or (not goal and about is _ABSENT):
        return _bad(origin, "field_missing", field="goal")
    note, by, reason, batch = get("note", ""), get("by", ""), get("reason", ""), get("batch")
    # The text fields, in this order: note, by, reason, batch, the line it is about.
    if type(note) is not str:
        return _bad(origin, "field_not_text", field="note")
    if type(by) is not str:
        return _bad(origin, "field_not_text", field="by")
    if type(reason) is not str:
        return _bad(origin, "field_not_text", field="reason")
    if type(batch) is not str and (batch is not None or "batch" in record):
        return _bad(origin, "field_not_text", field="batch")
    if about is not _ABSENT and type(about) is not str:
        field = next(key for key, _ in _ABOUT if key in record)
        return _bad(origin, "field_not_text", field=field)
    raw_date = get("date")
    day = None
    if raw_date is not None:
        try:
            day = _fromisoformat(raw_date)
        except (TypeError, ValueError):
            return _bad(origin, "bad_entry_date", value=repr(raw_date))
    elif about is _ABSENT:
        return _bad(origin, "field_missing", field="date")
    op, value, items = _op_of(record)
    if op.__class__ is not Op:  # (key, args) saying why the value fields clash
        return _bad(origin, op[0], **op[1])
    verdict = office = ""
    if "verdict" in record or "office" in record or op is Op.VERDICT:
        verdict, office = get("verdict", ""), get("office", "")
        if op is not Op.VERDICT:
            return _bad(origin, "verdict_without_entry")
        if verdict not in _VERDICTS:
            return _bad(origin, "verdict_unknown", value=repr(verdict))
        if type(office) is not str:
            return _bad(origin, "field_not_text", field="office")
    evidence = ()
    if "evidence" in record:
        evidence = _evidence_of(record["evidence"])
        if evidence is None:
            return _bad(origin, "evidence_malformed")
    if op is Op.ATTACH and not evidence:
        return _bad(origin, "attach_without_files")
    next_step, next_by = get("next_step", ""), None
    if type(next_step) is not str:
        return _bad(origin, "field_not_text", field="next_step")
    if "next_by" in record:
        try:
            next_by = _fromisoformat(record["next_by"])
        except (TypeError, ValueError):
            return _bad(origin, "bad_entry_date", value=repr(record["next_by"]))
        if not next_step:
            return _bad(origin, "next_by_without_step")
    return _new_entry(
        Entry,
        (
            entry_id,
            _intern(goal),  # a log names few goals and few people: each text held once
            day,
            op,
            recorded_at,
            value,
            items,
            note,
            _intern(by),
            None if about is _ABSENT else about,
            reason,
            batch,
            verdict,
            office,
            evidence,
            next_step,
            next_by,
            origin,
        ),
    )


def _evidence_of(raw) -> tuple[Evidence, ...] | None:
    """A line's evidence files: [{"sha256", "size", "name"}, …], each a hash of
    64 lowercase hex digits, a size, a name; None when it is not that."""
    if type(raw) is not list or not raw:
        return None
    found = []
    for item in raw:
        if type(item) is not dict or item.keys() != {"sha256", "size", "name"}:
            return None
        digest, size, name = item["sha256"], item["size"], item["name"]
        if type(digest) is not str or len(digest) != 64 or not _HEX.issuperset(digest):
            return None
        if type(size) is not int or size < 0 or type(name) is not str or not name:
            return None
        found.append(Evidence(digest, size, name))
    return tuple(found)


def _bad(origin: Source, key: str, **args) -> Problem:
    return problem(origin.file, origin.line, "entry-shape", key, "see_entry_format", **args)


def _op_of(record: dict):
    """(op, value, items), or ((phrase key, args), None, ()) when the value fields clash."""
    raw = record.get("value")
    kind = raw.__class__
    if (
        # Nearly every line: a plain value (finite_number's) and nothing else.
        (kind is int and -_FLOAT_MAX < raw < _FLOAT_MAX or kind is float and raw - raw == 0.0)
        and "total" not in record
        and "done" not in record
        and "items" not in record
        and "retracts" not in record
        and "verifies" not in record
        and "attaches" not in record
    ):
        return _VALUE, float(raw), ()
    present = [k for k in _WHAT if k in record]
    if len(present) > 1:
        return ("conflicting_fields", {"fields": ", ".join(present)}), None, ()
    has_value = "value" in record
    if not has_value and "total" in record:
        return ("total_needs_value", {}), None, ()
    if not present:
        return Op.CHECKIN, None, ()
    if has_value:
        raw = record["value"]
        value = finite_number(raw)
        if value is None:
            shown = (
                repr(raw) if type(raw) is not int else f"{str(raw)[:12]}… ({len(str(raw))} digits)"
            )
            return ("value_not_number", {"value": shown}), None, ()
        total = record.get("total", False)
        if total not in (True, False):
            return ("total_true_false", {}), None, ()
        return (Op.TOTAL if total else Op.VALUE), value, ()
    for key, op in _ABOUT:
        if key in record:
            return op, None, ()
    if "done" in record:
        if record["done"] is not True:
            return ("done_must_be_true", {}), None, ()
        return Op.DONE, None, ()
    raw = record["items"]
    if not isinstance(raw, list) or not raw or not all(isinstance(i, str) and i for i in raw):
        return ("items_must_be_names", {}), None, ()
    # Item names in NFC, the form the plan's names are read in (planfile): a
    # line written in another form (by hand, by another program) names the
    # same item.
    return Op.ITEMS, None, tuple(_normalize("NFC", item) for item in raw)


# What a line does is said by exactly one of these.
_WHAT = ("value", "done", "items", "retracts", "verifies", "attaches")


def dumps_line(record: dict) -> bytes:
    from tracker.jsontext import dumps_bytes

    return dumps_bytes(record) + b"\n"
