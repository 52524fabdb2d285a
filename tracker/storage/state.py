"""The maintained state of progress/, in progress/.cache/: derived, safe to
delete, never the source of truth, rebuilt when stale.

Per log file it keeps the file's stat and a digest of its bytes; each goal's
entries in that file in a compact form (a "part", read only when a question
needs that goal); a sorted array of 64-bit hashes of the file's ids (for
duplicate-id and retraction lookups, every hit verified against the real id);
and each goal's day steps (tracker.ledger.day_steps), from which every
goal's series is summed without reading an entry. A file that only grew (same
inode, its old bytes' digest unchanged) has only its new lines parsed; a file
whose earlier bytes changed (a merge, an edit) is rebuilt alone.

Freshness, like git's index: a file whose stat is unchanged is trusted by stat
alone only if it was last modified more than RACY_SECONDS before its bytes were
read; otherwise its digest is checked, so a same-size rewrite within one
timestamp tick is never missed. JSON and raw integers only, never pickle: a
state that came with a folder must never run code. Nothing is read or written
through a symbolic link.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import gc
import json
import operator
import os
import time
import zlib
from array import array
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import replace
from itertools import islice, repeat
from pathlib import Path

from tracker import __version__
from tracker.ledger import day_steps, fits, names_not_in_plan, series_from_steps
from tracker.model import (
    DATED_SORT_KEY,
    Entry,
    IsoDays,
    Kind,
    LineGroup,
    Op,
    Plan,
    Source,
    line_record,
    mark_record,
)
from tracker.numbers import PlainNumbers
from tracker.problems import Problem, problem

CACHE_DIR = ".cache"
INDEX_FILE = "state.json"
PARTS_DIR = "parts"
FORMAT = 12  # 4: per-file state (3 was one series.json); 5: whole increments summed;
# 6: cut-off batch lines neither repeat an id nor name unknown goals; 7: sizes;
# 8: parts named by CRC-32, each file's line order; 9: tiny values; 10: parts by
# column; 11: a line per column, each read when first asked for; 12: hex ids' hash
RACY_SECONDS = 2
_RACY_NS = RACY_SECONDS * 1_000_000_000
_RETRACTIONS = "\x00retractions"  # the part holding a file's retractions (no goal has this id)
TINY = 1e-4  # below it (but 0) orjson writes a float otherwise than json (jsontext)
ALL, COUNTING, ENTRIES = 0, 1, 2  # which of a file's lines State._holds looks among

try:  # C-speed JSON for the state's own files; they are tracker's output, never user input
    import orjson as _orjson

    def _loads(data: bytes):
        return _orjson.loads(data)

    def _dumps(document) -> bytes:
        return _orjson.dumps(document)

except ImportError:  # pragma: no cover - orjson is a dependency; this keeps a bare install working

    def _loads(data: bytes):
        return json.loads(data)

    def _dumps(document) -> bytes:
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


try:  # the blake2 module alone: hashlib would load OpenSSL first (2.5 ms of every start)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover
    from hashlib import blake2b


def digest(data) -> str:
    return blake2b(data, digest_size=16).hexdigest()


def token(data: bytes) -> str:
    """A stored part's or id array's name, and its check when read: its CRC-32
    and length. Four times faster than digest() over a big log's parts; the name
    is written with its bytes (atomically), so it only has to catch damage."""
    return f"{zlib.crc32(data):08x}{len(data):x}"


_MIX = 0x9E3779B97F4A7C15  # odd (2**64 over the golden ratio): times it is a bijection mod 2**64
_MASK = (1 << 64) - 1


def id_hash(entry_id: str, _blake2b=blake2b, _from_bytes=int.from_bytes, _int=int) -> int:
    """An id's 64-bit hash (hits are always checked against the real id). The
    ids tracker gives are 16 hex digits, 64 bits already: their number, mixed
    (consecutive ids a batch counts up spread over the whole range, which
    _no_id_twice cuts into slices), costs half a blake2b; any other id is
    hashed. (Names bound as defaults: this runs twice per entry of a batch.)"""
    if len(entry_id) == 16:
        try:
            return (_int(entry_id, 16) * _MIX) & _MASK
        except ValueError:
            pass
    return _from_bytes(
        _blake2b(entry_id.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little"
    )


def plan_key(plan: Plan) -> str:
    """What of the plan the steps depend on: each goal's id, kind and items."""
    shape = [[g.id, g.kind.value, list(g.items)] for g in plan.goals]
    return digest(json.dumps(shape, ensure_ascii=False).encode("utf-8"))


# ── compact entries ──────────────────────────────────────────────────────────

_OPS = {op.value: op for op in Op}


def compact(entry: Entry) -> list:
    """An entry as the state keeps it: a list in model.Line's layout (one line
    of _entry_columns, where the layout is written out)."""
    return [column[0] for column in _entry_columns([entry])]


def expand(c: list, file: str, goal: str) -> Entry:
    return Entry(
        c[0],
        goal,
        dt.date.fromordinal(c[1]) if c[1] is not None else None,
        _OPS[c[2]],
        c[5],
        c[3],
        tuple(c[4]) if c[4] else (),
        c[6],
        c[7],
        c[8],
        c[9],
        c[10],
        Source(file, c[11]),
    )


# ── the state ────────────────────────────────────────────────────────────────


class _Stale(Exception):
    """A part or id array that does not match the index: rebuild its file."""


class State:
    """progress/ as maintained state. `open_state` returns one that is fresh."""

    def __init__(self, progress_dir: Path, plan: Plan, display):
        self.progress_dir = progress_dir
        self.plan = plan
        self.display = display
        self.folder = progress_dir / CACHE_DIR
        self.files: dict[str, dict] = {}
        self.series_raw: dict | None = None
        self._parts: dict[tuple[str, str], list] = {}  # (file, goal) → its part's columns
        self._ids: dict[str, array] = {}
        self._written: set = set()  # parts and arrays to store
        # file → (sorted hashes of the ids read now, whole file?)
        self._new_ids: dict[str, tuple[list[int], bool]] = {}
        self._id_texts: dict[str, tuple] = {}  # each file's ids that count (_holds)
        self._cut: set[str] | None = None  # cut-off batches (_cut_off)
        self._names: dict[str, str] = {}
        self._hashed: dict[str, tuple] = {}  # file → (size, inode, its hash) read by this process
        self.retracted: set[str] = set()  # the retracted ids the steps were summed without
        self.dirty = False
        self.usable = not _linked(self.folder)

    # -- opening -------------------------------------------------------------

    def load_index(self) -> None:
        if not self.usable:
            return
        try:
            with open(self.folder / INDEX_FILE, "rb") as handle:
                stored = _loads(handle.read())
            if (stored.get("format"), stored.get("version"), stored.get("plan")) != (
                FORMAT,
                __version__,
                plan_key(self.plan),
            ):
                return
            files = stored["files"]
            if not isinstance(files, dict) or not all(isinstance(r, dict) for r in files.values()):
                return
            self.files = files
            self.series_raw = stored.get("series")
            self.retracted = set(stored.get("retracted", ()))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return  # missing, damaged or from another version: rebuilt from the log

    def refresh(self) -> None:
        """Bring every file's record up to date with progress/."""
        from tracker.storage.journal import log_files

        self._new_ids = {}  # ids read by this refresh, for its exclusions
        paths = log_files(self.progress_dir)
        names = [p.name for p in paths]
        old = self.files
        changes: list[tuple[str, list]] = []  # (file, id hashes whose occurrences changed)
        removed = [n for n in old if n not in names]
        for name in removed:
            self._drop(name, changes)
        fresh: dict[str, dict] = {}
        for path in paths:
            record = old.get(path.name)
            try:
                fresh[path.name] = self._refresh_file(path, record, changes)
            except _Stale:
                fresh[path.name] = self._rebuild(path, record, changes)
            self._spill(path.name, fresh[path.name])
        self.files = fresh
        if changes or removed or self.series_raw is None or set(old) != set(fresh):
            self._apply_exclusions(changes)
            self._compose()
            self.dirty = True

    def _refresh_file(self, path: Path, record: dict | None, changes: list) -> dict:
        try:
            st = os.stat(path, follow_symlinks=False)
        except OSError:
            raise _Stale from None
        stat = [st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns]
        if record is None:
            raise _Stale
        if record["stat"] == stat and max(stat[1], stat[3]) < record["verified_ns"] - _RACY_NS:
            return record  # unchanged since well before it was read
        started = time.time_ns()
        old_size = record["stat"][0]
        grew = stat[0] > old_size and record["complete"] and stat[2] == record["stat"][2]
        known = self._hashed.get(path.name)
        if grew and known is not None and known[:2] == (old_size, stat[2]):
            # This process read and hashed these first bytes moments ago (a write
            # checks, appends under the lock, then comes here): read only the new
            # ones. Safe as the racy rule: the file changed within RACY_SECONDS of
            # `started`, so the next reader checks its digest whole.
            try:
                tail = _read(path, old_size)
            except OSError:
                raise _Stale from None
            hashed = known[2].copy()
            hashed.update(tail)
            return self._grow(path, record, tail, stat, started, changes, hashed)
        # The bytes it had hashed a piece at a time: a month of a big log is
        # never held to learn it is unchanged (as after another write moments ago).
        try:
            prefix, tail = _hashed_and_rest(path, old_size)
        except OSError:
            raise _Stale from None
        if prefix is not None and prefix.hexdigest() == record["digest"]:
            if not tail:
                self._hashed[path.name] = (old_size, stat[2], prefix)
                record = dict(record, stat=stat, verified_ns=started)
                self.dirty = True
                return record
            if grew:  # only grew: read the new lines
                hashed = prefix.copy()
                hashed.update(tail)
                return self._grow(path, record, tail, stat, started, changes, hashed)
        return self._rebuild(path, record, changes)  # earlier bytes changed: read it whole

    # -- one file ------------------------------------------------------------

    def _shown(self, name: str) -> str:
        """A log file's name as messages show it (display() is a path computation)."""
        shown = self._names.get(name)
        if shown is None:
            shown = self._names[name] = self.display(self.progress_dir / name)
        return shown

    def _hash(self, name: str, stat: list, data: bytes) -> str:
        """A file's digest, its hash kept for reading only what it grows by."""
        hashed = blake2b(data, digest_size=16)
        self._hashed[name] = (len(data), stat[2], hashed)
        return hashed.hexdigest()

    def _parse(self, path: Path, data: bytes, first_line: int):
        from tracker.storage.journal import parse_lines

        entries: list[Entry] = []
        problems: list[Problem] = []
        commits: set[str] = set()
        parse_lines(data, path.name, first_line, entries, problems, commits)
        return entries, problems, commits

    def _rebuild(self, path: Path, old: dict | None, changes: list) -> dict:
        """A file read whole: a new one, or one whose earlier bytes changed."""
        started = time.time_ns()
        try:
            st = os.stat(path, follow_symlinks=False)
            data = _read(path)
        except OSError as exc:
            return self._unreadable(path, exc, old, changes)
        name = path.name
        record = _record(
            stat=[len(data), st.st_mtime_ns, st.st_ino, st.st_ctime_ns],
            digest=self._hash(name, [len(data), 0, st.st_ino], data),
            verified_ns=started,
            lines=data.count(b"\n"),
            complete=data.endswith(b"\n") or not data,
        )
        entries, problems, commits = self._parse(path, data, 1)
        del data  # a month of a big log: not held while its parts are made
        if old is not None:
            self._drop(name, changes)
        self._forget(name)
        grouped = _by_goal(entries)
        hashes = self._add_entries(
            name, record, entries, problems, commits, hashes=array("Q"), grouped=grouped
        )
        changes.append((name, array("Q", hashes)))
        self._new_ids[name] = (self._ids[name], True)
        record["steps"] = self._steps_of(name, record, entries, grouped[0])
        self.dirty = True
        return record

    def _unreadable(self, path: Path, exc: OSError, old: dict | None, changes: list) -> dict:
        name = path.name
        if old is not None:
            self._drop(name, changes)
        self._forget(name)
        reason = exc.strerror or str(exc)
        found = problem(name, None, "unreadable", "cannot_read", reason=reason)
        return _record(problems=[found.to_record()])

    def _grow(self, path, record, tail: bytes, stat, started, changes, hashed) -> dict:
        """Only new lines at the end (`tail`; `hashed`: the whole file's hash):
        parse them and add them to the record."""
        name = path.name
        entries, problems, commits = self._parse(path, tail, record["lines"] + 1)
        self._hashed[name] = (stat[0], stat[2], hashed)
        record = json.loads(json.dumps(record))  # a copy to change
        record.update(
            stat=stat,
            digest=hashed.hexdigest(),
            verified_ns=started,
            lines=record["lines"] + tail.count(b"\n"),
            complete=tail.endswith(b"\n"),
        )
        hashes = array("Q", self._id_array(name, strict=True))
        self._id_texts.pop(name, None)  # the file's ids, if read before, lack the new lines'
        added = self._add_entries(name, record, entries, problems, commits, hashes=hashes)
        changes.append((name, array("Q", added)))
        self._new_ids[name] = (sorted(added), False)
        touched: dict[str, set[int]] = {}
        for e in entries:
            if e.op is not Op.RETRACT and e.date is not None:
                touched.setdefault(e.goal, set()).add(e.date.toordinal())
        for goal_id, days in touched.items():
            goal = self.plan.goal(goal_id)
            if goal is None:
                continue
            mine = [
                expand(c, "", goal_id)
                for c in zip(*self._part(name, goal_id, strict=True))
                if c[1] in days and c[2] != "retract"
            ]
            kept = [s for s in record["steps"].get(goal_id, []) if s[0] not in days]
            new_steps = day_steps(goal, self._counting(goal, name, record, mine))
            record["steps"][goal_id] = sorted(kept + new_steps)
        self.dirty = True
        return record

    def _add_entries(
        self, name, record, entries, problems, commits, *, hashes: array, grouped=None
    ) -> list:
        """Add parsed lines to a file's record: parts, ids, problems, commits,
        batches, retractions, date range, line order, tiny values, unknown
        references. Returns the new lines' id hashes. `grouped`: the lines'
        _by_goal, when the caller has it already.

        A file's lines are looked at field by field (a column of the Entry
        tuples taken at once), never one Python step per line and field: this
        runs for every line a state reads, a batch's million among them."""
        record["problems"] = record["problems"] + [p.to_record() for p in problems]
        self._id_texts.pop(name, None)
        record["commits"] = sorted(set(record["commits"]) | commits)
        by_goal, retractions = grouped if grouped is not None else _by_goal(entries)
        columns_of = {goal_id: _entry_columns(mine) for goal_id, mine in by_goal.items()}
        # (reference, batch): a batch's count only once it is committed
        if any(self.plan.goal(g) is None or "items" in c[2] for g, c in columns_of.items()):
            known = {tuple(u) for u in record["unknown"]}
            for e in entries:
                for ref in names_not_in_plan(self.plan, [e]):
                    if (ref, e.batch) not in known:
                        known.add((ref, e.batch))
                        record["unknown"].append([ref, e.batch])
        if retractions:
            marked = [compact(e) + [e.goal] for e in retractions]
            record["retractions"] += marked
            columns_of[_RETRACTIONS] = _columns_of(marked, 13)
        added = list(map(id_hash, map(_ID, entries)))
        if any(v is not None and -TINY < v < TINY and v for v in set(map(_VALUE, entries))):
            record["tiny"] = True
        batched = list(map(_BATCH, entries))
        batches = record["batches"]
        for batch, lines in Counter(batched).items():
            if batch:
                seen = batches.get(batch)
                if seen is None:
                    origin = entries[batched.index(batch)].origin
                    seen = batches[batch] = [0, origin.line if origin else None]
                seen[0] += lines
        del batched
        # The dated lines' Entry.sort_key, in file order (dates, not yet ordinals)
        keys = list(map(DATED_SORT_KEY, entries))
        if not all(map(_FIRST, keys)):  # undated retractions: not dated lines
            keys = [k for k in keys if k[0] is not None]
        if keys:
            low, high = min(map(_FIRST, keys)).toordinal(), max(map(_FIRST, keys)).toordinal()
            if record["dates"] is not None:
                low, high = min(low, record["dates"][0]), max(high, record["dates"][1])
            record["dates"] = [low, high]
            # Whether the dated lines are in Entry.sort_key order as they stand in
            # the file (a log written as it happens): then a listing need not sort.
            order = record["order"]
            if order is not False:
                first, last = _ordinal_key(keys[0]), _ordinal_key(keys[-1])
                in_order = (not order or first >= tuple(order)) and all(
                    map(operator.le, keys, islice(keys, 1, None))
                )
                record["order"] = list(last) if in_order else False
        del keys
        for goal_id, columns in columns_of.items():
            if goal_id != _RETRACTIONS:  # how many: lines of no batch, and of each batch
                sizes = record["sizes"].setdefault(goal_id, [0, {}])
                batched = columns[10]
                plain = batched.count(None)
                sizes[0] += plain
                if plain != len(batched):
                    for batch in batched:
                        if batch is not None:
                            sizes[1][batch] = sizes[1].get(batch, 0) + 1
            if goal_id in record["parts"]:
                previous = self._part(name, goal_id, strict=True)
                columns = [held + more for held, more in zip(previous, columns)]
            self._parts[(name, goal_id)] = columns
            record["parts"][goal_id] = None  # stored (and named) when the state is
            self._written.add(("part", name, goal_id))
        if added:
            merged = sorted([*hashes, *added])
            self._ids[name] = array("Q", merged)
            record["ids"] = None
            self._written.add(("ids", name, None))
        elif name not in self._ids:
            self._ids[name] = hashes
        return added

    def _counting(self, goal, name: str, record: dict, entries: list[Entry]) -> list[Entry]:
        """Of a file's entries of one goal, those that count (the exclusions this
        file's record says apply: retracted ids, repeated ids, cut-off batches)."""
        applied = record["applied"]
        retracted = set(applied["retracted"])
        repeated = set(applied["shadowed"])
        uncommitted = set(applied["uncommitted"])
        # Whether the goal can count an entry depends only on its operation,
        # value, items and whether it has a date, and a big file repeats a few
        # of them: each is judged once (ledger.fits), as engine.history does.
        judged: dict[tuple, bool] = {}
        look = judged.get
        found = []
        keep = found.append
        excluding = bool(retracted or repeated or uncommitted)  # most files: nothing
        if not excluding and all(map(_DATE, entries)):
            # One entry of each distinct (op, value, items), made at C speed: when
            # each of them counts (a file of plain increments), all entries do.
            alike = dict(zip(map(_RULED, entries), entries))
            for key, e in alike.items():
                judged[(*key, False)] = e.op is not Op.RETRACT and fits(goal, e)
            if all(judged.values()):
                return list(entries)
        for e in entries:
            if e.op is Op.RETRACT:
                continue
            if excluding and (
                e.id in retracted or e.origin.line in repeated or e.batch in uncommitted
            ):
                continue
            key = (e.op, e.value, e.items, e.date is None)
            counts = look(key)
            if counts is None:
                counts = judged[key] = fits(goal, e)
            if counts:
                keep(e)
        return found

    def _steps_of(self, name: str, record: dict, entries: list[Entry], grouped=None) -> dict:
        """Each goal's day steps from a file's entries (in file order; `grouped`:
        those that are not retractions by goal, _by_goal's, if made already)."""
        if grouped is None:
            grouped = _by_goal(entries)[0]
        # A file whose dated lines stand in Entry.sort_key order gives each goal's
        # counting entries in that order too: not sorted again.
        ordered = record["order"] is not False
        steps = {}
        for goal_id, mine in grouped.items():
            goal = self.plan.goal(goal_id)
            if goal is not None:
                counting = self._counting(goal, name, record, mine)
                found = day_steps(goal, counting, ordered=ordered)
                if found:
                    steps[goal_id] = found
        return steps

    # -- exclusions that reach across files ----------------------------------

    def _apply_exclusions(self, changes: list) -> None:
        """Retracted ids, repeated ids and cut-off batches, wherever they are:
        a file whose exclusions changed has its steps summed again."""
        names = list(self.files)
        uncommitted = self._cut_off()
        for name in names:  # a batch committed or cut off since: its ids changed standing
            record = self.files[name]
            if sorted(uncommitted & set(record["batches"])) != record["applied"]["uncommitted"]:
                with contextlib.suppress(_Stale):
                    changes.append((name, self._id_array(name)))
        retracted = {
            c[8]
            for r in self.files.values()
            for c in r["retractions"]
            if c[10] is None or c[10] not in uncommitted
        }
        added = retracted - self.retracted
        repeated, shadowed = self._repeated_lines(self._may_repeat(changes))
        for name in names:
            record = self.files[name]
            new_ids, whole = self._new_ids.get(name, ((), False))
            gone = set() if whole else set(record["applied"]["retracted"]) & retracted
            gone |= {
                r for r in retracted if _contains(new_ids, id_hash(r)) and self._holds(name, r, ALL)
            }
            gone |= {r for r in added - gone if self._holds(name, r, ALL)}
            want = {
                "retracted": sorted(gone),
                "repeated": sorted(repeated.get(name, ())),
                "shadowed": sorted(shadowed.get(name, ())),
                "uncommitted": sorted(uncommitted & set(record["batches"])),
            }
            if want != record["applied"]:
                record = self.files[name] = dict(record, applied=want)
                record["steps"] = self._steps_of(name, record, self._entries_of(name))
                self.dirty = True
        self.retracted = retracted

    def _may_repeat(self, changes: list) -> set[str]:
        """Files that may hold a repeated id: those that did, and those sharing an
        id whose lines changed with another file, or holding it twice."""
        names = [n for n in self.files if self.files[n]["ids"] is not None or n in self._ids]
        found = {n for n in self.files if self.files[n]["applied"]["repeated"]}
        if sum(map(len, (h for _, h in changes))) > 4096 and self._no_id_twice(names):
            # A big change (a batch, a fresh clone): when no id hash appears twice
            # in the whole log, none repeats now, and only the files that held a
            # repeated id must be looked at again — without a look per pair of files.
            return found & set(self.files)
        for changed, hashes in changes:
            if not hashes:
                continue
            small = len(hashes) <= 64
            wanted = None if small else set(hashes)
            for name in names:
                try:
                    mine = self._id_array(name)
                except _Stale:
                    found.add(name)
                    continue
                if small:
                    counts = [
                        bisect.bisect_right(mine, h) - bisect.bisect_left(mine, h) for h in hashes
                    ]
                    shared = any(counts) if name != changed else any(c > 1 for c in counts)
                else:
                    shared = _has_repeats(mine) if name == changed else not wanted.isdisjoint(mine)
                if shared:
                    found |= {name, changed}
        return found & set(self.files)

    def _no_id_twice(self, names: list[str]) -> bool:
        """Whether no id hash is held twice among these files' id arrays. The
        arrays are sorted: they are looked at a range of hashes at a time
        (about 64k hashes), so a million ids are never held as one set."""
        try:
            arrays = [self._id_array(name) for name in names]
        except _Stale:
            return False
        step = (1 << 64) // max(1, sum(map(len, arrays)) >> 16) + 1
        for start in range(0, 1 << 64, step):
            seen: set[int] = set()
            held = 0
            for mine in arrays:
                low, high = bisect.bisect_left(mine, start), bisect.bisect_left(mine, start + step)
                seen.update(mine[low:high])
                held += high - low
            if len(seen) != held:
                return False
        return True

    def _cut_off(self) -> set[str]:
        """The cut-off batches as the files now say; each file's counting ids
        (for _holds) follow them."""
        cut = self._uncommitted()
        if cut != self._cut:
            self._cut, self._id_texts = cut, {}
        return cut

    def _repeated_lines(self, names: set[str]) -> tuple[dict, dict]:
        """For files that may hold repeated ids: the lines whose id an earlier
        line (in this file or an earlier one) already has ("repeated", what
        `check` reports), and of those the entries whose id an earlier entry has
        ("shadowed": they do not count; a retraction's id shadows nothing, as in
        tracker.ledger.effective_by_goal). Lines of a cut-off batch are
        neither. Hash hits are verified against the real ids."""
        repeated: dict[str, set[int]] = {}
        shadowed: dict[str, set[int]] = {}
        order = list(self.files)
        cut = self._cut_off()
        for name in sorted(names, key=order.index):
            lines: set[int] = set()
            hidden: set[int] = set()
            seen: set[str] = set()
            seen_entries: set[str] = set()
            earlier = order[: order.index(name)]
            for e in self._entries_of(name):
                if e.batch is not None and e.batch in cut:
                    continue  # a cut-off batch's line neither counts nor hides one
                if e.id in seen or any(self._holds(other, e.id) for other in earlier):
                    lines.add(e.origin.line)
                    if e.op is not Op.RETRACT and (
                        e.id in seen_entries
                        or any(self._holds(other, e.id, ENTRIES) for other in earlier)
                    ):
                        hidden.add(e.origin.line)
                seen.add(e.id)
                if e.op is not Op.RETRACT:
                    seen_entries.add(e.id)
            repeated[name], shadowed[name] = lines, hidden
        return repeated, shadowed

    def _holds(self, name: str, entry_id: str, among: int = COUNTING) -> bool:
        """Whether a file has a line with this id, `among` ALL its lines, the
        COUNTING ones (not of a cut-off batch) or their ENTRIES (no retractions):
        the hash array says no at once; a hit is checked against the real ids."""
        try:
            if not _contains(self._id_array(name), id_hash(entry_id)):
                return False
        except _Stale:
            pass
        cut = self._cut if self._cut is not None else self._cut_off()
        if name not in self._id_texts:
            lines = self._entries_of(name)
            counting = [e for e in lines if e.batch is None or e.batch not in cut]
            self._id_texts[name] = (
                {e.id for e in lines},
                {e.id for e in counting},
                {e.id for e in counting if e.op is not Op.RETRACT},
            )
        return entry_id in self._id_texts[name][among]

    # -- the series ----------------------------------------------------------

    def _compose(self) -> None:
        """Every goal's series from every file's steps, as plain JSON."""
        self.series_raw = {}
        for goal in self.plan.goals:
            steps = self.goal_steps(goal)
            s = series_from_steps(goal, steps)
            self.series_raw[goal.id] = {
                "days": [d.toordinal() for d in s.days],
                "values": list(s.values),
                "items": [sorted(i) for i in s.items] if any(s.items) else None,
                "entry_days": [d.toordinal() for d in s.entry_days],
            }

    def goal_steps(self, goal) -> list[list]:
        """The goal's day steps across files, one per day; a day that several files
        hold entries for is summed again from those entries, in order."""
        by_day: dict[int, list] = {}
        clash: set[int] = set()
        for record in self.files.values():
            for s in record["steps"].get(goal.id, ()):
                if s[0] in by_day:
                    clash.add(s[0])
                by_day[s[0]] = s
        for day in clash:
            mine = []
            for name, record in self.files.items():
                if any(s[0] == day for s in record["steps"].get(goal.id, ())):
                    mine += self._counting(
                        goal,
                        name,
                        record,
                        [e for e in self._entries_of(name, goal.id) if _ord(e) == day],
                    )
            by_day[day] = day_steps(goal, mine)[0]
        return [by_day[d] for d in sorted(by_day)]

    def series(self) -> dict:
        from tracker.ledger import Series

        out = {}
        for goal in self.plan.goals:
            raw = self.series_raw[goal.id]
            days = tuple(dt.date.fromordinal(d) for d in raw["days"])
            items = (
                tuple(frozenset(i) for i in raw["items"])
                if raw["items"] is not None
                else tuple(frozenset() for _ in days)
            )
            out[goal.id] = Series(
                goal,
                days,
                tuple(raw["values"]),
                items,
                tuple(dt.date.fromordinal(d) for d in raw["entry_days"]),
            )
        return out

    def problems(self) -> list[Problem]:
        """The log's problems, as read_log reports them: each file's, then cut-off batches."""
        found = []
        for name, record in self.files.items():
            shown = self._shown(name)
            for raw in record["problems"]:
                found.append(replace(Problem.from_record(raw), file=shown))
        commits = set().union(*(set(r["commits"]) for r in self.files.values()))
        cut: dict[str, list] = {}
        for name, record in self.files.items():
            for batch, (count, line) in record["batches"].items():
                if batch not in commits:
                    place = cut.setdefault(batch, [0, name, line])
                    place[0] += count
        for batch, (count, name, line) in cut.items():
            found.append(
                problem(
                    self._shown(name),
                    line,
                    "uncommitted-batch",
                    "batch_cut_off",
                    "batch_run_again",
                    batch=batch,
                    count=count,
                )
            )
        return found

    def unknown(self) -> list[str]:
        cut = self._uncommitted()
        found: dict[str, None] = {}
        for record in self.files.values():
            for ref, batch in record["unknown"]:
                if batch is None or batch not in cut:
                    found.setdefault(ref)
        return list(found)

    # -- entries, read only where a question needs them ----------------------

    def _uncommitted(self) -> set[str]:
        commits = set().union(*(set(r["commits"]) for r in self.files.values()))
        return {b for r in self.files.values() for b in r["batches"]} - commits

    def _entries_of(
        self,
        name: str,
        goal_id: str | None = None,
        days: set[int] | None = None,
        span: tuple[int, int] | None = None,
    ) -> list[Entry]:
        """A file's entries (of one goal, or all; dated on `days`, or within
        `span`'s first and last day, or any day), in line order. Only those
        asked for are made into Entries."""
        record = self.files[name]
        shown = self._shown(name)
        wanted = [goal_id, _RETRACTIONS] if goal_id is not None else list(record["parts"])
        out = []
        for part in wanted:
            if part not in record["parts"]:
                continue
            for c in zip(*self._part(name, part)):
                if days is not None and c[1] not in days:
                    continue
                if span is not None and (c[1] is None or not span[0] <= c[1] <= span[1]):
                    continue
                goal = c[12] if part == _RETRACTIONS else part
                if goal_id is None or goal == goal_id:
                    out.append(expand(c, shown, goal))
        out.sort(key=lambda e: e.origin.line)
        return out

    def entries(
        self,
        *,
        goal: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> list[Entry]:
        """The log's entries, in file then line order, as read_log gives them —
        with `since`/`until`, only those dated in the period, read from the files
        whose dates can hold one. Retractions only when no goal is asked for
        (see retractions())."""
        cut = self._uncommitted()
        out: list[Entry] = []
        lo = since.toordinal() if since else None
        hi = until.toordinal() if until else None
        for name, record in self.files.items():
            dates = record["dates"]
            if (
                dates is None
                or (lo is not None and dates[1] < lo)
                or (hi is not None and dates[0] > hi)
            ):
                continue
            span = None
            if lo is not None or hi is not None:  # a period: the files' rows in it, no others
                span = (lo if lo is not None else dates[0], hi if hi is not None else dates[1])
            out += [e for e in self._entries_of(name, goal, span=span) if e.batch not in cut]
        return out

    def record_groups(
        self,
        *,
        goal: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        marks: dict[str, str] | None = None,
    ) -> Iterator[list[dict]]:
        """The log's lines as plain records (model.line_record) in Entry.sort_key
        order, a group at a time, never the whole log at once: the lines
        `entries()` would give for the same question (with no filter, also
        files holding only undated retractions), straight from the compact
        parts, no Entry made. With `marks` (a retracted id → the id of the
        retraction naming it), each record ends with `retracted` and
        `retracted_by` (model.mark_record).

        Every record of a group sorts after every record of the groups before it
        by date (undated first): files whose date ranges overlap share a group,
        so sorting each group on its own orders the whole. Lines that tie (only
        lines sharing an id can) stay in file then line order, as in a sort of
        the whole log. Parts read here are not kept."""
        cut = self._uncommitted()
        lo = since.toordinal() if since else None
        hi = until.toordinal() if until else None
        filtered = lo is not None or hi is not None
        undated: list[dict] = []  # retractions without a date, from every file
        for record in self.files.values():
            if not filtered:
                undated += [
                    _line_record(c, c[12], IsoDays(), marks)
                    for c in record["retractions"]
                    if c[1] is None
                    and (c[10] is None or c[10] not in cut)
                    and (goal is None or c[12] == goal)
                ]
        if undated:
            undated.sort(key=_UNDATED)
            yield undated
        for group in self._date_groups(lo, hi):
            yield self._group_records(group, goal, lo, hi, cut, marks)

    def plain_floats(self) -> bool:
        """Whether no line's value is a float below TINY (but 0): then the log's
        records hold only numbers every JSON encoder writes alike."""
        return not any(record["tiny"] for record in self.files.values())

    def _date_groups(self, lo: int | None, hi: int | None, goal: str | None = None):
        """The files holding dated lines from day `lo` to `hi` (either None: no
        bound; with `goal`, only files holding that goal's lines), in groups
        whose date ranges do not overlap, earliest first; each group's files in
        log order."""
        names = list(self.files)
        spans: list[tuple[int, int, int]] = []  # (first day, last day, file's place)
        for place, name in enumerate(names):
            record = self.files[name]
            dates = record["dates"]
            if dates is None or (lo is not None and dates[1] < lo):
                continue
            if (hi is not None and dates[0] > hi) or (
                goal is not None and goal not in record["parts"]
            ):
                continue
            spans.append((dates[0], dates[1], place))
        spans.sort()
        group: list[int] = []
        end = None
        for first, last, place in spans:
            if group and first > end:
                yield [names[p] for p in sorted(group)]
                group = []
            end = last if not group else max(end, last)
            group.append(place)
        if group:
            yield [names[p] for p in sorted(group)]

    def goal_lines(
        self, goal_id: str, *, since: dt.date | None = None, until: dt.date | None = None
    ) -> Iterator[LineGroup]:
        """The goal's dated lines from `since` to `until` (not retractions, not of
        a cut-off batch), in order, straight from its parts, column by column
        (model.LineGroup): a group of files at a time, every line of a group
        dated after every line of the groups before it (record_groups). Parts
        read here are not kept: a goal's whole history is never held."""
        cut = self._uncommitted()
        lo = since.toordinal() if since else None
        hi = until.toordinal() if until else None
        low = lo if lo is not None else 0
        high = hi if hi is not None else 1 << 62
        for names in self._date_groups(lo, hi, goal_id):
            columns: list[list] = [[] for _ in range(12)]
            repeated: list[bool] | None = None  # per line: an earlier line has its id (rare)
            for name in names:
                record = self.files[name]
                part = self._passing(name, goal_id)
                first, last = record["dates"]
                if not (low <= first and last <= high and not cut):
                    part = _within(part, low, high, cut)
                # (else all of a goal's part: its lines are all dated)
                shadowed = record["applied"]["shadowed"]
                if shadowed and repeated is None:
                    repeated = [False] * len(columns[0])
                if repeated is not None:
                    numbers = set(shadowed)
                    repeated += [line in numbers for line in part[11]]
                if len(names) == 1:
                    columns = part  # as read: a column is parsed only if it is asked for
                else:
                    for held, more in zip(columns, part):
                        held += more
                del part
            if not self._in_order(names):
                # stable: ties stay in file then line order
                lines = sorted(zip(*columns, repeated or repeat(False)), key=_DAY_TIME_ID)
                columns = _columns_of(lines, 13)
                repeated = columns.pop()
                del lines
            repeats = frozenset(i for i, again in enumerate(repeated or ()) if again)
            yield LineGroup(columns, repeats)
            del columns, repeated

    def _group_records(self, names, goal, lo, hi, cut, marks) -> list[dict]:
        """The dated records of these files (of one goal, or all; from day `lo`
        to `hi`), cut-off batches left out, in order."""
        with _collector_paused():
            records = self._gather_records(names, goal, lo, hi, cut, marks)
            if not self._in_order(names):
                records.sort(key=_DATED)  # stable: ties stay in file then line order
            return records

    def _in_order(self, names: list[str]) -> bool:
        """Whether these files' dated lines, in file then line order, are
        already in Entry.sort_key order: one file written in that order."""
        return len(names) == 1 and self.files[names[0]]["order"] is not False

    def _gather_records(self, names, goal, lo, hi, cut, marks) -> list[dict]:
        out: list[dict] = []
        low = lo if lo is not None else 0
        high = hi if hi is not None else 1 << 62
        days, numbers = IsoDays(), PlainNumbers()
        for name in names:
            record = self.files[name]
            wanted = [goal, _RETRACTIONS] if goal is not None else list(record["parts"])
            # Each record put at its line's place: the file's order, no comparing.
            slots: list = [None] * (record["lines"] + 2)
            place = slots.__setitem__
            for part in wanted:
                if part not in record["parts"]:
                    continue
                columns = self._passing(name, part)
                retractions = part == _RETRACTIONS
                if retractions or lo is not None or hi is not None or cut:
                    # (a retraction names its goal in c[12])
                    columns = _within(columns, low, high, cut, goal if retractions else None)
                # (else all of a goal's part: its lines are all dated)
                if retractions:
                    made = [_line_record(c, c[12], days, marks) for c in zip(*columns)]
                else:
                    made = _part_records(columns, part, days, numbers, marks)
                lines = columns[11]
                del columns
                deque(map(place, lines, made), maxlen=0)
                # The records share the part's strings; the rest is freed here.
                del lines, made
            out += filter(None, slots)  # records are never empty
            del slots
        return out

    def count(self, goal_id: str, *, before: dt.date) -> int:
        """How many of the goal's entries (not retractions, not of a cut-off
        batch) are dated before `before`: from each file's sizes, and for a file
        dated across that day, counted in its part (none made an Entry)."""
        cut = self._uncommitted()
        day = before.toordinal()
        found = 0
        for name, record in self.files.items():
            dates = record["dates"]
            if goal_id not in record["parts"] or dates is None or dates[0] >= day:
                continue
            if dates[1] < day:  # all of it
                plain, batched = record["sizes"].get(goal_id, (0, {}))
                found += plain + sum(n for b, n in batched.items() if b not in cut)
                continue
            found += sum(
                1
                for c in zip(*self._passing(name, goal_id))
                if c[1] is not None and c[1] < day and (c[10] is None or c[10] not in cut)
            )
        return found

    def shadowed(self) -> set[Source]:
        """Where the entries are whose id an earlier entry has: they do not count."""
        return {
            Source(self._shown(name), line)
            for name, record in self.files.items()
            for line in record["applied"]["shadowed"]
        }

    def retractions(self) -> list[Entry]:
        cut = self._uncommitted()
        out = []
        for name, record in self.files.items():
            shown = self._shown(name)
            for c in record["retractions"]:
                if c[10] is None or c[10] not in cut:
                    out.append(expand(c, shown, c[12]))
        return out

    def find(self, ids: set[str]) -> list[Entry]:
        """Every line with one of these ids (hash hits verified), in log order;
        not those of a cut-off batch, which count for nothing."""
        out = []
        cut = self._cut_off()
        for name in self.files:
            wanted = {i for i in ids if self._holds(name, i)}
            if wanted:
                out += [
                    e
                    for e in self._entries_of(name)
                    if e.id in wanted and (e.batch is None or e.batch not in cut)
                ]
        return out

    # -- for `tracker check` (tracker.rules.entries.LogReader) ---------------

    def alike(self):
        """Per file, in log order: its committed entries grouped by what an entry
        rule reads (tracker.rules.entries.rule_key: goal, date, operation,
        value, items), as (one of them, the lines of them all). One file's
        parts are held at a time."""
        cut = self._uncommitted()
        for name, record in self.files.items():
            shown = self._shown(name)
            groups: dict[tuple, tuple[list, str, list[int]]] = {}
            for part in record["parts"]:
                for c in zip(*self._passing(name, part)):
                    if c[10] is not None and c[10] in cut:
                        continue
                    goal = c[12] if part == _RETRACTIONS else part
                    key = (goal, c[1], c[2], c[3], tuple(c[4]) if c[4] else None)
                    group = groups.get(key)
                    if group is None:
                        group = groups[key] = (c, goal, [])
                    group[2].append(c[11])
            yield [(expand(c, shown, goal), lines) for c, goal, lines in groups.values()]

    def _passing(self, name: str, goal_id: str) -> list[list]:
        """A file's part for one pass over it (a whole log walked in the memory
        of one part): one already held is used, one read now is not kept —
        unless reading it rebuilt the file's parts (_reload), which wait to be
        stored."""
        key = (name, goal_id)
        if key in self._parts:
            return self._parts[key]
        part = self._part(name, goal_id)
        if ("part", name, goal_id) not in self._written:
            self._parts.pop(key, None)
        return part

    def sharing_ids(self) -> list[Entry]:
        """Every committed line whose id another committed line has too, in log order."""
        ids = set()
        for name, record in self.files.items():
            repeated = set(record["applied"]["repeated"])
            if repeated:
                ids |= {e.id for e in self._entries_of(name) if e.origin.line in repeated}
        return self.find(ids) if ids else []  # each id a repeat's: on two lines or more

    def retractions_and_targets(self) -> list[Entry]:
        """Every committed retraction, and every committed line with an id one
        names, in log order."""
        retractions = self.retractions()
        named = self.find({e.retracts for e in retractions if e.retracts})
        order = {self._shown(n): i for i, n in enumerate(self.files)}
        lines = {(e.origin.file, e.origin.line): e for e in (*retractions, *named)}
        return [lines[k] for k in sorted(lines, key=lambda k: (order.get(k[0], -1), k[1]))]

    def counting(self, goal, day: dt.date) -> list[Entry]:
        """The goal's counting entries on `day` (sorted), or, when it has none
        that day, all of them up to it."""
        mine = self._counting_on(goal, {day.toordinal()})
        if not mine:
            days = {s[0] for s in self.goal_steps(goal) if s[0] <= day.toordinal()}
            mine = self._counting_on(goal, days)
        return sorted(mine, key=Entry.sort_key.fget)

    def _counting_on(self, goal, days: set[int]) -> list[Entry]:
        out = []
        for name, record in self.files.items():
            if goal.id in record["parts"]:
                mine = self._entries_of(name, goal.id, days)
                out += self._counting(goal, name, record, mine)
        return out

    def hashes_held(self, ordered: list[int]) -> set[int]:
        """Which of these sorted id hashes some log file holds (hash hits, to be
        verified against the real ids): a big batch's ids, without reading them."""
        found: set[int] = set()
        for name in self.files:
            mine = self._id_array(name)
            small, large = (mine, ordered) if len(mine) < len(ordered) else (ordered, mine)
            found.update(h for h in small if _contains(large, h))
        return found

    def write_context(self, new: list[Entry]) -> list[Entry]:
        """What the write rules need of the log to judge `new`, standing in for
        the whole log: every line sharing an id with a new entry or named by a
        retraction, every retraction, and for each goal the new entries touch
        (and its part/whole partners) one entry per day that sums the day —
        the real entries on the days the new ones touch."""
        named = {e.id for e in new} | {e.retracts for e in new if e.retracts}
        found = self.find(named)
        scope = {e.goal for e in new if e.goal} | {e.goal for e in found if e.goal}
        for goal in self.plan.goals:
            if goal.part_of and (goal.id in scope or goal.part_of in scope):
                scope |= {goal.id, goal.part_of}
        touched: dict[str, set[int]] = {}
        for e in (*new, *found):
            if e.goal and e.date is not None:
                touched.setdefault(e.goal, set()).add(e.date.toordinal())
        context: list[Entry] = list(found)
        have = {(e.origin.file, e.origin.line) for e in found}
        cut = self._uncommitted()
        for goal in self.plan.goals:
            if goal.id not in scope:
                continue
            days = touched.get(goal.id, set())
            for name, record in self.files.items():
                dates = record["dates"]
                if not days or goal.id not in record["parts"] or dates is None:
                    continue
                if dates[0] > max(days) or dates[1] < min(days):
                    continue
                repeated = set(record["applied"]["shadowed"])
                for e in self._entries_of(name, goal.id, days):
                    if (
                        e.op is not Op.RETRACT
                        and e.batch not in cut
                        and e.origin.line not in repeated
                        and (e.origin.file, e.origin.line) not in have
                    ):
                        context.append(e)
            context += self._day_entries(goal, days)
        context += [e for e in self.retractions() if (e.origin.file, e.origin.line) not in have]
        return context

    def _day_entries(self, goal, skip: set[int]) -> list[Entry]:
        """One entry per day standing for the goal's entries that day, except on
        `skip` days: a stated total (count), the day's reading (level), done, the
        items ticked, or a check-in."""
        steps = self.goal_steps(goal)
        series = series_from_steps(goal, steps)
        values = dict(zip((d.toordinal() for d in series.days), series.values))
        where = {}
        for name, record in self.files.items():
            for s in record["steps"].get(goal.id, ()):
                where.setdefault(s[0], name)
        out = []
        for day, _, _, items, counting, line in steps:
            if day in skip:
                continue
            origin = Source(self._shown(where.get(day, "")), line)
            when = dt.date.fromordinal(day)
            common = dict(id=f"\x00{goal.id}\x00{day}", goal=goal.id, date=when, recorded_at="")
            if not counting:
                out.append(Entry(op=Op.CHECKIN, origin=origin, **common))
            elif goal.kind is Kind.CHECKLIST:
                out.append(Entry(op=Op.ITEMS, items=tuple(items), origin=origin, **common))
            elif goal.kind is Kind.MILESTONE:
                out.append(Entry(op=Op.DONE, origin=origin, **common))
            elif goal.kind is Kind.LEVEL:
                out.append(Entry(op=Op.VALUE, value=values[day], origin=origin, **common))
            else:
                out.append(Entry(op=Op.TOTAL, value=values[day], origin=origin, **common))
        return out

    # -- parts and id arrays -------------------------------------------------

    def _part(self, name: str, goal_id: str, *, strict: bool = False) -> list[list]:
        """A file's compact entries of one goal, column by column as they are
        stored: a list per field of model.Line (zip(*part) gives the lines). A
        part that is missing or does not match the index: `strict` raises
        _Stale, else the file is read again."""
        key = (name, goal_id)
        if key in self._parts:
            return self._parts[key]
        try:
            part = self._stored(name, goal_id)
            if strict:  # every column read now: _Stale here, not later
                part = part.whole()
        except _Stale:
            if strict:
                raise
            self._reload(name)
            return self._parts.get(key) or _columns_of([], _width(goal_id))
        self._parts[key] = part
        return part

    def _stored(self, name: str, goal_id: str) -> _Columns:
        """A stored part's columns, each read when first asked for; _Stale when
        it is missing or does not match the index."""
        try:
            name_token = self.files[name]["parts"].get(goal_id)
            if name_token is None or not self.usable:
                raise _Stale
            data = _read(self._part_path(name, goal_id, name_token))
            if token(data) != name_token:
                raise _Stale
            head, *lines = data.split(b"\n")
            stored = _loads(head)
            count = stored["count"]
            if stored["goal"] != goal_id or count.__class__ is not int:
                raise _Stale
            if len(lines) != _width(goal_id):
                raise _Stale
        except (_Stale, OSError, ValueError, KeyError, TypeError):
            raise _Stale from None

        def again() -> list[list]:  # a column that does not read as stored: read the file
            self._reload(name)
            return self._parts.get((name, goal_id)) or _columns_of([], _width(goal_id))

        return _Columns(lines, count, again)

    def _id_array(self, name: str, *, strict: bool = False) -> array:
        if name in self._ids:
            return self._ids[name]
        try:
            name_token = self.files[name]["ids"]
            if name_token is None or not self.usable:
                raise _Stale
            data = _read(self._ids_path(name, name_token))
            if token(data) != name_token or len(data) % 8:
                raise _Stale
        except (_Stale, OSError, KeyError):
            if strict:
                raise _Stale from None
            self._reload(name)
            return self._ids[name]
        found = array("Q")
        found.frombytes(data)
        self._ids[name] = found
        return found

    def _reload(self, name: str) -> None:
        """A file's parts and id array read again from the log file itself, when
        the stored ones are gone or damaged."""
        path = self.progress_dir / name
        try:
            data = _read(path)
        except OSError:
            data = b""
        entries, _, _ = self._parse(path, data, 1)
        record = self.files[name]
        self._forget(name)
        fresh = dict(record, problems=[], commits=[], batches={}, retractions=[], unknown=[])
        fresh.update(dates=None, order=None, tiny=False, parts={}, sizes={})
        self._add_entries(name, fresh, entries, [], set(), hashes=array("Q"))
        record["parts"], record["ids"], record["sizes"] = fresh["parts"], None, fresh["sizes"]
        self._written.add(("ids", name, None))
        self.dirty = True

    def _drop(self, name: str, changes: list) -> None:
        """A file's lines leave the state (it was removed or is read again): its
        ids count as changed, and what was read of it is forgotten."""
        with contextlib.suppress(_Stale):
            changes.append((name, self._id_array(name, strict=True)))
        self._forget(name)

    def _forget(self, name: str) -> None:
        for key in [k for k in self._parts if k[0] == name]:
            del self._parts[key]
        self._ids.pop(name, None)
        self._id_texts.pop(name, None)
        self._written = {w for w in self._written if w[1] != name}

    def _part_path(self, name: str, goal_id: str, named: str) -> Path:
        return (
            self.folder / PARTS_DIR / _safe(name) / f"{digest(goal_id.encode())[:16]}.{named}.json"
        )

    def _ids_path(self, name: str, named: str | None) -> Path:
        return self.folder / PARTS_DIR / _safe(name) / f"ids.{named}.bin"

    # -- storing -------------------------------------------------------------

    def _spill(self, name: str, record: dict) -> None:
        """Write a file's new parts as soon as it is read, and let go of them: a
        big log is then read in the memory of one file, not of all. A part is
        named by its token(), so one written before an index names it is
        harmless (and swept if none ever does)."""
        pending = [w for w in self._written if w[0] == "part" and w[1] == name]
        if not pending or not self.usable or _linked(self.folder):
            return
        try:
            self._make_folder()
            folder = self.folder / PARTS_DIR / _safe(name)
            folder.mkdir(parents=True, exist_ok=True)
            for written in pending:
                self._store_part(name, written[2], record)
                self._written.discard(written)
                del self._parts[(name, written[2])]
        except OSError:
            pass  # kept in memory, for store() to try again

    def _store_part(self, name: str, goal_id: str, record: dict) -> None:
        """Write one of a file's parts (its folder made), named in `record` by
        its token()."""
        columns = self._parts[(name, goal_id)]
        head = _dumps({"goal": goal_id, "count": len(columns[0])})
        data = b"\n".join([head, *map(_dumps, columns)])
        named = token(data)
        _write(self._part_path(name, goal_id, named), data)
        record["parts"][goal_id] = named

    def _make_folder(self) -> None:
        self.folder.mkdir(exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# tracker's derived state: never commit it\n*\n", encoding="utf-8")

    def store(self) -> None:
        """Write what changed: new parts and id arrays first, then the index that
        names them (atomically), then remove what no index names any more."""
        if not self.dirty or not self.usable or _linked(self.folder):
            return
        try:
            self._make_folder()
            for kind, name, goal_id in sorted(self._written, key=str):
                if name not in self.files:
                    continue
                folder = self.folder / PARTS_DIR / _safe(name)
                folder.mkdir(parents=True, exist_ok=True)
                if kind == "ids":
                    data = self._ids[name].tobytes()
                    named = token(data)
                    _write(self._ids_path(name, named), data)
                    self.files[name]["ids"] = named
                else:
                    self._store_part(name, goal_id, self.files[name])
            self._written.clear()
            index = {
                "format": FORMAT,
                "version": __version__,
                "plan": plan_key(self.plan),
                "files": self.files,
                "series": self.series_raw,
                "retracted": sorted(self.retracted),
            }
            _write(self.folder / INDEX_FILE, _dumps(index))
            self._sweep()
        except OSError:
            pass  # a read-only folder just means no state kept
        self.dirty = False

    def _sweep(self) -> None:
        """Remove parts and arrays no index names, once they are a minute old (a
        process that read an older index may still be reading them)."""
        root = self.folder / PARTS_DIR
        if not root.is_dir():
            return
        keep = set()
        for name, record in self.files.items():
            keep |= {self._part_path(name, g, t) for g, t in record["parts"].items()}
            keep.add(self._ids_path(name, record["ids"]))
        limit = time.time() - 60
        for folder in root.iterdir():
            if folder.is_symlink() or not folder.is_dir():
                continue
            for path in folder.iterdir():
                if path not in keep:
                    with contextlib.suppress(OSError):
                        if path.lstat().st_mtime < limit:
                            path.unlink()


def open_state(progress_dir: Path, plan: Plan, display=str) -> State:
    """The state of progress/, brought up to date (and stored when it changed).
    A stored state that cannot be used as it is is set aside and rebuilt."""
    state = State(progress_dir, plan, display)
    state.load_index()
    try:
        state.refresh()
    except (_Stale, KeyError, IndexError, TypeError, ValueError, AttributeError):
        state = State(progress_dir, plan, display)  # damaged in a way the checks let by
        state.refresh()
    state.store()
    return state


# ── helpers ──────────────────────────────────────────────────────────────────


def _linked(folder: Path) -> bool:
    """A state folder, or anything in it, that is a link is never read or written through."""
    if os.path.islink(folder):
        return True
    return any(os.path.islink(folder / n) for n in (INDEX_FILE, PARTS_DIR))


def _open(path: Path):
    """A file opened to read its bytes, never through a symbolic link."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0))
    return open(fd, "rb")


def _read(path: Path, start: int = 0) -> bytes:
    with _open(path) as handle:
        if start:
            handle.seek(start)
        return handle.read()


def _hashed_and_rest(path: Path, size: int) -> tuple:
    """(the hash of a file's first `size` bytes, read a piece at a time; the
    bytes after them), from one opening of the file; (None, b"") when it has
    fewer bytes, or `size` is no size (an unreadable file's record)."""
    if size < 0:
        return None, b""
    hashed = blake2b(digest_size=16)
    with _open(path) as handle:
        left = size
        while left:
            piece = handle.read(min(left, _PIECE))
            if not piece:
                return None, b""
            hashed.update(piece)
            left -= len(piece)
        return hashed, handle.read()


_PIECE = 1 << 20


def _write(path: Path, data: bytes) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temp, "wb") as handle:
        handle.write(data)
    os.replace(temp, path)


@contextlib.contextmanager
def _collector_paused():
    """The cycle collector paused while a group of lines is made: a month of a
    big log is ~100k lists read from JSON and as many records or tuples, none
    in a cycle, which it would walk again and again (a quarter of the time) and
    could free nothing."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _safe(name: str) -> str:
    """A folder name for a log file's parts."""
    return digest(name.encode("utf-8", "surrogatepass"))[:16]


def _contains(sorted_hashes, h: int) -> bool:
    i = bisect.bisect_left(sorted_hashes, h)
    return i < len(sorted_hashes) and sorted_hashes[i] == h


def _has_repeats(sorted_hashes) -> bool:
    return any(a == b for a, b in zip(sorted_hashes, sorted_hashes[1:]))


_LINE = operator.itemgetter(11)  # a compact entry's line number
_ID, _DATE, _VALUE, _BATCH = (operator.itemgetter(i) for i in (0, 2, 5, 11))  # an Entry's
_RULED = operator.itemgetter(3, 5, 6)  # what fits() reads of an Entry, bar its date
_FIRST = operator.itemgetter(0)
_OP_TEXT = operator.attrgetter("_value_")  # an Op's plain str (`.value` is a property)
_LINE_OF = operator.itemgetter(1)  # a Source's line
_DAY_TIME_ID = operator.itemgetter(1, 5, 0)  # Entry.sort_key, for a dated compact entry
_DATED = operator.itemgetter("date", "recorded_at", "id")  # Entry.sort_key, for a dated record
_UNDATED = operator.itemgetter("recorded_at", "id")  # and for an undated one


def _part_records(columns: list[list], goal: str, days: IsoDays, numbers, marks) -> list[dict]:
    """A whole goal part's records (_line_record's), from its columns. Marked,
    a part of plain increments of no batch (nearly every part of a big log) is
    made at once, the fields it needs taken straight from their columns; a
    few other lines among them are then made again as what they are."""
    ids, dates, ops, values, _, times, notes, bys, _, _, batches, _ = columns
    others = []  # where the lines that are not plain increments of no batch stand
    if ops.count("value") != len(ids) or batches.count(None) != len(ids):  # (at C speed)
        others = [at for at, (op, batch) in enumerate(zip(ops, batches)) if op != "value" or batch]
    if marks is None or len(others) * 4 > len(ids):  # _line_record, written out
        made = [
            line_record(
                c[0], goal, days[c[1]], c[2], c[3], c[4], c[6], c[7], c[5], c[8], c[9], c[10]
            )
            for c in zip(*columns)
        ]
        return made if marks is None else [mark_record(record, marks) for record in made]
    made = [
        {
            "id": entry_id, "goal": goal, "date": days[day], "value": numbers[value],
            "note": note, "by": by, "recorded_at": recorded_at, "retracted": False,
            "retracted_by": None,
        }
        for entry_id, day, value, note, by, recorded_at in zip(
            ids, dates, values, notes, bys, times
        )
    ]  # fmt: skip
    for at in others:
        made[at] = _line_record([column[at] for column in columns], goal, days, marks)
    if not marks.keys().isdisjoint(ids):
        for made_record in made:  # few parts: those holding a retracted id
            mark_record(made_record, marks)
    return made


def _within(columns: list[list], low: int, high: int, cut: set, of: str | None = None):
    """A part's dated lines from day `low` to `high`, not of a cut-off batch
    (and with `of`, retractions naming that goal), column by column."""
    kept = [
        c
        for c in zip(*columns)
        if c[1] is not None
        and low <= c[1] <= high
        and (c[10] is None or c[10] not in cut)
        and (of is None or c[12] == of)
    ]
    return _columns_of(kept, len(columns))


class _Columns:
    """A stored part's columns (a list per field of model.Line), each parsed
    from its own line of the part's file when first asked for: `show` reads
    six of the twelve. One that does not parse as a column of the part's
    length (damage the file's check missed) has the log file read again."""

    __slots__ = ("_lines", "_parsed", "_count", "_again")

    def __init__(self, lines: list[bytes], count: int, again):
        self._lines, self._count, self._again = lines, count, again
        self._parsed: list = [None] * len(lines)

    def __len__(self) -> int:
        return len(self._lines)

    def __iter__(self):
        return (self[index] for index in range(len(self._lines)))

    def __getitem__(self, index: int) -> list:
        column = self._parsed[index]
        if column is None:
            column = self._read(index)
            if column is None:
                self._parsed = [list(held) for held in self._again()]
                return self._parsed[index]
            self._parsed[index] = column
        return column

    def whole(self) -> list[list]:
        """Every column, read now; _Stale if one does not read."""
        columns = [self._parsed[i] or self._read(i) for i in range(len(self._lines))]
        if any(column is None for column in columns):
            raise _Stale
        return columns

    def _read(self, index: int) -> list | None:
        try:
            column = _loads(self._lines[index])
        except ValueError:
            return None
        return column if column.__class__ is list and len(column) == self._count else None


def _by_goal(entries: list[Entry]) -> tuple[dict[str, list[Entry]], list[Entry]]:
    """A file's entries that are not retractions by goal, and its retractions,
    each in file order."""
    by_goal: dict[str, list[Entry]] = {}
    retractions = []
    retract = Op.RETRACT
    for e in entries:
        if e.op is retract:
            retractions.append(e)
        else:
            mine = by_goal.get(e.goal)
            if mine is None:
                mine = by_goal[e.goal] = []
            mine.append(e)
    return by_goal, retractions


def _entry_columns(entries: list[Entry]) -> list[list]:
    """Entries as the state keeps them (model.Line's layout: id, day ordinal,
    op's text, value, items, recorded_at, note, by, retracts, reason, batch,
    line number), column by column: each field of the Entry tuples taken at
    once (zip), not one list per line made and then turned."""
    ids, _, days, ops, times, values, items, notes, bys, retracts, reasons, batches, origins = zip(
        *entries
    )
    return [
        list(ids),
        list(map(_ORDINAL, days)) if all(days) else [d and d.toordinal() for d in days],
        list(map(_OP_TEXT, ops)),
        list(values),
        [list(i) if i else None for i in items] if any(items) else [None] * len(ids),
        list(times),
        list(notes),
        list(bys),
        list(retracts),
        list(reasons),
        list(batches),
        list(map(_LINE_OF, origins)) if all(origins) else [o and o.line for o in origins],
    ]


def _ordinal_key(key: tuple) -> tuple:
    """An Entry's sort_key with its day as the state keeps it (an ordinal)."""
    return (key[0].toordinal(), *key[1:])


_ORDINAL = dt.date.toordinal


def _columns_of(lines: list, width: int) -> list[list]:
    """Lines of `width` fields, column by column."""
    return [list(column) for column in zip(*lines)] if lines else [[] for _ in range(width)]


def _width(goal_id: str) -> int:
    """How many fields a part's compact entries have: model.Line's twelve, and
    a retraction's goal after them."""
    return 13 if goal_id == _RETRACTIONS else 12


def _line_record(c: list, goal: str, days: IsoDays, marks: dict | None = None) -> dict:
    """A compact entry as a plain record (marked, with `marks`), without making an Entry."""
    date = days[c[1]] if c[1] is not None else None
    made = line_record(c[0], goal, date, c[2], c[3], c[4], c[6], c[7], c[5], c[8], c[9], c[10])
    return made if marks is None else mark_record(made, marks)


def _ord(entry: Entry) -> int | None:
    return entry.date.toordinal() if entry.date else None


def _record(**known) -> dict:
    """One log file's record in the state: nothing read yet, but what is given."""
    record = {
        "stat": [-1, 0, 0, 0],
        "digest": "",
        "verified_ns": 0,
        "lines": 0,
        "complete": False,
        "problems": [],
        "commits": [],
        "batches": {},
        "parts": {},
        "sizes": {},  # goal → [its lines of no batch, {batch: its lines}]
        "ids": None,
        "dates": None,
        "order": None,  # the last dated line's [day, recorded_at, id] while in order, else false
        "tiny": False,  # a value below TINY (but 0)
        "retractions": [],
        "unknown": [],
        "steps": {},
        "applied": {"retracted": [], "repeated": [], "shadowed": [], "uncommitted": []},
    }
    record.update(known)
    return record
