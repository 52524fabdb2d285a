"""`tracker alerts`: what needs attention, and --fail-on for scripts."""

from __future__ import annotations

import click

from tracker.cli.common import exit_with, find_data, owner_option, reply, report_options
from tracker.cli.help import cli_command, option
from tracker.model import Condition
from tracker.problems import ExitCode


def _conditions(ctx, param, text: str) -> list[str]:
    from tracker.app.alerts import conditions

    return conditions(text)


@cli_command("alerts", help="help.alerts")
@option(
    "--fail-on",
    "fail_on",
    metavar="LIST",
    default="",
    callback=_conditions,
    help="help.opt.fail_on",
    help_args={"conditions": ",".join(c.value for c in Condition)},
)
@owner_option(help="help.opt.alerts_owner")
@option(
    "--group-by",
    "group_by",
    type=click.Choice(["none", "owner"]),
    default="none",
    help="help.opt.alerts_group_by",
)
@report_options("table", "json", "csv", "md")
def command(fail_on, owner, group_by, as_of, fmt, output, lang, data_dir):
    from tracker.app.alerts import alerts

    answer = alerts(
        find_data(data_dir), as_of=as_of, owner=owner, fail_on=fail_on, group_by=group_by,
        lang=lang,
    )  # fmt: skip
    reply(answer, fmt, output=output)
    if answer.failing:
        exit_with(ExitCode.CONDITION)
