"""Pieces shared by views: goal and status as JSON dicts, numbers, bars, state marks."""

from __future__ import annotations

from tracker.model import Entry, Goal, GoalStatus, Kind, Op, Plan, State
from tracker.numbers import grouped, plain_number

STATE_MARK = {
    State.DONE: "✔",
    State.ON_TRACK: "●",
    State.PENDING: "○",
    State.AT_RISK: "▲",
    State.OFF_TRACK: "✖",
    State.OVERDUE: "‼",
}
STATE_ORDER = [
    State.OVERDUE,
    State.OFF_TRACK,
    State.AT_RISK,
    State.ON_TRACK,
    State.PENDING,
    State.DONE,
]

LABELS = {
    "zh": {
        "id": "编号",
        "title": "目标",
        "progress": "进度",
        "value": "完成/目标",
        "expected": "应达",
        "state": "状态",
        "deadline": "截止",
        "days": "剩余",
        "flags": "提示",
        "owner": "责任单位",
        "kind": "类型",
        "as_of": "截至",
        "goals": "项目标",
    },
    "en": {
        "id": "id",
        "title": "title",
        "progress": "progress",
        "value": "value/target",
        "expected": "expected",
        "state": "state",
        "deadline": "deadline",
        "days": "days left",
        "flags": "flags",
        "owner": "owner",
        "kind": "kind",
        "as_of": "as of",
        "goals": "goals",
    },
}


def title_of(goal: Goal, lang: str) -> str:
    return goal.title_en if lang == "en" else goal.title


def area_name(plan: Plan, area_id: str, lang: str) -> str:
    area = plan.area(area_id)
    if area is None:
        return area_id
    return area.name_en if lang == "en" else area.name


def _identity(goal: Goal) -> dict:
    return {
        "id": goal.id,
        "title": goal.title,
        "title_en": goal.title_en,
        "area": goal.area,
        "owner": goal.owner,
        "kind": goal.kind.value,
    }


def goal_dict(goal: Goal) -> dict:
    """A goal definition with all of SPEC's fields, as JSON."""
    out = {
        **_identity(goal),
        "start": goal.start.isoformat(),
        "deadline": goal.deadline.isoformat(),
        "target": plain_number(goal.full_target if goal.kind is not Kind.LEVEL else goal.target),
        "unit": goal.unit,
        "direction": goal.direction.value if goal.kind is Kind.LEVEL else None,
        "baseline": plain_number(goal.baseline),
        "items": list(goal.items),
        "part_of": goal.part_of,
        "update_every": goal.update_every.value,
        "tolerance": goal.tolerance,
        "trajectory": [
            {"date": c.date.isoformat(), "value": plain_number(c.value)} for c in goal.trajectory
        ],
        "source": goal.source,
    }
    return out


def status_dict(status: GoalStatus) -> dict:
    goal = status.goal
    forecast = status.forecast
    return {
        **_identity(goal),
        "state": status.state.value,
        "progress": round(status.progress, 6),
        "expected": round(status.expected, 6),
        "current": plain_number(status.current),
        "target": plain_number(goal.full_target if goal.kind is not Kind.LEVEL else goal.target),
        "unit": goal.unit,
        "deadline": goal.deadline.isoformat(),
        "days_left": status.days_left,
        "due_soon": status.due_soon,
        "stale": status.stale,
        "schedule_days": status.schedule_days,
        "forecast": None
        if forecast is None
        else {
            "completion_date": forecast.completion_date.isoformat(),
            "days_late": forecast.days_late,
        },
        "last_entry": status.last_entry.isoformat() if status.last_entry else None,
        "items_done": list(status.items_done) if goal.kind is Kind.CHECKLIST else None,
    }


def bar(fraction: float, width: int = 10) -> str:
    fraction = max(0.0, min(1.0, fraction))
    filled = round(fraction * width)
    # ASCII on purpose: block glyphs have "ambiguous" East Asian width and
    # misalign in CJK terminals.
    return "#" * filled + "-" * (width - filled)


def percent(fraction: float) -> str:
    return f"{max(0.0, min(fraction, 9.99)) * 100:.0f}%"


def entry_change(entry: Entry) -> str:
    """What one entry did, in a few characters: +120, = 1,320, done, ✔ 长石."""
    if entry.op is Op.VALUE:
        return f"{'+' if entry.value >= 0 else ''}{grouped(entry.value)}"
    if entry.op is Op.TOTAL:
        return f"= {grouped(entry.value)}"
    if entry.op is Op.DONE:
        return "done"
    if entry.op is Op.ITEMS:
        return "✔ " + "、".join(entry.items)
    if entry.op is Op.RETRACT:
        return f"retracts {entry.retracts[:8]}"
    return "note"
