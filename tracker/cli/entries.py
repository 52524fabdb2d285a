"""`tracker entries`: show the log."""

from __future__ import annotations

from tracker.cli.common import (
    as_of_option,
    data_option,
    emit,
    format_option,
    lang_option,
    open_data,
    open_log,
    output_option,
    pager_option,
)
from tracker.cli.help import cli_command, completer, option
from tracker.refs import resolve_goal


@cli_command("entries", help="help.entries")
@option("--goal", "goal_id", metavar="ID", shell_complete=completer("goal"), help="help.opt.goal")
@option("--since", metavar="DATE", help="help.opt.since")
@option("--until", metavar="DATE", help="help.opt.until")
@as_of_option
@format_option(
    "table",
    "json",
    "jsonl",
    "csv",
    "xlsx",
    help="help.opt.entries_format",
)
@output_option
@pager_option
@lang_option
@data_option
def command(goal_id, since, until, as_of, fmt, output, lang, data_dir):
    from tracker.views.entries import entries_report

    loaded = open_data(data_dir, with_log=False)
    day = loaded.date(as_of, option="--as-of")
    if goal_id is not None:
        goal_id = resolve_goal(loaded.plan, goal_id).id
    since_day = loaded.date(since, option="--since") if since else None
    until_day = loaded.date(until, option="--until") if until else None
    log = open_log(loaded)  # only the files whose dates can answer, only the goal's parts
    filters = {
        "goal": goal_id,
        "since": since_day and since_day.isoformat(),
        "until": until_day and until_day.isoformat(),
    }

    def groups(marks):  # read as they are written: a whole log is never held at once
        return log.record_groups(goal=goal_id, since=since_day, until=until_day, marks=marks)

    report = entries_report(
        loaded.plan,
        log.retractions(),
        groups,
        as_of=day,
        filters=filters,
        lang=lang,
        plain_floats=log.plain_floats(),
    )
    emit(report, fmt, output=output)
