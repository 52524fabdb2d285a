"""New entries: built from what the user typed or piped in, and checked against
the plan and the log as it stands, before anything is written. Pure."""

from __future__ import annotations

import datetime as dt
import secrets

from tracker.engine.ledger import build_series, effective_by_goal, retracted_ids
from tracker.model import Entry, Kind, Op, Plan
from tracker.problems import Problem
from tracker.validate import entry_problems, part_of_violations, problem_at


def new_id() -> str:
    """64 random bits: unique across clones without coordination."""
    return secrets.token_hex(8)


def check_new(
    plan: Plan, existing: list[Entry], new: list[Entry], *, today: dt.date
) -> list[Problem]:
    """Everything that refuses a write: each new entry on its own, then what it
    would do to the log (repeats, a part exceeding its whole)."""
    problems: list[Problem] = []
    known = {e.id for e in existing}
    for entry in new:
        if entry.id in known:
            problems.append(
                problem_at(
                    entry,
                    f"entry id '{entry.id}' is already in the log",
                    "leave 'id' out to get a fresh one",
                    "duplicate",
                )
            )
        known.add(entry.id)
    for entry in new:
        problems += entry_problems(plan, entry, known_ids=known)
        if entry.date is not None and entry.date > today:
            problems.append(
                problem_at(
                    entry,
                    f"date {entry.date} is in the future (today is {today})",
                    "log what has happened; use --date for an earlier day",
                    "future",
                )
            )
    if problems:
        return problems
    problems += _repeats(plan, existing, new)
    problems += _retraction_targets(existing, new)
    touched = {e.goal for e in new}
    already_over = {goal_id for goal_id, _ in part_of_violations(plan, existing, touched)}
    for goal_id, problem in part_of_violations(plan, existing + new, touched):
        if goal_id not in already_over:
            problems.append(problem)
    return problems


def _repeats(plan: Plan, existing: list[Entry], new: list[Entry]) -> list[Problem]:
    """A milestone done twice, or a checklist item ticked twice, is a mistake."""
    ticking = {e.goal for e in new if e.op in (Op.DONE, Op.ITEMS)}
    if not ticking:
        return []
    grouped, _ = effective_by_goal(plan, existing, ticking)
    problems = []
    ticked: dict[str, dict[str, dt.date]] = {}
    for goal in plan.goals:
        if goal.id in ticking and goal.kind in (Kind.MILESTONE, Kind.CHECKLIST):
            marks = {}
            for entry in grouped[goal.id]:
                for item in _ticks(entry):
                    marks.setdefault(item, entry.date)
            ticked[goal.id] = marks
    for entry in new:
        marks = ticked.get(entry.goal)
        if marks is None:
            continue
        for item in _ticks(entry):
            if item in marks:
                what = "it was" if item == "done" else f"'{item}' was"
                problems.append(
                    problem_at(
                        entry,
                        f"{entry.goal}: {what} already logged done on {marks[item]}",
                        "retract that entry first if it was wrong",
                        "repeat",
                    )
                )
            marks[item] = entry.date
    return problems


def _ticks(entry: Entry) -> tuple[str, ...]:
    """What an entry marks done: its checklist items, or the milestone itself."""
    return entry.items or (("done",) if entry.op is Op.DONE else ())


def _retraction_targets(existing: list[Entry], new: list[Entry]) -> list[Problem]:
    ops = {e.id: e for e in existing + new}
    already = retracted_ids(existing)
    problems = []
    for entry in new:
        if entry.op is not Op.RETRACT:
            continue
        target = ops.get(entry.retracts)
        if target is not None and target.op is Op.RETRACT:
            problems.append(
                problem_at(
                    entry,
                    f"'{entry.retracts}' is itself a retraction",
                    "log the entry again instead",
                    "retract-retraction",
                )
            )
        elif entry.retracts in already:
            problems.append(
                problem_at(
                    entry, f"entry '{entry.retracts}' is already retracted", "", "already-retracted"
                )
            )
    return problems


def standing(plan: Plan, entries: list[Entry], goal_id: str, day: dt.date):
    """The goal's status after a write, for the one-line answer."""
    from tracker.engine.status import goal_status

    goal = plan.goal(goal_id)
    grouped, _ = effective_by_goal(plan, entries, {goal_id})
    return goal_status(goal, build_series(goal, grouped[goal_id]), as_of=day)
