"""The LogCache: progress/ as the ledger sees it, kept in progress/.cache/ and
brought up to date file by file — what each file's lines say (record.py), each
goal's day steps as the ledger sums them, and the lines themselves by goal
(layout.py), read only where a question needs them (queries.py)."""

from __future__ import annotations

import contextlib
import time
from array import array
from pathlib import Path
from typing import TYPE_CHECKING

from tracker import __version__
from tracker.ledger import (
    counting,
    day_steps,
    plain_day_steps,
    series_from_steps,
)
from tracker.ledger.verification import required
from tracker.model import ABOUT_TEXTS, Entry, Plan
from tracker.problems import problem
from tracker.storage.files import new_hash
from tracker.storage.logcache import disk, freshness, trust
from tracker.storage.logcache.exclusions import Exclusions, Stale
from tracker.storage.logcache.layout import (
    ABOUT_PART,
    DAY,
    GOAL,
    OP,
    WIDTH,
    StoredPart,
    columns_of,
    dumps,
    expand,
    expand_at,
    loads,
    part_bytes,
    width,
)
from tracker.storage.logcache.queries import Queries
from tracker.storage.logcache.record import FileRecord, from_json

if TYPE_CHECKING:
    from tracker.storage.logcache.facts import Facts, PlainSums
    from tracker.storage.logcache.reading import FileLines

# (facts.py and reading.py are imported where a log file is read: a command
# answered from the cache as it stands never needs them.)

FORMAT = 17  # 4: per-file state (3 was one series.json); 5: whole increments summed;
# 6: cut-off batch lines neither repeat an id nor name unknown goals; 7: sizes;
# 8: parts named by CRC-32, each file's line order; 9: tiny values; 10: parts by
# column; 11: a line per column, each read when first asked for; 12: hex ids' hash;
# 13: typed file records, parts made when first needed, the index sealed;
# 14: hex ids' hash is their number, a file's digest SHA-256; 15: lines about lines,
# evidence, next steps; 16: tiny values by batch; 17: a column of one text or null
# all down stored as that alone


class LogCache(Queries, Exclusions):
    """progress/ as maintained state. `open_cache` returns one that is fresh."""

    def __init__(self, progress_dir: Path, plan: Plan, display, *, verify: bool = False):
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
        self._refreshing = False
        self._plan_id: str | None = None
        self._trust_stat = not verify and trust.trusts_change_time(progress_dir)
        self.distrusted = False  # a stored cache was there but not believed (trust.py)
        self.usable = not disk.linked(self.folder)

    # -- opening -------------------------------------------------------------

    def load_index(self) -> None:
        if not self.usable:
            return
        try:
            with disk.open_bytes(self.folder / disk.INDEX_FILE) as handle:
                data = trust.unseal(handle.read())
            if data is None:
                self.distrusted = True  # not sealed by this user: edited, or came with the folder
                return
            stored = loads(data)
            if stored.get("folder") != self._folder_identity():
                self.distrusted = True  # made for another folder: a copy or a clone
                return
            if (stored.get("format"), stored.get("version"), stored.get("plan")) != (
                FORMAT,
                __version__,
                self._plan_identity(),
            ):
                return  # another tracker or plan: made anew, as it should be
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
        self._refreshing = True
        try:
            self._refresh()
        finally:
            self._refreshing = False

    def _refresh(self) -> None:
        from tracker.storage.months import log_files

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
            verdict = freshness.examine(
                path, record, self._hashed.get(path.name), trust_stat=self._trust_stat
            )
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

    def _plan_identity(self) -> str:
        if self._plan_id is None:
            self._plan_id = trust.plan_identity(self.plan)
        return self._plan_id

    def _folder_identity(self) -> list:
        return trust.folder_identity(self.progress_dir)

    # -- one file ------------------------------------------------------------

    def _shown(self, name: str) -> str:
        """A log file's name as messages show it (display() is a path computation)."""
        shown = self._names.get(name)
        if shown is None:
            shown = self._names[name] = self.display(self.progress_dir / name)
        return shown

    def _rebuild(self, path: Path, old: FileRecord | None, changes: list) -> FileRecord:
        """A file read whole: a new one, or one whose earlier bytes changed."""
        started = time.time_ns()
        try:
            stat = freshness.stat_of(path)
            data = disk.read(path)
        except OSError as exc:
            return self._unreadable(path, exc, old, changes)
        name = path.name
        hashed = new_hash(len(data))
        hashed.update(data)
        self._hashed[name] = (len(data), stat[2], hashed)
        record = FileRecord(
            stat=[len(data), stat[1], stat[2], stat[3]],
            digest=hashed.hexdigest(),
            verified_ns=started,
            lines=data.count(b"\n"),
            complete=data.endswith(b"\n") or not data,
        )
        from tracker.storage.logcache.reading import PlainFile, read_file, read_lines

        read = read_file(data, name, 1, self.plan)
        if old is not None:
            self._drop(name, changes)
        self._forget(name)
        # Its parts wait until a question needs its lines (_reload): the first
        # status of a fresh clone reads each line once, and makes no part.
        if isinstance(read, PlainFile):
            hashes = self._add_facts(name, record, read.facts, hashes=array("Q"))
            record.steps, record.verified_steps = self._steps_of(
                record, read.sums, lambda: read_lines(data, name, 1)
            )
        else:
            hashes = self._add_lines(name, record, read, hashes=array("Q"), parts=False)
            record.steps, record.verified_steps = self._steps_of(record, None, lambda: read)
        changes.append((name, array("Q", hashes)))
        self._new_ids[name] = (self._ids[name], True)
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
        if any(t is None and (name, g) not in self._parts for g, t in record.parts.items()):
            raise Stale  # its lines were never kept (read whole, no question since): read it whole
        from tracker.storage.logcache.reading import read_lines

        tail = grown.tail
        lines = read_lines(tail, name, record.lines + 1)
        self._hashed[name] = (grown.stat[0], grown.stat[2], grown.hashed)
        record = record.copy()
        record.stat = grown.stat
        record.digest = grown.hashed.hexdigest()
        record.verified_ns = grown.started
        record.lines += tail.count(b"\n")
        record.complete = tail.endswith(b"\n")
        hashes = array("Q", self._id_array(name, strict=True))
        self._id_texts.pop(name, None)  # the file's ids, if read before, lack the new lines'
        added = self._add_lines(name, record, lines, hashes=hashes, parts=True)
        changes.append((name, array("Q", added)))
        self._new_ids[name] = (sorted(added), False)
        touched: dict[str, set[int]] = {}
        columns = lines.columns
        for goal_id, day, op in zip(columns[GOAL], columns[DAY], columns[OP]):
            if op not in ABOUT_TEXTS and day is not None:
                touched.setdefault(goal_id, set()).add(day)
        for goal_id, days in touched.items():
            goal = self.plan.goal(goal_id)
            if goal is None:
                continue
            # (self.files still holds the record as it was: the part is read directly)
            mine = [
                expand(c, "", goal_id)
                for c in zip(*self._part(name, goal_id, strict=True))
                if c[DAY] in days and c[OP] not in ABOUT_TEXTS
            ]
            kept = [s for s in record.steps.get(goal_id, []) if s[0] not in days]
            new_steps = day_steps(goal, self._counting(goal, record, mine))
            record.steps[goal_id] = sorted(kept + new_steps)
            if required(self.plan, goal):  # and its verified figure
                kept = [s for s in record.verified_steps.get(goal_id, []) if s[0] not in days]
                verified = self._counting(goal, record, mine, verified=True)
                record.verified_steps[goal_id] = sorted(kept + day_steps(goal, verified))
        self.dirty = True
        return record

    def _add_lines(
        self, name, record: FileRecord, lines: FileLines, *, hashes: array, parts: bool
    ) -> list:
        """Add a file's lines (all of them, or those it grew by) to its record,
        and with `parts`, to its parts. Returns the new lines' id hashes."""
        columns = lines.columns
        from tracker.storage.logcache.facts import facts_of_columns

        facts = facts_of_columns(columns, lines.problems, lines.commits, self.plan)
        added = self._add_facts(name, record, facts, hashes=hashes)
        if not parts:
            return added
        about = [at for at, op in enumerate(columns[OP]) if op in ABOUT_TEXTS]
        for part, mine in _parts_of(columns, about).items():
            if part in self._parts or record.parts.get(part) is not None:
                previous = self._part(name, part, strict=True)
                mine = [held + more for held, more in zip(previous, mine)]
            self._parts[(name, part)] = mine
            record.parts[part] = None  # stored (and named) when the cache is
            self._written.add(("part", name, part))
        return added

    def _add_facts(self, name, record: FileRecord, facts: Facts, *, hashes: array) -> list:
        """Add what some lines of a file say (facts.py) to its record: problems,
        commits, retractions, unknown references, tiny values, batches, date
        range and line order, sizes, the goals it has lines of, and its ids.
        Returns the lines' id hashes."""
        record.problems = record.problems + [p.to_record() for p in facts.problems]
        self._id_texts.pop(name, None)
        record.commits = sorted(set(record.commits) | facts.commits)
        known = {tuple(u) for u in record.unknown}
        record.unknown += [list(u) for u in facts.unknown if u not in known]
        record.about += facts.about
        record.tiny = record.tiny + [b for b in facts.tiny if b not in record.tiny]
        for batch, (count, line) in facts.batches.items():
            seen = record.batches.setdefault(batch, [0, line])
            seen[0] += count
        if facts.dates is not None:
            low, high = facts.dates
            if record.dates is not None:
                low, high = min(low, record.dates[0]), max(high, record.dates[1])
            record.dates = [low, high]
            first, last, in_order = facts.keys
            if record.order is not False:
                in_order = in_order and (not record.order or first >= tuple(record.order))
                record.order = list(last) if in_order else False
        for (goal_id, batch), count in facts.sizes.items():
            sizes = record.sizes.setdefault(goal_id, [0, {}])
            if batch is None:
                sizes[0] += count
            else:
                sizes[1][batch] = sizes[1].get(batch, 0) + count
            record.parts.setdefault(goal_id, None)  # (None: not stored yet)
        if facts.about:
            record.parts.setdefault(ABOUT_PART, None)
        added = facts.id_hashes
        if added:
            self._ids[name] = array("Q", sorted([*hashes, *added]))
            record.ids = None
            self._written.add(("ids", name, None))
        elif name not in self._ids:
            self._ids[name] = hashes
        return added

    def _counting(
        self, goal, record: FileRecord, entries: list[Entry], *, verified: bool = False
    ) -> list[Entry]:
        """Of a file's entries of one goal, those that count: ledger.counting with
        the exclusions this file's record says apply (retracted and returned
        entries, repeated ids, cut-off batches); `verified`: only those a
        counting verdict verified (the verified figure)."""
        applied = record.applied
        found = counting(
            goal,
            entries,
            retracted=set(applied.retracted) | set(applied.returned),
            shadowed_lines=set(applied.shadowed),
            cut=set(applied.uncommitted),
        )
        if verified:
            kept = set(applied.verified)
            found = [e for e in found if e.id in kept]
        return found

    def _steps_of(self, record: FileRecord, sums: PlainSums | None, lines) -> tuple[dict, dict]:
        """Each goal's day steps from a file's lines, the ledger's own sums, by
        each figure: reported (returned reports aside), and verified (for the
        goals whose reports need verifying, the lines a verdict verified).
        Where nothing in the file is excluded and its lines stand in order,
        plain values are summed at C speed (ledger.plain_day_steps, from
        `sums`, or from the columns when not given); every other goal line by
        line, from `lines()` (read_lines' FileLines of the whole file)."""
        applied = record.applied
        ordered = record.order is not False
        clean = not (
            applied.retracted or applied.shadowed or applied.uncommitted or applied.returned
        )
        steps: dict[str, list] = {}
        read = None
        if clean and ordered:
            if sums is None:
                read = lines()
                from tracker.storage.logcache.facts import sums_of_columns

                sums = sums_of_columns(_single_kind_goals(read.columns))
            steps = plain_day_steps(self.plan, sums.sums, sums.last)
        present = {g for g in record.sizes if self.plan.goal(g) is not None}
        rest = {g for g in present if g not in steps}
        checked = {
            g for g in present if applied.verified and required(self.plan, self.plan.goal(g))
        }
        verified_steps: dict[str, list] = {}
        if not rest and not checked:
            return steps, verified_steps
        columns = (read or lines()).columns
        by_goal: dict[str, list[Entry]] = {g: [] for g in rest | checked}
        for at, (goal_id, op) in enumerate(zip(columns[GOAL], columns[OP])):
            if goal_id in by_goal and op not in ABOUT_TEXTS:
                by_goal[goal_id].append(expand_at(columns, at))
        for goal_id, mine in by_goal.items():
            goal = self.plan.goal(goal_id)
            if goal_id in rest:
                found = day_steps(goal, self._counting(goal, record, mine), ordered=ordered)
                if found:
                    steps[goal_id] = found
            if goal_id in checked:
                verified = self._counting(goal, record, mine, verified=True)
                found = day_steps(goal, verified, ordered=ordered)
                if found:
                    verified_steps[goal_id] = found
        return steps, verified_steps

    # -- the series ----------------------------------------------------------

    def _compose(self) -> None:
        """Every goal's series from every file's steps, as plain JSON: the
        reported figure, and the verified one where its reports need verifying."""
        self.series_raw = {}
        for goal in self.plan.goals:
            raw = {"reported": _series_raw(series_from_steps(goal, self.goal_steps(goal)))}
            if required(self.plan, goal):
                verified = series_from_steps(goal, self.goal_steps(goal, verified=True))
                raw["verified"] = _series_raw(verified)
            self.series_raw[goal.id] = raw

    def goal_steps(self, goal, *, verified: bool = False) -> list[list]:
        """The goal's day steps across files, one per day (of the verified figure,
        with `verified`); a day that several files hold entries for is summed
        again from those entries, in order."""
        by_day: dict[int, list] = {}
        clash: set[int] = set()
        for record in self.files.values():
            held = record.verified_steps if verified else record.steps
            for s in held.get(goal.id, ()):
                if s[0] in by_day:
                    clash.add(s[0])
                by_day[s[0]] = s
        for day in clash:
            mine = []
            for name, record in self.files.items():
                held = record.verified_steps if verified else record.steps
                if any(s[0] == day for s in held.get(goal.id, ())):
                    entries = self._entries_of(name, goal.id, {day})
                    mine += self._counting(goal, record, entries, verified=verified)
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
        wanted = [goal_id, ABOUT_PART] if goal_id is not None else list(record.parts)
        out = []
        for part in wanted:
            if part not in record.parts:
                continue
            for c in zip(*self._part(name, part)):
                if days is not None and c[DAY] not in days:
                    continue
                if span is not None and (c[DAY] is None or not span[0] <= c[DAY] <= span[1]):
                    continue
                goal = c[GOAL] if part == ABOUT_PART else part
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
            return self._read_again(name, goal_id)
        self._parts[key] = part
        return part

    def _read_again(self, name: str, goal_id: str) -> list[list]:
        """A part just made again from its log file (_reload): held, if the
        cache could not be stored, else as stored, every column read now."""
        held = self._parts.get((name, goal_id))
        if held is not None:
            return held
        try:
            whole = self._stored(name, goal_id).whole()
        except Stale:
            whole = None
        return whole if whole is not None else columns_of([], width(goal_id))

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
                return self._read_again(name, goal_id)

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
        """A file's parts and id array made from the log file itself: when a
        question first needs its lines (a file read whole keeps none), or the
        stored ones are gone or damaged. Only the bytes its record knows are
        read: lines appended since are the next refresh's."""
        record = self.files[name]
        try:
            data = disk.read(self.progress_dir / name, size=max(record.stat[0], 0))
        except OSError:
            data = b""
        from tracker.storage.logcache.reading import read_lines

        lines = read_lines(data, name, 1)
        del data
        self._forget(name)
        fresh = FileRecord(stat=record.stat, digest=record.digest, lines=record.lines)
        self._add_lines(name, fresh, lines, hashes=array("Q"), parts=True)
        record.parts, record.ids, record.sizes = fresh.parts, None, fresh.sizes
        self._written.add(("ids", name, None))
        self.dirty = True
        self._spill(name, record)  # stored at once, and let go of: a whole log is never held
        if not self._refreshing:  # (a refresh stores its index once it is whole)
            self.store()

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
                "plan": self._plan_identity(),
                "folder": self._folder_identity(),
                "files": self.files,
                "series": self.series_raw,
                "retracted": sorted(self.retracted),
            }
            disk.write(self.folder / disk.INDEX_FILE, trust.seal(dumps(index)))
            keep = set()
            for name, record in self.files.items():
                keep |= {self._part_path(name, g, t) for g, t in record.parts.items()}
                keep.add(self._ids_path(name, record.ids))
            disk.sweep(self.folder / disk.PARTS_DIR, keep)
        except OSError:
            pass  # a read-only folder just means no cache kept
        self.dirty = False


def open_cache(progress_dir: Path, plan: Plan, display=str, *, verify: bool = False) -> LogCache:
    """The cache of progress/, brought up to date (and stored when it changed).
    A stored cache that cannot be used as it is is set aside and rebuilt.
    `verify` (`tracker check`): every log file is checked by its bytes, its
    stat not believed."""
    cache = LogCache(progress_dir, plan, display, verify=verify)
    cache.load_index()
    try:
        cache.refresh()
    except (Stale, KeyError, IndexError, TypeError, ValueError, AttributeError):
        distrusted = cache.distrusted
        cache = LogCache(progress_dir, plan, display, verify=verify)  # damage the checks let by
        cache.distrusted = distrusted
        cache.refresh()
    cache.store()
    return cache


def _series_raw(series) -> dict:
    return {
        "days": [d.toordinal() for d in series.days],
        "values": list(series.values),
        "items": [sorted(i) for i in series.items] if any(series.items) else None,
        "entry_days": [d.toordinal() for d in series.entry_days],
    }


def _safe(name: str) -> str:
    """A folder name for a log file's parts."""
    return freshness.digest(name.encode("utf-8", "surrogatepass"))[:16]


def _single_kind_goals(columns: list[list]) -> list[list]:
    """The lines of the goals whose every line here is a plain value: a goal
    with a line of any other kind is summed line by line."""
    goals, ops = columns[GOAL], columns[OP]
    if set(ops) == {"value"}:
        return columns
    mixed = {g for g, op in zip(goals, ops) if op != "value"}
    keep = [at for at, g in enumerate(goals) if g not in mixed]
    return [[column[at] for at in keep] for column in columns]


def _parts_of(columns: list[list], about: list[int]) -> dict[str, list[list]]:
    """A file's lines (read_lines' columns) as its parts: each goal's lines, and
    its lines about lines (each with the goal it names), in file order."""
    goals = columns[GOAL]
    fields = columns[:WIDTH]
    present = set(goals)
    parts: dict[str, list[list]] = {}
    if not about and len(present) == 1:
        parts[goals[0]] = [list(column) for column in fields]
        return parts
    skip = set(about)
    places: dict[str, list[int]] = {}
    for at, goal_id in enumerate(goals):
        if at not in skip:
            mine = places.get(goal_id)
            if mine is None:
                mine = places[goal_id] = []
            mine.append(at)
    for goal_id, mine in places.items():
        parts[goal_id] = [list(map(column.__getitem__, mine)) for column in fields]
    if about:
        parts[ABOUT_PART] = [[column[at] for at in about] for column in columns]
    return parts
