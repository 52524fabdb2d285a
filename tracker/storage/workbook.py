"""Reading a filled-in template back (`tracker log --from-xlsx` / `--from-csv`):
each filled row becomes an Entry, every unreadable cell a problem at Sheet!Cell,
and what the template remembered of the log is handed on for the check that it
has not moved. Reading only: the write sequence runs the rules and writes all
or nothing. openpyxl is imported only when a workbook is read, charset-normalizer
only when a CSV is not UTF-8.

A cell is read as the clerk meant it or refused at its cell: a per-cent
formatted cell (7.1% is stored as 0.071) as per cent, a number alone in 说明
as the figure it is (refused: it belongs in a value column), and the form's
signature lines under the table as the form's, not as rows."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from tracker.fillin import (
    COLUMNS,
    HIDDEN,
    ITEM_SEPARATORS,
    NO,
    SIGNATURE,
    VALUES,
    YES,
    header_key,
    letter,
    sign_key,
)
from tracker.kinds import kind_of
from tracker.model import Entry, Goal, Op, Source
from tracker.numbers import number_fix, read_number, stray_percent
from tracker.problems import Problem, TrackerError, problem
from tracker.storage.batch import BatchDefaults
from tracker.storage.evidence import DEFAULT_LIMIT_MB, Incoming, examine_all
from tracker.words import LANGS, phrase, say

HEADER_SEARCH_ROWS = 12  # the key or header row is near the top
# What a workbook may declare: a filled-in template is one row per goal and
# fewer than 30 columns, its XML a few hundred KiB. A far-away cell (row
# 1,000,000) or a zip that inflates a hundredfold is refused, never unfolded.
MAX_ROWS = 10_000
MAX_COLUMNS = 200
MAX_INFLATED = 64 << 20  # the workbook's parts, uncompressed
# What Chinese offices' software saves a CSV in: Excel's and WPS's "CSV UTF-8",
# their default (GBK, read as its superset GB18030), "Unicode text" (UTF-16),
# Traditional Chinese Windows (Big5). Detection is kept to these, so a short
# file is not taken for Korean.
CSV_ENCODINGS = ["utf_8", "gb18030", "utf_16", "utf_16_le", "utf_16_be", "big5"]

# Which cell of a row a rule's problem is about, by the problem's code; any
# other code is about the figure the row gives.
ABOUT = {
    "unknown-goal": "id",
    "duplicate": "id",
    "date": "date",
    "future": "date",
    "moved": "current",
    "evidence-required": "evidence",
}


@dataclass(frozen=True, slots=True)
class RowCells:
    """Where a row's parts are, to put a problem on its cell."""

    id: str
    value: str  # the cell that gave the figure (or the note, for a note alone)
    date: str
    current: str
    evidence: str


@dataclass(frozen=True, slots=True)
class Remembered:
    """What the template held of a goal's log when it was made."""

    goal: str
    as_of: dt.date
    value: float | None
    last_entry: str
    origin: Source  # the sheet and row


@dataclass
class Filled:
    """A filled-in template as read: its entries, the problems of reading it,
    what it remembered of the log, and where each row's cells are."""

    name: str
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    remembered: list[Remembered] = field(default_factory=list)
    cells: dict[tuple[str, int], RowCells] = field(default_factory=dict)
    sheets: list[str] = field(default_factory=list)
    files: list[Incoming] = field(default_factory=list)  # evidence files, kept once all is written
    folder: Path | None = None  # where the rows' evidence files are (evidence_folder)
    limit_mb: int = DEFAULT_LIMIT_MB

    def locate(self, problems: list[Problem]) -> list[Problem]:
        """Problems the rules found, each put on its cell (rules know only the
        sheet and row), sorted by sheet and row; the closing line counts rows."""
        located = []
        for found in problems:
            cells = self.cells.get((found.file, found.line))
            if found.cell is None and cells is not None:
                found = found._replace(cell=getattr(cells, ABOUT.get(found.code, "value")))
            if found.code != "summary":
                located.append(found)
        order = {name: i for i, name in enumerate(self.sheets)}
        located.sort(key=lambda p: (order.get(p.file, -1), p.line or 0))
        rows = len({(p.file, p.line) for p in located})
        return located + [
            problem(self.name, None, "summary", "sheet_refused", "sheet_fix", count=rows)
        ]


def evidence_folder(workbook: Path) -> Path:
    """Where a filled template's evidence files are: the folder beside it with
    its name, without the extension (区财政局-6月.xlsx → 区财政局-6月/), as an
    office keeps a report and its attachments side by side."""
    return workbook.parent / workbook.stem


def read_filled(path: Path, name: str, goals: dict[str, Goal], defaults: BatchDefaults, *,
                csv: bool = False, limit_mb: int = DEFAULT_LIMIT_MB) -> Filled:  # fmt: skip
    """A filled-in template from an .xlsx file (or a CSV of its columns). `goals`:
    the plan's goals by id, whose kind says what the 'total or reading' column
    means. The files its rows name are read and checked from its evidence
    folder (no larger than `limit_mb`), to be kept once the rows are written."""
    filled = Filled(name, folder=evidence_folder(path), limit_mb=limit_mb)
    from tracker.storage.files import SHEET_LIMIT, read_regular, reason

    try:
        raw = read_regular(path, limit=SHEET_LIMIT)
    except OSError as exc:
        filled.problems.append(
            problem(name, None, "cannot-read", "cannot_read", reason=reason(exc))
        )
        return filled
    if csv:
        sheets = _csv_sheets(raw, name, filled)
    else:
        sheets = _xlsx_sheets(raw, name, filled)
    found = False
    for sheet, rows in sheets:
        found = _read_sheet(sheet, rows, goals, defaults, filled) or found
    if not found and not filled.problems:
        filled.problems.append(
            problem(name, None, "no-template", "no_template_sheet", "no_template_sheet_fix",
                    name=name)
        )  # fmt: skip
    return filled


def _xlsx_sheets(raw: bytes, name: str, filled: Filled):
    import zipfile

    from openpyxl import load_workbook

    if not zipfile.is_zipfile(io.BytesIO(raw)):
        # Not an .xlsx at all: say what it is in words, never a library's.
        key = "sheet_is_xls" if raw.startswith(OLE2) else "sheet_not_xlsx"
        text = _decoded(raw) if key == "sheet_not_xlsx" else None
        if text is not None and ("," in text[0][:4096] or "\t" in text[0][:4096]):
            key = "sheet_is_csv"
        filled.problems.append(problem(name, None, "unreadable", key, f"{key}_fix", name=name))
        return []
    try:
        inflated = _inflated_size(raw)
        if inflated > MAX_INFLATED:
            limit = f"{MAX_INFLATED >> 20} MiB"
            filled.problems.append(
                problem(name, None, "too-big", "workbook_too_big", "workbook_fix", limit=limit)
            )
            return []
        # Not data_only: a formula an office typed is refused, never read as empty.
        book = load_workbook(io.BytesIO(raw))
    except Exception:  # a zip but no workbook (a .docx), a damaged one: openpyxl varies
        filled.problems.append(
            problem(name, None, "unreadable", "sheet_unreadable", "sheet_unreadable_fix")
        )
        return []

    def value(cell):
        if cell.data_type == "f":
            return _Formula(_formula_text(cell.value))
        if cell.data_type == "n" and "%" in (cell.number_format or "") and cell.value is not None:
            return _Percent(cell.value)  # 7.1% typed: 0.071 stored, shown as per cent
        return cell.value

    sheets = []
    for ws in book.worksheets:
        if ws.max_row > MAX_ROWS or ws.max_column > MAX_COLUMNS:
            far = f"{letter(ws.max_column - 1)}{ws.max_row}"
            filled.problems.append(
                problem(ws.title, None, "too-big", "sheet_too_far", "workbook_fix", far=far)
            )
            continue  # never unfolded: a million empty rows are a MemoryError
        title = _Hidden(ws.title) if ws.sheet_state != "visible" else ws.title
        sheets.append((title, [[value(c) for c in row] for row in ws.iter_rows()]))
    return sheets


def _inflated_size(raw: bytes) -> int:
    """What the workbook's parts declare they hold once unzipped."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return sum(info.file_size for info in archive.infolist())


def _formula_text(formula) -> str:
    """A formula as typed: openpyxl gives array and data-table formulas as
    objects, whose text is an attribute (their str() is a Python repr)."""
    return str(getattr(formula, "text", None) or formula)


class _Hidden(str):
    """A sheet's name, the sheet hidden: an office never sees the figures on it."""


class _Formula(str):
    """A cell holding a formula: tracker reads what was typed, not what Excel
    would compute, so a formula is refused at its cell."""


class _Percent(float):
    """A number in a per-cent formatted cell: the fraction Excel stores (0.071
    for 7.1%), meant as the per cent it shows."""

    @property
    def shown(self) -> float:
        return float(f"{self * 100:.12g}")  # 7.1, not 7.1000000000000005


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an old .xls (or .et) workbook


def _decoded(raw: bytes) -> tuple[str, str] | None:
    """A CSV's text and its encoding: a byte-order mark says it (UTF-8, UTF-16),
    else UTF-8 if it is that, else what charset-normalizer finds among the
    encodings offices save in; None when it is none of them."""
    for mark, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"),
                           (b"\xfe\xff", "utf-16")):  # fmt: skip
        if raw.startswith(mark):
            try:
                return raw.decode(encoding), encoding.removesuffix("-sig")
            except UnicodeDecodeError:
                return None
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw, cp_isolation=CSV_ENCODINGS))
    if not matches:
        return None
    # Where it cannot tell (a short file: 完成 is as good Big5 as it is GBK), the
    # encoding listed first wins: mainland offices' GB18030 before Big5.
    rank = {name: place for place, name in enumerate(CSV_ENCODINGS)}
    best = min(matches, key=lambda m: (m.chaos, -m.coherence, rank.get(m.encoding, len(rank))))
    return str(best), best.encoding


def _csv_sheets(raw: bytes, name: str, filled: Filled):
    import csv

    if raw.startswith((b"PK\x03\x04", OLE2)):  # a workbook (.xlsx, or an old .xls)
        filled.problems.append(problem(name, None, "unreadable", "csv_is_a_workbook",
                                       "csv_is_a_workbook_fix", name=name))  # fmt: skip
        return []
    decoded = _decoded(raw)
    if decoded is None:
        filled.problems.append(problem(name, None, "encoding", "csv_encoding", "save_csv_utf8"))
        return []
    text = decoded[0].lstrip("\ufeff")
    # Excel's and WPS's "Unicode text" separates cells with tabs.
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [(name, [list(row) for row in rows])]


def _columns(rows: list[list]) -> tuple[int, dict[str, int]] | None:
    """(index of the row naming the columns, column key → index): the template's
    hidden row of keys, or a header row in either language."""
    headers = {say(header_key(k), lang): k for k in COLUMNS for lang in LANGS}
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        texts = [str(v).strip() if v is not None else "" for v in row]
        for names in ({k: k for k in COLUMNS}, headers):
            found = {names[t]: i for i, t in reversed(list(enumerate(texts))) if t in names}
            if "id" in found and any(k in found for k in (*VALUES, "note")):
                return index, found
    return None


def _read_sheet(sheet: str, rows: list[list], goals, defaults, filled: Filled) -> bool:
    located = _columns(rows)
    if located is None:
        return False
    start, columns = located
    if isinstance(sheet, _Hidden):
        # Its figures would be imported beside the visible ones, unseen.
        filled.problems.append(problem(str(sheet), None, "hidden", "sheet_hidden",
                                       "sheet_hidden_fix", sheet=str(sheet)))  # fmt: skip
        return True
    filled.sheets.append(sheet)
    end, signed_by = _signature(rows, start)
    if signed_by:  # rows that name no 填报人 are by the one who signed the form
        defaults = replace(defaults, by=signed_by)
    id_words = {say(header_key("id"), lang) for lang in LANGS}
    if _made_by_tracker(rows, start, columns, id_words) and not all(k in columns for k in HIDDEN):
        # Without what the template remembered of the log, importing it again
        # could not be told from a first import.
        filled.problems.append(problem(sheet, None, "bookkeeping", "sheet_bookkeeping_gone",
                                       "sheet_bookkeeping_fix"))  # fmt: skip
        return True
    for index in range(start + 1, end):
        row = _Row(sheet, index + 1, rows[index], columns)
        if str(row.get("id") or "").strip() in id_words:
            continue  # the header under the hidden row of keys
        formulas = [k for k in columns if isinstance(row.raw(k), _Formula)]
        if formulas:
            filled.problems += [
                row.problem(k, "formula", "cell_formula", "cell_formula_fix", text=row.raw(k))
                for k in formulas
            ]
            continue
        entry = _entry(row, goals, defaults, filled)
        if entry is not None:
            filled.entries.append(entry)
    return True


def _signature(rows: list[list], start: int) -> tuple[int, str]:
    """Where the form's signature lines begin (the rows end there), and the
    填报人 signed on them ("" if none): the cell after the label that is not empty."""
    labels = {say(sign_key(part), lang).strip(): part for part in SIGNATURE for lang in LANGS}
    for index in range(start + 1, len(rows)):
        first = _text(rows[index][0]) if rows[index] else ""
        if labels.get(first) != SIGNATURE[0]:
            continue
        for line in rows[index:]:
            texts = [_text(v) for v in line]
            for at, text in enumerate(texts):
                if labels.get(text) == "by":
                    after = [t for t in texts[at + 1 :] if t]
                    if after and after[0] not in labels:
                        return index, after[0]
        return index, ""
    return len(rows), ""


def _made_by_tracker(rows, start: int, columns: dict[str, int], id_words) -> bool:
    """A sheet laid out as tracker's template: its row of keys, and under it
    (after the instructions) its header in words."""
    texts = [str(v).strip() for v in rows[start] if v is not None]
    if "id" not in texts:
        return False
    below = rows[start + 1 : start + HEADER_SEARCH_ROWS]
    return any(len(r) > columns["id"] and str(r[columns["id"]] or "").strip() in id_words
               for r in below)  # fmt: skip


class _Row:
    """One row's cells by column key, and each cell's name (F7)."""

    def __init__(self, sheet: str, number: int, values: list, columns: dict[str, int]):
        self.sheet, self.number, self.values, self.columns = sheet, number, values, columns

    def raw(self, key: str):
        i = self.columns.get(key)
        return self.values[i] if i is not None and i < len(self.values) else None

    def get(self, key: str):
        """The cell's value, text stripped and empty text as None."""
        value = self.raw(key)
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    def cell(self, key: str) -> str:
        i = self.columns.get(key, self.columns["id"])
        return f"{letter(i)}{self.number}"

    def problem(self, key: str, code: str, what: str, fix=None, /, **args) -> Problem:
        return problem(self.sheet, self.number, code, what, fix, cell=self.cell(key), **args)


def _entry(row: _Row, goals: dict[str, Goal], defaults: BatchDefaults, filled: Filled):
    given = [k for k in VALUES if row.get(k) is not None]
    done = row.get("done")
    if "done" in given and _yes_no(done) is False:
        given.remove("done")  # 否: nothing to report
    note = _text(row.get("note"))
    named = _items(row.get("evidence"))
    if not given and not note and not named:
        return None  # a row left empty (a 填报人 filled in alone counts as empty)
    problems = filled.problems
    goal = _text(row.get("id"))
    if not goal:
        problems.append(row.problem("id", "no-goal", "row_without_goal", "row_without_goal_fix"))
        return None
    count = len(problems)
    known = goals.get(goal)
    # The columns that give the goal's figure, and the line each makes (the
    # last column is the one to suggest): tracker.kinds.
    cells = kind_of(known).template_cells(known) if known is not None else None
    if not given and cells and _figure_alone(row.raw("note"), known.unit):
        # The reading typed in 说明: as a note it would be lost without a word.
        at = [phrase("column_at", column=phrase(header_key(k)), cell=row.cell(k)) for k in cells]
        where = at[0] if len(at) == 1 else phrase("either_of", one=at[0], other=at[1])
        problems.append(row.problem("note", "figure-in-note", "figure_in_note",
                                    "figure_in_note_fix", text=note, columns=where))  # fmt: skip
    if given == ["add", "total"]:
        problems.append(row.problem("total", "two-values", "add_and_total", "add_and_total_fix"))
    elif len(given) > 1:
        names = "、".join(row.cell(k) for k in given)
        problems.append(row.problem(given[1], "two-values", "one_value_per_row",
                                    "one_value_per_row_fix", columns=names))  # fmt: skip
    used = given[0] if given else "note"
    op, value, items = Op.CHECKIN, None, ()
    if cells is not None and used != "note" and used not in cells:
        problems.append(
            row.problem(used, "wrong-kind", "cell_not_for_kind", "cell_for_kind", goal=goal,
                        kind=phrase(kind_of(known).name_key), field=phrase(header_key(used)),
                        right=phrase(header_key(list(cells)[-1])))
        )  # fmt: skip
    if used in ("add", "total"):
        value = _number(row, used, problems, goal, known.unit if known is not None else None)
        op = cells.get(used, Op.VALUE) if cells is not None else Op.VALUE
    elif used == "done":
        if _yes_no(done) is None:
            problems.append(row.problem("done", "not-yes-no", "cell_not_yes_no",
                                        "cell_yes_or_empty", text=str(done)))  # fmt: skip
        op = Op.DONE
    elif used == "items":
        op, items = Op.ITEMS, _items(row.get("items"))
    day = _date(row, defaults, problems)
    filled.cells[(row.sheet, row.number)] = RowCells(
        row.cell("id"), row.cell(used), row.cell("date"), row.cell("current"),
        row.cell("evidence"),
    )  # fmt: skip
    _remember(row, goal, filled)
    files = _evidence(row, named, filled)
    if len(problems) > count:
        return None
    filled.files += files
    return Entry(
        id=defaults.new_id(),
        goal=goal,
        date=day,
        op=op,
        recorded_at=defaults.recorded_at,
        value=value,
        items=items,
        note=note,
        by=_text(row.get("by")) or defaults.by,
        evidence=tuple(item.evidence for item in files),
        origin=Source(row.sheet, row.number),
    )


def _inside(path: Path, folder: Path) -> bool:
    """Whether `path` is `folder` or within it, links and `..` followed."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return False


def _evidence(row: _Row, names: tuple[str, ...], filled: Filled) -> list[Incoming]:
    """The evidence files a row names, each read and checked in the workbook's
    evidence folder (a name that would leave it is refused); every refusal is
    a problem at the row's evidence cell."""
    found = []
    folder = filled.folder
    for name in names:
        path = folder / name
        key = None
        if not folder.is_dir():
            key = "evidence_folder_missing"
        elif Path(name).is_absolute() or not _inside(path.parent, folder):
            key = "evidence_outside_folder"
        if key is not None:
            filled.problems.append(row.problem("evidence", "evidence", key, "evidence_in_folder",
                                               name=name, folder=str(folder)))  # fmt: skip
            continue
        try:
            found += examine_all([path], limit_mb=filled.limit_mb)
        except TrackerError as error:
            filled.problems += [
                row.problem("evidence", "evidence", "evidence_named", p.fix, name=name,
                            what=p.what)
                for p in error.problems
            ]  # fmt: skip
    return found


def _number(row: _Row, key: str, problems: list, goal: str, unit: str | None) -> float | None:
    """A cell's number; `unit`: its goal's (None when the plan has no such goal).
    A per-cent formatted cell is the per cent it shows, on a goal counted in
    per cent; on any other goal it is refused, as '12%' typed is."""
    value = row.get(key)
    if isinstance(value, _Percent):
        if unit is not None and stray_percent("%", unit):
            shown = f"{value.shown:g}%"
            problems.append(row.problem(key, "percent", "percent_cell_not_unit",
                                        "percent_not_unit_fix", value=shown, goal=goal,
                                        unit=unit.strip() or phrase("units")))  # fmt: skip
            return None
        return value.shown
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        number = read_number(str(value)) if isinstance(value, str) else None
    if number is None:
        problems.append(row.problem(key, "not-a-number", "cell_not_number",
                                    number_fix(str(value)), text=str(value)))  # fmt: skip
    elif isinstance(value, str) and unit is not None and stray_percent(value, unit):
        problems.append(row.problem(key, "percent", "percent_not_unit", "percent_not_unit_fix",
                                    value=value, goal=goal,
                                    unit=unit.strip() or phrase("units")))  # fmt: skip
        return None
    return number


def _figure_alone(value, unit: str) -> bool:
    """Whether a 说明 cell holds a figure and nothing else: a number, as typed
    or stored (a per cent too), or one followed by the goal's unit (120人)."""
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, int | float):
        return True
    text = str(value).strip()
    if unit.strip() and text.endswith(unit.strip()):
        text = text[: -len(unit.strip())]
    return read_number(text) is not None


def _date(row: _Row, defaults: BatchDefaults, problems: list) -> dt.date | None:
    value = row.get("date")
    if value is None:
        value = row.get("as_of")  # the day the template was made for
        if value is None:
            value = dt.date.fromisoformat(defaults.today)
        day = value.date() if isinstance(value, dt.datetime) else value
        if isinstance(day, dt.date) and defaults.plan_end and day.isoformat() > defaults.plan_end:
            # As `tracker log` does once the plan's year is over: say which day.
            problems.append(row.problem("date", "date", "row_needs_date", "row_needs_date_fix",
                                        end=defaults.plan_end))  # fmt: skip
            return None
    if isinstance(value, str):
        try:
            value = defaults.parse_date(value)
        except TrackerError as error:
            found = error.problems[0]
            problems.append(found._replace(file=row.sheet, line=row.number, cell=row.cell("date")))
            return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        if defaults.plan_end and value.isoformat() > defaults.plan_end:
            problems.append(row.problem("date", "date", "date_after_plan", "row_needs_date_fix",
                                        date=value, end=defaults.plan_end))  # fmt: skip
            return None
        return value
    problems.append(row.problem("date", "not-a-date", "cell_not_date", "date_forms",
                                text=str(value)))  # fmt: skip
    return None


def _remember(row: _Row, goal: str, filled: Filled) -> None:
    """What the template's hidden columns say the log held for this goal."""
    as_of = row.get("as_of")
    if isinstance(as_of, str):
        try:
            as_of = dt.date.fromisoformat(as_of[:10])
        except ValueError:
            return
    if isinstance(as_of, dt.datetime):
        as_of = as_of.date()
    if not isinstance(as_of, dt.date):
        return  # a sheet without them (a CSV typed by hand): nothing to compare
    value = row.get("snap_value")
    if isinstance(value, str):
        value = read_number(value)
    elif isinstance(value, bool) or not isinstance(value, int | float):
        value = None
    remembered = Remembered(
        goal, as_of, value, _text(row.get("snap_entry")), Source(row.sheet, row.number)
    )
    seen = (goal, as_of, value, remembered.last_entry)
    for earlier in filled.remembered:
        if (earlier.goal, earlier.as_of, earlier.value, earlier.last_entry) == seen:
            # A template lists each goal once: this row is a copy of that one.
            other = f"{earlier.origin.file}!{filled.cells[earlier.origin[:2]].id}"
            filled.problems.append(row.problem("id", "copied", "row_copied", "row_copied_fix",
                                               other=other))  # fmt: skip
            break
    filled.remembered.append(remembered)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _yes_no(value) -> bool | None:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    return None


def _items(value) -> tuple[str, ...]:
    """The items a cell names, each in the plan's normal form (NFC)."""
    text = unicodedata.normalize("NFC", _text(value))
    for separator in ITEM_SEPARATORS:
        text = text.replace(separator, "\n")
    return tuple(dict.fromkeys(part.strip() for part in text.split("\n") if part.strip()))
