"""The table view-model and its two screen forms: rich (a terminal, with colour
and box lines) and plain aligned text (pipes, files, NO_COLOR)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from tracker.render.text import cell_width, fit, inert, pad


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    align: str = "left"
    drop: int = 0  # 0 = always shown; higher numbers are dropped first when narrow
    shrink: bool = False  # may be cut with … to fit


class Cell(NamedTuple):
    """One table cell. A NamedTuple, not a dataclass: tables of a big log have
    hundreds of thousands of them, and a tuple is several times cheaper to make."""

    text: str
    style: str = ""  # a semantic name (a state, "dim", "bad"…) mapped to colour by rich


@dataclass(frozen=True, slots=True)
class Section:
    """A heading row between groups of rows (e.g. an area)."""

    text: str


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple = ()  # tuple of (tuple[Cell, ...] | Section)
    title: str = ""
    header_lines: tuple[str, ...] = ()
    footer_lines: tuple[str, ...] = ()
    empty_text: str = "(nothing to show)"
    meta: dict = field(default_factory=dict)


STYLES = {
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


def choose_columns(table: Table, width: int | None, texts: list | None = None):
    """Which columns fit `width` (dropping by priority) and cut widths for shrinkable ones."""
    texts = _texts(table) if texts is None else texts
    indexes = list(range(len(table.columns)))
    if width is None:
        return indexes, {}
    natural = {i: _natural_width(table, texts, i) for i in indexes}

    def total(cols):
        return sum(natural[i] for i in cols) + GAP * (len(cols) - 1)

    shown = indexes[:]
    limits: dict[int, int] = {}
    shrinkable = [i for i in shown if table.columns[i].shrink]
    while total(shown) > width:
        over = total(shown) - width
        # First cut shrinkable columns down to a useful minimum …
        cut = False
        for i in shrinkable:
            if i in shown and natural[i] > 12:
                new = max(12, natural[i] - over)
                limits[i] = new
                natural[i] = new
                cut = True
                break
        if cut:
            continue
        # … then drop the least important column.
        droppable = [i for i in shown if table.columns[i].drop > 0]
        if not droppable:
            break
        shown.remove(max(droppable, key=lambda i: (table.columns[i].drop, i)))
    return shown, limits


def _natural_width(table: Table, texts: list, index: int) -> int:
    widths = [cell_width(table.columns[index].header)]
    widths += [cell_width(row[index]) for row in texts if not isinstance(row, Section)]
    return max(widths)


def render_plain(table: Table, *, width: int | None = None) -> str:
    texts = _texts(table)
    shown, limits = choose_columns(table, width, texts)
    cols = [table.columns[i] for i in shown]

    def cells(row):
        return [fit(row[i], limits[i]) if i in limits else row[i] for i in shown]

    body = [r if isinstance(r, Section) else cells(r) for r in texts]
    widths = [cell_width(c.header) for c in cols]
    for row in body:
        if not isinstance(row, Section):
            widths = [max(w, cell_width(t)) for w, t in zip(widths, row)]
    lines = []
    if table.title:
        lines.append(inert(table.title))
    lines.extend(inert(h) for h in table.header_lines)
    if not table.columns:
        return "\n".join(lines) + "\n"
    if lines:
        lines.append("")
    if not table.rows:
        lines.append(table.empty_text)
    else:
        lines.append(_join([c.header for c in cols], widths, cols))
        for row in body:
            if isinstance(row, Section):
                lines.append("")
                lines.append(f"[{inert(row.text)}]")
            else:
                lines.append(_join(row, widths, cols))
    if table.footer_lines:
        lines.append("")
        lines.extend(inert(f) for f in table.footer_lines)
    return "\n".join(lines) + "\n"


def _join(texts, widths, cols) -> str:
    parts = [pad(t, w, c.align) for t, w, c in zip(texts, widths, cols)]
    return (" " * GAP).join(parts).rstrip()


def render_rich(table: Table, console) -> None:
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

    shown, limits = choose_columns(table, console.width - 4)
    if table.title:
        console.print(Text(inert(table.title), style="bold"))
    for line in table.header_lines:
        console.print(Text(inert(line)))
    if not table.columns:
        return
    if not table.rows:
        console.print(Text(table.empty_text, style="dim"))
        return
    grid = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for i in shown:
        col = table.columns[i]
        grid.add_column(
            col.header,
            justify=col.align,
            no_wrap=True,
            overflow="ellipsis",
            max_width=limits.get(i),
        )
    for row in table.rows:
        if isinstance(row, Section):
            grid.add_section()
            grid.add_row(Text(inert(row.text), style="bold"), *[""] * (len(shown) - 1))
            continue
        grid.add_row(*(Text(inert(row[i].text), style=STYLES.get(row[i].style, "")) for i in shown))
    console.print(grid)
    for line in table.footer_lines:
        console.print(Text(inert(line), style="dim"))


def render_markdown(table: Table, *, level: int = 1) -> str:
    """GitHub-flavoured Markdown; `level` is the heading level of the title
    (sections one below it)."""

    def esc(text: str) -> str:
        text = inert(text)
        for ch in "\\|*_`[]<>#":
            text = text.replace(ch, "\\" + ch)
        return text

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
    for f in table.footer_lines:
        lines += ["", esc(f)]
    return "\n".join(lines) + "\n"


def render_csv(records: list[dict], fieldnames: list[str]) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=fieldnames, extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    for record in records:
        writer.writerow({k: _csv_value(v) for k, v in record.items()})
    return buffer.getvalue()


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    if isinstance(value, str):
        return inert(value)
    return value
