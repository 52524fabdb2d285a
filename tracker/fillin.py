"""The fill-in template's layout, shared by the view that writes it and the
storage reader that reads it back: its columns in order, which ones an office
fills in, which are hidden, and the words that mean yes and no."""

from __future__ import annotations

SCHEMA = "tracker.template/1"

# Every column of a template sheet, in order. The first row of a sheet (hidden)
# holds these keys, so the reader finds its columns in either language and in a
# CSV saved from the sheet.
COLUMNS = (
    "id", "title", "kind", "unit", "target", "current", "deadline", "state", "last",  # plan, log
    "add", "total", "done", "items", "date", "note", "by", "evidence",  # what the office fills in
    "snap_value", "snap_entry", "as_of", "plan",  # hidden: the log as the template saw it
)  # fmt: skip
FILLED = ("add", "total", "done", "items", "date", "note", "by", "evidence")
VALUES = ("add", "total", "done", "items")  # what a row reports (besides a note)
HIDDEN = ("snap_value", "snap_entry", "as_of", "plan")

# Several checklist items (or evidence files) go in one cell, separated by any of these.
ITEM_SEPARATORS = "、,，;；\n"

# What a person may write for "done" (the drop-down offers the catalogue's 是/否).
YES = frozenset({"是", "已完成", "完成", "yes", "y", "true", "1", "√", "✓", "✔", "done"})
NO = frozenset({"否", "未完成", "no", "n", "false", "0", "×", "not done"})


# The lines an office signs under its form, in order (views.template lays
# them out; the reader stops at the first and takes the 填报人 signed there
# for rows that name no one).
SIGNATURE = ("office", "by", "checker", "phone", "date")


def sign_key(part: str) -> str:
    """The catalogue key of a signature line's label (填报人：)."""
    return f"fill.sign_{part}"


def header_key(column: str) -> str:
    """The catalogue key of a column's header."""
    return f"fill.{column}"


def letter(index: int) -> str:
    """A 0-based column index as Excel's letters: 0 → A, 26 → AA."""
    text = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        text = chr(65 + rest) + text
    return text
