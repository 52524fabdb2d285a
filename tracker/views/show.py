"""`tracker show ID`: one goal's definition, history, chart and forecast."""

from __future__ import annotations

import datetime as dt

from tracker.engine.history import HistoryRow, chart_points
from tracker.model import GoalStatus, Kind, Plan, State
from tracker.numbers import grouped, plain_number
from tracker.views.common import (
    area_name,
    entry_change,
    goal_dict,
    percent,
    status_dict,
    title_of,
)
from tracker.views.model import Cell, Chart, Column, Table
from tracker.views.report import Report
from tracker.views.words import (
    forecast_sentence,
    schedule_text,
    state_text,
    update_text,
    value_text,
)

CHART_COLUMNS = 52
SHOW_WORDS = {
    "zh": {"source": "原文", "area": "领域", "owner": "责任单位", "kind": "类型",
           "deadline": "截止",
           "update": "更新", "items": "分项", "part_of": "属于", "now": "现状", "expected": "应达",
           "date": "日期", "change": "变化", "value": "累计", "note": "说明", "by": "记录人"},
    "en": {"source": "source", "area": "area", "owner": "owner", "kind": "kind",
           "deadline": "deadline", "update": "update", "items": "items", "part_of": "part of",
           "now": "now", "expected": "expected", "date": "date", "change": "change",
           "value": "value", "note": "note", "by": "by"},
}  # fmt: skip


def show_report(
    plan: Plan,
    status: GoalStatus,
    rows: list[HistoryRow],
    series,
    *,
    as_of: dt.date,
    lang: str,
) -> Report:
    goal = status.goal
    days, expected, actual = chart_points(goal, series, as_of=as_of, columns=CHART_COLUMNS)
    chart = Chart(
        tuple(days),
        tuple(expected),
        tuple(actual),
        today=as_of,
        legend=". trajectory   * actual   # both",
    )
    sentence = forecast_sentence(status, lang)

    def body() -> dict:
        return {
            "goal": goal_dict(goal),
            "status": status_dict(status),
            "history": [_history_dict(r) for r in rows],
            "chart": [
                {
                    "date": d.isoformat(),
                    "expected": round(e, 6),
                    "actual": None if a is None else round(a, 6),
                }
                for d, e, a in zip(chart.days, chart.expected, chart.actual)
            ],
            "forecast_text": sentence,
        }

    def tables() -> tuple[Table, ...]:
        return (show_table(plan, status, rows, chart, sentence, lang),)

    return Report("tracker.show/1", as_of, body, tables=tables)


def show_table(
    plan: Plan, status: GoalStatus, rows: list[HistoryRow], chart: Chart, sentence: str, lang: str
) -> Table:
    goal = status.goal
    zh = lang == "zh"
    words = SHOW_WORDS[lang]
    head = [
        f"{goal.id} — {title_of(goal, lang)}",
        f"{title_of(goal, 'en' if zh else 'zh')}",
        f"{words['source']}: {goal.source}",
        f"{words['area']}: {area_name(plan, goal.area, lang)} · {words['owner']}: {goal.owner}"
        f" · {words['kind']}: {goal.kind.value} · {words['deadline']}: {goal.deadline}"
        f" · {words['update']}: {update_text(goal, lang)}",
    ]
    if goal.kind is Kind.CHECKLIST:
        marks = ["✔ " + i if i in status.items_done else "☐ " + i for i in goal.items]
        head.append(f"{words['items']}: " + "  ".join(marks))
    if goal.part_of:
        head.append(f"{words['part_of']}: {goal.part_of}")
    schedule = schedule_text(status, lang) if status.state is not State.DONE else ""
    head.append(
        f"{words['now']}: {value_text(status, lang)} ({percent(status.progress)} / "
        f"{words['expected']} {percent(status.expected)}) · {state_text(status.state, lang)}"
        + (f" · {schedule}" if schedule else "")
    )
    columns = (
        Column("date", words["date"]),
        Column("change", words["change"], align="right"),
        Column("value", words["value"], align="right"),
        Column("note", words["note"], shrink=True, drop=2),
        Column("by", words["by"], drop=1),
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
                Cell(grouped(r.value_after) if r.value_after is not None else "", style),
                Cell(r.entry.note, style),
                Cell(r.entry.by, style),
                Cell(r.entry.id[:8], "dim"),
            )
        )
    return Table(
        columns,
        tuple(table_rows),
        title="",
        header_lines=tuple(head),
        footer_lines=("", chart, "", sentence),
        empty_text="(no entries yet)",
    )


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
