"""`tracker status`: one table of all goals."""

from __future__ import annotations

import click

from tracker.cli.common import (
    area_option,
    as_of_option,
    data_option,
    find_data,
    format_option,
    lang_option,
    output_option,
    owner_option,
    pager_option,
    reply,
)
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
@as_of_option
@format_option("table", "json", "csv", "md", "xlsx")
@output_option
@lang_option
@pager_option
@data_option
def command(area, owner, states, group_by, as_of, fmt, output, lang, data_dir):
    from tracker.app.status import status

    answer = status(
        find_data(data_dir), as_of=as_of, area=area, owner=owner, states=states,
        group_by=group_by, lang=lang,
    )  # fmt: skip
    reply(answer, fmt, output=output)
