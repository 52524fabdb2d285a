"""`tracker summary`: the weekly digest for cron, in text, Markdown, HTML, JSON
or a mail message; for the whole plan, one office, or one file per office."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from tracker.cli.common import (
    as_of_option,
    data_option,
    emit,
    format_option,
    lang_option,
    open_data,
    open_log,
    pager_option,
    write_atomic,
    write_text,
)
from tracker.cli.help import cli_command, option
from tracker.problems import UsageError
from tracker.refs import resolve_owner

EXTENSIONS = {
    "text": "txt", "md": "md", "html": "html", "json": "json", "email": "eml", "xlsx": "xlsx"
}  # fmt: skip


@cli_command("summary", help="help.summary")
@option("--week", metavar="YYYY-Www", help="help.opt.week")
@option("--since", metavar="DATE", help="help.opt.period_since")
@option("--until", metavar="DATE", help="help.opt.period_until")
@option("--owner", metavar="OFFICE", help="help.opt.summary_owner")
@option("--split-by", "split_by", type=click.Choice(["owner"]), help="help.opt.split_by")
@as_of_option
@format_option("text", "md", "html", "json", "xlsx", "email", default="text")
@option(
    "--output",
    "-o",
    "output",
    metavar="FILE",
    type=click.Path(),
    help="help.opt.summary_output",
)
@option("--to", "to", metavar="ADDRESS", multiple=True, help="help.opt.mail_to")
@option("--subject", metavar="TEXT", help="help.opt.mail_subject")
@option("--from", "sender", metavar="ADDRESS", help="help.opt.mail_from")
@lang_option
@pager_option
@data_option
def command(
    week, since, until, owner, split_by, as_of, fmt, output, to, subject, sender, lang, data_dir
):
    from tracker.engine.summary import summarize
    from tracker.views.summary import summary_report, summary_subject

    if split_by and owner:
        raise UsageError("split.not_with_owner")
    if split_by and not output:
        raise UsageError("split.needs_output", "split.give_dir")
    recipients = _recipients(to) if fmt == "email" else []
    if fmt == "email" and not recipients:
        raise UsageError("email.needs_to", "email.give_to")
    if fmt == "email" and sender:
        _check_address(sender)
    loaded = open_data(data_dir, with_log=False)
    day = loaded.date(as_of, option="--as-of")
    start, end, week_name = _period(loaded, week, since, until, day)
    if owner is not None:
        owner = resolve_owner(loaded.plan, owner)
    log = open_log(loaded)  # the period's files plus the maintained series
    # The period's rows only: those whose id an earlier line has (perhaps before
    # the period) are left out here, as the whole log would leave them out.
    shadowed = log.shadowed()
    dated = log.entries(since=start, until=end)
    period = [e for e in dated if e.origin not in shadowed] + log.retractions()
    series, unknown = log.series(), tuple(log.unknown())

    def digest(office: str | None):
        summary = summarize(
            loaded.plan, period, since=start, until=end, office=office, series=series,
            unknown=unknown,
        )  # fmt: skip
        return summary, summary_report(summary, week=week_name, lang=lang)

    def headers(summary) -> dict[str, str]:
        from email.utils import formatdate

        title = subject or summary_subject(summary, week=week_name, lang=lang)
        return {
            "From": sender or "",
            "To": ", ".join(recipients),
            "Subject": " ".join(title.split()),  # one line: no header injection
            "Date": formatdate(localtime=True),
        }

    if split_by:
        _split(digest, headers, fmt, Path(output), lang)
        return
    summary, report = digest(owner)
    if fmt != "email":
        emit(report, fmt, output=output or None, digest=True)
        return
    from tracker.render.out import render

    text = render(report, fmt, headers=headers(summary))
    if output:
        write_atomic(Path(output), text)
    else:
        write_text(text)


def _split(digest, headers, fmt: str, folder: Path, lang: str) -> None:
    """One file per office, most in need first, each written atomically; one
    line per file says what was written."""
    from tracker.render.out import render
    from tracker.storage.outfile import output_folder
    from tracker.views.names import FILES, unique_names
    from tracker.words import say

    output_folder(folder)
    whole, _ = digest(None)
    names = unique_names([standing.office for standing in whole.offices], FILES)
    for standing, name in zip(whole.offices, names):
        summary, report = digest(standing.office)
        extra = {"headers": headers(summary)} if fmt == "email" else {}
        text = render(report, fmt, indent=2, **extra)
        path = folder / f"{name}.{EXTENSIONS[fmt]}"
        write_atomic(path, text)
        line = say("summary.wrote", lang, path=path, office=standing.office, count=standing.held)
        click.echo(line)


def _recipients(given: tuple[str, ...]) -> list[str]:
    out = [part.strip() for item in given for part in item.split(",") if part.strip()]
    for address in out:
        _check_address(address)
    return out


def _check_address(text: str) -> None:
    from email.utils import parseaddr

    _, address = parseaddr(text)
    local, at, domain = address.partition("@")
    if not (local and at and domain) or any(ch in text for ch in "\r\n"):
        raise UsageError("email.bad_address", "email.address_form", address=text)


def _period(loaded, week, since, until, day) -> tuple[dt.date, dt.date, str | None]:
    """The period and, when it is exactly one ISO week (Monday to Sunday), its
    name — so `--as-of` a Sunday reads as that week in the digest and subject."""
    if week and (since or until):
        raise UsageError("week_or_period")
    if week:
        from tracker.dates import parse_week

        start, end = parse_week(week)
    else:
        end = loaded.date(until, option="--until") if until else day
        start = loaded.date(since, option="--since") if since else end - dt.timedelta(days=6)
        if start > end:
            raise UsageError("period_backwards", start=start, end=end)
    if start.isoweekday() == 1 and (end - start).days == 6:
        iso = start.isocalendar()
        return start, end, f"{iso.year}-W{iso.week:02d}"
    return start, end, None
