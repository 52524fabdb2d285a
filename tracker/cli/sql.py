"""`tracker sql "QUERY"`: a query with DuckDB over an export (`tracker
export`): the tables `entries` and `states`, every district's rows."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.common import emit, format_option, lang_option, output_option, pager_option
from tracker.cli.help import cli_command, option


@cli_command("sql", help="help.sql")
@click.argument("query", metavar="QUERY")
@option("--export", "folder", metavar="DIR", default="export", help="help.opt.sql_export")
@format_option("table", "json", "csv", "md")
@output_option
@lang_option
@pager_option
def command(query, folder, fmt, output, lang):
    from tracker.city.sql import run_query
    from tracker.views.export import sql_report

    answer = run_query(Path(folder), query)
    emit(sql_report(folder, answer, lang=lang), fmt, output=output)
