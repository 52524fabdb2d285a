"""Who verified is proved, not typed: a verdict line is proved when the commit
that added it to the log carries a good SSH signature (git's check, against
the repository's allowed_signers) by a principal that goals.toml lists among
the signers of the office the verdict names; so is the withdrawal of a
proved verdict, by a signer of that same office. Pure."""

from __future__ import annotations

from tracker.model import Commit, Entry, Office, Op, Plan, SignatureCheck, VerdictAdded
from tracker.problems import Problem, problem
from tracker.words import Joined, Phrase, phrase

# A commit whose signature proves nothing: the problem's code, message and fix.
_NOT_PROVED = {
    SignatureCheck.UNSIGNED: ("unsigned-verdict", "sig.unsigned", "sig.unsigned_fix"),
    SignatureCheck.UNKNOWN_KEY: ("unknown-signer", "sig.unknown_key", "sig.unknown_key_fix"),
    SignatureCheck.EXPIRED: ("expired-key", "sig.expired", "sig.expired_fix"),
    SignatureCheck.BAD: ("bad-signature", "sig.bad", "sig.bad_fix"),
    SignatureCheck.UNCHECKED: ("unchecked-signature", "sig.unchecked", "sig.unchecked_fix"),
}


def unproved(plan: Plan, added: VerdictAdded, office: str | None = None) -> Problem | None:
    """Why the line is not proved, at its line (None: it is). A verdict is
    judged by the signers of the office it names; the withdrawal of a verdict
    (a retraction naming one) by those of `office`, the withdrawn verdict's."""
    line, commit = added.verdict, added.commit
    withdrawal = line.op is Op.RETRACT
    found, name = _office(plan, (office or "") if withdrawal else line.office)
    what = phrase("sig.this_withdrawal" if withdrawal else "sig.this_verdict")
    file, at = line.origin.file, line.origin.line
    if commit is None:
        return problem(file, at, "verdict-not-committed", "sig.not_committed",
                       "sig.not_committed_fix", office=name, what=what)  # fmt: skip
    said = _commit(commit, in_tree=added.in_tree)
    if commit.signature is not SignatureCheck.GOOD:
        code, key, fix = _NOT_PROVED[commit.signature]
        if withdrawal:
            fix = phrase("sig.withdrawal_fix", office=name)
        return problem(file, at, code, key, fix, commit=said, key=commit.key, what=what)
    signers = found.signers if found is not None else ()
    if commit.signer in signers:
        return None
    if signers:
        fix = phrase("sig.signers_are", office=name, signers=Joined(signers))
    else:
        fix = phrase("sig.list_signers", office=name)
    return problem(file, at, "signer-not-for-office", "sig.wrong_office", fix, commit=said,
                   signer=commit.signer, office=name, what=what)  # fmt: skip


def _office(plan: Plan, named: str) -> tuple[Office | None, str]:
    """The office a verdict names (by its full or short name), and its full
    name (as named, where the plan lists no such office)."""
    office = plan.office(named)
    return office, office.name if office is not None else named


def _commit(commit: Commit, *, in_tree: bool) -> Phrase:
    key = "sig.commit" if in_tree else "sig.commit_gone"
    return phrase(key, short=commit.short, author=commit.author, date=commit.date.isoformat())


def changed_after(
    plan: Plan, added: VerdictAdded, report: Entry, as_verified: bool
) -> Problem | None:
    """A proved verdict vouches for its report as it stood when the verdict
    was committed: the report's line that counts now (`report`) must be one a
    commit added before, or with, the verdict's (`as_verified`). An edited
    line, or another line of its id put before it, is not what was verified."""
    if as_verified:
        return None
    _, name = _office(plan, added.verdict.office)
    return problem(report.origin.file, report.origin.line, "verified-entry-changed",
                   "sig.changed_after", phrase("sig.changed_after_fix", office=name),
                   id=report.id, commit=_commit(added.commit, in_tree=added.in_tree))  # fmt: skip
