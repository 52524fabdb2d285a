"""The LogCache: progress/ as the ledger sees it, kept in progress/.cache/ and
brought up to date file by file — what each file's lines say (record.py), each
goal's day steps as the ledger sums them, and the lines themselves by goal
(layout.py), read only where a question needs them (queries.py)."""

from __future__ import annotations

import contextlib
import operator
import time
from array import array
from collections import Counter
from itertools import islice
from pathlib import Path

from tracker import __version__
from tracker.ledger import counting, day_steps, names_not_in_plan, series_from_steps
from tracker.model import DATED_SORT_KEY, Entry, Op, Plan
from tracker.problems import Problem, problem
from tracker.storage.logcache import disk, freshness
from tracker.storage.logcache.exclusions import Exclusions, Stale
from tracker.storage.logcache.ids import id_hash
from tracker.storage.logcache.layout import (
    BATCH,
    DAY,
    GOAL,
    OP,
    RETRACTIONS,
    StoredPart,
    columns_of,
    compact,
    dumps,
    entry_columns,
    expand,
    loads,
    ordinal_key,
    part_bytes,
    width,
)
from tracker.storage.logcache.queries import TINY, Queries
from tracker.storage.logcache.record import FileRecord, from_json

FORMAT = 13  # 4: per-file state (3 was one series.json); 5: whole increments summed;
# 6: cut-off batch lines neither repeat an id nor name unknown goals; 7: sizes;
# 8: parts named by CRC-32, each file's line order; 9: tiny values; 10: parts by
# column; 11: a line per column, each read when first asked for; 12: hex ids' hash;
# 13: typed file records


def plan_key(plan: Plan) -> str:
    """What of the plan the steps depend on: each goal's id, kind and items."""
    import json

    shape = [[g.id, g.kind.value, list(g.items)] for g in plan.goals]
    return freshness.digest(json.dumps(shape, ensure_ascii=False).encode("utf-8"))


class LogCache(Queries, Exclusions):
    """progress/ as maintained state. `open_cache` returns one that is fresh."""

    def __init__(self, progress_dir: Path, plan: Plan, display):
        self.progress_dir = progress_dir
        self.plan = plan
        self.display = display
        self.folder = progress_dir / ".cache"
        self.files: dict[str, FileRecord] = {}
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
        self.usable = not disk.linked(self.folder)

    # -- opening -------------------------------------------------------------

    def load_index(self) -> None:
        if not self.usable:
            return
        try:
            with disk.open_bytes(self.folder / disk.INDEX_FILE) as handle:
                stored = loads(handle.read())
            if (stored.get("format"), stored.get("version"), stored.get("plan")) != (
                FORMAT,
                __version__,
                plan_key(self.plan),
            ):
                return
            files = stored["files"]
            if files.__class__ is not dict:
                return
            self.files = {name: from_json(raw) for name, raw in files.items()}
            self.series_raw = stored.get("series")
            self.retracted = set(stored.get("retracted", ()))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.files = {}  # missing, damaged or from another version: rebuilt from the log

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
        fresh: dict[str, FileRecord] = {}
        for path in paths:
            record = old.get(path.name)
            try:
                fresh[path.name] = self._refresh_file(path, record, changes)
            except Stale:
                fresh[path.name] = self._rebuild(path, record, changes)
            self._spill(path.name, fresh[path.name])
        self.files = fresh
        if changes or removed or self.series_raw is None or set(old) != set(fresh):
            self._apply_exclusions(changes)
            self._compose()
            self.dirty = True

    def _refresh_file(self, path: Path, record: FileRecord | None, changes: list) -> FileRecord:
        if record is None:
            raise Stale
        try:
            verdict = freshness.examine(path, record, self._hashed.get(path.name))
        except OSError:
            raise Stale from None
        if isinstance(verdict, freshness.Unchanged):
            if verdict.hashed is not None:
                self._hashed[path.name] = (record.stat[0], record.stat[2], verdict.hashed)
                self.dirty = True
            return verdict.record
        if isinstance(verdict, freshness.Grown):
            return self._grow(path, record, verdict, changes)
        return self._rebuild(path, record, changes)  # earlier bytes changed: read it whole

    # -- one file ------------------------------------------------------------

    def _shown(self, name: str) -> str:
        """A log file's name as messages show it (display() is a path computation)."""
        shown = self._names.get(name)
        if shown is None:
            shown = self._names[name] = self.display(self.progress_dir / name)
        return shown

    def _parse(self, path: Path, data: bytes, first_line: int):
        from tracker.storage.journal import parse_lines

        entries: list[Entry] = []
        problems: list[Problem] = []
        commits: set[str] = set()
        parse_lines(data, path.name, first_line, entries, problems, commits)
        return entries, problems, commits

    def _rebuild(self, path: Path, old: FileRecord | None, changes: list) -> FileRecord:
        """A file read whole: a new one, or one whose earlier bytes changed."""
        started = time.time_ns()
        try:
            stat = freshness.stat_of(path)
            data = disk.read(path)
        except OSError as exc:
            return self._unreadable(path, exc, old, changes)
        name = path.name
        hashed = freshness.new_hash()
        hashed.update(data)
        self._hashed[name] = (len(data), stat[2], hashed)
        record = FileRecord(
            stat=[len(data), stat[1], stat[2], stat[3]],
            digest=hashed.hexdigest(),
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
        record.steps = self._steps_of(name, record, entries, grouped[0])
        self.dirty = True
        return record

    def _unreadable(self, path: Path, exc: OSError, old, changes: list) -> FileRecord:
        name = path.name
        if old is not None:
            self._drop(name, changes)
        self._forget(name)
        reason = exc.strerror or str(exc)
        found = problem(name, None, "unreadable", "cannot_read", reason=reason)
        return FileRecord(problems=[found.to_record()])

    def _grow(self, path, record: FileRecord, grown, changes) -> FileRecord:
        """Only new lines at the end: parse them and add them to the record."""
        name = path.name
        tail = grown.tail
        entries, problems, commits = self._parse(path, tail, record.lines + 1)
        self._hashed[name] = (grown.stat[0], grown.stat[2], grown.hashed)
        record = record.copy()
        record.stat = grown.stat
        record.digest = grown.hashed.hexdigest()
        record.verified_ns = grown.started
        record.lines += tail.count(b"\n")
        record.complete = tail.endswith(b"\n")
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
            # (self.files still holds the record as it was: the part is read directly)
            mine = [
                expand(c, "", goal_id)
                for c in zip(*self._part(name, goal_id, strict=True))
                if c[DAY] in days and c[OP] != "retract"
            ]
            kept = [s for s in record.steps.get(goal_id, []) if s[0] not in days]
            new_steps = day_steps(goal, self._counting(goal, record, mine))
            record.steps[goal_id] = sorted(kept + new_steps)
        self.dirty = True
        return record

    def _add_entries(
        self, name, record: FileRecord, entries, problems, commits, *, hashes: array, grouped=None
    ) -> list:
        """Add parsed lines to a file's record: parts, ids, problems, commits,
        batches, retractions, date range, line order, tiny values, unknown
        references. Returns the new lines' id hashes. `grouped`: the lines'
        _by_goal, when the caller has it already.

        A file's lines are looked at field by field (a column of the Entry
        tuples taken at once), never one Python step per line and field: this
        runs for every line a cache reads, a batch's million among them."""
        record.problems = record.problems + [p.to_record() for p in problems]
        self._id_texts.pop(name, None)
        record.commits = sorted(set(record.commits) | commits)
        by_goal, retractions = grouped if grouped is not None else _by_goal(entries)
        columns_of_goal = {goal_id: entry_columns(mine) for goal_id, mine in by_goal.items()}
        # (reference, batch): a batch's count only once it is committed
        if any(self.plan.goal(g) is None or "items" in c[2] for g, c in columns_of_goal.items()):
            known = {tuple(u) for u in record.unknown}
            for e in entries:
                for ref in names_not_in_plan(self.plan, [e]):
                    if (ref, e.batch) not in known:
                        known.add((ref, e.batch))
                        record.unknown.append([ref, e.batch])
        if retractions:
            marked = [compact(e) + [e.goal] for e in retractions]
            record.retractions += marked
            columns_of_goal[RETRACTIONS] = columns_of(marked, width(RETRACTIONS))
        added = list(map(id_hash, map(_ID, entries)))
        if any(v is not None and -TINY < v < TINY and v for v in set(map(_VALUE, entries))):
            record.tiny = True
        batched = list(map(_BATCH, entries))
        batches = record.batches
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
            if record.dates is not None:
                low, high = min(low, record.dates[0]), max(high, record.dates[1])
            record.dates = [low, high]
            # Whether the dated lines are in Entry.sort_key order as they stand in
            # the file (a log written as it happens): then a listing need not sort.
            order = record.order
            if order is not False:
                first, last = ordinal_key(keys[0]), ordinal_key(keys[-1])
                in_order = (not order or first >= tuple(order)) and all(
                    map(operator.le, keys, islice(keys, 1, None))
                )
                record.order = list(last) if in_order else False
        del keys
        for goal_id, columns in columns_of_goal.items():
            if goal_id != RETRACTIONS:  # how many: lines of no batch, and of each batch
                sizes = record.sizes.setdefault(goal_id, [0, {}])
                batched = columns[BATCH]
                plain = batched.count(None)
                sizes[0] += plain
                if plain != len(batched):
                    for batch in batched:
                        if batch is not None:
                            sizes[1][batch] = sizes[1].get(batch, 0) + 1
            if goal_id in record.parts:
                previous = self._part(name, goal_id, strict=True)
                columns = [held + more for held, more in zip(previous, columns)]
            self._parts[(name, goal_id)] = columns
            record.parts[goal_id] = None  # stored (and named) when the cache is
            self._written.add(("part", name, goal_id))
        if added:
            merged = sorted([*hashes, *added])
            self._ids[name] = array("Q", merged)
            record.ids = None
            self._written.add(("ids", name, None))
        elif name not in self._ids:
            self._ids[name] = hashes
        return added

    def _counting(self, goal, record: FileRecord, entries: list[Entry]) -> list[Entry]:
        """Of a file's entries of one goal, those that count: ledger.counting with
        the exclusions this file's record says apply."""
        applied = record.applied
        return counting(
            goal,
            entries,
            retracted=set(applied.retracted),
            shadowed_lines=set(applied.shadowed),
            cut=set(applied.uncommitted),
        )

    def _steps_of(self, name: str, record: FileRecord, entries: list[Entry], grouped=None) -> dict:
        """Each goal's day steps from a file's entries (in file order; `grouped`:
        those that are not retractions by goal, _by_goal's, if made already)."""
        if grouped is None:
            grouped = _by_goal(entries)[0]
        # A file whose dated lines stand in Entry.sort_key order gives each goal's
        # counting entries in that order too: not sorted again.
        ordered = record.order is not False
        steps = {}
        for goal_id, mine in grouped.items():
            goal = self.plan.goal(goal_id)
            if goal is not None:
                found = day_steps(goal, self._counting(goal, record, mine), ordered=ordered)
                if found:
                    steps[goal_id] = found
        return steps

    # -- the series ----------------------------------------------------------

    def _compose(self) -> None:
        """Every goal's series from every file's steps, as plain JSON."""
        self.series_raw = {}
        for goal in self.plan.goals:
            s = series_from_steps(goal, self.goal_steps(goal))
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
            for s in record.steps.get(goal.id, ()):
                if s[0] in by_day:
                    clash.add(s[0])
                by_day[s[0]] = s
        for day in clash:
            mine = []
            for name, record in self.files.items():
                if any(s[0] == day for s in record.steps.get(goal.id, ())):
                    mine += self._counting(goal, record, self._entries_of(name, goal.id, {day}))
            by_day[day] = day_steps(goal, mine)[0]
        return [by_day[d] for d in sorted(by_day)]

    # -- lines, read only where a question needs them ------------------------

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
        wanted = [goal_id, RETRACTIONS] if goal_id is not None else list(record.parts)
        out = []
        for part in wanted:
            if part not in record.parts:
                continue
            for c in zip(*self._part(name, part)):
                if days is not None and c[DAY] not in days:
                    continue
                if span is not None and (c[DAY] is None or not span[0] <= c[DAY] <= span[1]):
                    continue
                goal = c[GOAL] if part == RETRACTIONS else part
                if goal_id is None or goal == goal_id:
                    out.append(expand(c, shown, goal))
        out.sort(key=lambda e: e.origin.line)
        return out

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

    def _part(self, name: str, goal_id: str, *, strict: bool = False) -> list[list]:
        """A file's compact lines of one goal, column by column as they are
        stored (zip(*part) gives the lines). A part that is missing or does not
        match the index: `strict` raises Stale, else the file is read again."""
        key = (name, goal_id)
        if key in self._parts:
            return self._parts[key]
        try:
            part = self._stored(name, goal_id)
            if strict:  # every column read now: Stale here, not later
                part = part.whole()
                if part is None:
                    raise Stale
        except Stale:
            if strict:
                raise
            self._reload(name)
            return self._parts.get(key) or columns_of([], width(goal_id))
        self._parts[key] = part
        return part

    def _stored(self, name: str, goal_id: str) -> StoredPart:
        """A stored part's columns, each read when first asked for; Stale when it
        is missing or does not match the index."""
        try:
            name_token = self.files[name].parts.get(goal_id)
            if name_token is None or not self.usable:
                raise Stale
            data = disk.read(self._part_path(name, goal_id, name_token))
            if freshness.token(data) != name_token:
                raise Stale

            def again() -> list[list]:  # a column that does not read as stored
                self._reload(name)
                return self._parts.get((name, goal_id)) or columns_of([], width(goal_id))

            return StoredPart.parse(data, goal_id, again)
        except (Stale, OSError, ValueError, KeyError, TypeError):
            raise Stale from None

    def _id_array(self, name: str, *, strict: bool = False) -> array:
        if name in self._ids:
            return self._ids[name]
        try:
            name_token = self.files[name].ids
            if name_token is None or not self.usable:
                raise Stale
            data = disk.read(self._ids_path(name, name_token))
            if freshness.token(data) != name_token or len(data) % 8:
                raise Stale
        except (Stale, OSError, KeyError):
            if strict:
                raise Stale from None
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
            data = disk.read(path)
        except OSError:
            data = b""
        entries, _, _ = self._parse(path, data, 1)
        record = self.files[name]
        self._forget(name)
        fresh = FileRecord(stat=record.stat, digest=record.digest, lines=record.lines)
        self._add_entries(name, fresh, entries, [], set(), hashes=array("Q"))
        record.parts, record.ids, record.sizes = fresh.parts, None, fresh.sizes
        self._written.add(("ids", name, None))
        self.dirty = True

    def _drop(self, name: str, changes: list) -> None:
        """A file's lines leave the cache (it was removed or is read again): its
        ids count as changed, and what was read of it is forgotten."""
        with contextlib.suppress(Stale):
            changes.append((name, self._id_array(name, strict=True)))
        self._forget(name)

    def _forget(self, name: str) -> None:
        for key in [k for k in self._parts if k[0] == name]:
            del self._parts[key]
        self._ids.pop(name, None)
        self._id_texts.pop(name, None)
        self._written = {w for w in self._written if w[1] != name}

    def _part_path(self, name: str, goal_id: str, named: str) -> Path:
        folder = self.folder / disk.PARTS_DIR / _safe(name)
        return folder / f"{freshness.digest(goal_id.encode())[:16]}.{named}.json"

    def _ids_path(self, name: str, named: str | None) -> Path:
        return self.folder / disk.PARTS_DIR / _safe(name) / f"ids.{named}.bin"

    # -- storing -------------------------------------------------------------

    def _spill(self, name: str, record: FileRecord) -> None:
        """Write a file's new parts as soon as it is read, and let go of them: a
        big log is then read in the memory of one file, not of all. A part is
        named by its token(), so one written before an index names it is
        harmless (and swept if none ever does)."""
        pending = [w for w in self._written if w[0] == "part" and w[1] == name]
        if not pending or not self.usable or disk.linked(self.folder):
            return
        try:
            disk.make_folder(self.folder)
            folder = self.folder / disk.PARTS_DIR / _safe(name)
            folder.mkdir(parents=True, exist_ok=True)
            for written in pending:
                self._store_part(name, written[2], record)
                self._written.discard(written)
                del self._parts[(name, written[2])]
        except OSError:
            pass  # kept in memory, for store() to try again

    def _store_part(self, name: str, goal_id: str, record: FileRecord) -> None:
        """Write one of a file's parts (its folder made), named in `record` by
        its token()."""
        data = part_bytes(goal_id, self._parts[(name, goal_id)])
        named = freshness.token(data)
        disk.write(self._part_path(name, goal_id, named), data)
        record.parts[goal_id] = named

    def store(self) -> None:
        """Write what changed: new parts and id arrays first, then the index that
        names them (atomically), then remove what no index names any more."""
        if not self.dirty or not self.usable or disk.linked(self.folder):
            return
        try:
            disk.make_folder(self.folder)
            for kind, name, goal_id in sorted(self._written, key=str):
                if name not in self.files:
                    continue
                folder = self.folder / disk.PARTS_DIR / _safe(name)
                folder.mkdir(parents=True, exist_ok=True)
                if kind == "ids":
                    data = self._ids[name].tobytes()
                    named = freshness.token(data)
                    disk.write(self._ids_path(name, named), data)
                    self.files[name].ids = named
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
            disk.write(self.folder / disk.INDEX_FILE, dumps(index))
            keep = set()
            for name, record in self.files.items():
                keep |= {self._part_path(name, g, t) for g, t in record.parts.items()}
                keep.add(self._ids_path(name, record.ids))
            disk.sweep(self.folder / disk.PARTS_DIR, keep)
        except OSError:
            pass  # a read-only folder just means no cache kept
        self.dirty = False


def open_cache(progress_dir: Path, plan: Plan, display=str) -> LogCache:
    """The cache of progress/, brought up to date (and stored when it changed).
    A stored cache that cannot be used as it is is set aside and rebuilt."""
    cache = LogCache(progress_dir, plan, display)
    cache.load_index()
    try:
        cache.refresh()
    except (Stale, KeyError, IndexError, TypeError, ValueError, AttributeError):
        cache = LogCache(progress_dir, plan, display)  # damaged in a way the checks let by
        cache.refresh()
    cache.store()
    return cache


def _safe(name: str) -> str:
    """A folder name for a log file's parts."""
    return freshness.digest(name.encode("utf-8", "surrogatepass"))[:16]


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


_ID, _VALUE, _BATCH = (operator.itemgetter(i) for i in (0, 5, 11))  # an Entry's
_FIRST = operator.itemgetter(0)
