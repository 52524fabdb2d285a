"""`tracker status`: every goal's state on a day, filtered by area, office and
state, from each goal's maintained series (not the whole log)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tracker.app.common import Answer, open_folder, open_log
from tracker.model import State
from tracker.problems import UsageError, suggest_or
from tracker.refs import resolve_area, resolve_owner

if TYPE_CHECKING:
    from tracker.model import Plan
    from tracker.storage.datadir import DataDir


def status(
    data: DataDir,
    *,
    as_of: str | None,
    area: str | None = None,
    owner: str | None = None,
    states: Sequence[str] = (),
    group_by: str = "area",
    lang: str,
) -> Answer:
    """Each goal's state `as_of` (a date as typed; None: today), keeping the
    goals of `area`, held by `owner` and in any of `states` (SPEC's ids or
    their names in either language); grouped by area or by office."""
    from tracker.engine.offices import holds
    from tracker.engine.status import state_counts, statuses_from_series
    from tracker.views.phrases import plan_ended, state_from_name
    from tracker.views.status import status_report

    opened = open_folder(data)
    plan = opened.plan
    day = opened.date(as_of, option="--as-of")
    owner = check_filters(plan, area=area, owner=owner, states=states)
    # Only a command line that makes sense reads the log.
    log, warnings = open_log(opened)
    wanted = {state_from_name(name) for name in states}
    items = [
        s
        for s in statuses_from_series(plan, log.figures(), as_of=day)
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
    if day > plan.end:
        warnings += (plan_ended(plan, day, command="tracker status"),)
    return Answer(report, warnings)


def check_filters(
    plan: Plan, *, area: str | None, owner: str | None, states: Sequence[str]
) -> str | None:
    """An unknown area, office or state is a usage error with a suggestion.
    Returns the office in the plan's spelling of it."""
    from tracker.views.phrases import state_from_name, state_names

    if area is not None:
        resolve_area(plan, area)
    if owner is not None:
        owner = resolve_owner(plan, owner)
    names = [s.value for s in State] + state_names("zh")
    for state in states:
        if state_from_name(state) is None:
            fix = suggest_or(state, names, "states_are", states=", ".join(names))
            raise UsageError("unknown_state", fix, state=state)
    return owner
