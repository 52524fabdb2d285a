"""`tracker goals`: the plan's goal definitions."""

from __future__ import annotations

from tracker.kinds import kind_of
from tracker.model import Goal, Plan
from tracker.views.common import area_name, column, goal_dict, office_text, title_of
from tracker.views.model import Cell, Section, Table
from tracker.views.report import Report
from tracker.words import say


def goals_report(plan: Plan, *, area: str | None, lang: str) -> Report:
    goals = [g for g in plan.goals if area is None or g.area == area]
    # The number a person may type for a goal: its place in the plan, whatever
    # the filter, so `tracker show 12` means the same goal everywhere.
    numbers = {g.id: n for n, g in enumerate(plan.goals, start=1)}

    def body() -> dict:
        return {
            "plan": plan_dict(plan),
            "goals": [{"number": numbers[g.id], **goal_dict(g)} for g in goals],
        }

    def tables() -> tuple[Table, ...]:
        return (goals_table(plan, goals, lang, numbers),)

    return Report("tracker.goals/1", None, body, tables=tables)


def goals_table(plan: Plan, goals: list[Goal], lang: str, numbers: dict[str, int]) -> Table:
    columns = (
        # Narrow: owner, kind and deadline go, then the id is cut and dropped
        # (the number names the goal too) before the title is cut.
        column("number", lang, align="right"),
        column("id", lang, shrink=5, drop=3, distinct=True),
        column("title", lang, shrink=2, min_width=24),
        column("kind", lang, drop=7),
        column("target", lang, align="right"),
        column("deadline", lang, drop=6),
        column("owner", lang, drop=8),
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
                    Cell(str(numbers[g.id])),
                    Cell(g.id),
                    Cell(title_of(g, lang)),
                    Cell(say(kind_of(g).name_key, lang)),
                    Cell(kind_of(g).target_text(g, lang)),
                    Cell(g.deadline.isoformat()),
                    Cell(office_text(g, lang, plan)),
                )
            )
    return Table(
        columns,
        tuple(rows),
        title=title_of(plan, lang),
        header_lines=(say("goals.count", lang, count=len(goals)),),
        empty_text=say("table.empty", lang),
    )


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
