"""`tracker show ID`: one goal in full."""

from __future__ import annotations

import click

from tracker.cli.common import (
    as_of_option,
    data_option,
    emit,
    format_option,
    lang_option,
    open_data,
    open_log,
    output_option,
    pager_option,
)
from tracker.cli.help import cli_command, completer
from tracker.refs import resolve_goal


@cli_command("show", help="help.show")
@click.argument("goal_id", metavar="ID", shell_complete=completer("goal"))
@as_of_option
@format_option("table", "json")
@output_option
@lang_option
@pager_option
@data_option
def command(goal_id, as_of, fmt, output, lang, data_dir):
    from tracker.engine.history import history, standing_before, window_start
    from tracker.engine.status import goal_status
    from tracker.ledger import retracted_ids
    from tracker.views.show import show_report

    loaded = open_data(data_dir, with_log=False)
    plan = loaded.plan
    goal = resolve_goal(plan, goal_id)
    day = loaded.date(as_of, option="--as-of")
    log = open_log(loaded)  # the goal's own history and series, not the whole log
    series = log.series()[goal.id]
    status = goal_status(goal, series, as_of=day)

    def rows(latest: int | None):
        """The goal's history rows a group at a time (from the day the latest
        `latest` begin, or all), and how many of its entries come before them."""
        start = None if latest is None else window_start(series, as_of=day, latest=latest)
        gone = retracted_ids(log.retractions())
        if start is None:
            return history(goal, log.goal_lines(goal.id, until=day), gone=gone), 0
        lines = log.goal_lines(goal.id, since=start, until=day)
        before = standing_before(goal, series, start)
        groups = history(goal, lines, gone=gone, before=before)
        return groups, log.count(goal.id, before=start)

    emit(show_report(plan, status, rows, series, as_of=day, lang=lang), fmt, output=output)
