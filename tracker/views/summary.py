"""`tracker summary`: the weekly digest as one Report — its JSON document,
text/Markdown blocks and HTML page data — all from one engine Summary."""

from __future__ import annotations

from tracker.engine.history import chart_points
from tracker.engine.summary import GoalActivity, Summary
from tracker.model import Goal, GoalStatus, Kind, Op
from tracker.numbers import grouped, plain_number
from tracker.views.common import (
    STATE_MARK,
    STATE_ORDER,
    percent,
    status_dict,
    title_of,
)
from tracker.views.model import Cell, Chart, Column, Table
from tracker.views.phrases import (
    done_or_not,
    forecast_sentence,
    schedule_text,
    state_name,
    state_text,
    update_text,
    value_text,
)
from tracker.views.report import Report
from tracker.views.status import counts_line
from tracker.words import say


def period_text(summary: Summary, week: str | None) -> str:
    text = f"{summary.since} – {summary.until}"
    return f"{text} ({week})" if week else text


def change_text(activity: GoalActivity, lang: str) -> str:
    goal = activity.goal
    note_only = say("summary.note_only", lang)
    if all(e.op is Op.CHECKIN for e in activity.entries):
        return note_only
    unit = f" {goal.unit}" if goal.unit else ""
    if goal.kind is Kind.CHECKLIST:
        return ("✔ " + "、".join(activity.items_done)) if activity.items_done else note_only
    if goal.kind is Kind.MILESTONE:
        if activity.after and not activity.before:
            return done_or_not(True, lang)
        return note_only
    change = activity.net_change
    if change is None:
        return note_only
    sign = "+" if change >= 0 else "−"
    return f"{sign}{grouped(abs(change))}{unit}"


def summary_report(summary: Summary, *, week: str | None, lang: str) -> Report:
    """The digest: JSON, text/Markdown blocks, and the HTML page."""
    return Report(
        "tracker.summary/1",
        summary.until,
        lambda: summary_body(summary, week=week, lang=lang),
        tables=lambda: summary_blocks(summary, week=week, lang=lang),
        template="summary.html.j2",
        page=lambda: html_context(summary, week=week, lang=lang),
    )


def summary_body(summary: Summary, *, week: str | None, lang: str) -> dict:
    plan = summary.plan
    return {
        "period": {
            "since": summary.since.isoformat(),
            "until": summary.until.isoformat(),
            "week": week,
        },
        "plan": {"id": plan.id, "title": plan.title, "title_en": plan.title_en},
        "quiet": summary.quiet,
        "counts": summary.counts,
        "counts_before": summary.counts_before,
        "counts_change": {k: summary.counts[k] - summary.counts_before[k] for k in summary.counts},
        "activity": [
            {
                "id": a.goal.id,
                "title": a.goal.title,
                "title_en": a.goal.title_en,
                "kind": a.goal.kind.value,
                "unit": a.goal.unit,
                "entries": len(a.entries),
                "before": plain_number(a.before),
                "after": plain_number(a.after),
                "net_change": plain_number(a.net_change),
                "items_done": list(a.items_done),
                "by": list(a.by),
                "notes": [e.note for e in a.entries if e.note],
            }
            for a in summary.activity
        ],
        "state_changes": [
            {
                "id": c.status.goal.id,
                "title": c.status.goal.title,
                "from": c.before.value,
                "to": c.status.state.value,
            }
            for c in summary.changes
        ],
        "due_soon": [status_dict(s) for s in summary.due_soon],
        "stale": [status_dict(s) for s in summary.stale],
        "off_track": [
            dict(status_dict(s), forecast_text=forecast_sentence(s, lang))
            for s in summary.off_track
        ],
    }


def summary_blocks(summary: Summary, *, week: str | None, lang: str) -> tuple[Table, ...]:
    """The digest as a list of small tables, for text and Markdown."""

    def word(key: str) -> str:
        return say(key, lang)

    def section(name: str, empty: str, columns: tuple, rows) -> Table:
        return Table(
            columns, tuple(rows), title=word(f"summary.{name}"), empty_text=word(f"summary.{empty}")
        )

    head = Table(
        (),
        title=f"{title_of(summary.plan, lang)} · {word('summary.title')}",
        header_lines=(
            f"{word('summary.period')}: {period_text(summary, week)}",
            f"{word('summary.states')}: "
            + counts_line(summary.counts, lang, summary.counts_before),
        ),
    )
    activity = section(
        "activity",
        "quiet",
        (
            *_lead(lang),
            Column("change", word("summary.change"), align="right"),
            Column("now", word("summary.now"), align="right"),
            Column("by", word("summary.by"), drop=7),
            Column("notes", word("summary.notes"), shrink=9, drop=8),
        ),
        (
            (
                *_named(a.goal, lang),
                Cell(change_text(a, lang), "good"),
                Cell(_now(a, lang)),
                Cell("、".join(a.by)),
                Cell("; ".join(e.note for e in a.entries if e.note)),
            )
            for a in summary.activity
        ),
    )
    changes = section(
        "changes",
        "no_changes",
        (
            *_lead(lang),
            Column("from", word("summary.from")),
            Column("to", word("summary.to")),
        ),
        (
            (
                *_named(c.status.goal, lang),
                Cell(state_text(c.before, lang), c.before.value),
                Cell(state_text(c.status.state, lang), c.status.state.value),
            )
            for c in summary.changes
        ),
    )
    due = section(
        "due",
        "no_due",
        (
            *_lead(lang),
            Column("deadline", word("column.deadline")),
            Column("days", word("column.days"), align="right"),
            Column("progress", word("column.progress"), align="right"),
        ),
        (
            (
                *_named(s.goal, lang),
                Cell(str(s.goal.deadline)),
                Cell(say("days.short", lang, days=s.days_left), "warn"),
                Cell(percent(s.progress)),
            )
            for s in summary.due_soon
        ),
    )
    stale = section(
        "stale",
        "no_stale",
        (
            *_lead(lang),
            Column("last", word("summary.last")),
            Column("every", word("summary.every")),
        ),
        (
            (
                *_named(s.goal, lang),
                Cell(str(s.last_entry or "—")),
                Cell(update_text(s.goal, lang)),
            )
            for s in summary.stale
        ),
    )
    off = section(
        "off",
        "no_off",
        (
            *_lead(lang),
            Column("progress", word("column.progress"), align="right"),
            Column("schedule", word("summary.schedule"), align="right"),
            Column("forecast", word("summary.forecast"), shrink=7, drop=5),
        ),
        (
            (
                *_named(s.goal, lang),
                Cell(f"{value_text(s, lang)} ({percent(s.progress)} / {percent(s.expected)})"),
                Cell(schedule_text(s, lang), "bad"),
                Cell(forecast_sentence(s, lang)),
            )
            for s in summary.off_track
        ),
    )
    return (head, activity, changes, due, stale, off)


def _lead(lang: str) -> tuple[Column, Column]:
    """A digest section's first columns: the goal's id, then its title. Narrow,
    the id is cut and then dropped before the title is cut below 16 cells; a
    section's own columns give way (numbers 7 and up) before either."""
    return (
        Column("id", say("summary.goal", lang), shrink=6, min_width=12, drop=3),
        Column("title", "", shrink=4, min_width=16),
    )


def _named(goal: Goal, lang: str) -> tuple[Cell, Cell]:
    """A goal's cells under `_lead`'s columns."""
    return Cell(goal.id), Cell(title_of(goal, lang))


def _now(activity: GoalActivity, lang: str) -> str:
    goal = activity.goal
    if goal.kind is Kind.CHECKLIST:
        return f"{grouped(activity.after)}/{len(goal.items)}"
    if goal.kind is Kind.MILESTONE:
        return done_or_not(bool(activity.after), lang)
    unit = f" {goal.unit}" if goal.unit else ""
    return f"{grouped(activity.after)}/{grouped(goal.target)}{unit}"


def off_track_chart(summary: Summary, status: GoalStatus) -> Chart:
    """Actual against trajectory for one off-track goal, up to the period's end."""
    days, expected, actual = chart_points(
        status.goal, summary.series[status.goal.id], as_of=summary.until, columns=53
    )
    return Chart(tuple(days), tuple(expected), tuple(actual), today=summary.until)


def html_context(summary: Summary, *, week: str | None, lang: str) -> dict:
    blocks = summary_blocks(summary, week=week, lang=lang)
    off_charts = [
        {
            "id": s.goal.id,
            "title": title_of(s.goal, lang),
            "value": value_text(s, lang),
            "progress": percent(s.progress),
            "expected": percent(s.expected),
            "schedule": schedule_text(s, lang),
            "forecast": forecast_sentence(s, lang),
            "chart": off_track_chart(summary, s),
        }
        for s in summary.off_track
    ]
    return {
        "labels": {k: say(f"summary.{k}", lang) for k in ("off", "no_off", "trajectory", "actual")},
        "html_lang": say("html.lang", lang),
        "head": blocks[0],
        "sections": blocks[1:5],
        "off_track": off_charts,
        "counts": [
            (
                STATE_MARK[s],
                s.value,
                state_name(s, lang),
                summary.counts[s.value],
                summary.counts[s.value] - summary.counts_before[s.value],
            )
            for s in STATE_ORDER
        ],
    }
