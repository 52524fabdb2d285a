"""`tracker entries`: the log itself, of one goal and between two dates or
all of it, read only from the files and parts that can answer and written as
it is read (a whole log is never held at once)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.app.common import Answer, open_folder, open_log
from tracker.refs import resolve_goal

if TYPE_CHECKING:
    from tracker.storage.datadir import DataDir


def entries(
    data: DataDir,
    *,
    goal: str | None = None,
    since: str | None = None,
    until: str | None = None,
    verdict: str | None = None,
    as_of: str | None,
    lang: str,
) -> Answer:
    """The entries of `goal` (as a person names it; None: every goal) dated
    from `since` to `until` (dates as typed; None: no bound); with `verdict`
    (verified, returned, waiting), only the reports that stand so."""
    from tracker.views.entries import entries_report

    opened = open_folder(data)
    day = opened.date(as_of, option="--as-of")
    goal_id = None if goal is None else resolve_goal(opened.plan, goal).id
    since_day = opened.date(since, option="--since") if since else None
    until_day = opened.date(until, option="--until") if until else None
    log, warnings = open_log(opened)
    filters = {
        "goal": goal_id,
        "since": since_day and since_day.isoformat(),
        "until": until_day and until_day.isoformat(),
    }

    if verdict is not None:
        filters["verdict"] = verdict
    standing = log.verifications() if verdict is not None or log.verified_anywhere() else None

    def groups(marks):  # read as they are written
        found = log.record_groups(goal=goal_id, since=since_day, until=until_day, marks=marks)
        if standing is None:
            return found
        return _with_verification(found, standing, verdict)

    report = entries_report(
        opened.plan,
        log.retractions(),
        groups,
        as_of=day,
        filters=filters,
        lang=lang,
        plain_floats=log.plain_floats(),
        # (the table column by column: where no report stands verified, returned or waiting)
        lines=None
        if standing is not None
        else lambda: log.listed_lines(goal=goal_id, since=since_day, until=until_day),
    )
    return Answer(report, warnings)


def _with_verification(groups, standing: dict[str, str], verdict: str | None):
    """The records, each with its standing (the lines about lines have none);
    with `verdict`, only those that stand so."""
    for group in groups:
        for record in group:
            record["verification"] = standing.get(record["id"])
        yield group if verdict is None else [r for r in group if r["verification"] == verdict]
