"""What a fill-in template remembers of a goal's log, to tell on import whether
the log moved since: its value as of the template's date, and the newest
recorded entry that could change a value. Pure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.ledger import build_series, effective_by_goal, start_value
from tracker.model import Entry, Op, Plan


@dataclass(frozen=True, slots=True)
class Snapshot:
    value: float | None  # as of the template's date (None: a level not yet read)
    last_entry: str  # id of the newest recorded entry that is not a note alone ("" if none)


def snapshots(
    plan: Plan, entries: list[Entry], goal_ids: set[str], *, as_of: dt.date
) -> dict[str, Snapshot]:
    grouped, _ = effective_by_goal(plan, entries, goal_ids)
    newest: dict[str, tuple[str, str]] = {}
    for entry in entries:
        # A retraction counts: it changes the value it takes back.
        if entry.goal in goal_ids and entry.op is not Op.CHECKIN:
            key = (entry.recorded_at, entry.id)
            if key > newest.get(entry.goal, ("", "")):
                newest[entry.goal] = key
    out = {}
    for goal_id in goal_ids:
        goal = plan.goal(goal_id)
        if goal is None:
            continue
        value = build_series(goal, grouped[goal_id]).value_on(as_of)
        if value is None:
            value = start_value(goal)  # what status shows before any entry
        out[goal_id] = Snapshot(value, newest.get(goal_id, ("", ""))[1])
    return out
