"""The JSON renderer: one document per command, pretty-printed, readable CJK."""

from __future__ import annotations

from tracker.jsontext import dumps as _dumps


def dumps(document) -> str:
    return _dumps(document, indent=2)
