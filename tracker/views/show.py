"""`tracker show ID`: one goal's definition, history, chart and forecast."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from tracker.engine.history import HistoryRow, chart_points
from tracker.model import GoalStatus, Kind, Plan, State
from tracker.numbers import grouped, plain_number
from tracker.views.common import (
    area_name,
    entry_change,
    goal_dict,
    other_language,
    percent,
    status_dict,
    title_of,
)
from tracker.views.model import Cell, Chart, Column, Table
from tracker.views.phrases import (
    forecast_sentence,
    revision_text,
    schedule_text,
    state_text,
    update_text,
    value_text,
)
from tracker.views.report import Report
from tracker.words import say

CHART_COLUMNS = 52
LATEST_ROWS = 20  # history rows a table shows (JSON has them all); the rest are one line


def show_report(
    plan: Plan,
    status: GoalStatus,
    rows: Callable[[int | None], tuple[list[HistoryRow], int]],
    series,
    *,
    as_of: dt.date,
    lang: str,
) -> Report:
    """`rows(latest)`: the goal's history rows, at least the latest `latest` of
    them (all with None), and how many of its entries come before those given."""
    goal = status.goal
    days, expected, actual = chart_points(goal, series, as_of=as_of, columns=CHART_COLUMNS)
    chart = Chart(
        tuple(days),
        tuple(expected),
        tuple(actual),
        today=as_of,
        legend=say("chart.legend", lang),
    )
    sentence = forecast_sentence(status, lang)

    def body() -> dict:
        return {
            "goal": goal_dict(goal),
            "status": status_dict(status),
            "history": [_history_dict(r, lang) for r in rows(None)[0]],
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
        latest, earlier = rows(LATEST_ROWS)
        return (show_table(plan, status, latest, earlier, chart, sentence, lang),)

    return Report("tracker.show/1", as_of, body, tables=tables)


def show_table(
    plan: Plan,
    status: GoalStatus,
    rows: list[HistoryRow],
    earlier: int,
    chart: Chart,
    sentence: str,
    lang: str,
) -> Table:
    """`earlier`: how many entries come before `rows`."""
    goal = status.goal

    def word(key: str) -> str:
        return say(key, lang)

    head = [
        f"{goal.id} — {title_of(goal, lang)}",
        f"{title_of(goal, other_language(lang))}",
        f"{word('show.source')}: {goal.source}",
        f"{word('show.area')}: {area_name(plan, goal.area, lang)}"
        f" · {word('column.owner')}: {goal.owner}"
        f" · {word('column.kind')}: {word(f'kind.{goal.kind.value}')}"
        f" · {word('column.deadline')}: {goal.deadline}"
        f" · {word('show.update')}: {update_text(goal, lang)}",
    ]
    if goal.kind is Kind.CHECKLIST:
        dated = dict(status.item_states)  # items with deadlines of their own
        marks = [
            ("✔ " if i in status.items_done else "☐ ")
            + (say("show.item_due", lang, item=i, date=goal.item_deadline(i),
                   state=state_text(dated[i], lang)) if i in dated else i)
            for i in goal.items
        ]  # fmt: skip
        head.append(f"{word('show.items')}: " + "  ".join(marks))
    if goal.part_of:
        head.append(f"{word('show.part_of')}: {goal.part_of}")
    revised = revision_text(goal, status.as_of, lang)
    if revised:
        head.append(f"{word('show.revision')}: {revised}")
    schedule = schedule_text(status, lang) if status.state is not State.DONE else ""
    head.append(
        f"{word('show.now')}: {value_text(status, lang)} ({percent(status.progress)} / "
        f"{word('column.expected')} {percent(status.expected)}) · {state_text(status.state, lang)}"
        + (f" · {schedule}" if schedule else "")
    )
    columns = (
        Column("date", word("show.date")),
        Column("change", word("show.change"), align="right"),
        Column("value", word("show.value"), align="right"),
        Column("note", word("show.note"), shrink=4, drop=2),
        Column("by", word("show.by"), drop=1),
        Column("id", word("entries.id"), drop=3),
    )
    if len(rows) > LATEST_ROWS:
        earlier += len(rows) - LATEST_ROWS
        rows = rows[-LATEST_ROWS:]
    if earlier > 0:  # a person reads the latest; `entries --goal` lists every one
        head.append(say("show.earlier", lang, shown=len(rows), count=f"{earlier:,}", id=goal.id))
    retracted = " " + word("show.retracted")
    table_rows = []
    for r in rows:
        style = "dim" if r.retracted else ""
        mark = retracted if r.retracted else ""
        table_rows.append(
            (
                Cell(str(r.entry.date), style),
                Cell(entry_change(r.entry, lang) + mark, style),
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
        empty_text=word("show.no_entries"),
    )


def _history_dict(row: HistoryRow, lang: str) -> dict:
    e = row.entry
    return {
        "id": e.id,
        "date": e.date.isoformat(),
        "change": entry_change(e, lang),
        "value": plain_number(row.value_after),
        "note": e.note,
        "by": e.by,
        "retracted": row.retracted,
    }
