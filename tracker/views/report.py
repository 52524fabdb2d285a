"""The one report type every view returns: its schema and date, and a builder
for each form it has, so only the form asked for is ever built."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # the JSON path builds no table: not imported at start-up
    from tracker.views.model import Sheet, Table


class Report(NamedTuple):
    """A command's output before it is rendered.

    Every builder is a function of no arguments: `status --format json` calls
    `body` and never builds (or imports) the table. A form the command does
    not have is None."""

    schema: str  # "tracker.status/1"
    as_of: dt.date | None
    body: Callable[[], dict]  # the JSON document after "schema" and "as_of"
    tables: Callable[[], tuple[Table, ...]] | None = None
    rows: Callable[[], list[dict]] | None = None  # CSV records …
    fieldnames: tuple[str, ...] = ()  # … and their columns
    text: Callable[[], tuple[str, ...]] | None = None  # a message: lines as they are
    jsonl: Callable[[], list[dict]] | None = None  # one JSON object per line
    template: str = ""  # the HTML page's template …
    page: Callable[[], dict] | None = None  # … and its context
    sheets: Callable[[], tuple[Sheet, ...]] | None = None  # a workbook (xlsx)
    papers: Callable[[], tuple] | None = None  # printable papers, one a page (docx)

    def document(self) -> dict:
        """The JSON envelope: "schema" and "as_of" first, then the body."""
        as_of = self.as_of.isoformat() if self.as_of is not None else None
        return {"schema": self.schema, "as_of": as_of, **self.body()}

    def blocks(self) -> tuple[Table, ...]:
        return self._built(self.tables, "table")

    def records(self) -> list[dict]:
        return self._built(self.rows, "CSV")

    def lines(self) -> tuple[str, ...]:
        return self._built(self.text, "text")

    def json_lines(self) -> list[dict]:
        return self._built(self.jsonl, "JSON Lines")

    def context(self) -> dict:
        return self._built(self.page, "HTML")

    def workbook(self) -> tuple[Sheet, ...]:
        return self._built(self.sheets, "xlsx")

    def documents(self) -> tuple:
        return self._built(self.papers, "docx")

    def _built(self, builder, form: str):
        if builder is None:
            raise LookupError(f"{self.schema} has no {form} form")
        return builder()
