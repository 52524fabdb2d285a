"""`tracker check`: validate goals.toml and progress/, every problem located;
with --signatures, that each verdict is proved by its commit's signature."""

from __future__ import annotations

from tracker.cli.common import exit_with, find_data, reply, report_options
from tracker.cli.help import cli_command, option
from tracker.problems import ExitCode


@cli_command("check", help="help.check")
@option("--fast", is_flag=True, help="help.opt.check_fast")
@option("--signatures", is_flag=True, help="help.opt.signatures")
@report_options("table", "json", as_of=False)
def command(fast, signatures, fmt, output, lang, data_dir):
    if signatures:
        from tracker.app.signatures import check_signatures

        answer = check_signatures(find_data(data_dir), lang=lang)
    else:
        from tracker.app.check import check

        answer = check(find_data(data_dir), fast=fast, lang=lang)
    reply(answer, fmt, output=output)
    if answer.problems:
        exit_with(ExitCode.BAD_DATA)
