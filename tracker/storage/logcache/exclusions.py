"""The exclusions that reach across files — retracted ids, repeated ids,
cut-off batches — applied to each file's record by the ledger's own rules
(tracker.ledger.counting): a file whose exclusions changed has its steps
summed again."""

from __future__ import annotations

import contextlib
from enum import IntEnum

from tracker.ledger import repeats, uncommitted
from tracker.ledger.verification import NO_DECISIONS, Decisions, decisions
from tracker.model import ABOUT_OPS
from tracker.storage.logcache.ids import contains, count_of, has_repeats, id_hash, no_id_twice
from tracker.storage.logcache.layout import ABOUT, BATCH, OP, file_columns
from tracker.storage.logcache.record import Applied


class Among(IntEnum):
    """Which of a file's lines `holds` looks among."""

    ALL = 0  # every line
    COMMITTED = 1  # the lines not of a cut-off batch
    ENTRIES = 2  # those, bar lines about lines


class Stale(Exception):
    """A part or id array that does not match the index: read its file again."""


class Exclusions:
    """The LogCache's part that applies the exclusions (a mixin: it reads the
    cache's files, parts and id arrays)."""

    def _apply_exclusions(self, changes: list) -> None:
        names = list(self.files)
        cut = self._cut_off()
        for name in names:  # a batch committed or cut off since: its ids changed standing
            record = self.files[name]
            if sorted(cut & set(record.batches)) != record.applied.uncommitted:
                with contextlib.suppress(Stale):
                    changes.append((name, self._id_array(name)))
        retracted = {
            c[ABOUT]
            for r in self.files.values()
            for c in r.about
            if c[OP] == "retract" and (c[BATCH] is None or c[BATCH] not in cut)
        }
        added = retracted - self.retracted
        decided = self._decisions(cut, retracted)
        repeated, shadowed = self._repeated_lines(self._may_repeat(changes))
        for name in names:
            record = self.files[name]
            new_ids, whole = self._new_ids.get(name, ((), False))
            gone = set() if whole else set(record.applied.retracted) & retracted
            gone |= {
                r
                for r in retracted
                if contains(new_ids, id_hash(r)) and self._holds(name, r, Among.ALL)
            }
            gone |= {r for r in added - gone if self._holds(name, r, Among.ALL)}
            want = Applied(
                retracted=sorted(gone),
                repeated=sorted(repeated.get(name, ())),
                shadowed=sorted(shadowed.get(name, ())),
                uncommitted=sorted(cut & set(record.batches)),
                returned=sorted(i for i in decided.returned if self._holds(name, i, Among.ALL)),
                verified=sorted(i for i in decided.verified if self._holds(name, i, Among.ALL)),
            )
            if want != record.applied:
                from tracker.storage.logcache.reading import FileLines  # (as cache.py: when read)

                record.applied = want
                entries = self._entries_of(name)
                record.steps, record.verified_steps = self._steps_of(
                    record,
                    None,
                    lambda entries=entries: FileLines(file_columns(entries), [], set()),
                )
                self.dirty = True
        self.retracted = retracted

    def _decisions(self, cut: set[str], retracted: set[str]) -> Decisions:
        """What the log's counting verdicts decided (ledger.verification), each
        verdict's entry looked up where it is: the first committed line with
        its id."""
        verdicts = [
            c for r in self.files.values() for c in r.about
            if c[OP] == "verdict" and (c[BATCH] is None or c[BATCH] not in cut)
        ]  # fmt: skip
        if not verdicts:
            return NO_DECISIONS
        lines = self.about_lines(frozenset({"verdict"}))
        first: dict[str, object] = {}
        for line in self.find({v.about for v in lines if v.about}):
            first.setdefault(line.id, line)
        return decisions(self.plan, lines, first.get, retracted=retracted)

    def _may_repeat(self, changes: list) -> set[str]:
        """Files that may hold a repeated id: those that did, and those sharing an
        id whose lines changed with another file, or holding it twice."""
        names = [n for n in self.files if self.files[n].ids is not None or n in self._ids]
        found = {n for n in self.files if self.files[n].applied.repeated}
        if sum(map(len, (h for _, h in changes))) > 4096:
            # A big change (a batch, a fresh clone): when no id hash appears twice
            # in the whole log, none repeats now, and only the files that held a
            # repeated id must be looked at again — without a look per pair of files.
            try:
                if no_id_twice([self._id_array(name) for name in names]):
                    return found & set(self.files)
            except Stale:
                pass
        for changed, hashes in changes:
            if not hashes:
                continue
            small = len(hashes) <= 64
            wanted = None if small else set(hashes)
            for name in names:
                try:
                    mine = self._id_array(name)
                except Stale:
                    found.add(name)
                    continue
                if small:
                    counts = [count_of(mine, h) for h in hashes]
                    shared = any(counts) if name != changed else any(c > 1 for c in counts)
                else:
                    shared = has_repeats(mine) if name == changed else not wanted.isdisjoint(mine)
                if shared:
                    found |= {name, changed}
        return found & set(self.files)

    def _uncommitted(self) -> set[str]:
        """The cut-off batches, as the files now say (ledger.uncommitted)."""
        commits = set().union(*(r.commits for r in self.files.values()))
        return uncommitted((b for r in self.files.values() for b in r.batches), commits)

    def _cut_off(self) -> set[str]:
        """The cut-off batches; each file's committed ids (for _holds) follow them."""
        cut = self._uncommitted()
        if cut != self._cut:
            self._cut, self._id_texts = cut, {}
        return cut

    def _repeated_lines(self, names: set[str]) -> tuple[dict, dict]:
        """For files that may hold repeated ids: their repeated and shadowed
        lines (ledger.repeats), each file's lines after every earlier file's."""
        repeated: dict[str, set[int]] = {}
        shadowed: dict[str, set[int]] = {}
        order = list(self.files)
        cut = self._cut_off()
        for name in sorted(names, key=order.index):
            earlier = order[: order.index(name)]
            lines = (
                (e.origin.line, e.id, e.op in ABOUT_OPS)
                for e in self._entries_of(name)
                if e.batch is None or e.batch not in cut
            )
            found, hidden = repeats(
                lines,
                earlier_line=lambda i: any(self._holds(o, i) for o in earlier),  # noqa: B023
                earlier_entry=lambda i: any(self._holds(o, i, Among.ENTRIES) for o in earlier),  # noqa: B023
            )
            repeated[name], shadowed[name] = set(found), set(hidden)
        return repeated, shadowed

    def _holds(self, name: str, entry_id: str, among: Among = Among.COMMITTED) -> bool:
        """Whether a file has a line with this id among `among` of its lines: the
        hash array says no at once; a hit is checked against the real ids."""
        try:
            if not contains(self._id_array(name), id_hash(entry_id)):
                return False
        except Stale:
            pass
        cut = self._cut if self._cut is not None else self._cut_off()
        if name not in self._id_texts:
            lines = self._entries_of(name)
            committed = [e for e in lines if e.batch is None or e.batch not in cut]
            self._id_texts[name] = (
                {e.id for e in lines},
                {e.id for e in committed},
                {e.id for e in committed if e.op not in ABOUT_OPS},
            )
        return entry_id in self._id_texts[name][among]
