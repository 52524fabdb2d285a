"""`tracker summary`: the weekly digest as one JSON document, text/Markdown blocks
and the HTML page's context — all from one engine Summary."""

from __future__ import annotations

from tracker.engine.history import chart_points
from tracker.engine.summary import GoalActivity, Summary
from tracker.model import GoalStatus, Kind, Op
from tracker.numbers import grouped, plain_number
from tracker.views.common import (
    STATE_MARK,
    STATE_ORDER,
    percent,
    status_dict,
    title_of,
)
from tracker.views.model import Cell, Chart, Column, Table
from tracker.views.report import Report
from tracker.views.status import counts_line
from tracker.views.words import (
    STATE_NAME,
    forecast_sentence,
    schedule_text,
    state_text,
    update_text,
    value_text,
)

LABELS = {
    "zh": {
        "title": "工作目标周报",
        "states": "目标状态",
        "activity": "本期进展",
        "quiet": "本期没有新的进展记录。",
        "changes": "状态变化",
        "no_changes": "没有目标改变状态。",
        "due": "14天内到期",
        "no_due": "14天内没有到期的目标。",
        "stale": "久未更新",
        "no_stale": "所有目标都按期更新。",
        "off": "落后目标",
        "no_off": "没有落后的目标。",
        "goal": "目标",
        "change": "变化",
        "notes": "说明",
        "now": "现在",
        "by": "记录人",
        "from": "原状态",
        "to": "新状态",
        "deadline": "截止",
        "days": "剩余",
        "progress": "进度",
        "last": "上次记录",
        "every": "应更新",
        "schedule": "进度差",
        "forecast": "预测",
        "period": "期间",
        "generated": "截至",
        "trajectory": "计划进度",
        "actual": "实际进度",
    },
    "en": {
        "title": "weekly summary",
        "states": "Goals by state",
        "activity": "Progress this period",
        "quiet": "A quiet period: nothing was logged.",
        "changes": "State changes",
        "no_changes": "No goal changed state.",
        "due": "Due in the next 14 days",
        "no_due": "Nothing is due in the next 14 days.",
        "stale": "Stale goals",
        "no_stale": "Every goal is up to date.",
        "off": "Off-track goals",
        "no_off": "No goal is off track.",
        "goal": "goal",
        "notes": "notes",
        "change": "change",
        "now": "now",
        "by": "by",
        "from": "from",
        "to": "to",
        "deadline": "deadline",
        "days": "days left",
        "progress": "progress",
        "last": "last entry",
        "every": "update",
        "schedule": "schedule",
        "forecast": "forecast",
        "period": "period",
        "generated": "as of",
        "trajectory": "trajectory",
        "actual": "actual",
    },
}


def period_text(summary: Summary, week: str | None) -> str:
    text = f"{summary.since} – {summary.until}"
    return f"{text} ({week})" if week else text


def change_text(activity: GoalActivity, lang: str) -> str:
    goal = activity.goal
    note_only = "(仅说明)" if lang == "zh" else "(note)"
    if all(e.op is Op.CHECKIN for e in activity.entries):
        return note_only
    unit = f" {goal.unit}" if goal.unit else ""
    if goal.kind is Kind.CHECKLIST:
        return ("✔ " + "、".join(activity.items_done)) if activity.items_done else note_only
    if goal.kind is Kind.MILESTONE:
        if activity.after and not activity.before:
            return "已完成" if lang == "zh" else "done"
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
    L = LABELS[lang]
    plan_title = summary.plan.title_en if lang == "en" else summary.plan.title
    head = Table(
        (),
        title=f"{plan_title} · {L['title']}",
        header_lines=(
            f"{L['period']}: {period_text(summary, week)}",
            f"{L['states']}: {counts_line(summary.counts, lang, summary.counts_before)}",
        ),
    )
    activity = Table(
        (
            Column("id", L["goal"]),
            Column("title", "", shrink=True, drop=2),
            Column("change", L["change"], align="right"),
            Column("now", L["now"], align="right"),
            Column("by", L["by"], drop=1),
            Column("notes", L["notes"], shrink=True, drop=3),
        ),
        tuple(
            (
                Cell(a.goal.id),
                Cell(title_of(a.goal, lang)),
                Cell(change_text(a, lang), "good"),
                Cell(_now(a, lang)),
                Cell("、".join(a.by)),
                Cell("; ".join(e.note for e in a.entries if e.note)),
            )
            for a in summary.activity
        ),
        title=L["activity"],
        empty_text=L["quiet"],
    )
    changes = Table(
        (
            Column("id", L["goal"]),
            Column("title", "", shrink=True, drop=1),
            Column("from", L["from"]),
            Column("to", L["to"]),
        ),
        tuple(
            (
                Cell(c.status.goal.id),
                Cell(title_of(c.status.goal, lang)),
                Cell(state_text(c.before, lang), c.before.value),
                Cell(state_text(c.status.state, lang), c.status.state.value),
            )
            for c in summary.changes
        ),
        title=L["changes"],
        empty_text=L["no_changes"],
    )
    due = Table(
        (
            Column("id", L["goal"]),
            Column("title", "", shrink=True, drop=2),
            Column("deadline", L["deadline"]),
            Column("days", L["days"], align="right"),
            Column("progress", L["progress"], align="right"),
        ),
        tuple(
            (
                Cell(s.goal.id),
                Cell(title_of(s.goal, lang)),
                Cell(str(s.goal.deadline)),
                Cell(f"{s.days_left}d", "warn"),
                Cell(percent(s.progress)),
            )
            for s in summary.due_soon
        ),
        title=L["due"],
        empty_text=L["no_due"],
    )
    stale = Table(
        (
            Column("id", L["goal"]),
            Column("title", "", shrink=True, drop=2),
            Column("last", L["last"]),
            Column("every", L["every"]),
        ),
        tuple(
            (
                Cell(s.goal.id),
                Cell(title_of(s.goal, lang)),
                Cell(str(s.last_entry or "—")),
                Cell(update_text(s.goal, lang)),
            )
            for s in summary.stale
        ),
        title=L["stale"],
        empty_text=L["no_stale"],
    )
    off = Table(
        (
            Column("id", L["goal"]),
            Column("progress", L["progress"], align="right"),
            Column("schedule", L["schedule"], align="right"),
            Column("forecast", L["forecast"], shrink=True, drop=1),
        ),
        tuple(
            (
                Cell(s.goal.id),
                Cell(f"{value_text(s, lang)} ({percent(s.progress)} / {percent(s.expected)})"),
                Cell(schedule_text(s, lang), "bad"),
                Cell(forecast_sentence(s, lang)),
            )
            for s in summary.off_track
        ),
        title=L["off"],
        empty_text=L["no_off"],
    )
    return (head, activity, changes, due, stale, off)


def _now(activity: GoalActivity, lang: str) -> str:
    goal = activity.goal
    if goal.kind is Kind.CHECKLIST:
        return f"{grouped(activity.after)}/{len(goal.items)}"
    if goal.kind is Kind.MILESTONE:
        if lang == "zh":
            return "已完成" if activity.after else "未完成"
        return "done" if activity.after else "not done"
    unit = f" {goal.unit}" if goal.unit else ""
    return f"{grouped(activity.after)}/{grouped(goal.target)}{unit}"


def off_track_chart(summary: Summary, status: GoalStatus) -> Chart:
    """Actual against trajectory for one off-track goal, up to the period's end."""
    days, expected, actual = chart_points(
        status.goal, summary.series[status.goal.id], as_of=summary.until, columns=53
    )
    return Chart(tuple(days), tuple(expected), tuple(actual), today=summary.until)


def html_context(summary: Summary, *, week: str | None, lang: str) -> dict:
    L = LABELS[lang]
    blocks = summary_blocks(summary, week=week, lang=lang)
    off_charts = [
        {
            "status": s,
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
        "labels": L,
        "lang": lang,
        "head": blocks[0],
        "sections": blocks[1:5],
        "off_track": off_charts,
        "counts": [
            (
                STATE_MARK[s],
                s.value,
                STATE_NAME[lang][s],
                summary.counts[s.value],
                summary.counts[s.value] - summary.counts_before[s.value],
            )
            for s in STATE_ORDER
        ],
    }
