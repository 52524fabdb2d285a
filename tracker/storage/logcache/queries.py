"""What commands ask of the log, answered from the cache: each goal's series,
the log's problems, its lines in a period or of a goal (as entries, plain
records or named columns), what `check` and the write rules need. Every answer
is the one the whole log read from scratch gives (the cache's invariant)."""

from __future__ import annotations

import datetime as dt
import gc
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import repeat

from tracker.ledger import Series, cut_off_problem, effective_by_goal, retracted_ids, stand_ins
from tracker.ledger.counting import decisions_of
from tracker.ledger.steps import Figured
from tracker.ledger.verification import NO_DECISIONS, Decisions, awaiting, required
from tracker.model import ABOUT_OPS, Entry, IsoDays, LineColumns, LineGroup, ListedLines, Source
from tracker.numbers import PlainNumbers
from tracker.problems import Problem
from tracker.storage.logcache.ids import contains
from tracker.storage.logcache.layout import (
    ABOUT_PART,
    BATCH,
    DATED_RECORD,
    DAY,
    DAY_TIME_ID,
    EVIDENCE,
    GOAL,
    ID,
    ITEMS,
    LINE,
    OP,
    RECORDED_AT,
    UNDATED_RECORD,
    VALUE,
    WIDTH,
    JoinedParts,
    columns_of,
    compact_record,
    expand,
    line_order,
    part_records,
    within,
)

TINY = 1e-4  # below it (but 0) orjson writes a float otherwise than json (jsontext)
_RETRACT = frozenset({"retract"})


class Queries:
    """The LogCache's answers (a mixin: it reads the cache's files and parts)."""

    # -- the series and the log's standing ------------------------------------

    def series(self) -> dict[str, Series]:
        """Each goal's series as its offices reported it (what the write rules
        judge); figures() has the verified one too, and which decides."""
        return {goal_id: pair.reported for goal_id, pair in self.figures().items()}

    def figures(self) -> dict[str, Figured]:
        """Each goal's series by every figure it has, and the reports waiting
        for a verdict."""
        out = {}
        waiting = None
        for goal in self.plan.goals:
            raw = self.series_raw[goal.id]
            reported = _series_of(goal, raw["reported"])
            if "verified" in raw:
                waiting = self.awaiting() if waiting is None else waiting
                verified = _series_of(goal, raw["verified"])
                out[goal.id] = Figured.of(self.plan, goal, reported, verified, waiting[goal.id])
            else:
                out[goal.id] = Figured.unverified(reported)
        return out

    def awaiting(self) -> dict[str, tuple[Entry, ...]]:
        """Each goal's reports waiting for a verdict (ledger.verification), from
        the lines of the goals whose reports need verifying, every line about a
        line and every line one names — what the ledger reads of them."""
        goals = {g.id for g in self.plan.goals if required(self.plan, g)}
        if not goals:
            return {}
        lines = self._about_and_named([e for goal in goals for e in self.entries(goal=goal)])
        grouped, _ = effective_by_goal(self.plan, lines, goals)
        return awaiting(self.plan, grouped, decisions_of(self.plan, lines, retracted_ids(lines)))

    def verified_anywhere(self) -> bool:
        """Whether any goal's reports need verifying."""
        return any(required(self.plan, g) for g in self.plan.goals)

    def decisions(self) -> Decisions:
        """What the counting verdicts decided (ledger.verification)."""
        if not self.verified_anywhere():
            return NO_DECISIONS
        lines = self._about_and_named()
        return decisions_of(self.plan, lines, retracted_ids(lines))

    def verifications(self) -> dict[str, str]:
        """Each report's standing where reports are verified (an entry's
        `verification` as `tracker entries` and the export give it): verified
        or returned by the verdict that counts, or waiting for one."""
        decided = self.decisions()
        standing = {e.id: "waiting" for waiting in self.awaiting().values() for e in waiting}
        standing.update(dict.fromkeys(decided.verified, "verified"))
        standing.update(dict.fromkeys(decided.returned, "returned"))
        return standing

    def _about_and_named(self, more: list[Entry] = ()) -> list[Entry]:
        """Every line about a line, every line one names and `more`, once each
        and in log order, those whose id an earlier line has left out: what the
        ledger reads of the log to tell which verdicts count."""
        about = self.about_lines()
        lines = [*about, *self.find({e.about for e in about if e.about}), *more]
        shadowed = self.shadowed()
        order = {self._shown(name): at for at, name in enumerate(self.files)}
        unique = {(e.origin.file, e.origin.line): e for e in lines if e.origin not in shadowed}
        return sorted(unique.values(), key=lambda e: (order[e.origin.file], e.origin.line))

    def problems(self) -> list[Problem]:
        """The log's problems, as read_log reports them: each file's, then cut-off batches."""
        found = []
        for name, record in self.files.items():
            shown = self._shown(name)
            for raw in record.problems:
                found.append(Problem.from_record(raw)._replace(file=shown))
        commits = set().union(*(r.commits for r in self.files.values()))
        cut: dict[str, list] = {}
        for name, record in self.files.items():
            for batch, (count, line) in record.batches.items():
                if batch not in commits:
                    place = cut.setdefault(batch, [0, name, line])
                    place[0] += count
        for batch, (count, name, line) in cut.items():
            found.append(cut_off_problem(self._shown(name), line, batch, count))
        return found

    def unknown(self) -> list[str]:
        """What the log's committed lines name that the plan no longer has."""
        cut = self._uncommitted()
        found: dict[str, None] = {}
        for record in self.files.values():
            for ref, batch in record.unknown:
                if batch is None or batch not in cut:
                    found.setdefault(ref)
        return list(found)

    def plain_floats(self) -> bool:
        """Whether no line's value is a float below TINY (but 0): then the log's
        records hold only numbers every JSON encoder writes alike."""
        cut = self._uncommitted()
        return not any(
            batch is None or batch not in cut
            for record in self.files.values()
            for batch in record.tiny
        )

    # -- entries --------------------------------------------------------------

    def entries(
        self,
        *,
        goal: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> list[Entry]:
        """The log's committed entries, in file then line order, as read_log gives
        them: with `goal`, those naming it (retractions of its entries too);
        with `since`/`until`, only those dated in the period, read from the
        files whose dates can hold one."""
        cut = self._uncommitted()
        out: list[Entry] = []
        lo = since.toordinal() if since else None
        hi = until.toordinal() if until else None
        for name, record in self.files.items():
            dates = record.dates
            span = None
            if lo is not None or hi is not None:  # a period: the files' rows in it, no others
                if dates is None or (lo is not None and dates[1] < lo):
                    continue
                if hi is not None and dates[0] > hi:
                    continue
                span = (lo if lo is not None else dates[0], hi if hi is not None else dates[1])
            out += [e for e in self._entries_of(name, goal, span=span) if e.batch not in cut]
        return out

    def about_lines(self, ops: frozenset[str] | None = None) -> list[Entry]:
        """The committed lines about other lines (retractions, verdicts,
        attachments; or only those of `ops`, Op values), in log order."""
        cut = self._uncommitted()
        out = []
        for name, record in self.files.items():
            shown = self._shown(name)
            for c in record.about:
                if (c[BATCH] is None or c[BATCH] not in cut) and (ops is None or c[OP] in ops):
                    out.append(expand(c, shown, c[GOAL]))
        return out

    def evidence_lines(self) -> list[Entry]:
        """Every committed line naming evidence files (an entry's own, an
        attachment), in log order: of each part only the column of files is
        read, and the few lines naming some are made Entries."""
        cut = self._uncommitted()
        out = []
        for name, record in self.files.items():
            shown = self._shown(name)
            mine = []
            for part in record.parts:
                columns = self._passing(name, part)
                files = columns[EVIDENCE]
                if files.count(None) == len(files):
                    continue
                for at, held in enumerate(files):
                    batch = columns[BATCH][at]
                    if held and (batch is None or batch not in cut):
                        c = [column[at] for column in columns]
                        mine.append(expand(c, shown, c[GOAL] if part == ABOUT_PART else part))
            mine.sort(key=lambda e: e.origin.line)
            out += mine
        return out

    def retractions(self) -> list[Entry]:
        """The committed retractions, in log order."""
        return self.about_lines(_RETRACT)

    def shadowed(self) -> set[Source]:
        """Where the entries are whose id an earlier entry has: they do not count."""
        return {
            Source(self._shown(name), line)
            for name, record in self.files.items()
            for line in record.applied.shadowed
        }

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

    def count(self, goal_id: str, *, before: dt.date) -> int:
        """How many of the goal's entries (not retractions, not of a cut-off
        batch) are dated before `before`: from each file's sizes, and for a file
        dated across that day, counted in its part (none made an Entry)."""
        cut = self._uncommitted()
        day = before.toordinal()
        found = 0
        for name, record in self.files.items():
            dates = record.dates
            if goal_id not in record.parts or dates is None or dates[0] >= day:
                continue
            if dates[1] < day:  # all of it
                plain, batched = record.sizes.get(goal_id, (0, {}))
                found += plain + sum(n for b, n in batched.items() if b not in cut)
                continue
            part = self._passing(name, goal_id)
            found += sum(
                1
                for d, b in zip(part[DAY], part[BATCH])
                if d is not None and d < day and (b is None or b not in cut)
            )
        return found

    # -- whole listings, a group of files at a time ---------------------------

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
                    compact_record(c, c[GOAL], IsoDays(), marks)
                    for c in record.about
                    if c[DAY] is None
                    and (c[BATCH] is None or c[BATCH] not in cut)
                    and (goal is None or c[GOAL] == goal)
                ]
        if undated:
            undated.sort(key=UNDATED_RECORD)
            yield undated
        for group in self._date_groups(lo, hi):
            yield self._group_records(group, goal, lo, hi, cut, marks)

    def listed_lines(
        self,
        *,
        goal: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> Iterator[ListedLines]:
        """record_groups' lines column by column (model.ListedLines), the same
        groups in the same order, no object made per line: each group's
        columns as its parts hold them, a file's parts side by side, and the
        order to list them in (Entry.sort_key, ties in file then line order;
        undated retractions first, by time recorded and id). Parts read here
        are not kept."""
        cut = self._uncommitted()
        lo = since.toordinal() if since else None
        hi = until.toordinal() if until else None
        if lo is None and hi is None:
            undated = [  # retractions without a date, from every file
                c
                for record in self.files.values()
                for c in record.about
                if c[DAY] is None
                and (c[BATCH] is None or c[BATCH] not in cut)
                and (goal is None or c[GOAL] == goal)
            ]
            if undated:
                columns = columns_of(undated, WIDTH + 1)
                keys = list(zip(columns[RECORDED_AT], columns[ID]))
                yield ListedLines(
                    LineColumns(columns), lambda: sorted(range(len(keys)), key=keys.__getitem__)
                )
        for names in self._date_groups(lo, hi):
            yield self._listed_group(names, goal, lo, hi, cut)

    def _listed_group(self, names, goal, lo, hi, cut) -> ListedLines:
        """The dated lines of these files (of one goal, or all; from day `lo` to
        `hi`), cut-off batches left out, as ListedLines."""
        parts: list[tuple[list, str]] = []
        sizes: list[list[int]] = []  # per file, its parts' sizes
        for name in names:
            sizes.append([])
            for part, columns in self._asked_parts(name, goal, lo, hi, cut):
                if columns[ID]:
                    parts.append((columns, part))
                    sizes[-1].append(len(columns[ID]))
        joined = JoinedParts(parts)
        in_order = self._in_order(names)

        def order() -> list[int]:
            lines = joined[LINE]
            placed: list[int] = []
            start = 0
            for mine in sizes:  # each file's lines in line order, files in log order
                end = start + sum(mine)
                placed += line_order(lines, start, end) if len(mine) > 1 else range(start, end)
                start = end
            if in_order:
                return placed
            keys = list(zip(joined[DAY], joined[RECORDED_AT], joined[ID]))
            return sorted(placed, key=keys.__getitem__)  # stable: ties stay in log order

        return ListedLines(LineColumns(joined), order)

    def goal_lines(
        self, goal_id: str, *, since: dt.date | None = None, until: dt.date | None = None
    ) -> Iterator[LineGroup]:
        """The goal's dated lines from `since` to `until` (not retractions, not of
        a cut-off batch), in order, straight from its parts, by name
        (model.LineGroup): a group of files at a time, every line of a group
        dated after every line of the groups before it (record_groups). Parts
        read here are not kept: a goal's whole history is never held."""
        cut = self._uncommitted()
        lo = since.toordinal() if since else None
        hi = until.toordinal() if until else None
        low = lo if lo is not None else 0
        high = hi if hi is not None else 1 << 62
        for names in self._date_groups(lo, hi, goal_id):
            columns: list[list] = [[] for _ in range(WIDTH)]
            repeated: list[bool] | None = None  # per line: an earlier line has its id (rare)
            for name in names:
                record = self.files[name]
                part = self._passing(name, goal_id)
                first, last = record.dates
                if not (low <= first and last <= high and not cut):
                    part = within(part, low, high, cut)
                # (else all of a goal's part: its lines are all dated)
                shadowed = record.applied.shadowed
                if shadowed and repeated is None:
                    repeated = [False] * len(columns[0])
                if repeated is not None:
                    numbers = set(shadowed)
                    repeated += [line in numbers for line in part[LINE]]
                if len(names) == 1:
                    columns = part  # as read: a column is parsed only if it is asked for
                else:
                    for held, more in zip(columns, part):
                        held += more
                del part
            if not self._in_order(names):
                # stable: ties stay in file then line order
                lines = sorted(zip(*columns, repeated or repeat(False)), key=DAY_TIME_ID)
                columns = columns_of(lines, WIDTH + 1)
                repeated = columns.pop()
                del lines
            repeats = frozenset(i for i, again in enumerate(repeated or ()) if again)
            yield LineGroup(LineColumns(columns), repeats)
            del columns, repeated

    def _date_groups(self, lo: int | None, hi: int | None, goal: str | None = None):
        """The files holding dated lines from day `lo` to `hi` (either None: no
        bound; with `goal`, only files holding that goal's lines), in groups
        whose date ranges do not overlap, earliest first; each group's files in
        log order."""
        names = list(self.files)
        spans: list[tuple[int, int, int]] = []  # (first day, last day, file's place)
        for place, name in enumerate(names):
            record = self.files[name]
            dates = record.dates
            if dates is None or (lo is not None and dates[1] < lo):
                continue
            if hi is not None and dates[0] > hi:
                continue
            if goal is not None and goal not in record.parts:
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

    def _group_records(self, names, goal, lo, hi, cut, marks) -> list[dict]:
        """The dated records of these files (of one goal, or all; from day `lo`
        to `hi`), cut-off batches left out, in order."""
        with _collector_paused():
            records = self._gather_records(names, goal, lo, hi, cut, marks)
            if not self._in_order(names):
                records.sort(key=DATED_RECORD)  # stable: ties stay in file then line order
            return records

    def _asked_parts(self, name, goal, lo, hi, cut) -> Iterator[tuple[str, list]]:
        """The parts of file `name` a listing of `goal` (None: every goal) from
        day `lo` to `hi` reads, each with its lines asked for, column by column:
        of those days, of no cut-off batch, and in the part about lines, only
        those naming the goal (in their GOAL field)."""
        record = self.files[name]
        low = lo if lo is not None else 0
        high = hi if hi is not None else 1 << 62
        for part in [goal, ABOUT_PART] if goal is not None else list(record.parts):
            if part not in record.parts:
                continue
            columns = self._passing(name, part)
            about = part == ABOUT_PART
            if about or lo is not None or hi is not None or cut:
                columns = within(columns, low, high, cut, goal if about else None)
            # (else all of a goal's part: its lines are all dated)
            yield part, columns

    def _in_order(self, names: list[str]) -> bool:
        """Whether these files' dated lines, in file then line order, are
        already in Entry.sort_key order: one file written in that order."""
        return len(names) == 1 and self.files[names[0]].order is not False

    def _gather_records(self, names, goal, lo, hi, cut, marks) -> list[dict]:
        out: list[dict] = []
        days, numbers = IsoDays(), PlainNumbers()
        for name in names:
            # Each record put at its line's place: the file's order, no comparing.
            slots: list = [None] * (self.files[name].lines + 2)
            place = slots.__setitem__
            for part, columns in self._asked_parts(name, goal, lo, hi, cut):
                if part == ABOUT_PART:
                    made = [compact_record(c, c[GOAL], days, marks) for c in zip(*columns)]
                else:
                    made = part_records(columns, part, days, numbers, marks)
                lines = columns[LINE]
                del columns
                deque(map(place, lines, made), maxlen=0)
                # The records share the part's strings; the rest is freed here.
                del lines, made
            out += filter(None, slots)  # records are never empty
            del slots
        return out

    # -- for `tracker check` (tracker.rules.entries.LogReader) ---------------

    def alike(self, fields: tuple[str, ...]):
        """Per file, in log order: its committed entries grouped by these Entry
        fields (what the entry rules read: tracker.rules.entries.RULE_FIELDS),
        as (one of them, the lines of them all). One file's parts are held at
        a time."""
        if set(fields) != {"goal", "date", "op", "value", "items"}:
            raise ValueError(f"the cache groups lines by goal, date, op, value, items: {fields}")
        cut = self._uncommitted()
        for name, record in self.files.items():
            shown = self._shown(name)
            groups: dict[tuple, tuple[list, str, list[int]]] = {}
            for part in record.parts:
                columns = self._passing(name, part)
                items = columns[ITEMS]
                if (
                    part != ABOUT_PART
                    and items.count(None) == len(items)
                    and (not cut or cut.isdisjoint(columns[BATCH]))
                ):
                    _group_plain(groups, part, columns)
                    continue
                for c in zip(*columns):
                    if c[BATCH] is not None and c[BATCH] in cut:
                        continue
                    goal = c[GOAL] if part == ABOUT_PART else part
                    key = (goal, c[DAY], c[OP], c[VALUE], tuple(c[ITEMS]) if c[ITEMS] else None)
                    group = groups.get(key)
                    if group is None:
                        group = groups[key] = (c, goal, [])
                    group[2].append(c[LINE])
            yield [(expand(c, shown, goal), lines) for c, goal, lines in groups.values()]

    def sharing_ids(self) -> list[Entry]:
        """Every committed line whose id another committed line has too, in log order."""
        ids = set()
        for name, record in self.files.items():
            repeated = set(record.applied.repeated)
            if repeated:
                ids |= {e.id for e in self._entries_of(name) if e.origin.line in repeated}
        return self.find(ids) if ids else []  # each id a repeat's: on two lines or more

    def about_lines_and_targets(self) -> list[Entry]:
        """Every committed line about another line, and every committed line
        with an id one names, in log order."""
        about = self.about_lines()
        named = self.find({e.about for e in about if e.about})
        order = {self._shown(n): i for i, n in enumerate(self.files)}
        lines = {(e.origin.file, e.origin.line): e for e in (*about, *named)}
        return [lines[k] for k in sorted(lines, key=lambda k: (order.get(k[0], -1), k[1]))]

    def lines_of(self, goal_id: str) -> list[Entry]:
        """The goal's committed lines (lines about its entries too), in log order."""
        return self.entries(goal=goal_id)

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
            if goal.id in record.parts:
                mine = self._entries_of(name, goal.id, days)
                out += self._counting(goal, record, mine)
        return out

    # -- for the write rules (tracker.writes) --------------------------------

    def hashes_held(self, ordered: list[int]) -> set[int]:
        """Which of these sorted id hashes some log file holds (hash hits, to be
        verified against the real ids): a big batch's ids, without reading them."""
        found: set[int] = set()
        for name in self.files:
            mine = self._id_array(name)
            small, large = (mine, ordered) if len(mine) < len(ordered) else (ordered, mine)
            found.update(h for h in small if contains(large, h))
        return found

    def write_context(self, new: list[Entry]) -> list[Entry]:
        """What the write rules need of the log to judge `new`, standing in for
        the whole log: every line sharing an id with a new entry or named by a
        retraction, every retraction, and for each goal the new entries touch
        (and its part/whole partners) one entry per day that sums the day
        (ledger.stand_ins) — the real entries on the days the new ones touch."""
        named = {e.id for e in new} | {e.about for e in new if e.about}
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
                dates = record.dates
                if not days or goal.id not in record.parts or dates is None:
                    continue
                if dates[0] > max(days) or dates[1] < min(days):
                    continue
                repeated = set(record.applied.shadowed)
                for e in self._entries_of(name, goal.id, days):
                    if (
                        e.op not in ABOUT_OPS
                        and e.batch not in cut
                        and e.origin.line not in repeated
                        and (e.origin.file, e.origin.line) not in have
                    ):
                        context.append(e)
            context += self._day_entries(goal, days)
        context += [e for e in self.about_lines() if (e.origin.file, e.origin.line) not in have]
        return context

    def _day_entries(self, goal, skip: set[int]) -> list[Entry]:
        """One entry per day standing for the goal's entries that day, except on
        `skip` days (ledger.stand_ins), each at the file holding the day."""
        where = {}
        for name, record in self.files.items():
            for s in record.steps.get(goal.id, ()):
                where.setdefault(s[0], name)
        return stand_ins(
            goal, self.goal_steps(goal), skip=skip,
            file_of=lambda day: self._shown(where.get(day, "")),
        )  # fmt: skip


def _series_of(goal, raw: dict) -> Series:
    days = tuple(dt.date.fromordinal(d) for d in raw["days"])
    items = (
        tuple(frozenset(i) for i in raw["items"])
        if raw["items"] is not None
        else tuple(frozenset() for _ in days)
    )
    entry_days = tuple(dt.date.fromordinal(d) for d in raw["entry_days"])
    return Series(goal, days, tuple(raw["values"]), items, entry_days)


def _group_plain(groups: dict, goal: str, columns) -> None:
    """alike's grouping of a goal's part whose lines tick no items and are none
    of a cut-off batch (nearly every part): the same keys in the same order,
    read from the three columns they are made of, not from a whole line made
    for each (a full line is made only for each group's first)."""
    columns = list(columns)  # (each column read once: a stored part reads it when asked)
    lines = columns[LINE]
    get = groups.get
    keys = zip(repeat(goal), columns[DAY], columns[OP], columns[VALUE], repeat(None))
    for at, key in enumerate(keys):
        group = get(key)
        if group is None:
            groups[key] = ([column[at] for column in columns], goal, [lines[at]])
        else:
            group[2].append(lines[at])


@contextmanager
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
