"""`tracker entries`: the log itself, retractions marked."""

from __future__ import annotations

import datetime as dt

from tracker.model import Entry, Op, Plan, entry_to_record
from tracker.views.common import entry_change
from tracker.views.model import Cell, Column, Table
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
)


def select(
    entries: list[Entry], *, goal: str | None, since: dt.date | None, until: dt.date | None
) -> list[Entry]:
    def keep(e: Entry) -> bool:
        if goal is not None and e.goal != goal:
            return False
        if since is not None and (e.date is None or e.date < since):
            return False
        return not (until is not None and (e.date is None or e.date > until))

    return sorted(
        (e for e in entries if keep(e)), key=lambda e: (e.date or dt.date.min, e.recorded_at, e.id)
    )


def entries_report(
    plan: Plan,
    all_entries: list[Entry],
    shown: list[Entry],
    *,
    as_of: dt.date,
    filters: dict,
    lang: str,
) -> Report:
    retracted_by = {e.retracts: e.id for e in all_entries if e.op is Op.RETRACT}

    def stored() -> list[dict]:
        return [entry_to_record(e) for e in shown]

    def marked() -> list[dict]:
        out = []
        for entry in shown:
            record = entry_to_record(entry)
            record["retracted"] = entry.id in retracted_by
            record["retracted_by"] = retracted_by.get(entry.id)
            out.append(record)
        return out

    def body() -> dict:
        return {"filters": filters, "entries": marked()}

    def records() -> list[dict]:
        return [dict(r, change=entry_change(e, lang)) for r, e in zip(marked(), shown)]

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
        rows = []
        for entry in shown:
            by = retracted_by.get(entry.id)
            style = "dim" if by or entry.op is Op.RETRACT else ""
            note = entry.reason if entry.op is Op.RETRACT else entry.note
            rows.append(
                (
                    Cell(entry.id[:8], style),
                    Cell(str(entry.date or ""), style),
                    Cell(entry.goal, style),
                    Cell(entry_change(entry, lang), style),
                    Cell(note, style),
                    Cell(entry.by, style),
                    Cell(say("entries.retracted_by", lang, id=by[:8]) if by else "", "warn"),
                )
            )
        table = Table(
            columns,
            tuple(rows),
            footer_lines=(say("entries.count", lang, count=len(shown)),),
            empty_text=say("entries.none", lang),
        )
        return (table,)

    return Report(
        "tracker.entries/1",
        as_of,
        body,
        tables=tables,
        rows=records,
        fieldnames=CSV_FIELDS,
        jsonl=stored,
        sheets=lambda: (record_sheet(say("sheet.entries", lang), records(), CSV_FIELDS, lang),),
    )
