"""The view-model: tables of cells and sections, chart data, and worksheets —
what views build and renderers draw."""

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class Chunks:
    """A long list built a piece at a time (a whole log's entries), so a renderer
    can write each piece as it comes and never hold the list whole. Iterating
    gives the items; `pieces()` the lists they come in. `make` starts the
    pieces afresh each time it is called, each a new list that is the
    renderer's own: it may empty it as it writes. `plain_floats`: no float in them is
    below 1e-4 but 0, so JSON encoders all write their numbers alike
    (jsontext.items_text need not look); a piece may say so of itself
    (PlainPiece)."""

    make: Callable[[], Iterable[list]]
    plain_floats: bool = False

    def pieces(self) -> Iterator[list]:
        return iter(self.make())

    def __iter__(self) -> Iterator:
        for piece in self.make():
            yield from piece


class PlainPiece(list):
    """A piece of Chunks known to hold no float below 1e-4 but 0 (Chunks'
    `plain_floats`, for this piece alone)."""

    plain_floats = True


class Counted(NamedTuple):
    """A table's footer line saying how many rows it has: `text(count)`. A long
    table's rows (Chunks) are counted as they go by."""

    text: Callable[[int], str]


class Column(NamedTuple):
    """A table's column: the row key it shows, its header, how it gives way when narrow."""

    key: str
    header: str
    align: str = "left"
    # How a table gives way on a narrow screen, one step at a time, the highest
    # number first across all columns (at equal numbers a cut before a drop):
    drop: int = 0  # when the column is dropped (0: never)
    shrink: int = 0  # when it is cut with … down to `min_width` (0: never)
    min_width: int = 12
    # An identifier: cut only while its rows stay apart (four ids cut to the same
    # `governance.…` name no goal); where a cut would make two alike, it is dropped.
    distinct: bool = False


class Cell(NamedTuple):
    """One table cell. A NamedTuple, not a dataclass: tables of a big log have
    hundreds of thousands of them, and a tuple is several times cheaper to make."""

    text: str
    style: str = ""  # a semantic name (a state, "dim", "bad"…) mapped to colour by rich


class TextColumns:
    """A piece of a long table's rows given column by column (a whole log's
    listing: no object per row): `texts[i]`, the i-th column's texts, and
    `styles[i]`, its style — one for the whole column, or one per row — in
    the order the rows were read; `chars[i]`, how many of each text's first
    characters the column shows (None: all; a cut the renderer makes, not a
    text made per row); `order()`, the places of the rows in the order they
    are shown (`order`: a function giving them, called only when the rows
    are written). Iterated, the rows as Cells, in that order."""

    __slots__ = ("texts", "styles", "chars", "_order")

    def __init__(
        self,
        texts: tuple[list[str], ...],
        styles: tuple[str | list[str], ...],
        order: Callable[[], Sequence[int]] | None = None,
        chars: tuple[int | None, ...] | None = None,
    ):
        self.texts = texts
        self.styles = styles
        self.chars = chars or (None,) * len(texts)
        self._order = order

    def __len__(self) -> int:
        return len(self.texts[0]) if self.texts else 0

    def order(self) -> Sequence[int]:
        """The rows' places in the order shown, made once (and what made
        them let go of)."""
        if self._order is None:
            return range(len(self))
        if callable(self._order):
            self._order = self._order()
        return self._order

    def __iter__(self) -> Iterator[tuple[Cell, ...]]:
        columns = list(zip(self.texts, self.styles, self.chars))
        for at in self.order():
            yield tuple(
                Cell(texts[at][:chars], style if isinstance(style, str) else style[at])
                for texts, style, chars in columns
            )


class Section(NamedTuple):
    """A heading row between groups of rows (e.g. an area)."""

    text: str


class Table(NamedTuple):
    """A table a renderer draws: columns, rows (or Chunks of them) and the words around it."""

    columns: tuple[Column, ...]
    rows: tuple = ()  # of (tuple[Cell, ...] | Section), or Chunks of them (a long table)
    title: str = ""
    header_lines: tuple[str, ...] = ()
    footer_lines: tuple = ()  # of str, Chart (drawn by the renderer) or Counted
    empty_text: str = ""  # shown in place of the rows when there are none


class Chart(NamedTuple):
    """Actual progress against the trajectory on evenly sampled days, both as
    fractions of the target (actual is None after `today`). Data only: the
    renderers draw it."""

    days: tuple[dt.date, ...]
    expected: tuple[float, ...]
    actual: tuple[float | None, ...]
    today: dt.date
    legend: str = ""
    # For the HTML page: the scale in the goal's own units, (fraction, label)
    # pairs; the target's, today's and the unit's labels; what to say when
    # there is no reading at all.
    ticks: tuple[tuple[float, str], ...] = ()
    target_label: str = ""
    today_label: str = ""
    unit_label: str = ""
    empty_label: str = ""
    readings: tuple[dt.date, ...] = ()  # days with a reading, each drawn as a dot


# ── workbooks (xlsx): typed cells, and the cells a template leaves open ──────


class Fill(NamedTuple):
    """What an open cell of a fill-in template takes, as Excel validates it:
    `decimal` (at least `low`), `date` (from `low` to `high`), `list` (one of
    `choices`; with `strict` False other text is allowed after a warning) or
    `text` (anything)."""

    type: str
    choices: tuple[str, ...] = ()
    low: object = None
    high: object = None
    strict: bool = True
    prompt: str = ""
    error: str = ""


class SheetColumn(NamedTuple):
    """A workbook column: `type` is how its values are stored and shown —
    text, number, percent (a fraction shown as %), date or datetime."""

    key: str
    header: str
    type: str = "text"
    hidden: bool = False
    width: int = 0  # at least this many characters wide (0: as wide as its contents)
    wrap: bool = False  # exactly `width` wide, its text wrapped (a title on a printed form)


class Sheet(NamedTuple):
    """One worksheet: `lead` lines above the header (a title, an instruction),
    then a header row and rows of plain values (str, int, float, date,
    datetime or None). A template also has a hidden row of column keys first,
    `fills` (per row, per column: a Fill for a cell left open, else None) and
    is protected, so only the open cells can be changed."""

    name: str
    columns: tuple[SheetColumn, ...]
    rows: tuple[tuple, ...] = ()
    lead: tuple[str, ...] = ()
    key_row: bool = False
    fills: tuple[tuple[Fill | None, ...], ...] = ()
    protected: bool = False
    frozen_columns: int = 0  # columns kept in view when scrolling right
    # A form to be printed and signed: laid out on landscape A4, one page wide,
    # its header on every page, with `signature` lines under the table — each
    # (label, value) pair a label and a cell to fill (the value already in it,
    # if any) — and `page_footer` at the foot of each page.
    printed: bool = False
    signature: tuple[tuple[tuple[str, str], ...], ...] = ()
    page_footer: str = ""
