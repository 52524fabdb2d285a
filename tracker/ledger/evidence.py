"""Which evidence files (佐证材料) an entry has, and which entries a goal's
evidence rule asks them of: the one home of both, for `evidence list|show|
export`, `check` and the write rules. Pure.

An entry's evidence is its own `evidence` field (when it is the first line of
the log with its id: a later one counts for nothing) and that of every
attachment (Op.ATTACH) about it that counts. An attachment counts when
- no retraction names it;
- it names an entry of the log that is not itself a line about a line, of
  the attachment's goal (when it names one).
A file named twice for one entry is its evidence once. Whether the entry
still counts (a retraction may name it) is said beside its files, not taken
out: the files stay its evidence.

A goal's `evidence` rule (model.EvidenceRule) asks for files on
- `every`: each counting entry that moves the goal (not a note alone);
- `done`: each counting entry that brings the goal to its target (as its
  kind measures it, the target in force on the entry's day): a milestone's
  done, a checklist's last item, a count's total reaching its target, a
  level's reading meeting it — in the log's order of dates."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import NamedTuple

from tracker.kinds import EFFECTS, Effect, kind_of
from tracker.ledger.steps import start_value, step
from tracker.model import ABOUT_OPS, Entry, Evidence, EvidenceRule, Goal, Op


class Attached(NamedTuple):
    """One evidence file of an entry: the entry, the file, and the line naming
    it (the entry itself, or an attachment about it)."""

    entry: Entry
    evidence: Evidence
    line: Entry
    retracted: bool  # a retraction names the entry: its files no longer prove a figure


def attached(
    lines: Iterable[Entry],
    *,
    entry_of: Callable[[str], Entry | None],
    retracted: Collection[str],
) -> list[Attached]:
    """Every evidence file that counts, in the order of `lines` (committed
    lines; those naming no file are passed over). `entry_of(id)`: the first
    committed line of the log with that id; `retracted`: the ids committed
    retractions name."""
    found = []
    seen: set[tuple[str, str, str]] = set()
    for line in lines:
        if not line.evidence:
            continue
        if line.op is Op.ATTACH:
            owner = _attached_to(line, entry_of, retracted)
        elif line.op in ABOUT_OPS:
            owner = None  # a retraction's or verdict's files prove no entry
        else:
            first = entry_of(line.id)
            owner = line if first is None or first.origin == line.origin else None
        if owner is None:
            continue
        gone = owner.id in retracted
        for evidence in line.evidence:
            key = (owner.id, evidence.sha256, evidence.name)
            if key not in seen:
                seen.add(key)
                found.append(Attached(owner, evidence, line, gone))
    return found


def _attached_to(line: Entry, entry_of, retracted) -> Entry | None:
    """The entry an attachment gives its files to, or None when it does not count."""
    if line.id in retracted or line.about is None:
        return None
    target = entry_of(line.about)
    if target is None or target.op in ABOUT_OPS:
        return None
    if line.goal and line.goal != target.goal:
        return None
    return target


def needing_evidence(goal: Goal, entries: list[Entry]) -> list[Entry]:
    """Of the goal's counting entries (sorted by Entry.sort_key), those its
    evidence rule asks files of."""
    if goal.evidence is EvidenceRule.EVERY:
        return [e for e in entries if moves(goal, e)]
    if goal.evidence is EvidenceRule.DONE:
        return finishing(goal, entries)
    return []


def moves(goal: Goal, entry: Entry) -> bool:
    """Whether an entry moves the goal's value (more than a note)."""
    effect = EFFECTS[goal.kind].get(entry.op)
    return effect is not None and effect is not Effect.NOTE


def finishing(goal: Goal, entries: list[Entry]) -> list[Entry]:
    """Of the goal's counting entries (sorted by Entry.sort_key), each one after
    which the goal meets its target where it did not before."""
    kind = kind_of(goal)
    value = start_value(goal)
    done_items = frozenset(goal.start_items)
    found = []
    for entry in entries:
        if not moves(goal, entry):
            continue
        defined = goal.as_of(entry.date) if entry.date is not None else goal
        before = value is not None and kind.met(defined, value)
        value, done_items = step(goal, value, done_items, entry)
        if not before and value is not None and kind.met(defined, value):
            found.append(entry)
    return found
