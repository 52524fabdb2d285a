"""`tracker attach`: evidence files (佐证材料) for an entry already in the log,
appended as an attachment line about it."""

from __future__ import annotations

import click

from tracker.cli.common import data_option, emit_written, format_option, lang_option, open_data
from tracker.cli.help import cli_command, completer, option
from tracker.model import Op


@cli_command("attach", help="help.attach")
@click.argument("entry_id", metavar="ENTRY", shell_complete=completer("entry"))
@click.argument("files", metavar="FILE...", nargs=-1, required=True, type=click.Path())
@option("--note", default="", help="help.opt.attach_note")
@option("--by", "by", metavar="NAME", help="help.opt.attach_by")
@option("--dry-run", is_flag=True, help="help.opt.attach_dry_run")
@format_option("table", "json")
@lang_option
@data_option
def command(entry_id, files, note, by, dry_run, fmt, lang, data_dir):
    from tracker.app.common import entry_named
    from tracker.cli.log import evidence_files, reporter, user_text
    from tracker.dates import utc_now_text
    from tracker.loader import open_log
    from tracker.views.write import attach_report
    from tracker.writes import line_about, write

    loaded = open_data(data_dir, with_log=False, warn=False)
    target = entry_named(open_log(loaded.data, loaded.plan), entry_id)
    evidence, keep = evidence_files(loaded, files)  # every refusal said before anything is kept
    attachment = line_about(
        target, Op.ATTACH, day=loaded.today, recorded_at=utc_now_text(), by=reporter(by),
        note=user_text("--note", note), evidence=evidence,
    )  # fmt: skip
    result = write(
        loaded.data, loaded.plan, [attachment], today=loaded.today, dry_run=dry_run, keep=keep
    )
    emit_written(attach_report(result, target=target, lang=lang), fmt, result, lang=lang)
