"""`tracker check`: every problem in goals.toml and progress/, each located,
judged from the maintained state so only what changed since is read."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from tracker.storage.datadir import DataDir
    from tracker.views.report import Report
    from tracker.words import Phrase


class CheckAnswer(NamedTuple):
    """Every problem found, and how many (any at all: exit 3)."""

    report: Report
    warnings: tuple[Phrase, ...]  # every problem is in the report; only a note on the cache
    problems: int  # found in the plan, the log or the folder


def check(data: DataDir, *, lang: str, fast: bool = False) -> CheckAnswer:
    """Validate the data folder. A plan that cannot be read at all is one of
    the problems, not a stop: the log is then read as it is, with no plan to
    judge its entries by. Every evidence file a line names is hashed again
    (with `fast`, only its presence and size are checked)."""
    from tracker.dates import today_in
    from tracker.loader import load, open_log
    from tracker.rules.entries import check_log
    from tracker.storage import evidence
    from tracker.storage.journal import read_log, unsafe_paths
    from tracker.views.check import check_report
    from tracker.words import phrase

    loaded = load(data, with_log=False)
    plan = loaded.plan
    warnings: tuple[Phrase, ...] = ()
    unsafe = unsafe_paths(data.progress_dir, display=data.display)
    if plan is None:
        read, found = read_log(data.progress_dir, display=data.display)
        problems, entries = loaded.plan_problems + found + unsafe, len(read)
    else:  # from the maintained state: only what changed since it was kept is read
        log = open_log(data, plan, verify=True)  # every log file checked by its bytes
        if log.distrusted:  # (the log is fine: said, not counted as a problem)
            warnings = (phrase("cache_distrusted"),)
        found, entries = check_log(plan, log, today=today_in(plan.timezone))
        found += evidence.problems_of(data.root, log.evidence_lines(), fast=fast)
        problems = loaded.plan_problems + log.problems() + unsafe + found
    report = check_report(
        plan,
        goals=len(plan.goals) if plan else 0,
        entries=entries,
        problems=problems,
        lang=lang,
    )
    return CheckAnswer(report, warnings, len(problems))
