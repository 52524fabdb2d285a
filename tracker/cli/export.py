"""`tracker export --format parquet DIR`: a district's, or a whole city's,
entries and weekly goal states as partitioned Parquet, with a manifest
(`DIR/export.json`) of what each district's files were made from."""

from __future__ import annotations

import os
from pathlib import Path

import click

from tracker.cli.common import as_of_option, data_option, emit, format_option, lang_option
from tracker.cli.help import cli_command, option


@cli_command("export", help="help.export")
@click.argument("folder", metavar="DIR", type=click.Path(file_okay=False))
@format_option("parquet", default="parquet", help="help.opt.export_format")
@as_of_option
@option("--city", "city_dir", metavar="DIR", default=None, help="help.opt.export_city")
@lang_option
@data_option
def command(folder, fmt, as_of, city_dir, lang, data_dir):
    from tracker.city.export import need_pyarrow
    from tracker.storage.outfile import write_atomic
    from tracker.views.export import export_report

    need_pyarrow()  # before anything is read: without the extra there is nothing to do
    out = Path(folder)
    if _is_city(city_dir, data_dir):
        from tracker.city.export import export_city
        from tracker.cli.city import CityRun, warn

        run = CityRun(city_dir)
        day = run.date(as_of, "--as-of")
        written, left_out = export_city(run.root, run.city, out, as_of=day)
        warn([p for d in left_out for p in d.problems])
    else:
        from tracker.app.common import open_log
        from tracker.city.export import export_district
        from tracker.city.fetch import head_commit
        from tracker.cli.common import open_data, say_warnings

        loaded = open_data(data_dir, with_log=False)
        day = loaded.date(as_of, option="--as-of")
        log, warnings = open_log(loaded)
        say_warnings(warnings)
        plan = loaded.plan
        written = [
            export_district(
                out,
                plan.id,
                loaded.data,
                plan,
                log,
                as_of=day,
                commit=head_commit(loaded.data.root),
            )  # fmt: skip
        ]
        left_out = []
    report = export_report(str(out), written, left_out, as_of=day, lang=lang)
    from tracker.render.out import render

    write_atomic(out / "export.json", render(report, "json", indent=2))
    emit(report, "table")


def _is_city(city_dir: str | None, data_dir: str | None) -> bool:
    """A city when --city says so; a district when --data or $TRACKER_DATA
    does; else whichever of goals.toml and city.toml is nearer from here up."""
    if city_dir:
        return True
    ctx = click.get_current_context()
    if data_dir or os.environ.get("TRACKER_DATA") or (ctx.find_root().obj or {}).get("data_dir"):
        return False
    if os.environ.get("TRACKER_CITY"):
        return True
    from tracker.city.cityfile import CITY_FILE
    from tracker.storage.datadir import GOALS_FILE

    cwd = Path.cwd()
    for place in (cwd, *cwd.parents):
        if (place / GOALS_FILE).is_file():
            return False
        if (place / CITY_FILE).is_file():
            return True
    return False
