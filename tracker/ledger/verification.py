"""Which reports the supervision office has verified (已核实) or returned (退回):
the verdicts that count. A goal whose reports need verifying has two figures —
what its offices reported and what was verified — and the plan says which one
decides its state. Pure.

A verdict counts when all of these hold (its batch committed, as any line):
- no retraction names it;
- it names an entry (not a line about a line) of the log, one no retraction names;
- no earlier verdict that counts names that entry (the first decides);
- it was not written by the entry's own author (nobody verifies their own figure);
- it is given for an office that verifies the entry's goal.
A returned entry counts in neither figure (the office reports again)."""

from collections.abc import Callable, Iterable
from typing import NamedTuple

from tracker.model import ABOUT_OPS, Decides, Entry, Goal, Op, Plan, Verdict


def required(plan: Plan, goal: Goal) -> bool:
    """Whether the goal's reports need verifying."""
    return plan.verification.required if goal.verify is None else goal.verify


def verifiers(plan: Plan, goal: Goal) -> tuple[str, ...]:
    """The offices that verify the goal's reports."""
    return goal.verified_by or plan.verification.offices


def decided_by_verified(plan: Plan, goal: Goal) -> bool:
    """Whether the goal's state follows its verified figure."""
    return required(plan, goal) and plan.verification.decides is Decides.VERIFIED


class Decisions(NamedTuple):
    """The entries the counting verdicts decided, and by which verdict."""

    verified: frozenset[str]
    returned: frozenset[str]
    verdict_of: dict[str, Entry]  # an entry id → the verdict that decided it

    @property
    def decided(self) -> frozenset[str]:
        return self.verified | self.returned


NO_DECISIONS = Decisions(frozenset(), frozenset(), {})


def why_not_counted(
    plan: Plan,
    verdict: Entry,
    target: Entry | None,
    *,
    retracted: set[str] | frozenset,
    decided: set[str] | frozenset,
) -> str | None:
    """Why a verdict does not count (a catalogue key), or None when it does."""
    if verdict.id in retracted:
        return "verdict_retracted"
    if target is None:
        return "verdict_unknown_entry"
    if target.op in ABOUT_OPS:
        return "verdict_on_line_about_line"
    if target.op is Op.CHECKIN:
        return "verdict_on_note"  # a note moves nothing: nothing to verify
    if verdict.verdict == Verdict.RETURNED.value and not verdict.reason.strip():
        return "return_needs_reason"
    if target.id in retracted:
        return "verdict_on_retracted"
    if target.id in decided:
        return "verdict_already_decided"
    if verdict.by and verdict.by == target.by:
        return "verdict_own_entry"
    goal = plan.goal(target.goal)
    if goal is None or not required(plan, goal):
        return "verdict_not_required"
    if verdict.office not in verifiers(plan, goal):
        return "verdict_not_a_verifier"
    return None


def decisions(
    plan: Plan,
    verdicts: Iterable[Entry],
    target_of: Callable[[str], Entry | None],
    *,
    retracted: set[str] | frozenset,
) -> Decisions:
    """The verdicts that count (committed ones, in log order) and what they
    decided. `target_of(id)`: the first committed line of the log with that id."""
    verified: set[str] = set()
    returned: set[str] = set()
    verdict_of: dict[str, Entry] = {}
    for verdict in verdicts:
        if verdict.op is not Op.VERDICT:
            continue
        target = target_of(verdict.about) if verdict.about else None
        decided = verified | returned
        if why_not_counted(plan, verdict, target, retracted=retracted, decided=decided):
            continue
        (verified if verdict.verdict == Verdict.VERIFIED.value else returned).add(target.id)
        verdict_of[target.id] = verdict
    return Decisions(frozenset(verified), frozenset(returned), verdict_of)


def awaiting(plan: Plan, grouped: dict[str, list[Entry]], decided: Decisions) -> dict[str, tuple]:
    """Each goal's reports still waiting for a verdict: of the goals whose
    reports need verifying, the counting entries (`grouped`, as
    ledger.counting groups them) that move it and no counting verdict decided."""
    return {
        goal.id: tuple(
            e for e in grouped[goal.id] if e.op is not Op.CHECKIN and e.id not in decided.decided
        )
        for goal in plan.goals
        if required(plan, goal)
    }
