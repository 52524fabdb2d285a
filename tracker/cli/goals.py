"""`tracker goals`: list the plan's goal definitions."""

from __future__ import annotations

from tracker.cli.common import (
    area_option,
    data_option,
    emit,
    format_option,
    lang_option,
    open_data,
    output_option,
    pager_option,
)
from tracker.cli.help import cli_command
from tracker.refs import resolve_area


@cli_command("goals", help="help.goals")
@area_option
@format_option("table", "json", "md")
@output_option
@lang_option
@pager_option
@data_option
def command(area, fmt, output, lang, data_dir):
    from tracker.views.goals import goals_report

    loaded = open_data(data_dir, with_log=False)
    if area is not None:
        resolve_area(loaded.plan, area)
    emit(goals_report(loaded.plan, area=area, lang=lang), fmt, output=output)
