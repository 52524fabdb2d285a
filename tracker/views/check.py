"""`tracker check`: every problem found in goals.toml and progress/, or that
there are none."""

from __future__ import annotations

from tracker.model import Plan
from tracker.problems import Problem
from tracker.views.report import Report
from tracker.words import say


def check_report(
    plan: Plan | None, *, goals: int, entries: int, problems: list[Problem], lang: str
) -> Report:
    def body() -> dict:
        return {
            "ok": not problems,
            "goals": goals,
            "entries": entries,
            "problems": [p.to_dict(lang) for p in problems],
        }

    def lines() -> tuple[str, ...]:
        if not problems:
            return (say("check.ok", lang, goals=goals, entries=entries),)
        return problem_lines(problems, lang)

    return Report("tracker.check/1", None, body, text=lines)


def problem_lines(problems: list[Problem], lang: str) -> tuple[str, ...]:
    """Each problem as `file:line: message (hint)`, then how many there are."""
    return (*(p.text(lang) for p in problems), say("check.problems", lang, count=len(problems)))
