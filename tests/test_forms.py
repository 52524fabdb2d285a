"""A month of the bundled plan through the offices' forms, end to end: every
office's June template, filled in with the slips clerks make and then their
fixes, saved by LibreOffice as .xlsx and as CSV in the encodings offices'
software writes (tests/forms/, made by its make.py), imported with the real
CLI, and printed. Every figure that lands is the one the clerk meant; every
slip is refused at its cell with nothing written."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import REPO, Run, log_records, with_bundled_plan
from tests.forms.month import AS_OF, DONE, FILLED, FORMATS, MEANT, MISTAKES, SIGNERS

FORMS = REPO / "tests" / "forms"
ENCODINGS = {"utf-8": "utf-8", "gb18030": "gb18030", "gbk": "gbk", "utf-16": "utf-16"}
needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)


def form(office: str, slips: bool = False) -> Path:
    ext = "xlsx" if FORMATS[office] == "xlsx" else "csv"
    return FORMS / f"{office}{'-错' if slips else ''}.{ext}"


def imported(run: Run, path: Path, code: int):
    option = "--from-csv" if path.suffix == ".csv" else "--from-xlsx"
    return run("log", option, str(path), code=code)


def rows_of(path: Path) -> list[list]:
    """A form's rows as LibreOffice saved them."""
    if path.suffix == ".xlsx":
        return [
            list(r) for r in openpyxl.load_workbook(path).worksheets[0].iter_rows(values_only=True)
        ]
    import csv
    import io

    text = path.read_bytes().decode(ENCODINGS[FORMATS[path.stem.removesuffix("-错")]])
    return [list(r) for r in csv.reader(io.StringIO(text.lstrip("\ufeff")))]


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """June's template for every office, made now from the bundled plan."""
    data = with_bundled_plan(tmp_path_factory.mktemp("made") / "data")
    path = data.parent / "全区.xlsx"
    Run(data)("template", "--as-of", AS_OF, "--output", str(path), code=0)
    return path


def test_the_forms_are_the_templates_offices_get_saved_by_libreoffice(template):
    """Each form lists its office's goals where today's template does, with
    the same columns; the workbooks are LibreOffice's own."""
    sheets = {ws.title: ws for ws in openpyxl.load_workbook(template).worksheets}
    assert len(FORMATS) == len(sheets) == 20  # every office of the plan
    for office in FORMATS:
        for path in filter(Path.exists, (form(office), form(office, slips=True))):
            rows = rows_of(path)
            (ws,) = [ws for ws in sheets.values() if office in str(ws.cell(2, 1).value)]
            made = [[c.value for c in row] for row in ws.iter_rows()]
            assert [r[:1] for r in rows[: len(made) - 3]] == [r[:1] for r in made[: len(made) - 3]]
            assert rows[0] == [c for c in made[0]][: len(rows[0])]  # the row of keys
            if path.suffix == ".xlsx":
                app = zipfile.ZipFile(path).read("docProps/app.xml").decode()
                assert "<Application>LibreOffice" in app, path


def test_a_month_of_every_office_lands_as_its_clerk_meant(tmp_path):
    run = Run(with_bundled_plan(tmp_path / "data"))
    # The slips first: each refused at its cell, nothing written.
    for office, slips in MISTAKES.items():
        path = form(office, slips=True)
        err = imported(run, path, code=3).stderr
        rows = rows_of(path)
        keys, ids = rows[0], [r[0] if r else None for r in rows]
        sheet = (
            str(path)
            if path.suffix == ".csv"
            else next(ws.title for ws in openpyxl.load_workbook(path).worksheets)
        )
        for (goal, _), (_, column) in slips.items():
            cell = f"{sheet}!{openpyxl.utils.get_column_letter(keys.index(column) + 1)}{ids.index(goal) + 1}"
            assert f"{cell}: " in err, (cell, err)
        assert "没有写入任何内容" in err and "Traceback" not in err
    assert log_records(run.root) == []
    # A CSV handed to --from-xlsx is named for what it is.
    csv_form = form("宣传部")
    err = run("log", "--from-xlsx", str(csv_form), code=3).stderr
    assert f"这是 CSV 文件，不是 .xlsx 工作簿（用 tracker log --from-csv {csv_form} 导入）" in err
    # The fixed forms, every office's, in whatever its software saved.
    for office in FORMATS:
        imported(run, form(office), code=0)
    # Imported again (figures or notes alone): refused as already there.
    for office in ("人社局", "教育局"):
        err = imported(run, form(office), code=3).stderr
        assert "这一行已经导入过" in err and "Traceback" not in err
    status = {g["id"]: g for g in run.json("status", "--as-of", AS_OF)["goals"]}
    assert {goal: status[goal]["current"] for goal in MEANT} == MEANT
    entries = [e for e in log_records(run.root) if "goal" in e]
    assert {e["goal"]: e["date"] for e in entries if e.get("done")} == DONE
    assert {g for g in DONE if status[g]["state"] == "done"} == set(DONE)
    typed = {(g, k): v for values in FILLED.values() for (g, k), v in values.items()}
    items = {g: v.split("、") for (g, k), v in typed.items() if k == "items"}
    assert {g: status[g]["items_done"] for g in items} == items
    notes = {g: v for (g, k), v in typed.items() if k == "note"}
    assert {e["goal"]: e["note"] for e in entries if e["note"]} == notes
    by = {g: typed.get((g, "by")) or SIGNERS[o] for o, v in FILLED.items() for g, _ in v}
    assert {e["goal"]: e["by"] for e in entries} == by
    assert len(entries) == len(by) == 30


@needs_libreoffice
def test_the_forms_print_one_landscape_page_per_office(tmp_path, template):
    """Printed through LibreOffice: June's template for every office, and a
    form as an office sent it back, filled and signed."""
    from pypdf import PdfReader

    for path, pages in ((template, 20), (form("人社局"), 1)):
        pdf = print_to_pdf(path, tmp_path)
        reader = PdfReader(pdf)
        assert len(reader.pages) == pages, path
        assert all(p.mediabox.width > p.mediabox.height for p in reader.pages)  # landscape
        text = reader.pages[0].extract_text()
        assert "填报单位（盖章）" in text and "第 1 页" in text, text


def print_to_pdf(path: Path, folder: Path) -> Path:
    """`path` printed to PDF by LibreOffice, headless, with a profile of its own."""
    out = folder / f"pdf-{path.stem}"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(folder / 'lo').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    (pdf,) = out.glob("*.pdf")
    return pdf
