"""`tracker log` and `tracker retract`: what was (or would be) written, and where
the goals it touched now stand."""

from __future__ import annotations

from collections.abc import Iterator

from tracker.model import Entry, Plan, WriteResult, entry_to_record
from tracker.views.common import entry_change, percent, status_dict, title_of
from tracker.views.model import Chunks
from tracker.views.phrases import state_text, value_text, verification_flags
from tracker.views.report import Report
from tracker.words import Joined, say


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
                state=say("list.comma", lang).join(
                    (state_text(status.state, lang), *verification_flags(status, lang))
                ),
            )
            for status in result.standings
        )
        return (first, *standings)

    return Report("tracker.log/3", result.today, body, text=lines)


def _lines_about_body(result: WriteResult):
    """The JSON of a write of lines about an entry: whether a dry run, the lines."""
    return lambda: {"dry_run": result.dry_run, "entries": [entry_to_record(e) for e in result.new]}


def retract_report(result: WriteResult, *, target: Entry, lang: str) -> Report:
    def lines() -> tuple[str, ...]:
        key = "retract.would_retract" if result.dry_run else "retract.retracted"
        retraction = result.new[0]
        return (
            say(key, lang, id=target.id, goal=target.goal, date=target.date, new=retraction.id),
        )

    return Report("tracker.retract/1", result.today, _lines_about_body(result), text=lines)


def attach_report(result: WriteResult, *, target: Entry, lang: str) -> Report:
    def lines() -> tuple[str, ...]:
        key = "attach.would_attach" if result.dry_run else "attach.attached"
        attachment = result.new[0]
        names = Joined(tuple(e.name for e in attachment.evidence))
        return (
            say(key, lang, id=target.id, goal=target.goal, date=target.date,
                count=len(attachment.evidence), names=names, new=attachment.id),
        )  # fmt: skip

    return Report("tracker.attach/1", result.today, _lines_about_body(result), text=lines)


def verify_report(
    result: WriteResult, *, targets: list[Entry], lang: str, plan: Plan | None = None
) -> Report:
    """Each verdict given (or, in a dry run, that would be), one line each."""

    def body() -> dict:
        return {"dry_run": result.dry_run, "batch": result.batch,
                "entries": [entry_to_record(e) for e in result.new]}  # fmt: skip

    def lines() -> tuple[str, ...]:
        out = []
        for target, verdict in zip(targets, result.new, strict=True):
            key = f"verify.{'would_' if result.dry_run else ''}{verdict.verdict}"
            out.append(say(key, lang, id=target.id, goal=target.goal, date=target.date,
                           value=entry_change(target, lang, plan), office=verdict.office,
                           reason=verdict.reason))  # fmt: skip
        return tuple(out)

    return Report("tracker.verify/1", result.today, body, text=lines)


def retract_preview(plan: Plan, target: Entry, *, lang: str) -> tuple[str, ...]:
    """The entry `retract` is about to cancel, in full, so the person confirming
    sees which one it is (a short prefix can name the wrong one)."""
    goal = plan.goal(target.goal)
    title = title_of(goal, lang) if goal is not None else ""
    return (
        say("retract.preview", lang, id=target.id),
        say("retract.preview_goal", lang, goal=target.goal, title=title),
        say("retract.preview_date", lang, date=target.date),
        say("retract.preview_value", lang, value=entry_change(target, lang, plan)),
        say("retract.preview_note", lang, note=target.note or "—"),
        say("retract.preview_by", lang, by=target.by or "—", recorded_at=target.recorded_at),
    )
