"""`tracker alerts`: what needs attention on a day, one office's or all, and
which of the conditions a script asked to fail on hold."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from tracker.app.common import open_folder, open_log
from tracker.model import Condition
from tracker.problems import UsageError, suggest_or

if TYPE_CHECKING:
    from tracker.storage.datadir import DataDir
    from tracker.views.report import Report
    from tracker.words import Phrase


class AlertsAnswer(NamedTuple):
    """The alerts, and which conditions asked to fail on hold (exit 1)."""

    report: Report
    warnings: tuple[Phrase, ...]
    failing: tuple[str, ...]  # the conditions asked to fail on that hold


def alerts(
    data: DataDir,
    *,
    as_of: str | None,
    owner: str | None = None,
    fail_on: Sequence[str] = (),
    group_by: str = "none",
    lang: str,
) -> AlertsAnswer:
    """Every alert `as_of` (a date as typed; None: today), of the goals `owner`
    holds or all; `fail_on`: condition names (see `conditions`)."""
    from tracker.engine.alerts import alerts as find_alerts
    from tracker.engine.offices import holds
    from tracker.engine.status import statuses_from_series
    from tracker.ledger.verification import verifiers
    from tracker.refs import resolve_owner
    from tracker.views.alerts import alerts_report
    from tracker.views.phrases import plan_ended

    opened = open_folder(data)
    day = opened.date(as_of, option="--as-of")
    if owner is not None:
        owner = resolve_owner(opened.plan, owner)  # the plan's spelling of it
    log, warnings = open_log(opened)  # once the command line is known to make sense
    statuses = statuses_from_series(opened.plan, log.figures(), as_of=day)
    held = [s for s in statuses if owner is None or holds(s.goal, owner)]
    mine = {s.goal.id for s in held}
    verifying = [s for s in statuses if owner is not None and s.goal.id not in mine
                 and owner in verifiers(opened.plan, s.goal)]  # fmt: skip
    found = find_alerts(held, verifying=verifying)
    failing = sorted({a.condition.value for a in found} & set(fail_on))
    report = alerts_report(
        opened.plan,
        found,
        as_of=day,
        fail_on=list(fail_on),
        failing=failing,
        lang=lang,
        group_by=group_by,
    )
    if day > opened.plan.end:
        warnings += (plan_ended(opened.plan, day, command="tracker alerts"),)
    return AlertsAnswer(report, warnings, tuple(failing))


def conditions(text: str) -> list[str]:
    """`--fail-on`'s list (commas or spaces) as condition names; an unknown
    one is a usage error with a suggestion."""
    names = [c.value for c in Condition]
    wanted = [part.strip() for part in text.replace(" ", ",").split(",") if part.strip()]
    for name in wanted:
        if name not in names:
            fix = suggest_or(name, names, "conditions_are", conditions=", ".join(names))
            raise UsageError("unknown_condition", fix, name=name)
    return wanted
