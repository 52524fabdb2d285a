"""`tracker show ID`: one goal in full — its definition, its standing on a day,
and its history, read a group at a time from the goal's own part of the log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.app.common import Answer, open_folder, open_log
from tracker.refs import resolve_goal

if TYPE_CHECKING:
    from tracker.storage.datadir import DataDir


def show(data: DataDir, *, goal: str, as_of: str | None, lang: str) -> Answer:
    """The goal a person means by `goal` (id, prefix, number or title words)
    as it stands `as_of` (a date as typed; None: today)."""
    from tracker.engine.history import history, standing_before, window_start
    from tracker.engine.status import goal_status
    from tracker.ledger import retracted_ids
    from tracker.views.show import Verdicts, show_report

    opened = open_folder(data)
    plan = opened.plan
    chosen = resolve_goal(plan, goal)
    day = opened.date(as_of, option="--as-of")
    log, warnings = open_log(opened)  # the goal's own history and series, not the whole log
    figured = log.figures()[chosen.id]
    series = figured.deciding_series
    status = goal_status(chosen, figured, as_of=day)
    decided = log.decisions() if figured.verified is not None else None
    returned = decided.returned if decided is not None else frozenset()

    def rows(latest: int | None):
        """The goal's history rows a group at a time (from the day the latest
        `latest` begin, or all), and how many of its entries come before them."""
        start = None if latest is None else window_start(series, as_of=day, latest=latest)
        gone = retracted_ids(log.retractions()) | returned  # neither counts
        if start is None:
            return history(chosen, log.goal_lines(chosen.id, until=day), gone=gone), 0
        lines = log.goal_lines(chosen.id, since=start, until=day)
        before = standing_before(chosen, series, start)
        groups = history(chosen, lines, gone=gone, before=before)
        return groups, log.count(chosen.id, before=start)

    verdicts = None
    if decided is not None:
        verdicts = Verdicts(decided.verdict_of, frozenset(e.id for e in figured.awaiting))
    report = show_report(plan, status, rows, series, as_of=day, lang=lang, verdicts=verdicts)
    return Answer(report, warnings)
