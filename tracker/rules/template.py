"""A filled-in template against the log: a row whose goal moved since the
template was made (another entry, an earlier import of the same sheet) is
refused, not laid over what happened since. Pure."""

from __future__ import annotations

from collections import defaultdict

from tracker.engine.snapshot import snapshots
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


def _same(one: float | None, other: float | None) -> bool:
    if one is None or other is None:
        return one is None and other is None
    return abs(one - other) <= EPSILON
