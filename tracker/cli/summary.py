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
    open_log,
)
from tracker.problems import UsageError


@click.command("summary")
@click.option("--week", metavar="YYYY-Www", help="An ISO week, e.g. 2020-W23.")
@click.option("--since", metavar="DATE", help="First day of the period.")
@click.option("--until", metavar="DATE", help="Last day of the period (default: --as-of).")
@as_of_option
@format_option("text", "md", "html", "json", default="text")
@click.option(
    "--output",
    "-o",
    "output",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Write to FILE (atomically: readers never see half a report).",
)
@lang_option
@data_option
def command(week, since, until, as_of, fmt, output, lang, data_dir):
    """The digest of a period (default: the 7 days ending --as-of): counts per
    state and their change, the period's entries by goal, state changes, goals
    due in the next 14 days, stale goals, and off-track goals with how far
    behind they are and their forecast. Works unattended under cron."""
    from tracker.engine.summary import summarize
    from tracker.views.summary import summary_report

    loaded = open_data(data_dir, with_log=False)
    day = loaded.date(as_of, option="--as-of")
    start, end, week_name = _period(loaded, week, since, until, day)
    log = open_log(loaded)  # the period's files plus the maintained series
    period = log.entries(since=start, until=end) + log.retractions()
    summary = summarize(loaded.plan, period, since=start, until=end, series=log.series())
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
