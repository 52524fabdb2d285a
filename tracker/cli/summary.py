"""`tracker summary`: the weekly digest for cron, in text, Markdown, HTML or JSON."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from tracker.cli.common import as_of_option, data_option, lang_option, open_data
from tracker.problems import UsageError


@click.command("summary")
@click.option("--week", metavar="YYYY-Www", help="An ISO week, e.g. 2020-W23.")
@click.option("--since", metavar="DATE", help="First day of the period.")
@click.option("--until", metavar="DATE", help="Last day of the period (default: --as-of).")
@as_of_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "md", "html", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output",
    "-o",
    "output",
    metavar="FILE",
    type=click.Path(dir_okay=False),
    help="Write to FILE (atomically: readers never see half a report).",
)
@lang_option
@data_option
def command(week, since, until, as_of, fmt, output, lang, data_dir):
    """The digest of a period (default: the 7 days ending --as-of): counts per
    state and their change, the period's entries by goal, state changes, goals
    due in the next 14 days, stale goals, and off-track goals with how far
    behind they are and their forecast. Works unattended under cron."""
    from tracker.engine.summary import summarize

    loaded = open_data(data_dir)
    day = loaded.date(as_of, option="--as-of")
    start, end, week_name = _period(loaded, week, since, until, day)
    summary = summarize(loaded.plan, loaded.entries, since=start, until=end)
    text = render(summary, fmt=fmt, week=week_name, lang=lang, to_terminal=output is None)
    if text is None:
        return  # printed to the terminal with rich
    if output:
        from tracker.cli.common import write_atomic

        write_atomic(Path(output), text)
    else:
        from tracker.cli.common import write_text

        write_text(text)


def _period(loaded, week, since, until, day) -> tuple[dt.date, dt.date, str | None]:
    if week and (since or until):
        raise UsageError("give --week or --since/--until, not both")
    if week:
        from tracker.dates import parse_week

        start, end = parse_week(week)
        iso = start.isocalendar()
        return start, end, f"{iso.year}-W{iso.week:02d}"
    end = loaded.date(until, option="--until") if until else day
    start = loaded.date(since, option="--since") if since else end - dt.timedelta(days=6)
    if start > end:
        raise UsageError(f"the period starts ({start}) after it ends ({end})")
    return start, end, None


def render(summary, *, fmt, week, lang, to_terminal) -> str | None:
    from tracker.views import summary as view

    if fmt == "json":
        from tracker.jsontext import dumps

        return dumps(view.summary_document(summary, week=week, lang=lang), indent=2) + "\n"
    if fmt == "html":
        from tracker.render.html import render_html

        return render_html("summary.html.j2", view.html_context(summary, week=week, lang=lang))
    blocks = view.summary_blocks(summary, week=week, lang=lang)
    if fmt == "md":
        from tracker.render.table import render_markdown

        return "\n".join(render_markdown(b, level=1 if i == 0 else 2) for i, b in enumerate(blocks))
    from tracker.cli.common import rich_wanted
    from tracker.render.table import render_plain

    if to_terminal and rich_wanted():
        from rich.console import Console

        from tracker.render.table import render_rich

        console = Console(highlight=False, emoji=False, markup=False)
        for block in blocks:
            render_rich(block, console)
            console.print()
        return None
    return "\n".join(render_plain(b) for b in blocks)
