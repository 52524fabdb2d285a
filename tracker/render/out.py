"""The render layer's one entry point: a Report in the format asked for."""

from __future__ import annotations

from tracker.views.report import Report


def render(
    report: Report,
    fmt: str,
    *,
    rich: bool = False,
    capture: bool = False,
    width: int | None = None,
    indent: int | None = None,
    headers: dict[str, str] | None = None,
) -> str | bytes | None:
    """`report` as the text of `fmt` (an xlsx workbook: its bytes). With `rich`
    (a colour terminal) tables are painted on the terminal instead, and None is
    returned — or, with `capture`, returned as text with colour codes (for a
    pager). `width` fits tables to a screen; `indent` pretty-prints JSON;
    `headers` are a mail's (`email`: the text and HTML forms as one MIME message)."""
    if fmt == "email":
        from tracker.render.email import render_email

        return render_email(report, headers or {})
    if fmt == "json":
        from tracker.jsontext import dumps

        return dumps(report.document(), indent=indent) + "\n"
    if fmt == "jsonl":
        from tracker.jsontext import dumps

        return "".join(dumps(record) + "\n" for record in report.json_lines())
    if fmt == "xlsx":
        from tracker.render.xlsx import render_workbook

        return render_workbook(report.workbook())
    if fmt == "csv":
        from tracker.render.table import render_csv

        return render_csv(report.records(), list(report.fieldnames))
    if fmt == "html":
        from tracker.render.html import render_html

        return render_html(report.template, report.context())
    if report.tables is None:  # a message (check, log, retract): its lines as they are
        from tracker.render.text import inert

        return "".join(inert(line) + "\n" for line in report.lines())
    blocks = report.blocks()
    if fmt == "md":
        from tracker.render.table import render_markdown

        # The first block's title is the page's heading; the others are sections.
        return "\n".join(render_markdown(b, level=1 if i == 0 else 2) for i, b in enumerate(blocks))
    if rich:
        return _paint(blocks, width=width, capture=capture)
    from tracker.render.table import render_plain

    return "\n".join(render_plain(b, width=width) for b in blocks)


def _paint(blocks, *, width: int | None, capture: bool) -> str | None:
    import io

    from rich.console import Console

    from tracker.render.table import render_rich

    if capture:
        console = Console(
            file=io.StringIO(), force_terminal=True, width=width, legacy_windows=False,
            highlight=False, emoji=False, markup=False,
        )  # fmt: skip
    else:
        console = Console(width=width, highlight=False, emoji=False, markup=False)
    for block in blocks:
        render_rich(block, console)
        if len(blocks) > 1:  # several blocks (a digest) each end with a blank line
            console.print()
    return console.file.getvalue() if capture else None
