"""`tracker log` and `tracker retract`: what was (or would be) written, and where
the goals it touched now stand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.log import entry_to_record  # storage: moves with the layers
from tracker.model import Entry, GoalStatus
from tracker.views.common import percent, status_dict
from tracker.views.report import Report
from tracker.views.words import state_text, value_text


@dataclass(frozen=True)
class WriteResult:
    """The outcome of one write: the entries appended (or, in a dry run, checked)
    and the standing of each goal they touch."""

    today: dt.date
    dry_run: bool
    batch: str | None
    new: tuple[Entry, ...]
    standings: tuple[GoalStatus, ...]


def log_report(result: WriteResult, *, lang: str) -> Report:
    def body() -> dict:
        return {
            "dry_run": result.dry_run,
            "batch": result.batch,
            "entries": [entry_to_record(e) for e in result.new],
            "goals": [status_dict(s) for s in result.standings],
        }

    def lines() -> tuple[str, ...]:
        new, dry_run = result.new, result.dry_run
        verb = "would log" if dry_run else "logged"
        out = []
        if len(new) == 1:
            out.append(
                f"{verb} {new[0].id} for {new[0].goal} on {new[0].date}"
                + (" (dry run: nothing written)" if dry_run else "")
            )
        else:
            out.append(
                f"{verb} {len(new)} entries for {len(result.standings)} goal(s)"
                + (" (dry run: nothing written)" if dry_run else "")
            )
        for status in result.standings:
            out.append(
                f"{status.goal.id}: {value_text(status, lang)} ({percent(status.progress)}), "
                f"{state_text(status.state, lang)}"
            )
        return tuple(out)

    return Report("tracker.log/1", result.today, body, text=lines)


def retract_report(result: WriteResult, *, target: Entry, lang: str) -> Report:
    def body() -> dict:
        return {"dry_run": result.dry_run, "entries": [entry_to_record(e) for e in result.new]}

    def lines() -> tuple[str, ...]:
        verb = "would retract" if result.dry_run else "retracted"
        retraction = result.new[0]
        return (f"{verb} {target.id} ({target.goal}, {target.date}) with {retraction.id}",)

    return Report("tracker.retract/1", result.today, body, text=lines)
