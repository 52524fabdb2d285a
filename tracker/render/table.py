"""Tables drawn: rich (a terminal, with colour and a rule), plain aligned text
(pipes, files, NO_COLOR), Markdown, and CSV records."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import repeat
from operator import sub

from tracker.render.chart import text_chart
from tracker.render.text import cell_width, column_width, fit, inert, measured, pad, wrap
from tracker.views.model import Cell, Chart, Column, Counted, Section, Table, TextColumns

# Cell and Column are re-exported: tests and callers build tables from here.
__all__ = [
    "Cell",
    "Column",
    "Section",
    "Table",
    "render_csv",
    "render_markdown",
    "render_plain",
    "render_rich",
]


STYLES = {
    "title": "bold",
    "header": "bold",
    "done": "green",
    "on_track": "green",
    "pending": "cyan",
    "at_risk": "yellow",
    "off_track": "red",
    "overdue": "bold red",
    "bad": "red",
    "warn": "yellow",
    "good": "green",
    "dim": "dim",
    "bar": "cyan",
}

GAP = 2


def _texts(table: Table) -> list:
    """Every cell's text made inert, once (rows of str lists; Sections kept)."""
    return [
        row if isinstance(row, Section) else [inert(cell.text) for cell in row]
        for row in table.rows
    ]


def _held(table: Table) -> Table:
    """A table whose rows are a long list (Chunks) with its rows held: for the
    layouts that need them all at once (a terminal, Markdown)."""
    if hasattr(table.rows, "pieces"):
        return table._replace(rows=tuple(table.rows))
    return table


def choose_columns(
    table: Table, width: int | None, texts: list | None = None, natural: list | None = None
):
    """Which columns fit `width`, and the cut widths of those that had to shrink.

    Columns give way in the order their `shrink` and `drop` numbers say (highest
    first; a cut before a drop at the same number): a cut takes only what is
    needed, down to the column's `min_width`; a drop removes it. A `distinct`
    column (an id) whose cut would make two of its texts alike is dropped
    instead, where the rows are at hand (`texts`). Room left over at the end
    goes back to the columns that were cut, the most important first."""
    indexes = list(range(len(table.columns)))
    if width is None:
        return indexes, {}
    if natural is None:  # each column's widest text, its header's included
        texts = _texts(table) if texts is None else texts
        natural = [_natural_width(table, texts, i) for i in indexes]
    natural = dict(enumerate(natural))
    sizes = dict(natural)
    shown = indexes[:]

    def total() -> int:
        return sum(sizes[i] for i in shown) + GAP * (len(shown) - 1)

    steps = sorted(
        [(c.shrink, 1, i) for i, c in enumerate(table.columns) if c.shrink]
        + [(c.drop, 0, i) for i, c in enumerate(table.columns) if c.drop],
        reverse=True,
    )
    for _, is_cut, i in steps:
        over = total() - width
        if over <= 0:
            break
        if i not in shown:
            continue
        if is_cut:
            sizes[i] = max(min(table.columns[i].min_width, natural[i]), sizes[i] - over)
            if table.columns[i].distinct and texts is not None and _merged(texts, i, sizes[i]):
                shown.remove(i)
        else:
            shown.remove(i)
    cut = [i for i in shown if sizes[i] < natural[i]]
    for i in sorted(cut, key=lambda i: table.columns[i].shrink):
        spare = width - total()
        if spare <= 0:
            break
        sizes[i] = min(natural[i], sizes[i] + spare)
    return shown, {i: sizes[i] for i in shown if sizes[i] < natural[i]}


def _merged(texts: list, index: int, width: int) -> bool:
    """Whether cutting column `index` to `width` makes two different texts alike."""
    column = {row[index] for row in texts if not isinstance(row, Section)}
    return len({fit(text, width) for text in column}) < len(column)


def _natural_width(table: Table, texts: list, index: int) -> int:
    widths = [cell_width(table.columns[index].header)]
    widths += [cell_width(row[index]) for row in texts if not isinstance(row, Section)]
    return max(widths)


Line = list  # [(text, style), …]: one screen line as styled pieces


def layout(table: Table, *, width: int | None = None, rule: bool = False) -> list[Line]:
    """The table as aligned screen lines of (text, style) pieces — computed once
    (display widths count CJK as two cells) and then either joined as plain text
    or painted by rich. `rule` draws a line under the header (terminals only)."""
    table = _held(table)
    texts = _texts(table)
    shown, limits = choose_columns(table, width, texts)
    cols = [table.columns[i] for i in shown]
    body = [
        r
        if isinstance(r, Section)
        else [fit(r[i], limits[i]) if i in limits else r[i] for i in shown]
        for r in texts
    ]
    widths = [cell_width(c.header) for c in cols]
    for row in body:
        if not isinstance(row, Section):
            widths = [max(w, cell_width(t)) for w, t in zip(widths, row)]
    lines: list[Line] = []

    def wrapped(text: str) -> list[str]:
        # Lines above and below the table wrap at the screen's width, so a long
        # sentence or a row of counts does not run off (rich) or break mid-word.
        return wrap(text, width) if width else [text]

    if table.title:
        lines.append([(inert(table.title), "title")])
    lines.extend([(part, "")] for h in table.header_lines for part in wrapped(inert(h)))
    if not table.columns:
        return lines
    if lines:
        lines.append([])
    if not table.rows:
        lines.append([(table.empty_text, "dim")])
    else:
        lines.append(_pieces([c.header for c in cols], ["header"] * len(cols), widths, cols))
        if rule:
            total = sum(widths) + GAP * (len(widths) - 1)
            lines.append([("─" * total, "dim")])
        styles_of = {
            id(r): [r[i].style for i in shown] for r in table.rows if not isinstance(r, Section)
        }
        for row, original in zip(body, table.rows):
            if isinstance(row, Section):
                lines.append([])
                lines.append([(f"[{inert(row.text)}]", "title")])
            else:
                lines.append(_pieces(row, styles_of[id(original)], widths, cols))
    if table.footer_lines:
        lines.append([])
        count = sum(1 for r in table.rows if not isinstance(r, Section))
        lines.extend(
            [(part, "dim")] for f in footer_texts(table, count) for part in wrapped(inert(f))
        )
    return lines


def footer_texts(table: Table, count: int) -> list[str]:
    """The footer as lines of text, charts drawn; `count`: the table's rows."""
    out: list[str] = []
    for line in table.footer_lines:
        if isinstance(line, Chart):
            out.extend(text_chart(line))
        elif isinstance(line, Counted):
            out.append(line.text(count))
        else:
            out.append(line)
    return out


def plain_pieces(table: Table, *, width: int | None = None) -> Iterator[str]:
    """render_plain's text in pieces. A table whose rows are a long list (Chunks)
    is never held whole: its rows are made once to measure the columns (twice
    more when some must be cut to fit `width`) and once more as they are written."""
    if not hasattr(table.rows, "pieces"):
        yield render_plain(table, width=width)
        return
    cols = table.columns
    natural = [cell_width(c.header) for c in cols]
    count = 0
    for piece in table.rows.pieces():
        if not len(piece):
            continue
        if isinstance(piece, TextColumns):  # measured a column at a time
            count += len(piece)
            for start in range(0, len(piece), ROWS_AT_ONCE):  # (a slice stays in cache)
                natural = [
                    max(w, column_width(texts[start : start + ROWS_AT_ONCE], chars))
                    for w, texts, chars in zip(natural, piece.texts, piece.chars)
                ]
            del piece  # (let go of before the next one is made)
            continue
        if any(isinstance(row, Section) for row in piece):
            count = 0  # sections are laid out with the rows held
            break
        count += len(piece)
        # A column at a time (a piece's rows turned on their side): the widest text.
        natural = [
            max(w, *map(cell_width, map(inert, [c.text for c in cells])))
            for w, cells in zip(natural, zip(*piece))
        ]
    if not count or table.title:  # nothing to stream, or not a listing: laid out whole
        yield render_plain(table, width=width)
        return
    shown, limits = choose_columns(table, width, natural=natural)
    widths = [natural[i] for i in shown]
    if limits:  # what the cut texts come to (a wide character may leave a cell spare)
        widths = [cell_width(cols[i].header) if i in limits else natural[i] for i in shown]
        for piece in table.rows.pieces():
            for row in piece:
                widths = [
                    max(w, cell_width(fit(inert(row[i].text), limits[i]))) if i in limits else w
                    for w, i in zip(widths, shown)
                ]
    gap, aligns = " " * GAP, [cols[i].align for i in shown]

    def plain_line(texts: list[str]) -> str:  # _plain(_pieces(…)), without the styles
        return gap.join([pad(t, w, a) for t, w, a in zip(texts, widths, aligns)]).rstrip() + "\n"

    head = [
        f"{part.rstrip()}\n" for h in table.header_lines for part in wrap_lines(inert(h), width)
    ]
    if head:
        head.append("\n")
    head.append(plain_line([cols[i].header for i in shown]))
    yield "".join(head)
    for piece in table.rows.pieces():
        if isinstance(piece, TextColumns) and not limits:
            lines = column_lines(piece, shown, widths, aligns)
            del piece  # (its columns let go of once its lines are made)
            yield from lines
            continue
        out = []
        for row in piece:
            texts = [inert(row[i].text) for i in shown]
            if limits:
                texts = [fit(t, limits[i]) if i in limits else t for t, i in zip(texts, shown)]
            out.append(plain_line(texts))
        yield "".join(out)
        del out
    if table.footer_lines:
        feet = [part for f in footer_texts(table, count) for part in wrap_lines(inert(f), width)]
        yield "\n" + "".join(f"{line.rstrip()}\n" for line in feet)


ROWS_AT_ONCE = 4096  # a piece given column by column is laid out so many rows at a time


def column_lines(
    piece: TextColumns, shown: list[int], widths: list[int], aligns: list[str]
) -> Iterator[str]:
    """plain_pieces' lines for a piece given column by column: what plain_line
    makes of each of its rows, in its order, at C speed — each row one
    printf-style format of its texts, each column padded by its width in
    characters (less what its wide characters take beyond one cell). Rows are
    laid out a few thousand at a time: a slice of every column stays in the
    CPU's cache (a month's columns would not), then written in order."""
    columns = [piece.texts[i] for i in shown]
    chars = [piece.chars[i] for i in shown]
    made: list[str] = []
    for start in range(0, len(piece), ROWS_AT_ONCE):
        made += _slice_lines(
            [column[start : start + ROWS_AT_ONCE] for column in columns], chars, widths, aligns
        )
    del columns
    order = piece.order()
    del piece
    for start in range(0, len(order), ROWS_AT_ONCE * 4):  # (not a month's text held at once)
        lines = list(map(made.__getitem__, order[start : start + ROWS_AT_ONCE * 4]))
        lines.append("")  # (the last line's newline)
        yield "\n".join(lines)
        del lines


def _slice_lines(texts: list[list[str]], chars, widths, aligns) -> Iterator[str]:
    """column_lines' lines of some rows (the shown columns' texts), in order."""
    # Columns after the last holding any text add only spaces, which the
    # rstrip of each line takes off; so does the last one's padding.
    last = max((k for k, column in enumerate(texts) if any(column)), default=-1)
    if last < 0:
        return repeat("", len(texts[0]) if texts else 0)
    specs: list[str] = []
    args: list[list] = []
    for k in range(last + 1):
        column, left = texts[k], aligns[k] != "right"
        if column.count(column[0]) == len(column):  # one text all down: written into the format
            shown = inert(column[0][: chars[k]])
            shown = shown if k == last and left else pad(shown, widths[k], aligns[k])
            specs.append(shown.replace("%", "%%"))
            continue
        column, cells, cut = measured(column, chars[k])
        flag, precision = "-" if left else "", "" if cut is None else f".{cut}"
        if k == last and left:
            specs.append(f"%{precision}s")
        elif cells is None:
            specs.append(f"%{flag}{widths[k]}{precision}s")
        else:
            specs.append(f"%{flag}*s")
            args.append(list(map(sub, map(len, column), map(sub, cells, repeat(widths[k])))))
        args.append(column)
    row = (" " * GAP).join(specs)
    if not args:  # (every column one text: every line the same)
        return repeat((row % ()).rstrip(), len(texts[0]))
    return map(str.rstrip, map(row.__mod__, zip(*args)))


def wrap_lines(text: str, width: int | None) -> list[str]:
    return wrap(text, width) if width else [text]


def _plain(line: Line) -> str:
    return "".join(text for text, _ in line).rstrip() + "\n"


def _pieces(texts, styles, widths, cols) -> Line:
    pieces: Line = []
    for n, (text, style, width, col) in enumerate(zip(texts, styles, widths, cols)):
        if n:
            pieces.append((" " * GAP, ""))
        pieces.append((pad(text, width, col.align), style))
    return pieces


def render_plain(table: Table, *, width: int | None = None) -> str:
    lines = layout(table, width=width)
    return "\n".join("".join(text for text, _ in line).rstrip() for line in lines) + "\n"


def render_rich(table: Table, console) -> None:
    """The same layout as plain text, painted: colour per cell, a rule under the header."""
    from rich.text import Text

    for line in layout(table, width=console.width, rule=True):
        text = Text(no_wrap=True, overflow="crop")
        for piece, style in line:
            text.append(piece, style=STYLES.get(style, ""))
        text.rstrip()
        console.print(text, crop=True)


def render_markdown(table: Table, *, level: int = 1) -> str:
    """GitHub-flavoured Markdown; `level` is the heading level of the title
    (sections one below it)."""

    def esc(text: str) -> str:
        text = inert(text)
        for ch in "\\|*_`[]<>#":
            text = text.replace(ch, "\\" + ch)
        return text

    table = _held(table)
    lines = []
    if table.title:
        lines += [f"{'#' * level} {esc(table.title)}", ""]
    for h in table.header_lines:
        lines.append(esc(h) + "  ")
    if table.header_lines:
        lines.append("")
    if not table.columns:
        return "\n".join(lines) + "\n"
    cols = table.columns
    head = "| " + " | ".join(esc(c.header) for c in cols) + " |"
    rule = "|" + "|".join("---:" if c.align == "right" else "---" for c in cols) + "|"
    if not table.rows:
        lines.append(esc(table.empty_text))
    else:
        started = False
        for row in table.rows:
            if isinstance(row, Section):
                lines += ["", f"{'#' * (level + 1)} {esc(row.text)}", ""]
                started = False
                continue
            if not started:
                lines += [head, rule]
                started = True
            lines.append("| " + " | ".join(esc(c.text) for c in row) + " |")
    for f in footer_texts(table, sum(1 for r in table.rows if not isinstance(r, Section))):
        lines += ["", esc(f)]
    return "\n".join(lines) + "\n"


def render_csv(records: list[dict], fieldnames: list[str]) -> str:
    return "".join(csv_pieces([records], fieldnames))


def csv_pieces(chunks, fieldnames: list[str]):
    """CSV text a chunk of records at a time: the header, then each chunk's rows."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=fieldnames, extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    for records in chunks:
        for record in records:
            writer.writerow({k: _csv_value(v) for k, v in record.items()})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


# A spreadsheet takes a cell starting with one of these as a formula (OWASP's
# "CSV injection"); a leading ' makes it text. Numbers such as -5 are left alone.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER = re.compile(r"^[+-]?(\d[\d,]*(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        value = ";".join(str(v) for v in value)
    if isinstance(value, str):
        return inert(neutralised(value))
    return value


def neutralised(text: str) -> str:
    """Text a spreadsheet will not run: a leading ' before a would-be formula."""
    if text.startswith(FORMULA_START) and not _SIGNED_NUMBER.match(text):
        return "'" + text
    return text
