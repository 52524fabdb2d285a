"""The render layer's entry points: a Report in the format asked for, whole
(`render`) or in pieces written as they are made (`render_pieces`)."""

from __future__ import annotations

from collections.abc import Iterator

from tracker.views.report import Report

STREAMED = frozenset({"json", "jsonl", "csv"})  # the formats render_pieces writes piece by piece
SLICE = 8192  # records written at a time: ~1.6 MB of JSON for a typical entry


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
    `headers` are a mail's (`email`: the text and HTML forms as one MIME message).
    An xlsx workbook and a docx document are bytes."""
    if fmt == "email":
        from tracker.render.email import mime_message

        plain, html = render(report, "text") or "", render(report, "html") or ""
        return mime_message(plain, html, headers or {})
    if fmt in STREAMED:
        return "".join(
            p.decode("utf-8") if isinstance(p, bytes) else p
            for p in render_pieces(report, fmt, indent=indent)
        )
    if fmt == "xlsx":
        from tracker.render.xlsx import render_workbook

        return render_workbook(report.workbook())
    if fmt == "docx":
        from tracker.render.docx import render_docx

        return render_docx(report.documents())
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


def render_pieces(
    report: Report, fmt: str, *, indent: int | None = None, **whole
) -> Iterator[str | bytes]:
    """`report` as `fmt`, in pieces whose concatenation is render()'s text (bytes
    pieces are that text in UTF-8). JSON, JSON Lines and CSV are written a chunk
    at a time, a long list (views.model.Chunks) never held whole; any other
    format is one piece. `whole`: render()'s other options."""
    if fmt == "json":
        yield from _json_pieces(report.document(), indent)
    elif fmt == "jsonl":
        from tracker.jsontext import lines_text

        for chunk in _chunks(report.json_lines()):
            for start in range(0, len(chunk), SLICE):
                text = lines_text(chunk[start : start + SLICE])
                yield text
                del text  # not held while the next one is made
            del chunk  # one chunk held at a time
    elif fmt == "csv":
        from tracker.render.table import csv_pieces

        yield from csv_pieces(_chunks(report.records()), list(report.fieldnames))
    elif fmt == "table" and report.tables is not None and not whole.get("rich"):
        from tracker.render.table import plain_pieces

        for i, block in enumerate(report.blocks()):
            if i:
                yield "\n"
            yield from plain_pieces(block, width=whole.get("width"))
    else:
        yield render(report, fmt, indent=indent, **whole)


def _chunks(items) -> Iterator[list]:
    """A long list's pieces, or a plain list as one."""
    return items.pieces() if hasattr(items, "pieces") else iter([items])


def _json_pieces(document: dict, indent: int | None) -> Iterator[str | bytes]:
    """jsontext.dumps(document) + newline, with a long list (views.model.Chunks)
    written a chunk at a time, wherever it stands among the document's keys."""
    from tracker.jsontext import document_text, dumps, items_text

    if not any(hasattr(value, "pieces") for value in document.values()):
        yield document_text(document, indent=indent)
        yield "\n"
        return
    pad = "\n" + " " * indent if indent else ""
    yield "{"
    plain: dict = {}  # keys whose values are written whole, up to the next long list
    first = True
    for key, value in document.items():
        if not hasattr(value, "pieces"):
            plain[key] = value
            continue
        if plain:
            if not first:
                yield ","
            yield _members(plain, indent)  # bytes or str, as jsontext makes it
            plain, first = {}, False
        yield ("" if first else ",") + pad + dumps(key) + (": [" if indent else ":[")
        first = False
        written = False
        for chunk in value.pieces():
            plain_floats = value.plain_floats or getattr(chunk, "plain_floats", False)
            while chunk:
                text = items_text(chunk[:SLICE], indent=indent, depth=2, plain_floats=plain_floats)
                # Each slice's items let go of as soon as they are written, while
                # still in the CPU's cache: freeing a whole chunk at its end, long
                # after its first items were made, cost a fifth of a big listing.
                del chunk[:SLICE]
                if written:
                    yield ","
                yield text
                del text  # not held while the next one is made
                written = True
            del chunk  # before the next chunk is made: one is held at a time
        yield (pad + "]") if written else "]"
    if plain:
        if not first:
            yield ","
        yield _members(plain, indent)
    yield "\n}\n" if indent else "}\n"


def _members(keys: dict, indent: int | None) -> str | bytes:
    """The text of these keys and values inside a document's braces (each on a
    line of its own when indented), as jsontext.dumps writes them."""
    from tracker.jsontext import document_text

    text = document_text(keys, indent=indent)
    return text[1:-2] if indent else text[1:-1]  # "{" … "\n}" or "{" … "}"
