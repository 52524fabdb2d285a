"""`tracker template`: a fill-in workbook of offices' goals, with what the log
held when it was made (so an import can tell when a goal moved since)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from tracker.app.common import open_folder
from tracker.refs import resolve_owner

if TYPE_CHECKING:
    from tracker.storage.datadir import DataDir
    from tracker.views.report import Report
    from tracker.words import Phrase


class TemplateAnswer(NamedTuple):
    """The workbook, and how many sheets and rows it has (for the CLI's line)."""

    report: Report
    warnings: tuple[Phrase, ...]
    offices: int  # sheets in the workbook
    goals: int  # rows to fill in


def template(
    data: DataDir, *, owners: Sequence[str] = (), as_of: str | None, lang: str
) -> TemplateAnswer:
    """A sheet per office of `owners` (as typed; none: every office) with its
    goals as they stand `as_of` (a date as typed; None: today)."""
    from tracker.engine.snapshot import snapshots
    from tracker.engine.status import all_figures, statuses_from_series
    from tracker.views.template import owners_of, template_report

    opened = open_folder(data, with_log=True)
    plan = opened.plan
    day = opened.date(as_of, option="--as-of")
    # (one office named twice, by its full and short name: one sheet)
    chosen = list(dict.fromkeys(resolve_owner(plan, owner) for owner in owners)) or owners_of(plan)
    statuses = statuses_from_series(plan, all_figures(plan, opened.entries), as_of=day)
    statuses = [s for s in statuses if s.goal.owner in chosen]
    remembered = snapshots(plan, opened.entries, {s.goal.id for s in statuses}, as_of=day)
    report = template_report(plan, statuses, remembered, owners=chosen, as_of=day, lang=lang)
    return TemplateAnswer(report, opened.warnings, len(chosen), len(statuses))
