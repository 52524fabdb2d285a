"""`tracker goals`: list the plan's goal definitions."""

from __future__ import annotations

import click

from tracker.cli.common import data_option, emit, format_option, lang_option, open_data
from tracker.problems import UsageError, suggest


@click.command("goals")
@click.option("--area", metavar="AREA", help="Only goals of this focus area (its id).")
@format_option("table", "json", "md")
@lang_option
@data_option
def command(area, fmt, lang, data_dir):
    """The plan's goal definitions: id, title, kind, target, deadline, owner.

    `--format json` lists every goal with all of its fields."""
    from tracker.views.goals import goals_report

    loaded = open_data(data_dir, with_log=False)
    if area is not None and loaded.plan.area(area) is None:
        ids = [a.id for a in loaded.plan.areas]
        raise UsageError(f"unknown area '{area}'", suggest(area, ids) or f"areas: {', '.join(ids)}")
    emit(goals_report(loaded.plan, area=area, lang=lang), fmt)
