"""`tracker summary`: the weekly digest for cron, in text, Markdown, HTML or JSON."""

from __future__ import annotations

import datetime as dt

import click

from tracker.cli.common import (
    as_of_option,
    data_option,
    emit,
    format_option,
    lang_option,
    open_data,
)
from tracker.cli.help import cli_command, option
from tracker.problems import UsageError


@cli_command("summary", help="help.summary")
@option("--week", metavar="YYYY-Www", help="help.opt.week")
@option("--since", metavar="DATE", help="help.opt.period_since")
@option("--until", metavar="DATE", help="help.opt.period_until")
@as_of_option
@format_option("text", "md", "html", "json", "xlsx", default="text")
@option(
    "--output",
    "-o",
    "output",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="help.opt.output",
)
@lang_option
@data_option
def command(week, since, until, as_of, fmt, output, lang, data_dir):
    from tracker.engine.summary import summarize
    from tracker.views.summary import summary_report

    loaded = open_data(data_dir)
    day = loaded.date(as_of, option="--as-of")
    start, end, week_name = _period(loaded, week, since, until, day)
    summary = summarize(loaded.plan, loaded.entries, since=start, until=end)
    report = summary_report(summary, week=week_name, lang=lang)
    emit(report, fmt, output=output or None, digest=True)


def _period(loaded, week, since, until, day) -> tuple[dt.date, dt.date, str | None]:
    if week and (since or until):
        raise UsageError("week_or_period")
    if week:
        from tracker.dates import parse_week

        start, end = parse_week(week)
        iso = start.isocalendar()
        return start, end, f"{iso.year}-W{iso.week:02d}"
    end = loaded.date(until, option="--until") if until else day
    start = loaded.date(since, option="--since") if since else end - dt.timedelta(days=6)
    if start > end:
        raise UsageError("period_backwards", start=start, end=end)
    return start, end, None
