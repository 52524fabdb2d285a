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
    pager_option,
)
from tracker.cli.completion import complete_goal
from tracker.cli.help import cli_command
from tracker.refs import resolve_goal


@cli_command("show", help="help.show")
@click.argument("goal_id", metavar="ID", shell_complete=complete_goal)
@as_of_option
@format_option("table", "json")
@lang_option
@pager_option
@data_option
def command(goal_id, as_of, fmt, lang, data_dir):
    from tracker.engine.history import history
    from tracker.engine.ledger import build_series, effective_by_goal
    from tracker.engine.status import goal_status
    from tracker.views.show import show_report

    loaded = open_data(data_dir)
    plan = loaded.plan
    goal = resolve_goal(plan, goal_id)
    day = loaded.date(as_of, option="--as-of")
    grouped, _ = effective_by_goal(plan, loaded.entries, {goal.id})
    series = build_series(goal, grouped[goal.id])
    status = goal_status(goal, series, as_of=day)
    rows = history(goal, loaded.entries, as_of=day)
    emit(show_report(plan, status, rows, series, as_of=day, lang=lang), fmt)
