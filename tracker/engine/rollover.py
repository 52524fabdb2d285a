"""Next year's plan from this year's: every goal not done at the old plan's end,
carried with its definition (as revised by then), a `carried_from` reference and
its value at the end as the new start. Pure."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from dateutil.relativedelta import relativedelta

from tracker.engine.status import goal_status
from tracker.kinds import kind_of
from tracker.ledger.steps import Figured
from tracker.model import Goal, Plan, State


def shift(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (29 February becomes the 28th)."""
    return day + relativedelta(years=years)


def renamed(text: str, old_year: int, new_year: int) -> str:
    """'石峰区2020年工作目标' → '石峰区2021年工作目标'; text without the year gains none."""
    return re.sub(rf"(?<!\d){old_year}(?!\d)", str(new_year), text)


def carry_over(plan: Plan, figures: dict[str, Figured], *, year: int) -> tuple[Plan, list[Goal]]:
    """(the new plan, the old goals it carries). The new plan keeps the areas;
    its period is the old one moved to `year`."""
    years = year - plan.start.year
    end = plan.end
    carried: list[Goal] = []
    new_goals: list[Goal] = []
    for goal in plan.goals:
        status = goal_status(goal, figures[goal.id], as_of=end)
        if status.state is State.DONE:
            continue
        carried.append(goal)
        new_goals.append(_carried(plan, status.goal, status, years))
    kept = {g.id for g in new_goals}
    new_goals = [g if g.part_of in kept else replace(g, part_of=None) for g in new_goals]
    new_plan = replace(
        plan,
        id=renamed(plan.id, plan.start.year, year) if str(plan.start.year) in plan.id
        else f"{plan.id}-{year}",
        title=renamed(plan.title, plan.start.year, year),
        title_en=renamed(plan.title_en, plan.start.year, year),
        start=shift(plan.start, years),
        end=shift(plan.end, years),
        goals=tuple(new_goals),
        origin=None,
    )  # fmt: skip
    return new_plan, carried


def _carried(plan: Plan, goal: Goal, status, years: int) -> Goal:
    """One unfinished goal, as defined at the old plan's end, moved on: it
    starts with the new plan, and its dates inside the old plan's year move to
    the new one, while a continuing goal's dates beyond that year (a deadline
    mid-next-year) stay as they are, with its `multi_year`. A checkpoint or
    item deadline that would fall outside the goal's new span is dropped."""
    start = shift(plan.start, years)

    def moved(day: dt.date) -> dt.date:
        return shift(day, years) if plan.start <= day <= plan.end else day

    deadline = moved(goal.deadline)

    def inside(day: dt.date) -> bool:
        return start <= day <= deadline

    changes: dict = {
        "start": start,
        "deadline": deadline,
        "carried_from": f"{plan.id}:{goal.id}",
        "revisions": (),
        "trajectory": tuple(
            c._replace(date=moved(c.date)) for c in goal.trajectory if inside(moved(c.date))
        ),
        "item_deadlines": tuple(
            i._replace(deadline=moved(i.deadline))
            for i in goal.item_deadlines
            if inside(moved(i.deadline))
        ),
        "origin": None,
        "revised_from": None,
    }
    kind = kind_of(goal)
    changes.update(kind.carried(goal, status))  # where it stood at the end
    if kind.dated_items:  # a stage whose date was dropped goes with it
        dated = {i.name for i in changes["item_deadlines"]}
        changes["items"] = tuple(i for i in changes.get("items", goal.items) if i in dated)
    return replace(goal, **changes)
