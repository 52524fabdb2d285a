"""`tracker city …`: a city of districts — fetch their repositories, then
status (districts × indicators), show INDICATOR, rank, and the city's
bulletin (summary). Thin: options → tracker.city opens every district →
a view → emit. A district left out is a problem on stderr and a line in the
report; the report comes out for the rest."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import click

from tracker.cli.common import (
    as_of_option,
    emit,
    format_option,
    lang_option,
    output_option,
    pager_option,
    write_atomic,
)
from tracker.cli.help import SubcommandGroup, TrackerCommand, option
from tracker.problems import ExitCode, TrackerError, UsageError, problem
from tracker.words import say

EXTENSIONS = {"text": "txt", "md": "md", "html": "html", "json": "json", "xlsx": "xlsx"}


def city_option(f):
    return option("--city", "city_dir", metavar="DIR", default=None, help="help.opt.city")(f)


def report_options(f):
    """What every city report takes: --as-of, --format (the status formats),
    --output, --lang, --no-pager and --city."""
    for decorate in (
        city_option,
        pager_option,
        lang_option,
        output_option,
        format_option("table", "json", "csv", "md", "html", "xlsx"),
        as_of_option,
    ):
        f = decorate(f)
    return f  # fmt: skip


@click.group("city", cls=SubcommandGroup, help="help.city", no_args_is_help=True)
@lang_option
def command(lang):
    pass


# ── opening the city ─────────────────────────────────────────────────────────


class CityRun:
    """The city folder and its plan, opened for a command: problems in
    city.toml that leave no city stop it (exit 3); others are warnings."""

    def __init__(self, city_dir: str | None):
        from tracker.city.cityfile import find_city, read_city
        from tracker.dates import today_in

        self.root = find_city(city_dir, env=os.environ, cwd=Path.cwd())
        city, problems = read_city(self.root)
        if city is None:
            from tracker.city.cityfile import CITY_FILE, display

            name = display(self.root / CITY_FILE)
            extra = problem(name, None, "summary", "city.city_problems", "city.city_problems_fix",
                            count=len(problems))  # fmt: skip
            raise TrackerError([*problems, extra], ExitCode.BAD_DATA)
        warn(problems)
        self.city = city
        self.today = today_in(city.timezone)

    def date(self, text: str | None, option: str) -> dt.date:
        if text is None:
            return self.today
        from tracker.dates import parse_date

        try:
            return parse_date(text, today=self.today)
        except UsageError as error:
            p = error.problems[0]
            raise UsageError("option_problem", p.fix, option=option, detail=p.what) from None

    def districts(self, as_of: dt.date, before: dt.date | None = None):
        from tracker.city.districts import open_city

        opened = open_city(self.root, self.city, as_of=as_of, before=before)
        warn(opened.problems)
        return opened

    def elapsed(self, opened, as_of: dt.date) -> float:
        from tracker.engine.city import elapsed

        return elapsed(self.city, [d.plan for d in opened.counted], as_of)


def warn(problems) -> None:
    """Each problem on stderr as `file:line: message (hint)`."""
    from tracker.cli.lang import current_lang
    from tracker.render.text import inert

    lang = current_lang()
    for found in problems:
        click.echo(inert(found.text(lang)), err=True)


def period_start(run: CityRun, since: str | None, day: dt.date) -> dt.date:
    """The period the movement is measured over: `--since`, else the 7 days
    ending the report's date (the digest's week)."""
    start = run.date(since, "--since") if since else day - dt.timedelta(days=6)
    if start > day:
        raise UsageError("period_backwards", start=start, end=day)
    return start


# ── the commands ─────────────────────────────────────────────────────────────


@command.command("fetch", cls=TrackerCommand, help="help.city_fetch")
@format_option("table", "json")
@lang_option
@city_option
def fetch(fmt, lang, city_dir):
    from tracker.city.fetch import fetch_all
    from tracker.views.city import fetch_report

    run = CityRun(city_dir)
    fetched = fetch_all(run.root, run.city.districts)
    warn([f.problem for f in fetched if f.problem is not None])
    emit(fetch_report(run.city, fetched, lang=lang), fmt)


@command.command("status", cls=TrackerCommand, help="help.city_status")
@report_options
def status(as_of, fmt, output, lang, city_dir):
    from tracker.views.city import city_status_report

    run = CityRun(city_dir)
    day = run.date(as_of, "--as-of")
    opened = run.districts(day)
    report = city_status_report(
        run.city, opened.districts, as_of=day, lang=lang, elapsed=run.elapsed(opened, day)
    )
    emit(report, fmt, output=output)


@command.command("show", cls=TrackerCommand, help="help.city_show")
@click.argument("code", metavar="INDICATOR")
@report_options
def show(code, as_of, fmt, output, lang, city_dir):
    from tracker.problems import suggest_or
    from tracker.views.city import city_show_report

    run = CityRun(city_dir)
    indicator = run.city.indicator(code) or _by_name(run.city, code)
    if indicator is None:
        codes = [i.code for i in run.city.indicators]
        fix = suggest_or(code, codes, "city.indicators_are", codes=", ".join(codes) or "—")
        raise UsageError("city.no_such_indicator", fix, code=code)
    day = run.date(as_of, "--as-of")
    opened = run.districts(day)
    emit(city_show_report(run.city, opened.districts, indicator, as_of=day, lang=lang), fmt,
         output=output)  # fmt: skip


def _by_name(city, text: str):
    """An indicator named by its Chinese or English name, as people say it."""
    found = [i for i in city.indicators if text in (i.name, i.name_en)]
    return found[0] if len(found) == 1 else None


@command.command("rank", cls=TrackerCommand, help="help.city_rank")
@option("--since", metavar="DATE", help="help.opt.city_since")
@report_options
def rank(as_of, since, fmt, output, lang, city_dir):
    from tracker.engine.city import city_rankings
    from tracker.views.city import city_rank_report

    run = CityRun(city_dir)
    day = run.date(as_of, "--as-of")
    start = period_start(run, since, day)
    opened = run.districts(day, before=start - dt.timedelta(days=1))
    rankings = city_rankings(opened.districts, run.city.rule)
    report = city_rank_report(
        run.city, opened.districts, rankings, as_of=day, since=start, lang=lang
    )
    emit(report, fmt, output=output)


@command.command("summary", cls=TrackerCommand, help="help.city_summary")
@as_of_option
@option("--since", metavar="DATE", help="help.opt.city_since")
@option("--number", type=click.IntRange(1, 9999), help="help.opt.bulletin_number")
@option("--split-by", "split_by", type=click.Choice(["district"]), help="help.opt.split_district")
@format_option("text", "md", "html", "json", "xlsx", default="text")
@option("--output", "-o", "output", metavar="FILE", type=click.Path(),
        help="help.opt.summary_output")  # fmt: skip
@lang_option
@pager_option
@city_option
def summary(as_of, since, number, split_by, fmt, output, lang, city_dir):
    from tracker.engine.city import city_rankings
    from tracker.views.city_bulletin import Bulletin, bulletin_report, for_district, masthead

    if split_by and not output:
        raise UsageError("split.needs_output", "split.give_dir")
    run = CityRun(city_dir)
    day = run.date(as_of, "--as-of")
    start = period_start(run, since, day)
    opened = run.districts(day, before=start - dt.timedelta(days=1))
    bulletin = Bulletin(
        run.city, opened.districts, start, day,
        masthead(run.city, number=number, since=start, until=day, lang=lang),
        run.elapsed(opened, day), city_rankings(opened.districts, run.city.rule),
    )  # fmt: skip
    if not split_by:
        emit(bulletin_report(bulletin, lang=lang), fmt, output=output, digest=True)
        return
    from tracker.render.out import render

    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise UsageError("split.not_a_dir", "split.give_new_dir", path=str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    for district in opened.counted:
        report = bulletin_report(for_district(bulletin, district), lang=lang)
        path = folder / f"{district.spec.id}.{EXTENSIONS[fmt]}"
        write_atomic(path, render(report, fmt, indent=2))
        click.echo(say("city.wrote", lang, path=path, district=district.spec.name))
