"""`tracker check --signatures`: each verdict line and each withdrawal of a
proved verdict, the commit that added it and whether its signature proves it;
every problem located, or that there are none."""

from __future__ import annotations

from typing import NamedTuple

from tracker.model import VerdictAdded
from tracker.problems import Problem
from tracker.views.check import problem_lines
from tracker.views.report import Report
from tracker.words import say


class Judged(NamedTuple):
    """A verdict line (or the withdrawal of a proved one), and why it is not
    proved (None: it is). A retracted verdict counts for nothing, so it is
    listed but needs no proof."""

    added: VerdictAdded
    problem: Problem | None
    retracted: bool


def signatures_report(
    judged: list[Judged], withdrawn: list[Judged], problems: list[Problem], *, lang: str
) -> Report:
    """`problems`: every problem found, those of the verdicts and of the
    withdrawals of proved verdicts (`withdrawn`) among them."""

    def body() -> dict:
        return {
            "ok": not problems,
            "verdicts": [_record(j) for j in judged],
            "withdrawals": [_withdrawal(j) for j in withdrawn],
            "problems": [p.to_dict(lang) for p in problems],
        }

    def lines() -> tuple[str, ...]:
        if problems:
            return problem_lines(problems, lang)
        counting = sum(not j.retracted for j in judged)
        return (say("sig.ok", lang, verdicts=counting) if counting else say("sig.none", lang),)

    return Report("tracker.check-signatures/2", None, body, text=lines)


def _record(judged: Judged) -> dict:
    verdict = judged.added.verdict
    return {
        "id": verdict.id,
        "verifies": verdict.about,
        "verdict": verdict.verdict,
        "office": verdict.office,
        **_proof(judged),
        "retracted": judged.retracted,
        "proved": judged.problem is None,
    }


def _withdrawal(judged: Judged) -> dict:
    line = judged.added.verdict
    return {"id": line.id, "withdraws": line.about, **_proof(judged),
            "proved": judged.problem is None}  # fmt: skip


def _proof(judged: Judged) -> dict:
    """Where a line is and the commit that added it, with git's check."""
    line, commit = judged.added.verdict, judged.added.commit
    return {
        "file": line.origin.file,
        "line": line.origin.line,
        "in_tree": judged.added.in_tree,
        "commit": None
        if commit is None
        else {"sha": commit.sha, "author": commit.author, "date": commit.date.isoformat()},
        "signature": commit.signature.value if commit is not None else None,
        "signer": (commit.signer or None) if commit is not None else None,
    }
