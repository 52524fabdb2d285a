"""The weekly digest built once: a `Digest` of sections and rows, each row both
the record the JSON document and the workbook hold and the same row in the
reader's words. Every form of `tracker summary` is drawn from it
(views/summary.py), so no two forms can measure a goal differently.

It reads as a leader would: what needs a decision first, then how each
responsible office (责任单位) stands, then what changed in the period."""

from __future__ import annotations

from typing import NamedTuple

from tracker.engine.offices import OfficeStanding
from tracker.engine.summary import Attention, GoalActivity, Summary
from tracker.kinds import kind_of
from tracker.model import Condition, Goal, Op, Plan, State
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
from tracker.views.model import Cell, Column, Table
from tracker.views.phrases import (
    condition_name,
    forecast_sentence,
    plan_ended,
    revision_text,
    schedule_text,
    state_name,
    state_text,
    update_text,
    value_text,
)
from tracker.views.status import counts_line
from tracker.words import say

# ── the structure ────────────────────────────────────────────────────────────


class Count(NamedTuple):
    """How many goals stand in one state at the period's end, and on its eve."""

    state: State
    mark: str
    name: str  # the state's word in the reader's language
    now: int
    before: int

    @property
    def change(self) -> int:
        return self.now - self.before


class Row(NamedTuple):
    """One row of a section: its record — SPEC's identifiers and plain numbers,
    as the JSON document and the workbook hold it — and the same row in words,
    a cell per column key, as text, Markdown and the page show it."""

    record: dict
    cells: dict[str, Cell]


class Part(NamedTuple):
    """One section of the digest: its title and columns in words, its rows, and
    what to say when it has none. The JSON document and the workbook have every
    section; the text and the page show those `shown`."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    empty_text: str
    footer_lines: tuple[str, ...] = ()
    total: tuple[Cell, ...] = ()  # a last row adding the others up (the offices)
    shown: bool = True

    @property
    def records(self) -> list[dict]:
        return [row.record for row in self.rows]

    def table(self) -> Table:
        """The section as a table of cells, its total row last."""
        rows = tuple(tuple(row.cells[c.key] for c in self.columns) for row in self.rows)
        return Table(
            self.columns,
            rows + ((self.total,) if self.total else ()),
            title=self.title,
            empty_text=self.empty_text,
            footer_lines=self.footer_lines,
        )


class Digest(NamedTuple):
    """The digest of one period, for the whole plan or one office, in one
    language: its head (title, period, counts per state, what a reader must
    know first) and its sections. A NamedTuple, as every view-model record
    here: a frozen dataclass costs `summary` a millisecond to define."""

    summary: Summary  # the facts it words: plan, period, office, series
    lang: str
    week: str | None  # the period's name when it is exactly one ISO week
    title: str
    subject: str  # a mail's subject line
    period_line: str
    states_line: str
    notice: str  # the plan has ended, or entries name what the plan no longer has
    counts: tuple[Count, ...]  # most urgent state first
    attention: Part
    offices: Part
    activity: Part
    changes: Part
    due: Part
    stale: Part
    revisions: Part

    @property
    def sections(self) -> tuple[Part, ...]:
        """What the text and the page show after the offices, in order."""
        parts = (self.activity, self.changes, self.due, self.revisions, self.stale)
        return tuple(part for part in parts if part.shown)


# ── building it ──────────────────────────────────────────────────────────────


def build_digest(summary: Summary, *, week: str | None, lang: str) -> Digest:
    """The digest of `summary` in `lang`: every row built once, from the goal
    as defined at the period's end."""
    return Digest(
        summary=summary,
        lang=lang,
        week=week,
        title=digest_title(summary, lang),
        subject=summary_subject(summary, week=week, lang=lang),
        period_line=f"{say('summary.period', lang)}: {period_text(summary, week)}",
        states_line=f"{say('summary.states', lang)}: "
        + counts_line(summary.counts, lang, summary.counts_before),
        notice=notice_line(summary, lang),
        counts=tuple(
            Count(
                s,
                STATE_MARK[s],
                state_name(s, lang),
                summary.counts[s.value],
                summary.counts_before[s.value],
            )
            for s in STATE_ORDER
        ),
        attention=attention_part(summary, lang),
        offices=offices_part(summary, lang),
        activity=activity_part(summary, lang),
        changes=changes_part(summary, lang),
        due=due_part(summary, lang),
        stale=stale_part(summary, lang),
        revisions=revisions_part(summary, lang),
    )


def attention_part(summary: Summary, lang: str) -> Part:
    """Goals that need a decision, most serious first."""
    columns = (
        # The title is what a leader reads: other columns give way first.
        Column("title", say("summary.goal", lang)),
        Column("office", say("office.name", lang), drop=2),
        Column("condition", say("attention.condition", lang)),
        Column("behind", say("attention.behind", lang), align="right"),
        Column("value", say("attention.value", lang), align="right", drop=4),
        Column("gap", say("attention.gap", lang), align="right", drop=3),
        Column("forecast", say("attention.forecast", lang), shrink=True, drop=5),
        Column("id", say("column.id", lang), drop=6),
    )
    rows = tuple(_attention_row(a, lang, summary.plan) for a in summary.attention)
    return _part("attention", "no_attention", lang, columns, rows)


def _attention_row(attention: Attention, lang: str, plan: Plan) -> Row:
    status = attention.status
    forecast = forecast_sentence(status, lang)
    record = dict(
        status_dict(status),
        condition=attention.condition.value,
        delay_days=attention.delay_days,
        gap=plain_number(attention.gap),
        forecast_text=forecast,
    )
    return Row(
        record,
        {
            "title": Cell(title_of(status.goal, lang)),
            "office": Cell(office_text(status.goal, lang, plan)),
            "condition": Cell(condition_text(attention, lang), _style(attention)),
            "behind": Cell(behind_text(attention, lang), "bad"),
            "value": Cell(value_text(status, lang)),
            "gap": Cell(gap_text(attention, lang)),
            # The table's forecast is for goals that can have one (count, level).
            "forecast": Cell(forecast if kind_of(status.goal).forecasts else ""),
            "id": Cell(status.goal.id, "dim"),
            # Shown on the page's cards, beside the value.
            "progress": Cell(percent(status.progress)),
            "expected": Cell(percent(status.expected)),
        },
    )


def offices_part(summary: Summary, lang: str) -> Part:
    """One row per office, most in need first, and a total when there are several."""
    return Part(
        say("summary.offices", lang),
        office_columns(lang),
        tuple(_office_row(o, lang) for o in summary.offices),
        say("table.empty", lang),
        footer_lines=() if summary.office else (say("office.stale_hint", lang),),
        total=office_total(summary.offices, summary.total, lang),
    )


def _office_row(office: OfficeStanding, lang: str) -> Row:
    record = {
        "office": office.office,
        "held": office.held,
        "leads": office.leads,
        "done": office.done,
        "on_schedule": office.on_schedule,
        "behind": office.behind,
        "overdue": office.overdue,
        "stale": len(office.stale),
        "worst_delay_days": office.worst_delay,
        "goals": [s.goal.id for s in office.goals],
        "stale_goals": [s.goal.id for s in office.stale],
    }
    cells = {"office": Cell(office.office), "held": Cell(str(office.held))}
    return Row(record, {**cells, **_standing_cells(office, lang)})


def activity_part(summary: Summary, lang: str) -> Part:
    """The period's entries by goal: the net change, who logged them, their notes."""
    columns = (
        *_lead(lang),
        Column("change", say("summary.change", lang), align="right"),
        Column("now", say("summary.now", lang), align="right"),
        Column("by", say("summary.by", lang), drop=7),
        Column("notes", say("summary.notes", lang), shrink=9, drop=8),
    )
    rows = tuple(_activity_row(a, lang) for a in summary.activity)
    return _part("activity", "quiet", lang, columns, rows)


def _activity_row(activity: GoalActivity, lang: str) -> Row:
    goal = activity.goal
    record = {
        "id": goal.id,
        "title": goal.title,
        "title_en": goal.title_en,
        "kind": goal.kind.value,
        "unit": goal.unit,
        "entries": len(activity.entries),
        "before": plain_number(activity.before),
        "after": plain_number(activity.after),
        "net_change": plain_number(activity.net_change),
        "items_done": list(activity.items_done),
        "by": list(activity.by),
        "notes": [e.note for e in activity.entries if e.note],
        "retractions": [
            {
                "id": r.id,
                "retracts": r.about,
                "date": r.date.isoformat(),
                "reason": r.reason,
                "by": r.by,
            }
            for r in activity.retractions
        ],  # fmt: skip
    }
    return Row(
        record,
        {
            **_named(goal, lang),
            "change": Cell(change_text(activity, lang), "good"),
            "now": Cell(_now(activity, lang)),
            "by": Cell("、".join(activity.by)),
            "notes": Cell("; ".join(record["notes"])),
        },
    )


def changes_part(summary: Summary, lang: str) -> Part:
    """Goals whose state changed in the period: from what, to what."""
    columns = (
        *_lead(lang),
        Column("from", say("summary.from", lang)),
        Column("to", say("summary.to", lang)),
    )
    rows = tuple(
        Row(
            {
                "id": c.status.goal.id,
                "title": c.status.goal.title,
                "from": c.before.value,
                "to": c.status.state.value,
            },
            {
                **_named(c.status.goal, lang),
                "from": Cell(state_text(c.before, lang), c.before.value),
                "to": Cell(state_text(c.status.state, lang), c.status.state.value),
            },
        )
        for c in summary.changes
    )
    return _part("changes", "no_changes", lang, columns, rows)


def due_part(summary: Summary, lang: str) -> Part:
    """Goals due in the next 14 days, the nearest first."""
    columns = (
        *_lead(lang),
        Column("office", say("office.name", lang), drop=3),
        Column("deadline", say("column.deadline", lang)),
        Column("days", say("column.days", lang), align="right"),
        Column("progress", say("column.progress", lang), align="right"),
    )
    rows = tuple(
        Row(
            status_dict(s),
            {
                **_named(s.goal, lang),
                "office": Cell(office_text(s.goal, lang, summary.plan)),
                "deadline": Cell(str(s.goal.deadline)),
                "days": Cell(say("days.left", lang, days=s.days_left), "warn"),
                "progress": Cell(percent(s.progress)),
            },
        )
        for s in summary.due_soon
    )
    return _part("due", "no_due", lang, columns, rows)


def stale_part(summary: Summary, lang: str) -> Part:
    """Goals not reported within their cadence. An office's own digest lists
    them one by one (for 催办); the whole plan's counts them under the offices."""
    columns = (
        *_lead(lang),
        Column("last", say("summary.last", lang)),
        Column("every", say("summary.every", lang)),
    )
    rows = tuple(
        Row(
            status_dict(s),
            {
                **_named(s.goal, lang),
                "last": Cell(str(s.last_entry or "—")),
                "every": Cell(update_text(s.goal, lang)),
            },
        )
        for s in summary.stale
    )
    return _part("stale", "no_stale", lang, columns, rows, shown=bool(summary.office))


def revisions_part(summary: Summary, lang: str) -> Part:
    """Goals with a revision in force at the period's end: the original and
    revised values side by side, with the reason; shown when there are any."""
    columns = (*_lead(lang), Column("revision", say("show.revision", lang), shrink=5))
    rows = tuple(
        Row(
            dict(
                revision_dict(g, summary.until),
                id=g.id,
                title=g.title,
                target=plain_number(g.target),
                deadline=g.deadline.isoformat(),
            ),
            {**_named(g, lang), "revision": Cell(revision_text(g, summary.until, lang))},
        )
        for g in revised_goals(summary)
    )
    return _part("revisions", "no_revisions", lang, columns, rows, shown=bool(rows))


def _part(name: str, empty: str, lang: str, columns, rows, *, shown: bool = True) -> Part:
    """A goal section titled and emptied by the catalogue's `summary.*` words."""
    return Part(
        say(f"summary.{name}", lang),
        columns,
        rows,
        say(f"summary.{empty}", lang),
        shown=shown,
    )


# ── words of the head ────────────────────────────────────────────────────────


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


def digest_title(summary: Summary, lang: str) -> str:
    title = f"{title_of(summary.plan, lang)} · {say('summary.title', lang)}"
    return f"{title} · {summary.office}" if summary.office else title


def notice_line(summary: Summary, lang: str) -> str:
    """What a reader must know before the figures: the plan has ended, or entries
    name goals or items the plan no longer has (their progress does not count)."""
    lines = []
    if summary.plan_ended:
        lines.append(plan_ended(summary.plan, summary.until, command="tracker summary").text(lang))
    if summary.unknown:
        lines.append(
            say("unknown_references", lang, count=len(summary.unknown), example=summary.unknown[0])
        )
    return " ".join(lines)


def revised_goals(summary: Summary) -> list[Goal]:
    """The goals of the digest with a revision in force at its end, as revised."""
    goals = (g.as_of(summary.until) for g in summary.plan.goals)
    return [g for g in goals if g.revision_on(summary.until) and g.revised_from is not None]


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


def _style(attention: Attention) -> str:
    if attention.condition is Condition.LATE:
        return "bad"
    return attention.status.state.value


# ── words of the other sections ──────────────────────────────────────────────


def change_text(activity: GoalActivity, lang: str) -> str:
    """What the period's entries did, as the goal's kind says it (+200 人, ✔ 长石),
    and the retractions dated in it (撤销 8ea3c1d2)."""
    goal = activity.goal
    note_only = say("summary.note_only", lang)
    retracted = [say("change.retracts", lang, id=r.about[:8]) for r in activity.retractions]
    if all(e.op is Op.CHECKIN for e in activity.entries):
        text = note_only if activity.entries or not retracted else None
    else:
        text = kind_of(goal).change_text(
            goal, activity.before, activity.after, activity.items_done, lang
        )
        text = note_only if text is None else text
    return say("list.semicolon", lang).join(x for x in (text, *retracted) if x)


def _now(activity: GoalActivity, lang: str) -> str:
    return kind_of(activity.goal).value_text(activity.goal, activity.after, lang)


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


def _standing_cells(office: OfficeStanding, lang: str) -> dict[str, Cell]:
    """An office's done … worst delay cells, each dimmed when there is none."""

    def n(value: int, style: str) -> Cell:
        return Cell(str(value), style if value else "dim")

    return {
        "done": n(office.done, "done"),
        "on_schedule": n(office.on_schedule, "on_track"),
        "behind": n(office.behind, "off_track"),
        "overdue": n(office.overdue, "overdue"),
        "stale": n(len(office.stale), "warn"),
        "worst": _worst(office.worst_delay, lang),
    }


def office_total(
    offices: tuple[OfficeStanding, ...], total: OfficeStanding, lang: str
) -> tuple[Cell, ...]:
    """The offices' total row, counting each goal once (a shared goal is in
    several rows); none when there is only one office."""
    if len(offices) < 2:
        return ()
    counts = (total.held, total.done, total.on_schedule, total.behind, total.overdue,
              len(total.stale))  # fmt: skip
    return (
        Cell(say("office.total", lang), "title"),
        *(Cell(str(n), "title") for n in counts),
        _worst(total.worst_delay, lang),
    )


def _worst(days: int, lang: str) -> Cell:
    if not days:
        return Cell("—", "dim")
    return Cell(say("office.worst_days", lang, days=days), "bad")


def _lead(lang: str) -> tuple[Column, Column]:
    """A digest section's first columns: the goal's Chinese title (in the
    digest's language), then its id. Narrow, the id is cut and then dropped
    before the title is cut below 16 cells; a section's own columns give way
    (numbers 7 and up) before either."""
    return (
        Column("title", say("summary.goal", lang), shrink=4, min_width=16),
        Column("id", say("column.id", lang), shrink=6, min_width=12, drop=3),
    )


def _named(goal: Goal, lang: str) -> dict[str, Cell]:
    """A goal's cells under `_lead`'s columns."""
    return {"title": Cell(title_of(goal, lang)), "id": Cell(goal.id, "dim")}
