"""`tracker evidence list|show|export`: evidence files (佐证材料) as one record
each — the entry they prove, the file, the line naming it — which every form
(table, CSV, JSON) is drawn from. `files` are tracker.ledger.evidence's
Attached: (entry, evidence, line, retracted)."""

from __future__ import annotations

from tracker.model import Entry, Op, Plan, entry_to_record
from tracker.views.common import entry_change
from tracker.views.model import Cell, Column, Table
from tracker.views.report import Report
from tracker.words import say

FIELDS = ("entry", "goal", "date", "name", "size", "sha256", "attachment", "retracted")
# What storage.evidence.condition says of a kept file, as JSON and the table say it.
CONDITIONS = {None: "intact", "evidence_missing": "missing", "evidence_altered": "altered"}


def file_record(attached) -> dict:
    """One file of an entry: its entry, goal and date, the file, and the
    attachment that named it (None: the entry's own)."""
    entry, evidence, line = attached.entry, attached.evidence, attached.line
    return {
        "entry": entry.id,
        "goal": entry.goal,
        "date": entry.date.isoformat() if entry.date is not None else None,
        "name": evidence.name,
        "size": evidence.size,
        "sha256": evidence.sha256,
        "attachment": line.id if line.op is Op.ATTACH else None,
        "retracted": attached.retracted,
    }


def list_report(files: list, *, filters: dict, lang: str) -> Report:
    records = [file_record(a) for a in files]

    def body() -> dict:
        return {"filters": filters, "files": records}

    def tables() -> tuple[Table, ...]:
        columns = (
            Column("entry", say("evidence.entry", lang), drop=3),
            Column("date", say("evidence.date", lang), drop=4),
            Column("goal", say("evidence.goal", lang), shrink=2),
            Column("name", say("evidence.name", lang), shrink=1, min_width=16),
            Column("size", say("evidence.size", lang), align="right"),
            Column("via", say("evidence.via", lang), drop=2),
        )
        rows = tuple(
            (
                Cell(r["entry"][:8]),
                Cell(r["date"] or ""),
                Cell(r["goal"]),
                Cell(r["name"]),
                Cell(size_text(r["size"], lang)),
                Cell(r["attachment"][:8] if r["attachment"] else say("evidence.own", lang), "dim"),
            )
            for r in records
        )
        return (
            Table(
                columns,
                rows,
                footer_lines=(say("evidence.count", lang, count=len(rows)),) if rows else (),
                empty_text=say("evidence.none", lang),
            ),
        )

    return Report(
        "tracker.evidence-list/1", None, body, tables=tables, rows=lambda: records,
        fieldnames=FIELDS,
    )  # fmt: skip


def show_report(
    plan: Plan,
    entry: Entry,
    files: list,
    kept: dict[str, tuple[str, str | None]],
    *,
    retracted: bool,
    lang: str,
) -> Report:
    """`kept`: per file's SHA-256, where it is kept (relative to the data
    folder) and what is wrong with it (storage.evidence.condition)."""
    records = [
        dict(file_record(a), stored=kept[a.evidence.sha256][0],
             condition=CONDITIONS[kept[a.evidence.sha256][1]])
        for a in files
    ]  # fmt: skip

    def body() -> dict:
        record = entry_to_record(entry)
        record["retracted"] = retracted
        return {"entry": record, "files": records}

    def tables() -> tuple[Table, ...]:
        columns = (
            Column("name", say("evidence.name", lang), shrink=1, min_width=16),
            Column("size", say("evidence.size", lang), align="right"),
            Column("via", say("evidence.via", lang), drop=2),
            Column("stored", say("evidence.stored", lang), shrink=3, drop=1),
            Column("condition", say("evidence.condition", lang)),
        )
        rows = tuple(
            (
                Cell(r["name"]),
                Cell(size_text(r["size"], lang)),
                Cell(r["attachment"][:8] if r["attachment"] else say("evidence.own", lang), "dim"),
                Cell(r["stored"], "dim"),
                Cell(
                    say(f"evidence.{r['condition']}", lang),
                    "" if r["condition"] == "intact" else "bad",
                ),  # fmt: skip
            )
            for r in records
        )
        head = say(
            "evidence.show_head", lang, id=entry.id, goal=entry.goal, date=entry.date or "—",
            change=entry_change(entry, lang, plan),
            retracted=say("evidence.retracted", lang) if retracted else "",
        )  # fmt: skip
        return (
            Table(
                columns,
                rows,
                header_lines=(head,),
                footer_lines=(say("evidence.count", lang, count=len(rows)),) if rows else (),
                empty_text=say("evidence.none", lang),
            ),
        )

    return Report("tracker.evidence-show/1", None, body, tables=tables)


def export_report(copied: list, *, folder: str, filters: dict, lang: str) -> Report:
    """`copied`: (file, the path it was copied to) for each file out."""
    records = [dict(file_record(a), exported_as=str(path)) for a, path in copied]

    def body() -> dict:
        return {"filters": filters, "folder": folder, "files": records}

    def lines() -> tuple[str, ...]:
        count = len({r["exported_as"] for r in records})
        return (
            say("evidence.exported", lang, count=count, folder=folder),
            *(f"  {r['entry'][:8]}  {r['name']} → {r['exported_as']}" for r in records),
        )

    return Report("tracker.evidence-export/1", None, body, text=lines)


def size_text(size: int, lang: str) -> str:
    """A file's size as people read it: 812 字节, 45.2 KB, 3.1 MB."""
    if size < 1024:
        return say("evidence.size_bytes", lang, size=size)
    if size < 1024 * 1024:
        return say("evidence.size_kb", lang, size=f"{size / 1024:.1f}")
    return say("evidence.size_mb", lang, size=f"{size / 1024 / 1024:.1f}")
