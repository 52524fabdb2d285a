"""The domain: plan, goals, log entries and computed statuses, all immutable."""

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import cached_property
from operator import itemgetter
from typing import NamedTuple

from tracker.numbers import plain_number

# Records are NamedTuples where nothing asks more of them (an area, an office,
# the plan's settings): every command defines this module's classes, and a
# frozen dataclass costs about a millisecond of start-up to define. Goal and
# Plan stay dataclasses: fields left out of ==, cached properties, replace().
# Like the other modules that define NamedTuples on a command's path (those
# whose annotations name nothing imported for type checking alone), this one
# has no `from __future__ import annotations`: typing compiles each annotation
# given as a string when it defines a NamedTuple (20 µs a field, 4 ms of every
# command's start over them all); names defined further down are quoted.


class Kind(str, Enum):
    COUNT = "count"
    LEVEL = "level"
    MILESTONE = "milestone"
    CHECKLIST = "checklist"


class Direction(str, Enum):
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class UpdateEvery(str, Enum):
    """How often a goal should be reported on (SPEC's `update_every`)."""

    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"


class Judged(str, Enum):
    """How a level goal is judged (SPEC: on its final reading, when first reached,
    or held throughout)."""

    FINAL = "final"  # the reading at the deadline counts; before it, a met target is on track
    FIRST = "first"  # done the first time the target is reached
    THROUGHOUT = "throughout"  # every reading must meet it; done at the deadline


class State(str, Enum):
    """Goal states in the order SPEC's rules try them (first match wins)."""

    DONE = "done"
    OVERDUE = "overdue"
    PENDING = "pending"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"


class Op(str, Enum):
    """What one log line does."""

    VALUE = "value"  # count: an increment; level: a reading
    TOTAL = "total"  # count: states the running total
    DONE = "done"  # milestone: done
    ITEMS = "items"  # checklist: these items done
    CHECKIN = "checkin"  # any kind: a note only, no change in value
    RETRACT = "retract"  # cancels another entry
    VERDICT = "verdict"  # the supervision office's verdict on another entry (核实 / 退回)
    ATTACH = "attach"  # evidence files attached to another entry (佐证材料)


# Lines about another line (`about` names it): they move no goal's value.
ABOUT_OPS = frozenset({Op.RETRACT, Op.VERDICT, Op.ATTACH})
ABOUT_TEXTS = frozenset(op.value for op in ABOUT_OPS)
# Each one's key in a log line, naming the line it is about.
ABOUT_KEYS = {Op.RETRACT: "retracts", Op.VERDICT: "verifies", Op.ATTACH: "attaches"}


class Verdict(str, Enum):
    """What the supervision office found of a reported figure."""

    VERIFIED = "verified"  # 已核实: it counts as checked
    RETURNED = "returned"  # 退回: sent back to the office, which reports again; counts nowhere


class Evidence(NamedTuple):
    """A file attached to an entry, stored once by its hash (storage.evidence)."""

    sha256: str
    size: int
    name: str  # as it was called where it came from


class Source(NamedTuple):
    """Where a thing was read from, for `file:line` messages. A goal's source also
    knows the line of each of its keys, so a rule can point at `deadline = …`.
    One is made per log line read: a NamedTuple (as beancount's directives are)
    costs a third of a frozen dataclass. Equal by file and line alone."""

    file: str
    line: int | None = None
    keys: dict[str, int] | None = None

    def __eq__(self, other) -> bool:
        if other.__class__ is not Source:
            return False  # never equal to a plain tuple, as a dataclass was not
        return self[0] == other[0] and self[1] == other[1]

    def __ne__(self, other) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash((self[0], self[1]))

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def line_of(self, key: str | None) -> int | None:
        """The line of `key` in this table, else the table's own line."""
        if key is not None and self.keys and key in self.keys:
            return self.keys[key]
        return self.line


class Area(NamedTuple):
    """One of the plan's focus areas (SPEC: a goal's `area`), with the short
    name a sentence about it uses (经济发展), when it has one."""

    id: str
    name: str
    name_en: str
    origin: Source | None = None
    short: str = ""


class Office(NamedTuple):
    """A responsible office (责任单位), named once in the plan: its full name,
    the short name people type and say (人社局), the leader in charge of it
    (分管领导), and who signs for it in git (its principals in the
    repository's allowed_signers file: whose verdicts its signatures prove)."""

    name: str
    short: str = ""
    leader: str = ""
    signers: tuple[str, ...] = ()
    origin: Source | None = None

    @property
    def shown(self) -> str:
        """How a table names it: its short name where it has one."""
        return self.short or self.name


class Checkpoint(NamedTuple):
    """A dated point of a goal's explicit `trajectory`: the value expected by `date`."""

    date: dt.date
    value: float


class Revision(NamedTuple):
    """A dated change of a goal's target and/or deadline (调整目标): statuses as of
    an earlier day use the definition before it."""

    date: dt.date
    reason: str
    target: float | None = None
    deadline: dt.date | None = None
    document: str = ""  # the approving document, e.g. 石政发〔2020〕12号


class Decides(str, Enum):
    """Which figure decides a goal's state where reports are verified."""

    REPORTED = "reported"  # 已上报: what offices reported (as when nothing is verified)
    VERIFIED = "verified"  # 已核实: only what the supervision office verified


class EvidenceRule(str, Enum):
    """Which of a goal's entries must come with evidence files (佐证材料)."""

    NONE = "none"
    DONE = "done"  # the entry that finishes it (a milestone's done, a checklist's last item)
    EVERY = "every"  # every entry that moves it


class Verification(NamedTuple):
    """How reported figures are checked before they count (核实): whether the
    plan's goals need it, which offices verify, within how many days of a
    report, which figure decides a goal's state, the largest evidence file."""

    required: bool = False
    offices: tuple[str, ...] = ()
    within_days: int = 10
    decides: Decides = Decides.REPORTED
    evidence_max_mb: int = 50
    origin: Source | None = None


class Escalation(str, Enum):
    """How far the supervision of a late item has gone (督办等级), each with its
    light: a reminder (提醒, blue), supervision (督办, yellow), a circulated
    notice (通报, red)."""

    REMIND = "remind"
    SUPERVISE = "supervise"
    CIRCULATE = "circulate"


class BulletinSettings(NamedTuple):
    """[plan.bulletin]: the supervision bulletin's masthead (who issues it, to
    whom it is sent and copied), the days behind at which a late item is
    supervised (督办) and circulated (通报), the days offices have to report
    back, and the ranking's weights (完成率, 按期报送率)."""

    issuer: str = ""
    title: str = ""  # the bulletin's name; default: the plan's title and 督查通报
    to: str = ""  # 报送
    cc: str = ""  # 抄送
    supervise_after: int = 15
    circulate_after: int = 30
    reply_within: int = 7
    weights: tuple[tuple[str, float], ...] = (("completion", 0.7), ("on_time", 0.3))
    origin: Source | None = None


class Item(NamedTuple):
    """A checklist item that has a deadline of its own."""

    name: str
    deadline: dt.date


@dataclass(frozen=True, slots=True, repr=False)  # (a generated repr of 35 fields: 1 ms)
class Goal:
    """One commitment of the plan, as goals.toml defines it (SPEC "A goal")."""

    id: str
    title: str
    title_en: str
    area: str
    owner: str
    kind: Kind
    deadline: dt.date
    source: str
    start: dt.date
    target: float | None = None
    unit: str = ""
    direction: Direction = Direction.AT_LEAST
    baseline: float | None = None
    items: tuple[str, ...] = ()
    part_of: str | None = None
    update_every: UpdateEvery = UpdateEvery.MONTHLY
    tolerance: float = 0.10
    trajectory: tuple[Checkpoint, ...] = ()
    co_owners: tuple[str, ...] = ()  # co-responsible offices beside the lead `owner`
    judged: Judged = Judged.FINAL  # level goals only
    revisions: tuple[Revision, ...] = ()  # in date order
    item_deadlines: tuple[Item, ...] = ()  # items (a milestone's stages) with dates of their own
    carried_from: str | None = None  # "PLAN-ID:GOAL-ID" of last year's unfinished goal
    multi_year: bool = False  # a continuing project (续建) that may cross the plan's year
    start_value: float | None = None  # count: the value carried over at the start
    start_items: tuple[str, ...] = ()  # checklist: items done before this plan
    decimals: int = 0  # count: the decimal places its values take (money, kilometres)
    verify: bool | None = None  # its reports need verifying (None: as the plan says)
    verified_by: tuple[str, ...] = ()  # the offices that verify it (none: the plan's)
    evidence: EvidenceRule = EvidenceRule.NONE
    indicator: str | None = None  # the city's code for what it measures (jobs.new-urban)
    origin: Source | None = field(default=None, compare=False)
    revised_from: "Goal | None" = field(default=None, compare=False)  # set by as_of

    def __repr__(self) -> str:
        return f"Goal({self.id!r})"

    @property
    def owners(self) -> tuple[str, ...]:
        """The lead office first, then the co-responsible ones."""
        return (self.owner, *self.co_owners)

    @property
    def stages(self) -> tuple[str, ...]:
        """A milestone's dated stages (节点目标, goals.toml's `stages`): held as
        its items, each with its date in item_deadlines."""
        return self.items

    @property
    def crosses_year(self) -> bool:
        """Whether the goal may start or end outside the plan's period."""
        return self.multi_year or self.carried_from is not None

    def item_deadline(self, item: str) -> dt.date:
        for entry in self.item_deadlines:
            if entry.name == item:
                return entry.deadline
        return self.deadline

    def as_of(self, day: dt.date) -> "Goal":
        """The goal as defined on `day`: its revisions dated on or before it applied."""
        revised = self
        for revision in self.revisions:
            if revision.date > day:
                break
            revised = replace(revised.applying(revision), revised_from=self)
        return revised

    def applying(self, revision: Revision) -> "Goal":
        """This goal with one revision's new target and/or deadline."""
        changes = {}
        if revision.target is not None:
            changes["target"] = revision.target
        if revision.deadline is not None:
            changes["deadline"] = revision.deadline
        return replace(self, **changes)

    def revision_on(self, day: dt.date) -> Revision | None:
        """The latest revision in force on `day`."""
        found = None
        for revision in self.revisions:
            if revision.date <= day:
                found = revision
        return found


@dataclass(frozen=True, repr=False)
class Plan:
    """goals.toml: the plan's own table and its goals, in file order."""

    id: str
    title: str
    title_en: str
    start: dt.date
    end: dt.date
    timezone: str
    areas: tuple[Area, ...]
    goals: tuple[Goal, ...]
    tolerance: float = 0.10
    source: str = ""
    verification: Verification = Verification()
    offices: tuple[Office, ...] = ()  # [[plan.offices]]; none: any name is an office
    origin: Source | None = field(default=None, compare=False)
    bulletin: BulletinSettings = BulletinSettings()

    def __repr__(self) -> str:
        return f"Plan({self.id!r}, {len(self.goals)} goals)"

    @cached_property
    def _goals_by_id(self) -> dict[str, Goal]:
        return {goal.id: goal for goal in self.goals}

    def goal(self, goal_id: str) -> Goal | None:
        return self._goals_by_id.get(goal_id)

    @cached_property
    def _offices_by_name(self) -> dict[str, Office]:
        found: dict[str, Office] = {}
        for office in self.offices:
            found.setdefault(office.name, office)
        for office in self.offices:
            if office.short:
                found.setdefault(office.short, office)
        return found

    def office(self, name: str) -> Office | None:
        """The listed office with this full or short name."""
        return self._offices_by_name.get(name)

    def area(self, area_id: str) -> Area | None:
        for area in self.areas:
            if area.id == area_id:
                return area
        return None


class Entry(NamedTuple):
    """One line of the log. Which fields matter depends on `op`.

    A NamedTuple, as beancount's directives are: one is made for every line of
    the log read, and a frozen dataclass's __init__ (a call per field) cost five
    times as much. Derived entries are `entry._replace(…)`. Two entries are
    equal when all but `origin` (where each was read) is."""

    id: str
    goal: str
    date: dt.date | None
    op: Op
    recorded_at: str
    value: float | None = None
    items: tuple[str, ...] = ()
    note: str = ""
    by: str = ""
    about: str | None = None  # the line a retraction, verdict or attachment is about
    reason: str = ""
    batch: str | None = None
    verdict: str = ""  # a verdict's: Verdict's value
    office: str = ""  # a verdict's: the verifying office
    evidence: tuple[Evidence, ...] = ()
    next_step: str = ""  # what the office will do next (下一步), e.g. 7月底前完成供气移交
    next_by: dt.date | None = None  # by when
    origin: Source | None = None

    def __eq__(self, other) -> bool:
        if other.__class__ is not Entry:
            return False  # never equal to a plain tuple, as a dataclass was not
        return self[:_COMPARED] == other[:_COMPARED]

    def __ne__(self, other) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return hash(self[:_COMPARED])

    @property
    def sort_key(self) -> tuple:
        # The date reported on orders entries; on the same date the one recorded
        # later wins (a later `--total` overrides), and the id breaks exact ties.
        return (self.date or dt.date.min, self.recorded_at, self.id)


_COMPARED = len(Entry._fields) - 1  # every field but `origin`, the last
# Entry.sort_key of a dated entry, read at C speed: (date, recorded_at, id).
DATED_SORT_KEY = itemgetter(2, 4, 0)


class LineColumns:
    """A group of log lines, column by column: a list per field, read by name
    (`columns.ids`, `columns.values` …), no object per line until one is asked
    for — a goal of a big log has hundreds of thousands of lines. One goal's
    lines, or any, with each line's goal (`goals`). Made by the log cache,
    which alone knows how lines are stored; a column may be read from disk
    only when first asked for."""

    FIELDS = ("id", "day", "op", "value", "items", "recorded_at", "note", "by", "about",
              "reason", "batch", "verdict", "office", "evidence", "next_step", "next_by",
              "line")  # fmt: skip
    __slots__ = ("_columns",)

    def __init__(self, columns):
        self._columns = columns  # indexable by a field's place in FIELDS

    def __len__(self) -> int:
        return len(self._columns[0])

    @property
    def ids(self) -> list[str]:
        return self._columns[0]

    @property
    def days(self) -> list[int]:
        """Each line's date as an ordinal."""
        return self._columns[1]

    @property
    def ops(self) -> list[str]:
        """Each line's Op, as its value (a plain str)."""
        return self._columns[2]

    @property
    def values(self) -> list[float | None]:
        return self._columns[3]

    @property
    def items(self) -> list[list[str] | None]:
        return self._columns[4]

    @property
    def recorded_ats(self) -> list[str]:
        return self._columns[5]

    @property
    def notes(self) -> list[str]:
        return self._columns[6]

    @property
    def bys(self) -> list[str]:
        return self._columns[7]

    @property
    def abouts(self) -> list[str | None]:
        """The line each line about a line names (a retraction, verdict or
        attachment; None for the rest)."""
        return self._columns[8]

    @property
    def reasons(self) -> list[str]:
        return self._columns[9]

    @property
    def batches(self) -> list[str | None]:
        return self._columns[10]

    @property
    def verdicts(self) -> list[str]:
        return self._columns[11]

    @property
    def offices(self) -> list[str]:
        return self._columns[12]

    @property
    def evidence(self) -> list[list | None]:
        """Each line's evidence files, as [sha256, size, name] lists (or None)."""
        return self._columns[13]

    @property
    def next_steps(self) -> list[str]:
        return self._columns[14]

    @property
    def next_bys(self) -> list[int | None]:
        """Each line's next step's date, as an ordinal (or None)."""
        return self._columns[15]

    @property
    def lines(self) -> list[int | None]:
        """Each line's number in its log file."""
        return self._columns[16]

    @property
    def goals(self) -> list[str]:
        """Each line's goal ("" for a retraction that names none), where the
        group holds the lines of several goals (ListedLines): the field after
        FIELDS, which only such a group has."""
        return self._columns[len(self.FIELDS)]


class LineGroup(NamedTuple):
    """A group of a goal's lines, in Entry.sort_key order (ties in log order),
    and the places of those whose id an earlier line of the log has (they do
    not count)."""

    columns: LineColumns
    repeats: frozenset[int]


class ListedLines:
    """A group of the log's lines as `entries` lists them (LogCache.listed_lines):
    `columns` as read — the group's files in log order, each file's lines in
    line order — each line's goal among them, and `order`, the places of the
    lines in the order they are listed (Entry.sort_key, ties in log order),
    worked out only when first asked for: a renderer measuring its columns
    does not need it."""

    __slots__ = ("columns", "_order", "_made")

    def __init__(self, columns: LineColumns, order: Callable[[], Sequence[int]]):
        self.columns = columns
        self._order = order
        self._made: Sequence[int] | None = None

    def __len__(self) -> int:
        return len(self.columns)

    @property
    def order(self) -> Sequence[int]:
        if self._made is None:
            self._made = self._order()
        return self._made


class Forecast(NamedTuple):
    """When the goal's target will be met at its recent rate (SPEC `forecast`)."""

    completion_date: dt.date
    days_late: int
    window_days: int | None  # the days the rate was measured over (None: already met)


class Figures(NamedTuple):
    """A goal's value by each figure where its reports are verified: what its
    offices reported (已上报), what was verified (已核实), and which decides."""

    reported: float | None
    verified: float | None
    decides: Decides

    @property
    def differ(self) -> bool:
        return self.reported != self.verified


class GoalStatus(NamedTuple):
    """Where one goal stands on `as_of` (SPEC "Status rules")."""

    goal: Goal
    as_of: dt.date
    current: float | None
    progress: float
    expected: float
    state: State
    due_soon: bool
    stale: bool
    schedule_days: int | None
    forecast: Forecast | None
    days_left: int
    last_entry: dt.date | None
    items_done: tuple[str, ...] = ()
    target_reached: bool = False  # a level judged on its final reading, met before its deadline
    item_states: tuple[tuple[str, State], ...] = ()  # checklist items with deadlines
    awaiting_final: bool = (
        False  # a level judged at the end, past it without a reading that covers it
    )
    behind_since: dt.date | None = (
        None  # the day it fell behind, for kinds that measure their own delay
    )
    figures: Figures | None = None  # where its reports are verified: both figures
    awaiting_close: bool = False  # reported done, not yet verified (销号 pending)
    unverified: tuple[Entry, ...] = ()  # its reports (dated by as_of) waiting for a verdict
    unverified_late: tuple[Entry, ...] = ()  # of those, the ones waiting past the period


class WriteResult(NamedTuple):
    """The outcome of one write: the entries appended (or, in a dry run, checked)
    and the standing of each goal they touch."""

    today: dt.date
    dry_run: bool
    batch: str | None
    new: Sequence[Entry]  # a streamed batch's are read again from its input when asked for
    standings: tuple[GoalStatus, ...]


class SignatureCheck(str, Enum):
    """What git found of a commit's signature, against the repository's
    allowed_signers (SSH signing: `git verify-commit`'s own checks)."""

    GOOD = "good"  # an SSH signature by a key allowed_signers lists, under `signer`
    UNKNOWN_KEY = "unknown_key"  # valid, by a key allowed_signers does not list (or not SSH)
    EXPIRED = "expired"  # by a key expired or revoked
    BAD = "bad"  # the commit does not match its signature
    UNCHECKED = "unchecked"  # could not be checked (no ssh-keygen)
    UNSIGNED = "unsigned"


class Commit(NamedTuple):
    """A commit of the repository holding the data folder, and its signature."""

    sha: str
    short: str  # as git abbreviates it
    author: str
    date: dt.date  # the author's
    signature: SignatureCheck
    signer: str = ""  # the principal allowed_signers names for the key (GOOD only)
    key: str = ""  # the key's fingerprint, when the commit is signed


class VerdictAdded(NamedTuple):
    """A verdict line (or the withdrawal of one: a retraction naming it) and
    the commit that added it to the log (None: not committed yet). Its origin
    is where the line stands in the files now, or, gone from them, where that
    commit put it (`in_tree` False)."""

    verdict: Entry
    commit: Commit | None
    in_tree: bool = True


class Condition(str, Enum):
    """What `tracker alerts` reports, most serious first; names match --fail-on."""

    OVERDUE = "overdue"
    OFF_TRACK = "off_track"
    LATE = "late"  # the forecast lands after the deadline
    AT_RISK = "at_risk"
    DUE_SOON = "due_soon"
    STALE = "stale"
    UNVERIFIED = "unverified"  # reports waiting for a verdict past the verification period


class Alert(NamedTuple):
    """A condition that holds for a goal; views put it into words."""

    status: GoalStatus
    condition: Condition


class IsoDays(dict):
    """Day ordinal → ISO date, each made once: a record's date text for the
    many lines of a big log that share few days."""

    def __missing__(self, day: int) -> str:
        text = self[day] = dt.date.fromordinal(day).isoformat()
        return text


def entry_to_record(entry: Entry) -> dict:
    """An entry as a plain record: exactly what one log line holds, and what
    `entries` shows programs (the log line format is storage's to read)."""
    return line_record(
        entry.id,
        entry.goal,
        entry.date.isoformat() if entry.date is not None else None,
        entry.op._value_,  # the plain str (`.value` is a property: slow per line)
        entry.value,
        entry.items,
        entry.note,
        entry.by,
        entry.recorded_at,
        entry.about,
        entry.reason,
        entry.batch,
        entry.verdict,
        entry.office,
        entry.evidence,
        entry.next_step,
        entry.next_by.isoformat() if entry.next_by is not None else None,
    )


def line_record(
    entry_id: str,
    goal: str,
    date: str | None,
    op: str,
    value: float | None,
    items,
    note: str,
    by: str,
    recorded_at: str,
    about: str | None,
    reason: str,
    batch: str | None,
    verdict: str = "",
    office: str = "",
    evidence=(),
    next_step: str = "",
    next_by: str | None = None,
) -> dict:
    """The one definition of a plain record's shape, from an entry's fields (`op`
    an Op's value, `date` ISO or None, `evidence` Evidence or [sha256, size,
    name] lists): entry_to_record's, and the log cache's for its compact
    lines, which never become Entry objects when a whole log is listed."""
    if op == "value" and goal and date is not None and not evidence and not next_step:
        # Nearly every line of a big log: the same record as below, built at once
        # (this runs once per line when a whole log is listed or a batch staged).
        record = {
            "id": entry_id,
            "goal": goal,
            "date": date,
            "value": plain_number(value),
            "note": note,
            "by": by,
            "recorded_at": recorded_at,
        }
        if batch:
            record["batch"] = batch
        return record
    record: dict = {"id": entry_id}
    if goal:
        record["goal"] = goal
    if date is not None:
        record["date"] = date
    if op == "retract":
        record["retracts"] = about
        record["reason"] = reason
    elif op == "verdict":
        record["verifies"] = about
        record["verdict"] = verdict
        record["office"] = office
        record["reason"] = reason
    elif op == "attach":
        record["attaches"] = about
    elif op == "value" or op == "total":
        record["value"] = plain_number(value)
        if op == "total":
            record["total"] = True
    elif op == "done":
        record["done"] = True
    elif op == "items":
        record["items"] = list(items) if items else []
    if evidence:
        record["evidence"] = [{"sha256": e[0], "size": e[1], "name": e[2]} for e in evidence]
    record["note"] = note
    if next_step:
        record["next_step"] = next_step
        if next_by is not None:
            record["next_by"] = next_by
    record["by"] = by
    record["recorded_at"] = recorded_at
    if batch:
        record["batch"] = batch
    return record


def mark_record(record: dict, marks: dict[str, str]) -> dict:
    """A plain record as `entries` lists it: whether it is retracted, and by
    which entry (`marks`: a retracted id → the id of the retraction naming it)."""
    entry_id = record["id"]
    record["retracted"] = entry_id in marks
    record["retracted_by"] = marks.get(entry_id)
    return record


def record_op(record: dict) -> Op:
    """What a plain record (line_record's shape) does: the inverse of its shape."""
    if "retracts" in record:
        return Op.RETRACT
    if "verifies" in record:
        return Op.VERDICT
    if "attaches" in record:
        return Op.ATTACH
    if "value" in record:
        return Op.TOTAL if record.get("total") else Op.VALUE
    if "done" in record:
        return Op.DONE
    if "items" in record:
        return Op.ITEMS
    return Op.CHECKIN
