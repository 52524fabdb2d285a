"""Log entries checked against the plan: small validators, all run, all reported.

Pure functions; used by `tracker check` over the whole log and by `tracker log`
over the entries about to be written.
"""

from __future__ import annotations

import datetime as dt

from tracker.engine.ledger import OPS_FOR_KIND, build_series, effective_by_goal
from tracker.model import Entry, Kind, Op, Plan
from tracker.problems import Problem, suggest

OP_ADVICE = {
    Kind.COUNT: "log a count with `tracker log ID N` or `--total N`",
    Kind.LEVEL: "log a reading with `tracker log ID VALUE`",
    Kind.MILESTONE: "log a milestone with `tracker log ID --done`",
    Kind.CHECKLIST: "log checklist items with `tracker log ID --item NAME`",
}


def problem_at(entry: Entry, message: str, hint: str = "", code: str = "invalid") -> Problem:
    origin = entry.origin
    return Problem(
        origin.file if origin else "input", origin.line if origin else None, message, hint, code
    )


def entry_problems(plan: Plan, entry: Entry, *, known_ids: set[str] | None = None) -> list[Problem]:
    """What is wrong with one entry on its own, given the plan."""
    if entry.op is Op.RETRACT:
        if known_ids is not None and entry.retracts not in known_ids:
            return [
                problem_at(
                    entry,
                    f"retraction of unknown entry '{entry.retracts}'",
                    "name an entry id shown by `tracker entries`",
                    "unknown-entry",
                )
            ]
        return []
    goal = plan.goal(entry.goal)
    if goal is None:
        hint = suggest(entry.goal, [g.id for g in plan.goals]) or "see `tracker goals` for ids"
        return [problem_at(entry, f"unknown goal '{entry.goal}'", hint, "unknown-goal")]
    problems = []
    if entry.op not in OPS_FOR_KIND[goal.kind]:
        problems.append(
            problem_at(
                entry,
                f"{goal.id} is a {goal.kind.value} goal: a '{entry.op.value}' "
                "entry does not fit it",
                OP_ADVICE[goal.kind],
                "wrong-kind",
            )
        )
    elif entry.op in (Op.VALUE, Op.TOTAL) and goal.kind is Kind.COUNT and entry.value < 0:
        problems.append(
            problem_at(
                entry,
                f"negative {'total' if entry.op is Op.TOTAL else 'increment'} "
                f"{entry.value:g} for {goal.id}",
                "to undo an entry use `tracker retract ENTRY --reason …`; "
                "to correct the running total use --total",
                "negative",
            )
        )
    elif (
        entry.op in (Op.VALUE, Op.TOTAL)
        and goal.kind is Kind.COUNT
        and not float(entry.value).is_integer()
    ):
        problems.append(
            problem_at(
                entry,
                f"{goal.id} counts whole {goal.unit or 'units'}: {entry.value:g} is not whole",
                "log whole numbers for count goals",
                "not-whole",
            )
        )
    elif entry.op is Op.ITEMS:
        for item in entry.items:
            if item not in goal.items:
                hint = suggest(item, goal.items) or f"items: {', '.join(goal.items)}"
                problems.append(
                    problem_at(entry, f"unknown item '{item}' for {goal.id}", hint, "unknown-item")
                )
    if entry.date is not None and entry.date < plan.start:
        problems.append(
            problem_at(
                entry,
                f"date {entry.date} is before the plan starts ({plan.start})",
                "entries report on days inside the plan",
                "date",
            )
        )
    return problems


def log_problems(
    plan: Plan, entries: list[Entry], *, today: dt.date | None = None
) -> list[Problem]:
    """Everything `tracker check` reports about a parsed log."""
    problems: list[Problem] = []
    problems += duplicate_ids(entries)
    known = {e.id for e in entries}
    for entry in entries:
        problems += entry_problems(plan, entry, known_ids=known)
        if today is not None and entry.date is not None and entry.date > today:
            problems.append(problem_at(entry, f"date {entry.date} is in the future", "", "future"))
    problems += retraction_problems(entries)
    problems += part_of_problems(plan, entries)
    return problems


def duplicate_ids(entries: list[Entry]) -> list[Problem]:
    first: dict[str, Entry] = {}
    problems = []
    for entry in entries:
        if entry.id in first:
            other = first[entry.id].origin
            problems.append(
                problem_at(
                    entry,
                    f"duplicate entry id '{entry.id}' (also at {other})",
                    "only the first counts; retract or delete the copy",
                    "duplicate",
                )
            )
        else:
            first[entry.id] = entry
    return problems


def retraction_problems(entries: list[Entry]) -> list[Problem]:
    ops = {e.id: e.op for e in entries}
    problems = []
    for entry in entries:
        if entry.op is Op.RETRACT and ops.get(entry.retracts) is Op.RETRACT:
            problems.append(
                problem_at(
                    entry,
                    f"retraction of a retraction ('{entry.retracts}')",
                    "log the entry again instead",
                    "retract-retraction",
                )
            )
    return problems


def part_of_violations(
    plan: Plan, entries: list[Entry], only: set[str] | None = None
) -> list[tuple[str, Problem]]:
    """A part may never exceed its whole: check every day either one changes.
    Returns (part goal id, problem), the first violating day of each part.
    `only`: check just the part/whole pairs that involve these goals."""
    pairs = [(g, plan.goal(g.part_of)) for g in plan.goals if g.part_of and plan.goal(g.part_of)]
    if only is not None:
        pairs = [(g, p) for g, p in pairs if g.id in only or p.id in only]
    if not pairs:
        return []
    grouped, _ = effective_by_goal(plan, entries, {g.id for pair in pairs for g in pair})
    found = []
    for goal, parent in pairs:
        child_series = build_series(goal, grouped[goal.id])
        parent_series = build_series(parent, grouped[parent.id])
        for day in sorted(set(child_series.days) | set(parent_series.days)):
            child = child_series.value_on(day) or 0
            whole = parent_series.value_on(day) or 0
            if child > whole + 1e-9:
                culprit = _culprit(grouped[goal.id], grouped[parent.id], day)
                message = (
                    f"{goal.id} would be {child:g} on {day}, more than {parent.id} "
                    f"({whole:g}) it is part of"
                )
                hint = f"log {parent.id} first, or check the numbers"
                found.append((goal.id, problem_at(culprit, message, hint, "part-of-exceeded")))
                break
    return found


def part_of_problems(plan: Plan, entries: list[Entry]) -> list[Problem]:
    return [problem for _, problem in part_of_violations(plan, entries)]


def _culprit(child_entries: list[Entry], parent_entries: list[Entry], day: dt.date) -> Entry:
    """The entry to blame: the part's own entry that day if it changed, else the
    whole's (a lower running total), else the part's latest before."""
    for entries in (child_entries, parent_entries):
        on_day = [e for e in entries if e.date == day]
        if on_day:
            return max(on_day, key=Entry.sort_key.fget)
    return [e for e in child_entries if e.date <= day][-1]
