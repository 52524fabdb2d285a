"""Naming things on the command line: a goal or a log entry from what a person
typed, or a located problem saying why it names none (or several)."""

from __future__ import annotations

import unicodedata

from tracker.model import Entry, Goal, Plan, entry_to_record
from tracker.problems import TrackerError, UsageError, problem, suggest_or
from tracker.words import phrase

ENTRY_PREFIX_MIN = 4
AMBIGUOUS_SHOWN = 8  # candidates listed when a reference names several goals


def resolve_goal(plan: Plan, text: str) -> Goal:
    """The goal a person means by `text`, tried in this order: the exact id; the
    id in any case; the number `tracker goals` shows (1-based, plan order); a
    unique start of the id; words that all occur in one goal's title or
    title_en. Full-width letters and digits count as their ASCII forms (NFKC).

    Several goals → a usage error listing them (nothing is written); none →
    bad input (exit 3) with a suggestion."""
    goal = plan.goal(text)
    if goal is not None:
        return goal
    wanted = _folded(text)
    if not wanted:
        raise TrackerError(
            problem("tracker", None, "unknown-goal", "unknown_goal", "see_goal_ids", goal=text)
        )
    for step in (_by_id, _by_number, _by_prefix, _by_title):
        found = step(plan, wanted)
        if len(found) == 1:
            return found[0]
        if found:
            raise _ambiguous(text, found)
    fix = suggest_or(text, [g.id for g in plan.goals], "goal_refs_are")
    raise TrackerError(problem("tracker", None, "unknown-goal", "unknown_goal", fix, goal=text))


def _composed(text: str) -> str:
    """A name in the normal form the plan's names are read in (NFC)."""
    return unicodedata.normalize("NFC", text)


def _folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _by_id(plan: Plan, wanted: str) -> list[Goal]:
    return [g for g in plan.goals if g.id.casefold() == wanted]


def _by_number(plan: Plan, wanted: str) -> list[Goal]:
    number = wanted.removeprefix("#").removeprefix("№").removeprefix("no.").strip()
    if number.isascii() and number.isdigit() and 1 <= int(number) <= len(plan.goals):
        return [plan.goals[int(number) - 1]]
    return []


def _by_prefix(plan: Plan, wanted: str) -> list[Goal]:
    return [g for g in plan.goals if g.id.casefold().startswith(wanted)]


def _by_title(plan: Plan, wanted: str) -> list[Goal]:
    words = wanted.split()
    return [
        g
        for g in plan.goals
        if all(w in _folded(g.title) or w in _folded(g.title_en) for w in words)
    ]


def _ambiguous(text: str, goals: list[Goal]) -> UsageError:
    shown = goals[:AMBIGUOUS_SHOWN]
    zh = "；".join(f"{g.id}（{g.title}）" for g in shown)
    en = "; ".join(f"{g.id} ({g.title_en})" for g in shown)
    if len(goals) > len(shown):
        zh, en = zh + "；…", en + "; …"
    return UsageError(
        "goal_ambiguous",
        "goal_ambiguous_fix",
        text=text,
        count=len(goals),
        candidates=phrase("either_language", zh=zh, en=en),
    )


def resolve_entry(entries: list[Entry], text: str) -> Entry:
    """An entry by id or unique id prefix (at least 4 characters)."""
    exact = [e for e in entries if e.id == text]
    if exact:
        return exact[0]
    matches = [e for e in entries if len(text) >= ENTRY_PREFIX_MIN and e.id.startswith(text)]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        shown = sorted(matches, key=Entry.sort_key.fget)[:AMBIGUOUS_SHOWN]
        listed = "; ".join(entry_line(e) for e in shown)
        if len(matches) > len(shown):
            listed += "; …"
        raise UsageError(
            "prefix_matches_many", "give_more_of_id", text=text, count=len(matches), ids=listed
        )
    fix = "entry_ids_shown" if len(text) >= ENTRY_PREFIX_MIN else "entry_ids_shown_min"
    raise TrackerError(
        problem(
            "tracker", None, "unknown-entry", "no_such_entry", fix, text=text, min=ENTRY_PREFIX_MIN
        )
    )


def entry_line(entry: Entry) -> str:
    """An entry in a few words, to tell it from others: id, goal, date, what it did."""
    record = entry_to_record(entry)
    if "value" in record:
        what = ("= " if record.get("total") else "") + str(record["value"])
    elif record.get("done"):
        what = "✔"
    elif "items" in record:
        what = "✔ " + "、".join(record["items"])
    elif "retracts" in record:
        what = "↺ " + str(record["retracts"])[:8]
    elif "attaches" in record:
        what = "→ " + str(record["attaches"])[:8]
    else:
        what = "…"
    return f"{entry.id[:12]} {entry.goal} {entry.date} {what}"


def resolve_area(plan: Plan, text: str) -> str:
    """A focus area's id; an unknown one is a usage error listing the areas."""
    if plan.area(text) is not None:
        return text
    if plan.area(_composed(text)) is not None:
        return _composed(text)
    ids = [a.id for a in plan.areas]
    raise UsageError(
        "unknown_area", suggest_or(text, ids, "areas_are", areas=", ".join(ids)), area=text
    )


def resolve_owner(plan: Plan, text: str) -> str:
    """An office, by its full name or (where the plan lists its offices) its
    short name, as its full name in the plan's spelling: typed in another
    normal form (decomposed, a CJK compatibility ideograph) it is the same
    office."""
    typed = _composed(text.strip())
    listed = plan.office(typed)
    if listed is not None:
        return listed.name
    owners = sorted(
        {office for g in plan.goals for office in (*g.owners, *g.verified_by)}
        | set(plan.verification.offices)
    )
    if typed in owners:
        return typed
    names = owners + sorted(o.short for o in plan.offices if o.short)
    fix = suggest_or(text, names, "owners_are", owners=", ".join(names))
    raise UsageError("unknown_owner", fix, owner=text)


def resolve_verifier(plan: Plan, goal_ids: list[str], text: str | None) -> str:
    """The office giving a verdict on entries of these goals: the one typed (by
    its full or short name), else the one office that verifies them all. None
    typed and several could: a usage error listing them; none could: '' (the
    rules say why no verdict counts there)."""
    from tracker.ledger.verification import verifiers

    goals = [g for g in map(plan.goal, goal_ids) if g is not None]
    offices = [set(verifiers(plan, g)) for g in goals]
    common = sorted(set.intersection(*offices)) if offices else []
    if text is None:
        if len(common) > 1:
            raise UsageError("verify_which_office", "verify_office_fix", offices="、".join(common))
        return common[0] if common else ""
    typed = _composed(text.strip())
    listed = plan.office(typed)
    if listed is not None:
        return listed.name
    known = sorted({o for g in plan.goals for o in verifiers(plan, g)})
    if typed in known:
        return typed
    names = known + sorted(o.short for o in plan.offices if o.short and o.name in known)
    fix = suggest_or(text, names, "verifiers_are", offices="、".join(names) or "—")
    raise UsageError("unknown_verifier", fix, office=text)
