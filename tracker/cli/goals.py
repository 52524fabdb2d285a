"""`tracker goals`: list the plan's goal definitions."""

from __future__ import annotations

import click

from tracker.cli.common import (
    data_option,
    emit,
    format_option,
    lang_option,
    open_data,
    pager_option,
)
from tracker.cli.completion import complete_area
from tracker.refs import resolve_area


@click.command("goals")
@click.option(
    "--area",
    metavar="AREA",
    shell_complete=complete_area,
    help="Only goals of this focus area (its id).",
)
@format_option("table", "json", "md")
@lang_option
@pager_option
@data_option
def command(area, fmt, lang, data_dir):
    """The plan's goal definitions: id, title, kind, target, deadline, owner.

    `--format json` lists every goal with all of its fields."""
    from tracker.views.goals import goals_report

    loaded = open_data(data_dir, with_log=False)
    if area is not None:
        resolve_area(loaded.plan, area)
    emit(goals_report(loaded.plan, area=area, lang=lang), fmt)
