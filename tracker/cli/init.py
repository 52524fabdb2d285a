"""`tracker init DIR [--from OLD --year Y]`: start a plan folder, or next year's plan."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.common import emit, format_option, lang_option
from tracker.cli.help import cli_command, option


@cli_command("init", help="help.init")
@click.argument("folder", metavar="DIR", type=click.Path(file_okay=False))
@option("--from", "old", metavar="OLD_DIR", help="help.opt.init_from")
@option("--year", type=click.IntRange(1, 9998), help="help.opt.init_year")
@option("--city", "city", is_flag=True, help="help.opt.init_city")
@format_option("table", "json")
@lang_option
def command(folder, old, year, city, fmt, lang):
    from tracker.storage.scaffold import blank_plan, create_folder, dump_plan
    from tracker.views.init import init_report

    root = Path(folder)
    if city:  # a city folder: city.toml, not a plan
        from tracker.city.cityfile import start_city
        from tracker.dates import today_in

        year = year or today_in("Asia/Shanghai").year
        written = start_city(root, year)
        emit(init_report(root, written, f"city-{year}", year, [], lang=lang, city=True), fmt)
        return
    carried: list = []
    if old is None:
        from tracker.dates import today_in

        year = year or today_in("Asia/Shanghai").year
        plan_id, text = f"plan-{year}", blank_plan(year)
    else:
        from tracker.cli.common import open_data
        from tracker.engine.rollover import carry_over
        from tracker.engine.status import all_figures

        loaded = open_data(old)
        source = loaded.plan
        year = year or source.start.year + 1
        new_plan, carried = carry_over(source, all_figures(source, loaded.entries), year=year)
        plan_id = new_plan.id
        header = f"goals.toml — {new_plan.title}\ncarried from {source.id} ({old}) by tracker init"
        text = dump_plan(new_plan, header=header)
    written = create_folder(root, text)
    emit(init_report(root, written, plan_id, year, [g.id for g in carried], lang=lang), fmt)
