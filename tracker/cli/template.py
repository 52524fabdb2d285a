"""`tracker template`: a fill-in workbook of offices' goals; and reading one back
for `tracker log --from-xlsx / --from-csv`, through the one write sequence."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import click

from tracker.cli.common import (
    as_of_option,
    data_option,
    find_data,
    lang_option,
    output_option,
    owner_option,
    reply,
)
from tracker.cli.help import cli_command
from tracker.problems import ExitCode, TrackerError
from tracker.words import say


@cli_command("template", help="help.template")
@owner_option(help="help.opt.template_owner", multiple=True)
@as_of_option
@output_option(help="help.opt.template_output", required=True)
@lang_option
@data_option
def command(owners, as_of, output, lang, data_dir):
    from tracker.app.template import template

    answer = template(find_data(data_dir), owners=owners, as_of=as_of, lang=lang)
    reply(answer, "xlsx", output=output)
    line = say("template.written", lang, file=output, sheets=answer.offices, goals=answer.goals)
    click.echo(line)


def log_from_sheet(loaded, path: str, *, csv: bool, dry_run: bool, by: str, recorded_at: str):
    """Log the filled rows of a template (or a CSV of its columns): every row
    gets the checks `tracker log` applies, a row whose goal moved since the
    template was made is refused, and all is written or nothing. Problems name
    their cells (区财政局!H7)."""
    from tracker.storage import evidence
    from tracker.storage.batch import BatchDefaults
    from tracker.storage.workbook import read_filled
    from tracker.writes import new_id, write

    plan = loaded.plan
    from tracker.dates import parse_date

    # A cell's date is read as written: `yesterday` in a form is refused, not
    # counted from the day of the import.
    as_written = partial(parse_date, today=None)
    defaults = BatchDefaults(
        recorded_at, by, loaded.today.isoformat(), new_id, as_written,
        plan_end=plan.end.isoformat(),
    )  # fmt: skip
    goals = {goal.id: goal for goal in plan.goals}
    limit = plan.verification.evidence_max_mb
    filled = read_filled(Path(path), path, goals, defaults, csv=csv, limit_mb=limit)
    if not filled.sheets:  # nothing could be read at all: say why, and only that
        raise TrackerError(filled.problems, ExitCode.BAD_DATA)
    problems = list(filled.problems)
    if filled.entries or filled.remembered:
        from tracker.rules.template import already_imported, moved_since_template
        from tracker.storage.journal import read_log

        existing, _ = read_log(loaded.data.progress_dir, display=loaded.data.display)
        imported = already_imported(plan, existing, filled.entries)
        # A row imported before has also moved its goal: said once, as imported.
        again = {(p.file, p.line) for p in imported}
        problems += imported + [
            p for p in moved_since_template(plan, existing, filled.remembered)
            if (p.file, p.line) not in again
        ]  # fmt: skip

    def keep() -> None:  # the rows' evidence files, once every row has passed the rules
        evidence.keep(loaded.data.root, filled.files, limit_mb=limit)

    try:
        return write(
            loaded.data, plan, filled.entries, today=loaded.today, dry_run=dry_run, batch=True,
            by=by, recorded_at=recorded_at, input_problems=problems, input_name=path, keep=keep,
        )  # fmt: skip
    except TrackerError as error:
        if error.exit_code is not ExitCode.BAD_DATA:
            raise
        raise TrackerError(filled.locate(error.problems), error.exit_code) from None
