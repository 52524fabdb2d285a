"""`tracker check`: validate goals.toml and progress/, every problem located."""

from __future__ import annotations

import click

from tracker.cli.common import data_option, emit, exit_with, format_option, pager_option
from tracker.problems import ExitCode


@click.command("check")
@format_option("table", "json")
@pager_option
@data_option
def command(fmt, data_dir):
    """Validate goals.toml and every progress/ file.

    Every problem is listed as file:line: message (hint). Exit 0 when clean,
    3 when there are problems."""
    from tracker.cli.common import find_data
    from tracker.dates import today_in
    from tracker.rules.entries import log_problems
    from tracker.storage.datadir import load
    from tracker.views.check import check_report

    data = find_data(data_dir)
    loaded = load(data)
    plan, entries = loaded.plan, loaded.entries
    problems = loaded.plan_problems + loaded.log_problems
    if plan is not None:
        problems += log_problems(plan, entries, today=today_in(plan.timezone))
    # No --lang yet: problems read in English, as they always have (issue 12).
    report = check_report(
        plan,
        goals=len(plan.goals) if plan else 0,
        entries=len(entries),
        problems=problems,
        lang="en",
    )
    emit(report, fmt)
    if problems:
        exit_with(ExitCode.BAD_DATA)
