"""Makes the forms beside this file, as offices send them back: for every
office of the bundled plan, `tracker template` for June 2020, typed in as
month.py says (openpyxl stands in for the clerk's fingers), signed, then
opened and saved by LibreOffice itself — as .xlsx or as CSV in the encoding
the office's software uses — so the suite imports what a real office suite
wrote. A form with slips (MISTAKES) is saved beside its office's as
`<office>-错.<ext>`.

Run it where LibreOffice is installed, from the repository's root, after a
change to the template's layout:  python tests/forms/make.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tests.forms.month import (  # noqa: E402
    AS_OF,
    CHECKER,
    FILLED,
    FORMATS,
    MISTAKES,
    PHONE,
    SIGNERS,
    Percent,
)

# LibreOffice's CSV filter: comma, double quotes, the character set by its
# number, from line 1, cells as shown (a date as 2020-06-30, 7.1% as 7.1%).
CHARSETS = {"utf-8": 76, "gb18030": 85, "gbk": 61, "utf-16": 65535}
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,{},1,,0,false,true,true,false,false"


def typed(path: Path, out: Path, office: str, values: dict) -> None:
    """The form at `path` filled in with `values` ((goal, column) → value) and
    signed, saved at `out`."""
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    keys = {cell.value: cell.column for cell in ws[1]}
    rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    for (goal, key), value in values.items():
        cell = ws.cell(rows[goal], keys[key])
        cell.value = value
        if isinstance(value, Percent):
            cell.value = float(value)
            cell.number_format = "0.0%" if value * 1000 % 10 else "0%"
    signed = {"填报人：": SIGNERS[office], "审核人：": CHECKER, "联系电话：": PHONE,
              "填报日期：": "2020-07-02"}  # fmt: skip
    for row in ws.iter_rows():
        for cell in row:
            if cell.value in signed:
                ws.cell(cell.row, next_free(ws, cell)).value = signed[cell.value]
    book.save(out)


def next_free(ws, label) -> int:
    """The column of the cell to sign in: the first after the label's (merged) cells."""
    column = label.column + 1
    for merged in ws.merged_cells.ranges:
        if label.coordinate in merged:
            column = merged.max_col + 1
    return column


def saved_by_libreoffice(filled: Path, fmt: str, target: Path, profile: Path) -> None:
    out = filled.parent / "out"
    convert = "xlsx" if fmt == "xlsx" else CSV_FILTER.format(CHARSETS[fmt])
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", convert, "--outdir", str(out), str(filled)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    (made,) = out.iterdir()
    shutil.move(made, target)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = tmp / "data"
        (data / "progress").mkdir(parents=True)
        shutil.copy(HERE.parent.parent / "goals.toml", data / "goals.toml")
        for old in HERE.glob("*.csv"):
            old.unlink()
        for old in HERE.glob("*.xlsx"):
            old.unlink()
        for office, fmt in FORMATS.items():
            blank = tmp / f"{office}.xlsx"
            subprocess.run(
                [sys.executable, "-m", "tracker", "--data", str(data), "template", "--owner",
                 office, "--as-of", AS_OF, "--output", str(blank)],
                check=True, capture_output=True,
            )  # fmt: skip
            ext = "xlsx" if fmt == "xlsx" else "csv"
            forms = {"": FILLED[office]}
            if office in MISTAKES:
                slips = {key: value for key, (value, _) in MISTAKES[office].items()}
                forms["-错"] = {**FILLED[office], **slips}
            for suffix, values in forms.items():
                work = tmp / f"{office}{suffix}"
                work.mkdir()
                filled = work / f"{office}{suffix}.xlsx"
                typed(blank, filled, office, values)
                saved_by_libreoffice(filled, fmt, HERE / f"{office}{suffix}.{ext}", tmp / "lo")
                print(f"{office}{suffix}.{ext}")


if __name__ == "__main__":
    main()
