"""`tracker entries`: show the log."""

from __future__ import annotations

import click

from tracker.cli.common import find_data, reply, report_options
from tracker.cli.help import cli_command, completer, option


@cli_command("entries", help="help.entries")
@option("--goal", "goal_id", metavar="ID", shell_complete=completer("goal"), help="help.opt.goal")
@option("--since", metavar="DATE", help="help.opt.since")
@option("--until", metavar="DATE", help="help.opt.until")
@option("--verdict", type=click.Choice(["verified", "returned", "waiting"]),
        help="help.opt.verdict")  # fmt: skip
@report_options("table", "json", "jsonl", "csv", "xlsx", help="help.opt.entries_format")
def command(goal_id, since, until, verdict, as_of, fmt, output, lang, data_dir):
    from tracker.app.entries import entries

    answer = entries(
        find_data(data_dir), goal=goal_id, since=since, until=until, verdict=verdict,
        as_of=as_of, lang=lang,
    )  # fmt: skip
    reply(answer, fmt, output=output)
