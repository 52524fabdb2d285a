"""Numbers as tracker writes them: whole values as integers in JSON and log lines,
and grouped digits for people."""

from __future__ import annotations


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
