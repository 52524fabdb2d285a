"""JSON text with no raw control characters that keeps CJK readable: used for
log lines and for every JSON document tracker prints."""

from __future__ import annotations

import json
import re

# json.dumps(ensure_ascii=False) escapes C0 only; DEL, C1 and the line separators
# are escaped here too. They can only occur inside strings, so \\u escapes are safe.
_RAW_CONTROL = re.compile("[\x7f-\x9f\u2028\u2029]")


def dumps(document, *, indent: int | None = None) -> str:
    separators = (",", ": ") if indent else (",", ":")
    text = json.dumps(
        document, ensure_ascii=False, indent=indent, separators=separators, default=_default
    )
    if _RAW_CONTROL.search(text):
        text = _RAW_CONTROL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
    return text


# The same rule on UTF-8 bytes: DEL, C1 (U+0080–U+009F, lead byte C2) and U+2028/9.
_RAW_CONTROL_UTF8 = re.compile(b"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]")

try:
    from orjson import JSONEncodeError as _FastRefused
    from orjson import dumps as _fast_dumps
except ImportError:  # pragma: no cover - a bare install writes through the stdlib
    _fast_dumps = None


def dumps_bytes(document) -> bytes:
    """`dumps(document)` as UTF-8, for log lines: orjson writes the same compact
    text as the stdlib encoder (it escapes C0 the same way) about five times
    faster; a document it refuses (an integer beyond 64 bits, a lone
    surrogate) or one holding DEL, C1 or a line separator, which it would
    leave raw, goes through `dumps` instead."""
    if _fast_dumps is not None:
        try:
            data = _fast_dumps(document)
        except _FastRefused:
            pass
        else:
            # Their lead bytes are rare (no Chinese character starts with them): test
            # for those first, the pattern only when one is there.
            if (b"\x7f" not in data and b"\xc2" not in data and b"\xe2\x80" not in data) or (
                not _RAW_CONTROL_UTF8.search(data)
            ):
                return data
    return dumps(document).encode("utf-8")


def _default(value):
    import datetime as dt

    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "value"):  # Enums
        return value.value
    raise TypeError(f"cannot serialise {type(value).__name__}")
