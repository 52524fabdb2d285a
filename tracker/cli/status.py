"""`tracker status`: one table of all goals."""

from __future__ import annotations

import click

from tracker.cli.common import area_option, find_data, owner_option, reply, report_options
from tracker.cli.help import cli_command, completer, option
from tracker.model import State


@cli_command("status", help="help.status")
@area_option
@owner_option()
@option(
    "--state",
    "states",
    metavar="STATE",
    multiple=True,
    shell_complete=completer("state"),
    help="help.opt.state",
    help_args={"states": ", ".join(s.value for s in State)},
)
@option(
    "--group-by",
    "group_by",
    type=click.Choice(["area", "owner"]),
    default="area",
    help="help.opt.status_group_by",
)
@report_options("table", "json", "csv", "md", "xlsx")
def command(area, owner, states, group_by, as_of, fmt, output, lang, data_dir):
    from tracker.app.status import status

    answer = status(
        find_data(data_dir), as_of=as_of, area=area, owner=owner, states=states,
        group_by=group_by, lang=lang,
    )  # fmt: skip
    reply(answer, fmt, output=output)
