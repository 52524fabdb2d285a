"""`tracker goals`: list the plan's goal definitions."""

from __future__ import annotations

from tracker.cli.common import (
    area_option,
    data_option,
    find_data,
    format_option,
    lang_option,
    output_option,
    pager_option,
    reply,
)
from tracker.cli.help import cli_command


@cli_command("goals", help="help.goals")
@area_option
@format_option("table", "json", "md")
@output_option
@lang_option
@pager_option
@data_option
def command(area, fmt, output, lang, data_dir):
    from tracker.app.goals import goals

    reply(goals(find_data(data_dir), area=area, lang=lang), fmt, output=output)
