"""`tracker show ID`: one goal in full."""

from __future__ import annotations

import click

from tracker.cli.common import (
    as_of_option,
    data_option,
    find_data,
    format_option,
    lang_option,
    output_option,
    pager_option,
    reply,
)
from tracker.cli.help import cli_command, completer


@cli_command("show", help="help.show")
@click.argument("goal_id", metavar="ID", shell_complete=completer("goal"))
@as_of_option
@format_option("table", "json")
@output_option
@lang_option
@pager_option
@data_option
def command(goal_id, as_of, fmt, output, lang, data_dir):
    from tracker.app.show import show

    reply(show(find_data(data_dir), goal=goal_id, as_of=as_of, lang=lang), fmt, output=output)
