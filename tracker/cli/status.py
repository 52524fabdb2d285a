"""`tracker status`: one table of all goals."""

from __future__ import annotations

import click

from tracker.cli.common import (
    as_of_option,
    data_option,
    emit,
    format_option,
    lang_option,
    open_series,
    output_option,
    pager_option,
    warn_plan_ended,
)
from tracker.cli.help import cli_command, completer, option
from tracker.model import State
from tracker.problems import UsageError, suggest_or
from tracker.refs import resolve_area, resolve_owner


@cli_command("status", help="help.status")
@option("--area", metavar="AREA", shell_complete=completer("area"), help="help.opt.area")
@option("--owner", metavar="OWNER", shell_complete=completer("owner"), help="help.opt.owner")
@option(
    "--state",
    "states",
    metavar="STATE",
    multiple=True,
    shell_complete=completer("state"),
    help="help.opt.state",
    help_args={"states": ", ".join(s.value for s in State)},
)
@option(
    "--group-by",
    "group_by",
    type=click.Choice(["area", "owner"]),
    default="area",
    help="help.opt.status_group_by",
)
@as_of_option
@format_option("table", "json", "csv", "md", "xlsx")
@output_option
@lang_option
@pager_option
@data_option
def command(area, owner, states, group_by, as_of, fmt, output, lang, data_dir):
    from tracker.engine.offices import holds
    from tracker.engine.status import state_counts, statuses_from_series
    from tracker.views.status import status_report

    loaded, series = open_series(data_dir)
    plan = loaded.plan
    day = loaded.date(as_of, option="--as-of")
    owner = _check_filters(plan, area, owner, states)
    from tracker.views.phrases import state_from_name

    wanted = {state_from_name(name) for name in states}
    items = statuses_from_series(plan, series, as_of=day)
    items = [
        s
        for s in items
        if (area is None or s.goal.area == area)
        and (owner is None or holds(s.goal, owner))
        and (not states or s.state in wanted)
    ]
    filters = {"area": area, "owner": owner, "state": [s.value for s in State if s in wanted]}
    report = status_report(
        plan,
        items,
        as_of=day,
        lang=lang,
        counts=state_counts(items),
        filters=filters,
        group_by=group_by,
    )
    warn_plan_ended(plan, day, "tracker status", lang)
    emit(report, fmt, output=output)


def _check_filters(plan, area, owner, states) -> str | None:
    """Refuses unknown filters; returns the owner in the plan's spelling."""
    if area is not None:
        resolve_area(plan, area)
    if owner is not None:
        owner = resolve_owner(plan, owner)  # the plan's spelling of it
    from tracker.views.phrases import state_from_name, state_names

    names = [s.value for s in State] + state_names("zh")
    for state in states:
        if state_from_name(state) is None:
            fix = suggest_or(state, names, "states_are", states=", ".join(names))
            raise UsageError("unknown_state", fix, state=state)
    return owner
