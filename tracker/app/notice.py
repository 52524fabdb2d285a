"""`tracker notice`: a 督办通知单 for each late item, drawn from the same
digest the bulletin is (app/summary.py builds it), so a notice and the
bulletin say the same of an item."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.app.common import Answer

if TYPE_CHECKING:
    from tracker.storage.datadir import DataDir


def notice(
    data: DataDir, *, as_of: str | None, owner: str | None, number: int | None, lang: str
) -> Answer:
    """The notices of the late items on `as_of` (a date as typed; None: today),
    of the goals `owner` holds (lead or shared), or of all."""
    from tracker.app.summary import digests
    from tracker.views.notice import notice_report

    digest, owner, warnings = digests(data, as_of=as_of, owner=owner, number=number, lang=lang)
    return Answer(notice_report(digest(owner)), warnings)
