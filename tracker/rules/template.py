"""A filled-in template against the log: a row the log already holds (the
same sheet imported again, a note-only row as much as a figure) is refused as
imported, and a row whose goal moved since the template was made (another
entry meanwhile) is refused, not laid over what happened since. Pure."""

from __future__ import annotations

from collections import defaultdict

from tracker.engine.snapshot import snapshots
from tracker.ledger import effective_by_goal
from tracker.model import Entry, Plan
from tracker.numbers import grouped
from tracker.problems import Problem, problem

EPSILON = 1e-9


def moved_since_template(plan: Plan, entries: list[Entry], remembered) -> list[Problem]:
    """`remembered`: what each row's template held (storage.workbook.Remembered)."""
    by_day = defaultdict(list)
    for row in remembered:
        if plan.goal(row.goal) is not None:  # an unknown goal is another rule's to say
            by_day[row.as_of].append(row)
    found = []
    for day, rows in by_day.items():
        now = snapshots(plan, entries, {r.goal for r in rows}, as_of=day)
        for row in rows:
            current = now[row.goal]
            where = (row.origin.file, row.origin.line)
            if not _same(current.value, row.value):
                found.append(
                    problem(*where, "moved", "moved_since_template", "moved_fix", goal=row.goal,
                            then=grouped(row.value), now=grouped(current.value))
                )  # fmt: skip
            elif current.last_entry != row.last_entry:
                found.append(
                    problem(*where, "moved", "entry_since_template", "moved_fix", goal=row.goal,
                            entry=current.last_entry or "—")
                )  # fmt: skip
    return found


def already_imported(plan: Plan, existing: list[Entry], rows: list[Entry]) -> list[Problem]:
    """Rows the log already holds as live entries: the same goal, day, kind of
    line, figure, items and note (who imported it may differ). A form imported
    twice is refused whole, its note-only rows too, which no snapshot sees."""
    goals = {e.goal for e in rows}
    live, _ = effective_by_goal(plan, existing, goals)
    held = {_content(e): e for goal in goals for e in live.get(goal, ())}
    found = []
    for row in rows:
        earlier = held.get(_content(row))
        if earlier is not None and row.origin is not None:
            found.append(problem(row.origin.file, row.origin.line, "imported", "row_imported",
                                 "row_imported_fix", entry=earlier.id[:8],
                                 recorded=earlier.recorded_at[:10]))  # fmt: skip
    return found


def _content(entry: Entry) -> tuple:
    return (entry.goal, entry.date, entry.op, entry.value, entry.items, entry.note)


def _same(one: float | None, other: float | None) -> bool:
    if one is None or other is None:
        return one is None and other is None
    return abs(one - other) <= EPSILON
