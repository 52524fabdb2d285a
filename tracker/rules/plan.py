"""What a well-typed plan must satisfy: dates inside the plan, ranges, unique
ids, known areas, sound part_of links, a real time zone. Pure: each rule takes
the plan (and the ids of goals too broken to build) and returns problems."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from tracker.kinds import Complaint, kind_of
from tracker.model import Goal, Plan
from tracker.numbers import LARGEST
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
    """A goal lives inside the plan's period unless it says it crosses the year
    (`multi_year = true`, or `carried_from` last year's plan)."""
    found = []
    for goal in plan.goals:
        for key, day in (("deadline", goal.deadline), ("start", goal.start)):
            if not goal.crosses_year and not plan.start <= day <= plan.end:
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


def kind_rules(plan: Plan, **_) -> list[Problem]:
    """What each goal's kind asks of it (tracker.kinds): a count's positive
    target and its decimal places, a level's baseline, a checklist's items."""
    return [
        complained(goal, complaint)
        for goal in plan.goals
        for complaint in kind_of(goal).plan_complaints(goal)
    ]


def complained(goal: Goal, complaint: Complaint, key: str | None = None) -> Problem:
    """A kind's complaint about a goal, at its key (or at `key`)."""
    code, at_key, message, fix, args = complaint
    return at(goal, code, key or at_key, message, fix, **args)


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
        if not kind_of(parent).takes("part_of") or parent.unit != goal.unit:
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


def shared_offices(plan: Plan, **_) -> list[Problem]:
    found = []
    for goal in plan.goals:
        seen = {goal.owner}
        for office in goal.co_owners:
            if not office.strip():
                found.append(at(goal, "empty", "co_owners", "co_owner_empty"))
            elif office in seen:
                found.append(at(goal, "duplicate", "co_owners", "co_owner_twice", office=office))
            seen.add(office)
    return found


def revisions(plan: Plan, **_) -> list[Problem]:
    """Each revision changes something, in date order, before the deadline it
    changes; easing a target or a deadline needs a reason."""
    found = []
    for goal in plan.goals:
        previous = None
        in_force = goal
        for revision in goal.revisions:
            args = {"date": revision.date}
            if not _changes(in_force, revision):  # nothing given, or what is in force restated
                found.append(at(goal, "invalid", "revisions", "revision_changes_nothing", **args))
            if previous is not None and revision.date <= previous:
                found.append(at(goal, "date", "revisions", "revisions_order"))
            if revision.date > in_force.deadline:
                found.append(
                    at(
                        goal,
                        "date",
                        "revisions",
                        "revision_after_deadline",
                        "revision_after_fix",
                        deadline=in_force.deadline,
                        **args,
                    )
                )
            if revision.deadline is not None and revision.deadline < revision.date:
                found.append(at(goal, "date", "revisions", "revision_deadline_past", **args))
            if (
                revision.deadline is not None
                and not goal.crosses_year
                and not (plan.start <= revision.deadline <= plan.end)
            ):
                found.append(
                    at(
                        goal,
                        "date",
                        "revisions",
                        "outside_plan",
                        "move_inside_plan",
                        key="deadline",
                        date=revision.deadline,
                        start=plan.start,
                        end=plan.end,
                    )
                )
            if revision.target is not None and -LARGEST <= revision.target <= LARGEST:
                refused = kind_of(goal).target_complaint(goal, revision.target)
                if refused is not None:  # (one beyond an entry's reach: finite_numbers)
                    found.append(complained(goal, refused, "revisions"))
            if _eases(goal, in_force, revision) and not revision.reason.strip():
                found.append(at(goal, "invalid", "revisions", "easing_needs_reason", **args))
            previous = revision.date
            in_force = in_force.applying(revision)
    return found


def _changes(in_force: Goal, revision) -> bool:
    """Whether a revision changes the definition in force on its date."""
    return (revision.target is not None and revision.target != in_force.target) or (
        revision.deadline is not None and revision.deadline != in_force.deadline
    )


def _eases(goal: Goal, in_force: Goal, revision) -> bool:
    """A later deadline, or a target easier to meet."""
    if revision.deadline is not None and revision.deadline > in_force.deadline:
        return True
    if revision.target is None or in_force.target is None:
        return False
    return kind_of(goal).eases(goal, in_force.target, revision.target)


def carried_values(plan: Plan, **_) -> list[Problem]:
    found = []
    for goal in plan.goals:
        if goal.carried_from is not None and ":" not in goal.carried_from:
            found.append(
                at(goal, "invalid", "carried_from", "carried_from_form", "carried_from_example")
            )
        if goal.start_value is not None and goal.start_value < 0:
            found.append(at(goal, "range", "start_value", "level_not_negative", key="start_value"))
        for item in goal.start_items:
            if item not in goal.items:
                fix = suggest_or(item, goal.items, "items_are", items=", ".join(goal.items))
                found.append(
                    at(
                        goal,
                        "unknown-item",
                        "start_items",
                        "unknown_item",
                        fix,
                        item=item,
                        goal=goal.id,
                    )
                )
        # An item is due inside the goal's span, under every deadline it has
        # (a revision may bring the deadline forward past an item's).
        deadlines = [goal.deadline, *(r.deadline for r in goal.revisions if r.deadline)]
        for item in goal.item_deadlines:
            latest = min(deadlines)
            if not goal.start <= item.deadline <= latest:
                found.append(
                    at(
                        goal,
                        "date",
                        "items",
                        "item_deadline_outside",
                        item=item.name,
                        date=item.deadline,
                        start=goal.start,
                        deadline=latest,
                    )
                )
    return found


def finite_numbers(plan: Plan, **_) -> list[Problem]:
    """NaN and infinity parse as TOML floats but cannot be tracked; nor can a
    number beyond what an entry may carry (numbers.LARGEST): a target of 1e308
    is a slip no entry could ever reach, and would print as 309 digits."""
    found = []
    for goal in plan.goals:
        numbers = [(key, getattr(goal, key)) for key in ("target", "baseline", "start_value")]
        numbers += [("trajectory", c.value) for c in goal.trajectory]
        numbers += [("revisions", r.target) for r in goal.revisions]
        said = set()
        for key, value in numbers:
            if value is None or key in said or -LARGEST <= value <= LARGEST:
                continue
            said.add(key)
            message = "number_too_large" if math.isfinite(value) else "not_finite"
            found.append(at(goal, "range", key, message, key=key, largest=f"{LARGEST:g}"))
        if goal.tolerance is not None and not math.isfinite(goal.tolerance):
            found.append(at(goal, "range", "tolerance", "not_finite", key="tolerance"))
    return found


def listed_offices(plan: Plan, **_) -> list[Problem]:
    """Where the plan lists its offices ([[plan.offices]]), each is named once
    (no two share a full or a short name) and every office a goal names (lead,
    co-responsible, verifying) is one of them."""
    if not plan.offices:
        return []
    found = []
    seen: dict[str, str] = {}
    for office in plan.offices:
        for name in dict.fromkeys((office.name, office.short)):
            if not name:
                continue
            if name in seen:
                found.append(problem(office.origin.file, office.origin.line_of("short"),
                                     "duplicate", "office_twice", "office_names_once",
                                     name=name, other=seen[name]))  # fmt: skip
            seen.setdefault(name, office.name)
    listed = sorted({o.name for o in plan.offices} | {o.short for o in plan.offices if o.short})
    for goal in plan.goals:
        named = [("owner", goal.owner), *(("co_owners", o) for o in goal.co_owners)]
        named += [("verified_by", o) for o in goal.verified_by]
        for key, name in named:
            if plan.office(name) is None:
                fix = suggest_or(name, listed, "offices_are", offices="、".join(listed))
                found.append(at(goal, "unknown-office", key, "office_not_listed", fix, office=name))
    verification = plan.verification
    for name in verification.offices:
        if plan.office(name) is None:
            origin = verification.origin
            fix = suggest_or(name, listed, "offices_are", offices="、".join(listed))
            found.append(problem(origin.file, origin.line_of("offices"), "unknown-office",
                                 "office_not_listed", fix, office=name))  # fmt: skip
    return found


PLAN_RULES: tuple[Rule, ...] = (
    listed_offices,
    plan_period,
    time_zone,
    tolerances,
    area_ids,
    goal_ids,
    known_areas,
    goal_dates,
    kind_rules,
    trajectories,
    part_of_links,
    finite_numbers,
    shared_offices,
    revisions,
    carried_values,
)


def plan_problems(plan: Plan, *, unbuilt: frozenset[str] = frozenset()) -> list[Problem]:
    """Every plan rule, every problem, in file order."""
    found = [p for rule in PLAN_RULES for p in rule(plan, unbuilt=unbuilt)]
    return sorted(found, key=lambda p: p.line or 0)
