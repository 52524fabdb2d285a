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
    # For the HTML page: the scale in the goal's own units, (fraction, label)
    # pairs; the target's, today's and the unit's labels; what to say when
    # there is no reading at all.
    ticks: tuple[tuple[float, str], ...] = ()
    target_label: str = ""
    today_label: str = ""
    unit_label: str = ""
    empty_label: str = ""
    readings: tuple[dt.date, ...] = ()  # days with a reading, each drawn as a dot
