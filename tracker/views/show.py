"""`tracker show ID`: one goal's definition, history, chart and forecast."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from tracker.engine.history import HistoryGroup, chart_points
from tracker.kinds import kind_of
from tracker.model import Entry, GoalStatus, IsoDays, Op, Plan, State, Verdict
from tracker.numbers import grouped, plain_number
from tracker.views.common import (
    area_name,
    change_text,
    goal_dict,
    office_leaders,
    office_text,
    one_line,
    other_language,
    percent,
    states_value,
    status_dict,
    title_of,
)
from tracker.views.model import Cell, Chart, Chunks, Column, PlainPiece, Table
from tracker.views.phrases import (
    figures_text,
    forecast_sentence,
    gap_sentence,
    revision_text,
    schedule_text,
    state_text,
    update_text,
    value_text,
    verification_flags,
)
from tracker.views.report import Report
from tracker.words import say

CHART_COLUMNS = 52
LATEST_ROWS = 20  # history rows a table shows (JSON has them all); the rest are one line


class Verdicts(NamedTuple):
    """Where a goal's reports are verified: the verdict that decided each
    entry, and the entries still waiting for one."""

    of: dict[str, Entry]
    waiting: frozenset[str]

    def record(self, entry_id: str) -> dict | None:
        """An entry's verdict as JSON shows it: who, for which office, when."""
        verdict = self.of.get(entry_id)
        if verdict is None:
            return {"verdict": "waiting"} if entry_id in self.waiting else None
        return {"verdict": verdict.verdict, "office": verdict.office, "by": verdict.by,
                "date": verdict.date.isoformat() if verdict.date else None,
                "reason": verdict.reason, "id": verdict.id}  # fmt: skip

    def returned(self, entry_id: str) -> bool:
        verdict = self.of.get(entry_id)
        return verdict is not None and verdict.verdict == Verdict.RETURNED.value

    def text(self, entry_id: str, lang: str) -> str:
        """An entry's verdict in a few words: ✔ 李四 12-07, ↩ 退回 and why, 待核实."""
        verdict = self.of.get(entry_id)
        if verdict is None:
            return say("verdict.waiting", lang) if entry_id in self.waiting else ""
        day = verdict.date.isoformat() if verdict.date else ""
        return say(f"verdict.{verdict.verdict}", lang, by=verdict.by, date=day,
                   reason=one_line(verdict.reason, lang))  # fmt: skip


def show_report(
    plan: Plan,
    status: GoalStatus,
    rows: Callable[[int | None], tuple[Iterable[HistoryGroup], int]],
    series,
    *,
    as_of: dt.date,
    lang: str,
    verdicts: Verdicts | None = None,
) -> Report:
    """`rows(latest)`: the goal's history rows in groups, oldest first, at least
    the latest `latest` of them (all with None), and how many of its entries
    come before those given. The table and the JSON show the same rows.
    `verdicts`: where the goal's reports are verified, each row's."""
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
            # The whole history, written a group of rows at a time as it is made.
            "history": Chunks(
                lambda: _history_items(rows(None)[0], lang, verdicts, states_value(goal))
            ),
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
        groups, earlier = rows(LATEST_ROWS)
        latest = [row for group in groups for row in group.rows()]
        return (show_table(plan, status, latest, earlier, chart, sentence, lang, verdicts),)

    return Report("tracker.show/3", as_of, body, tables=tables)


def show_table(
    plan: Plan,
    status: GoalStatus,
    rows: list[tuple],
    earlier: int,
    chart: Chart,
    sentence: str,
    lang: str,
    verdicts: Verdicts | None = None,
) -> Table:
    """`rows`: the latest history rows (HistoryGroup.rows);
    `earlier`: how many entries come before them."""
    goal = status.goal

    def word(key: str) -> str:
        return say(key, lang)

    def labelled(key: str, text) -> str:  # 原文：… (the language's colon)
        return say("bulletin.label", lang, label=word(key), text=text)

    head = [
        f"{goal.id} — {title_of(goal, lang)}",
        f"{title_of(goal, other_language(lang))}",
        labelled("show.source", goal.source),
        " · ".join((
            labelled("show.area", area_name(plan, goal.area, lang)),
            labelled("column.owner", office_text(goal, lang, plan)),
            labelled("column.kind", word(kind_of(goal).name_key)),
            labelled("column.deadline", goal.deadline),
            labelled("show.update", update_text(goal, lang)),
        )),
    ]  # fmt: skip
    leaders = office_leaders(plan, goal)
    if leaders:
        head[-1] += " · " + labelled("show.leader", leaders)
    kind = kind_of(goal)
    if goal.items:  # a checklist's items, a milestone's stages
        dated = dict(status.item_states)  # items with deadlines of their own
        marks = [
            ("✔ " if i in status.items_done else "☐ ")
            + (say("show.item_due", lang, item=i, date=goal.item_deadline(i),
                   state=state_text(dated[i], lang)) if i in dated else i)
            for i in goal.items
        ]  # fmt: skip
        head.append(labelled("show." + kind.items_key, "  ".join(marks)))
    if goal.part_of:
        head.append(labelled("show.part_of", goal.part_of))
    revised = revision_text(goal, status.as_of, lang)
    if revised:
        head.append(labelled("show.revision", revised))
    schedule = schedule_text(status, lang) if status.state is not State.DONE else ""
    awaiting = word("flag.awaiting_final") if status.awaiting_final else ""
    head.append(
        labelled("show.now", value_text(status, lang) + say("show.progress", lang,
                 done=percent(status.progress), due=percent(status.expected)))
        + f" · {state_text(status.state, lang)}"
        + "".join(f" · {x}" for x in (schedule, awaiting) if x)
    )  # fmt: skip
    short = gap_sentence(status, lang) if status.state is not State.DONE else ""
    if short:  # how far behind, each gap by what it is measured against
        head.append(labelled("late.gap", short))
    if status.figures is not None:
        head.append(
            " · ".join((figures_text(status, lang), *verification_flags(status, lang, other=False)))
        )
    columns = (
        Column("date", word("show.date")),
        Column("change", word("show.change"), align="right"),
        Column("value", word("show.value"), align="right"),
        Column("note", word("show.note"), shrink=4, drop=2),
        Column("by", word("show.by"), drop=1),
        Column("id", word("entries.id"), drop=3),
    )
    if verdicts is not None:
        columns = (*columns[:5], Column("verdict", word("show.verdict"), drop=4), columns[5])
    if len(rows) > LATEST_ROWS:
        earlier += len(rows) - LATEST_ROWS
        rows = rows[-LATEST_ROWS:]
    if earlier > 0:  # a person reads the latest; `entries --goal` lists every one
        head.append(say("show.earlier", lang, shown=len(rows), count=f"{earlier:,}", id=goal.id))
    retracted = " " + word("show.retracted")
    table_rows = []
    dates, changes = IsoDays(), _Changes(lang, states_value(goal))
    # A milestone's value is how far along its stages it is: said in words.
    value_of = (lambda v: kind.value_text(goal, v, lang)) if kind.binary else grouped
    for entry_id, day, op, change, items, note, by, value, gone in rows:
        returned = verdicts is not None and verdicts.returned(entry_id)
        style = "dim" if gone else ""
        mark = retracted if gone and not returned else ""
        row = (
            Cell(dates[day], style),
            Cell(changes.of(op, change, items) + mark, style),
            Cell(value_of(value) if value is not None else "", style),
            Cell(one_line(note, lang), style),  # a note's line breaks as semicolons
            Cell(by, style),
            Cell(entry_id[:8], "dim"),
        )
        if verdicts is not None:
            row = (
                *row[:5],
                Cell(verdicts.text(entry_id, lang), "warn" if returned else ""),
                row[5],
            )
        table_rows.append(row)
    return Table(
        columns,
        tuple(table_rows),
        title="",
        header_lines=tuple(head),
        footer_lines=("", chart, "", sentence),
        empty_text=word("show.no_entries"),
    )


def _history_items(
    groups: Iterable[HistoryGroup], lang: str, verdicts: Verdicts | None = None,
    stated: bool = False,
) -> Iterator[list[dict]]:  # fmt: skip
    """The JSON history's rows, a group at a time: each group let go of before
    the next is made; with `verdicts`, each row's; `stated`: the goal's value
    lines are readings."""
    for items in _history_rows(groups, lang, stated):
        if verdicts is not None:
            for item in items:
                item["verdict"] = verdicts.record(item["id"])
        yield items


def _history_rows(
    groups: Iterable[HistoryGroup], lang: str, stated: bool = False
) -> Iterator[list[dict]]:
    dates, changes = IsoDays(), _Changes(lang, stated)  # looked up at C speed, each made once
    for columns, values, retracted, whole in groups:
        if whole:  # plain increments, none retracted, whole values: the same rows, quicker
            ids, days, increments = columns.ids, columns.days, columns.values
            notes, bys = columns.notes, columns.bys
            texts = {change: changes[("value", change)] for change in set(increments)}
            items = [
                {
                    "id": entry_id, "date": dates[day], "change": texts[change], "value": value,
                    "note": note, "by": by, "retracted": False,
                }
                for entry_id, day, change, note, by, value in zip(
                    ids, days, increments, notes, bys, map(int, values)
                )
            ]  # fmt: skip
            del columns, values
            yield PlainPiece(items)  # no float in them: values are whole, changes are text
            del items
            continue
        items = [
            {
                "id": entry_id,
                "date": dates[day],
                "change": changes[(op, change) if done is None else (op, change, *done)],
                "value": plain_number(value),
                "note": note,
                "by": by,
                "retracted": entry_id in retracted,
            }
            for entry_id, day, op, change, done, note, by, value in zip(
                columns.ids,
                columns.days,
                columns.ops,
                columns.values,
                columns.items,
                columns.notes,
                columns.bys,
                values,
            )
        ]
        del columns, values
        yield items
        del items


class _Changes(dict):
    """(op, value, *items) → what a line did (common.change_text); `stated`:
    the goal's value lines are readings (common.states_value)."""

    def __init__(self, lang: str, stated: bool = False):
        super().__init__()
        self.lang, self.stated = lang, stated

    def __missing__(self, key: tuple) -> str:
        op, value, *items = key
        text = self[key] = change_text(Op(op), value, items or None, None, self.lang,
                                       stated=self.stated)  # fmt: skip
        return text

    def of(self, op: str, value, items) -> str:
        return self[(op, value) if items is None else (op, value, *items)]
