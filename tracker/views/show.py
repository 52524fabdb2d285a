"""`tracker show ID`: one goal's definition, history, chart and forecast."""

from __future__ import annotations

import datetime as dt

from tracker.engine.forecast import WINDOW_DAYS
from tracker.engine.history import HistoryRow, chart_points
from tracker.log import plain_number
from tracker.model import GoalStatus, Kind, Plan, State
from tracker.render.chart import text_chart
from tracker.render.table import Cell, Column, Table
from tracker.views.common import (
    area_name,
    entry_change,
    goal_dict,
    number,
    percent,
    state_text,
    status_dict,
    title_of,
    value_text,
)

CHART_COLUMNS = 52


def forecast_sentence(status: GoalStatus) -> str:
    goal = status.goal
    unit = f" {goal.unit}" if goal.unit else ""
    if goal.kind not in (Kind.COUNT, Kind.LEVEL):
        if status.state is State.DONE:
            return "Done."
        return "No forecast: milestones and checklists are done or not."
    f = status.forecast
    if status.state is State.DONE and f is not None:
        late = f", {f.days_late} days late" if f.days_late else ", on time"
        return f"Target of {number(goal.target)}{unit} met on {f.completion_date}{late}."
    if f is None:
        if status.last_entry is None:
            return "No forecast: nothing logged yet."
        return f"No forecast: no progress toward the target in the last {WINDOW_DAYS // 7} weeks."
    weeks = (f.window_days or 0) // 7
    basis = f"the last {weeks} weeks" if weeks >= 2 else f"the last {f.window_days} days"
    timing = f"{f.days_late} days late" if f.days_late else "on time"
    return (
        f"At the rate of {basis}, {number(goal.target)}{unit} is reached on "
        f"{f.completion_date}, {timing}."
    )


def show_view(
    plan: Plan, status: GoalStatus, rows: list[HistoryRow], series, *, as_of: dt.date, lang: str
):
    goal = status.goal
    days, expected, actual = chart_points(goal, series, as_of=as_of, columns=CHART_COLUMNS)
    sentence = forecast_sentence(status)
    document = {
        "schema": "tracker.show/1",
        "as_of": as_of.isoformat(),
        "goal": goal_dict(goal),
        "status": status_dict(status),
        "history": [_history_dict(r) for r in rows],
        "chart": [
            {
                "date": d.isoformat(),
                "expected": round(e, 6),
                "actual": None if a is None else round(a, 6),
            }
            for d, e, a in zip(days, expected, actual)
        ],
        "forecast_text": sentence,
    }
    head = [
        f"{goal.id} — {title_of(goal, lang)}",
        f"{title_of(goal, 'en' if lang == 'zh' else 'zh')}",
        f"source: {goal.source}",
        f"area: {area_name(plan, goal.area, lang)} · owner: {goal.owner} · kind: {goal.kind.value}"
        f" · deadline: {goal.deadline} · update {goal.update_every.value}",
    ]
    if goal.kind is Kind.CHECKLIST:
        marks = ["✔ " + i if i in status.items_done else "☐ " + i for i in goal.items]
        head.append("items: " + "  ".join(marks))
    if goal.part_of:
        head.append(f"part of: {goal.part_of}")
    behind = ""
    if status.schedule_days is not None and status.state is not State.DONE:
        d = status.schedule_days
        behind = f" · {abs(d)} days {'ahead' if d > 0 else 'behind'}" if d else " · on schedule"
    head.append(
        f"now: {value_text(status)} ({percent(status.progress)} of target, "
        f"{percent(status.expected)} expected) · {state_text(status.state)}{behind}"
    )
    footer = ["", *text_chart(days, expected, actual), "", sentence]
    columns = (
        Column("date", "date"),
        Column("change", "change", align="right"),
        Column("value", "value", align="right"),
        Column("note", "note", shrink=True, drop=2),
        Column("by", "by", drop=1),
        Column("id", "id", drop=3),
    )
    table_rows = []
    for r in rows:
        style = "dim" if r.retracted else ""
        mark = " (retracted)" if r.retracted else ""
        table_rows.append(
            (
                Cell(str(r.entry.date), style),
                Cell(entry_change(r.entry) + mark, style),
                Cell(number(r.value_after) if r.value_after is not None else "", style),
                Cell(r.entry.note, style),
                Cell(r.entry.by, style),
                Cell(r.entry.id[:8], "dim"),
            )
        )
    table = Table(
        columns,
        tuple(table_rows),
        title="",
        header_lines=tuple(head),
        footer_lines=tuple(footer),
        empty_text="(no entries yet)",
    )
    return document, table


def _history_dict(row: HistoryRow) -> dict:
    e = row.entry
    return {
        "id": e.id,
        "date": e.date.isoformat(),
        "change": entry_change(e),
        "value": plain_number(row.value_after),
        "note": e.note,
        "by": e.by,
        "retracted": row.retracted,
    }
