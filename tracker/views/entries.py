"""`tracker entries`: the log itself, retractions marked — written a group of
records at a time, so a whole log is never held at once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from tracker.model import Entry, Op, Plan
from tracker.views.common import record_change
from tracker.views.model import Cell, Chunks, Column, Counted, Table
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
) -> Report:
    """`groups(marks)` gives the lines asked for as plain records
    (model.line_record; with `marks`, model.mark_record's) in Entry.sort_key
    order, afresh on each call, a group at a time (State.record_groups): each
    group is shown as it comes. `retractions`: every retraction in the log,
    for the marks. `plain_floats`: no value is a float below 1e-4 (Chunks)."""
    retracted_by = {e.about: e.id for e in retractions if e.op is Op.RETRACT}

    # The state's groups as they come (stored: unmarked, for JSON Lines; marked:
    # for the document, CSV and sheets). Each generator below lets go of its
    # group before asking for the next one: only one group is ever held.
    def stored() -> Iterable[list[dict]]:
        return groups(None)

    def marked() -> Iterable[list[dict]]:
        return groups(retracted_by)

    def with_change() -> Iterator[list[dict]]:
        for group in marked():
            changed = [_for_sheets(r, lang) for r in group]
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
            Column("mark", "", drop=3),
        )

        def cells(record: dict) -> tuple[Cell, ...]:
            by = retracted_by.get(record["id"])
            retraction = "retracts" in record or "verifies" in record  # its reason says why
            style = "dim" if by or retraction else ""
            return (
                Cell(record["id"][:8], style),
                Cell(record.get("date", ""), style),
                Cell(record.get("goal", ""), style),
                Cell(record_change(record, lang), style),
                Cell(record["reason"] if retraction else record["note"], style),
                Cell(record["by"], style),
                _mark(record, by, lang),
            )

        def rows() -> Iterator[list[tuple[Cell, ...]]]:
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
        jsonl=lambda: Chunks(stored),
        sheets=lambda: (
            record_sheet(say("sheet.entries", lang), Chunks(with_change), CSV_FIELDS, lang),
        ),
    )


def _for_sheets(record: dict, lang: str) -> dict:
    """A record as a CSV row or sheet has it: with what it did in words, its
    evidence files by name, a verdict's office as the verifying one."""
    row = dict(record, change=record_change(record, lang))
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
