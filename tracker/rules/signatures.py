"""Who verified is proved, not typed: a verdict line is proved when the commit
that added it to the log carries a good SSH signature (git's check, against
the repository's allowed_signers) by a principal that goals.toml lists among
the signers of the office the verdict names. Pure."""

from __future__ import annotations

from tracker.model import Commit, Plan, SignatureCheck, VerdictAdded
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


def unproved(plan: Plan, added: VerdictAdded) -> Problem | None:
    """Why the verdict is not proved, at its line (None: it is)."""
    verdict, commit = added.verdict, added.commit
    office = plan.office(verdict.office)
    name = office.name if office is not None else verdict.office
    file, line = verdict.origin.file, verdict.origin.line
    if commit is None:
        return problem(file, line, "verdict-not-committed", "sig.not_committed",
                       "sig.not_committed_fix", office=name)  # fmt: skip
    said = _commit(commit, in_tree=added.in_tree)
    if commit.signature is not SignatureCheck.GOOD:
        code, key, fix = _NOT_PROVED[commit.signature]
        return problem(file, line, code, key, fix, commit=said, key=commit.key)
    signers = office.signers if office is not None else ()
    if commit.signer in signers:
        return None
    if signers:
        fix = phrase("sig.signers_are", office=name, signers=Joined(signers))
    else:
        fix = phrase("sig.list_signers", office=name)
    return problem(file, line, "signer-not-for-office", "sig.wrong_office", fix, commit=said,
                   signer=commit.signer, office=name)  # fmt: skip


def _commit(commit: Commit, *, in_tree: bool) -> Phrase:
    key = "sig.commit" if in_tree else "sig.commit_gone"
    return phrase(key, short=commit.short, author=commit.author, date=commit.date.isoformat())
