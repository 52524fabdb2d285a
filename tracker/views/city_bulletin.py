"""`city summary`: the city's supervision bulletin (督查通报), built as a
district's is (views/bulletin.py: the same masthead, sections, late items in
words, rankings with their rule, and the same page): the overall situation
in a paragraph, the late items by district, the districts and their offices
ranked. The city ranks districts and offices the way a district ranks its
offices (engine.ranking).

Leaders read it: no goal ids, commits or commands in its words (JSON keeps
them for programs)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.engine.city import City, District, district_members
from tracker.engine.ranking import Ranked, total
from tracker.engine.status import state_counts
from tracker.engine.summary import needs_attention
from tracker.views.bulletin import (
    Masthead,
    Part,
    bulletin_number,
    date_text,
    fraction,
    item_number,
    late_part,
    late_row,
    ranked_dict,
    ranking_part,
    rule_dict,
    section_number,
    states_sentence,
)
from tracker.views.city import RANK_FIELDS, city_dict, city_name, district_name, problem_dicts
from tracker.views.common import STATE_ORDER, percent
from tracker.views.model import Table
from tracker.views.report import Report
from tracker.views.sheets import flat_status, record_sheet
from tracker.words import say

SCHEMA = "tracker.city-summary/2"
LATE_FIELDS = ("district", "district_name", "id", "title", "owner", "condition", "escalation",
               "state", "delay_days", "current", "target", "unit", "progress", "expected",
               "gap_to_schedule", "gap_to_target", "deadline")  # fmt: skip


@dataclass(frozen=True)
class Bulletin:
    """Everything the bulletin says, before it is drawn. `district`: a
    district's own copy (`--split-by district`), else the whole city."""

    city: City
    districts: tuple[District, ...]
    since: dt.date
    until: dt.date
    masthead: Masthead
    elapsed: float
    rankings: dict[str, list[Ranked]]
    district: District | None = None

    @property
    def covered(self) -> tuple[District, ...]:
        """The districts counted in it (one, in a district's copy)."""
        if self.district is not None:
            return (self.district,)
        return tuple(d for d in self.districts if d.included)


def masthead(
    city: City, *, number: int | None, since: dt.date, until: dt.date, lang: str
) -> Masthead:
    """The number defaults to the week of the year the bulletin's date falls in."""
    return Masthead(
        title=say("bulletin.title", lang, city=city_name(city, lang)),
        issuer=city.issuer,
        number=bulletin_number(number, until, lang),
        date=until,
        since=since,
    )


def overall(bulletin: Bulletin) -> dict:
    """The overall situation's figures: goals per state now and a period ago,
    完成率, time elapsed and 按期报送率 (each goal once)."""
    now = [s for d in bulletin.covered for s in d.statuses]
    then = [s for d in bulletin.covered for s in d.before]
    whole = total(district_members(bulletin.covered))
    return {
        "districts": len(bulletin.districts),
        "counted": len(bulletin.covered),
        "goals": whole.held,
        "completion": fraction(whole.completion),
        "elapsed": fraction(bulletin.elapsed),
        "on_time": fraction(whole.on_time),
        "counts": state_counts(now),
        "counts_before": state_counts(then),
    }


def overall_text(bulletin: Bulletin, figures: dict, lang: str) -> str:
    on_time = figures["on_time"]
    key = "bulletin.overall_district" if bulletin.district is not None else "bulletin.overall"
    text = say(
        key, lang,
        date=date_text(bulletin.until, lang),
        district=district_name(bulletin.district, lang) if bulletin.district else "",
        counted=figures["counted"],
        goals=figures["goals"],
        completion=percent(figures["completion"]),
        elapsed=percent(figures["elapsed"]),
        states=states_sentence(figures["counts"], figures["counts_before"], lang),
        on_time=say("rank.no_report_due", lang) if on_time is None else percent(on_time),
    )  # fmt: skip
    left = [d for d in bulletin.districts if not d.included]
    if left and bulletin.district is None:
        names = say("bulletin.joiner", lang).join(district_name(d, lang) for d in left)
        text += say("bulletin.left_out", lang, districts=names)
    return text


def late_items(bulletin: Bulletin) -> list[tuple[District, list]]:
    """Each district's goals that need a decision (overdue, off track, forecast
    late, at risk), most serious first, as the district's own digest orders
    them and at the 督办 levels its own plan sets."""
    return [(d, list(needs_attention(list(d.statuses), d.plan.bulletin))) for d in bulletin.covered]


def late_section(bulletin: Bulletin, lang: str) -> Part:
    """The late items by district, each a card naming its district."""
    rows = tuple(
        late_row(d.plan, a, lang, group=district_name(d, lang),
                 record={"district": d.spec.id, "district_name": d.spec.name})
        for d, attention in late_items(bulletin)
        for a in attention
    )  # fmt: skip
    settings = {d.plan.bulletin for d in bulletin.covered}
    return late_part(
        rows, settings.pop() if len(settings) == 1 else None, lang,
        group_header=say("city.district", lang), title=say("bulletin.late_title", lang),
        empty_text=say("bulletin.no_late", lang),
    )  # fmt: skip


def ranking_sections(bulletin: Bulletin, lang: str) -> tuple[Part, Part]:
    rule = bulletin.city.rule
    return (
        ranking_part(
            bulletin.rankings["districts"], title=say("rank.districts_title", lang,
            city=city_name(bulletin.city, lang)), unit_header=say("city.district", lang),
            rule=rule, lang=lang,
        ),
        ranking_part(
            bulletin.rankings["offices"], title=say("rank.offices_title", lang),
            unit_header=say("office.name", lang), rule=rule, lang=lang,
            grouped_by=say("city.district", lang),
        ),
    )  # fmt: skip


def sections(bulletin: Bulletin, lang: str) -> list[tuple[str, Part]]:
    """The numbered sections after the overall situation."""
    parts = (late_section(bulletin, lang), *ranking_sections(bulletin, lang))
    return [(section_number(i, lang), part) for i, part in enumerate(parts, start=2)]


def bulletin_report(bulletin: Bulletin, *, lang: str) -> Report:
    from functools import cache

    figures = cache(lambda: overall(bulletin))
    parts = cache(lambda: sections(bulletin, lang))
    return Report(
        SCHEMA,
        bulletin.until,
        lambda: bulletin_body(bulletin, figures(), lang=lang),
        tables=lambda: bulletin_blocks(bulletin, figures(), parts(), lang=lang),
        template="bulletin.html.j2",
        page=lambda: bulletin_page(bulletin, figures(), parts(), lang=lang),
        sheets=lambda: bulletin_sheets(bulletin, figures(), lang=lang),
    )


def late_records(bulletin: Bulletin, lang: str) -> list[dict]:
    return [flat_status(row.record) for row in late_section(bulletin, lang).rows]


def bulletin_body(bulletin: Bulletin, figures: dict, *, lang: str) -> dict:
    return {
        "city": city_dict(bulletin.city),
        "district": bulletin.district.spec.id if bulletin.district else None,
        "masthead": bulletin.masthead.record(),
        "period": {"since": bulletin.since.isoformat(), "until": bulletin.until.isoformat()},
        "overall": dict(figures, text=overall_text(bulletin, figures, lang)),
        "late": late_records(bulletin, lang),
        "rule": rule_dict(bulletin.city.rule, lang),
        "ranking": {name: [ranked_dict(r) for r in ranked]
                    for name, ranked in bulletin.rankings.items()},
        "districts": [
            {"id": d.spec.id, "name": d.spec.name, "included": d.included, "commit": d.commit}
            for d in bulletin.districts
        ],
        "left_out": [d.spec.id for d in bulletin.districts if not d.included],
        "problems": problem_dicts([p for d in bulletin.districts for p in d.problems], lang),
    }  # fmt: skip


def _title(bulletin: Bulletin, lang: str) -> str:
    title = bulletin.masthead.title
    if bulletin.district is not None:
        title = f"{title} · {district_name(bulletin.district, lang)}"
    return title


def bulletin_blocks(bulletin: Bulletin, figures: dict, parts, *, lang: str) -> tuple[Table, ...]:
    top = Table((), title=_title(bulletin, lang), header_lines=bulletin.masthead.lines(lang))
    situation = Table(
        (), title=section_number(1, lang) + say("section.overall", lang),
        header_lines=(overall_text(bulletin, figures, lang),),
    )  # fmt: skip
    return (top, situation, *(part.table(number, lang) for number, part in parts))


def bulletin_page(bulletin: Bulletin, figures: dict, parts, *, lang: str) -> dict:
    """The page's context: the district bulletin's page (bulletin.html.j2)."""
    return {
        **bulletin.masthead.page(lang),
        "title": _title(bulletin, lang),
        "item_number": lambda n: item_number(n, lang),
        "notice": "",
        "counts": (),
        "overall_title": section_number(1, lang) + say("section.overall", lang),
        "overall": (overall_text(bulletin, figures, lang),),
        "areas": None,
        "sections": parts,
        "closing_title": "",
        "closing": (),
        "annex": (),
        "charts": {},
        "labels": {},
        "html_lang": say("html.lang", lang),
    }


def bulletin_sheets(bulletin: Bulletin, figures: dict, *, lang: str):
    overview = [
        {"state": s.value, "count": figures["counts"][s.value],
         "count_before": figures["counts_before"][s.value],
         "count_change": figures["counts"][s.value] - figures["counts_before"][s.value]}
        for s in STATE_ORDER
    ]  # fmt: skip
    rank = bulletin.rankings
    return (
        record_sheet(say("sheet.overview", lang), overview,
                     ("state", "count", "count_before", "count_change"), lang),
        record_sheet(say("bulletin.late_title", lang), late_records(bulletin, lang), LATE_FIELDS,
                     lang),
        record_sheet(say("rank.districts_sheet", lang),
                     [ranked_dict(r) for r in rank["districts"]], RANK_FIELDS, lang),
        record_sheet(say("rank.offices_sheet", lang),
                     [ranked_dict(r) for r in rank["offices"]], RANK_FIELDS, lang),
    )  # fmt: skip


def for_district(bulletin: Bulletin, district: District) -> Bulletin:
    """A district's own copy: its situation and late items, the districts'
    ranking whole (its place is among the others), its own offices' rows."""
    offices = [r for r in bulletin.rankings["offices"] if r.outcome.group == district.spec.name]
    rankings = dict(bulletin.rankings, offices=offices)
    return Bulletin(
        bulletin.city, bulletin.districts, bulletin.since, bulletin.until, bulletin.masthead,
        bulletin.elapsed, rankings, district=district,
    )  # fmt: skip
