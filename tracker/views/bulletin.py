"""`city summary`: the city's supervision bulletin (督查通报) as one structure —
masthead, the overall situation in a paragraph, the late items by district,
the rankings with their rule under them — drawn by the render layer in every
format (text, Markdown, HTML, JSON, xlsx). Kept apart from the district digest
(views/summary.py) so the two can be brought together as one bulletin later.

Leaders read it: no goal ids, commits or commands in its words (JSON keeps
them for programs)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.engine.city import City, District, district_members
from tracker.engine.ranking import Ranked, total
from tracker.engine.status import state_counts
from tracker.engine.summary import needs_attention
from tracker.views.city import (
    RANK_FIELDS,
    city_dict,
    city_name,
    district_name,
    fraction,
    page_context,
    problem_dicts,
    rank_records,
    ranking_table,
    rule_dict,
)
from tracker.views.common import STATE_ORDER, office_text, percent, status_dict, title_of
from tracker.views.digest import behind_text, condition_text, gap_text
from tracker.views.model import Cell, Column, Section, Table
from tracker.views.phrases import state_name, value_text
from tracker.views.report import Report
from tracker.views.sheets import flat_status, record_sheet
from tracker.words import say

SCHEMA = "tracker.city-summary/2"
LATE_FIELDS = ("district", "district_name", "id", "title", "owner", "condition", "state",
               "delay_days", "current", "target", "unit", "progress", "expected",
               "deadline")  # fmt: skip


@dataclass(frozen=True)
class Masthead:
    """The bulletin's head: who issues it, its number, its date."""

    title: str
    issuer: str
    number: str
    date: dt.date


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


def masthead(city: City, *, number: int | None, until: dt.date, lang: str) -> Masthead:
    """The number defaults to the week of the year the bulletin's date falls in."""
    number = number if number is not None else until.isocalendar().week
    return Masthead(
        title=say("bulletin.title", lang, city=city_name(city, lang)),
        issuer=city.issuer,
        number=say("bulletin.number", lang, year=until.year, number=number),
        date=until,
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
    counts, before = figures["counts"], figures["counts_before"]
    parts = []
    for state in reversed(STATE_ORDER):
        delta = counts[state.value] - before[state.value]
        change = say("bulletin.change", lang, delta=f"{delta:+d}") if delta else ""
        parts.append(say("bulletin.state_count", lang, state=state_name(state, lang),
                         count=counts[state.value], change=change))  # fmt: skip
    on_time = figures["on_time"]
    key = "bulletin.overall_district" if bulletin.district is not None else "bulletin.overall"
    text = say(
        key, lang,
        date=bulletin.until.isoformat(),
        district=district_name(bulletin.district, lang) if bulletin.district else "",
        counted=figures["counted"],
        goals=figures["goals"],
        completion=percent(figures["completion"]),
        elapsed=percent(figures["elapsed"]),
        states=say("bulletin.joiner", lang).join(parts),
        on_time=say("rank.no_report_due", lang) if on_time is None else percent(on_time),
    )  # fmt: skip
    left = [d for d in bulletin.districts if not d.included]
    if left and bulletin.district is None:
        names = say("bulletin.joiner", lang).join(district_name(d, lang) for d in left)
        text += say("bulletin.left_out", lang, districts=names)
    return text


def late_items(bulletin: Bulletin) -> list[tuple[District, list]]:
    """Each district's goals that need a decision (overdue, off track, forecast
    late, at risk), most serious first, as the district's own digest orders them."""
    return [(d, list(needs_attention(list(d.statuses)))) for d in bulletin.covered]


def bulletin_report(bulletin: Bulletin, *, lang: str) -> Report:
    from functools import cache

    figures = cache(lambda: overall(bulletin))
    blocks = cache(lambda: bulletin_blocks(bulletin, figures(), lang=lang))
    return Report(
        SCHEMA,
        bulletin.until,
        lambda: bulletin_body(bulletin, figures(), lang=lang),
        tables=blocks,
        template="tables.html.j2",
        page=lambda: page_context(bulletin.masthead.title, blocks(), lang),
        sheets=lambda: bulletin_sheets(bulletin, figures(), lang=lang),
    )


def late_records(bulletin: Bulletin) -> list[dict]:
    out = []
    for d, attention in late_items(bulletin):
        for a in attention:
            record = flat_status(status_dict(a.status))
            out.append(
                dict(
                    record,
                    district=d.spec.id,
                    district_name=d.spec.name,
                    condition=a.condition.value,
                    delay_days=a.delay_days,
                )  # fmt: skip
            )
    return out


def bulletin_body(bulletin: Bulletin, figures: dict, *, lang: str) -> dict:
    head = bulletin.masthead
    return {
        "city": city_dict(bulletin.city),
        "district": bulletin.district.spec.id if bulletin.district else None,
        "masthead": {"title": head.title, "issuer": head.issuer, "number": head.number,
                     "date": head.date.isoformat()},
        "period": {"since": bulletin.since.isoformat(), "until": bulletin.until.isoformat()},
        "overall": dict(figures, text=overall_text(bulletin, figures, lang)),
        "late": late_records(bulletin),
        "rule": rule_dict(bulletin.city.rule, lang),
        "ranking": {name: rank_records(r) for name, r in bulletin.rankings.items()},
        "districts": [
            {"id": d.spec.id, "name": d.spec.name, "included": d.included, "commit": d.commit}
            for d in bulletin.districts
        ],
        "left_out": [d.spec.id for d in bulletin.districts if not d.included],
        "problems": problem_dicts([p for d in bulletin.districts for p in d.problems], lang),
    }  # fmt: skip


def bulletin_blocks(bulletin: Bulletin, figures: dict, *, lang: str) -> tuple[Table, ...]:
    head = bulletin.masthead
    line = "  ".join(part for part in (head.issuer, head.number, head.date.isoformat()) if part)
    period = say("bulletin.period", lang, since=bulletin.since.isoformat(),
                 until=bulletin.until.isoformat())  # fmt: skip
    title = head.title
    if bulletin.district is not None:
        title = f"{title} · {district_name(bulletin.district, lang)}"
    top = Table((), title=title, header_lines=(line, period))
    situation = Table(
        (), title=say("bulletin.overall_title", lang),
        header_lines=(overall_text(bulletin, figures, lang),),
    )  # fmt: skip
    rows: list = []
    for d, attention in late_items(bulletin):
        if not attention:
            continue
        rows.append(Section(district_name(d, lang)))
        rows += [
            (
                Cell(title_of(a.status.goal, lang)),
                Cell(office_text(a.status.goal, lang)),
                Cell(condition_text(a, lang), a.status.state.value),
                Cell(behind_text(a, lang), "bad"),
                Cell(value_text(a.status, lang)),
                Cell(gap_text(a, lang)),
            )
            for a in attention
        ]
    late = Table(
        (
            Column("title", say("summary.goal", lang), shrink=4, min_width=16),
            Column("office", say("office.name", lang), drop=3),
            Column("condition", say("attention.condition", lang)),
            Column("behind", say("attention.behind", lang), align="right"),
            Column("value", say("attention.value", lang), align="right", drop=2),
            Column("gap", say("attention.gap", lang), align="right", drop=1),
        ),
        tuple(rows),
        title=say("bulletin.late_title", lang),
        empty_text=say("bulletin.no_late", lang),
    )
    rule = bulletin.city.rule
    ranks = (
        ranking_table(
            bulletin.rankings["districts"], title=say("rank.districts_title", lang,
            city=city_name(bulletin.city, lang)), unit_header=say("city.district", lang),
            rule=rule, lang=lang,
        ),
        ranking_table(
            bulletin.rankings["offices"], title=say("rank.offices_title", lang),
            unit_header=say("office.name", lang), rule=rule, lang=lang, grouped=True,
        ),
    )  # fmt: skip
    return (top, situation, late, *ranks)


def bulletin_sheets(bulletin: Bulletin, figures: dict, *, lang: str):
    overview = [
        {"state": s.value, "count": figures["counts"][s.value],
         "count_before": figures["counts_before"][s.value],
         "count_change": figures["counts"][s.value] - figures["counts_before"][s.value]}
        for s in STATE_ORDER
    ]  # fmt: skip
    return (
        record_sheet(say("sheet.overview", lang), overview,
                     ("state", "count", "count_before", "count_change"), lang),
        record_sheet(say("bulletin.late_title", lang), late_records(bulletin), LATE_FIELDS, lang),
        record_sheet(say("rank.districts_sheet", lang),
                     rank_records(bulletin.rankings["districts"]), RANK_FIELDS, lang),
        record_sheet(say("rank.offices_sheet", lang),
                     rank_records(bulletin.rankings["offices"]), RANK_FIELDS, lang),
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
