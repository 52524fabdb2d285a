"""`tracker evidence list|show|export`: the evidence files (佐证材料) of
entries, by goal or entry. Thin: options → tracker.app.evidence → emit."""

from __future__ import annotations

import click

from tracker.cli.common import (
    data_option,
    find_data,
    format_option,
    lang_option,
    reply,
    report_options,
)
from tracker.cli.help import SubcommandGroup, TrackerCommand, completer, option
from tracker.problems import ExitCode, TrackerError, UsageError


@click.group("evidence", cls=SubcommandGroup, help="help.evidence", no_args_is_help=True)
@lang_option
def command(lang):
    pass


def goal_option(f):
    return option(
        "--goal", "goal_id", metavar="ID", shell_complete=completer("goal"),
        help="help.opt.evidence_goal",
    )(f)  # fmt: skip


def entry_option(f):
    return option(
        "--entry", "entry_id", metavar="ENTRY", shell_complete=completer("entry"),
        help="help.opt.evidence_entry",
    )(f)  # fmt: skip


@command.command("list", cls=TrackerCommand, help="help.evidence_list",
                 short_help="help.short.evidence_list")  # fmt: skip
@goal_option
@entry_option
@report_options("table", "json", "csv", help="help.opt.evidence_format", as_of=False)
def list_command(goal_id, entry_id, fmt, output, lang, data_dir):
    from tracker.app.evidence import evidence_list

    answer = evidence_list(find_data(data_dir), goal=goal_id, entry=entry_id, lang=lang)
    reply(answer, fmt, output=output)


@command.command("show", cls=TrackerCommand, help="help.evidence_show",
                 short_help="help.short.evidence_show")  # fmt: skip
@click.argument("entry_id", metavar="ENTRY", shell_complete=completer("entry"))
@report_options("table", "json", as_of=False)
def show_command(entry_id, fmt, output, lang, data_dir):
    from tracker.app.evidence import evidence_show

    answer = evidence_show(find_data(data_dir), entry=entry_id, lang=lang)
    reply(answer, fmt, output=output)


@command.command("export", cls=TrackerCommand, help="help.evidence_export",
                 short_help="help.short.evidence_export")  # fmt: skip
@goal_option
@entry_option
@option("--all", "everything", is_flag=True, help="help.opt.evidence_all")
@option("--to", "folder", metavar="DIR", required=True, type=click.Path(file_okay=False),
        help="help.opt.evidence_to")  # fmt: skip
@format_option("table", "json")
@lang_option
@data_option
def export_command(goal_id, entry_id, everything, folder, fmt, lang, data_dir):
    from tracker.app.evidence import evidence_export
    from tracker.cli.common import emit, say_warnings

    if [goal_id is not None, entry_id is not None, everything].count(True) != 1:
        raise UsageError("evidence.which", "evidence.which_fix")
    answer = evidence_export(
        find_data(data_dir), to=folder, goal=goal_id, entry=entry_id, lang=lang
    )
    say_warnings(answer.warnings)
    emit(answer.report, fmt)  # what was copied; then what could not be, and exit 3
    if answer.problems:
        raise TrackerError(answer.problems, ExitCode.BAD_DATA)
