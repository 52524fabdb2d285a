"""Pieces shared by views: goal and status as JSON dicts, names in a language,
bars, percentages, state marks and what an entry did."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from tracker.engine.gaps import gaps
from tracker.kinds import Effect, kind_of
from tracker.model import ABOUT_KEYS, Area, Entry, Goal, GoalStatus, Op, Plan, State, record_op
from tracker.numbers import grouped, plain_number
from tracker.words import LANGS, say

if TYPE_CHECKING:  # built only for tables and sheets, never on the JSON path
    from tracker.views.model import Column

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


def title_of(thing: Plan | Goal | Area, lang: str) -> str:
    """A plan's, goal's or area's own name in `lang`: data from goals.toml, not
    catalogue words (and so a city's, a district's, an indicator's: whatever
    has a title and title_en, or a name and name_en)."""
    if isinstance(thing, Area) or hasattr(thing, "name_en"):
        zh, en = thing.name, thing.name_en
    else:
        zh, en = thing.title, thing.title_en
    return en if lang == "en" else zh


def chinese(lang: str) -> bool:
    """Whether numbers, dates and the plan's Chinese-only names are written as
    Chinese writes them (一、, 2020年6月30日, 经济发展): a paper's numerals and
    dates follow its language as its words do, and this is the one place
    they are chosen (the words themselves are the catalogue's)."""
    return lang != "en"


def other_language(lang: str) -> str:
    return LANGS[1 - LANGS.index(lang)]


def area_name(plan: Plan, area_id: str, lang: str) -> str:
    area = plan.area(area_id)
    return area_id if area is None else title_of(area, lang)


def column(key: str, lang: str, **how) -> Column:
    """A table column headed by the catalogue's word for `key`."""
    from tracker.views.model import Column

    return Column(key, say(f"column.{key}", lang), **how)


def _identity(goal: Goal) -> dict:
    return {
        "id": goal.id,
        "title": goal.title,
        "title_en": goal.title_en,
        "area": goal.area,
        "owner": goal.owner,
        "co_owners": list(goal.co_owners),
        "kind": goal.kind.value,
    }


def goal_dict(goal: Goal) -> dict:
    """A goal definition with all of SPEC's fields, as JSON; the keys of another
    kind than the goal's are null."""
    kind = kind_of(goal)

    def own(key: str, value):
        return value if kind.takes(key) else None

    out = {
        **_identity(goal),
        "start": goal.start.isoformat(),
        "deadline": goal.deadline.isoformat(),
        "target": plain_number(kind.full_target(goal)),
        "unit": goal.unit,
        "direction": own("direction", goal.direction.value),
        "baseline": plain_number(goal.baseline),
        "items": list(goal.items),
        "part_of": goal.part_of,
        "update_every": goal.update_every.value,
        "tolerance": goal.tolerance,
        "trajectory": [
            {"date": c.date.isoformat(), "value": plain_number(c.value)} for c in goal.trajectory
        ],
        "source": goal.source,
        "judged": own("judged", goal.judged.value),
        "item_deadlines": {i.name: i.deadline.isoformat() for i in goal.item_deadlines},
        "revisions": [
            {
                "date": r.date.isoformat(),
                "target": plain_number(r.target),
                "deadline": r.deadline.isoformat() if r.deadline else None,
                "reason": r.reason,
                "document": r.document,
            }
            for r in goal.revisions
        ],
        "carried_from": goal.carried_from,
        "multi_year": goal.multi_year,
        "start_value": plain_number(goal.start_value),
        "start_items": list(goal.start_items),
        "decimals": own("decimals", goal.decimals),
        "indicator": goal.indicator,
    }
    return out


def revision_dict(goal: Goal, as_of) -> dict | None:
    """The revision in force on as_of, with the definition it replaced."""
    revision = goal.revision_on(as_of)
    if revision is None or goal.revised_from is None:
        return None
    original = goal.revised_from
    return {
        "date": revision.date.isoformat(),
        "reason": revision.reason,
        "document": revision.document,
        "original_target": plain_number(original.target),
        "original_deadline": original.deadline.isoformat(),
    }


def status_dict(status: GoalStatus) -> dict:
    goal = status.goal
    kind = kind_of(goal)
    forecast = status.forecast
    behind = gaps(status)
    return {
        **_identity(goal),
        "state": status.state.value,
        "progress": round(status.progress, 6),
        "expected": round(status.expected, 6),
        "current": plain_number(status.current),
        "target": plain_number(kind.full_target(goal)),
        "unit": goal.unit,
        "deadline": goal.deadline.isoformat(),
        "days_left": status.days_left,
        "due_soon": status.due_soon,
        "stale": status.stale,
        "schedule_days": status.schedule_days,
        "gap_to_schedule": plain_number(behind.to_schedule),
        "gap_to_target": plain_number(behind.to_target),
        "forecast": None
        if forecast is None
        else {
            "completion_date": forecast.completion_date.isoformat(),
            "days_late": forecast.days_late,
        },
        "last_entry": status.last_entry.isoformat() if status.last_entry else None,
        "items_done": list(status.items_done) if kind.takes(kind.items_key) else None,
        "target_reached": status.target_reached,
        "awaiting_final_reading": status.awaiting_final,
        "items": [
            {"name": name, "deadline": goal.item_deadline(name).isoformat(), "state": state.value}
            for name, state in status.item_states
        ]
        or None,
        "revision": revision_dict(goal, status.as_of),
        **({} if status.figures is None else {"verification": verification_dict(status)}),
    }


def verification_dict(status: GoalStatus) -> dict:
    """Where a goal's reports are verified: both figures and what waits."""
    figures = status.figures
    return {
        "reported": plain_number(figures.reported),
        "verified": plain_number(figures.verified),
        "decides": figures.decides.value,
        "awaiting_close": status.awaiting_close,
        "waiting": [e.id for e in status.unverified],
        "waiting_late": [e.id for e in status.unverified_late],
    }


def bar(fraction: float, width: int = 10) -> str:
    fraction = max(0.0, min(1.0, fraction))
    filled = round(fraction * width)
    # ASCII on purpose: block glyphs have "ambiguous" East Asian width and
    # misalign in CJK terminals.
    return "#" * filled + "-" * (width - filled)


def percent(fraction: float) -> str:
    return f"{max(0.0, min(fraction, 9.99)) * 100:.0f}%"


def entry_change(entry: Entry, lang: str, plan: Plan | None = None) -> str:
    """What one entry did, in a few characters: +120, = 1,320, done, ✔ 长石
    (with the plan, a level's reading as the value it states: = 6.8)."""
    goal = plan.goal(entry.goal) if plan is not None and entry.goal else None
    return change_text(
        entry.op, entry.value, entry.items, entry.about, lang, entry.verdict,
        files=len(entry.evidence), stated=goal is not None and states_value(goal),
    )  # fmt: skip


def record_change(record: dict, lang: str, stated: Collection[str] = ()) -> str:
    """entry_change for a plain record (model.line_record's shape); `stated`:
    the goals whose value line states the value (stated_goals)."""
    op = record_op(record)
    about = record.get(ABOUT_KEYS[op]) if op in ABOUT_KEYS else None
    files = len(record.get("evidence", ()))
    return change_text(op, record.get("value"), record.get("items"), about, lang,
                       record.get("verdict"), files=files,
                       stated=record.get("goal") in stated)  # fmt: skip


def stated_goals(plan: Plan | None) -> frozenset[str]:
    """The goals whose plain value line states the value (a level's reading)
    rather than adding to it: shown as '= 6.8', never as an increment."""
    if plan is None:
        return frozenset()
    return frozenset(g.id for g in plan.goals if states_value(g))


def states_value(goal: Goal) -> bool:
    """Whether the goal's plain value line states its value (a reading)."""
    return kind_of(goal).effects.get(Op.VALUE) is Effect.SET


def change_text(
    op: Op, value, items, about: str | None, lang: str, verdict: str | None = None, *,
    files: int = 0, stated: bool = False,
) -> str:  # fmt: skip
    """`about`: the id a line about a line names; `verdict`: a verdict's;
    `files`: an attachment's evidence files; `stated`: a value line states the
    goal's value (a level's reading) rather than adding to it."""
    if op is Op.VALUE and not stated:
        return f"{'+' if value >= 0 else ''}{grouped(value)}"
    if op is Op.TOTAL or op is Op.VALUE:
        return f"= {grouped(value)}"
    if op is Op.DONE:
        return say("change.done", lang)
    if op is Op.ITEMS:
        return "✔ " + "、".join(items)
    if op is Op.RETRACT:
        return say("change.retracts", lang, id=about[:8])
    if op is Op.VERDICT:
        return say(f"change.{verdict}", lang, id=(about or "")[:8])
    if op is Op.ATTACH:
        return say("change.attaches", lang, count=files, id=(about or "")[:8])
    return say("change.note", lang)


def office_text(goal: Goal, lang: str, plan: Plan | None = None) -> str:
    """The lead office, marked as such when others share the goal, then the
    others; each by its short name where the plan lists one (住建局: a column of
    offices stays narrow and reads as people say it)."""
    owner, *others = (office_name(plan, name) for name in goal.owners)
    if not others:
        return owner
    return "、".join((say("office.lead", lang, office=owner), *others))


def office_leaders(plan: Plan, goal: Goal) -> str:
    """The leaders in charge (分管领导) of a goal's offices, as the plan names
    them, each once; empty where it names none."""
    offices = (plan.office(name) for name in goal.owners)
    return "、".join(dict.fromkeys(o.leader for o in offices if o is not None and o.leader))


def office_name(plan: Plan | None, name: str) -> str:
    """An office as a table names it: its short name where the plan lists one."""
    office = plan.office(name) if plan is not None else None
    return office.shown if office is not None else name


def one_line(text: str, lang: str) -> str:
    """A note as one line: its line breaks (a multi-line note) become the
    language's semicolons, never a literal \\n."""
    parts = [p.strip() for p in text.splitlines() if p.strip()]
    return say("list.semicolon", lang).join(parts)
