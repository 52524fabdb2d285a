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
    as_of: str | None,
    lang: str,
) -> Answer:
    """The entries of `goal` (as a person names it; None: every goal) dated
    from `since` to `until` (dates as typed; None: no bound)."""
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

    def groups(marks):  # read as they are written
        return log.record_groups(goal=goal_id, since=since_day, until=until_day, marks=marks)

    report = entries_report(
        opened.plan,
        log.retractions(),
        groups,
        as_of=day,
        filters=filters,
        lang=lang,
        plain_floats=log.plain_floats(),
    )
    return Answer(report, warnings)
