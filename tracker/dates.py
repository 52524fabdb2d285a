"""User-typed dates and periods (ISO week, offsets, Chinese dates) → datetime.date.

Nothing here reads the clock: callers pass `today` (the plan's today).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from tracker.problems import UsageError

_YEAR_FIRST = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_OFFSET = re.compile(r"^([+-])\s*(\d+)\s*([dwmy])$")
_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)
_KEYWORDS = {"today": 0, "今天": 0, "yesterday": -1, "昨天": -1}


def parse_date(text: str, *, today: dt.date | None) -> dt.date:
    """Parse a date as SPEC lists them; refuse ambiguous and impossible ones.
    `today` None: a date written down to be read later (a form's cell), where
    `yesterday` or `-7d` would be counted from the day it is read, not the day
    it was written: those are refused."""
    raw = text
    text = unicodedata.normalize("NFKC", text).strip().lower()
    if not text:
        raise UsageError("date_empty", "date_forms")
    if today is None and (text in _KEYWORDS or _OFFSET.match(text)):
        raise UsageError("date_cell_relative", "date_cell_relative_fix", text=raw)
    if text in _KEYWORDS:
        return today + dt.timedelta(days=_KEYWORDS[text])
    if m := _OFFSET.match(text):
        try:
            return _offset(today, m)
        except (OverflowError, ValueError):
            raise UsageError("date_out_of_range", "date_range_fix", text=raw) from None
    m = _YEAR_FIRST.match(text) or _COMPACT.match(text)
    if m:
        year, month, day = (int(g) for g in m.groups())
        try:
            return dt.date(year, month, day)
        except ValueError as exc:
            raise UsageError("date_impossible", "date_forms", text=raw, reason=exc) from None
    return _parse_free_form(raw, text)


def _offset(today: dt.date, m: re.Match) -> dt.date:
    from dateutil.relativedelta import relativedelta

    sign = 1 if m.group(1) == "+" else -1
    n = sign * int(m.group(2))
    unit = m.group(3)
    delta = {
        "d": relativedelta(days=n),
        "w": relativedelta(weeks=n),
        "m": relativedelta(months=n),
        "y": relativedelta(years=n),
    }[unit]
    return today + delta


def _parse_free_form(raw: str, text: str) -> dt.date:
    """Other spellings ('1 May 2020', 'May 1, 2020') via dateutil, refusing any
    whose reading depends on day-first vs month-first."""
    from dateutil import parser

    if not re.search(r"\d{4}", text):
        raise UsageError("date_year_digits", "date_forms", text=raw)
    try:
        month_first = parser.parse(text, dayfirst=False, default=_DEFAULT_A)
        day_first = parser.parse(text, dayfirst=True, default=_DEFAULT_A)
        other_default = parser.parse(text, dayfirst=False, default=_DEFAULT_B)
    except (ValueError, OverflowError, parser.ParserError):
        raise UsageError("date_unreadable", "date_forms", text=raw) from None
    if other_default != month_first:
        raise UsageError("date_partial", "date_forms", text=raw)
    if month_first != day_first:
        raise UsageError(
            "date_ambiguous", "year_first", text=raw, one=month_first.date(), other=day_first.date()
        )
    if month_first.time() != dt.time(0):
        raise UsageError("date_has_time_of_day", "date_forms", text=raw)
    return month_first.date()


# dateutil fills missing parts from `default`: parsing with two different
# defaults shows whether the text left the month or day out.
_DEFAULT_A = dt.datetime(1, 1, 1)
_DEFAULT_B = dt.datetime(2, 2, 2)


def parse_week(text: str) -> tuple[dt.date, dt.date]:
    """'2020-W23' → (Monday, Sunday) of that ISO week."""
    m = _WEEK.match(unicodedata.normalize("NFKC", text).strip())
    if not m:
        raise UsageError("week_unreadable", "week_form", text=text)
    year, week = int(m.group(1)), int(m.group(2))
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        raise UsageError("no_such_week", "week_range", year=year, week=week) from None
    return monday, monday + dt.timedelta(days=6)


def today_in(timezone: str, now: dt.datetime | None = None) -> dt.date:
    """Today's date in the plan's time zone. The clock is read at the edge
    (the app layer opening a data folder, `tracker init`): it passes
    `now=None` and this reads the UTC clock once. The plan's rules have
    already refused a zone that does not exist."""
    now = now or dt.datetime.now(dt.UTC)
    return now.astimezone(find_zone(timezone) or dt.UTC).date()


def find_zone(name: str) -> dt.tzinfo | None:
    """The time zone of that IANA name, or None when there is no such zone."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except Exception:
        # Windows has no system zone database; dateutil ships its own.
        from dateutil import tz

        return tz.gettz(name)


def utc_now_text(now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now(dt.UTC)
    return now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
