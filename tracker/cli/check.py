"""`tracker check`: validate goals.toml and progress/, every problem located."""

from __future__ import annotations

from tracker.cli.common import (
    data_option,
    exit_with,
    find_data,
    format_option,
    lang_option,
    output_option,
    pager_option,
    reply,
)
from tracker.cli.help import cli_command
from tracker.problems import ExitCode


@cli_command("check", help="help.check")
@format_option("table", "json")
@output_option
@lang_option
@pager_option
@data_option
def command(fmt, output, lang, data_dir):
    from tracker.app.check import check

    answer = check(find_data(data_dir), lang=lang)
    reply(answer, fmt, output=output)
    if answer.problems:
        exit_with(ExitCode.BAD_DATA)
