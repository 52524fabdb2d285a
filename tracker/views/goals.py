"""`tracker goals`: the plan's goal definitions."""

from __future__ import annotations

from tracker.model import Direction, Goal, Kind, Plan
from tracker.numbers import grouped
from tracker.views.common import LABELS, area_name, goal_dict, title_of
from tracker.views.model import Cell, Column, Section, Table
from tracker.views.report import Report


def goals_report(plan: Plan, *, area: str | None, lang: str) -> Report:
    goals = [g for g in plan.goals if area is None or g.area == area]

    def body() -> dict:
        return {"plan": plan_dict(plan), "goals": [goal_dict(g) for g in goals]}

    def tables() -> tuple[Table, ...]:
        return (goals_table(plan, goals, lang),)

    return Report("tracker.goals/1", None, body, tables=tables)


def goals_table(plan: Plan, goals: list[Goal], lang: str) -> Table:
    labels = LABELS[lang]
    columns = (
        Column("id", labels["id"]),
        Column("title", labels["title"], shrink=True),
        Column("kind", labels["kind"], drop=2),
        Column("target", "target" if lang == "en" else "目标值", align="right"),
        Column("deadline", labels["deadline"], drop=1),
        Column("owner", labels["owner"], drop=3),
    )
    rows = []
    for area_id in [a.id for a in plan.areas]:
        in_area = [g for g in goals if g.area == area_id]
        if not in_area:
            continue
        rows.append(Section(area_name(plan, area_id, lang)))
        for g in in_area:
            rows.append(
                (
                    Cell(g.id),
                    Cell(title_of(g, lang)),
                    Cell(g.kind.value),
                    Cell(_target(g)),
                    Cell(g.deadline.isoformat()),
                    Cell(g.owner),
                )
            )
    title = plan.title_en if lang == "en" else plan.title
    return Table(
        columns, tuple(rows), title=title, header_lines=(f"{len(goals)} {labels['goals']}",)
    )


def _target(goal) -> str:
    if goal.kind is Kind.CHECKLIST:
        return f"{len(goal.items)} items"
    if goal.kind is Kind.MILESTONE:
        return "—"
    sign = ""
    if goal.kind is Kind.LEVEL:
        sign = "≤ " if goal.direction is Direction.AT_MOST else "≥ "
    return f"{sign}{grouped(goal.target)} {goal.unit}".strip()


def plan_dict(plan: Plan) -> dict:
    return {
        "id": plan.id,
        "title": plan.title,
        "title_en": plan.title_en,
        "start": plan.start.isoformat(),
        "end": plan.end.isoformat(),
        "timezone": plan.timezone,
        "tolerance": plan.tolerance,
        "areas": [{"id": a.id, "name": a.name, "name_en": a.name_en} for a in plan.areas],
    }
