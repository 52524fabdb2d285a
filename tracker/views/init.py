"""`tracker init`: the folder made, the files written, and the goals carried over."""

from __future__ import annotations

from tracker.views.report import Report
from tracker.words import say


def init_report(
    root,
    written: list,
    plan_id: str,
    year: int,
    carried: list[str],
    *,
    lang: str,
    city: bool = False,
) -> Report:
    def body() -> dict:
        return {
            "folder": str(root),
            "plan": plan_id,
            "year": year,
            "files": [str(p) for p in written],
            "carried": carried,
        }

    def lines() -> tuple[str, ...]:
        out = [say("init.written", lang, file=str(p)) for p in written]
        if carried:
            out.append(say("init.carried", lang, count=len(carried), goals=", ".join(carried)))
        out.append(say("init.city_next" if city else "init.next", lang, folder=str(root)))
        return tuple(out)

    return Report("tracker.init/1", None, body, text=lines)
