"""A filled-in workbook is read only as far as a template reaches, and only
what the office sees and the template remembers counts: a copied sheet, a
hidden sheet, deleted bookkeeping columns, a far-away cell, a zip that
inflates, an oversized note, a formula object, a relative or late date — each
is refused at its sheet or cell, nothing written, never a MemoryError."""

from __future__ import annotations

import json
import zipfile

import openpyxl
import pytest
from openpyxl.worksheet.formula import ArrayFormula

from tests.test_xlsx import FIN, HR, column_of, fill, lines, make_template, row_of

pytestmark = pytest.mark.usefixtures("english")


def filled(run, tmp_path, values=None):
    """A template for HR with jobs.training's add filled in (and `values`)."""
    blank = make_template(run, tmp_path, HR, FIN)
    cells = {(HR, "jobs.training", "add"): 100, **(values or {})}
    return fill(blank, tmp_path / "filled.xlsx", cells)


def copy_sheet(book):
    book.copy_worksheet(book[HR])


def hide_sheet(book):
    book[HR].sheet_state = "hidden"


def drop_bookkeeping(book):
    ws = book[HR]
    first = openpyxl.utils.column_index_from_string(column_of(ws, "snap_value"))
    ws.delete_cols(first, 4)


def far_cell(book):
    book[HR]["A1000000"] = "x"


def array_formula(book):
    ws = book[HR]
    ws[f"{column_of(ws, 'total')}{row_of(ws, 'jobs.placement')}"] = ArrayFormula("I9", "=SUM(A1)")


BOOKS = {
    "copied sheet": (copy_sheet, "a template lists each goal once"),
    "hidden sheet": (hide_sheet, "is hidden: nobody filling in the form sees its figures"),
    "bookkeeping deleted": (drop_bookkeeping, "hidden bookkeeping columns"),
    "far-away cell": (far_cell, "reaches as far as cell"),
    "array formula": (array_formula, "this cell holds a formula, =SUM(A1)"),
}


@pytest.mark.parametrize("change, message", BOOKS.values(), ids=BOOKS.keys())
def test_a_workbook_changed_after_the_template_is_refused(run, data, tmp_path, change, message):
    path = filled(run, tmp_path)
    book = openpyxl.load_workbook(path)
    change(book)
    book.save(path)
    err = run("log", "--from-xlsx", str(path), code=3).stderr
    assert message in err and "object at 0x" not in err and lines(data) == []


def test_a_workbook_that_inflates_beyond_its_bound_is_refused(run, data, tmp_path):
    path = filled(run, tmp_path)
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/padding.bin", b"\0" * (65 << 20))  # 65 MiB in about 64 KiB
    assert path.stat().st_size < 1 << 20
    err = run("log", "--from-xlsx", str(path), code=3).stderr
    assert "unpacks to more than 64 MiB" in err and lines(data) == []


@pytest.mark.parametrize("date", ["yesterday", "-7d", "昨天"])
def test_a_relative_date_in_a_cell_is_refused(run, data, tmp_path, date):
    path = filled(run, tmp_path, {(HR, "jobs.training", "date"): date})
    err = run("log", "--from-xlsx", str(path), code=3).stderr
    assert f"'{date}' is a relative date" in err and lines(data) == []


def test_a_date_after_the_plans_end_is_refused(run, data, tmp_path):
    path = filled(run, tmp_path, {(HR, "jobs.training", "date"): "2021-01-05"})
    err = run("log", "--from-xlsx", str(path), code=3).stderr
    assert "2021-01-05 is after the plan's end (2020-12-31)" in err and lines(data) == []


def test_a_note_is_bounded_wherever_it_enters(run, data, tmp_path):
    long = "长" * 2001
    path = filled(run, tmp_path, {(HR, "jobs.training", "note"): long})
    assert (
        "the note holds 2001 characters; at most 2000"
        in run("log", "--from-xlsx", str(path), code=3).stderr
    )
    err = run("log", "jobs.training", "5", "--date", "2020-06-01", "--note", long, code=3).stderr
    assert "at most 2000" in err
    batch = json.dumps({"goal": "jobs.training", "date": "2020-06-01", "value": 5, "note": long})
    assert "at most 2000" in run("log", "--from-json", "-", input=batch, code=3).stderr
    assert lines(data) == []
    run("log", "jobs.training", "5", "--date", "2020-06-01", "--note", "长" * 2000, code=0)
