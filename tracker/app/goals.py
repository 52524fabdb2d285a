"""`tracker goals`: the plan's goal definitions, of one focus area or all."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.app.common import Answer, open_folder
from tracker.refs import resolve_area

if TYPE_CHECKING:
    from tracker.storage.datadir import DataDir


def goals(data: DataDir, *, area: str | None = None, lang: str) -> Answer:
    """Every goal as the plan defines it, or those of `area`."""
    from tracker.views.goals import goals_report

    opened = open_folder(data)
    if area is not None:
        resolve_area(opened.plan, area)
    return Answer(goals_report(opened.plan, area=area, lang=lang))
