"""Sheets drawn as an Excel workbook (.xlsx): typed cells (dates as dates,
numbers as numbers), bold headers, column widths to fit, the header row frozen;
in a fill-in template the open cells white, unlocked and validated, the rest
grey and locked; a form to print laid out on landscape A4, one page wide, its
header on every page, a signature block under it. openpyxl is imported only
here, and only when a workbook is made."""

from __future__ import annotations

import datetime as dt
import io
import math

from tracker.render.text import cell_width, inert
from tracker.views.model import Fill, Sheet

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
WIDTH_MIN, WIDTH_MAX = 6, 48
HEADER_FILL = "D9E1F2"  # headers
OPEN_FILL = "FFF2CC"  # headers of the columns an office fills in
SHUT_FILL = "EDEDED"  # a locked cell of a fill-in template: grey, as its instructions say
LINE = "A6A6A6"  # a printed form's cell borders
ROW_HEIGHT = 15  # points a line of 11-point text takes
LIST_MAX = 255  # Excel's limit on a drop-down list written in the rule itself


def render_workbook(sheets: tuple[Sheet, ...]) -> bytes:
    """The workbook as the bytes of an .xlsx file."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        _draw(book.create_sheet(sheet.name), sheet)
    if not sheets:  # a workbook must have a sheet
        book.create_sheet("-")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _draw(ws, sheet: Sheet) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter

    columns = sheet.columns
    visible = [i for i, c in enumerate(columns) if not c.hidden] or [0]
    row = 1
    if sheet.key_row:  # the columns' keys, for the reader; hidden from people
        for i, column in enumerate(columns, start=1):
            ws.cell(row, i, column.key)
        ws.row_dimensions[row].hidden = True
        row += 1
    widths = [_width(sheet, i) for i in range(len(columns))]  # each scans its column once
    span = sum(widths[i] for i in visible)
    first = row
    for n, line in enumerate(sheet.lead):
        cell = ws.cell(row, 1, inert(line))
        cell.font = Font(bold=n == 0, size=13 if n == 0 else 11)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if len(visible) > 1:
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=visible[-1] + 1)
        lines = math.ceil(cell_width(line) / max(span, 1) * 1.1) or 1
        ws.row_dimensions[row].height = 16 * lines + 4
        row += 1
    header = row
    open_columns = {i for fills in sheet.fills for i, fill in enumerate(fills) if fill is not None}
    for i, column in enumerate(columns, start=1):
        cell = ws.cell(header, i, column.header)
        cell.font = Font(bold=True)
        colour = OPEN_FILL if i - 1 in open_columns else HEADER_FILL
        cell.fill = PatternFill("solid", fgColor=colour)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    shut = PatternFill("solid", fgColor=SHUT_FILL)
    ranges: dict[Fill, list[str]] = {}
    for r, values in enumerate(sheet.rows, start=header + 1):
        fills = sheet.fills[r - header - 1] if sheet.fills else ()
        for i, (column, value) in enumerate(zip(columns, values), start=1):
            cell = ws.cell(r, i)
            _put(cell, column.type, value)
            if column.wrap or sheet.printed:  # a row's cells read from their tops
                cell.alignment = Alignment(wrap_text=column.wrap, vertical="top")
            fill = fills[i - 1] if fills else None
            if fill is not None:
                cell.protection = Protection(locked=False)
                if fill.type == "date":
                    cell.number_format = DATE_FORMAT
                ranges.setdefault(fill, []).append(cell.coordinate)
            elif sheet.protected and not column.hidden:
                cell.fill = shut  # locked: grey, as the instructions say
        wrapped = [cell_width(str(v)) / max(c.width - 1, 1) for c, v in zip(columns, values)
                   if c.wrap and c.width and v is not None]  # fmt: skip
        if wrapped:  # an office suite does not grow a row to its wrapped text
            ws.row_dimensions[r].height = ROW_HEIGHT * max(1, math.ceil(max(wrapped))) + 3
    for fill, cells in ranges.items():
        rule = _validation(fill)
        if rule is not None:
            rule.sqref = " ".join(cells)
            ws.add_data_validation(rule)
    for i, column in enumerate(columns, start=1):
        dimension = ws.column_dimensions[get_column_letter(i)]
        dimension.width = widths[i - 1]
        dimension.hidden = column.hidden
    ws.freeze_panes = ws.cell(header + 1, sheet.frozen_columns + 1).coordinate
    if sheet.printed:
        last = _signature(ws, sheet, header + len(sheet.rows) + 2, visible, widths)
        _print_setup(ws, sheet, first, header, last, visible)
    if sheet.protected:
        # No password: the lock keeps fingers off the plan's figures, it is no secret.
        # Column widths and row heights may still be changed.
        ws.protection.sheet = True
        ws.protection.formatColumns = False
        ws.protection.formatRows = False


def _signature(ws, sheet: Sheet, row: int, visible: list[int], widths: list[float]) -> int:
    """The signature lines under a form (填报单位（盖章）, 填报人 …), from `row`:
    each line's pairs share the visible columns, a label over as many columns
    as it needs and its cell to fill over the rest (white, unlocked). Returns
    the last row used."""
    from openpyxl.styles import Alignment, Border, Font, Protection, Side

    under = Border(bottom=Side(style="thin", color=LINE))
    for pairs in sheet.signature:
        for (label, value), group in zip(pairs, _groups(visible, widths, len(pairs))):
            span = 1
            while span < len(group) - 1 and sum(widths[i] for i in group[:span]) < (
                cell_width(label) + 2
            ):
                span += 1
            ws.cell(row, group[0] + 1, label).font = Font(bold=True)
            if span > 1:
                ws.merge_cells(start_row=row, start_column=group[0] + 1, end_row=row,
                               end_column=group[span - 1] + 1)  # fmt: skip
            start, end = group[span] + 1, group[-1] + 1
            cell = ws.cell(row, start, inert(value) if value else None)
            cell.protection = Protection(locked=False)
            cell.alignment = Alignment(horizontal="left", vertical="center")
            if end > start:
                ws.merge_cells(start_row=row, start_column=start, end_row=row, end_column=end)
            for column in range(start, end + 1):
                ws.cell(row, column).border = under
        ws.row_dimensions[row].height = 28
        row += 1
    return row - 1


def _groups(visible: list[int], widths: list[float], count: int) -> list[list[int]]:
    """The visible columns in `count` runs of about equal width, each of at least
    two columns (a label and a cell)."""
    total = sum(widths[i] for i in visible)
    groups: list[list[int]] = [[]]
    used = 0.0
    for n, i in enumerate(visible):
        left = len(visible) - n
        wanted = len(groups) < count and used >= total * len(groups) / count
        if wanted and len(groups[-1]) >= 2 and left >= 2 * (count - len(groups)):
            groups.append([])
        groups[-1].append(i)
        used += widths[i]
    return groups


def _print_setup(ws, sheet: Sheet, first: int, header: int, last: int, visible: list[int]):
    """Landscape A4, one page wide and as many long as it takes, the header row
    on every page, the print area the form's visible columns (the hidden
    bookkeeping columns and the row of keys stay off paper), thin borders
    round the table, and the page number at the foot."""
    from openpyxl.styles import Border, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.page import PageMargins

    line = Side(style="thin", color=LINE)
    box = Border(left=line, right=line, top=line, bottom=line)
    for r in range(header, header + len(sheet.rows) + 1):
        for i in visible:
            ws.cell(r, i + 1).border = box
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages long as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6, footer=0.3)
    ws.print_title_rows = f"{header}:{header}"
    ws.print_area = f"A{first}:{get_column_letter(visible[-1] + 1)}{last}"
    if sheet.page_footer:
        ws.oddFooter.center.text = sheet.page_footer
        ws.oddFooter.center.size = 9


def _put(cell, kind: str, value) -> None:
    """A value into a cell with the number format its column's type asks for."""
    if isinstance(value, str):
        cell.value = inert(value)
        cell.data_type = "s"  # text, even when it starts with '=': never a formula
        return
    cell.value = value
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, dt.datetime):
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    elif kind == "percent":
        cell.number_format = "0%"
    elif isinstance(value, int | float):
        cell.number_format = "#,##0" if float(value).is_integer() else "#,##0.0#####"


def _width(sheet: Sheet, index: int) -> float:
    """A column wide enough for its header and values (CJK counts two), within bounds."""
    column = sheet.columns[index]
    if column.wrap and column.width:
        return column.width
    widest = cell_width(column.header)
    for values in sheet.rows:
        value = values[index]
        if isinstance(value, dt.datetime):
            widest = max(widest, 19)
        elif isinstance(value, dt.date):
            widest = max(widest, 10)
        elif isinstance(value, float):
            widest = max(widest, len(f"{value:,.2f}"))
        elif value is not None:
            widest = max(widest, cell_width(str(value)))
    return min(max(widest + 2, WIDTH_MIN, column.width), WIDTH_MAX)


def _validation(fill: Fill):
    """Excel's data validation for an open cell, or None where Excel has none."""
    from openpyxl.worksheet.datavalidation import DataValidation

    if fill.type == "decimal":
        if fill.low is not None:
            rule = DataValidation("decimal", operator="greaterThanOrEqual", formula1=str(fill.low))
        else:
            rule = DataValidation(
                "decimal", operator="between", formula1="-1E+15", formula2="1E+15"
            )
    elif fill.type == "date":
        low, high = _excel_date(fill.low), _excel_date(fill.high)
        rule = DataValidation("date", operator="between", formula1=low, formula2=high)
    elif fill.type == "list":
        listed = ",".join(fill.choices)
        if any("," in choice for choice in fill.choices):
            return _prompt_only(fill)
        if not fill.choices or any(c in listed for c in '"') or len(listed) > LIST_MAX:
            return _prompt_only(fill)  # Excel cannot list these inline: prompt with words
        rule = DataValidation("list", formula1=f'"{listed}"')
        if not fill.strict:
            rule.errorStyle = "warning"  # several items may be typed, separated by 、
    else:
        return _prompt_only(fill)
    rule.allow_blank = True
    rule.showErrorMessage = True
    rule.error = fill.error or None
    return _with_prompt(rule, fill)


def _prompt_only(fill: Fill):
    if not fill.prompt:
        return None
    from openpyxl.worksheet.datavalidation import DataValidation

    return _with_prompt(DataValidation(allow_blank=True), fill)


def _with_prompt(rule, fill: Fill):
    if fill.prompt:
        rule.showInputMessage = True
        rule.prompt = fill.prompt[:255]
    return rule


def _excel_date(day: dt.date) -> str:
    return f"DATE({day.year},{day.month},{day.day})"
