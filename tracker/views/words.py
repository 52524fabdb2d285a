"""Every user-facing phrase about a goal's standing, in Chinese (the default) and
English: state names, values, days, schedule, forecasts and alert reasons.

JSON keeps SPEC's identifiers (`off_track`, `due_soon`…) whatever the language;
these are only the words people read.
"""

from __future__ import annotations

from tracker.engine.forecast import WINDOW_DAYS
from tracker.model import Condition, GoalStatus, Kind, State
from tracker.numbers import grouped
from tracker.views.common import STATE_MARK

STATE_NAME = {
    "zh": {State.DONE: "已完成", State.OVERDUE: "逾期", State.PENDING: "未到期",
           State.ON_TRACK: "正常", State.AT_RISK: "有风险", State.OFF_TRACK: "落后"},
    "en": {state: state.value for state in State},
}  # fmt: skip
CONDITION_NAME = {
    "zh": {Condition.OVERDUE: "逾期", Condition.OFF_TRACK: "落后",
           Condition.LATE: "预计延期", Condition.AT_RISK: "有风险",
           Condition.DUE_SOON: "即将到期", Condition.STALE: "久未更新"},
    "en": {c: c.value for c in Condition},
}  # fmt: skip


UPDATE_NAME = {
    "zh": {"weekly": "每周", "monthly": "每月", "quarterly": "每季度"},
    "en": {"weekly": "weekly", "monthly": "monthly", "quarterly": "quarterly"},
}


def update_text(goal, lang: str) -> str:
    """How often the goal should be updated."""
    return UPDATE_NAME[lang][goal.update_every.value]


def state_from_name(text: str) -> State | None:
    """A state by its SPEC id or its name in either language (for --state)."""
    for names in STATE_NAME.values():
        for state, name in names.items():
            if text in (name, state.value):
                return state
    return None


def state_text(state: State, lang: str) -> str:
    """A symbol and a word, so it reads without colour."""
    return f"{STATE_MARK[state]} {STATE_NAME[lang][state]}"


def value_text(status: GoalStatus, lang: str) -> str:
    goal = status.goal
    zh = lang == "zh"
    if goal.kind is Kind.MILESTONE:
        if status.current:
            return "已完成" if zh else "done"
        return "未完成" if zh else "not done"
    if goal.kind is Kind.CHECKLIST:
        return f"{grouped(status.current)}/{len(goal.items)} {'项' if zh else 'items'}"
    unit = f" {goal.unit}" if goal.unit else ""
    return f"{grouped(status.current)}/{grouped(goal.target)}{unit}"


def done_text(status: GoalStatus, lang: str) -> str:
    if status.goal.kind is Kind.MILESTONE:
        return value_text(status, lang)
    percent = f"{status.progress * 100:.0f}%"
    return f"完成{percent}" if lang == "zh" else f"{percent} done"


def days_text(status: GoalStatus, lang: str) -> str:
    """Days left, or overdue; nothing once done."""
    if status.state is State.DONE:
        return ""
    if status.days_left < 0:
        return f"逾期{-status.days_left}天" if lang == "zh" else f"{-status.days_left}d overdue"
    return f"{status.days_left}天" if lang == "zh" else f"{status.days_left}d"


def schedule_text(status: GoalStatus, lang: str) -> str:
    """'23 days behind' reads faster than '0.43 of 0.50'."""
    days = status.schedule_days
    if days is None:
        return ""
    if days == 0:
        return "按计划" if lang == "zh" else "on schedule"
    if lang == "zh":
        return f"{'提前' if days > 0 else '落后'}{abs(days)}天"
    return f"{abs(days)} days {'ahead' if days > 0 else 'behind'}"


def flags(status: GoalStatus, lang: str) -> list[str]:
    names = CONDITION_NAME[lang]
    out = []
    if status.due_soon:
        out.append(names[Condition.DUE_SOON])
    if status.stale:
        out.append(names[Condition.STALE])
    if status.forecast and status.forecast.days_late > 0 and status.state is not State.DONE:
        late = status.forecast.days_late
        out.append(f"{names[Condition.LATE]}{late}天" if lang == "zh" else f"late {late}d")
    return out


def forecast_sentence(status: GoalStatus, lang: str) -> str:
    """The forecast in one sentence."""
    goal = status.goal
    zh = lang == "zh"
    target = f"{grouped(goal.target)}{' ' + goal.unit if goal.unit else ''}"
    f = status.forecast
    if goal.kind not in (Kind.COUNT, Kind.LEVEL):
        if status.state is State.DONE:
            return "已完成。" if zh else "Done."
        return (
            "里程碑和清单类目标不作预测。"
            if zh
            else "No forecast: milestones and checklists are done or not."
        )
    if status.state is State.DONE and f is not None:
        if zh:
            return f"已于{f.completion_date}达到{target}，" + (
                f"比期限晚{f.days_late}天。" if f.days_late else "按期完成。"
            )
        late = f", {f.days_late} days late" if f.days_late else ", on time"
        return f"Target of {target} met on {f.completion_date}{late}."
    if f is None:
        if status.last_entry is None:
            return "无法预测：尚无记录。" if zh else "No forecast: nothing logged yet."
        weeks = WINDOW_DAYS // 7
        if zh:
            return f"无法预测：最近{weeks}周没有向目标推进。"
        return f"No forecast: no progress toward the target in the last {weeks} weeks."
    weeks = (f.window_days or 0) // 7
    if zh:
        basis = f"最近{weeks}周" if weeks >= 2 else f"最近{f.window_days}天"
        timing = f"比期限晚{f.days_late}天" if f.days_late else "可按期完成"
        return f"按{basis}的速度，将于{f.completion_date}达到{target}，{timing}。"
    basis = f"the last {weeks} weeks" if weeks >= 2 else f"the last {f.window_days} days"
    timing = f"{f.days_late} days late" if f.days_late else "on time"
    return f"At the rate of {basis}, {target} is reached on {f.completion_date}, {timing}."


def alert_reason(status: GoalStatus, condition: Condition, lang: str) -> str:
    """Why an alert was raised, in one line."""
    goal = status.goal
    zh = lang == "zh"
    behind = schedule_text(status, lang) if (status.schedule_days or 0) < 0 else ""
    if condition is Condition.OVERDUE:
        if zh:
            return f"截止日期{goal.deadline}已过{-status.days_left}天；{done_text(status, lang)}"
        ago = -status.days_left
        return f"deadline {goal.deadline} passed {ago} days ago; {done_text(status, lang)}"
    if condition in (Condition.OFF_TRACK, Condition.AT_RISK):
        done, due = f"{status.progress * 100:.0f}%", f"{status.expected * 100:.0f}%"
        if zh:
            return f"完成{done}，应达{due}" + (f"，{behind}" if behind else "")
        return f"{done} done where {due} is expected" + (f", {behind} schedule" if behind else "")
    if condition is Condition.LATE:
        return forecast_sentence(status, lang)
    if condition is Condition.DUE_SOON:
        days = status.days_left
        if zh:
            when = "今天到期" if days == 0 else f"{days}天后到期"
            return f"{when}（{goal.deadline}）；{done_text(status, lang)}"
        when = "today" if days == 0 else f"in {days} days"
        return f"due {when} ({goal.deadline}); {done_text(status, lang)}"
    last = status.last_entry
    every = {"weekly": "每周", "monthly": "每月", "quarterly": "每季度"}[goal.update_every.value]
    if zh:
        return (f"上次记录{last}" if last else "尚无记录") + f"；应{every}更新"
    return (
        f"last entry {last}" if last else "nothing logged yet"
    ) + f"; expected {goal.update_every.value}"
