"""`tracker summary`: the weekly digest for cron, in text, Markdown, HTML, JSON
or a mail message; for the whole plan, one office, or one file per office."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.common import (
    as_of_option,
    data_option,
    find_data,
    format_option,
    lang_option,
    output_option,
    owner_option,
    pager_option,
    reply,
    say_warnings,
    write_atomic,
)
from tracker.cli.help import cli_command, option
from tracker.problems import UsageError

EXTENSIONS = {
    "text": "txt", "md": "md", "html": "html", "json": "json", "email": "eml", "xlsx": "xlsx"
}  # fmt: skip


@cli_command("summary", help="help.summary")
@option("--week", metavar="YYYY-Www", help="help.opt.week")
@option("--since", metavar="DATE", help="help.opt.period_since")
@option("--until", metavar="DATE", help="help.opt.period_until")
@owner_option(help="help.opt.summary_owner")
@option("--split-by", "split_by", type=click.Choice(["owner"]), help="help.opt.split_by")
@as_of_option
@format_option("text", "md", "html", "json", "xlsx", "email", default="text")
@output_option(help="help.opt.summary_output", folder=True)
@option("--to", "to", metavar="ADDRESS", multiple=True, help="help.opt.mail_to")
@option("--subject", metavar="TEXT", help="help.opt.mail_subject")
@option("--from", "sender", metavar="ADDRESS", help="help.opt.mail_from")
@option("--number", type=click.IntRange(1, 9999), help="help.opt.bulletin_number_district")
@lang_option
@pager_option
@data_option
def command(
    week,
    since,
    until,
    owner,
    split_by,
    as_of,
    fmt,
    output,
    to,
    subject,
    sender,
    number,
    lang,
    data_dir,
):
    from tracker.app.summary import summary

    if split_by and owner:
        raise UsageError("split.not_with_owner")
    if split_by and not output:
        raise UsageError("split.needs_output", "split.give_dir")
    recipients = _recipients(to) if fmt == "email" else []
    if fmt == "email" and not recipients:
        raise UsageError("email.needs_to", "email.give_to")
    if fmt == "email" and sender:
        _check_address(sender)

    def headers(default_subject: str) -> dict[str, str] | None:
        """A mail's headers (the --format email form only)."""
        if fmt != "email":
            return None
        from email.utils import formatdate

        title = subject or default_subject
        return {
            "From": sender or "",
            "To": ", ".join(recipients),
            "Subject": " ".join(title.split()),  # one line: no header injection
            "Date": formatdate(localtime=True),
        }

    answer = summary(
        find_data(data_dir), as_of=as_of, week=week, since=since, until=until, owner=owner,
        split_by_owner=bool(split_by), number=number, lang=lang,
    )  # fmt: skip
    if split_by:
        say_warnings(answer.warnings)
        _split(answer.offices, headers, fmt, Path(output), lang)
        return
    reply(answer, fmt, output=output or None, digest=True, headers=headers(answer.subject))


def _split(digests, headers, fmt: str, folder: Path, lang: str) -> None:
    """One file per office, most in need first, each written atomically; one
    line per file says what was written."""
    from tracker.render.out import render
    from tracker.storage.outfile import output_folder
    from tracker.views.names import FILES, unique_names
    from tracker.words import say

    output_folder(folder)
    names = unique_names([office.office for office in digests], FILES)
    for office, name in zip(digests, names):
        text = render(office.report, fmt, indent=2, headers=headers(office.subject))
        path = folder / f"{name}.{EXTENSIONS[fmt]}"
        write_atomic(path, text)
        click.echo(say("summary.wrote", lang, path=path, office=office.office, count=office.held))


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
