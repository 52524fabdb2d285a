"""`tracker show ID`: one goal in full."""

from __future__ import annotations

import click

from tracker.cli.common import find_data, reply, report_options
from tracker.cli.help import cli_command, completer


@cli_command("show", help="help.show")
@click.argument("goal_id", metavar="ID", shell_complete=completer("goal"))
@report_options("table", "json")
def command(goal_id, as_of, fmt, output, lang, data_dir):
    from tracker.app.show import show

    reply(show(find_data(data_dir), goal=goal_id, as_of=as_of, lang=lang), fmt, output=output)
