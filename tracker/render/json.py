"""The JSON renderer: one document per command, pretty-printed, readable CJK."""

from __future__ import annotations

from tracker.jsontext import dumps as _dumps


def dumps(document, *, indent: int | None = 2) -> str:
    return _dumps(document, indent=indent)
