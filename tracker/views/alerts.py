"""`tracker alerts`: each alert with its goal and a one-line reason."""

from __future__ import annotations

import datetime as dt

from tracker.model import Alert, Condition, Plan
from tracker.views.common import status_dict, title_of
from tracker.views.model import Cell, Column, Table
from tracker.views.report import Report
from tracker.views.words import CONDITION_NAME, alert_reason

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
        zh = lang == "zh"
        columns = (
            Column("condition", "提醒" if zh else "condition"),
            Column("id", "编号" if zh else "id"),
            Column("title", "title" if lang == "en" else "目标", shrink=True, drop=2),
            Column("reason", "reason" if lang == "en" else "原因", shrink=True, drop=1),
        )
        rows = tuple(
            (
                Cell(CONDITION_NAME[lang][a.condition], STYLE[a.condition]),
                Cell(a.status.goal.id),
                Cell(title_of(a.status.goal, lang)),
                Cell(reason),
            )
            for a, reason in zip(found, reasons)
        )
        names = CONDITION_NAME[lang]
        summary = "  ".join(f"{names[Condition(k)]} {v}" for k, v in counts.items() if v) or (
            "没有提醒" if zh else "no alerts"
        )
        title = plan.title_en if lang == "en" else plan.title
        table = Table(
            columns,
            rows,
            title=title,
            header_lines=(f"{'截至' if zh else 'alerts as of'} {as_of} · {summary}",),
            empty_text="没有提醒。" if zh else "No alerts.",
        )
        return (table,)

    return Report(
        "tracker.alerts/1", as_of, body, tables=tables, rows=records, fieldnames=CSV_FIELDS
    )
