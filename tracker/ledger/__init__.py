"""The meaning of the log, in one place: which lines count (counting.py) and how
they move a goal's value (steps.py). Pure. The whole log in memory, the
maintained cache (tracker.storage.logcache, which stores what this computes),
batches and the write rules all go through it, so none can count otherwise."""

from __future__ import annotations

from tracker.ledger.counting import (
    committed,
    counting,
    cut_off_problem,
    effective_by_goal,
    fits,
    names_not_in_plan,
    repeats,
    retracted_ids,
    uncommitted,
)
from tracker.ledger.steps import (
    DayStep,
    Series,
    added,
    build_series,
    day_steps,
    effect_of,
    plain_day_steps,
    running_count,
    series_from_steps,
    stand_ins,
    start_value,
    step,
    summed,
)

__all__ = [
    "DayStep", "Series", "added", "build_series", "committed", "counting", "cut_off_problem",
    "day_steps", "effect_of", "effective_by_goal", "fits", "names_not_in_plan",
    "plain_day_steps", "repeats", "retracted_ids", "running_count", "series_from_steps",
    "stand_ins", "start_value", "step", "summed", "uncommitted",
]  # fmt: skip
