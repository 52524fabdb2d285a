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
    from tracker.loader import load, open_log
    from tracker.rules.entries import check_log
    from tracker.storage.journal import read_log, unsafe_paths
    from tracker.views.check import check_report

    data = find_data(data_dir)
    loaded = load(data, with_log=False)
    plan = loaded.plan
    unsafe = unsafe_paths(data.progress_dir, display=data.display)
    if plan is None:  # no plan to judge entries by: what reading the log finds
        read, found = read_log(data.progress_dir, display=data.display)
        problems, entries = loaded.plan_problems + found + unsafe, len(read)
    else:  # from the maintained state: only what changed since it was kept is read
        log = open_log(data, plan, verify=True)  # every log file checked by its bytes
        if log.distrusted:
            import click

            from tracker.cli.common import current_lang
            from tracker.words import say

            click.echo(say("cache_distrusted", current_lang()), err=True)
        found, entries = check_log(plan, log, today=today_in(plan.timezone))
        problems = loaded.plan_problems + log.problems() + unsafe + found
    report = check_report(
        plan,
        goals=len(plan.goals) if plan else 0,
        entries=entries,
        problems=problems,
        lang=lang,
    )
    emit(report, fmt, output=output)
    if problems:
        exit_with(ExitCode.BAD_DATA)
