"""`tracker summary`: the weekly digest as one Report — its JSON document,
text/Markdown blocks, HTML page and mail subject — all from one engine Summary.

It reads as a leader would: what needs a decision first, then how each
responsible office (责任单位) stands, then what changed in the period."""

from __future__ import annotations

import datetime as dt

from tracker.engine.history import chart_days, chart_fractions
from tracker.engine.offices import OfficeStanding
from tracker.engine.summary import Attention, GoalActivity, Summary
from tracker.kinds import kind_of
from tracker.model import Condition, Goal, GoalStatus, Op
from tracker.numbers import grouped, plain_number
from tracker.views.common import (
    STATE_MARK,
    STATE_ORDER,
    office_text,
    percent,
    revision_dict,
    status_dict,
    title_of,
)
from tracker.views.model import Cell, Chart, Column, Sheet, Table
from tracker.views.phrases import (
    condition_name,
    forecast_sentence,
    plan_ended_line,
    revision_text,
    schedule_text,
    state_name,
    state_text,
    update_text,
    value_text,
)
from tracker.views.report import Report
from tracker.views.sheets import flat_status, record_sheet
from tracker.views.status import counts_line
from tracker.words import say

SCHEMA = "tracker.summary/3"


def period_text(summary: Summary, week: str | None) -> str:
    text = f"{summary.since} – {summary.until}"
    return f"{text} ({week})" if week else text


def summary_subject(summary: Summary, *, week: str | None, lang: str) -> str:
    """The mail's subject: '石峰区2020年工作目标周报 2020-W23' (and the office)."""
    period = week or f"{summary.since} – {summary.until}"
    plan = title_of(summary.plan, lang)
    if summary.office:
        return say("email.subject_office", lang, plan=plan, period=period, office=summary.office)
    return say("email.subject", lang, plan=plan, period=period)


def change_text(activity: GoalActivity, lang: str) -> str:
    """What the period's entries did, as the goal's kind says it (+200 人, ✔ 长石),
    and the retractions dated in it (撤销 8ea3c1d2)."""
    goal = activity.goal
    note_only = say("summary.note_only", lang)
    retracted = [say("change.retracts", lang, id=r.retracts[:8]) for r in activity.retractions]
    if all(e.op is Op.CHECKIN for e in activity.entries):
        text = note_only if activity.entries or not retracted else None
    else:
        text = kind_of(goal).change_text(
            goal, activity.before, activity.after, activity.items_done, lang
        )
        text = note_only if text is None else text
    return say("list.semicolon", lang).join(x for x in (text, *retracted) if x)


def summary_report(summary: Summary, *, week: str | None, lang: str) -> Report:
    """The digest: JSON, text/Markdown blocks, and the HTML page. Each form is
    built once however many use it (a mail has both the text and the page)."""
    from functools import cache

    body = cache(lambda: summary_body(summary, week=week, lang=lang))
    blocks = cache(lambda: summary_blocks(summary, week=week, lang=lang))
    return Report(
        SCHEMA,
        summary.until,
        body,
        tables=blocks,
        template="summary.html.j2",
        page=lambda: html_context(summary, blocks(), lang=lang),
        sheets=lambda: summary_sheets(summary, body(), lang=lang),
    )


# The digest's sections as sheets: which fields of the JSON document each shows.
_STATUS_FIELDS = ("id", "title", "title_en", "owner", "state", "progress", "expected",
                  "current", "target", "unit", "deadline", "days_left", "last_entry")  # fmt: skip
OFFICE_FIELDS = ("office", "held", "done", "on_schedule", "behind", "overdue", "stale",
                 "worst_delay_days")  # fmt: skip
SHEETS = (
    ("attention", "attention", ("condition", *_STATUS_FIELDS, "delay_days", "gap",
                                "schedule_days", "forecast_completion_date",
                                "forecast_days_late", "forecast_text")),
    ("activity", "activity", ("id", "title", "title_en", "kind", "unit", "entries", "before",
                              "after", "net_change", "items_done", "by", "notes")),
    ("changes", "state_changes", ("id", "title", "from", "to")),
    ("due", "due_soon", _STATUS_FIELDS),
    ("stale", "stale", (*_STATUS_FIELDS, "every")),
)  # fmt: skip


def summary_sheets(summary: Summary, body: dict, *, lang: str) -> tuple[Sheet, ...]:
    """The digest as a workbook: an overview of counts per state, then one sheet
    per section, from the same records as its JSON (`body`)."""
    overview = [
        {
            "state": s.value,
            "count": body["counts"][s.value],
            "count_before": body["counts_before"][s.value],
            "count_change": body["counts_change"][s.value],
        }
        for s in STATE_ORDER
    ]
    stale_every = {s.goal.id: update_text(s.goal, lang) for s in summary.stale}
    sheets = [
        record_sheet(
            say("sheet.overview", lang), overview, ("state", "count", "count_before",
                                                    "count_change"), lang
        )
    ]  # fmt: skip
    for name, key, fields in SHEETS:
        if name == "activity":  # after what needs attention, the offices
            offices = say("summary.offices", lang)
            sheets.append(record_sheet(offices, body["offices"], OFFICE_FIELDS, lang))
        records = [dict(flat_status(r), every=stale_every.get(r["id"])) for r in body[key]]
        sheets.append(record_sheet(say(f"summary.{name}", lang), records, fields, lang))
    return tuple(sheets)


# ── JSON ─────────────────────────────────────────────────────────────────────


def summary_body(summary: Summary, *, week: str | None, lang: str) -> dict:
    plan = summary.plan
    return {
        "period": {
            "since": summary.since.isoformat(),
            "until": summary.until.isoformat(),
            "week": week,
        },
        "plan": {
            "id": plan.id,
            "title": plan.title,
            "title_en": plan.title_en,
            "start": plan.start.isoformat(),
            "end": plan.end.isoformat(),
        },
        "office": summary.office,
        "plan_ended": summary.plan_ended,
        "unknown_references": list(summary.unknown),
        "quiet": summary.quiet,
        "counts": summary.counts,
        "counts_before": summary.counts_before,
        "counts_change": {k: summary.counts[k] - summary.counts_before[k] for k in summary.counts},
        "attention": [
            dict(
                status_dict(a.status),
                condition=a.condition.value,
                delay_days=a.delay_days,
                gap=plain_number(a.gap),
                forecast_text=forecast_sentence(a.status, lang),
            )
            for a in summary.attention
        ],
        "offices": [
            {
                "office": o.office,
                "held": o.held,
                "leads": o.leads,
                "done": o.done,
                "on_schedule": o.on_schedule,
                "behind": o.behind,
                "overdue": o.overdue,
                "stale": len(o.stale),
                "worst_delay_days": o.worst_delay,
                "goals": [s.goal.id for s in o.goals],
                "stale_goals": [s.goal.id for s in o.stale],
            }
            for o in summary.offices
        ],
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
                "retractions": [
                    {
                        "id": r.id,
                        "retracts": r.retracts,
                        "date": r.date.isoformat(),
                        "reason": r.reason,
                        "by": r.by,
                    }
                    for r in a.retractions
                ],  # fmt: skip
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
        "revisions": [
            dict(
                revision_dict(g, summary.until),
                id=g.id,
                title=g.title,
                target=plain_number(g.target),
                deadline=g.deadline.isoformat(),
            )
            for g in revised_goals(summary)
        ],  # fmt: skip
    }


# ── the standing of one goal that needs attention, in words ──────────────────


def condition_text(attention: Attention, lang: str) -> str:
    """A mark and a word; a forecast-late goal has no state mark of its own."""
    if attention.condition is Condition.LATE:
        return condition_name(attention.condition, lang)
    return state_text(attention.status.state, lang)


def behind_text(attention: Attention, lang: str) -> str:
    """How far behind in days, by the condition's own measure; a goal whose
    kind measures its own delay (a missed stage or item deadline, a reading
    that fell short) by that, unless it is overdue (then: days past the deadline)."""
    status = attention.status
    days = attention.delay_days
    if attention.condition is Condition.OVERDUE:
        return say("days.overdue", lang, days=max(0, -status.days_left))
    if attention.condition is Condition.LATE:
        return say("attention.late_days", lang, days=days)
    if kind_of(status.goal).measures_delay(status.goal):
        return say("schedule.behind", lang, days=days) if days else ""
    return schedule_text(status, lang)


def gap_text(attention: Attention, lang: str) -> str:
    """How far behind in value: 'short by 1,500 人' (or what is missing)."""
    status = attention.status
    goal = status.goal
    if kind_of(goal).binary:
        return ""  # done or not (a milestone): its value already says it is not done
    if attention.gap is None:
        return say("gap.no_reading", lang)
    if attention.gap <= 0:
        return ""
    unit = kind_of(goal).unit_text(goal, lang)
    value = f"{grouped(attention.gap)}{' ' + unit if unit else ''}"
    return say("gap.short", lang, value=value)


def projection_text(status: GoalStatus, lang: str) -> str:
    """The forecast sentence where there can be one (count and level goals)."""
    if not kind_of(status.goal).forecasts:
        return ""
    return forecast_sentence(status, lang)


# ── text and Markdown ────────────────────────────────────────────────────────


def summary_blocks(summary: Summary, *, week: str | None, lang: str) -> tuple[Table, ...]:
    """The digest as a list of small tables, for text and Markdown: the head,
    what needs attention, the offices, then what changed."""

    def word(key: str) -> str:
        return say(key, lang)

    def section(name: str, empty: str, columns: tuple, rows, **more) -> Table:
        return Table(
            columns,
            tuple(rows),
            title=word(f"summary.{name}"),
            empty_text=word(f"summary.{empty}"),
            **more,
        )

    attention = section(
        "attention",
        "no_attention",
        (
            # The title is what a leader reads: other columns give way first.
            Column("title", word("summary.goal")),
            Column("office", word("office.name"), drop=2),
            Column("condition", word("attention.condition")),
            Column("behind", word("attention.behind"), align="right"),
            Column("value", word("attention.value"), align="right", drop=4),
            Column("gap", word("attention.gap"), align="right", drop=3),
            Column("forecast", word("attention.forecast"), shrink=True, drop=5),
            Column("id", word("column.id"), drop=6),
        ),
        (
            (
                Cell(title_of(a.status.goal, lang)),
                Cell(office_text(a.status.goal, lang)),
                Cell(condition_text(a, lang), _style(a)),
                Cell(behind_text(a, lang), "bad"),
                Cell(value_text(a.status, lang)),
                Cell(gap_text(a, lang)),
                Cell(projection_text(a.status, lang)),
                Cell(a.status.goal.id, "dim"),
            )
            for a in summary.attention
        ),
    )
    offices = Table(
        office_columns(lang),
        tuple(office_rows(summary.offices, summary.total, lang)),
        title=word("summary.offices"),
        empty_text=word("table.empty"),
        footer_lines=() if summary.office else (word("office.stale_hint"),),
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
            Column("office", word("office.name"), drop=3),
            Column("deadline", word("column.deadline")),
            Column("days", word("column.days"), align="right"),
            Column("progress", word("column.progress"), align="right"),
        ),
        (
            (
                *_named(s.goal, lang),
                Cell(office_text(s.goal, lang)),
                Cell(str(s.goal.deadline)),
                Cell(say("days.left", lang, days=s.days_left), "warn"),
                Cell(percent(s.progress)),
            )
            for s in summary.due_soon
        ),
    )
    blocks = [head_block(summary, week=week, lang=lang), attention, offices, activity]
    blocks += [changes, due]
    revised = revised_goals(summary)
    if revised:  # original and revised values side by side, with the reason
        blocks.append(
            section(
                "revisions",
                "no_revisions",
                (*_lead(lang), Column("revision", word("show.revision"), shrink=5)),
                ((*_named(g, lang), Cell(revision_text(g, summary.until, lang))) for g in revised),
            )
        )
    if summary.office:  # an office's own digest lists its unreported goals one by one
        blocks.append(
            section(
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
        )
    return tuple(blocks)


def head_block(summary: Summary, *, week: str | None, lang: str) -> Table:
    lines = [
        f"{say('summary.period', lang)}: {period_text(summary, week)}",
        f"{say('summary.states', lang)}: "
        + counts_line(summary.counts, lang, summary.counts_before),
    ]
    notice = notice_line(summary, lang)
    if notice:
        lines.append(notice)
    return Table((), title=digest_title(summary, lang), header_lines=tuple(lines))


def digest_title(summary: Summary, lang: str) -> str:
    title = f"{title_of(summary.plan, lang)} · {say('summary.title', lang)}"
    return f"{title} · {summary.office}" if summary.office else title


def notice_line(summary: Summary, lang: str) -> str:
    """What a reader must know before the figures: the plan has ended, or entries
    name goals or items the plan no longer has (their progress does not count)."""
    lines = []
    if summary.plan_ended:
        lines.append(
            plan_ended_line(summary.plan, summary.until, command="tracker summary", lang=lang)
        )
    if summary.unknown:
        lines.append(
            say("unknown_references", lang, count=len(summary.unknown), example=summary.unknown[0])
        )
    return " ".join(lines)


def office_columns(lang: str) -> tuple[Column, ...]:
    def num(key: str, drop: int = 0) -> Column:
        return Column(key, say(f"office.{key}", lang), align="right", drop=drop)

    return (
        Column("office", say("office.name", lang), shrink=True),
        num("held", 5),
        num("done", 4),
        num("on_schedule", 3),
        num("behind"),
        num("overdue"),
        num("stale"),
        num("worst", 2),
    )


def office_rows(
    offices: tuple[OfficeStanding, ...], total: OfficeStanding, lang: str
) -> list[tuple[Cell, ...]]:
    """One row per office, most in need first, and when there are several a
    total that counts each goal once (a shared goal is in several rows)."""

    def n(value: int, style: str) -> Cell:
        return Cell(str(value), style if value else "dim")

    def worst(days: int) -> Cell:
        if not days:
            return Cell("—", "dim")
        return Cell(say("office.worst_days", lang, days=days), "bad")

    rows = [
        (
            Cell(o.office),
            Cell(str(o.held)),
            n(o.done, "done"),
            n(o.on_schedule, "on_track"),
            n(o.behind, "off_track"),
            n(o.overdue, "overdue"),
            n(len(o.stale), "warn"),
            worst(o.worst_delay),
        )
        for o in offices
    ]
    if len(offices) > 1:
        rows.append(
            (
                Cell(say("office.total", lang), "title"),
                *(
                    Cell(str(n), "title")
                    for n in (
                        total.held,
                        total.done,
                        total.on_schedule,
                        total.behind,
                        total.overdue,
                        len(total.stale),
                    )
                ),  # fmt: skip
                worst(total.worst_delay),
            )
        )
    return rows


def _style(attention: Attention) -> str:
    if attention.condition is Condition.LATE:
        return "bad"
    return attention.status.state.value


def _lead(lang: str) -> tuple[Column, Column]:
    """A digest section's first columns: the goal's Chinese title (in the
    digest's language), then its id. Narrow, the id is cut and then dropped
    before the title is cut below 16 cells; a section's own columns give way
    (numbers 7 and up) before either."""
    return (
        Column("title", say("summary.goal", lang), shrink=4, min_width=16),
        Column("id", say("column.id", lang), shrink=6, min_width=12, drop=3),
    )


def _named(goal: Goal, lang: str) -> tuple[Cell, Cell]:
    """A goal's cells under `_lead`'s columns."""
    return Cell(title_of(goal, lang)), Cell(goal.id, "dim")


def _now(activity: GoalActivity, lang: str) -> str:
    return kind_of(activity.goal).value_text(activity.goal, activity.after, lang)


# ── HTML ─────────────────────────────────────────────────────────────────────


def goal_chart(summary: Summary, status: GoalStatus, lang: str) -> Chart | None:
    """Actual against trajectory up to the period's end, with its scale in the
    goal's units; None for a milestone (done or not: nothing to draw)."""
    goal = status.goal
    kind = kind_of(goal)
    if kind.binary:
        return None
    series = summary.series[goal.id]
    sampled = chart_days(goal, as_of=summary.until, columns=53)
    first, last = sampled[0], sampled[-1]
    # Evenly sampled days, plus each reading and the day before it (so a step
    # is drawn as a step), plus the report's date: a single reading shows.
    readings = tuple(d for d in series.days if first <= d <= min(last, summary.until))
    extra = {summary.until} | set(readings) | {d - dt.timedelta(days=1) for d in readings}
    days = sorted({*sampled, *(d for d in extra if first <= d <= last)})
    expected, actual = chart_fractions(goal, series, days, as_of=summary.until)
    unit = kind.unit_text(goal, lang)
    size = kind.full_target(goal)
    if kind.takes("items") and size <= 4:  # a few items: one tick each
        ticks = tuple((i / size, str(i)) for i in range(int(size) + 1))
    else:
        ticks = tuple((f, grouped(kind.value_at(goal, f))) for f in (0.0, 0.5, 1.0))
    target = grouped(kind.value_at(goal, 1.0))
    return Chart(
        tuple(days),
        tuple(expected),
        tuple(actual),
        today=summary.until,
        ticks=ticks,
        target_label=say("chart.target", lang, value=f"{target} {unit}".strip()),
        today_label=say("chart.as_of", lang, date=summary.until.isoformat()),
        unit_label=say("chart.unit", lang, unit=unit) if unit else "",
        empty_label=say("chart.no_reading", lang),
        readings=readings,
    )


def html_context(summary: Summary, blocks: tuple[Table, ...], *, lang: str) -> dict:
    by_name = dict(zip(("head", "attention", "offices"), blocks))
    attention = [
        {
            "id": a.status.goal.id,
            "title": title_of(a.status.goal, lang),
            "office": office_text(a.status.goal, lang),
            "condition": condition_text(a, lang),
            "style": _style(a),
            "behind": behind_text(a, lang),
            "value": value_text(a.status, lang),
            "progress": percent(a.status.progress),
            "expected": percent(a.status.expected),
            "gap": gap_text(a, lang),
            "forecast": projection_text(a.status, lang),
            "chart": goal_chart(summary, a.status, lang),
        }
        for a in summary.attention
    ]
    return {
        "labels": {
            "attention": say("summary.attention", lang),
            "no_attention": say("summary.no_attention", lang),
            "trajectory": say("summary.trajectory", lang),
            "actual": say("summary.actual", lang),
            "expected": say("column.expected", lang),
        },
        "html_lang": say("html.lang", lang),
        "title": digest_title(summary, lang),
        "period": by_name["head"].header_lines[0],
        "notice": notice_line(summary, lang),
        "attention": attention,
        "offices": by_name["offices"],
        "sections": blocks[3:],
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


def revised_goals(summary: Summary) -> list:
    """The goals of the digest with a revision in force at its end, as revised."""
    goals = (g.as_of(summary.until) for g in summary.plan.goals)
    return [g for g in goals if g.revision_on(summary.until) and g.revised_from is not None]
