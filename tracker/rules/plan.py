"""What a well-typed plan must satisfy: dates inside the plan, ranges, unique
ids, known areas, sound part_of links, a real time zone. Pure: each rule takes
the plan (and the ids of goals too broken to build) and returns problems."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from tracker.model import Direction, Goal, Kind, Plan
from tracker.problems import Problem, problem, suggest, suggest_or

GOAL_ID = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")
EPSILON = 1e-9

Rule = Callable[..., list[Problem]]


def at(goal_or_plan, code: str, key: str | None, message: str, fix=None, /, **args) -> Problem:
    """A problem located at `key` of a goal's (or the plan's) table."""
    origin = goal_or_plan.origin
    file = origin.file if origin else "plan"
    line = origin.line_of(key) if origin else None
    return problem(file, line, code, message, fix, **args)


# ── the plan table ───────────────────────────────────────────────────────────


def plan_period(plan: Plan, **_) -> list[Problem]:
    if plan.end < plan.start:
        return [at(plan, "date", "end", "plan_ends_before_start", end=plan.end, start=plan.start)]
    return []


def time_zone(plan: Plan, **_) -> list[Problem]:
    from tracker.dates import find_zone

    if find_zone(plan.timezone) is None:
        return [
            at(plan, "invalid", "timezone", "unknown_timezone", "use_iana_zone", name=plan.timezone)
        ]
    return []


def tolerances(plan: Plan, **_) -> list[Problem]:
    found = []
    for owner in (plan, *plan.goals):
        if not 0 <= owner.tolerance < 1:
            found.append(
                at(
                    owner,
                    "range",
                    "tolerance",
                    "tolerance_range",
                    "tolerance_example",
                    value=owner.tolerance,
                )
            )
    return found


def area_ids(plan: Plan, **_) -> list[Problem]:
    seen: set[str] = set()
    found = []
    for area in plan.areas:
        if area.id in seen:
            found.append(at(area, "duplicate", "id", "duplicate_area", id=area.id))
        seen.add(area.id)
    return found


# ── each goal ────────────────────────────────────────────────────────────────


def goal_ids(plan: Plan, **_) -> list[Problem]:
    found = []
    first: dict[str, Goal] = {}
    for goal in plan.goals:
        if not GOAL_ID.match(goal.id):
            found.append(at(goal, "id", "id", "goal_id_form", "goal_id_example", id=goal.id))
        if goal.id in first:
            found.append(
                at(
                    goal,
                    "duplicate",
                    None,
                    "duplicate_goal",
                    "first_defined_at",
                    id=goal.id,
                    line=first[goal.id].origin.line,
                )
            )
        else:
            first[goal.id] = goal
    return found


def known_areas(plan: Plan, **_) -> list[Problem]:
    ids = [a.id for a in plan.areas]
    found = []
    for goal in plan.goals:
        if ids and goal.area not in ids:
            fix = suggest_or(goal.area, ids, "areas_are", areas=", ".join(sorted(ids)))
            found.append(at(goal, "unknown-area", "area", "unknown_area", fix, area=goal.area))
    return found


def goal_dates(plan: Plan, **_) -> list[Problem]:
    found = []
    for goal in plan.goals:
        for key, day in (("deadline", goal.deadline), ("start", goal.start)):
            if not plan.start <= day <= plan.end:
                found.append(
                    at(
                        goal,
                        "date",
                        key,
                        "outside_plan",
                        "move_inside_plan",
                        key=key,
                        date=day,
                        start=plan.start,
                        end=plan.end,
                    )
                )
        if goal.start > goal.deadline:
            found.append(
                at(
                    goal,
                    "date",
                    "start",
                    "start_after_deadline",
                    start=goal.start,
                    deadline=goal.deadline,
                )
            )
    return found


def targets(plan: Plan, **_) -> list[Problem]:
    found = []
    for goal in plan.goals:
        if goal.kind is Kind.COUNT and goal.target is not None and goal.target <= 0:
            found.append(at(goal, "range", "target", "count_target_positive"))
        # A level starts from 0 (a cut of 0 % so far) and may aim at 0 (no incidents),
        # but a reading below zero is no level tracker can measure against.
        for key in ("target", "baseline"):
            value = getattr(goal, key)
            if goal.kind is Kind.LEVEL and value is not None and value < 0:
                found.append(at(goal, "range", key, "level_not_negative", key=key))
        if goal.kind is not Kind.LEVEL:
            continue
        if goal.direction is Direction.AT_MOST and goal.baseline is None:
            found.append(
                at(goal, "missing-key", "direction", "at_most_needs_baseline", "add_baseline")
            )
        if goal.baseline is not None and goal.target is not None and goal.baseline == goal.target:
            found.append(at(goal, "range", "baseline", "baseline_equals_target"))
    return found


def checklist_items(plan: Plan, **_) -> list[Problem]:
    found = []
    for goal in plan.goals:
        if goal.kind is not Kind.CHECKLIST:
            continue
        if not goal.items:
            found.append(at(goal, "empty", "items", "checklist_without_items", "name_items"))
        seen: set[str] = set()
        for item in goal.items:
            if item in seen:
                found.append(at(goal, "duplicate", "items", "item_twice", item=item))
            if not item.strip():
                found.append(at(goal, "empty", "items", "item_empty"))
            seen.add(item)
    return found


def trajectories(plan: Plan, **_) -> list[Problem]:
    found = []
    for goal in plan.goals:
        previous = None
        for point in goal.trajectory:
            if not goal.start <= point.date <= goal.deadline:
                found.append(
                    at(
                        goal,
                        "date",
                        "trajectory",
                        "checkpoint_outside",
                        date=point.date,
                        start=goal.start,
                        deadline=goal.deadline,
                    )
                )
            if previous is not None and point.date <= previous:
                found.append(at(goal, "date", "trajectory", "checkpoints_order"))
            previous = point.date
    return found


def part_of_links(plan: Plan, *, unbuilt: frozenset[str] = frozenset()) -> list[Problem]:
    """part_of names a count goal of the same unit, with no cycle. A goal that
    could not be built is not called unknown: its own problem says why."""
    by_id: dict[str, Goal] = {}
    for goal in plan.goals:
        by_id.setdefault(goal.id, goal)
    found = []
    for goal in by_id.values():
        if goal.part_of is None or goal.part_of in unbuilt:
            continue
        parent = by_id.get(goal.part_of)
        if parent is None:
            fix = suggest(goal.part_of, by_id) or "name_another_goal"
            found.append(
                at(
                    goal,
                    "unknown-goal",
                    "part_of",
                    "part_of_unknown",
                    fix,
                    id=goal.id,
                    parent=goal.part_of,
                )
            )
            continue
        seen = {goal.id}
        cursor: Goal | None = parent
        while cursor is not None and cursor.id not in seen:
            seen.add(cursor.id)
            cursor = by_id.get(cursor.part_of) if cursor.part_of else None
        if cursor is not None:
            found.append(
                at(goal, "cycle", "part_of", "part_of_cycle", "part_of_cycle_fix", id=goal.id)
            )
            continue
        if parent.kind is not Kind.COUNT or parent.unit != goal.unit:
            found.append(
                at(
                    goal,
                    "unit",
                    "part_of",
                    "part_of_units",
                    "part_of_units_fix",
                    id=goal.id,
                    unit=goal.unit,
                    parent=parent.id,
                    parent_unit=parent.unit or parent.kind.value,
                )
            )
    return found


def finite_numbers(plan: Plan, **_) -> list[Problem]:
    """NaN and infinity parse as TOML floats but cannot be tracked."""
    found = []
    for goal in plan.goals:
        for key in ("target", "baseline", "tolerance"):
            value = getattr(goal, key)
            if value is not None and not math.isfinite(value):
                found.append(at(goal, "range", key, "not_finite", key=key))
        if any(not math.isfinite(c.value) for c in goal.trajectory):
            found.append(at(goal, "range", "trajectory", "not_finite", key="trajectory"))
    return found


PLAN_RULES: tuple[Rule, ...] = (
    plan_period,
    time_zone,
    tolerances,
    area_ids,
    goal_ids,
    known_areas,
    goal_dates,
    targets,
    checklist_items,
    trajectories,
    part_of_links,
    finite_numbers,
)


def plan_problems(plan: Plan, *, unbuilt: frozenset[str] = frozenset()) -> list[Problem]:
    """Every plan rule, every problem, in file order."""
    found = [p for rule in PLAN_RULES for p in rule(plan, unbuilt=unbuilt)]
    return sorted(found, key=lambda p: p.line or 0)
