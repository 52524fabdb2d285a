"""The weekly digest built once, as a supervision bulletin (督查通报): a
`Digest` of sections and rows, each row both the record the JSON document
and the workbook hold and the same row in the reader's words. Every form of
`tracker summary` is drawn from it (views/summary.py), so no two forms can
measure a goal differently; its pieces are the city's bulletin's too
(views/bulletin.py).

It reads as a 督查通报 does, in the order a leader acts on it: the masthead;
the overall situation in a paragraph and by focus area; the late items, each
with its offices, leader in charge, how far behind against what, the problem
and next step its office last reported and the 督办 level it has reached;
the offices that did not report, by name; the offices ranked on outcomes;
revised goals; what is asked of the offices. What changed in the period
follows as an annex."""

from typing import NamedTuple

from tracker.engine.offices import OfficeStanding
from tracker.engine.ranking import ScoringRule
from tracker.engine.summary import GoalActivity, Summary
from tracker.kinds import kind_of
from tracker.model import Escalation, Goal, Op, State
from tracker.numbers import plain_number
from tracker.views.bulletin import (
    ESCALATIONS,
    Masthead,
    Part,
    Row,
    bulletin_number,
    chinese,
    date_text,
    days_after,
    fraction,
    late_part,
    late_row,
    ranking_part,
    states_sentence,
)
from tracker.views.common import (
    STATE_MARK,
    STATE_ORDER,
    area_name,
    office_name,
    office_text,
    one_line,
    percent,
    revision_dict,
    status_dict,
    title_of,
)
from tracker.views.model import Cell, Column
from tracker.views.phrases import (
    revision_text,
    state_name,
    state_text,
    update_text,
)
from tracker.words import say

__all__ = ["Count", "Digest", "Part", "Row", "build_digest"]

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


class Digest(NamedTuple):
    """The digest of one period, for the whole plan or one office, in one
    language: its masthead, the overall situation in words, its sections,
    what is asked of the offices. A NamedTuple, as every view-model record
    here: a frozen dataclass costs `summary` a millisecond to define."""

    summary: Summary  # the facts it words: plan, period, office, series
    lang: str
    week: str | None  # the period's name when it is exactly one ISO week
    title: str
    subject: str  # a mail's subject line
    masthead: Masthead
    notice: str  # the plan has ended, or entries name what the plan no longer has
    counts: tuple[Count, ...]  # most urgent state first
    overall: tuple[str, ...]  # the overall situation, in paragraphs
    areas: Part  # the same by focus area
    attention: Part  # the late items (进度滞后事项), as cards
    unreported: Part  # offices and their goals not reported on time, by name
    unverified: Part  # reports waiting for a verdict past the plan's period (核实)
    ranking: Part  # the offices ranked on outcomes, the rule under them
    revisions: Part  # goals revised, the target in force with its document
    closing: tuple[str, ...]  # what is asked of the offices
    offices: Part  # each office's counts (JSON and workbook)
    activity: Part
    changes: Part
    due: Part
    stale: Part  # goals not reported on time, one record each (JSON and workbook)

    @property
    def body(self) -> tuple[Part, ...]:
        """The bulletin's numbered sections after the overall situation, in order."""
        parts = (self.attention, self.unreported, self.unverified, self.ranking, self.revisions)
        return tuple(part for part in parts if part.shown)

    @property
    def annex(self) -> tuple[Part, ...]:
        """What changed in the period, after the bulletin."""
        return tuple(part for part in (self.activity, self.changes, self.due) if part.shown)


# ── building it ──────────────────────────────────────────────────────────────


def build_digest(
    summary: Summary, *, week: str | None, lang: str, number: int | None = None
) -> Digest:
    """The digest of `summary` in `lang`: every row built once, from the goal
    as defined at the period's end. `number`: the bulletin's (default: the
    week of the year its period ends in)."""
    head = masthead(summary, number=number, lang=lang)
    attention = attention_part(summary, lang)
    return Digest(
        summary=summary,
        lang=lang,
        week=week,
        title=head.title,
        subject=say("bulletin.subject", lang, title=head.title, number=head.number),
        masthead=head,
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
        overall=(overall_text(summary, lang),),
        areas=areas_part(summary, lang),
        attention=attention,
        unreported=unreported_part(summary, lang),
        unverified=unverified_part(summary, lang),
        ranking=offices_ranking(summary, lang),
        revisions=revisions_part(summary, lang),
        closing=closing_lines(summary, head, lang),
        offices=offices_part(summary, lang),
        activity=activity_part(summary, lang),
        changes=changes_part(summary, lang),
        due=due_part(summary, lang),
        stale=stale_part(summary, lang),
    )


def masthead(summary: Summary, *, number: int | None, lang: str) -> Masthead:
    """Issuer, title, 报送 and 抄送 from [plan.bulletin]; an office's own copy
    names the office."""
    settings = summary.settings
    title = (
        settings.title
        if settings.title and chinese(lang)
        else say("bulletin.district_title", lang, plan=title_of(summary.plan, lang))
    )
    if summary.office:
        title = say("bulletin.office_copy", lang, title=title, office=summary.office)
    return Masthead(
        title=title,
        issuer=settings.issuer,
        number=bulletin_number(number, summary.until, lang),
        date=summary.until,
        since=summary.since,
        to=settings.to,
        cc=settings.cc,
    )


def overall_text(summary: Summary, lang: str) -> str:
    """One paragraph: goals done and 完成率, time elapsed, goals per state and
    the change since the last bulletin, reports on time."""
    result = summary.outcome
    unreported = len(summary.stale)
    args = dict(
        date=date_text(summary.until, lang),
        goals=result.held,
        done=result.done,
        completion=percent(result.completion),
        elapsed=percent(summary.elapsed),
        states=states_sentence(summary.counts, summary.counts_before, lang),
        on_time=percent(1.0 if result.on_time is None else result.on_time),
        unreported=say("bulletin.unreported_count", lang, count=unreported) if unreported else "",
    )
    if summary.office:
        return say("bulletin.office_overall", lang, office=summary.office, **args)
    return say("bulletin.plan_overall", lang, **args)


def notice_line(summary: Summary, lang: str) -> str:
    """What a reader must know before the figures: the plan has ended, or entries
    name goals or items the plan no longer has (their progress does not count).
    No command in it: leaders read this."""
    lines = []
    if summary.plan_ended:
        lines.append(say("bulletin.plan_ended", lang, end=date_text(summary.plan.end, lang),
                         as_of=date_text(summary.until, lang)))  # fmt: skip
    if summary.unknown:
        lines.append(say("bulletin.unknown_references", lang, count=len(summary.unknown),
                         example=summary.unknown[0]))  # fmt: skip
    return " ".join(lines)


def closing_lines(summary: Summary, head: Masthead, lang: str) -> tuple[str, ...]:
    """What is asked of the offices, by when, to whom; then 报送 and 抄送."""
    settings = summary.settings
    issuer = settings.issuer or say("bulletin.issuer_default", lang)
    by = date_text(days_after(summary.until, settings.reply_within), lang)
    key = "bulletin.reply" if summary.attention or summary.stale else "bulletin.reply_no_late"
    return (say(key, lang, date=by, issuer=issuer), *head.closing(lang))


# ── by focus area ────────────────────────────────────────────────────────────


def areas_part(summary: Summary, lang: str) -> Part:
    """Each focus area: goals, done, completion, late items, of which overdue."""

    def num(key: str, header: str, drop: int = 0) -> Column:
        return Column(key, header, align="right", drop=drop)

    columns = (
        Column("area", say("area.name", lang), shrink=2, min_width=8),
        num("held", say("office.held", lang), 3),
        num("done", say("office.done", lang), 2),
        num("completion", say("rank.completion", lang)),
        num("late", say("area.late", lang)),
        num("overdue", say("area.overdue", lang), 1),
    )
    late_by_area: dict[str, int] = {}
    for a in summary.attention:
        late_by_area[a.status.goal.area] = late_by_area.get(a.status.goal.area, 0) + 1
    rows = []
    for standing in summary.areas:
        o = standing.outcome
        area = summary.plan.area(standing.area)
        name = (
            (area.short or area.name)
            if area is not None and chinese(lang)
            else area_name(summary.plan, standing.area, lang)
        )
        late = late_by_area.get(standing.area, 0)
        overdue = standing.counts[State.OVERDUE.value]
        rows.append(
            Row(
                {
                    "area": standing.area,
                    "name": name,
                    "held": o.held,
                    "done": o.done,
                    "completion": fraction(o.completion),
                    "late": late,
                    "counts": standing.counts,
                    "counts_before": standing.counts_before,
                },
                {
                    "area": Cell(name),
                    "held": Cell(str(o.held)),
                    "done": Cell(str(o.done), "done" if o.done else "dim"),
                    "completion": Cell(percent(o.completion)),
                    "late": Cell(str(late), "bad" if late else "dim"),
                    "overdue": Cell(str(overdue), "overdue" if overdue else "dim"),
                },
            )
        )
    return Part(say("section.areas", lang), columns, tuple(rows), say("table.empty", lang))


# ── the late items (进度滞后事项) ────────────────────────────────────────────


def attention_part(summary: Summary, lang: str) -> Part:
    """Goals that need a decision, most serious first, each a card: its
    offices, leader in charge, how far behind and short against what, what
    its office last reported and the 督办 level it has reached."""
    rows = tuple(late_row(summary.plan, a, lang) for a in summary.attention)
    return late_part(rows, summary.plan.bulletin, lang)


# ── offices that did not report (未按期报送) ─────────────────────────────────


def unreported_part(summary: Summary, lang: str) -> Part:
    """Every office with goals not reported within their cadence, and those
    goals by name (for 催办): one row per office and goal."""
    columns = (
        Column("office", say("unreported.office", lang), shrink=3, min_width=8),
        Column("title", say("unreported.goal", lang), shrink=4, min_width=12),
        Column("last", say("unreported.last", lang)),
        Column("every", say("unreported.every", lang), drop=1),
    )
    rows = []
    for office in summary.offices:
        for i, status in enumerate(office.stale):
            rows.append(
                Row(
                    {
                        "office": office.office,
                        "id": status.goal.id,
                        "title": status.goal.title,
                        "last_entry": status.last_entry.isoformat() if status.last_entry else None,
                        "update_every": status.goal.update_every.value,
                    },
                    {
                        "office": Cell(office.office if i == 0 else ""),
                        "title": Cell(title_of(status.goal, lang)),
                        "last": Cell(
                            date_text(status.last_entry, lang) or say("unreported.never", lang),
                            "warn",
                        ),  # fmt: skip
                        "every": Cell(update_text(status.goal, lang)),
                    },
                )
            )
    return Part(
        say("section.unreported", lang), columns, tuple(rows), say("section.no_unreported", lang)
    )


def unverified_part(summary: Summary, lang: str) -> Part:
    """Reports waiting for a verdict longer than the plan's verification period
    (chased like late reports): one row per report, by the office that
    verifies it; shown where the plan's reports are verified at all."""
    plan = summary.plan
    columns = (
        Column("verifier", say("unverified.verifier", lang), shrink=3, min_width=8),
        Column("title", say("unverified.goal", lang), shrink=4, min_width=12),
        Column("office", say("unverified.office", lang), shrink=3, min_width=8),
        Column("date", say("unverified.date", lang)),
        Column("waiting", say("unverified.waiting", lang), align="right"),
    )
    rows = tuple(
        Row(
            {"verifiers": list(w.verifiers), "id": w.status.goal.id, "title": w.status.goal.title,
             "office": w.status.goal.owner, "entry": w.entry.id, "date": w.entry.date.isoformat(),
             "by": w.entry.by, "waiting_days": w.days},
            {"verifier": Cell("、".join(office_name(plan, o) for o in w.verifiers)),
             "title": Cell(title_of(w.status.goal, lang)),
             "office": Cell(office_text(w.status.goal, lang, plan)),
             "date": Cell(date_text(w.entry.date, lang)),
             "waiting": Cell(say("unverified.days", lang, days=w.days), "warn")},
        )
        for w in summary.waiting
    )  # fmt: skip
    return Part(
        say("section.unverified", lang, days=plan.verification.within_days),
        columns,
        rows,
        say("section.no_unverified", lang),
        shown=summary.verifying,
    )


# ── the offices ranked ───────────────────────────────────────────────────────


def offices_ranking(summary: Summary, lang: str) -> Part:
    """The plan's offices ranked on outcomes with their lights and movement
    since the last bulletin, the rule under them; an office's own copy shows
    its row (its place among all) and no total."""
    lights: dict[tuple[str, str], Escalation | None] = {}
    for a in summary.attention:
        for office in a.status.goal.owners:
            key = ("", office)
            held = lights.get(key)
            if held is None or ESCALATIONS.index(a.escalation) < ESCALATIONS.index(held):
                lights[key] = a.escalation
    ranking = summary.ranking
    ranked = ranking.ranked if ranking is not None else ()
    if summary.office:
        ranked = tuple(r for r in ranked if r.outcome.unit == summary.office)
    return ranking_part(
        ranked,
        title=say("section.ranking", lang),
        unit_header=say("office.name", lang),
        rule=ScoringRule(weights=summary.settings.weights),
        lang=lang,
        lights={
            (r.outcome.group, r.outcome.unit): lights.get(("", r.outcome.unit)) for r in ranked
        },  # fmt: skip
        total=None if summary.office or ranking is None else ranking.total,
    )


# ── revised goals ────────────────────────────────────────────────────────────


def revisions_part(summary: Summary, lang: str) -> Part:
    """The digest's goals with a revision in force at its end: the target in
    force against the original, the reason and document; shown when there
    are any (an office's copy: its own)."""
    columns = (
        Column("title", say("summary.goal", lang), shrink=4, min_width=16),
        Column("revision", say("show.revision", lang), shrink=5),
    )
    rows = tuple(
        Row(
            dict(
                revision_dict(g, summary.until),
                id=g.id,
                title=g.title,
                target=plain_number(g.target),
                deadline=g.deadline.isoformat(),
            ),
            {
                "title": Cell(title_of(g, lang)),
                "revision": Cell(revision_text(g, summary.until, lang)),
            },
        )  # fmt: skip
        for g in revised_goals(summary)
    )
    return Part(say("section.revisions", lang), columns, rows, say("summary.no_revisions", lang),
                shown=bool(rows))  # fmt: skip


def revised_goals(summary: Summary) -> list[Goal]:
    """The digest's goals (an office's own, in its copy) with a revision in
    force at its end, as revised."""
    goals = (g.as_of(summary.until) for g in summary.plan.goals)
    return [
        g for g in goals
        if g.revision_on(summary.until) and g.revised_from is not None
        and (summary.office is None or summary.office in g.owners)
    ]  # fmt: skip


# ── the offices' counts (records) ────────────────────────────────────────────


COUNTED = ("held", "done", "on_track", "pending", "behind", "overdue", "stale", "unverified")


def offices_part(summary: Summary, lang: str) -> Part:
    """One row per office, most in need first: its goals per standing, the
    goals not yet due apart from those on track. JSON and the workbook."""

    def num(key: str) -> Column:
        return Column(key, say(f"office.{key}", lang), align="right")

    columns = (
        Column("office", say("office.name", lang)),
        *map(num, COUNTED),
        Column("worst", say("office.worst", lang), align="right"),
    )
    return Part(
        say("summary.offices", lang),
        columns,
        tuple(_office_row(o, lang) for o in summary.offices),
        say("table.empty", lang),
        shown=False,
    )


def _office_row(office: OfficeStanding, lang: str) -> Row:
    record = {
        "office": office.office,
        "held": office.held,
        "leads": office.leads,
        "done": office.done,
        "on_track": office.on_track,
        "pending": office.pending,
        "behind": office.behind,
        "overdue": office.overdue,
        "stale": len(office.stale),
        "unverified": office.unverified,
        "worst_delay_days": office.worst_delay,
        "goals": [s.goal.id for s in office.goals],
        "stale_goals": [s.goal.id for s in office.stale],
    }
    cells = {key: Cell(str(value)) for key, value in record.items() if isinstance(value, int)}
    cells["office"] = Cell(office.office)
    cells["worst"] = Cell(say("office.worst_days", lang, days=office.worst_delay)
                          if office.worst_delay else "—")  # fmt: skip
    return Row(record, cells)


# ── the annex: what changed in the period ────────────────────────────────────


def activity_part(summary: Summary, lang: str) -> Part:
    """The period's entries by goal: the net change, who logged them, their notes."""
    columns = (
        _lead(lang),
        Column("change", say("summary.change", lang), align="right"),
        Column("now", say("summary.now", lang), align="right"),
        Column("by", say("summary.by", lang), drop=7),
        Column("notes", say("summary.notes", lang), shrink=9, drop=8),
    )
    rows = tuple(_activity_row(a, lang) for a in summary.activity)
    return Part(say("section.activity", lang), columns, rows, say("summary.quiet", lang),
                stack=True)  # fmt: skip


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
    notes = say("list.semicolon", lang).join(one_line(n, lang) for n in record["notes"])
    return Row(
        record,
        {
            "title": Cell(title_of(goal, lang)),
            "change": Cell(change_text(activity, lang), "good"),
            "now": Cell(kind_of(goal).value_text(goal, activity.after, lang)),
            "by": Cell(say("list.names", lang).join(activity.by)),
            "notes": Cell(notes),
        },
    )


def change_text(activity: GoalActivity, lang: str) -> str:
    """What the period's entries did, as the goal's kind says it (+200人, ✔ 长石,
    +3个百分点), and the retractions dated in it (撤销一条记录)."""
    goal = activity.goal
    note_only = say("summary.note_only", lang)
    retracted = [say("change.retracted", lang) for _ in activity.retractions]
    if all(e.op is Op.CHECKIN for e in activity.entries):
        text = note_only if activity.entries or not retracted else None
    else:
        text = kind_of(goal).change_text(
            goal, activity.before, activity.after, activity.items_done, lang
        )
        text = note_only if text is None else text
    return say("list.semicolon", lang).join(x for x in (text, *retracted) if x)


def changes_part(summary: Summary, lang: str) -> Part:
    """Goals whose state changed in the period: from what, to what."""
    columns = (
        _lead(lang),
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
                "title": Cell(title_of(c.status.goal, lang)),
                "from": Cell(state_text(c.before, lang), c.before.value),
                "to": Cell(state_text(c.status.state, lang), c.status.state.value),
            },
        )
        for c in summary.changes
    )
    return Part(say("section.changes", lang), columns, rows, say("summary.no_changes", lang),
                shown=bool(rows), stack=True)  # fmt: skip


def due_part(summary: Summary, lang: str) -> Part:
    """Goals due in the next 14 days, the nearest first."""
    columns = (
        _lead(lang),
        Column("office", say("office.name", lang), drop=3),
        Column("deadline", say("column.deadline", lang)),
        Column("days", say("column.days", lang), align="right"),
        Column("progress", say("column.progress", lang), align="right"),
    )
    rows = tuple(
        Row(
            status_dict(s),
            {
                "title": Cell(title_of(s.goal, lang)),
                "office": Cell(office_text(s.goal, lang, summary.plan)),
                "deadline": Cell(date_text(s.goal.deadline, lang)),
                "days": Cell(say("days.left", lang, days=s.days_left), "warn"),
                "progress": Cell(percent(s.progress)),
            },
        )
        for s in summary.due_soon
    )
    return Part(say("section.due", lang), columns, rows, say("summary.no_due", lang),
                shown=bool(rows), stack=True)  # fmt: skip


def stale_part(summary: Summary, lang: str) -> Part:
    """Goals not reported within their cadence, one status record each (JSON,
    the workbook); the page names them under the offices that hold them."""
    columns = (
        _lead(lang),
        Column("last", say("summary.last", lang)),
        Column("every", say("summary.every", lang)),
    )
    rows = tuple(
        Row(
            status_dict(s),
            {
                "title": Cell(title_of(s.goal, lang)),
                "last": Cell(date_text(s.last_entry, lang) or "—"),
                "every": Cell(update_text(s.goal, lang)),
            },
        )
        for s in summary.stale
    )
    return Part(say("section.stale", lang), columns, rows, say("summary.no_stale", lang),
                shown=False)  # fmt: skip


def _lead(lang: str) -> Column:
    """An annex section's first column: the goal's title in the digest's
    language (no id: leaders read it), cut last."""
    return Column("title", say("summary.goal", lang), shrink=4, min_width=16)
