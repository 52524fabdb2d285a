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


def _default(value):
    import datetime as dt

    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "value"):  # Enums
        return value.value
    raise TypeError(f"cannot serialise {type(value).__name__}")
