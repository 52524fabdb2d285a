"""`tracker template`: a fill-in workbook of one or more offices' goals — what
the plan and the log say of each goal (its deadline and where it stands too),
open cells for the new figures, (hidden) what the log held when it was made,
so an import can tell if it moved, and the lines the office signs, laid out
to print."""

from __future__ import annotations

import datetime as dt

from tracker.engine.snapshot import Snapshot
from tracker.fillin import COLUMNS, FILLED, HIDDEN, SCHEMA, SIGNATURE, header_key, sign_key
from tracker.kinds import kind_of
from tracker.model import GoalStatus, Plan, State
from tracker.views.common import office_name, title_of
from tracker.views.model import Fill, Sheet, SheetColumn
from tracker.views.phrases import days_text, schedule_text, state_name
from tracker.views.report import Report
from tracker.views.sheets import sheet_names
from tracker.words import say

TYPES = {
    "target": "number",
    "current": "number",
    "deadline": "date",
    "last": "date",
    "add": "number",
    "total": "number",
    "date": "date",
    "snap_value": "number",
    "as_of": "date",
}

# Room to type in the open columns (characters).
WIDTHS = {"add": 9, "total": 10, "done": 8, "items": 14, "date": 11, "by": 9}
# Columns whose text wraps at a set width, so the printed form is one page
# wide at a readable size (a title is up to 35 characters, a checklist's
# target lists its items, an id breaks at its dots and dashes; evidence
# lists file names).
WRAPPED = {"id": 18, "title": 24, "target": 14, "current": 11, "state": 10, "note": 20,
           "evidence": 16}  # fmt: skip


def owners_of(plan: Plan) -> list[str]:
    """Every office that leads a goal, in the plan's order."""
    return list(dict.fromkeys(goal.owner for goal in plan.goals))


def template_report(
    plan: Plan,
    statuses: list[GoalStatus],
    snapshots: dict[str, Snapshot],
    *,
    owners: list[str],
    as_of: dt.date,
    lang: str,
) -> Report:
    def body() -> dict:
        return {
            "plan": plan.id,
            "owners": [
                {"owner": o, "goals": [s.goal.id for s in statuses if s.goal.owner == o]}
                for o in owners
            ],
        }

    def sheets() -> tuple[Sheet, ...]:
        names = sheet_names(owners)
        return tuple(
            office_sheet(
                plan,
                [s for s in statuses if s.goal.owner == owner],
                snapshots,
                office=owner,
                name=name,
                as_of=as_of,
                lang=lang,
            )
            for owner, name in zip(owners, names)
        )

    return Report(SCHEMA, as_of, body, sheets=sheets)


def office_sheet(plan, statuses, snapshots, *, office, name, as_of, lang) -> Sheet:
    columns = tuple(
        SheetColumn(
            key,
            say(header_key(key), lang),
            TYPES.get(key, "text"),
            hidden=key in HIDDEN,
            width=WRAPPED.get(key) or WIDTHS.get(key, 0),
            wrap=key in WRAPPED,
        )
        for key in COLUMNS
    )
    fills = _fills(plan, as_of, lang)
    rows, open_cells = [], []
    for status in statuses:
        snapshot = snapshots.get(status.goal.id, Snapshot(None, ""))
        values = _row(plan, status, snapshot, as_of=as_of, lang=lang)
        rows.append(tuple(values[key] for key in COLUMNS))
        opened = _open(status, fills, lang)
        open_cells.append(tuple(opened.get(key) for key in COLUMNS))
    shown = office_name(plan, office)
    named = (
        office if shown == office else say("fill.office_short", lang, office=office, short=shown)
    )
    lead = (
        say("fill.sheet_title", lang, office=named, as_of=as_of.isoformat()),
        say("fill.instructions", lang, as_of=as_of.isoformat()),
    )
    return Sheet(
        name,
        columns,
        tuple(rows),
        lead=lead,
        key_row=True,
        fills=tuple(open_cells),
        protected=True,
        frozen_columns=2,
        printed=True,
        signature=signature(office, lang),
        page_footer=say("fill.page", lang),
    )


def signature(office: str, lang: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    """The lines an office signs under its form: its name (and seal), who
    filled it in and who checked it, a telephone number and the day."""

    lines = (SIGNATURE[:3], SIGNATURE[3:])  # three to a line, then two
    return tuple(
        tuple((say(sign_key(part), lang), office if part == "office" else "") for part in line)
        for line in lines
    )


def standing_text(status: GoalStatus, lang: str) -> str:
    """Where the goal stands, as a clerk needs it: 逾期61天, 落后181天, 正常 …"""
    if status.state is State.OVERDUE:
        return days_text(status, lang)
    if status.state is State.OFF_TRACK and (status.schedule_days or 0) < 0:
        return schedule_text(status, lang)
    return state_name(status.state, lang)


def _row(plan, status: GoalStatus, snapshot: Snapshot, *, as_of, lang) -> dict:
    goal = status.goal
    kind = kind_of(goal)
    target, current = kind.sheet_figures(goal, status, lang)
    return {
        "id": goal.id,
        "title": title_of(goal, lang),
        "kind": say(kind.name_key, lang),
        "unit": goal.unit or None,
        "target": _number(target),
        "current": _number(current),
        "deadline": goal.deadline,
        "state": standing_text(status, lang),
        "last": status.last_entry,
        **dict.fromkeys(FILLED),
        "snap_value": _number(snapshot.value),
        "snap_entry": snapshot.last_entry or None,
        "as_of": as_of,
        "plan": plan.id,
    }


def _number(value):
    """Whole numbers as integers, so the sheet shows 1,320 and not 1,320.0."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _fills(plan: Plan, as_of: dt.date, lang: str) -> dict[str, Fill]:
    number = say("fill.error_number", lang)
    return {
        "add": Fill("decimal", low=0, prompt=say("fill.prompt_add", lang), error=number),
        "total": Fill("decimal", prompt=say("fill.prompt_total", lang), error=number),
        "date": Fill(
            "date",
            low=plan.start,
            high=max(plan.end, as_of),
            prompt=say("fill.prompt_date", lang, as_of=as_of.isoformat()),
            error=say("fill.error_date", lang, example=as_of.isoformat()),
        ),
        "note": Fill("text"),
        "by": Fill("text"),
        "evidence": Fill("text", prompt=say("fill.prompt_evidence", lang)),
    }


def _open(status: GoalStatus, fills: dict[str, Fill], lang: str) -> dict[str, Fill]:
    """The cells of this goal's row an office may fill: those its kind takes
    (tracker.kinds; a done milestone or a finished checklist takes only a
    note), then date, note, by and evidence files."""
    goal = status.goal
    kind = kind_of(goal)
    opened = {key: fills[key] for key in ("date", "note", "by", "evidence")}
    for cell, op in kind.template_cells(goal).items():
        if cell in ("add", "total"):
            never_negative = op in kind.never_negative
            opened[cell] = fills[cell]._replace(low=0) if never_negative else fills[cell]
        elif cell == "done" and not status.current:
            yes, no = say("fill.yes", lang), say("fill.no", lang)
            opened["done"] = Fill(
                "list",
                choices=(yes, no),
                prompt=say("fill.prompt_done", lang),
                error=say("fill.error_yes", lang),
            )
        elif cell == "items":
            left = tuple(item for item in goal.items if item not in status.items_done)
            if left:
                opened["items"] = Fill(
                    "list",
                    choices=left,
                    strict=False,
                    prompt=say("fill.prompt_items", lang),
                    error=say("fill.error_items", lang),
                )
    return opened
