"""`tracker goals`: list the plan's goal definitions."""

from __future__ import annotations

from tracker.cli.common import area_option, find_data, reply, report_options
from tracker.cli.help import cli_command


@cli_command("goals", help="help.goals")
@area_option
@report_options("table", "json", "md", as_of=False)
def command(area, fmt, output, lang, data_dir):
    from tracker.app.goals import goals

    reply(goals(find_data(data_dir), area=area, lang=lang), fmt, output=output)
