"""Reports as workbooks: a command's records (the rows its CSV has) as typed
sheets — dates as dates, numbers as numbers, states, kinds and yes/no as words,
headers in the language asked for — and sheet names Excel accepts (names.py)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from tracker.views.common import one_line
from tracker.words import say

if TYPE_CHECKING:  # built only for tables and sheets, never on the JSON path
    from tracker.views.model import Sheet

DATES = frozenset({"deadline", "date", "forecast_completion_date", "last_entry"})
DATETIMES = frozenset({"recorded_at"})
PERCENTS = frozenset({"progress", "expected", "completion", "on_time"})
NUMBERS = frozenset(
    {
        "current", "target", "days_left", "schedule_days", "forecast_days_late", "value",
        "entries", "before", "after", "net_change", "count", "count_before", "count_change",
        "place", "score", "previous_place", "movement",
    }
)  # fmt: skip
# Fields holding an identifier that reads as a word: state ids, kinds, alerts.
WORDED = {"state": "state.{}", "from": "state.{}", "to": "state.{}", "kind": "kind.{}",
          "condition": "condition.{}", "escalation": "escalation.{}", "verdict": "entries.{}",
          "verification": "entries.{}", "light": "light.{}"}  # fmt: skip


def column_type(field: str) -> str:
    if field in DATES:
        return "date"
    if field in DATETIMES:
        return "datetime"
    if field in PERCENTS:
        return "percent"
    return "number" if field in NUMBERS else "text"


def record_sheet(
    name: str, records: list[dict], fields, lang: str, headers: dict[str, str] | None = None
) -> Sheet:
    """Records (a CSV's rows) as one sheet with the catalogue's headers, or
    `headers` where given (a table's own, so a sheet and its text say alike)."""
    from tracker.views.model import Sheet, SheetColumn

    headers = headers or {}
    columns = tuple(
        SheetColumn(f, headers.get(f) or say(f"field.{f}", lang), column_type(f)) for f in fields
    )
    rows = tuple(tuple(cell_value(f, record.get(f), lang) for f in fields) for record in records)
    return Sheet(name, columns, rows)


def cell_value(field: str, value, lang: str):
    """One record value as a workbook cell holds it."""
    if value is None or value == "":
        return None
    if field in WORDED:
        return say(WORDED[field].format(value), lang)
    if isinstance(value, bool):
        return say("fill.yes" if value else "fill.no", lang)
    if field in DATES:
        return dt.date.fromisoformat(value)
    if field in DATETIMES:
        # "2020-06-01T08:00:00.123456Z": a UTC time; Excel has no time zones.
        return dt.datetime.fromisoformat(value.replace("Z", "")).replace(microsecond=0)
    if isinstance(value, list | tuple):
        value = "、".join(str(v) for v in value)
    if isinstance(value, str) and ("\n" in value or "\r" in value):
        return one_line(value, lang)  # a multi-line note: never a literal \n in a cell
    return value


def flat_status(record: dict) -> dict:
    """A status record with its forecast as two plain fields, and where its
    reports are verified both figures and what waits, as CSV has it."""
    record = dict(record)
    forecast = record.pop("forecast", None) or {}
    record["forecast_completion_date"] = forecast.get("completion_date")
    record["forecast_days_late"] = forecast.get("days_late")
    verification = record.pop("verification", None) or {}
    record["reported"] = verification.get("reported")
    record["verified"] = verification.get("verified")
    record["awaiting_close"] = verification.get("awaiting_close")
    record["waiting_verification"] = len(verification.get("waiting", ()))
    return record


def sheet_names(names: list[str]) -> list[str]:
    """Sheet names Excel accepts, in order and unique (views.names)."""
    from tracker.views.names import SHEETS, unique_names

    return unique_names(names, SHEETS)
