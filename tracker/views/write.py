"""`tracker log` and `tracker retract`: what was (or would be) written, and where
the goals it touched now stand."""

from __future__ import annotations

from collections.abc import Iterator

from tracker.model import Entry, Plan, WriteResult, entry_to_record
from tracker.views.common import entry_change, percent, status_dict, title_of
from tracker.views.model import Chunks
from tracker.views.phrases import state_text, value_text
from tracker.views.report import Report
from tracker.words import say


def log_report(result: WriteResult, *, lang: str) -> Report:
    def records() -> Iterator[list[dict]]:
        """The entries written, a slice at a time (a big batch's are read again
        from its input, never held)."""
        piece: list[dict] = []
        for entry in result.new:
            piece.append(entry_to_record(entry))
            if len(piece) == 4096:
                yield piece
                piece = []
        if piece:
            yield piece

    def body() -> dict:
        return {
            "dry_run": result.dry_run,
            "batch": result.batch,
            "goals": [status_dict(s) for s in result.standings],
            "entries": Chunks(records),  # last: a long list is written as it comes
        }

    def lines() -> tuple[str, ...]:
        new = result.new
        if len(new) == 1:
            key = "log.would_log_one" if result.dry_run else "log.logged_one"
            first = say(key, lang, id=new[0].id, goal=new[0].goal, date=new[0].date)
        else:
            key = "log.would_log_many" if result.dry_run else "log.logged_many"
            first = say(key, lang, count=len(new), goals=len(result.standings))
        standings = (
            say(
                "log.standing",
                lang,
                goal=status.goal.id,
                value=value_text(status, lang),
                percent=percent(status.progress),
                state=state_text(status.state, lang),
            )
            for status in result.standings
        )
        return (first, *standings)

    return Report("tracker.log/3", result.today, body, text=lines)


def retract_report(result: WriteResult, *, target: Entry, lang: str) -> Report:
    def body() -> dict:
        return {"dry_run": result.dry_run, "entries": [entry_to_record(e) for e in result.new]}

    def lines() -> tuple[str, ...]:
        key = "retract.would_retract" if result.dry_run else "retract.retracted"
        retraction = result.new[0]
        return (
            say(key, lang, id=target.id, goal=target.goal, date=target.date, new=retraction.id),
        )

    return Report("tracker.retract/1", result.today, body, text=lines)


def retract_preview(plan: Plan, target: Entry, *, lang: str) -> tuple[str, ...]:
    """The entry `retract` is about to cancel, in full, so the person confirming
    sees which one it is (a short prefix can name the wrong one)."""
    goal = plan.goal(target.goal)
    title = title_of(goal, lang) if goal is not None else ""
    return (
        say("retract.preview", lang, id=target.id),
        say("retract.preview_goal", lang, goal=target.goal, title=title),
        say("retract.preview_date", lang, date=target.date),
        say("retract.preview_value", lang, value=entry_change(target, lang)),
        say("retract.preview_note", lang, note=target.note or "—"),
        say("retract.preview_by", lang, by=target.by or "—", recorded_at=target.recorded_at),
    )
