"""Numbers as tracker writes them: whole values as integers in JSON and log lines,
and grouped digits for people."""

from __future__ import annotations

import math
import re
import unicodedata


def plain_number(value: float | None):
    """A value for JSON: 120.0 → 120, so whole values read as whole."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def grouped(value: float | None) -> str:
    """1320 → '1,320', 8.5 → '8.5', None → '—'."""
    if value is None:
        return "—"
    value = plain_number(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def read_number(text: str) -> float | None:
    """A number as people write it — '120', '1,200', '８.５' (full width), '8.5%'
    — or None when it is not one (nor finite)."""
    cleaned = unicodedata.normalize("NFKC", str(text)).strip().replace(",", "").replace("_", "")
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1]
    if not _NUMBER.match(cleaned):
        return None
    value = float(cleaned)
    return value if math.isfinite(value) else None
