"""What each kind of goal is: which log lines fit it and what each does to its
value. The one table every path (the ledger, the rules, batches, the cache)
reads; a new kind adds its row here."""

from __future__ import annotations

from enum import Enum

from tracker.model import Kind, Op


class Effect(str, Enum):
    """What a line that fits a goal does to its value."""

    ADD = "add"  # an increment: the value grows by it (a count)
    SET = "set"  # a stated value: a count's running total, a level's reading
    DONE = "done"  # the milestone is reached: the value becomes 1
    TICK = "tick"  # checklist items done: the value is how many are
    NOTE = "note"  # a note only: no change in value


# Which log lines each kind takes, and what each does (SPEC "Kinds").
EFFECTS: dict[Kind, dict[Op, Effect]] = {
    Kind.COUNT: {Op.VALUE: Effect.ADD, Op.TOTAL: Effect.SET, Op.CHECKIN: Effect.NOTE},
    Kind.LEVEL: {Op.VALUE: Effect.SET, Op.CHECKIN: Effect.NOTE},
    Kind.MILESTONE: {Op.DONE: Effect.DONE, Op.CHECKIN: Effect.NOTE},
    Kind.CHECKLIST: {Op.ITEMS: Effect.TICK, Op.CHECKIN: Effect.NOTE},
}
