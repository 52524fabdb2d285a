"""The view-model: tables of cells and sections, and chart data — what views
build and renderers draw."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str
    align: str = "left"
    # How a table gives way on a narrow screen, one step at a time, the highest
    # number first across all columns (at equal numbers a cut before a drop):
    drop: int = 0  # when the column is dropped (0: never)
    shrink: int = 0  # when it is cut with … down to `min_width` (0: never)
    min_width: int = 12


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
    footer_lines: tuple = ()  # of str, or Chart (drawn by the renderer)
    empty_text: str = ""  # shown in place of the rows when there are none


@dataclass(frozen=True, slots=True)
class Chart:
    """Actual progress against the trajectory on evenly sampled days, both as
    fractions of the target (actual is None after `today`). Data only: the
    renderers draw it."""

    days: tuple[dt.date, ...]
    expected: tuple[float, ...]
    actual: tuple[float | None, ...]
    today: dt.date
    legend: str = ""
