"""`tracker status`: every goal's state as one report (JSON, table, CSV records)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from tracker.engine.offices import office_standings
from tracker.model import GoalStatus, Plan
from tracker.views.common import (
    STATE_ORDER,
    area_name,
    bar,
    column,
    percent,
    status_dict,
    title_of,
)
from tracker.views.phrases import days_text, flags, state_text, value_text
from tracker.views.report import Report
from tracker.views.sheets import flat_status, record_sheet
from tracker.words import say

if TYPE_CHECKING:  # built only for tables and sheets, never on the JSON path
    from tracker.views.model import Sheet, Table

CSV_FIELDS = (
    "id",
    "title",
    "title_en",
    "area",
    "owner",
    "co_owners",
    "kind",
    "state",
    "progress",
    "expected",
    "current",
    "target",
    "unit",
    "deadline",
    "days_left",
    "due_soon",
    "stale",
    "schedule_days",
    "forecast_completion_date",
    "forecast_days_late",
    "reported",
    "verified",
    "awaiting_close",
    "waiting_verification",
)


def ordered(plan: Plan, items: list[GoalStatus]) -> list[GoalStatus]:
    """Grouped by area (the plan's order), then by deadline."""
    area_rank = {a.id: i for i, a in enumerate(plan.areas)}
    return sorted(items, key=lambda s: (area_rank.get(s.goal.area, 99), s.goal.deadline))


def grouped_rows(
    plan: Plan, items: list[GoalStatus], group_by: str, lang: str
) -> list[tuple[str, list[GoalStatus]]]:
    """(heading, statuses) groups: by area in the plan's order, or by office,
    the office most in need of attention first (a goal under each office that
    holds it)."""
    if group_by == "owner":
        return [(o.office, list(o.goals)) for o in office_standings(items)]
    groups: dict[str, list[GoalStatus]] = {}
    for status in ordered(plan, items):
        groups.setdefault(status.goal.area, []).append(status)
    return [(area_name(plan, area, lang), mine) for area, mine in groups.items()]


def counts_line(counts: dict[str, int], lang: str, before: dict[str, int] | None = None) -> str:
    """Goals per state, most urgent first; with `before`, the change since then."""
    parts = []
    for state in STATE_ORDER:
        now = counts[state.value]
        delta = now - before[state.value] if before else 0
        moved = f" ({'+' if delta > 0 else '−'}{abs(delta)})" if delta else ""
        parts.append(f"{state_text(state, lang)} {now}{moved}")
    return "  ".join(parts)


def status_report(
    plan: Plan,
    items: list[GoalStatus],
    *,
    as_of: dt.date,
    lang: str,
    counts: dict[str, int],
    filters: dict,
    group_by: str = "area",
) -> Report:
    groups = grouped_rows(plan, items, group_by, lang)
    # JSON, CSV and the table list goals in the same order.
    items = [status for _, mine in groups for status in mine]

    def body() -> dict:
        return {
            "plan": {"id": plan.id, "title": plan.title, "title_en": plan.title_en},
            "filters": filters,
            "counts": counts,
            "goals": [status_dict(s) for s in items],
        }

    def records() -> list[dict]:
        return [flat_status(status_dict(s)) for s in items]

    def tables() -> tuple[Table, ...]:
        return (status_table(plan, groups, as_of=as_of, lang=lang, counts=counts),)

    def sheets() -> tuple[Sheet, ...]:
        # A workbook is for people: the area by its name, as the table's sections.
        named = [dict(r, area=area_name(plan, r["area"], lang)) for r in records()]
        return (record_sheet(say("sheet.status", lang), named, CSV_FIELDS, lang),)

    return Report(
        "tracker.status/3",
        as_of,
        body,
        tables=tables,
        rows=records,
        fieldnames=CSV_FIELDS,
        sheets=sheets,
    )


def status_table(plan, groups, *, as_of, lang, counts) -> Table:
    from tracker.views.model import Cell, Section, Table

    # On a narrow screen (highest number first): flags, expected and the bar
    # go; the id is cut (never into two alike: then it goes), then dropped;
    # then the deadline; the title is cut, but stays readable; days left (or
    # overdue) go last. Number, title, value and state always stay: a person
    # reads the title and the state, and types the number (`tracker show 12`).
    columns = (
        column("number", lang, align="right"),
        column("id", lang, shrink=6, min_width=12, drop=5, distinct=True),
        column("title", lang, shrink=3, min_width=24),
        column("progress", lang, drop=7),
        column("value", lang, align="right"),
        column("expected", lang, align="right", drop=8),
        column("state", lang),
        column("deadline", lang, drop=4),
        column("days", lang, align="right", drop=2),
        column("flags", lang, drop=9),
    )
    numbers = {g.id: n for n, g in enumerate(plan.goals, start=1)}
    rows: list = []
    for heading, mine in groups:
        rows.append(Section(heading))
        rows.extend((Cell(str(numbers[s.goal.id])), *status_row(s, lang)) for s in mine)
    header = (
        say("status.header", lang, as_of=as_of.isoformat(), count=sum(counts.values())),
        counts_line(counts, lang),
    )
    return Table(
        columns,
        tuple(rows),
        title=title_of(plan, lang),
        header_lines=header,
        empty_text=say("table.empty", lang),
    )


def status_row(status: GoalStatus, lang: str) -> tuple:
    from tracker.views.model import Cell

    style = status.state.value
    return (
        Cell(status.goal.id),
        Cell(title_of(status.goal, lang)),
        Cell(f"{bar(status.progress)} {percent(status.progress):>4}", "bar"),
        Cell(value_text(status, lang)),
        Cell(percent(status.expected), "dim"),
        Cell(state_text(status.state, lang), style),
        Cell(status.goal.deadline.isoformat()),
        Cell(days_text(status, lang), "bad" if status.days_left < 0 and style != "done" else ""),
        Cell(say("list.comma", lang).join(flags(status, lang)), "warn"),
    )
