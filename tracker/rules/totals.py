"""A running total stated lower than the count already stood on its day: a
count only grows, so a lower total is most often a slip (a digit dropped, last
month's figure typed again) and is asked about or refused unless forced.
Only what a person types at `tracker log` is judged so: a batch copies a log
whose corrections were already made. Pure."""

from __future__ import annotations

from tracker.ledger import build_series, effective_by_goal
from tracker.model import Entry, Op, Plan
from tracker.numbers import grouped
from tracker.problems import Problem
from tracker.rules.entries import at


def lower_total(plan: Plan, existing: list[Entry], entry: Entry) -> list[Problem]:
    """`entry` a stated total (`--total N`) below the goal's value on its date."""
    goal = plan.goal(entry.goal)
    if goal is None or entry.op is not Op.TOTAL or entry.value is None or entry.date is None:
        return []
    counted, _ = effective_by_goal(plan, existing, {goal.id})
    before = build_series(goal, counted[goal.id]).value_on(entry.date)
    if before is None or entry.value >= before:
        return []
    return [
        at(entry, "lower-total", "total_lower", "total_lower_fix", goal=goal.id,
           value=grouped(entry.value), before=grouped(before), unit=goal.unit,
           date=entry.date.isoformat())
    ]  # fmt: skip
