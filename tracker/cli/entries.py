"""`tracker entries`: show the log."""

from __future__ import annotations

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
from tracker.cli.help import cli_command, completer, option


@cli_command("entries", help="help.entries")
@option("--goal", "goal_id", metavar="ID", shell_complete=completer("goal"), help="help.opt.goal")
@option("--since", metavar="DATE", help="help.opt.since")
@option("--until", metavar="DATE", help="help.opt.until")
@as_of_option
@format_option(
    "table",
    "json",
    "jsonl",
    "csv",
    "xlsx",
    help="help.opt.entries_format",
)
@output_option
@pager_option
@lang_option
@data_option
def command(goal_id, since, until, as_of, fmt, output, lang, data_dir):
    from tracker.app.entries import entries

    answer = entries(
        find_data(data_dir), goal=goal_id, since=since, until=until, as_of=as_of, lang=lang
    )
    reply(answer, fmt, output=output)
