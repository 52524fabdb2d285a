"""`tracker summary`: the weekly digest as one Report. Each of its forms — the
JSON document, the text and Markdown tables, the HTML page (and so the mail,
which is both) and the workbook — is drawn from one `Digest` (views/digest.py),
built once however many forms are made."""

from __future__ import annotations

import datetime as dt

from tracker.engine.history import chart_days, chart_fractions
from tracker.engine.ranking import ScoringRule
from tracker.engine.summary import Summary
from tracker.kinds import kind_of
from tracker.model import GoalStatus
from tracker.numbers import grouped
from tracker.views.bulletin import fraction, item_number, rule_dict, section_number
from tracker.views.digest import Digest, Part, Row
from tracker.views.model import Chart, Sheet, Table
from tracker.views.report import Report
from tracker.views.sheets import flat_status, record_sheet, sheet_names
from tracker.words import say

SCHEMA = "tracker.summary/4"


def summary_report(digest: Digest) -> Report:
    """The digest in every form it has."""
    return Report(
        SCHEMA,
        digest.summary.until,
        lambda: digest_body(digest),
        tables=lambda: digest_tables(digest),
        template="bulletin.html.j2",
        page=lambda: digest_page(digest),
        sheets=lambda: digest_sheets(digest),
    )


# ── JSON ─────────────────────────────────────────────────────────────────────


def digest_body(digest: Digest) -> dict:
    """The JSON document (after "schema" and "as_of"): the digest's facts and
    each section's records."""
    summary, plan = digest.summary, digest.summary.plan
    result = summary.outcome
    return {
        "period": {
            "since": summary.since.isoformat(),
            "until": summary.until.isoformat(),
            "week": digest.week,
        },
        "plan": {
            "id": plan.id,
            "title": plan.title,
            "title_en": plan.title_en,
            "start": plan.start.isoformat(),
            "end": plan.end.isoformat(),
        },
        "office": summary.office,
        "masthead": digest.masthead.record(),
        "plan_ended": summary.plan_ended,
        "unknown_references": list(summary.unknown),
        "quiet": summary.quiet,
        "counts": summary.counts,
        "counts_before": summary.counts_before,
        "counts_change": {k: summary.counts[k] - summary.counts_before[k] for k in summary.counts},
        "overall": {
            "text": " ".join(digest.overall),
            "goals": result.held,
            "done": result.done,
            "completion": fraction(result.completion),
            "elapsed": fraction(summary.elapsed),
            "on_time": fraction(result.on_time),
            "reports_due": result.reports_due,
            "reported": result.reported,
        },
        "areas": digest.areas.records,
        "attention": digest.attention.records,
        "unreported": digest.unreported.records,
        "unverified": digest.unverified.records,
        "ranking": {
            "rule": rule_dict(ScoringRule(weights=plan.bulletin.weights), digest.lang),
            "offices": digest.ranking.records,
        },
        "offices": digest.offices.records,
        "revisions": digest.revisions.records,
        "closing": list(digest.closing),
        "activity": digest.activity.records,
        "state_changes": digest.changes.records,
        "due_soon": digest.due.records,
        "stale": digest.stale.records,
    }


# ── text and Markdown ────────────────────────────────────────────────────────


def numbered(digest: Digest) -> list[tuple[str, Part]]:
    """The body's sections with their numbers (一、 for the overall situation,
    then 二、 …): the text and the page number them alike."""
    return [(section_number(i, digest.lang), part) for i, part in enumerate(digest.body, start=2)]


def digest_tables(digest: Digest) -> tuple[Table, ...]:
    """The bulletin as text draws it: the masthead, the overall situation and
    its areas, the numbered sections, what is asked, then the annex."""
    lang = digest.lang
    head = digest.masthead.lines(lang) + ((digest.notice,) if digest.notice else ())
    overall = Table(
        (), title=section_number(1, lang) + say("section.overall", lang),
        header_lines=digest.overall,
    )  # fmt: skip
    body = [part.table(number, lang) for number, part in numbered(digest)]
    closing = Table(
        (), title=section_number(len(digest.body) + 2, lang) + say("section.closing", lang),
        header_lines=digest.closing,
    )  # fmt: skip
    return (
        Table((), title=digest.title, header_lines=head),
        overall,
        digest.areas.table(lang=lang),
        *body,
        closing,
        *(part.table(lang=lang) for part in digest.annex),
    )


# ── HTML ─────────────────────────────────────────────────────────────────────


def digest_page(digest: Digest) -> dict:
    """The page's context: the digest itself, its sections numbered as the
    text has them, a chart for each late item, and the page's own words."""
    lang = digest.lang
    return {
        **digest.masthead.page(lang),
        "title": digest.title,
        "item_number": lambda n: item_number(n, lang),
        "notice": digest.notice,
        "counts": digest.counts,
        "overall_title": section_number(1, lang) + say("section.overall", lang),
        "overall": digest.overall,
        "areas": digest.areas,
        "sections": numbered(digest),
        "closing_title": section_number(len(digest.body) + 2, lang) + say("section.closing", lang),
        "closing": digest.closing,
        "annex": digest.annex,
        "charts": {
            a.status.goal.id: goal_chart(digest.summary, a.status, lang)
            for a in digest.summary.attention
        },
        "labels": {
            "trajectory": say("summary.trajectory", lang),
            "actual": say("summary.actual", lang),
            "expected": say("column.expected", lang),
        },
        "html_lang": say("html.lang", lang),
    }


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


# ── the workbook ─────────────────────────────────────────────────────────────

# Which of a section's fields its sheet shows, in the workbook's order.
_STATUS_FIELDS = ("id", "title", "title_en", "owner", "co_owners", "state", "progress", "expected",
                  "current", "target", "unit", "deadline", "days_left", "last_entry")  # fmt: skip
SHEETS = (
    ("areas", ("name", "held", "done", "completion", "late")),
    ("attention", ("condition", "escalation", *_STATUS_FIELDS, "delay_days", "gap_to_schedule",
                   "gap_to_target", "schedule_days", "forecast_completion_date",
                   "forecast_days_late", "problem", "next")),
    ("unreported", ("office", "id", "title", "last_entry", "every")),
    ("unverified", ("verifiers", "id", "title", "office", "entry", "date", "by", "waiting_days")),
    ("ranking", ("place", "name", "held", "done", "completion", "on_time", "score",
                 "previous_place", "movement", "light")),
    ("offices", ("office", "held", "done", "on_track", "pending", "behind", "overdue", "stale",
                 "unverified", "worst_delay_days")),
    ("revisions", ("id", "title", "target", "deadline", "revision")),
    ("activity", ("id", "title", "title_en", "kind", "unit", "entries", "before", "after",
                  "net_change", "items_done", "by", "notes")),
    ("changes", ("id", "title", "from", "to")),
    ("due", _STATUS_FIELDS),
    ("stale", (*_STATUS_FIELDS, "every")),
)  # fmt: skip


def digest_sheets(digest: Digest) -> tuple[Sheet, ...]:
    """The digest as a workbook: an overview of counts per state, then one sheet
    per section, named by its title."""
    lang = digest.lang
    overview = [
        {"state": c.state.value, "count": c.now, "count_before": c.before, "count_change": c.change}
        for c in digest.counts
    ]
    fields = ("state", "count", "count_before", "count_change")
    sheets = [record_sheet(say("sheet.overview", lang), overview, fields, lang)]
    # Every section (where the plan's reports are verified, those waiting too).
    chosen = [(n, f) for n, f in SHEETS if n != "unverified" or digest.summary.verifying]
    parts: list[Part] = [getattr(digest, name) for name, _ in chosen]
    # Named by their titles, as Excel accepts them (no ":" in "Annex: …").
    names = sheet_names([say("sheet.overview", lang), *(part.title for part in parts)])[1:]
    for (_, fields), part, name in zip(chosen, parts, names):
        records = [sheet_record(row, fields) for row in part.rows]
        # A field the text shows as a column is headed as the text heads it.
        headers = {c.key: c.header for c in part.columns}
        sheets.append(record_sheet(name, records, fields, lang, headers))
    return tuple(sheets)


def sheet_record(row: Row, fields: tuple[str, ...]) -> dict:
    """A row as its sheet has it: the record, its forecast as two plain fields,
    and for a field the record has no value for, the row's words under that
    column (a stale goal's reporting cadence)."""
    record = flat_status(row.record)
    for field in fields:
        if field not in record and field in row.cells:
            record[field] = row.cells[field].text
    return record
