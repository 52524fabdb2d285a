"""`tracker alerts`: each alert with its goal and a one-line reason."""

from __future__ import annotations

import datetime as dt

from tracker.model import Alert, Condition, Plan
from tracker.render.table import Cell, Column, Table
from tracker.views.common import status_dict, title_of

STYLE = {
    Condition.OVERDUE: "overdue",
    Condition.OFF_TRACK: "off_track",
    Condition.LATE: "bad",
    Condition.AT_RISK: "at_risk",
    Condition.DUE_SOON: "warn",
    Condition.STALE: "dim",
}
CSV_FIELDS = ["condition", "id", "title", "owner", "state", "deadline", "reason"]


def alerts_view(
    plan: Plan,
    found: list[Alert],
    *,
    as_of: dt.date,
    fail_on: list[str],
    failing: list[str],
    lang: str,
):
    counts = {c.value: 0 for c in Condition}
    for alert in found:
        counts[alert.condition.value] += 1
    records = []
    for alert in found:
        status = status_dict(alert.status)
        records.append(
            {
                "condition": alert.condition.value,
                "id": status["id"],
                "title": status["title"],
                "owner": status["owner"],
                "state": status["state"],
                "deadline": status["deadline"],
                "reason": alert.reason,
                "status": status,
            }
        )
    document = {
        "schema": "tracker.alerts/1",
        "as_of": as_of.isoformat(),
        "counts": counts,
        "fail_on": fail_on,
        "failing": failing,
        "alerts": records,
    }
    columns = (
        Column("condition", "condition"),
        Column("id", "id"),
        Column("title", "title" if lang == "en" else "目标", shrink=True, drop=2),
        Column("reason", "reason" if lang == "en" else "原因", shrink=True, drop=1),
    )
    rows = tuple(
        (
            Cell(a.condition.value, STYLE[a.condition]),
            Cell(a.status.goal.id),
            Cell(title_of(a.status.goal, lang)),
            Cell(a.reason),
        )
        for a in found
    )
    summary = "  ".join(f"{k} {v}" for k, v in counts.items() if v) or "no alerts"
    title = plan.title_en if lang == "en" else plan.title
    table = Table(
        columns,
        rows,
        title=title,
        header_lines=(f"alerts as of {as_of} · {summary}",),
        empty_text="No alerts.",
    )
    return document, table, records
