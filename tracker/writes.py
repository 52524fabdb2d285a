"""The one write sequence, used by `log`, batches and `retract`: read what the
rules need of the log (from the maintained state, never the whole log), check
the new entries with every rule, append them under one lock, and say where
their goals now stand."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING

from tracker.model import ABOUT_OPS, Entry, GoalStatus, Op, Plan, Source, WriteResult
from tracker.problems import ExitCode, Problem, TrackerError, UsageError, problem

if TYPE_CHECKING:
    from tracker.ledger.steps import Figured


def new_id() -> str:
    """64 random bits: unique across clones without coordination."""
    return secrets.token_hex(8)


def line_about(
    target: Entry, op: Op, *, day: dt.date, recorded_at: str, by: str, **fields
) -> Entry:
    """A new line about an entry of the log (a retraction, an attachment …),
    dated `day`: its goal is the entry's."""
    return Entry(
        id=new_id(), goal=target.goal, date=day, op=op, recorded_at=recorded_at, by=by,
        about=target.id, origin=Source("tracker", None), **fields,
    )  # fmt: skip


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
    keep: Callable[[], object] | None = None,
) -> WriteResult:
    """Check `new` against the plan and the log as it stands, and append it — all
    or nothing. A batch gets an id and a commit line, so a batch killed midway
    counts for nothing. `input_problems`: what reading a batch already found;
    the rules still run on its good entries so one run reports everything.
    `keep`: run once the rules have passed, just before the append (never in a
    dry run): the evidence files the entries name are kept then, so a refused
    write keeps none and no line names a file not yet kept."""
    from tracker.rules.entries import entry_problems, write_problems
    from tracker.storage.logcache import open_cache

    if input_problems:
        found = list(input_problems) + [p for e in new for p in entry_problems(plan, e)]
        raise TrackerError(_batch_refused(found, input_name), ExitCode.BAD_DATA)
    if batch and not new:
        raise UsageError("batch_empty", name=input_name)
    batch_id = new_id() if batch and new else None
    if batch_id:
        new = [e._replace(batch=batch_id) for e in new]

    state = None
    ready = new

    def prepare(existing: list[Entry]) -> tuple[list[Entry], list[Problem]]:
        nonlocal ready
        ready = _name_retracted_goals(new, existing)
        found = write_problems(plan, existing, ready, today=today, force=force)
        if found and batch:
            found = _batch_refused(found, input_name)
        if keep is not None and not found and not dry_run:
            keep()
        return ready, found

    def context() -> list[Entry]:
        """What the rules need of the log, from the maintained state: the lines
        sharing an id with the new ones or named by them, every retraction, and
        the touched goals' history one entry per day (tracker.storage.logcache)."""
        nonlocal state
        state = open_cache(data.progress_dir, plan, data.display)
        return state.write_context(new)

    existing = _append(
        data, context, prepare, lambda: state, dry_run=dry_run, batch=batch_id, by=by,
        recorded_at=recorded_at,
    )  # fmt: skip
    new = ready
    goals = list(dict.fromkeys(e.goal for e in new if e.op not in ABOUT_OPS))
    known = _whole_figures(plan, state, goals)
    standings = tuple(
        standing(plan, existing + new, g, today, known.get(g), new, written=not dry_run)
        for g in goals
    )
    return WriteResult(today, dry_run, batch_id, tuple(new), standings)


def write_batch(
    data,
    plan: Plan,
    source,
    defaults,
    *,
    today: dt.date,
    dry_run: bool = False,
    by: str = "",
    recorded_at: str = "",
    force: bool = False,
) -> WriteResult:
    """`write` for a batch streamed from `source` (tracker.storage.batch.BatchInput),
    all or nothing, with every check `write` makes and the same problems,
    without ever holding the batch's entries:

    1. every entry is read, checked on its own, summed up for the rules across
       entries (tracker.rules.batch), and its line encoded into a temporary
       file (journal.Staged);
    2. under the lock, those rules run against the log (from the maintained
       state) over the summary's stand-ins and the few entries they must see
       whole (the input is read again only when there are any); only then
       are the staged lines appended, ending with the commit line.

    A batch refused anywhere, even by its very last entry, writes nothing."""
    from tracker.rules.batch import BatchSummary
    from tracker.storage import journal
    from tracker.storage.logcache.ids import id_hash

    batch_id = new_id()
    summary = BatchSummary(plan, id_hash)
    staged = journal.Staged()  # each line encoded once, as it is read
    try:
        return _write_batch(
            data, plan, source, defaults, summary, staged, batch_id, today=today,
            dry_run=dry_run, by=by, recorded_at=recorded_at, force=force,
        )  # fmt: skip
    finally:
        staged.close()


def _write_batch(
    data, plan, source, defaults, summary, staged, batch_id, *, today, dry_run, by,
    recorded_at, force,
) -> WriteResult:  # fmt: skip
    from tracker.rules.entries import (
        about_targets,
        duplicate_ids,
        effect_problems,
        entry_problems,
        new_entry_problems,
    )
    from tracker.storage.logcache import open_cache

    name = source.name
    read_problems: list[Problem] = []
    own: list[Problem] = []
    passed: set = set()
    for item in source.entries(defaults, batch=batch_id):
        if isinstance(item, Problem):
            read_problems.append(item)
            continue
        found = new_entry_problems(plan, item, today=today, force=force, passed=passed)
        if found:
            own += found
        elif not own and not read_problems:
            staged.add(item)
        summary.add(item, counts=not found)
    if source.not_utf8 is not None:
        raise TrackerError(_batch_refused([source.not_utf8], name), ExitCode.BAD_DATA)
    if read_problems:
        # As for a batch read whole: what reading found, and the plan's rules on
        # the entries that were read (the log is not consulted).
        found = source.ordered(read_problems)
        found += [p for e in source.entries(defaults) if isinstance(e, Entry)
                  for p in entry_problems(plan, e)]  # fmt: skip
        raise TrackerError(_batch_refused(found, name), ExitCode.BAD_DATA)
    if not summary.count:
        raise UsageError("batch_empty", name=name)
    judged: dict = {}

    def context() -> list[Entry]:
        state = open_cache(data.progress_dir, plan, data.display)
        summary.find_wanted(state.hashes_held)
        existing = state.write_context(summary.probe())
        summary.judge_days(existing)
        wanted, exact = [], []
        if summary.needs_second_look:
            wanted, exact = summary.pick(source.entries(defaults, batch=batch_id))
            have = {(e.origin.file, e.origin.line) for e in existing}
            existing += [
                e for e in state.find({e.id for _, e in wanted})
                if (e.origin.file, e.origin.line) not in have
            ]  # fmt: skip
        judged.update(state=state, wanted=wanted, exact=exact)
        return existing

    def prepare(existing: list[Entry]):
        wanted = dict(judged["wanted"])
        looked_at = {**wanted, **dict(summary.retractions)}  # input place → entry
        places = sorted(looked_at)
        named = _name_retracted_goals([looked_at[i] for i in places], existing)
        named_at = dict(zip(places, named))
        wanted = [named_at[i] for i in sorted(wanted)]
        found = duplicate_ids(existing, wanted)
        found += own
        found += about_targets(plan, existing, named, already_counts=True)
        if not found:
            retractions = [named_at[i] for i, _ in summary.retractions]
            stand_ins = retractions + summary.stand_ins(judged["exact"])
            found = effect_problems(plan, existing, stand_ins)
            judged["stand_ins"] = stand_ins
        if found:
            return [], _batch_refused(found, name)
        summary.release()
        retracting = {i: named_at[i] for i, _ in summary.retractions}
        for index, entry in retracting.items():
            staged.replace(index, entry)
        judged["new"] = Streamed(
            summary.count, lambda: _written(source, defaults, batch_id, retracting)
        )
        return staged, []

    existing = _append(
        data, context, prepare, lambda: judged["state"], dry_run=dry_run, batch=batch_id,
        by=by, recorded_at=recorded_at,
    )  # fmt: skip
    stand_ins = existing + judged["stand_ins"]
    goals = list(summary.goals)
    known = {} if dry_run else _whole_figures(plan, judged.get("state"), goals)
    standings = tuple(
        standing(plan, stand_ins, g, today, known.get(g), written=True) for g in goals
    )
    return WriteResult(today, dry_run, batch_id, judged["new"], standings)


def _written(source, defaults, batch_id: str, retracting: dict[int, Entry]):
    """The batch's entries as they are written: marked with the batch, and each
    retraction with the goal of the entry it names."""
    for index, entry in enumerate(source.entries(defaults, batch=batch_id)):
        yield retracting.get(index, entry)


class Streamed:
    """A batch's entries, read again from its input each time they are asked
    for: what a WriteResult holds instead of a million entries."""

    def __init__(self, count: int, entries):
        self.count = count
        self._entries = entries

    def __len__(self) -> int:
        return self.count

    def __bool__(self) -> bool:
        return self.count > 0

    def __iter__(self):
        return iter(self._entries())

    def __getitem__(self, index: int) -> Entry:
        if index < 0:
            index += self.count
        if not 0 <= index < self.count:
            raise IndexError(index)
        for i, entry in enumerate(self):
            if i == index:
                return entry
        raise IndexError(index)


def _append(data, context, prepare, state, *, dry_run: bool, **line_fields) -> list[Entry]:
    """The write sequence's last steps: under the log's lock, `context()` reads
    what the rules need of the log, `prepare(existing)` checks the new entries
    (refused: nothing is written), they are appended, and the maintained
    `state()` absorbs just the appended lines. A dry run stops before the
    append. Returns what `context` read."""
    from tracker.storage import journal

    if dry_run:
        existing = context()
        _, found = prepare(existing)
        if found:
            raise TrackerError(found, ExitCode.BAD_DATA)
        return existing

    def absorb() -> None:
        kept = state()
        kept.refresh()  # reads just the lines appended
        kept.store()

    return journal.append(data.progress_dir, prepare, existing=context, after=absorb, **line_fields)


def _batch_refused(found: list[Problem], name: str) -> list[Problem]:
    found = sorted(found, key=lambda p: p.line or 0)
    count = len({p.line for p in found})
    return found + [problem(name, None, "summary", "batch_refused", "batch_fix", count=count)]


def _name_retracted_goals(new: list[Entry], existing: list[Entry]) -> list[Entry]:
    """A line about another line (a retraction, a verdict, an attachment) may
    leave out its goal: take the entry's it is about."""
    missing = {e.about for e in new if e.op in ABOUT_OPS and not e.goal}
    if not missing:
        return new
    goals = {e.id: e.goal for e in existing + new if e.id in missing}
    return [
        e._replace(goal=goals.get(e.about, "")) if e.op in ABOUT_OPS and not e.goal else e
        for e in new
    ]


def standing(
    plan: Plan,
    entries: list[Entry],
    goal_id: str,
    day: dt.date,
    known: Figured | None = None,
    new: list[Entry] = (),
    *,
    written: bool = False,
) -> GoalStatus:
    """The goal's status after a write, for the one-line answer. `entries`
    may stand in for the log (write_context). Where the goal's reports are
    verified, `known` is its figures from the whole log's cache: after the
    write once it is `written` (the cache has read the lines appended, verdicts
    among them); in a dry run, before it, and the reports `new` would add wait."""
    from tracker.engine.status import all_figures, goal_status

    verified = known is not None and known.verified is not None
    if verified and written:
        figured = known
    else:
        figured = all_figures(plan, entries, {goal_id})[goal_id]
        if verified:
            added = tuple(e for e in new if e.goal == goal_id and e.op is not Op.CHECKIN)
            figured = figured._replace(verified=known.verified, awaiting=known.awaiting + added)
    return goal_status(plan.goal(goal_id), figured, as_of=day)


def _whole_figures(plan: Plan, state, goal_ids: list[str]) -> dict:
    """The whole log's figures from its cache (`state`, None: not opened),
    where any of these goals' reports are verified; else none."""
    return state.figures() if state is not None and _verified(plan, goal_ids) else {}


def _verified(plan: Plan, goal_ids: list[str]) -> bool:
    from tracker.ledger.verification import required

    return any(required(plan, plan.goal(g)) for g in goal_ids)
