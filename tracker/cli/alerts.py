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
    output_option,
    pager_option,
    warn_plan_ended,
)
from tracker.cli.help import cli_command, option
from tracker.model import Condition
from tracker.problems import ExitCode, UsageError, suggest_or


@cli_command("alerts", help="help.alerts")
@option(
    "--fail-on",
    "fail_on",
    metavar="LIST",
    default="",
    help="help.opt.fail_on",
    help_args={"conditions": ",".join(c.value for c in Condition)},
)
@option("--owner", metavar="OFFICE", help="help.opt.alerts_owner")
@option(
    "--group-by",
    "group_by",
    type=click.Choice(["none", "owner"]),
    default="none",
    help="help.opt.alerts_group_by",
)
@as_of_option
@format_option("table", "json", "csv", "md")
@output_option
@lang_option
@pager_option
@data_option
def command(fail_on, owner, group_by, as_of, fmt, output, lang, data_dir):
    from tracker.engine.alerts import alerts
    from tracker.engine.offices import holds
    from tracker.engine.status import statuses_from_series
    from tracker.refs import resolve_owner
    from tracker.views.alerts import alerts_report

    wanted = parse_fail_on(fail_on)
    loaded, series = open_series(data_dir)
    day = loaded.date(as_of, option="--as-of")
    if owner is not None:
        owner = resolve_owner(loaded.plan, owner)  # the plan's spelling of it
    statuses = statuses_from_series(loaded.plan, series, as_of=day)
    found = alerts([s for s in statuses if owner is None or holds(s.goal, owner)])
    failing = sorted({a.condition.value for a in found} & set(wanted))
    report = alerts_report(
        loaded.plan,
        found,
        as_of=day,
        fail_on=wanted,
        failing=failing,
        lang=lang,
        group_by=group_by,
    )
    warn_plan_ended(loaded.plan, day, "tracker alerts", lang)
    emit(report, fmt, output=output)
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
