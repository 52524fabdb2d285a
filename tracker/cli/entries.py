"""`tracker entries`: show the log."""

from __future__ import annotations

import click

from tracker.cli.common import (
    as_of_option,
    data_option,
    emit,
    format_option,
    open_data,
    open_log,
)
from tracker.refs import resolve_goal


@click.command("entries")
@click.option("--goal", "goal_id", metavar="ID", help="Only entries of this goal.")
@click.option("--since", metavar="DATE", help="Only entries dated on or after DATE.")
@click.option("--until", metavar="DATE", help="Only entries dated on or before DATE.")
@as_of_option
@format_option(
    "table",
    "json",
    "jsonl",
    "csv",
    help="Output format; jsonl prints the log lines as stored (for --from-json).",
)
@data_option
def command(goal_id, since, until, as_of, fmt, data_dir):
    """The log itself, oldest first; retracted entries are marked."""
    from tracker.views.entries import entries_report, select
    from tracker.words import DEFAULT_LANG

    loaded = open_data(data_dir, with_log=False)
    day = loaded.date(as_of, option="--as-of")
    if goal_id is not None:
        goal_id = resolve_goal(loaded.plan, goal_id).id
    since_day = loaded.date(since, option="--since") if since else None
    until_day = loaded.date(until, option="--until") if until else None
    log = open_log(loaded)  # only the files whose dates can answer, only the goal's parts
    found = log.entries(goal=goal_id, since=since_day, until=until_day)
    shown = select(found, goal=goal_id, since=since_day, until=until_day)
    filters = {
        "goal": goal_id,
        "since": since_day and since_day.isoformat(),
        "until": until_day and until_day.isoformat(),
    }
    # No --lang yet: the log's words are the same in both languages (issue 12).
    report = entries_report(
        loaded.plan, log.retractions(), shown, as_of=day, filters=filters, lang=DEFAULT_LANG
    )
    emit(report, fmt)
