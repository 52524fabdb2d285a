"""JSON text with no raw control characters that keeps CJK readable: used for
log lines and for every JSON document tracker prints — whole, or a long list's
items a chunk at a time (C-speed through orjson wherever its bytes are the
stdlib's)."""

from __future__ import annotations

import json
import math
import re

# json.dumps(ensure_ascii=False) escapes C0 only; DEL, C1 and the line separators
# are escaped here too. They can only occur inside strings, so \\u escapes are safe.
_RAW_CONTROL = re.compile("[\x7f-\x9f\u2028\u2029]")
# The same characters in UTF-8. Each starts with a byte that no other character
# has inside it (ASCII, or a lead byte), so a match is always a whole character.
_RAW_CONTROL_BYTES = re.compile(b"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]")
# Where orjson's text for a float is not the stdlib's: a small exponent (1e-07
# against 1e-7) or a small fraction written out (1e-05 against 0.00001); only
# floats below 1e-4 (but 0) are written so. A match inside a string only costs
# that chunk the stdlib's slower path.
_FLOAT_MISMATCH = re.compile(rb"\de-\d|0\.0000")

try:
    import orjson as _orjson
except ImportError:  # pragma: no cover - orjson is a dependency; the stdlib does it all
    _orjson = None


def dumps(document, *, indent: int | None = None) -> str:
    separators = (",", ": ") if indent else (",", ":")
    text = json.dumps(
        document, ensure_ascii=False, indent=indent, separators=separators, default=_default
    )
    if "Infinity" in text or "NaN" in text:  # not JSON: null, as orjson writes them
        text = json.dumps(
            _finite(document), ensure_ascii=False, indent=indent, separators=separators,
            default=_default,
        )  # fmt: skip
    if _RAW_CONTROL.search(text):
        text = _RAW_CONTROL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
    return text


def document_text(document, *, indent: int | None = None) -> str | bytes:
    """dumps(document, indent=indent): orjson's bytes (UTF-8) when they are the
    same text, else the stdlib's."""
    fast = _fast(document, indent)
    return fast if fast is not None else dumps(document, indent=indent)


def items_text(
    items: list, *, indent: int | None = None, depth: int = 1, plain_floats: bool = False
) -> str | bytes:
    """What dumps() writes between the brackets of a list of these items (not
    empty) standing at `depth` in a document: a chunk of a long list, written
    on its own. The stdlib's text exactly; orjson's bytes (UTF-8) when they are
    the same, which is nearly always and several times faster. `plain_floats`:
    the caller knows no float in the items is below 1e-4 but 0 (the only ones
    orjson writes otherwise), so the text is not searched for them."""
    fast = _fast(items, indent, plain_floats)
    if fast is not None:
        text = fast[1:-2] if indent else fast[1:-1]  # "[" … "\n]" or "[" … "]"
        return text.replace(b"\n", b"\n" + b" " * (indent * (depth - 1))) if indent else text
    whole = dumps(items, indent=indent)
    text = whole[1:-2] if indent else whole[1:-1]
    return text.replace("\n", "\n" + " " * (indent * (depth - 1))) if indent else text


def lines_text(records: list) -> str | bytes:
    """JSON Lines: each record compact on a line of its own, as dumps() writes it."""
    if _orjson is not None:
        try:
            data = b"\n".join(map(_orjson.dumps, records)) + b"\n"
        except TypeError:  # beyond orjson (an integer over 64 bits…): the stdlib's way
            data = None
        if data is not None and not _mismatch(data):
            return _escaped(data)
    return "".join(dumps(record) + "\n" for record in records)


def _fast(items: list, indent: int | None, plain_floats: bool = False) -> bytes | None:
    if _orjson is None or (indent and indent != 2):
        return None
    # Dates, dataclasses and anything else orjson has its own way with go to
    # _default, as they do in the stdlib.
    option = _orjson.OPT_PASSTHROUGH_DATETIME | _orjson.OPT_PASSTHROUGH_DATACLASS
    try:
        data = _orjson.dumps(
            items, default=_default, option=(option | _orjson.OPT_INDENT_2) if indent else option
        )
    except TypeError:  # beyond orjson (an integer over 64 bits…): the stdlib's way
        return None
    return None if not plain_floats and _mismatch(data) else _escaped(data)


# Where a mismatch could begin, looked for before the exact pattern (which has
# no literal to search for). On a long text a regex's search for its literal
# start is twice as fast as `in` (whose skip table '-' in every date defeats);
# on a short one the call costs more than it saves.
_NEGATIVE_EXPONENT = re.compile(rb"e-\d")
_SMALL_FRACTION = re.compile(rb"\.0000")


def _mismatch(data: bytes) -> bool:
    if len(data) < 65536:
        could = b"e-" in data or b"0.0000" in data
    else:
        could = _NEGATIVE_EXPONENT.search(data) is not None or _SMALL_FRACTION.search(data)
    return bool(could) and _FLOAT_MISMATCH.search(data) is not None


def _escaped(data: bytes) -> bytes:
    """orjson escapes C0 as the stdlib does; the rest of dumps()'s rule here.
    A cheap look for the bytes first: a regex over every chunk would cost more
    than writing it."""
    # Single bytes first (memchr: ~40x faster than a longer needle's search).
    if (
        b"\x7f" in data
        or b"\xc2" in data
        or (b"\xe2" in data and (b"\xe2\x80\xa8" in data or b"\xe2\x80\xa9" in data))
    ):
        return _RAW_CONTROL_BYTES.sub(
            lambda m: f"\\u{ord(m.group(0).decode('utf-8')):04x}".encode("ascii"), data
        )
    return data


def dumps_bytes(document) -> bytes:
    """`dumps(document)` as UTF-8, for log lines: orjson's bytes when they are
    the same text (about five times faster), else the stdlib's."""
    fast = _fast(document, None)
    return fast if fast is not None else dumps(document).encode("utf-8")


def _finite(value):
    """The document with every float that is not finite made None (the words
    may stand inside a string: then nothing changes)."""
    if value.__class__ is float:
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)) or hasattr(value, "pieces"):
        return [_finite(item) for item in value]
    return value


def _default(value):
    import datetime as dt

    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "value"):  # Enums
        return value.value
    if hasattr(value, "pieces"):  # a long list built in pieces (views.model.Chunks)
        return list(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")
