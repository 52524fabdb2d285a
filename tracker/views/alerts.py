"""`tracker alerts`: each alert with its goal and a one-line reason."""

from __future__ import annotations

import datetime as dt

from tracker.engine.offices import office_standings
from tracker.model import Alert, Condition, Plan
from tracker.views.common import office_text, status_dict, title_of
from tracker.views.model import Cell, Column, Section, Table
from tracker.views.phrases import alert_reason, condition_name
from tracker.views.report import Report
from tracker.words import say

STYLE = {
    Condition.OVERDUE: "overdue",
    Condition.OFF_TRACK: "off_track",
    Condition.LATE: "bad",
    Condition.AT_RISK: "at_risk",
    Condition.DUE_SOON: "warn",
    Condition.STALE: "dim",
}
CSV_FIELDS = ("condition", "id", "title", "owner", "state", "deadline", "reason")


def alerts_report(
    plan: Plan,
    found: list[Alert],
    *,
    as_of: dt.date,
    fail_on: list[str],
    failing: list[str],
    lang: str,
    group_by: str = "none",
) -> Report:
    if group_by == "owner":
        found = by_office(found)
    counts = {c.value: 0 for c in Condition}
    for alert in found:
        counts[alert.condition.value] += 1
    reasons = [alert_reason(a.status, a.condition, lang) for a in found]

    def records() -> list[dict]:
        out = []
        for alert, reason in zip(found, reasons):
            status = status_dict(alert.status)
            out.append(
                {
                    "condition": alert.condition.value,
                    "id": status["id"],
                    "title": status["title"],
                    "owner": status["owner"],
                    "state": status["state"],
                    "deadline": status["deadline"],
                    "reason": reason,
                    "status": status,
                }
            )
        return out

    def body() -> dict:
        return {"counts": counts, "fail_on": fail_on, "failing": failing, "alerts": records()}

    def tables() -> tuple[Table, ...]:
        columns = (
            # Narrow: the id is cut, then the reason; the id goes before the
            # title is cut; the reason goes before the title would.
            Column("condition", say("column.condition", lang)),
            Column("id", say("column.id", lang), shrink=7, drop=5),
            Column("title", say("column.title", lang), shrink=4, min_width=24),
            Column("reason", say("column.reason", lang), shrink=6, min_width=20, drop=3),
            Column("owner", say("column.owner", lang), shrink=5, drop=4),
        )
        if group_by == "owner":  # the office heads its group instead
            columns = columns[:-1]
        rows: list = []
        office = None
        for alert, reason in zip(found, reasons):
            if group_by == "owner" and alert.status.goal.owner != office:
                office = alert.status.goal.owner
                rows.append(Section(office))
            cells = (
                Cell(condition_name(alert.condition, lang), STYLE[alert.condition]),
                Cell(alert.status.goal.id),
                Cell(title_of(alert.status.goal, lang)),
                Cell(reason),
                Cell(office_text(alert.status.goal, lang)),
            )
            rows.append(cells[: len(columns)])
        summary = "  ".join(
            f"{condition_name(Condition(k), lang)} {v}" for k, v in counts.items() if v
        ) or say("alerts.none", lang)
        table = Table(
            columns,
            tuple(rows),
            title=title_of(plan, lang),
            header_lines=(say("alerts.header", lang, as_of=as_of, counts=summary),),
            empty_text=say("alerts.empty", lang),
        )
        return (table,)

    return Report(
        "tracker.alerts/3", as_of, body, tables=tables, rows=records, fieldnames=CSV_FIELDS
    )


def by_office(found: list[Alert]) -> list[Alert]:
    """Alerts grouped by the goal's lead office, in the order of the digest's
    office table (most in need first: goals without alerts change none of its
    counts); within an office, the given (severity) order."""
    statuses = list({id(a.status): a.status for a in found}.values())
    rank = {o.office: i for i, o in enumerate(office_standings(statuses))}
    return sorted(found, key=lambda a: rank[a.status.goal.owner])
