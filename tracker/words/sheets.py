"""The catalogue's words for spreadsheets: the fill-in template offices fill in,
the problems of reading one back, and the headers of xlsx exports.
{key: (Chinese, English)}."""

from __future__ import annotations

# fmt: off
PHRASES: dict[str, tuple[str, str]] = {
    # ── the fill-in template ────────────────────────────────────────────────
    "fill.id": ("编号", "id"),
    "fill.title": ("目标", "goal"),
    "fill.kind": ("类型", "kind"),
    "fill.unit": ("单位", "unit"),
    "fill.target": ("目标值", "target"),
    "fill.current": ("当前值", "current"),
    "fill.last": ("上次填报", "last entry"),
    "fill.add": ("本期新增", "add"),
    "fill.total": ("累计值或读数", "total or reading"),
    "fill.done": ("是否完成", "done"),
    "fill.items": ("完成的分项", "items done"),
    "fill.date": ("日期", "date"),
    "fill.note": ("说明", "note"),
    "fill.by": ("填报人", "by"),
    "fill.evidence": ("佐证材料", "evidence files"),
    "fill.snap_value": ("制表时数值", "value when made"),
    "fill.snap_entry": ("制表时末条记录", "last entry when made"),
    "fill.as_of": ("截至", "as of"),
    "fill.deadline": ("截止日期", "deadline"),
    "fill.state": ("目前状态", "standing"),
    "fill.milestone_target": ("按期完成", "done by the deadline"),
    "fill.office_short": ("{office}（{short}）", "{office} ({short})"),
    "fill.sign_office": ("填报单位（盖章）：", "Office (seal):"),
    "fill.sign_by": ("填报人：", "Filled in by:"),
    "fill.sign_checker": ("审核人：", "Checked by:"),
    "fill.sign_phone": ("联系电话：", "Telephone:"),
    "fill.sign_date": ("填报日期：", "Date:"),
    "fill.page": ("第 &P 页，共 &N 页", "page &P of &N"),
    "fill.plan": ("计划", "plan"),
    "fill.yes": ("是", "yes"),
    "fill.no": ("否", "no"),
    "fill.sheet_title": (
        "{office} · 目标进度填报表 · 截至 {as_of}",
        "{office} · progress report form · as of {as_of}",
    ),
    "fill.instructions": (
        "填写说明：只填白色单元格，灰色单元格已锁定。数字只填在“本期新增”或“累计值或读数”"
        "（计数类二选一），只写数字，百分比可带 %；指标类在“累计值或读数”填最新读数；"
        "里程碑完成了吗？完成了在“是否完成”选“是”；清单类的分项、里程碑的节点在“完成的分项”从下拉列表选，"
        "多个分项用“、”分隔。“说明”只写文字，也可以只写说明。日期留空即按 {as_of}；"
        "填报人留空即按表末签字的填报人。不用填的行留空。"
        "佐证材料放在与本表同名的文件夹中（本表旁边），在“佐证材料”列填写文件名，多个用“、”分隔。"
        "填好后签字盖章，连同该文件夹交回督查室，用 `tracker log --from-xlsx 文件` 导入；"
        "同一张表只导入一次。",
        "How to fill in: only the white cells; grey cells are locked. Figures go "
        "only under 'add' or 'total or reading' (counts: one of them), as numbers "
        "alone, a percentage with its % sign; levels: the latest reading in 'total "
        "or reading'; milestones: done yet? choose 'yes' under 'done' once it is; "
        "checklists' items and milestones' stages: choose from the list under 'items done', several "
        "separated by '、'. 'note' takes words, and a note alone is fine. An empty "
        "date means {as_of}; an empty 'by' means the one who signs the form below. "
        "Leave rows with nothing to report empty. Evidence files go in the folder beside "
        "this workbook that has its name; write their names under 'evidence files', several "
        "separated by '、'. Sign the form, send it back with that folder and import it once "
        "with `tracker log --from-xlsx FILE`.",
    ),
    "fill.prompt_add": (
        "本期新增的数量（与累计值二选一）",
        "how many were added (or give the total instead)",
    ),
    "fill.prompt_total": (
        "计数类：到现在的累计数；指标类：最新读数",
        "counts: the running total so far; levels: the latest reading",
    ),
    "fill.prompt_done": ("完成了选“是”", "choose 'yes' once it is done"),
    "fill.prompt_evidence": (
        "文件名，文件放在与本表同名的文件夹中；多个用“、”分隔",
        "file names, the files in the folder named as this workbook; separate several with '、'",
    ),
    "fill.prompt_items": (
        "选择本期完成的分项；多个分项用“、”分隔",
        "choose the items done; separate several with '、'",
    ),
    "fill.prompt_date": (
        "数据对应的日期；留空即 {as_of}",
        "the day reported on; empty means {as_of}",
    ),
    "fill.error_number": ("请填数字，例如 120 或 8.5", "write a number, e.g. 120 or 8.5"),
    "fill.error_date": (
        "请填计划年度内的日期，例如 {example}",
        "write a date inside the plan's year, e.g. {example}",
    ),
    "fill.error_yes": ("请选“是”或“否”", "choose yes or no"),
    "fill.error_items": (
        "这不是列表中的分项；多个分项用“、”分隔",
        "that is not one of the listed items; separate several with '、'",
    ),
    "template.written": (
        "已写入 {file}：{sheets} 个单位，{goals} 项目标",
        "wrote {file}: {sheets} office(s), {goals} goals",
    ),
    "fill.items_of": ("{done}/{total} 项", "{done}/{total} items"),
    # ── reading a filled template back ──────────────────────────────────────
    "sheet_unreadable": (
        "无法读取工作簿：文件已损坏，或不是 .xlsx 工作簿",
        "cannot read the workbook: it is damaged, or not an .xlsx workbook",
    ),
    "sheet_not_xlsx": ("这不是 .xlsx 工作簿", "this is not an .xlsx workbook"),
    "sheet_not_xlsx_fix": (
        "在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再导入",
        "open it in Excel or WPS, save it as an Excel workbook (*.xlsx), then import it",
    ),
    "sheet_is_xls": ("这是旧版 .xls 工作簿，不是 .xlsx", "this is an old .xls workbook, not .xlsx"),
    "sheet_is_xls_fix": (
        "在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”后再导入",
        "save it as an Excel workbook (*.xlsx) in Excel or WPS, then import it",
    ),
    "csv_is_a_workbook": ("这是工作簿，不是 CSV 文件", "this is a workbook, not a CSV file"),
    "csv_is_a_workbook_fix": (
        "用 tracker log --from-xlsx {name} 导入（旧版 .xls 先另存为 .xlsx）",
        "import it with tracker log --from-xlsx {name} (save an old .xls as .xlsx first)",
    ),
    "sheet_is_csv": ("这是 CSV 文件，不是 .xlsx 工作簿", "this is a CSV file, not an .xlsx workbook"),
    "sheet_is_csv_fix": (
        "用 tracker log --from-csv {name} 导入",
        "import it with tracker log --from-csv {name}",
    ),
    "percent_cell_not_unit": (
        "这个单元格是百分比格式（{value}），但 {goal} 以“{unit}”计",
        "this cell is formatted as a percentage ({value}), but {goal} counts in {unit}",
    ),
    "figure_in_note": (
        "“说明”里只有一个数字“{text}”，进展数字却没有填",
        "the note holds a figure alone, '{text}', and no figure is given",
    ),
    "figure_in_note_fix": (
        "把数字填在{columns}；“说明”只写文字",
        "put the figure under {columns}; the note takes words",
    ),
    "row_imported": (
        "这一行已经导入过（记录 {entry}，{recorded} 导入）",
        "this row is in the log already (entry {entry}, imported {recorded})",
    ),
    "row_imported_fix": (
        "同一张表只导入一次；若确是新的一笔，在“说明”中写明与上次的不同",
        "import a form once; if it really is another report, say in the note how it differs",
    ),
    "column_at": ("“{column}”（{cell}）", "'{column}' ({cell})"),
    "either_of": ("{one}或{other}", "{one} or {other}"),
    "csv_encoding": (
        "无法识别这个 CSV 文件的编码",
        "cannot tell which encoding this CSV file is in",
    ),
    "sheet_unreadable_fix": (
        "交回 `tracker template` 生成的 .xlsx 文件（在 Excel 或 WPS 中保存为 .xlsx）",
        "send back the .xlsx file `tracker template` made (save it as .xlsx in Excel or WPS)",
    ),
    "no_template_sheet": (
        "{name} 中没有填报表：找不到表头行",
        "{name} holds no report form: no header row found",
    ),
    "no_template_sheet_fix": (
        "在 `tracker template` 生成的表格中填写；CSV 的第一行要是表头（编号、本期新增、日期……）",
        "fill in the sheet `tracker template` made; a CSV's first line must be the "
        "header (id, add, date …)",
    ),
    "save_csv_utf8": (
        "在 Excel 中另存为“CSV UTF-8（逗号分隔）”；WPS 中选 UTF-8 编码",
        "in Excel save as 'CSV UTF-8 (Comma delimited)'; in WPS choose UTF-8",
    ),
    "row_without_goal": (
        "这一行填了数据，却没有目标编号",
        "this row is filled in but names no goal",
    ),
    "row_without_goal_fix": (
        "在编号列写目标编号（见 `tracker goals`），或清空这一行",
        "write the goal's id in the id column (see `tracker goals`), or empty the row",
    ),
    "cell_not_number": ("“{text}”不是数字", "'{text}' is not a number"),
    "cell_not_date": ("“{text}”不是日期", "'{text}' is not a date"),
    "cell_not_yes_no": ("“{text}”应为“是”或“否”", "'{text}' must be yes or no"),
    "cell_yes_or_empty": (
        "完成了填“是”，未完成就留空",
        "write yes once it is done, else leave it empty",
    ),
    "add_and_total": (
        "“本期新增”和“累计值或读数”只能填一个",
        "fill 'add' or 'total or reading', not both",
    ),
    "add_and_total_fix": (
        "新增的数量填在“本期新增”，到现在的累计数填在“累计值或读数”",
        "put how many were added under 'add', or the running total under 'total or reading'",
    ),
    "one_value_per_row": (
        "一行只填一种数据，这一行填了：{columns}",
        "one kind of figure per row; this row has: {columns}",
    ),
    "one_value_per_row_fix": (
        "只留下适合这个目标的那一格（计数：新增或累计；指标：读数；里程碑：是否完成；清单：分项）",
        "keep only the cell this goal takes (count: add or total; level: reading; "
        "milestone: done; checklist: items)",
    ),
    "cell_not_for_kind": (
        "{goal} 是{kind}类目标，不填“{field}”",
        "{goal} is a {kind} goal: it takes no '{field}'",
    ),
    "cell_for_kind": ("填在“{right}”", "fill in '{right}' instead"),
    "moved_since_template": (
        "{goal} 的数值在制表后变了：表中是 {then}，日志中现在是 {now}",
        "{goal} changed since the form was made: {then} on the form, {now} in the log now",
    ),
    "entry_since_template": (
        "{goal} 在制表后有了新记录 {entry}",
        "{goal} has a new entry {entry} since the form was made",
    ),
    "moved_fix": (
        "如果这份表已经导入过，不必再导；否则用 `tracker template` 重新生成表格，再填这一行",
        "if this form was imported already there is nothing to do; otherwise make a new "
        "form with `tracker template` and fill this row again",
    ),
    "sheet_refused": (
        "{count} 行有误：没有写入任何内容",
        "{count} bad row(s): nothing was written",
    ),
    "sheet_fix": ("改正这些单元格后重新导入", "fix those cells and import the file again"),
    "from_file_alone": (
        "{option} 不带目标或数值参数",
        "{option} takes no goal or value arguments",
    ),
    "from_file_alone_fix": (
        "目标和数值写在表格的各行中",
        "the goals and values are in the rows of the file",
    ),
    "xlsx_needs_output": (
        "--format xlsx 要和 --output 文件 一起用",
        "--format xlsx needs --output FILE",
    ),
    "xlsx_needs_output_fix": (
        "工作簿是文件，不能显示在终端上：加上 --output 报表.xlsx",
        "a workbook is a file, not something to show on a terminal: add --output report.xlsx",
    ),
    # ── xlsx exports: column headers and sheet names ────────────────────────
    "field.id": ("编号", "id"),
    "field.title": ("目标", "title"),
    "field.title_en": ("英文名称", "title (English)"),
    "field.area": ("领域", "area"),
    "field.owner": ("责任单位", "owner"),
    "field.co_owners": ("共同责任单位", "co-owners"),
    "field.kind": ("类型", "kind"),
    "field.state": ("状态", "state"),
    "field.progress": ("进度", "progress"),
    "field.expected": ("应达", "expected"),
    "field.current": ("当前值", "current"),
    "field.target": ("目标值", "target"),
    "field.unit": ("单位", "unit"),
    "field.deadline": ("截止日期", "deadline"),
    "field.days_left": ("剩余天数", "days left"),
    "field.due_soon": ("即将到期", "due soon"),
    "field.stale": ("未按期报送", "not reported on time"),
    "field.schedule_days": ("进度差（天）", "schedule (days)"),
    "field.forecast_completion_date": ("预计完成日期", "forecast completion"),
    "field.forecast_days_late": ("预计延期（天）", "forecast days late"),
    "field.forecast_text": ("预测", "forecast"),
    "field.last_entry": ("上次记录", "last entry"),
    "field.goal": ("目标编号", "goal"),
    "field.date": ("日期", "date"),
    "field.change": ("变化", "change"),
    "field.value": ("数值", "value"),
    "field.total": ("是否累计值", "is a total"),
    "field.done": ("完成", "done"),
    "field.items": ("分项", "items"),
    "field.note": ("说明", "note"),
    "field.notes": ("说明", "notes"),
    "field.items_done": ("完成的分项", "items done"),
    "field.by": ("记录人", "by"),
    "field.recorded_at": ("记录时间（UTC）", "recorded at (UTC)"),
    "field.retracts": ("撤销的记录", "retracts"),
    "field.reason": ("原因", "reason"),
    "field.retracted": ("已撤销", "retracted"),
    "field.retracted_by": ("撤销记录", "retracted by"),
    "field.verifies": ("核实的记录", "verifies"),
    "field.verdict": ("核实结论", "verdict"),
    "field.verifying_office": ("核实单位", "verifying office"),
    "field.verifiers": ("核实单位", "verifying offices"),
    "field.entry": ("记录编号", "entry"),
    "field.waiting_days": ("已等待天数", "days waiting"),
    "field.unverified": ("待核实", "awaiting verification"),
    "field.verification": ("核实情况", "verification"),
    "field.next_step": ("下一步", "next step"),
    "field.next_by": ("下一步期限", "next step by"),
    "field.reported": ("已上报", "reported"),
    "field.verified": ("已核实", "verified"),
    "field.awaiting_close": ("已报完成待核实", "reported done, awaiting verification"),
    "field.waiting_verification": ("待核实条数", "awaiting verification"),
    "field.entries": ("记录数", "entries"),
    "field.before": ("期初", "before"),
    "field.after": ("期末", "after"),
    "field.net_change": ("变化", "change"),
    "field.from": ("原状态", "from"),
    "field.to": ("新状态", "to"),
    "field.count": ("目标数", "goals"),
    "field.count_before": ("期初", "before"),
    "field.count_change": ("变化", "change"),
    "field.every": ("应更新", "update"),
    "sheet.status": ("目标状态", "status"),
    "sheet.entries": ("进度记录", "entries"),
    "sheet.overview": ("概况", "overview"),
    "field.condition": ("情况", "condition"),
    "field.delay_days": ("落后天数", "days behind"),
    "field.office": ("责任单位", "office"),
    "field.held": ("负责目标", "goals held"),
    "field.behind": ("落后", "behind"),
    "field.overdue": ("逾期", "overdue"),
    "field.worst_delay_days": ("最长延误（天）", "worst delay (days)"),
}
# fmt: on
