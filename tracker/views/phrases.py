"""Sentences about a goal's standing, put together from the catalogue's words:
state names, values, days, schedule, flags, forecasts and alert reasons.

JSON keeps SPEC's identifiers (`off_track`, `due_soon`…) whatever the language;
these are only the words people read.
"""

from __future__ import annotations

import datetime as dt

from tracker.engine.alerts import conditions
from tracker.engine.forecast import WINDOW_DAYS
from tracker.engine.gaps import gaps
from tracker.engine.offices import delay_days
from tracker.kinds import kind_of
from tracker.model import Condition, Decides, Goal, GoalStatus, Plan, State
from tracker.numbers import grouped
from tracker.views.common import STATE_MARK, chinese
from tracker.words import LANGS, Phrase, phrase, say

# The flags column of `status` names these conditions, in this order.
FLAGS = (Condition.DUE_SOON, Condition.STALE, Condition.LATE)


def state_name(state: State, lang: str) -> str:
    return say(f"state.{state.value}", lang)


def state_names(lang: str) -> list[str]:
    return [state_name(state, lang) for state in State]


def condition_name(condition: Condition, lang: str) -> str:
    return say(f"condition.{condition.value}", lang)


def update_text(goal: Goal, lang: str) -> str:
    """How often the goal should be updated."""
    return say(f"update.{goal.update_every.value}", lang)


def state_from_name(text: str) -> State | None:
    """A state by its SPEC id or its name in either language (for --state)."""
    for state in State:
        if text == state.value or any(text == state_name(state, lang) for lang in LANGS):
            return state
    return None


def state_text(state: State, lang: str) -> str:
    """A symbol and a word, so it reads without colour."""
    return f"{STATE_MARK[state]} {state_name(state, lang)}"


def value_text(status: GoalStatus, lang: str) -> str:
    """The value against the target, as the goal's kind says it: 1,320/3,000 人,
    3/5 项, 已完成."""
    return kind_of(status.goal).value_text(status.goal, status.current, lang)


def done_text(status: GoalStatus, lang: str) -> str:
    return kind_of(status.goal).done_text(status, lang)


def gap_sentence(status: GoalStatus, lang: str) -> str:
    """'较序时进度差290人，距年度目标差1,550人': each gap named by what it is
    measured against; only the target's for a goal with no schedule (a level)."""
    kind = kind_of(status.goal)
    if status.current is None and not kind.binary:
        return say("gap.no_reading", lang)
    found = gaps(status)
    unit = kind.gap_unit(status.goal, lang)
    parts = []
    if found.to_schedule:
        parts.append(say("gap.to_schedule", lang, value=amount(found.to_schedule, unit, lang)))
    if found.to_target:
        parts.append(say("gap.to_target", lang, value=amount(found.to_target, unit, lang)))
    return say("bulletin.joiner", lang).join(parts)


def amount(value: float, unit: str, lang: str) -> str:
    """1,550人, 3.2个百分点 in a Chinese sentence (the unit set close, as 公文
    write it); 1,550 人 in an English one."""
    if chinese(lang) and unit and not unit[0].isascii():
        return f"{grouped(value)}{unit}"
    return f"{grouped(value)} {unit}".strip()


def days_text(status: GoalStatus, lang: str) -> str:
    """Days left, or overdue; nothing once done."""
    if status.state is State.DONE:
        return ""
    if status.days_left < 0:
        return say("days.overdue", lang, days=-status.days_left)
    return say("days.left", lang, days=status.days_left)


def schedule_text(status: GoalStatus, lang: str) -> str:
    """'23 days behind' reads faster than '0.43 of 0.50'. A kind that measures
    its own delay (a milestone's stages, a checklist's dated items, a level
    held throughout) is behind by the days since its earliest missed date or
    first short reading, as SPEC counts its delay and the bulletin says it —
    not by the schedule's straight line."""
    if kind_of(status.goal).measures_delay(status.goal):
        days = delay_days(status)
        return say("schedule.behind", lang, days=days) if days else ""
    days = status.schedule_days
    if days is None:
        return ""
    if days == 0:
        return say("schedule.on", lang)
    return say("schedule.ahead" if days > 0 else "schedule.behind", lang, days=abs(days))


def flags(status: GoalStatus, lang: str) -> list[str]:
    found = conditions(status)
    out = [say("flag.reached", lang)] if status.target_reached else []
    if status.awaiting_final:
        out.append(say("flag.awaiting_final", lang))
    out += verification_flags(status, lang)
    for condition in FLAGS:
        if condition not in found:
            continue
        if condition is Condition.LATE:
            out.append(say("flag.late", lang, days=status.forecast.days_late))
        else:
            out.append(condition_name(condition, lang))
    return out


def verification_flags(status: GoalStatus, lang: str, *, other: bool = True) -> list[str]:
    """Where its reports are verified: reported done but not closed, the other
    figure where the two differ (with `other`), the reports waiting for a verdict."""
    figures, out = status.figures, []
    if figures is None:
        return out
    kind = kind_of(status.goal)
    if status.awaiting_close:
        out.append(say("flag.awaiting_close", lang))
    elif other and figures.differ and not kind.binary:
        other = figures.verified if figures.decides is Decides.REPORTED else figures.reported
        value = f"{grouped(other)} {status.goal.unit}".strip()
        out.append(say(f"flag.other.{figures.decides.value}", lang, value=value))
    if status.unverified:
        out.append(say("flag.unverified", lang, count=len(status.unverified)))
    return out


def figures_text(status: GoalStatus, lang: str) -> str:
    """Both figures, each against the target ('' where its reports need no
    verifying): 已上报 1,320/3,000 人；已核实 1,000/3,000 人."""
    figures = status.figures
    if figures is None:
        return ""
    kind, goal = kind_of(status.goal), status.goal
    return say(
        "figures.both",
        lang,
        reported=kind.value_text(goal, figures.reported, lang),
        verified=kind.value_text(goal, figures.verified, lang),
    )


def forecast_sentence(status: GoalStatus, lang: str) -> str:
    """The forecast in one sentence."""
    goal = status.goal
    target = f"{grouped(goal.target)}{' ' + goal.unit if goal.unit else ''}"
    f = status.forecast
    if not kind_of(goal).forecasts:
        if status.state is State.DONE:
            return say("forecast.done", lang)
        return say("forecast.not_projected", lang)
    if status.target_reached and f is not None:
        return say("forecast.reached", lang, date=f.completion_date, target=target,
                   deadline=goal.deadline)  # fmt: skip
    if status.awaiting_final and f is not None and f.window_days is None:
        return say("forecast.awaiting_final", lang, date=f.completion_date, target=target,
                   deadline=goal.deadline)  # fmt: skip
    if status.state is State.DONE and f is not None:
        if f.days_late:
            return say(
                "forecast.met_late", lang, date=f.completion_date, target=target, days=f.days_late
            )
        return say("forecast.met_on_time", lang, date=f.completion_date, target=target)
    if f is None:
        if status.last_entry is None:
            return say("forecast.nothing_logged", lang)
        return say("forecast.no_progress", lang, weeks=WINDOW_DAYS // 7)
    weeks = (f.window_days or 0) // 7
    if weeks >= 2:
        basis = say("forecast.basis_weeks", lang, weeks=weeks)
    else:
        basis = say("forecast.basis_days", lang, days=f.window_days)
    if f.days_late:
        timing = say("forecast.late", lang, days=f.days_late)
    else:
        timing = say("forecast.on_time", lang)
    return say(
        "forecast.rate", lang, basis=basis, date=f.completion_date, target=target, timing=timing
    )


def alert_reason(status: GoalStatus, condition: Condition, lang: str) -> str:
    """Why an alert was raised, in one line."""
    goal = status.goal
    if condition is Condition.OVERDUE:
        done = done_text(status, lang)
        if status.awaiting_final:
            done = say("reason.awaiting_final", lang, done=done)
        return say("reason.overdue", lang, deadline=goal.deadline, days=-status.days_left,
                   done=done)  # fmt: skip
    if condition in (Condition.OFF_TRACK, Condition.AT_RISK):
        done, due = f"{status.progress * 100:.0f}%", f"{status.expected * 100:.0f}%"
        short = gap_sentence(status, lang)
        kind = kind_of(goal)
        late = (status.schedule_days or 0) < 0 or kind.measures_delay(goal)
        behind = schedule_text(status, lang) if late else ""  # never 'ahead' in an alert
        if not kind.schedules(goal):  # a level: against its target, not a schedule
            reason = say("reason.short_of_target", lang, value=value_text(status, lang),
                         gap=short or state_name(status.state, lang))  # fmt: skip
            return say("list.semicolon", lang).join(x for x in (reason, behind) if x)
        if behind:
            text = say("reason.behind_schedule", lang, done=done, due=due, schedule=behind)
        else:
            text = say("reason.behind", lang, done=done, due=due)
        return say("list.semicolon", lang).join(x for x in (text, short) if x)
    if condition is Condition.LATE:
        return forecast_sentence(status, lang)
    if condition is Condition.DUE_SOON:
        done = done_text(status, lang)
        if status.days_left == 0:
            return say("reason.due_today", lang, deadline=goal.deadline, done=done)
        return say("reason.due_in", lang, days=status.days_left, deadline=goal.deadline, done=done)
    if condition is Condition.UNVERIFIED:
        oldest = min(e.date for e in status.unverified_late)
        days = (status.as_of - oldest).days
        return say("reason.unverified", lang, count=len(status.unverified_late), date=oldest,
                   days=days)  # fmt: skip
    every = update_text(goal, lang)
    if status.last_entry:
        return say("reason.stale", lang, last=status.last_entry, every=every)
    return say("reason.stale_never", lang, every=every)


def plan_ended(plan: Plan, as_of: dt.date, *, command: str) -> Phrase:
    """One line for a report dated after the plan's end, when every unfinished
    goal reads as overdue: when the plan ended and how to see it as it stood."""
    return phrase(
        "plan.ended",
        end=plan.end.isoformat(),
        as_of=as_of.isoformat(),
        command=f"{command} --as-of {plan.end.isoformat()}",
    )


def revision_text(goal, as_of, lang: str) -> str:
    """The revision in force on `as_of`, in one line: what changed, from what,
    why and on whose authority; '' when the goal is as first defined."""
    from tracker.numbers import grouped

    revision = goal.revision_on(as_of)
    original = goal.revised_from
    if revision is None or original is None:
        return ""
    changes = []
    if original.target != goal.target:
        changes.append(say("revision.target", lang, old=grouped(original.target),
                           new=grouped(goal.target), unit=goal.unit))  # fmt: skip
    if original.deadline != goal.deadline:
        changes.append(say("revision.deadline", lang, old=original.deadline, new=goal.deadline))
    why = say("list.semicolon", lang).join(x for x in (revision.reason, revision.document) if x)
    changes_text = say("list.comma", lang).join(changes)
    return say("revision.line", lang, date=revision.date, changes=changes_text, why=why or "—")
