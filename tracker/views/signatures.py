"""`tracker check --signatures`: each verdict line, the commit that added it and
whether its signature proves it; every problem located, or that there are none."""

from __future__ import annotations

from typing import NamedTuple

from tracker.model import VerdictAdded
from tracker.problems import Problem
from tracker.views.check import problem_lines
from tracker.views.report import Report
from tracker.words import say


class Judged(NamedTuple):
    """A verdict line, and why it is not proved (None: it is). A retracted
    verdict counts for nothing, so it is listed but needs no proof."""

    added: VerdictAdded
    problem: Problem | None
    retracted: bool


def signatures_report(judged: list[Judged], problems: list[Problem], *, lang: str) -> Report:
    """`problems`: every problem found, those of the verdicts among them."""

    def body() -> dict:
        return {
            "ok": not problems,
            "verdicts": [_record(j) for j in judged],
            "problems": [p.to_dict(lang) for p in problems],
        }

    def lines() -> tuple[str, ...]:
        if problems:
            return problem_lines(problems, lang)
        counting = sum(not j.retracted for j in judged)
        return (say("sig.ok", lang, verdicts=counting) if counting else say("sig.none", lang),)

    return Report("tracker.check-signatures/1", None, body, text=lines)


def _record(judged: Judged) -> dict:
    verdict, commit = judged.added.verdict, judged.added.commit
    return {
        "id": verdict.id,
        "verifies": verdict.about,
        "verdict": verdict.verdict,
        "office": verdict.office,
        "file": verdict.origin.file,
        "line": verdict.origin.line,
        "in_tree": judged.added.in_tree,
        "commit": None
        if commit is None
        else {"sha": commit.sha, "author": commit.author, "date": commit.date.isoformat()},
        "signature": commit.signature.value if commit is not None else None,
        "signer": (commit.signer or None) if commit is not None else None,
        "retracted": judged.retracted,
        "proved": judged.problem is None,
    }
