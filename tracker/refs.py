"""Naming things on the command line: a goal or a log entry from what a person
typed, or a located problem saying why it names none (or several)."""

from __future__ import annotations

from tracker.model import Entry, Goal, Plan
from tracker.problems import TrackerError, UsageError, problem, suggest_or

ENTRY_PREFIX_MIN = 4


def resolve_goal(plan: Plan, text: str) -> Goal:
    """The goal with this id; an unknown one is bad input (exit 3), with a suggestion."""
    goal = plan.goal(text)
    if goal is not None:
        return goal
    fix = suggest_or(text, [g.id for g in plan.goals], "see_goal_ids")
    raise TrackerError(problem("tracker", None, "unknown-goal", "unknown_goal", fix, goal=text))


def resolve_entry(entries: list[Entry], text: str) -> Entry:
    """An entry by id or unique id prefix (at least 4 characters)."""
    exact = [e for e in entries if e.id == text]
    if exact:
        return exact[0]
    matches = [e for e in entries if len(text) >= ENTRY_PREFIX_MIN and e.id.startswith(text)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        ids = ", ".join(sorted(e.id for e in matches)[:5])
        raise UsageError(
            "prefix_matches_many", "give_more_of_id", text=text, count=len(matches), ids=ids
        )
    fix = "entry_ids_shown" if len(text) >= ENTRY_PREFIX_MIN else "entry_ids_shown_min"
    raise TrackerError(
        problem(
            "tracker", None, "unknown-entry", "no_such_entry", fix, text=text, min=ENTRY_PREFIX_MIN
        )
    )


def resolve_area(plan: Plan, text: str) -> str:
    """A focus area's id; an unknown one is a usage error listing the areas."""
    if plan.area(text) is not None:
        return text
    ids = [a.id for a in plan.areas]
    raise UsageError(
        "unknown_area", suggest_or(text, ids, "areas_are", areas=", ".join(ids)), area=text
    )


def resolve_owner(plan: Plan, text: str) -> str:
    """An office that owns at least one goal."""
    owners = sorted({office for g in plan.goals for office in g.owners})
    if text in owners:
        return text
    fix = suggest_or(text, owners, "owners_are", owners=", ".join(owners))
    raise UsageError("unknown_owner", fix, owner=text)
