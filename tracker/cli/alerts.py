"""`tracker alerts`: what needs attention, and --fail-on for scripts."""

from __future__ import annotations

import click

from tracker.cli.common import (
    as_of_option,
    data_option,
    emit,
    exit_with,
    format_option,
    lang_option,
    open_series,
    pager_option,
)
from tracker.model import Condition
from tracker.problems import ExitCode, UsageError, suggest_or


@click.command("alerts")
@click.option(
    "--fail-on",
    "fail_on",
    metavar="LIST",
    default="",
    help="Exit 1 when any of these holds (comma-separated): "
    + ",".join(c.value for c in Condition),
)
@as_of_option
@format_option("table", "json", "csv", "md")
@lang_option
@pager_option
@data_option
def command(fail_on, as_of, fmt, lang, data_dir):
    """Every alert with its goal and a one-line reason: overdue, off track,
    forecast late, at risk, due soon, stale."""
    from tracker.engine.alerts import alerts
    from tracker.engine.status import statuses_from_series
    from tracker.views.alerts import alerts_report

    wanted = parse_fail_on(fail_on)
    loaded, series = open_series(data_dir)
    day = loaded.date(as_of, option="--as-of")
    found = alerts(statuses_from_series(loaded.plan, series, as_of=day))
    failing = sorted({a.condition.value for a in found} & set(wanted))
    report = alerts_report(
        loaded.plan, found, as_of=day, fail_on=wanted, failing=failing, lang=lang
    )
    emit(report, fmt)
    if failing:
        exit_with(ExitCode.CONDITION)


def parse_fail_on(text: str) -> list[str]:
    names = [c.value for c in Condition]
    wanted = [part.strip() for part in text.replace(" ", ",").split(",") if part.strip()]
    for name in wanted:
        if name not in names:
            fix = suggest_or(name, names, "conditions_are", conditions=", ".join(names))
            raise UsageError("unknown_condition", fix, name=name)
    return wanted
