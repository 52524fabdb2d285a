"""`tracker entries`: the log itself, retractions marked — written a group of
records at a time, so a whole log is never held at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from tracker.model import Entry, IsoDays, ListedLines, Op, Plan, line_record
from tracker.numbers import plain_number
from tracker.views.common import change_text, record_change, stated_goals
from tracker.views.model import Cell, Chunks, Column, Counted, Table, TextColumns
from tracker.views.report import Report
from tracker.views.sheets import record_sheet
from tracker.words import say

CSV_FIELDS = (
    "id",
    "goal",
    "date",
    "change",
    "value",
    "total",
    "done",
    "items",
    "note",
    "by",
    "recorded_at",
    "retracts",
    "reason",
    "retracted",
    "retracted_by",
    "attaches",
    "evidence",
    "verifies",
    "verdict",
    "verifying_office",  # a verdict's `office` (a sheet's "office" is the one that reports)
    "verification",
    "next_step",
    "next_by",
)


def entries_report(
    plan: Plan,
    retractions: list[Entry],
    groups: Callable[[dict[str, str] | None], Iterable[list[dict]]],
    *,
    as_of: dt.date,
    filters: dict,
    lang: str,
    plain_floats: bool = False,
    lines: Callable[[], Iterable[ListedLines]] | None = None,
) -> Report:
    """`groups(marks)` gives the lines asked for as plain records
    (model.line_record; with `marks`, model.mark_record's) in Entry.sort_key
    order, afresh on each call, a group at a time (State.record_groups): each
    group is shown as it comes. `lines()`, if given, the same lines column by
    column (LogCache.listed_lines), for the table: a whole log's rows are then
    made a column at a time. `retractions`: every retraction in the log, for
    the marks. `plain_floats`: no value is a float below 1e-4 (Chunks)."""
    retracted_by = {e.about: e.id for e in retractions if e.op is Op.RETRACT}

    # The state's groups as they come (stored: unmarked, for JSON Lines; marked:
    # for the document, CSV and sheets). Each generator below lets go of its
    # group before asking for the next one: only one group is ever held.
    def stored() -> Iterable[list[dict]]:
        return groups(None)

    def as_stored() -> Iterator[list[dict]]:  # JSON Lines: the lines as the log holds them
        for group in stored():
            for record in group:
                record.pop("verification", None)  # (a report's standing is no field of it)
            yield group

    def marked() -> Iterable[list[dict]]:
        return groups(retracted_by)

    stated = stated_goals(plan)  # their value lines are readings: '= 6.8'

    def with_change() -> Iterator[list[dict]]:
        for group in marked():
            changed = [_for_sheets(r, lang, stated) for r in group]
            del group
            yield changed
            del changed

    def body() -> dict:
        return {"filters": filters, "entries": Chunks(marked, plain_floats)}

    def tables() -> tuple[Table, ...]:
        columns = (
            Column("id", say("entries.id", lang)),
            Column("date", say("entries.date", lang)),
            Column("goal", say("entries.goal", lang)),
            Column("what", say("entries.value", lang), align="right"),
            Column("note", say("entries.note", lang), shrink=4, drop=2),
            Column("by", say("entries.by", lang), drop=1),
            Column("mark", say("entries.mark", lang), drop=3),
        )

        def cells(record: dict) -> tuple[Cell, ...]:
            by = retracted_by.get(record["id"])
            retraction = "retracts" in record or "verifies" in record  # its reason says why
            style = "dim" if by or retraction else ""
            return (
                Cell(record["id"][:8], style),
                Cell(record.get("date", ""), style),
                Cell(record.get("goal", ""), style),
                Cell(record_change(record, lang, stated), style),
                Cell(record["reason"] if retraction else record["note"], style),
                Cell(record["by"], style),
                _mark(record, by, lang),
            )

        def rows() -> Iterator[list[tuple[Cell, ...]] | TextColumns]:
            if lines is not None:
                days, increments = IsoDays(), _Increments(lang)
                for listed in lines():  # a group's columns, let go of once written
                    piece = _listed_rows(
                        listed, retracted_by, days, increments, cells, lang, stated
                    )
                    del listed
                    yield piece
                    del piece
                return
            for group in stored():  # a slice at a time: a month's cells are never all held
                for start in range(0, len(group), 4096):
                    made = [cells(record) for record in group[start : start + 4096]]
                    yield made
                    del made
                del group

        table = Table(
            columns,
            Chunks(rows),  # a whole log's rows are written as they are made
            footer_lines=(Counted(lambda count: say("entries.count", lang, count=count)),),
            empty_text=say("entries.none", lang),
        )
        return (table,)

    return Report(
        "tracker.entries/1",
        as_of,
        body,
        tables=tables,
        rows=lambda: Chunks(with_change),
        fieldnames=CSV_FIELDS,
        jsonl=lambda: Chunks(as_stored),
        sheets=lambda: (
            record_sheet(say("sheet.entries", lang), Chunks(with_change), CSV_FIELDS, lang),
        ),
    )


def _for_sheets(record: dict, lang: str, stated: frozenset[str]) -> dict:
    """A record as a CSV row or sheet has it: with what it did in words, its
    evidence files by name, a verdict's office as the verifying one."""
    row = dict(record, change=record_change(record, lang, stated))
    files = row.get("evidence")
    if files:
        row["evidence"] = [f["name"] for f in files]
    if "office" in row:
        row["verifying_office"] = row.pop("office")
    return row


def _mark(record: dict, retracted_by: str | None, lang: str) -> Cell:
    """The table's last cell: who retracted the entry, else where reports are
    verified its standing (已核实, 已退回, 待核实), else the files it carries."""
    if retracted_by:
        return Cell(say("entries.retracted_by", lang, id=retracted_by[:8]), "warn")
    verification = record.get("verification")
    if verification:
        return Cell(say(f"entries.{verification}", lang), "warn")
    files = record.get("evidence")
    if files and "attaches" not in record:
        return Cell(say("entries.evidence", lang, count=len(files)), "dim")
    return Cell("")


def _listed_rows(
    listed: ListedLines,
    retracted_by: dict[str, str],
    days: IsoDays,
    increments,
    cells,
    lang: str,
    stated: frozenset[str] = frozenset(),
) -> TextColumns:
    """A group of lines as the table's rows, column by column: `cells(record)`
    of each line. A group of plain increments carrying no files (nearly every
    group of a big log) is made a column at a time — the same texts, a plain
    increment's change text looked up by its value; any other line by line,
    each made into its record (model.line_record) and cells() made of that."""
    c = listed.columns
    ids, ops, count = c.ids, c.ops, len(listed)
    if ops.count("value") != count or c.evidence.count(None) != count:
        return _line_rows(listed, days, cells)
    if stated and not stated.isdisjoint(c.goals):  # a reading is no increment
        return _line_rows(listed, days, cells)
    if not retracted_by or retracted_by.keys().isdisjoint(ids):
        marks: list[str] = [""] * count
        style: str | list[str] = ""
    else:
        by = list(map(retracted_by.get, ids))
        marks = [_mark({}, b, lang).text for b in by]
        style = ["dim" if b else "" for b in by]
    texts = (
        ids,  # (their first eight characters shown)
        list(map(days.__getitem__, c.days)),
        c.goals,
        list(map(increments.__getitem__, c.values)),
        c.notes,
        c.bys,
        marks,
    )
    return TextColumns(texts, (style,) * 6 + ("warn",), lambda: listed.order, (8,) + (None,) * 6)


def _line_rows(listed: ListedLines, days: IsoDays, cells) -> TextColumns:
    """_listed_rows' rows of a group holding other lines: each line's record,
    and cells() of it."""
    c = listed.columns

    def on(day: int | None) -> str | None:
        return None if day is None else days[day]

    made = [
        cells(line_record(
            i, goal, on(day), op, value, items, note, by, at, about, reason, batch, verdict,
            office, files or (), step, on(step_by),
        ))
        for i, goal, day, op, value, items, note, by, at, about, reason, batch, verdict, office,
        files, step, step_by in zip(
            c.ids, c.goals, c.days, c.ops, c.values, c.items, c.notes, c.bys, c.recorded_ats,
            c.abouts, c.reasons, c.batches, c.verdicts, c.offices, c.evidence, c.next_steps,
            c.next_bys,
        )
    ]  # fmt: skip
    columns = list(zip(*made))
    return TextColumns(
        tuple([cell.text for cell in column] for column in columns),
        tuple([cell.style for cell in column] for column in columns),
        lambda: listed.order,
    )


class _Increments(dict):
    """A plain value's change text (+1, +1,200), each made once: a big log's
    lines share few values (0.0 and -0.0, equal keys, both read +0)."""

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def __missing__(self, value: float) -> str:
        text = self[value] = change_text(Op.VALUE, plain_number(value), (), None, self.lang)
        return text
