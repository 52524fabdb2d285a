"""`tracker check`: validate goals.toml and progress/, every problem located."""

from __future__ import annotations

from tracker.cli.common import (
    data_option,
    emit,
    exit_with,
    format_option,
    lang_option,
    output_option,
    pager_option,
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
    from tracker.cli.common import find_data
    from tracker.dates import today_in
    from tracker.rules.entries import log_problems
    from tracker.storage.datadir import load
    from tracker.storage.journal import unsafe_paths
    from tracker.views.check import check_report

    data = find_data(data_dir)
    loaded = load(data)
    plan, entries = loaded.plan, loaded.entries
    problems = loaded.plan_problems + loaded.log_problems
    problems += unsafe_paths(data.progress_dir, display=data.display)
    if plan is not None:
        problems += log_problems(plan, entries, today=today_in(plan.timezone))
    report = check_report(
        plan,
        goals=len(plan.goals) if plan else 0,
        entries=len(entries),
        problems=problems,
        lang=lang,
    )
    emit(report, fmt, output=output)
    if problems:
        exit_with(ExitCode.BAD_DATA)
