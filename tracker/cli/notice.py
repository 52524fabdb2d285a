"""`tracker notice`: a 督办通知单 per late item, to print (HTML, one A4 page
each) or to pass on as a Word document; text and JSON too."""

from __future__ import annotations

import click

from tracker.cli.common import find_data, owner_option, reply, report_options
from tracker.cli.help import cli_command, option


@cli_command("notice", help="help.notice")
@owner_option(help="help.opt.notice_owner")
@option("--number", type=click.IntRange(1, 9999), help="help.opt.bulletin_number_district")
@report_options("html", "docx", "text", "json", default="html")
def command(owner, number, as_of, fmt, output, lang, data_dir):
    from tracker.app.notice import notice

    if fmt == "docx":
        _word_available()
    answer = notice(find_data(data_dir), as_of=as_of, owner=owner, number=number, lang=lang)
    reply(answer, fmt, output=output, digest=True)


def _word_available() -> None:
    """python-docx is optional (the `word` extra): without it, say how to get it."""
    import importlib.util

    from tracker.problems import ExitCode, TrackerError, problem

    if importlib.util.find_spec("docx") is None:
        raise TrackerError(
            problem("tracker", None, "missing-module", "docx_missing", "docx_install"),
            ExitCode.BAD_DATA,
        )
