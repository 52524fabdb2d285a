"""Spreadsheets: the fill-in template, reading it back with every rule, xlsx
exports, and CSV that Excel opens safely. Workbooks are read back with openpyxl."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from tests.conftest import log_records
from tests.forms.month import Percent
from tracker.render.table import render_csv

pytestmark = pytest.mark.usefixtures("english")  # these tests assert English messages


HR = "区人力资源和社会保障局"
FIN = "区财政局"
AS_OF = "2020-06-30"


def lines(data):
    """The log's entries (not its batch commit lines)."""
    return [e for e in log_records(data) if "goal" in e]


def statuses(run, as_of="2020-07-31"):
    return {g["id"]: g for g in run.json("status", "--as-of", as_of)["goals"]}


def make_template(run, tmp_path, *owners, lang="zh", name="form.xlsx"):
    path = tmp_path / name
    args = [x for o in owners for x in ("--owner", o)]
    run("template", *args, "--as-of", AS_OF, "--output", str(path), "--lang", lang, code=0)
    return path


def row_of(ws, goal_id) -> int:
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, 1).value == goal_id:
            return row
    raise AssertionError(goal_id)


def column_of(ws, key) -> str:
    """Column letter of a template column, by its key in the hidden first row."""
    for cell in ws[1]:
        if cell.value == key:
            return cell.column_letter
    raise AssertionError(key)


def fill(path, out, values: dict):
    """values: {(sheet, goal id, column key): value}: what an office types (a
    Percent: a number typed with %, stored as the fraction, shown as per cent)."""
    book = openpyxl.load_workbook(path)
    for (sheet, goal, key), value in values.items():
        ws = book[sheet]
        cell = ws[f"{column_of(ws, key)}{row_of(ws, goal)}"]
        cell.value = float(value) if isinstance(value, Percent) else value
        if isinstance(value, Percent):
            cell.number_format = "0.0%"
    book.save(out)
    return out


# ── the template ─────────────────────────────────────────────────────────────


def test_template_has_one_locked_sheet_per_office_with_open_validated_cells(run, tmp_path):
    run("log", "jobs.training", "500", "--date", "2020-03-01", code=0)
    path = make_template(run, tmp_path, HR, FIN, "财政局")  # one office named twice: one sheet
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [HR, FIN]
    ws = book[HR]
    assert ws.protection.sheet and not ws.protection.password
    assert ws.row_dimensions[1].hidden  # the keys the reader uses
    header = row_of(ws, "编号")
    assert [c.value for c in ws[header]][:17] == [
        "编号", "目标", "类型", "单位", "目标值", "当前值", "截止日期", "目前状态", "上次填报",
        "本期新增", "累计值或读数", "是否完成", "完成的分项", "日期", "说明", "填报人", "佐证材料",
    ]  # fmt: skip
    assert ws.freeze_panes == f"C{header + 1}"
    assert any("填写说明" in str(ws.cell(r, 1).value) for r in range(2, header))
    training = row_of(ws, "jobs.training")
    cells = {c.value: ws.cell(training, i + 1) for i, c in enumerate(ws[1])}
    assert cells["title"].value == "全年培训下岗失业人员3000人"
    assert cells["kind"].value == "计数"
    assert cells["target"].value == 3000 and cells["current"].value == 500
    assert isinstance(cells["current"].value, int)
    assert cells["last"].value.date() == dt.date(2020, 3, 1)
    # Only the cells the goal's kind takes are open; the plan's figures are locked.
    for key in ("add", "total", "date", "note", "by", "evidence"):
        assert cells[key].protection.locked is False, key
    for key in ("id", "title", "target", "current", "done", "items"):
        assert cells[key].protection.locked is True, key
    # Hidden columns remember the log as the template saw it.
    assert cells["snap_value"].value == 500 and cells["as_of"].value.date() == dt.date(2020, 6, 30)
    assert ws.column_dimensions[cells["snap_entry"].column_letter].hidden
    assert cells["snap_entry"].value == lines(run.root)[0]["id"]
    rules = {(v.type, str(v.sqref)) for v in ws.data_validations.dataValidation}
    assert ("decimal", cells["add"].coordinate) in {(t, s.split()[0]) for t, s in rules}
    by_type = {v.type: v for v in ws.data_validations.dataValidation}
    assert by_type["date"].formula1 == "DATE(2020,1,1)"
    milestone = row_of(ws, "jobs.community-college")
    done = ws[f"{column_of(ws, 'done')}{milestone}"]
    assert done.protection.locked is False
    assert by_type["list"].formula1 == '"是,否"' and done.coordinate in str(by_type["list"].sqref)
    checklist = book[FIN]
    farms_row = row_of(checklist, "finance.budget-discipline")
    items = [v for v in checklist.data_validations.dataValidation if v.type == "list"]
    assert items[0].formula1 == '"预算刚性约束机制,财政资金绩效评估,专项资金整合"'
    assert f"{column_of(checklist, 'items')}{farms_row}" in str(items[0].sqref)


def test_template_without_owner_has_every_office_and_english_words(run, tmp_path):
    path = make_template(run, tmp_path, lang="en")
    book = openpyxl.load_workbook(path)
    assert len(book.sheetnames) > 5 and FIN in book.sheetnames
    ws = book[FIN]
    assert "add" in [c.value for c in ws[row_of(ws, "id")]]
    assert ws.cell(row_of(ws, "finance.general-spending-cut"), 3).value == "level"


def test_unknown_office_is_refused_with_a_suggestion(run, tmp_path):
    result = run("template", "--owner", "区财政", "--output", str(tmp_path / "x.xlsx"), code=2)
    assert "区财政局" in result.stderr and not (tmp_path / "x.xlsx").exists()


# ── the round trip ───────────────────────────────────────────────────────────


def test_a_filled_template_is_logged_with_every_status_updated(run, data, tmp_path):
    run("log", "jobs.training", "500", "--date", "2020-03-01", code=0)
    blank = make_template(run, tmp_path, HR, FIN)
    filled = fill(blank, tmp_path / "filled.xlsx", {
        (HR, "jobs.training", "total"): 1320,
        (HR, "jobs.training", "date"): dt.date(2020, 6, 28),
        (HR, "jobs.training", "by"): "张三",
        (HR, "jobs.placement", "add"): "600",
        (HR, "jobs.community-college", "done"): "是",
        (FIN, "finance.general-spending-cut", "total"): 6.5,
        (FIN, "finance.budget-discipline", "items"): "预算刚性约束机制、专项资金整合",
        (FIN, "finance.three-public-cut", "note"): "@各科室 正在统计",
    })  # fmt: skip
    dry = run("log", "--from-xlsx", str(filled), "--dry-run", code=0)
    assert "would log 6 entries" in dry.stdout and len(lines(data)) == 1
    run("log", "--from-xlsx", str(filled), code=0)
    now = statuses(run)
    assert now["jobs.training"]["current"] == 1320
    assert now["jobs.placement"]["current"] == 600
    assert now["jobs.community-college"]["state"] == "done"
    assert now["finance.general-spending-cut"]["current"] == 6.5
    assert now["finance.budget-discipline"]["items_done"] == ["预算刚性约束机制", "专项资金整合"]
    logged = {e["goal"]: e for e in lines(data)[1:]}
    assert logged["jobs.training"]["total"] is True and logged["jobs.training"]["by"] == "张三"
    assert logged["jobs.training"]["date"] == "2020-06-28"
    assert logged["jobs.placement"]["date"] == AS_OF  # an empty date is the template's
    assert logged["finance.three-public-cut"]["note"] == "@各科室 正在统计"
    assert len({e["batch"] for e in logged.values()}) == 1  # one batch: all or nothing
    # Imported twice: every row is in the log already, and nothing more is written.
    again = run("log", "--from-xlsx", str(filled), code=3).stderr
    ws = openpyxl.load_workbook(filled)[HR]
    training = f"{HR}!{column_of(ws, 'total')}{row_of(ws, 'jobs.training')}"
    assert f"{training}: this row is in the log already (entry " in again
    assert again.count("in the log already") == 6 and "changed since" not in again
    assert len(lines(data)) == 7


def test_a_milestones_stage_is_reported_on_the_form_as_a_checklists_item(run, data, tmp_path):
    """A milestone with dated stages takes the stage reached under 完成的分项
    (open, with the stages not yet reached to choose from), as `--item` does."""
    goal = "housing.old-estates-batch1"
    [stage] = [g for g in run.json("goals")["goals"] if g["id"] == goal][0]["items"]
    blank = make_template(run, tmp_path, "住建局")
    ws = openpyxl.load_workbook(blank).worksheets[0]
    assert not ws[f"{column_of(ws, 'items')}{row_of(ws, goal)}"].protection.locked
    filled = fill(blank, tmp_path / "filled.xlsx", {(ws.title, goal, "items"): stage,
                                                    (ws.title, goal, "date"): dt.date(2020, 6, 28)})  # fmt: skip
    run("log", "--from-xlsx", str(filled), code=0)
    assert statuses(run)[goal]["items_done"] == [stage]


def test_bad_cells_are_named_and_nothing_is_written(run, data, tmp_path):
    blank = make_template(run, tmp_path, HR, FIN)
    filled = fill(blank, tmp_path / "bad.xlsx", {
        (HR, "jobs.training", "add"): "三百",
        (HR, "jobs.placement", "add"): 100,  # more than its whole (training: 0)
        (HR, "jobs.community-college", "done"): "也许",
        (FIN, "finance.general-spending-cut", "total"): 7,
        (FIN, "finance.general-spending-cut", "date"): "2020-13-01",
        (FIN, "finance.budget-discipline", "items"): "长石",
    })  # fmt: skip
    err = run("log", "--from-xlsx", str(filled), code=3).stderr
    book = openpyxl.load_workbook(filled)
    hr, fin = book[HR], book[FIN]

    def at(ws, goal, key):
        return f"{ws.title}!{column_of(ws, key)}{row_of(ws, goal)}"

    assert f"{at(hr, 'jobs.training', 'add')}: '三百' is not a number" in err
    assert f"{at(hr, 'jobs.community-college', 'done')}: '也许' must be yes or no" in err
    assert f"{at(fin, 'finance.general-spending-cut', 'date')}: impossible date" in err
    assert f"{at(fin, 'finance.budget-discipline', 'items')}: unknown item '长石'" in err
    assert "nothing was written" in err and lines(data) == []
    # With the reading problems fixed, the rules `tracker log` applies still run.
    fixed = fill(filled, tmp_path / "fixed.xlsx", {
        (HR, "jobs.training", "add"): None,
        (HR, "jobs.community-college", "done"): None,
        (FIN, "finance.general-spending-cut", "date"): None,
        (FIN, "finance.budget-discipline", "items"): None,
    })  # fmt: skip
    err = run("log", "--from-xlsx", str(fixed), code=3).stderr
    assert f"{at(hr, 'jobs.placement', 'add')}: jobs.placement would be 100" in err
    assert lines(data) == []
    future = fill(fixed, tmp_path / "future.xlsx", {
        (HR, "jobs.placement", "add"): None,
        (FIN, "finance.general-spending-cut", "date"): "2999-01-01",
    })  # fmt: skip
    err = run("log", "--from-xlsx", str(future), code=3).stderr
    cell = at(fin, "finance.general-spending-cut", "date")
    assert f"{cell}: 2999-01-01 is after the plan's end (2020-12-31)" in err
    assert lines(data) == []


def test_a_row_whose_goal_moved_since_the_template_is_refused(run, data, tmp_path):
    blank = make_template(run, tmp_path, HR)
    run("log", "jobs.training", "40", "--date", "2020-06-01", code=0)
    filled = fill(blank, tmp_path / "f.xlsx", {(HR, "jobs.training", "total"): 900})
    err = run("log", "--from-xlsx", str(filled), code=3).stderr
    ws = openpyxl.load_workbook(filled)[HR]
    where = f"{HR}!{column_of(ws, 'current')}{row_of(ws, 'jobs.training')}"
    assert f"{where}: jobs.training changed since the form was made: 0 on the form, 40" in err
    assert len(lines(data)) == 1


def test_an_empty_template_holds_no_entries(run, data, tmp_path):
    blank = make_template(run, tmp_path, FIN)
    result = run("log", "--from-xlsx", str(blank), code=2)
    assert "holds no entries" in result.stderr


def test_a_file_that_is_no_workbook_is_one_problem(run, tmp_path):
    bogus = tmp_path / "x.xlsx"
    bogus.write_bytes(b"not a zip")
    err = run("log", "--from-xlsx", str(bogus), code=3).stderr
    assert err.startswith(f"{bogus}: this is not an .xlsx workbook (open it in Excel or WPS")
    assert "Traceback" not in err and "zip" not in err


def test_csv_with_the_templates_columns_is_read_alike(run, data, tmp_path):
    for bom, day in (("\ufeff", 1), ("", 3)):
        path = tmp_path / "f.csv"
        path.write_text(
            f"{bom}编号,本期新增,累计值或读数,日期,说明\n"
            f"jobs.training,120,,2020-06-0{day},一期\n"
            "jobs.placement,,,,\n"
            f"finance.general-spending-cut,,8.5,2020/6/{day + 1},\n",
            encoding="utf-8",
        )
        run("log", "--from-csv", str(path), code=0)
    now = statuses(run)
    assert now["jobs.training"]["current"] == 240
    assert now["finance.general-spending-cut"]["current"] == 8.5
    path.write_text("id,add,date\njobs.training,-5,2020-06-03\n", encoding="utf-8")
    err = run("log", "--from-csv", str(path), code=3).stderr
    assert f"{path}!B2: negative increment -5 for jobs.training" in err


@pytest.mark.parametrize(
    "encoding, separator",
    [("utf-8", ","), ("utf-8-sig", ","), ("gb18030", ","), ("gbk", ","), ("utf-16", "\t"),
     ("utf-16", ",")],
)  # fmt: skip
def test_csv_is_read_in_the_encodings_offices_save(run, tmp_path, encoding, separator):
    """Excel's and WPS's "CSV UTF-8", their Chinese default (GBK), and "Unicode
    text" (UTF-16, with tabs): detected, never asked of the clerk."""
    path = tmp_path / "f.csv"
    text = "编号,本期新增,日期,说明\njobs.training,120,2020-06-30,社区学院第一期结业\n"
    text = text.replace(",", separator)
    path.write_bytes(text.encode(encoding))
    run("log", "--from-csv", str(path), code=0)
    assert [(e["value"], e["note"]) for e in lines(run.root)] == [(120, "社区学院第一期结业")]


def test_a_short_gbk_csv_is_not_taken_for_big5(run, tmp_path):
    """The template's row of keys and a note of two characters: as good Big5 as
    GBK to a detector, read as the mainland office wrote it."""
    path = tmp_path / "f.csv"
    path.write_bytes("id,note,date\njobs.training,完成,2020-06-30\n".encode("gbk"))
    run("log", "--from-csv", str(path), code=0)
    assert [e["note"] for e in lines(run.root)] == ["完成"]


def test_a_csv_in_no_encoding_offices_save_and_a_csv_as_a_workbook_are_refused(run, tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(b"\xff\xfe\x00")  # a UTF-16 mark, and half a character
    err = run("log", "--from-csv", str(path), code=3).stderr
    assert "cannot tell which encoding" in err and "CSV UTF-8" in err
    path.write_text("编号,本期新增\njobs.training,120\n", encoding="gbk")
    err = run("log", "--from-xlsx", str(path), code=3, env={"TRACKER_LANG": "zh"}).stderr
    assert (
        err
        == f"{path}: 这是 CSV 文件，不是 .xlsx 工作簿（用 tracker log --from-csv {path} 导入）\n"
    )
    book = make_template(run, tmp_path, HR)  # and the other way round
    err = run("log", "--from-csv", str(book), code=3, env={"TRACKER_LANG": "zh"}).stderr
    assert f"{book}: 这是工作簿，不是 CSV 文件（用 tracker log --from-xlsx {book} 导入" in err


def test_from_xlsx_takes_no_goal_arguments(run, tmp_path):
    result = run("log", "jobs.training", "--from-xlsx", str(tmp_path / "x.xlsx"), code=2)
    assert "--from-xlsx takes no goal" in result.stderr


# ── exports ──────────────────────────────────────────────────────────────────


def test_status_as_xlsx_has_typed_cells_words_widths_and_a_frozen_header(run, tmp_path):
    run("log", "jobs.training", "1500", "--date", "2020-03-01", code=0)
    path = tmp_path / "status.xlsx"
    run(
        "status",
        "--as-of",
        AS_OF,
        "--format",
        "xlsx",
        "--output",
        str(path),
        "--lang",
        "zh",
        code=0,
    )
    ws = openpyxl.load_workbook(path).active
    assert ws.title == "目标状态" and ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert header[:8] == ["编号", "目标", "英文名称", "领域", "责任单位", "共同责任单位", "类型",
                          "状态"]  # fmt: skip
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "jobs.training")
    cells = dict(zip(header, row))
    assert cells["状态"].value == "正常" and cells["类型"].value == "计数"
    assert cells["领域"].value == "聚焦人民生活高质量 持续提升群众幸福感、获得感、安全感"
    assert cells["当前值"].value == 1500 and isinstance(cells["当前值"].value, int)
    assert cells["进度"].value == pytest.approx(0.5) and cells["进度"].number_format == "0%"
    assert cells["截止日期"].value == dt.datetime(2020, 12, 31)
    assert cells["截止日期"].number_format == "yyyy-mm-dd"
    assert cells["即将到期"].value == "否"
    assert ws.column_dimensions["B"].width > ws.column_dimensions["A"].width / 2 > 5
    english = tmp_path / "en.xlsx"
    run("status", "--as-of", AS_OF, "--format", "xlsx", "-o", str(english), "--lang", "en", code=0)
    ws = openpyxl.load_workbook(english).active
    assert [c.value for c in ws[1]][:3] == ["id", "title", "title (English)"]
    assert "on track" in [c.value for c in ws["H"]]


def test_entries_and_summary_as_xlsx(run, tmp_path):
    run("log", "jobs.training", "300", "--date", "2020-06-25", "--note", "@SUM(A1)", code=0)
    path = tmp_path / "entries.xlsx"
    run("entries", "--format", "xlsx", "--output", str(path), "--lang", "zh", code=0)
    ws = openpyxl.load_workbook(path).active
    header = [c.value for c in ws[1]]
    cells = dict(zip(header, ws[2]))
    assert cells["日期"].value == dt.datetime(2020, 6, 25) and cells["数值"].value == 300
    assert cells["说明"].value == "@SUM(A1)" and cells["说明"].data_type == "s"
    assert isinstance(cells["记录时间（UTC）"].value, dt.datetime)
    digest = tmp_path / "digest.xlsx"
    run(
        "summary",
        "--as-of",
        AS_OF,
        "--format",
        "xlsx",
        "--output",
        str(digest),
        "--lang",
        "zh",
        code=0,
    )
    book = openpyxl.load_workbook(digest)
    assert book.sheetnames[:6] == [
        "概况", "分领域情况", "进度滞后事项", "未按期报送", "责任单位排名", "各责任单位"
    ]  # fmt: skip
    activity = book["附：本期进展"]
    assert activity.freeze_panes == "A2" and activity["A2"].value == "jobs.training"
    overview = {r[0]: r[1] for r in book["概况"].iter_rows(min_row=2, values_only=True)}
    assert sum(overview.values()) == 38 and isinstance(overview["正常"], int)
    # Words where people read words (a condition, a 督办 level), not SPEC's ids.
    late = list(book["进度滞后事项"].iter_rows(values_only=True))
    assert late[0][:2] == ("情况", "督办等级") and len(late) > 1
    assert {r[0] for r in late[1:]} <= {"逾期", "落后", "预计延期", "有风险"}
    assert {r[1] for r in late[1:]} <= {"提醒", "督办", "通报"}
    offices = [c.value for c in book["各责任单位"][1]]
    assert offices[0] == "责任单位" and offices[-1] == "最长延误（天）"


def test_xlsx_needs_an_output_file(run):
    for command in ("status", "entries", "summary"):
        result = run(command, "--format", "xlsx", code=2)
        assert "--format xlsx needs --output FILE" in result.stderr, command


def test_csv_carries_a_bom_in_a_file_for_people_but_not_on_a_pipe(run, tmp_path):
    piped = run("status", "--as-of", AS_OF, "--format", "csv", code=0).stdout
    assert piped.startswith("id,title,")
    path = tmp_path / "status.csv"
    run("status", "--as-of", AS_OF, "--format", "csv", "--output", str(path), code=0)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,title,") and raw[3:].decode("utf-8") == piped


@pytest.mark.parametrize(
    "text, shown",
    [
        ("=1+2", "'=1+2"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\\tx"),
        ("\rx", "'\\rx"),
        ("-5", "-5"),
        ("+120", "+120"),
        ("-1.5e3", "-1.5e3"),
        ("正常 =", "正常 ="),
    ],
)
def test_csv_cells_that_would_be_formulas_are_neutralised(text, shown):
    out = render_csv([{"note": text, "n": -3}], ["note", "n"])
    assert out.splitlines()[1] in (f"{shown},-3", f'"{shown}",-3')


def test_csv_from_the_cli_neutralises_a_note(run):
    run("log", "jobs.training", "5", "--date", "2020-03-01", "--note", "=HYPERLINK(1)", code=0)
    out = run("entries", "--format", "csv", code=0).stdout
    assert "'=HYPERLINK(1)" in out and ",=HYPERLINK" not in out


def test_openpyxl_is_imported_only_when_a_workbook_is_made_or_read(data):
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from tracker.cli import cli\n"
        f"env = {{'TRACKER_DATA': {str(data)!r}}}\n"
        "for args in (['status', '--as-of', '2020-06-30', '--format', 'csv'], ['entries'],\n"
        "             ['log', 'jobs.training', '5', '--date', '2020-03-01', '--dry-run'],\n"
        "             ['summary', '--as-of', '2020-06-30']):\n"
        "    assert CliRunner().invoke(cli, args, env=env).exit_code == 0, args\n"
        "print('openpyxl' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_formula_in_a_cell_is_refused_at_its_cell(run, data, tmp_path):
    blank = make_template(run, tmp_path, HR)
    filled = fill(blank, tmp_path / "f.xlsx", {
        (HR, "jobs.training", "add"): 100,
        (HR, "jobs.training", "note"): "=cmd|' /C calc'!A0",
    })  # fmt: skip
    err = run("log", "--from-xlsx", str(filled), code=3).stderr
    ws = openpyxl.load_workbook(filled)[HR]
    cell = f"{HR}!{column_of(ws, 'note')}{row_of(ws, 'jobs.training')}"
    assert f"{cell}: this cell holds a formula" in err and lines(data) == []


def test_a_row_without_a_date_after_the_plans_year_is_refused(run, data, tmp_path):
    path = tmp_path / "late.xlsx"
    run("template", "--owner", HR, "--output", str(path), code=0)  # as of today: after 2020
    filled = fill(path, tmp_path / "late-filled.xlsx", {(HR, "jobs.training", "add"): 100})
    err = run("log", "--from-xlsx", str(filled), code=3).stderr
    ws = openpyxl.load_workbook(filled)[HR]
    cell = f"{HR}!{column_of(ws, 'date')}{row_of(ws, 'jobs.training')}"
    assert f"{cell}: no date, and the plan ended on 2020-12-31" in err and lines(data) == []


def test_a_percentage_in_a_cell_for_a_goal_not_counted_in_per_cent_is_refused(run, tmp_path):
    """As `tracker log jobs.training 12%` is: the cell, not 12 people; a level
    in % takes it, whole or with its sign."""
    path = tmp_path / "f.csv"
    path.write_text(
        "编号,本期新增,累计值或读数,日期\n"
        "jobs.training,12%,,2020-06-01\n"
        "finance.general-spending-cut,,8.5%,2020-06-02\n",
        encoding="utf-8",
    )
    err = run("log", "--from-csv", str(path), code=3).stderr
    assert f"{path}!B2: '12%' is a percentage, but jobs.training counts in 人" in err
    assert "!C3" not in err  # the level's reading in % is fine
    path.write_text("编号,累计值或读数,日期\nfinance.general-spending-cut,8.5%,2020-06-02\n",
                    encoding="utf-8")  # fmt: skip
    run("log", "--from-csv", str(path), code=0)
    assert statuses(run)["finance.general-spending-cut"]["current"] == 8.5


# ── every cell means what the clerk meant ────────────────────────────────────


@pytest.mark.parametrize(
    "sheet, goal, key, typed, said",
    [
        (HR, "jobs.training", "total", Percent(0.5),
         "this cell is formatted as a percentage (50%), but jobs.training counts in 人 (write the number of 人 without the % sign"),
        (HR, "jobs.training", "note", "1,200",
         "the note holds a figure alone, '1,200', and no figure is given (put the figure under 'add' ({add}) or 'total or reading' ({total}); the note takes words)"),
        (HR, "jobs.placement", "note", "600人", "the note holds a figure alone, '600人'"),
        (FIN, "finance.general-spending-cut", "note", "7.1%",
         "the note holds a figure alone, '7.1%', and no figure is given (put the figure under 'total or reading' ({total}); the note takes words)"),
        (FIN, "finance.general-spending-cut", "total", "7,1",
         "'7,1' is not a number (a comma only groups thousands, every three digits (1,200); write a decimal point, e.g. 8.5)"),
        (HR, "jobs.training", "add", "1.200,5", "'1.200,5' is not a number"),
        (HR, "jobs.training", "add", "1.5万", "'1.5万' is not a number (write digits, e.g. 120 or 8.5)"),
        (HR, "jobs.training", "add", "８。５", "'８。５' is not a number"),
    ],
)  # fmt: skip
def test_a_cell_that_means_something_else_is_refused_at_its_cell(
    run, data, tmp_path, sheet, goal, key, typed, said
):
    path = fill(
        make_template(run, tmp_path, HR, FIN), tmp_path / "f.xlsx", {(sheet, goal, key): typed}
    )
    err = run("log", "--from-xlsx", str(path), code=3).stderr
    ws = openpyxl.load_workbook(path)[sheet]
    cells = {k: f"{column_of(ws, k)}{row_of(ws, goal)}" for k in ("add", "total", key)}
    assert f"{sheet}!{cells[key]}: {said.format(**cells)}" in err
    assert lines(data) == []


@pytest.mark.parametrize(
    "goal, key, typed, logged",
    [
        ("finance.general-spending-cut", "total", Percent(0.071), 7.1),  # 7.1% typed
        ("finance.general-spending-cut", "total", "７．５％", 7.5),  # full width
        ("jobs.training", "add", "１，２００", 1200),  # full-width thousands
        ("jobs.training", "total", "1,790", 1790),
        ("jobs.training", "add", " 120 ", 120),
    ],
)  # fmt: skip
def test_a_cell_is_read_as_the_clerk_meant_it(run, data, tmp_path, goal, key, typed, logged):
    owner = FIN if goal.startswith("finance") else HR
    path = fill(
        make_template(run, tmp_path, owner), tmp_path / "f.xlsx", {(owner, goal, key): typed}
    )
    run("log", "--from-xlsx", str(path), code=0)
    assert [e["value"] for e in lines(data)] == [logged]


def test_a_note_only_form_imported_twice_is_refused_the_second_time(run, data, tmp_path):
    """Value rows were guarded by what the form remembered; a note moves no
    figure, so only the log can say it is there already."""
    filled = fill(make_template(run, tmp_path, FIN), tmp_path / "f.xlsx", {
        (FIN, "finance.three-public-cut", "note"): "正在统计",
        (FIN, "finance.budget-discipline", "note"): "已起草办法",
    })  # fmt: skip
    run("log", "--from-xlsx", str(filled), code=0)
    err = run("log", "--from-xlsx", str(filled), code=3).stderr
    assert err.count("this row is in the log already") == 2 and len(lines(data)) == 2
    ws = openpyxl.load_workbook(filled)[FIN]
    assert f"{FIN}!{column_of(ws, 'note')}{row_of(ws, 'finance.three-public-cut')}: this row" in err


def test_rows_without_a_name_are_by_the_one_who_signed_the_form(run, data, tmp_path):
    path = fill(make_template(run, tmp_path, HR), tmp_path / "f.xlsx", {
        (HR, "jobs.training", "add"): 100,
        (HR, "jobs.placement", "add"): 40,
        (HR, "jobs.placement", "by"): "李四",
    })  # fmt: skip
    book = openpyxl.load_workbook(path)
    ws = book[HR]
    (label,) = [c for row in ws.iter_rows() for c in row if c.value == "填报人："]
    ws.cell(label.row, label.column + 1).value = "王五"
    book.save(path)
    run("log", "--from-xlsx", str(path), code=0)
    assert {e["goal"]: e["by"] for e in lines(data)} == {
        "jobs.training": "王五",
        "jobs.placement": "李四",
    }


# ── a form that prints ───────────────────────────────────────────────────────


def test_the_form_is_set_up_to_print_and_sign(run, tmp_path):
    """Landscape A4, one page wide, the header on every page, only what the
    office reads in the print area, a signature block, and colours that say
    what the instructions say: white to fill, grey locked."""
    from openpyxl.utils import column_index_from_string, range_boundaries

    book = openpyxl.load_workbook(make_template(run, tmp_path, "住建局"))
    ws = book["区住房和城乡建设局"]
    setup = ws.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (
        "landscape",
        9,
        1,
        0,
    )
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    header = row_of(ws, "编号")
    assert ws.print_title_rows == f"${header}:${header}"
    first, top, last, bottom = range_boundaries(ws.print_area.split("!")[-1].replace("$", ""))
    hidden = [c.column for c in ws[1] if ws.column_dimensions[c.column_letter].hidden]
    assert top == 2 and first == 1 and last == min(hidden) - 1  # no keys, no bookkeeping
    texts = {str(c.value) for row in ws.iter_rows(min_row=header + 5) for c in row if c.value}
    assert {"填报单位（盖章）：", "填报人：", "审核人：", "联系电话：", "填报日期："} <= texts
    assert bottom >= max(c.row for row in ws.iter_rows() for c in row if c.value == "填报日期：")
    assert "区住房和城乡建设局（住建局）" in ws.cell(2, 1).value
    assert "第 &P 页" in ws.oddFooter.center.text
    cells = {c.value: ws.cell(row_of(ws, "housing.three-supplies"), c.column) for c in ws[1]}
    assert cells["deadline"].value == dt.datetime(2020, 4, 30)
    assert cells["state"].value == "逾期61天"  # the clerk sees it is late
    assert cells["target"].value == "按期完成" and cells["current"].value == "未完成"
    grey = {
        c.fill.fgColor.rgb[-6:]
        for key, c in cells.items()
        if c.protection.locked and key in ("id", "title", "add")
    }
    white = {c.fill.fill_type for key, c in cells.items() if not c.protection.locked}
    assert grey == {"EDEDED"} and white == {None}
    assert "只填白色单元格，灰色单元格已锁定" in ws.cell(3, 1).value
    assert column_index_from_string(cells["done"].column_letter) < last
