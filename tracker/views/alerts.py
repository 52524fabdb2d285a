"""`tracker alerts`: each alert with its goal and a one-line reason."""

from __future__ import annotations

import datetime as dt

from tracker.model import Alert, Condition, Plan
from tracker.views.common import status_dict, title_of
from tracker.views.model import Cell, Column, Table
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
) -> Report:
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
        )
        rows = tuple(
            (
                Cell(condition_name(a.condition, lang), STYLE[a.condition]),
                Cell(a.status.goal.id),
                Cell(title_of(a.status.goal, lang)),
                Cell(reason),
            )
            for a, reason in zip(found, reasons)
        )
        summary = "  ".join(
            f"{condition_name(Condition(k), lang)} {v}" for k, v in counts.items() if v
        ) or say("alerts.none", lang)
        table = Table(
            columns,
            rows,
            title=title_of(plan, lang),
            header_lines=(say("alerts.header", lang, as_of=as_of, counts=summary),),
            empty_text=say("alerts.empty", lang),
        )
        return (table,)

    return Report(
        "tracker.alerts/1", as_of, body, tables=tables, rows=records, fieldnames=CSV_FIELDS
    )
