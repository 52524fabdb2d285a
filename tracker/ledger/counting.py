"""Which log lines count: the one home of that rule, for the whole log held in
memory, the maintained cache (which applies it file by file), a batch and the
write rules alike.

A line counts when all of these hold:
- its batch is committed: a batch's lines count once its commit line is in
  the log (a batch cut off mid-write counts for nothing, and its lines
  neither retract nor hide another);
- it is not a line about another line (a retraction, a verdict, an
  attachment), and no retraction names its id, nor a verdict returning it
  (verification.py);
- no earlier entry of the log has its id (of lines sharing an id only the
  first counts; a line about a line hides nothing by its own id);
- its goal can count it (fits: the kind takes its operation, it has a date,
  its value is in range, its items are the goal's).
Among the lines of one goal and day, the later recorded wins (steps.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import itemgetter

from tracker.kinds import EFFECTS, NEVER_NEGATIVE
from tracker.ledger.verification import NO_DECISIONS, Decisions, decisions
from tracker.model import ABOUT_OPS, Entry, Goal, Op, Plan
from tracker.numbers import LARGEST
from tracker.problems import Problem, problem


def fits(goal: Goal, entry: Entry) -> bool:
    """Whether an entry is one this goal can count."""
    if entry.op not in EFFECTS[goal.kind] or entry.date is None:
        return False
    if entry.value is not None and not -LARGEST <= entry.value <= LARGEST:
        return False  # (rules.entries.within_range says so)
    if entry.value is not None and entry.value < 0 and entry.op in NEVER_NEGATIVE[goal.kind]:
        return False  # a count's negative increment or total (rules.entries says so)
    if entry.op is Op.ITEMS and not set(entry.items) <= set(goal.items):
        return False
    return True


# ── batches ──────────────────────────────────────────────────────────────────


def uncommitted(batches: Iterable[str], commits: set[str]) -> set[str]:
    """The batches the log has lines of but no commit line for: cut off."""
    return set(batches) - commits


def cut_off_problem(file: str, line: int | None, batch: str, count: int) -> Problem:
    """A batch without its commit line, at its first line: said by `check` and
    as a warning by every command, wherever the log was read from."""
    return problem(
        file, line, "uncommitted-batch", "batch_cut_off", "batch_run_again", batch=batch,
        count=count,
    )  # fmt: skip


def committed(entries: list[Entry], commits: set[str]) -> tuple[list[Entry], list[Problem]]:
    """The entries that are not of a cut-off batch, and a problem per cut-off batch."""
    if not any(e.batch for e in entries):
        return entries, []
    cut: dict[str, list[Entry]] = {}
    kept = []
    for entry in entries:
        if entry.batch and entry.batch not in commits:
            cut.setdefault(entry.batch, []).append(entry)
        else:
            kept.append(entry)
    found = []
    for batch, lost in cut.items():
        first = lost[0].origin
        found.append(cut_off_problem(first.file, first.line, batch, len(lost)))
    return kept, found


# ── retractions and repeated ids ─────────────────────────────────────────────


def retracted_ids(entries: Iterable[Entry]) -> set[str]:
    """The ids the (committed) retractions among `entries` name."""
    return {e.about for e in entries if e.op is Op.RETRACT and e.about}


def repeats(
    lines: Iterable[tuple[object, str, bool]],
    *,
    earlier_line: Callable[[str], bool] | None = None,
    earlier_entry: Callable[[str], bool] | None = None,
) -> tuple[list, list]:
    """Of committed lines in log order — (place, id, is about a line) — the
    places of those whose id an earlier line has ("repeated", what `check`
    reports), and of those the entries whose id an earlier entry has
    ("shadowed": they do not count). `earlier_line`/`earlier_entry`: whether
    a line (an entry) before all of these has the id, for a log read file by
    file."""
    seen: set[str] = set()
    seen_entries: set[str] = set()
    repeated: list = []
    shadowed: list = []
    for place, entry_id, retraction in lines:
        if entry_id in seen or (earlier_line is not None and earlier_line(entry_id)):
            repeated.append(place)
            if not retraction and (
                entry_id in seen_entries or (earlier_entry is not None and earlier_entry(entry_id))
            ):
                shadowed.append(place)
        seen.add(entry_id)
        if not retraction:
            seen_entries.add(entry_id)
    return repeated, shadowed


# ── what counts ──────────────────────────────────────────────────────────────


def counting(
    goal: Goal,
    entries: list[Entry],
    *,
    retracted: set[str] | frozenset = frozenset(),
    shadowed_lines: set[int] | frozenset = frozenset(),
    cut: set[str] | frozenset = frozenset(),
) -> list[Entry]:
    """Of a goal's entries (the log's, or one file's, in any order), those that
    count, in the same order: not retractions, not `retracted`, not at one of
    `shadowed_lines` (their file's line numbers), not of a `cut` batch, and
    fitting the goal."""
    # Whether the goal can count an entry depends only on its operation, value,
    # items and whether it has a date, and a big file repeats a few of them:
    # each is judged once.
    judged: dict[tuple, bool] = {}
    look = judged.get
    found = []
    keep = found.append
    excluding = bool(retracted or shadowed_lines or cut)  # most files: nothing
    if not excluding and all(map(_DATE, entries)):
        # One entry of each distinct (op, value, items), made at C speed: when
        # each of them counts (a file of plain increments), all entries do.
        alike = dict(zip(map(_RULED, entries), entries))
        for key, e in alike.items():
            judged[(*key, False)] = e.op not in ABOUT_OPS and fits(goal, e)
        if all(judged.values()):
            return list(entries)
    for e in entries:
        if e.op in ABOUT_OPS:
            continue
        if excluding and (
            e.id in retracted
            or (e.origin is not None and e.origin.line in shadowed_lines)
            or e.batch in cut
        ):
            continue
        key = (e.op, e.value, e.items, e.date is None)
        counts = look(key)
        if counts is None:
            counts = judged[key] = fits(goal, e)
        if counts:
            keep(e)
    return found


_DATE = itemgetter(Entry._fields.index("date"))
_RULED = itemgetter(3, 5, 6)  # an Entry's op, value, items: what fits() reads bar its date


def effective_by_goal(
    plan: Plan, entries: list[Entry], only: set[str] | None = None, *, verified: bool = False
) -> tuple[dict[str, list[Entry]], int]:
    """The committed `entries` (log order) that count, grouped by goal and
    sorted by Entry.sort_key, and how many were passed over (retracted and
    returned ones are not counted as passed over). `only`: group just these
    goals (the others get empty lists). `verified`: only the entries a
    counting verdict verified (the verified figure, verification.py)."""
    retracted = retracted_ids(entries)
    decided = decisions_of(plan, entries, retracted)
    excluded = retracted | decided.returned
    _, shadowed = repeats((i, e.id, e.op in ABOUT_OPS) for i, e in enumerate(entries))
    hidden = set(shadowed)
    goals = {g.id: g for g in plan.goals if only is None or g.id in only}
    by_goal: dict[str, list[Entry]] = {g.id: [] for g in plan.goals}
    ignored = 0
    for index, entry in enumerate(entries):
        if entry.op in ABOUT_OPS or entry.id in excluded:
            continue
        if verified and entry.id not in decided.verified:
            continue
        goal = goals.get(entry.goal)
        if goal is None:
            if plan.goal(entry.goal) is None:  # unknown goal; others are just not asked for
                ignored += 1
            continue
        if index in hidden:
            ignored += 1
            continue
        by_goal[goal.id].append(entry)
    grouped: dict[str, list[Entry]] = {}
    for goal_id, mine in by_goal.items():
        goal = goals.get(goal_id)
        kept = counting(goal, mine) if goal is not None else mine
        ignored += len(mine) - len(kept)
        kept.sort(key=Entry.sort_key.fget)
        grouped[goal_id] = kept
    return grouped, ignored


def decisions_of(plan: Plan, entries: list[Entry], retracted: set[str]) -> Decisions:
    """What the counting verdicts among `entries` (log order) decided."""
    verdicts = [e for e in entries if e.op is Op.VERDICT]
    if not verdicts:
        return NO_DECISIONS
    first: dict[str, Entry] = {}
    for e in entries:
        first.setdefault(e.id, e)
    return decisions(plan, verdicts, first.get, retracted=retracted)


def names_not_in_plan(plan: Plan, entries: Iterable[Entry]) -> list[str]:
    """What entries name that the plan no longer has (a renamed goal or item):
    'goal' or 'goal: item', once each, in log order. Retractions name their
    entry, not a goal, and are left to `check`."""
    found: dict[str, None] = {}
    for entry in entries:
        if entry.op in ABOUT_OPS:
            continue
        goal = plan.goal(entry.goal)
        if goal is None:
            found.setdefault(entry.goal)
        elif entry.op is Op.ITEMS:
            for item in entry.items:
                if item not in goal.items:
                    found.setdefault(f"{goal.id}: {item}")
    return list(found)
