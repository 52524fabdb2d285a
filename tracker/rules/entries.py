"""What log entries must satisfy, against the plan and the log around them.

Each rule returns problems located at the entry's file:line (or at the input a
new entry came from). `log_problems` runs them over the whole log for `tracker
check`; `write_problems` over new entries against the log as it stands, for
`tracker log`, workbooks and `tracker retract`. A `--from-json` batch, too big
to hold, runs the same pieces: `new_entry_problems` on each entry as it is
read, the rest over a summary of the batch (tracker.rules.batch). Pure.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterable, Iterator
from typing import Protocol

from tracker.kinds import EFFECTS, kind_of
from tracker.ledger import build_series, effective_by_goal, retracted_ids
from tracker.ledger.evidence import attached, finishing, moves, needing_evidence
from tracker.ledger.verification import decisions, verifiers, why_not_counted
from tracker.model import ABOUT_OPS, Entry, EvidenceRule, Goal, Op, Plan
from tracker.numbers import LARGEST
from tracker.problems import Problem, problem, suggest_or
from tracker.words import phrase

PART_OF_EPSILON = 1e-9


def at(entry: Entry, code: str, key: str, fix=None, /, **args) -> Problem:
    """A problem located where the entry came from."""
    origin = entry.origin
    file = origin.file if origin else "input"
    return problem(file, origin.line if origin else None, code, key, fix, **args)


# ── one entry against the plan ───────────────────────────────────────────────


def unknown_goal(plan: Plan, entry: Entry) -> list[Problem]:
    if entry.op in ABOUT_OPS or plan.goal(entry.goal) is not None:
        return []
    fix = suggest_or(entry.goal, [g.id for g in plan.goals], "see_goal_ids")
    return [at(entry, "unknown-goal", "unknown_goal", fix, goal=entry.goal)]


def fits_kind(plan: Plan, entry: Entry) -> list[Problem]:
    """The entry's operation is one its goal's kind takes: a count adds or states a
    total, a level reads, a milestone is done, a checklist ticks items."""
    goal = plan.goal(entry.goal)
    if goal is None or entry.op in ABOUT_OPS or entry.op in EFFECTS[goal.kind]:
        return []
    kind = kind_of(goal)
    return [
        at(
            entry,
            "wrong-kind",
            "op_does_not_fit",
            kind.how_to_log_key,
            goal=goal.id,
            kind=phrase(kind.name_key),
            what=phrase(f"op_{entry.op.value}"),
        )
    ]


def kind_values(plan: Plan, entry: Entry) -> list[Problem]:
    """What the goal's kind asks of a value: a count takes non-negative
    increments and totals, whole unless the goal counts in decimals (money,
    kilometres), and then with at most its places (tracker.kinds)."""
    goal = plan.goal(entry.goal)
    if goal is None or entry.value is None:
        return []
    return [
        at(entry, code, message, fix, **args)
        for code, _, message, fix, args in kind_of(goal).entry_complaints(goal, entry)
    ]


def known_items(plan: Plan, entry: Entry) -> list[Problem]:
    goal = plan.goal(entry.goal)
    if goal is None or entry.op is not Op.ITEMS:
        return []
    found = []
    for item in entry.items:
        if item not in goal.items:
            fix = suggest_or(item, goal.items, "items_are", items=", ".join(goal.items))
            found.append(at(entry, "unknown-item", "unknown_item", fix, item=item, goal=goal.id))
    return found


def within_plan(plan: Plan, entry: Entry) -> list[Problem]:
    if entry.date is not None and entry.date < plan.start:
        return [at(entry, "date", "before_plan", "inside_plan", date=entry.date, start=plan.start)]
    return []


def within_range(plan: Plan, entry: Entry) -> list[Problem]:
    """A value beyond numbers.LARGEST either way does not count (ledger.fits):
    a slip, and two near a float's limit would sum to infinity."""
    if entry.value is None or -LARGEST <= entry.value <= LARGEST:
        return []
    return [at(entry, "too-large", "value_too_large", "value_within_range",
               value=f"{entry.value:g}", largest=f"{LARGEST:g}")]  # fmt: skip


ENTRY_RULES = (unknown_goal, fits_kind, kind_values, known_items, within_plan, within_range)


# All that the single-entry rules (ENTRY_RULES, not_in_future,
# implausible_value) read of an entry besides where it came from: entries with
# the same key get the same problems, so a big log or batch runs them once per
# key. A rule that reads more of an entry adds it here; the log cache groups
# lines by these same fields (LogReader.alike).
RULE_FIELDS = ("goal", "date", "op", "value", "items")
rule_key = operator.itemgetter(*(Entry._fields.index(name) for name in RULE_FIELDS))
_RULE_KEY = rule_key


def entry_problems(plan: Plan, entry: Entry) -> list[Problem]:
    """What is wrong with one entry on its own, given the plan."""
    return [p for rule in ENTRY_RULES for p in rule(plan, entry)]


def not_in_future(entry: Entry, today: dt.date) -> list[Problem]:
    if entry.date is not None and entry.date > today:
        return [
            at(entry, "future", "future_date", "log_what_happened", date=entry.date, today=today)
        ]
    return []


# ── entries against the log ──────────────────────────────────────────────────


def duplicate_ids(earlier: Iterable[Entry], entries: list[Entry]) -> list[Problem]:
    """An id already used — by the log, or earlier in the same entries — is
    refused; in the log only the first counts."""
    first: dict[str, Entry] = {e.id: e for e in earlier}
    found = []
    for entry in entries:
        if entry.id in first:
            other = first[entry.id]
            where = str(other.origin) if other.origin and other.origin.line else phrase("the_log")
            fix = "copy_fix" if _same_line(entry, other) else "duplicate_fix"
            found.append(at(entry, "duplicate", "duplicate_id", fix, id=entry.id, where=where))
        else:
            first[entry.id] = entry
    return found


def _same_line(one: Entry, other: Entry) -> bool:
    """Two lines saying exactly the same thing: a copy (a merge, a pasted line)."""
    return (one.goal, one.date, one.op, one.value, one.items, one.note, one.by, one.recorded_at,
            one.about) == (other.goal, other.date, other.op, other.value, other.items,
                              other.note, other.by, other.recorded_at, other.about)  # fmt: skip


def about_targets(
    plan: Plan, earlier: list[Entry], entries: list[Entry], *, already_counts: bool
) -> list[Problem]:
    """A line about another line — a retraction, a verdict, an attachment —
    names an entry of the log (not itself such a line), of the same goal. A
    verdict counts only as tracker.ledger.verification says (on an entry
    neither retracted nor decided, not by its own author, from an office that
    verifies its goal): every verdict that would not count is refused, and
    `check` says why each in the log does not. With `already_counts`,
    retracting what is already retracted is refused too (a new retraction
    would change nothing)."""
    by_id = {e.id: e for e in (*earlier, *entries)}
    first: dict[str, Entry] = {}
    for e in (*earlier, *entries):
        first.setdefault(e.id, e)
    gone = retracted_ids(earlier) if already_counts else set()  # retracting twice
    retracted = retracted_ids((*earlier, *entries))  # a verdict on what is retracted counts not
    decided: set[str] = set()
    if already_counts:
        verdicts = [e for e in earlier if e.op is Op.VERDICT]
        decided = set(decisions(plan, verdicts, first.get, retracted=retracted).decided)
    found = []
    for entry in entries:
        if entry.op is Op.RETRACT:
            found += _retraction_target(entry, by_id.get(entry.about), gone)
            gone.add(entry.about)
        elif entry.op is Op.VERDICT:
            target = first.get(entry.about)
            key = why_not_counted(plan, entry, target, retracted=retracted, decided=decided)
            if key is None:
                decided.add(target.id)
            else:
                found.append(_verdict_problem(plan, entry, target, key))
        elif entry.op is Op.ATTACH:
            target = by_id.get(entry.about)
            if target is None:
                found.append(at(entry, "unknown-entry", "attach_unknown", "name_entry_id",
                                id=entry.about))  # fmt: skip
            elif target.op in ABOUT_OPS:
                found.append(at(entry, "attach-about", "attach_to_line_about_line",
                                "attach_to_entry", id=entry.about))  # fmt: skip
            elif entry.goal and entry.goal != target.goal:
                found.append(at(entry, "attach-goal", "about_other_goal", "leave_goal_out",
                                goal=entry.goal, id=entry.about,
                                target_goal=target.goal))  # fmt: skip
            elif entry.about in gone:  # (with `already_counts`: a new attachment)
                found.append(at(entry, "attach-retracted", "attach_retracted",
                                "attach_to_entry", id=entry.about))  # fmt: skip
    return found


def _retraction_target(entry: Entry, target: Entry | None, gone: set[str]) -> list[Problem]:
    if target is None:
        return [at(entry, "unknown-entry", "retract_unknown", "name_entry_id", id=entry.about)]
    if target.op is Op.RETRACT:  # a verdict or an attachment may be retracted, as an entry
        return [at(entry, "retract-retraction", "retract_retraction", "log_again", id=entry.about)]
    if entry.goal and entry.goal != target.goal:
        return [
            at(
                entry,
                "retract-goal",
                "retract_other_goal",
                "leave_goal_out",
                goal=entry.goal,
                id=entry.about,
                target_goal=target.goal,
            )  # fmt: skip
        ]
    if entry.about in gone:
        return [at(entry, "already-retracted", "already_retracted", id=entry.about)]
    return []


def _verdict_problem(plan: Plan, verdict: Entry, target: Entry | None, key: str) -> Problem:
    """Why a verdict does not count, at the verdict, with what to do."""
    args: dict = {"id": verdict.about or "", "office": verdict.office or "—"}
    fix = None
    if key == "verdict_unknown_entry":
        fix = "name_entry_id"
    elif key == "verdict_already_decided":
        fix = "verdict_retract_first"
    elif key == "verdict_own_entry":
        args["by"] = verdict.by
        fix = "verdict_someone_else"
    elif key == "verdict_not_a_verifier":
        goal = plan.goal(target.goal)
        args["offices"] = "、".join(verifiers(plan, goal)) or "—"
        args["goal"] = target.goal
        fix = "verdict_from_verifier"
        if not verdict.office:  # (a batch's record that names none)
            key = "verdict_needs_office"
    elif key == "verdict_not_required":
        args["goal"] = target.goal if target is not None else ""
    elif key == "return_needs_reason":
        fix = "return_reason_record_fix"
    return at(verdict, "verdict", key, fix, **args)


def repeats(plan: Plan, existing: list[Entry], new: list[Entry]) -> list[Problem]:
    """A milestone done twice, or a checklist item ticked twice, is a mistake."""
    ticking = {e.goal for e in new if e.op in (Op.DONE, Op.ITEMS)}
    if not ticking:
        return []
    grouped, _ = effective_by_goal(plan, existing, ticking)
    ticked: dict[str, dict[str, dt.date]] = {}
    for goal_id in ticking:
        marks: dict[str, dt.date] = {}
        for entry in grouped.get(goal_id, ()):
            for item in _ticks(entry):
                marks.setdefault(item, entry.date)
        ticked[goal_id] = marks
    found = []
    for entry in new:
        marks = ticked.get(entry.goal, {})
        for item in _ticks(entry):
            if item in marks:
                what = phrase("it_was") if item == "done" else phrase("item_was", item=item)
                found.append(
                    at(
                        entry,
                        "repeat",
                        "already_done",
                        "retract_first",
                        goal=entry.goal,
                        what=what,
                        date=marks[item],
                    )
                )
            marks[item] = entry.date
    return found


def _ticks(entry: Entry) -> tuple[str, ...]:
    """What an entry marks done: its checklist items, or the milestone itself."""
    return entry.items or (("done",) if entry.op is Op.DONE else ())


def part_of_violations(
    plan: Plan, entries: list[Entry], only: set[str] | None = None
) -> list[tuple[str, Problem]]:
    """A part may never exceed its whole: check every day either one changes.
    Returns (part goal id, problem), the first violating day of each part.
    `only`: check just the part/whole pairs that involve these goals."""
    pairs = _part_pairs(plan, only)
    if not pairs:
        return []
    grouped, _ = effective_by_goal(plan, entries, {g.id for pair in pairs for g in pair})
    series = {g.id: build_series(g, grouped[g.id]) for pair in pairs for g in pair}
    return _parts_exceeding(pairs, series, lambda goal, day: grouped[goal.id])


def _part_pairs(plan: Plan, only: set[str] | None = None) -> list[tuple]:
    pairs = [(g, plan.goal(g.part_of)) for g in plan.goals if g.part_of and plan.goal(g.part_of)]
    if only is not None:
        pairs = [(g, p) for g, p in pairs if g.id in only or p.id in only]
    return pairs


def _parts_exceeding(pairs, series, counting) -> list[tuple[str, Problem]]:
    """part_of_violations over each goal's series; `counting(goal, day)` gives the
    goal's counting entries, sorted, at least those dated on or before `day`."""
    found = []
    for goal, parent in pairs:
        child_series, parent_series = series[goal.id], series[parent.id]
        for day in sorted(set(child_series.days) | set(parent_series.days)):
            child = child_series.value_on(day) or 0
            whole = parent_series.value_on(day) or 0
            if child > whole + PART_OF_EPSILON:
                culprit = _culprit(counting(goal, day), counting(parent, day), day)
                found.append(
                    (
                        goal.id,
                        at(
                            culprit,
                            "part-of-exceeded",
                            "part_exceeds_whole",
                            "log_whole_first",
                            goal=goal.id,
                            value=f"{child:g}",
                            day=day,
                            parent=parent.id,
                            whole=f"{whole:g}",
                        ),
                    )
                )
                break
    return found


def _culprit(child_entries: list[Entry], parent_entries: list[Entry], day: dt.date) -> Entry:
    """The entry to blame: the part's own entry that day if it changed, else the
    whole's (a lower running total), else the part's latest before."""
    for entries in (child_entries, parent_entries):
        on_day = [e for e in entries if e.date == day]
        if on_day:
            return max(on_day, key=Entry.sort_key.fget)
    return [e for e in child_entries if e.date <= day][-1]


# ── evidence files a goal asks for (ledger.evidence) ─────────────────────────


def carries_evidence(plan: Plan, entry: Entry) -> list[Problem]:
    """A new entry that moves a goal whose rule is `every` carries its files
    itself (they cannot be attached to an entry not yet written)."""
    goal = plan.goal(entry.goal)
    if entry.evidence or goal is None or goal.evidence is not EvidenceRule.EVERY:
        return []
    if entry.op in ABOUT_OPS or not moves(goal, entry):
        return []
    return [at(entry, "evidence-required", "evidence_required_every", "evidence_required_fix",
               goal=goal.id)]  # fmt: skip


def finishes_without_evidence(plan: Plan, existing: list[Entry], new: list[Entry]) -> list[Problem]:
    """A new entry that brings a goal whose rule is `done` to its target (its
    milestone done, its last item, its target met) carries its files itself."""
    bare = {e.id for e in new if not e.evidence and e.op not in ABOUT_OPS}
    goals = {
        e.goal for e in new
        if e.id in bare and (g := plan.goal(e.goal)) is not None
        and g.evidence is EvidenceRule.DONE
    }  # fmt: skip
    if not goals:
        return []
    grouped, _ = effective_by_goal(plan, [*existing, *new], goals)
    return [
        at(entry, "evidence-required", "evidence_required_done", "evidence_required_fix",
           goal=goal_id)
        for goal_id in sorted(goals)
        for entry in finishing(plan.goal(goal_id), grouped[goal_id])
        if entry.id in bare
    ]  # fmt: skip


def evidence_missing(plan: Plan, log: LogReader) -> list[Problem]:
    """Entries of the log that a goal's evidence rule asks files of and that
    have none, their own or attached since: each at its line."""
    found = [
        at(e, "evidence-missing", f"evidence_required_{goal.evidence.value}",
           "evidence_attach_later", goal=goal.id, id=e.id)
        for goal, e in without_evidence(plan, log)
    ]  # fmt: skip
    return sorted(found, key=lambda p: (p.file, p.line or 0))


def without_evidence(
    plan: Plan, log: LogReader, goals: set[str] | None = None
) -> list[tuple[Goal, Entry]]:
    """(goal, entry) for each entry a goal's evidence rule asks files of that
    has none, its own or attached since (of `goals` only, when given)."""
    found = []
    for goal in plan.goals:
        if goal.evidence is EvidenceRule.NONE or (goals is not None and goal.id not in goals):
            continue
        lines = log.lines_of(goal.id)
        grouped, _ = effective_by_goal(plan, lines, {goal.id})
        asked = needing_evidence(goal, grouped[goal.id])
        if not asked:
            continue
        first: dict[str, Entry] = {}
        for line in lines:
            first.setdefault(line.id, line)
        having = {a.entry.id for a in attached(lines, entry_of=first.get,
                                               retracted=retracted_ids(lines))}  # fmt: skip
        found += [(goal, e) for e in asked if e.id not in having]
    return found


def unproved_reports(plan: Plan, log: LogReader, targets: list[Entry]) -> list[Entry]:
    """Of the reports about to be verified, those their goal's evidence rule
    asks files of and that have none yet: 销号 waits for the proof."""
    ids = {t.id for t in targets}
    return [e for _, e in without_evidence(plan, log, {t.goal for t in targets}) if e.id in ids]


# ── the two runs ─────────────────────────────────────────────────────────────


class LogReader(Protocol):
    """What `tracker check` needs of a log, so a whole log held in memory and the
    log cache (tracker.storage.logcache) answer it alike. Entries of a batch
    that was cut off are not in it."""

    def alike(self, fields: tuple[str, ...]) -> Iterator[list[tuple[Entry, list[int | None]]]]:
        """Per log file, in log order: its entries grouped by these fields
        (RULE_FIELDS), as (one of them, the lines of them all)."""

    def sharing_ids(self) -> list[Entry]:
        """Every line whose id another line has too, in log order."""

    def about_lines_and_targets(self) -> list[Entry]:
        """Every line about another line (a retraction, a verdict, an
        attachment) and every line with an id one names, in log order."""

    def series(self) -> dict:
        """Each goal's Series as reported (returned reports aside)."""

    def counting(self, goal, day: dt.date) -> list[Entry]:
        """The goal's counting entries, sorted: at least those on `day`; all of
        them up to `day` if none is on it."""

    def lines_of(self, goal_id: str) -> list[Entry]:
        """The goal's lines (lines about its entries too), in log order."""


def log_problems(
    plan: Plan, entries: list[Entry], *, today: dt.date | None = None
) -> list[Problem]:
    """Everything `tracker check` reports about a parsed log."""
    return check_log(plan, ListLog(plan, entries), today=today)[0]


def check_log(
    plan: Plan, log: LogReader, *, today: dt.date | None = None
) -> tuple[list[Problem], int]:
    """Everything `tracker check` reports about a log, and how many entries it
    has. Each entry rule runs once per group of entries it cannot tell apart;
    what it finds is placed at every line of the group."""
    found = duplicate_ids((), log.sharing_ids())
    said: dict[tuple, list[Problem]] = {}
    count = 0
    for groups in log.alike(RULE_FIELDS):
        placed = []
        for entry, lines in groups:
            count += len(lines)
            key = rule_key(entry)
            if key not in said:
                own = entry_problems(plan, entry)
                said[key] = own + (not_in_future(entry, today) if today is not None else [])
            file = entry.origin.file if entry.origin else "input"
            if said[key]:  # most groups say nothing: their lines are not walked
                placed += [(line or 0, i, file, p) for line in lines
                           for i, p in enumerate(said[key])]  # fmt: skip
        placed.sort(key=lambda t: t[:2])
        found += [p._replace(file=file, line=line or None) for line, _, file, p in placed]
    found += about_targets(plan, [], log.about_lines_and_targets(), already_counts=False)
    pairs = _part_pairs(plan)
    if pairs:
        found += [p for _, p in _parts_exceeding(pairs, log.series(), log.counting)]
    found += evidence_missing(plan, log)
    return found, count


class ListLog:
    """A LogReader over entries held in memory (read_log's, in log order)."""

    def __init__(self, plan: Plan, entries: list[Entry]):
        self.plan = plan
        self.entries = entries
        self._grouped = None

    def alike(self, fields):
        key_of = operator.itemgetter(*(Entry._fields.index(name) for name in fields))
        files: dict[str | None, dict[tuple, tuple[Entry, list]]] = {}
        for e in self.entries:
            file = e.origin.file if e.origin else None
            key = key_of(e)
            group = files.setdefault(file, {}).setdefault(key, (e, []))
            group[1].append(e.origin.line if e.origin else None)
        for groups in files.values():
            yield list(groups.values())

    def sharing_ids(self):
        seen: dict[str, int] = {}
        for e in self.entries:
            seen[e.id] = seen.get(e.id, 0) + 1
        return [e for e in self.entries if seen[e.id] > 1]

    def about_lines_and_targets(self):
        named = {e.about for e in self.entries if e.op in ABOUT_OPS}
        return [e for e in self.entries if e.op in ABOUT_OPS or e.id in named]

    def _effective(self):
        if self._grouped is None:
            self._grouped = effective_by_goal(self.plan, self.entries)[0]
        return self._grouped

    def series(self):
        return {g.id: build_series(g, self._effective()[g.id]) for g in self.plan.goals}

    def counting(self, goal, day):
        return self._effective()[goal.id]

    def lines_of(self, goal_id):
        return [e for e in self.entries if e.goal == goal_id]


def write_problems(
    plan: Plan, existing: list[Entry], new: list[Entry], *, today: dt.date, force: bool = False
) -> list[Problem]:
    """Everything that refuses a write: each new entry on its own, then what it
    would do to the log (repeats, retractions, a part exceeding its whole).
    `force` lets an implausible value through (the user says it is right).
    A streamed batch runs the same pieces over what each needs (tracker.writes)."""
    found = duplicate_ids(existing, new)
    for entry in new:
        found += new_entry_problems(plan, entry, today=today, force=force)
    found += about_targets(plan, existing, new, already_counts=True)
    if found:
        return found
    return effect_problems(plan, existing, new)


# The most one note (or a retraction's reason) may hold, wherever it enters: a
# line of the log is read by every command, and a 100 KB workbook must not add
# 100 MB to it through one cell.
TEXT_LIMIT = 2000


def within_length(entry: Entry) -> list[Problem]:
    return [
        at(entry, "too-long", "note_too_long", "note_too_long_fix", field=phrase(f"word_{name}"),
           length=len(text), limit=TEXT_LIMIT)
        for name, text in (("note", entry.note), ("reason", entry.reason))
        if len(text) > TEXT_LIMIT
    ]  # fmt: skip


def new_entry_problems(
    plan: Plan, entry: Entry, *, today: dt.date, force: bool = False, passed: set | None = None
) -> list[Problem]:
    """What refuses one new entry on its own: the plan's rules, a future date,
    and (unless forced) an implausible value.

    `passed` (a batch's): the rule_key of entries that passed them; an entry
    with the same key passes too, without running them again (a big batch
    repeats a few such keys a million times)."""
    # Text and files are no part of rule_key: every entry is measured.
    measured = within_length(entry) + carries_evidence(plan, entry)
    if passed is not None:
        key = _RULE_KEY(entry)  # rule_key's, without a call per entry of a batch
        if key in passed:
            return measured
    found = measured + entry_problems(plan, entry)
    found += not_in_future(entry, today)
    if not force:
        found += implausible_value(plan, entry)
    if passed is not None and found == measured:
        passed.add(key)
    return found


def effect_problems(plan: Plan, existing: list[Entry], new: list[Entry]) -> list[Problem]:
    """What new entries would do to the log: a milestone or item done again, a
    part exceeding its whole on any day (unless it already did before them).
    `new` may stand in for more entries, as long as it gives every goal the
    same series and the same entry to blame (tracker.writes' batch summary)."""
    found = repeats(plan, existing, new) + finishes_without_evidence(plan, existing, new)
    touched = {e.goal for e in new}
    already_over = {goal_id for goal_id, _ in part_of_violations(plan, existing, touched)}
    for goal_id, found_problem in part_of_violations(plan, existing + new, touched):
        if goal_id not in already_over:
            found.append(found_problem)
    return found


# ── plausibility (new entries only, unless forced) ───────────────────────────


def implausible_value(plan: Plan, entry: Entry) -> list[Problem]:
    """A value far outside what the goal can take is most likely a slip (a
    percentage typed for a count, a forgotten --date, a digit too many): a level
    above 100 % or beyond 10× its target, an increment larger than the whole
    target, a total beyond 10× the target (each kind says which). Not a `check`
    rule: a forced entry already in the log stays valid."""
    goal = plan.goal(entry.goal)
    if goal is None or entry.value is None or entry.op not in (Op.VALUE, Op.TOTAL):
        return []
    key = kind_of(goal).implausible(goal, entry)
    if key is None:
        return []
    args = {"goal": goal.id, "value": f"{entry.value:g}", "target": f"{abs(goal.target or 0):g}"}
    unit = goal.unit or phrase("units")
    return [at(entry, "implausible", key, phrase("implausible_fix", unit=unit), **args)]
