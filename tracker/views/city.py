"""A city's reports as Reports: `city fetch` (what was brought in), `city
status` (districts × indicators), `city show INDICATOR` (every district on
one indicator) and `city rank` (districts, and offices across districts,
ranked on outcomes with the rule under the table). Each district's goals are
the very status records its own `status --format json` gives (status_dict)."""

from __future__ import annotations

import datetime as dt

from tracker.engine.city import City, District, Indicator, on_indicator
from tracker.engine.ranking import Ranked, ScoringRule, outcome
from tracker.engine.status import state_counts
from tracker.model import GoalStatus
from tracker.numbers import plain_number
from tracker.views.bulletin import (
    on_time_text,
    ranked_dict,
    ranking_part,
    rule_dict,
)
from tracker.views.common import STATE_ORDER, percent, status_dict, title_of
from tracker.views.model import Cell, Column, Section, Table
from tracker.views.phrases import schedule_text, state_name, state_text, value_text
from tracker.views.report import Report
from tracker.views.sheets import flat_status, record_sheet
from tracker.words import say

SHORT_COMMIT = 10


def city_name(city: City, lang: str) -> str:
    return title_of(city, lang)


def district_name(district: District, lang: str) -> str:
    return title_of(district.spec, lang)


def indicator_name(indicator: Indicator, lang: str) -> str:
    return title_of(indicator, lang)


def city_dict(city: City) -> dict:
    return {"id": city.id, "title": city.title, "title_en": city.title_en, "year": city.year}


def problem_dicts(problems, lang: str) -> list[dict]:
    return [p.to_dict(lang) for p in problems]


def district_dict(district: District, lang: str, *, goals: bool = True) -> dict:
    """A district as the city reads it: where from, at which commit, whether it
    counts (and why not), and its goals exactly as its own status gives them."""
    spec, plan = district.spec, district.plan
    out = {
        "id": spec.id,
        "name": spec.name,
        "name_en": spec.name_en,
        "folder": district.folder,
        "url": spec.url,
        "ref": spec.ref,
        "commit": district.commit,
        "included": district.included,
        "plan": None
        if plan is None
        else {"id": plan.id, "title": plan.title, "title_en": plan.title_en},  # fmt: skip
        "counts": state_counts(list(district.statuses)) if district.included else None,
        "log_problems": district.log_problems,
        "problems": problem_dicts(district.problems, lang),
    }
    if goals:
        out["goals"] = [status_dict(s) for s in district.statuses]
    return out


def left_out_lines(districts: tuple[District, ...], lang: str) -> tuple[str, ...]:
    """One line per district left out of the report, saying why."""
    return tuple(
        say(
            "city.left_out_line",
            lang,
            district=district_name(d, lang),
            reason=d.problems[0].message(lang) if d.problems else "—",
        )  # fmt: skip
        for d in districts
        if not d.included
    )


def short(commit: str | None) -> str:
    return commit[:SHORT_COMMIT] if commit else "—"


# ── city fetch ───────────────────────────────────────────────────────────────


def fetch_report(city: City, fetched, *, lang: str) -> Report:
    def body() -> dict:
        return {
            "city": city_dict(city),
            "districts": [
                {
                    "id": f.spec.id,
                    "url": f.spec.url,
                    "ref": f.spec.ref,
                    "action": f.action,
                    "commit": f.commit,
                    "problem": None if f.problem is None else f.problem.to_dict(lang),
                }
                for f in fetched
            ],
        }

    def lines() -> tuple[str, ...]:
        out = []
        for f in fetched:
            if f.problem is not None:
                out.append(say("city.fetch_failed", lang, district=f.spec.id))
            else:
                out.append(say(f"city.fetch_{f.action}", lang, district=f.spec.id,
                               commit=short(f.commit)))  # fmt: skip
        return tuple(out)

    return Report("tracker.city-fetch/1", None, body, text=lines)


# ── city status ──────────────────────────────────────────────────────────────

STATUS_FIELDS = ("district", "district_name", "indicator", "commit", "id", "title", "title_en",
                 "owner", "kind", "state", "progress", "expected", "current", "target", "unit",
                 "deadline", "days_left", "due_soon", "stale", "schedule_days",
                 "forecast_completion_date", "forecast_days_late")  # fmt: skip


def goal_records(districts: tuple[District, ...]) -> list[dict]:
    """One flat record per district and goal (CSV, a workbook's rows)."""
    out = []
    for d in districts:
        codes = {goal_id: code for code, goal_id in d.indicators}
        for s in d.statuses:
            record = flat_status(status_dict(s))
            out.append(
                dict(
                    record,
                    district=d.spec.id,
                    district_name=d.spec.name,
                    indicator=codes.get(s.goal.id),
                    commit=d.commit,
                )  # fmt: skip
            )
    return out


def indicator_cell(status: GoalStatus) -> dict:
    return {
        "goal": status.goal.id,
        "state": status.state.value,
        "current": plain_number(status.current),
        "target": plain_number(status.goal.target),
        "unit": status.goal.unit,
        "progress": round(status.progress, 6),
        "expected": round(status.expected, 6),
        "schedule_days": status.schedule_days,
        "deadline": status.goal.deadline.isoformat(),
    }


def indicators_body(city: City, districts: tuple[District, ...]) -> list[dict]:
    return [
        {
            "code": i.code,
            "name": i.name,
            "name_en": i.name_en,
            "unit": i.unit,
            "districts": [
                {"district": d.spec.id, **(indicator_cell(s) if s else {"goal": None})}
                for d, s in on_indicator(districts, i.code)
            ],
        }
        for i in city.indicators
    ]


def city_status_report(
    city: City, districts: tuple[District, ...], *, as_of: dt.date, lang: str, elapsed: float
) -> Report:
    counted = tuple(d for d in districts if d.included)

    def body() -> dict:
        return {
            "city": city_dict(city),
            "districts": [district_dict(d, lang) for d in districts],
            "indicators": indicators_body(city, districts),
            "left_out": [d.spec.id for d in districts if not d.included],
            "problems": problem_dicts([p for d in districts for p in d.problems], lang),
        }

    def tables() -> tuple[Table, ...]:
        return (
            districts_table(city, districts, as_of=as_of, lang=lang, elapsed=elapsed),
            indicators_table(city, counted, lang=lang),
        )

    def sheets():
        records = goal_records(counted)
        return (record_sheet(say("city.sheet_goals", lang), records, STATUS_FIELDS, lang),)

    return Report(
        "tracker.city-status/2",
        as_of,
        body,
        tables=tables,
        rows=lambda: goal_records(counted),
        fieldnames=STATUS_FIELDS,
        sheets=sheets,
        template="tables.html.j2",
        page=lambda: page_context(city_name(city, lang), tables(), lang),
    )


def districts_table(
    city: City, districts: tuple[District, ...], *, as_of: dt.date, lang: str, elapsed: float
) -> Table:
    columns = (
        Column("district", say("city.district", lang)),
        Column("goals", say("office.held", lang), align="right"),
        *(Column(s.value, state_name(s, lang), align="right", drop=3) for s in STATE_ORDER),
        Column("completion", say("rank.completion", lang), align="right"),
        Column("on_time", say("rank.on_time", lang), align="right", drop=2),
        Column("commit", say("city.commit", lang), drop=4),
    )
    rows = []
    for d in districts:
        if not d.included:
            continue
        counts = state_counts(list(d.statuses))
        result = outcome(d.spec.name, d.statuses)
        rows.append(
            (
                Cell(district_name(d, lang)),
                Cell(str(result.held)),
                *(Cell(str(counts[s.value]), s.value if counts[s.value] else "dim")
                  for s in STATE_ORDER),
                Cell(percent(result.completion)),
                Cell(on_time_text(result, lang)),
                Cell(short(d.commit), "dim"),
            )
        )  # fmt: skip
    header = (
        say("city.header", lang, as_of=as_of.isoformat(), count=len(districts),
            counted=len(rows), elapsed=percent(elapsed)),
    )  # fmt: skip
    notes = left_out_lines(districts, lang)
    notes += tuple(
        say("city.log_problems_line", lang, district=district_name(d, lang), count=d.log_problems)
        for d in districts
        if d.included and d.log_problems
    )
    return Table(
        columns,
        tuple(rows),
        title=say("city.status_title", lang, city=city_name(city, lang)),
        header_lines=header,
        footer_lines=notes,
        empty_text=say("city.no_district", lang),
    )


def indicators_table(city: City, districts: tuple[District, ...], *, lang: str) -> Table:
    columns = (
        Column("district", say("city.district", lang)),
        Column("id", say("column.id", lang), shrink=6, min_width=12, drop=3),
        Column("value", say("column.value", lang), align="right"),
        Column("progress", say("column.progress", lang), align="right", drop=2),
        Column("expected", say("column.expected", lang), align="right", drop=4),
        Column("state", say("column.state", lang)),
        Column("schedule", say("city.schedule", lang), drop=1),
    )
    rows: list = []
    for indicator in city.indicators:
        rows.append(Section(indicator_heading(indicator, lang)))
        rows.extend(indicator_rows(districts, indicator.code, lang))
    return Table(
        columns,
        tuple(rows),
        title=say("city.indicators_title", lang),
        empty_text=say("city.no_indicator", lang),
    )


def indicator_heading(indicator: Indicator, lang: str) -> str:
    return f"{indicator_name(indicator, lang)} ({indicator.code})"


def indicator_rows(districts: tuple[District, ...], code: str, lang: str) -> list[tuple]:
    rows = []
    for d, s in on_indicator(districts, code):
        if s is None:
            rows.append(
                (Cell(district_name(d, lang)), Cell("—", "dim"), Cell(say("city.no_goal", lang),
                 "dim"), Cell(""), Cell(""), Cell(""), Cell(""))
            )  # fmt: skip
            continue
        rows.append(
            (
                Cell(district_name(d, lang)),
                Cell(s.goal.id, "dim"),
                Cell(value_text(s, lang)),
                Cell(percent(s.progress)),
                Cell(percent(s.expected), "dim"),
                Cell(state_text(s.state, lang), s.state.value),
                Cell(schedule_text(s, lang) if s.schedule_days is not None else "—"),
            )
        )
    return rows


# ── city show INDICATOR ──────────────────────────────────────────────────────

SHOW_FIELDS = ("district", "district_name", "goal", "state", "current", "target", "unit",
               "progress", "expected", "schedule_days", "deadline")  # fmt: skip


def city_show_report(
    city: City, districts: tuple[District, ...], indicator: Indicator, *, as_of: dt.date,
    lang: str,
) -> Report:  # fmt: skip
    found = on_indicator(districts, indicator.code)

    def records() -> list[dict]:
        return [
            {"district": d.spec.id, "district_name": d.spec.name,
             **(indicator_cell(s) if s else {"goal": None})}
            for d, s in found
        ]  # fmt: skip

    def body() -> dict:
        return {
            "city": city_dict(city),
            "indicator": {"code": indicator.code, "name": indicator.name,
                          "name_en": indicator.name_en, "unit": indicator.unit},
            "districts": [
                dict(record, commit=d.commit, status=status_dict(s) if s else None)
                for record, (d, s) in zip(records(), found)
            ],
            "left_out": [d.spec.id for d in districts if not d.included],
            "problems": problem_dicts([p for d in districts for p in d.problems], lang),
        }  # fmt: skip

    def tables() -> tuple[Table, ...]:
        table = indicators_table(city, districts, lang=lang)
        rows = tuple(indicator_rows(districts, indicator.code, lang))
        return (
            table._replace(
                rows=rows,
                title=indicator_heading(indicator, lang),
                header_lines=(say("city.show_header", lang, as_of=as_of.isoformat(),
                                  count=sum(1 for _, s in found if s)),),
                footer_lines=left_out_lines(districts, lang),
            ),
        )  # fmt: skip

    return Report(
        "tracker.city-show/2",
        as_of,
        body,
        tables=tables,
        rows=records,
        fieldnames=SHOW_FIELDS,
        sheets=lambda: (record_sheet(indicator.code, records(), SHOW_FIELDS, lang),),
        template="tables.html.j2",
        page=lambda: page_context(city_name(city, lang), tables(), lang),
    )


# ── city rank ────────────────────────────────────────────────────────────────

RANK_FIELDS = ("place", "name", "group", "held", "done", "completion", "on_time", "score",
               "previous_place", "movement")  # fmt: skip


def ranking_table(
    ranking: list[Ranked], *, title: str, unit_header: str, rule: ScoringRule, lang: str,
    grouped: bool = False, header_lines: tuple[str, ...] = (),
) -> Table:  # fmt: skip
    """A ranking as a table, the rule under it in words: the district
    bulletin's ranking section (views/bulletin.py), drawn as a table."""
    return ranking_part(
        ranking, title=title, unit_header=unit_header, rule=rule, lang=lang,
        grouped_by=say("city.district", lang) if grouped else "", header_lines=header_lines,
    ).table(lang=lang)  # fmt: skip


def rank_records(ranking: list[Ranked]) -> list[dict]:
    return [ranked_dict(r) for r in ranking]


def city_rank_report(
    city: City, districts: tuple[District, ...], rankings: dict[str, list[Ranked]], *,
    as_of: dt.date, since: dt.date, lang: str,
) -> Report:  # fmt: skip
    """`rankings`: "districts" and "offices", each best first."""

    def body() -> dict:
        return {
            "city": city_dict(city),
            "previous": (since - dt.timedelta(days=1)).isoformat(),
            "rule": rule_dict(city.rule, lang),
            "districts": rank_records(rankings["districts"]),
            "offices": rank_records(rankings["offices"]),
            "left_out": [d.spec.id for d in districts if not d.included],
            "problems": problem_dicts([p for d in districts for p in d.problems], lang),
        }

    def tables() -> tuple[Table, ...]:
        header = (say("rank.header", lang, as_of=as_of.isoformat(),
                      previous=(since - dt.timedelta(days=1)).isoformat()),)  # fmt: skip
        return (
            ranking_table(
                rankings["districts"], title=say("rank.districts_title", lang,
                city=city_name(city, lang)), unit_header=say("city.district", lang),
                rule=city.rule, lang=lang, header_lines=header + left_out_lines(districts, lang),
            ),
            ranking_table(
                rankings["offices"], title=say("rank.offices_title", lang),
                unit_header=say("office.name", lang), rule=city.rule, lang=lang, grouped=True,
            ),
        )  # fmt: skip

    def records() -> list[dict]:
        return [dict(r, ranking="districts") for r in rank_records(rankings["districts"])] + [
            dict(r, ranking="offices") for r in rank_records(rankings["offices"])
        ]

    def sheets():
        return (
            record_sheet(say("rank.districts_sheet", lang), rank_records(rankings["districts"]),
                         RANK_FIELDS, lang),
            record_sheet(say("rank.offices_sheet", lang), rank_records(rankings["offices"]),
                         RANK_FIELDS, lang),
        )  # fmt: skip

    return Report(
        "tracker.city-rank/1",
        as_of,
        body,
        tables=tables,
        rows=records,
        fieldnames=("ranking", *RANK_FIELDS),
        sheets=sheets,
        template="tables.html.j2",
        page=lambda: page_context(city_name(city, lang), tables(), lang),
    )


# ── HTML: a page of tables ───────────────────────────────────────────────────


def page_context(title: str, tables: tuple[Table, ...], lang: str) -> dict:
    """The context of templates/tables.html.j2: a page of titled tables (the
    first one's header lines under the page's heading)."""
    return {"html_lang": say("html.lang", lang), "title": title, "tables": tables}
