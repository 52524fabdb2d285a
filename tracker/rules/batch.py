"""A batch too big to hold, as the rules across entries need it.

Each entry is checked on its own as it is read (new_entry_problems); the batch
keeps only a summary: each id's 64-bit hash, retractions and ticks (milestones
done, checklist items) whole, and per goal and day what its other entries do to
the goal's series. From that summary come a few stand-in entries that give
every goal the same series and the same entry to blame as the whole batch
would, so duplicate ids, retractions, repeats and a part above its whole are
judged by the very rules a single `log` runs (tracker.rules.entries). Where a
summary could differ (a day's stated total and increments in one batch, a
retracted entry, a log total recorded between the batch's entries of a day),
the real entries of that day are read again and used instead. Pure.
"""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable

from tracker.kinds import EFFECTS, Effect
from tracker.ledger import added
from tracker.ledger.steps import EXACT
from tracker.model import ABOUT_OPS, DATED_SORT_KEY, Entry, EvidenceRule, Op, Plan

_NONE = -1
# Each Op once: `Op.X` looks the member up on the Enum class each time (about
# 0.1 µs), and add() runs for every entry of a batch.
_RETRACT, _DONE, _ITEMS, _TOTAL, _VALUE = Op.RETRACT, Op.DONE, Op.ITEMS, Op.TOTAL, Op.VALUE
_SET, _ADD = Effect.SET, Effect.ADD


class _Day:
    """One goal's batch entries on one day, summed as the ledger sums them
    (tracker.ledger.steps: what each line does is the kinds' effects table):
    the latest entry (it is the one a rule blames), the latest stated value
    (a total, a reading), and the increments' sum with their first and
    latest entry. Each kept entry's sort key is kept beside it (a key is a
    new tuple each time it is asked for)."""

    __slots__ = (
        "index", "goal", "effects", "last", "last_key", "base", "base_key", "first_increment",
        "first_key", "last_increment", "increment_key", "total",
    )  # fmt: skip

    def __init__(self, index: int, goal):
        self.index = index
        self.goal = goal
        self.effects = EFFECTS[goal.kind]
        self.last: Entry | None = None
        self.base: Entry | None = None
        self.first_increment: Entry | None = None
        self.last_increment: Entry | None = None
        self.last_key = self.base_key = self.first_key = self.increment_key = ()
        self.total = 0.0

    def add(self, entry: Entry, key: tuple) -> None:
        if key > self.last_key:
            self.last, self.last_key = entry, key
        effect = self.effects.get(entry.op)
        if effect is _SET:
            if key > self.base_key:
                self.base, self.base_key = entry, key
        elif effect is _ADD:
            self.total = added(self.goal, self.total, entry.value)
            if self.first_increment is None or key < self.first_key:
                self.first_increment, self.first_key = entry, key
            if key > self.increment_key:
                self.last_increment, self.increment_key = entry, key

    @property
    def mixed(self) -> bool:
        """Whether a sum cannot stand in: a base and increments on one day (which
        count depends on their order), or a sum too large to be exact."""
        return self.first_increment is not None and (
            self.base is not None or abs(self.total) >= EXACT
        )

    def stand_ins(self) -> list[Entry]:
        """Entries doing what the day's entries do (ticks are kept whole
        elsewhere): the latest base, the increments as one entry at the latest
        increment's place, and the day's latest entry if it is a check-in."""
        found = []
        if self.base is not None:
            found.append(self.base)
        if self.last_increment is not None:
            found.append(self.last_increment._replace(value=self.total))
        if self.last is not None and self.last.op is Op.CHECKIN:
            found.append(self.last)
        return found


class BatchSummary:
    """What the rules across entries need of a batch read once, entry by entry.
    `id_hash`: the log's id hash (tracker.storage.logcache.ids.id_hash), so the
    batch's ids can be compared with the log's without reading them."""

    def __init__(self, plan: Plan, id_hash: Callable[[str], int]):
        self.plan = plan
        self._goals = {g.id: g for g in plan.goals}
        self.id_hash = id_hash
        self.count = 0
        self.hashes = array("Q")  # per entry, in input order
        self.day_of = array("i")  # per entry: its _Day's index, or -1
        self.days: dict[tuple[str, dt.date], _Day] = {}
        self.day_list: list[_Day] = []
        self.retractions: list[tuple[int, Entry]] = []
        self.ticks: list[tuple[int, Entry]] = []
        self.goals: dict[str, None] = {}  # goals of the entries, first seen first
        self.exact: set[int] = set()  # days whose real entries the rules get
        self.wanted: set[int] = set()  # id hashes whose entries the rules get whole

    def add(self, entry: Entry, *, counts: bool) -> None:
        """One entry, as read. `counts`: it passed its own checks (an entry that
        did not refuses the batch, and only its id matters)."""
        index = self.count
        self.count += 1
        self.hashes.append(self.id_hash(entry.id))
        op = entry.op
        if op in ABOUT_OPS:  # a retraction, verdict or attachment: kept whole
            self.retractions.append((index, entry))
            self.day_of.append(_NONE)
            return
        goal_id, date = entry.goal, entry.date
        if goal_id not in self.goals:
            self.goals[goal_id] = None
        goal = self._goals.get(goal_id)
        if not counts or goal is None or date is None:
            self.day_of.append(_NONE)
            return
        if op is _DONE or op is _ITEMS:
            self.ticks.append((index, entry))
        where = (goal_id, date)
        day = self.days.get(where)
        if day is None:
            day = self.days[where] = _Day(len(self.day_list), goal)
            self.day_list.append(day)
        day.add(entry, DATED_SORT_KEY(entry))
        self.day_of.append(day.index)

    # -- against the log -------------------------------------------------------

    def find_wanted(self, in_log: Callable[[list[int]], set[int]]) -> None:
        """The ids the rules must see whole: those the batch has twice, those
        the log has too (`in_log`: which of these sorted hashes the log holds;
        a hit is verified against the real id by the rules), and those a
        batch retraction names. Days holding a base and increments are read
        again whole."""
        ordered = sorted(self.hashes)
        twice = {a for a, b in zip(ordered, ordered[1:]) if a == b}
        named = {self.id_hash(e.about) for _, e in self.retractions if e.about}
        self.wanted = twice | in_log(ordered) | {h for h in named if _holds(ordered, h)}
        del ordered
        # A day of a goal asking files of the entry that meets its target: its
        # real entries, so the rules see which one does (ledger.evidence).
        self.exact |= {
            d.index for d in self.day_list if d.mixed or d.goal.evidence is EvidenceRule.DONE
        }

    def judge_days(self, existing: Iterable[Entry]) -> None:
        """Days whose summary could differ from their entries, given the log's:
        a batch entry some retraction names, and a day where a log entry that
        sets the value (a total, a reading) sorts between the batch's increments."""
        existing = list(existing)
        named = {self.id_hash(e.about) for e in existing if e.op in ABOUT_OPS and e.about}
        named |= {self.id_hash(e.about) for _, e in self.retractions if e.about}
        if named:
            for index, h in enumerate(self.hashes):
                if h in named and self.day_of[index] != _NONE:
                    self.exact.add(self.day_of[index])
        for entry in existing:
            if entry.date is None:
                continue
            day = self.days.get((entry.goal, entry.date))
            if day is None or day.first_increment is None or day.effects.get(entry.op) is not _SET:
                continue
            if day.first_key < entry.sort_key < day.increment_key:
                self.exact.add(day.index)

    @property
    def needs_second_look(self) -> bool:
        return bool(self.wanted or self.exact)

    def pick(
        self, entries: Iterable[Entry]
    ) -> tuple[list[tuple[int, Entry]], list[tuple[int, Entry]]]:
        """From a second read of the batch (its entries, in input order): the
        entries whose ids are wanted, and the entries of the exact days, each
        with its place in the input."""
        wanted, exact = [], []
        hashes, day_of, days = self.hashes, self.day_of, self.exact
        for index, entry in enumerate(entries):
            if hashes[index] in self.wanted:
                wanted.append((index, entry))
            if day_of[index] in days:
                exact.append((index, entry))
        return wanted, exact

    def stand_ins(self, exact: list[tuple[int, Entry]]) -> list[Entry]:
        """Entries that give the rules what the batch's entries (bar
        retractions) give them: every tick and the exact days' entries, in
        input order, then each other day summed."""
        kept = [(i, e) for i, e in self.ticks if self.day_of[i] not in self.exact]
        found = [e for _, e in sorted(kept + exact, key=lambda pair: pair[0])]
        for day in self.day_list:
            if day.index not in self.exact:
                found += day.stand_ins()
        return found

    def release(self) -> None:
        """Let go of what only the checks needed (the per-entry arrays)."""
        self.hashes = array("Q")
        self.day_of = array("i")

    def probe(self) -> list[Entry]:
        """Entries naming what the batch touches (its retractions, and every
        goal and day it has entries on), for reading the log around it."""
        found = [e for _, e in self.retractions] + [e for _, e in self.ticks]
        for day in self.day_list:
            found += day.stand_ins()
        return found


def _holds(ordered: list[int], h: int) -> bool:
    i = bisect_left(ordered, h)
    return i < len(ordered) and ordered[i] == h
