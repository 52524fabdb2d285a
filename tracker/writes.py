"""The one write sequence, used by `log`, batches and `retract`: read what the
rules need of the log (from the maintained state, never the whole log), check
the new entries with every rule, append them under one lock, and say where
their goals now stand."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import replace

from tracker.model import Entry, GoalStatus, Op, Plan, WriteResult
from tracker.problems import ExitCode, Problem, TrackerError, UsageError, problem


def new_id() -> str:
    """64 random bits: unique across clones without coordination."""
    return secrets.token_hex(8)


def write(
    data,
    plan: Plan,
    new: list[Entry],
    *,
    today: dt.date,
    dry_run: bool = False,
    batch: bool = False,
    by: str = "",
    recorded_at: str = "",
    input_problems: list[Problem] = (),
    input_name: str = "",
    force: bool = False,
) -> WriteResult:
    """Check `new` against the plan and the log as it stands, and append it — all
    or nothing. A batch gets an id and a commit line, so a batch killed midway
    counts for nothing. `input_problems`: what reading a batch already found;
    the rules still run on its good entries so one run reports everything."""
    from tracker.rules.entries import entry_problems, write_problems
    from tracker.storage import journal
    from tracker.storage.state import open_state

    if input_problems:
        found = list(input_problems) + [p for e in new for p in entry_problems(plan, e)]
        raise TrackerError(_batch_refused(found, input_name), ExitCode.BAD_DATA)
    if batch and not new:
        raise UsageError("batch_empty", name=input_name)
    batch_id = new_id() if batch and new else None
    if batch_id:
        new = [replace(e, batch=batch_id) for e in new]

    state = None
    ready = new

    def prepare(existing: list[Entry]) -> tuple[list[Entry], list[Problem]]:
        nonlocal ready
        ready = _name_retracted_goals(new, existing)
        found = write_problems(plan, existing, ready, today=today, force=force)
        if found and batch:
            found = _batch_refused(found, input_name)
        return ready, found

    def context() -> list[Entry]:
        """What the rules need of the log, from the maintained state: the lines
        sharing an id with the new ones or named by them, every retraction, and
        the touched goals' history one entry per day (tracker.storage.state)."""
        nonlocal state
        state = open_state(data.progress_dir, plan, data.display)
        return state.write_context(new)

    def absorb() -> None:
        state.refresh()  # reads just the lines appended
        state.store()

    if dry_run:
        existing = context()
        _, found = prepare(existing)
        if found:
            raise TrackerError(found, ExitCode.BAD_DATA)
    else:
        existing = journal.append(
            data.progress_dir, prepare, batch=batch_id, by=by, recorded_at=recorded_at,
            existing=context, after=absorb,
        )  # fmt: skip
    new = ready
    goals = list(dict.fromkeys(e.goal for e in new if e.op is not Op.RETRACT))
    standings = tuple(standing(plan, existing + new, g, today) for g in goals)
    return WriteResult(today, dry_run, batch_id, tuple(new), standings)


def _batch_refused(found: list[Problem], name: str) -> list[Problem]:
    found = sorted(found, key=lambda p: p.line or 0)
    count = len({p.line for p in found})
    return found + [problem(name, None, "summary", "batch_refused", "batch_fix", count=count)]


def _name_retracted_goals(new: list[Entry], existing: list[Entry]) -> list[Entry]:
    """A retraction in a batch may leave out its goal: take the retracted entry's."""
    missing = {e.retracts for e in new if e.op is Op.RETRACT and not e.goal}
    if not missing:
        return new
    goals = {e.id: e.goal for e in existing + new if e.id in missing}
    return [
        replace(e, goal=goals.get(e.retracts, "")) if e.op is Op.RETRACT and not e.goal else e
        for e in new
    ]


def standing(plan: Plan, entries: list[Entry], goal_id: str, day: dt.date) -> GoalStatus:
    """The goal's status after a write, for the one-line answer."""
    from tracker.engine.ledger import build_series, effective_by_goal
    from tracker.engine.status import goal_status

    goal = plan.goal(goal_id)
    grouped, _ = effective_by_goal(plan, entries, {goal_id})
    return goal_status(goal, build_series(goal, grouped[goal_id]), as_of=day)
