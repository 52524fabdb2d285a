"""The catalogue's words for the command line: help texts of the group, each
command and each option, and the headings click draws around them.
{key: (Chinese, English)}. A line holding only `\\b` keeps the next paragraph's
line breaks (click's marker for examples)."""

from __future__ import annotations

PHRASES: dict[str, tuple[str, str]] = {
    # ── what click draws around the help ────────────────────────────────────
    "help.usage": ("用法：", "Usage: "),
    "help.options": ("选项：", "Options:"),
    "help.options_metavar": ("[选项]", "[OPTIONS]"),
    "help.command_metavar": ("命令 [参数]...", "COMMAND [ARGS]..."),
    "help.commands": ("命令：", "Commands:"),
    "help.opt.help": ("显示本帮助并退出。", "Show this message and exit."),
    "help.opt.version": ("显示版本号并退出。", "Show the version and exit."),
    "help.version": ("tracker，版本 {version}", "tracker, version {version}"),
    # click's own usage errors
    "help.try_help": ("运行“{command}”查看帮助。", "Try '{command}' for help."),
    "help.error": ("错误：{message}", "Error: {message}"),
    "help.no_such_option": ("没有选项 {name}", "no such option: {name}"),
    "help.no_such_option_close": (
        "没有选项 {name}；是不是 {close}？",
        "no such option: {name}; did you mean {close}?",
    ),
    "help.missing": ("缺少 {name}", "missing {name}"),
    "help.needs_value": ("选项 {name} 需要一个值", "option {name} needs a value"),
    "help.bad_choice": ("{name} 的值无效；可选：{choices}", "invalid {name}; one of {choices}"),
    "help.bad_value": ("{name} 的值无效：{detail}", "invalid {name}: {detail}"),
    "help.no_such_command": (
        "没有命令“{name}”；运行 `tracker -h` 查看全部命令",
        "no such command '{name}'; `tracker -h` lists them",
    ),
    "help.extra_arguments": ("多余的参数：{args}", "unexpected extra argument(s): {args}"),
    # ── the group ───────────────────────────────────────────────────────────
    "help.group": (
        "跟踪政府年度工作目标：goals.toml 是计划，progress/ 是进展记录。",
        "Track a local government's yearly commitments: goals.toml is the plan, "
        "progress/ is the log.",
    ),
    "help.opt.group_data": (
        "存放 goals.toml 的数据文件夹（默认：$TRACKER_DATA，"
        "其次是向上最近的含 goals.toml 的文件夹，"
        "再次是配置文件中的 data）。",
        "Data folder holding goals.toml (default: $TRACKER_DATA, then the nearest parent "
        "folder with goals.toml, then `data` in the config file).",
    ),
    "help.opt.debug": ("出错时显示调用栈。", "Show a traceback on errors."),
    # ── one line per command, in the group's list ───────────────────────────
    "help.short.status": ("所有目标的进展情况。", "Where every goal stands."),
    "help.short.show": (
        "单个目标：原文、记录、图表、预测。",
        "One goal: source, history, chart, forecast.",
    ),
    "help.short.log": ("记录目标进展。", "Record progress on a goal."),
    "help.short.retract": (
        "追加一条撤销记录，纠正记错的条目。",
        "Correct a mistaken entry by appending a retraction.",
    ),
    "help.short.verify": (
        "核实或退回上报的条目。",
        "Verify reported entries, or return them to the office.",
    ),
    "help.short.entries": (
        "进展记录本身，可按目标和日期筛选。",
        "The log itself, filterable by goal and date.",
    ),
    "help.short.alerts": (
        "逾期、即将到期、落后、未按期报送、预计延期。",
        "Overdue, due soon, off track, stale, forecast late.",
    ),
    "help.short.summary": (
        "工作周报（文本、Markdown、HTML、JSON）。",
        "The weekly digest (text, Markdown, HTML, JSON).",
    ),
    "help.short.check": ("检查 goals.toml 和 progress/。", "Validate goals.toml and progress/."),
    "help.short.goals": ("计划中的目标定义。", "The plan's goal definitions."),
    "help.short.config": (
        "用户配置文件的位置和设置（lang、by、data）。",
        "Where your config file is and what it sets (lang, by, data).",
    ),
    # ── options many commands share ─────────────────────────────────────────
    "help.opt.data": ("存放 goals.toml 的数据文件夹。", "Data folder holding goals.toml."),
    "help.opt.as_of": (
        "以此日期为准出报告（默认：计划时区的今天）。可写 2020-06-30、2020/6/30、2020年6月30日、"
        "yesterday、-7d ……",
        "Report as of this date (default: today in the plan's time zone). "
        "2020-06-30, 2020/6/30, 2020年6月30日, yesterday, -7d …",
    ),
    "help.opt.format": ("输出格式（默认：{default}）。", "Output format (default: {default})."),
    "help.opt.lang": (
        "输出语言：zh 中文，en 英文"
        "（默认：$TRACKER_LANG，其次是配置文件，再次是系统语言环境，最后是中文）。",
        "Language of the output: zh Chinese, en English (default: $TRACKER_LANG, then the "
        "config file, then the locale, then Chinese).",
    ),
    # ── status ──────────────────────────────────────────────────────────────
    "help.status": (
        "所有目标的进展：进度、应达、状态、截止日期、剩余天数。表头按状态计数；按领域分组，再按截止日期排序。",
        "Where every goal stands: progress, expected, state, deadline, days left. The header "
        "counts goals per state; rows are grouped by area, then deadline.",
    ),
    "help.opt.area": (
        "只看这一领域的目标（领域编号）。",
        "Only goals of this focus area (its id).",
    ),
    "help.opt.owner": (
        "只看这一责任单位的目标（单位名称）。",
        "Only goals of this owner (office name).",
    ),
    "help.opt.state": (
        "只看处于这一状态的目标（可重复；编号或中文名）：{states}",
        "Only goals in this state (repeatable; the id or its name): {states}",
    ),
    # ── show ────────────────────────────────────────────────────────────────
    "help.show": (
        "单个目标：原文、定义、记录、实际与计划进度对比图，以及预测。",
        "One goal: its source sentence, definition, history, a chart of actual against "
        "trajectory, and the forecast.",
    ),
    # ── log ─────────────────────────────────────────────────────────────────
    "help.log": (
        "记录目标 ID 的进展。\n\n"
        "\b\n"
        "  计数      tracker log jobs.training 120        （增加 120）\n"
        "            tracker log jobs.training --total 1320\n"
        "  指标      tracker log finance.general-spending-cut 8.5\n"
        "  里程碑    tracker log housing.three-supplies --done\n"
        "  清单      tracker log rural.eco-farm-bases --item 长石\n"
        '  仅说明    tracker log newtown.road-network --note "主干道完成铺设"\n\n'
        "ID 可以是目标编号（大小写均可，或其唯一开头）、`tracker goals` 中的序号，或标题中的词（如 书屋）。\n\n"
        "以下情况拒绝记录，不写入任何内容（退出码 3）：未知的目标或分项、与目标类型不符的选项、"
        "非数字、负的增量（请用 `tracker retract`）、未来的日期、部分超过整体、"
        "缺少目标要求的佐证材料，或远超目标可能的数值（除非加 --force）。计划年度结束后必须写 --date（确实是今天就写 --date today）。",
        "Record progress on goal ID.\n\n"
        "\b\n"
        "  count      tracker log jobs.training 120        (adds 120)\n"
        "             tracker log jobs.training --total 1320\n"
        "  level      tracker log finance.general-spending-cut 8.5\n"
        "  milestone  tracker log housing.three-supplies --done\n"
        "  checklist  tracker log rural.eco-farm-bases --item 长石\n"
        '  a note     tracker log newtown.road-network --note "主干道完成铺设"\n\n'
        "Refused, with nothing written (exit 3): unknown goal or item, a flag that does not "
        "fit the goal's kind, a non-number, a negative increment (use `tracker retract`), a "
        "future date, a part exceeding its whole, or an entry without the evidence files its "
        "goal asks for. "
        "ID is the goal's id (any case, or a unique start of it), its number in `tracker goals`, "
        "or words of its title (e.g. 书屋). A value far outside what the goal can take is refused "
        "unless --force; once the plan's year is over, --date is required (--date today if you mean it).",
    ),
    "help.opt.total": (
        "计数类目标：填写累计总数，而不是增加。",
        "count goals: state the running total instead of adding.",
    ),
    "help.opt.done": ("里程碑类目标：标记为已完成。", "milestone goals: mark done."),
    "help.opt.item": (
        "清单类目标：已完成的一个分项；里程碑：已达到的一个节点（可重复）。",
        "checklist goals: an item now done; milestones: a stage now reached (repeatable).",
    ),
    "help.opt.date": ("所报告的日期（默认：今天）。", "The day reported on (default: today)."),
    "help.opt.note": ("简要说明进展情况。", "What happened, in a few words."),
    "help.opt.next": (
        "下一步工作（例如“7月底前完成供气移交”）。",
        "What the office does next (e.g. 'hand over the gas supply by end of July').",
    ),
    "help.opt.next_by": ("下一步的完成时限（日期）。", "By when the next step is done (a date)."),
    "help.opt.evidence": (
        "附上佐证材料（可重复）：文件按内容保存一次，记录中写下名称、大小和校验值。",
        "Attach an evidence file (repeatable): kept once by its content; the entry records its name, size and hash.",
    ),
    "help.opt.by": (
        "记录人（默认：配置文件中的 by，否则为登录名）。",
        "Who reports (default: `by` in the config file, else your login name).",
    ),
    "help.opt.from_json": (
        "批量记录：一个 JSON 数组或 JSON Lines；要么全部写入，要么全不写入。",
        "A batch: a JSON array or JSON Lines of entries; all or nothing.",
    ),
    "help.opt.dry_run": (
        "只检查并显示这条记录，不写入。",
        "Check and show the entry; write nothing.",
    ),
    # ── retract ─────────────────────────────────────────────────────────────
    "help.retract": (
        "撤销条目 ENTRY（其编号，或 `tracker entries` 显示的唯一开头部分）。"
        "该条目仍留在记录中，标为已撤销，不再计入任何统计。在终端上会先完整显示这条记录并请你确认；"
        "--yes 或非终端输入时不询问。",
        "Retract ENTRY (its id, or a unique start of it as `tracker entries` shows). The "
        "entry stays in the log, marked retracted, and no longer counts anywhere. On a terminal "
        "it is shown in full and you are asked to confirm; --yes, or input that is not a "
        "terminal, does not ask.",
    ),
    "help.opt.reason": ("该条目错在哪里。", "Why the entry was wrong."),
    "help.opt.retract_by": (
        "撤销人（默认：配置文件中的 by，否则为登录名）。",
        "Who retracts (default: `by` in the config file, else your login name).",
    ),
    "help.opt.retract_dry_run": (
        "只检查并显示这条撤销，不写入。",
        "Check and show the retraction; write nothing.",
    ),
    # ── entries ─────────────────────────────────────────────────────────────
    "help.opt.verdict": (
        "只列出这样的上报：verified 已核实，returned 已退回，waiting 待核实。",
        "Only the reports that stand so: verified, returned, or waiting for a verdict.",
    ),
    # ── verify ──────────────────────────────────────────────────────────────
    "help.verify": (
        "核实条目 ENTRY（可给多条，编号或唯一的开头部分）：追加核实记录，由核实单位确认上报的数字属实；"
        "--return 则退回该条目，由责任单位重新上报，退回的条目不再计入。核实记录与撤销一样只追加不修改；"
        "不能核实自己上报的条目，也不能核实已核实或已退回的条目（如需改变结论，先撤销原核实记录）。"
        "多条一起核实时，要么全部写入，要么一条也不写。",
        "Verify ENTRY (one or more: an id or a unique start of it): append a verdict saying the "
        "verifying office confirms the reported figure; --return sends it back to the office to "
        "report again, and a returned entry no longer counts. Verdicts are only ever appended, "
        "like retractions; nobody verifies their own entry, and an entry already verified or "
        "returned keeps its verdict (retract that verdict first to change it). Several entries "
        "are written all together or not at all.",
    ),
    "help.opt.return": (
        "退回，不予核实（须说明理由）。",
        "Return the entries instead of verifying them (give a --reason).",
    ),
    "help.opt.verify_reason": (
        "退回的理由，或核实时的说明。",
        "Why the entries are returned, or a remark on the verification.",
    ),
    "help.opt.verify_office": (
        "以哪个核实单位的名义（全称或简称；只有一个核实单位时可省略）。",
        "The verifying office giving the verdict (full or short name; may be left out when "
        "only one office verifies these goals).",
    ),
    "help.opt.verify_by": (
        "核实人（默认：配置文件中的 by，否则为登录名）。",
        "Who verifies (default: `by` in the config file, else your login name).",
    ),
    "help.opt.verify_dry_run": (
        "只检查并显示核实结论，不写入。",
        "Check and show the verdicts; write nothing.",
    ),
    "help.entries": (
        "进展记录本身，按时间先后排列；已撤销的条目会标出。",
        "The log itself, oldest first; retracted entries are marked.",
    ),
    "help.opt.goal": ("只看这个目标的记录。", "Only entries of this goal."),
    "help.opt.since": ("只看该日期当天及以后的记录。", "Only entries dated on or after DATE."),
    "help.opt.until": ("只看该日期当天及以前的记录。", "Only entries dated on or before DATE."),
    "help.opt.entries_format": (
        "输出格式（默认：{default}）；jsonl 按原样输出记录行（可供 --from-json 使用）。",
        "Output format (default: {default}); jsonl prints the log lines as stored "
        "(for --from-json).",
    ),
    # ── alerts ──────────────────────────────────────────────────────────────
    "help.alerts": (
        "每条提醒及其目标和一句原因：逾期、落后、预计延期、有风险、即将到期、未按期报送。",
        "Every alert with its goal and a one-line reason: overdue, off track, forecast late, "
        "at risk, due soon, stale.",
    ),
    "help.opt.fail_on": (
        "其中任何一项成立时以退出码 1 结束（逗号分隔）：{conditions}",
        "Exit 1 when any of these holds (comma-separated): {conditions}",
    ),
    # ── summary ─────────────────────────────────────────────────────────────
    "help.summary": (
        "一个时期的周报（默认：截至 --as-of 的 7 天）。开头是需要决策的目标（逾期、落后、预计延期、有风险）"
        "和各责任单位的情况表，然后是本期的记录、状态变化和 14 天内到期的目标。"
        "--format email 生成一封完整的邮件，交给 `sendmail -t` 发送。可在 cron 下无人值守运行。",
        "The digest of a period (default: the 7 days ending --as-of). It opens with the goals "
        "that need a decision (overdue, off track, forecast late, at risk) and a table of the "
        "responsible offices, then the period's entries, state changes and goals due in the "
        "next 14 days. --format email writes a whole mail message for `sendmail -t`. Works "
        "unattended under cron.",
    ),
    "help.opt.week": ("一个 ISO 周，例如 2020-W23。", "An ISO week, e.g. 2020-W23."),
    "help.opt.period_since": ("期间的第一天。", "First day of the period."),
    "help.opt.period_until": (
        "期间的最后一天（默认：--as-of）。",
        "Last day of the period (default: --as-of).",
    ),
    "help.opt.output": (
        "写入文件 FILE（原子写入：读者不会看到写了一半的报告）。--format xlsx 必须用它；写入文件的 CSV 以 UTF-8 BOM 开头，便于 Excel 打开。",
        "Write to FILE (atomically: readers never see half a report). Needed for --format xlsx; "
        "CSV written to a file starts with a UTF-8 BOM for Excel.",
    ),
    # ── check ───────────────────────────────────────────────────────────────
    "help.check": (
        "检查 goals.toml 和 progress/ 中的每个文件，并重新校验记录所附的每个佐证材料。\n\n"
        "每个问题都按“文件:行号: 问题（提示）”列出。没有问题时退出码为 0，有问题时为 3。",
        "Validate goals.toml and every progress/ file, and hash every evidence file the log "
        "names again.\n\n"
        "Every problem is listed as file:line: message (hint). Exit 0 when clean, 3 when "
        "there are problems.",
    ),
    # ── goals ───────────────────────────────────────────────────────────────
    "help.goals": (
        "计划中的目标定义：编号、名称、类型、目标值、截止日期、责任单位。"
        "`--format json` 列出每个目标的全部字段。",
        "The plan's goal definitions: id, title, kind, target, deadline, owner. "
        "`--format json` lists every goal with all of its fields.",
    ),
    # ── config ──────────────────────────────────────────────────────────────
    "help.config": (
        "用户配置文件在哪里、是否存在、设置了什么。\n\n"
        "\b\n"
        "  tracker config                     显示配置\n"
        "  tracker config set by 财政局张伟    设置记录人\n"
        "  tracker config set lang en         设置语言\n"
        "  tracker config set data /srv/plan  设置默认数据文件夹\n"
        "  tracker config unset lang          删除一项设置\n\n"
        "可用的键：lang（zh 或 en）、by（写入记录的姓名）、data（默认数据文件夹）。"
        "命令行选项和环境变量优先于配置文件；$TRACKER_CONFIG 可指定另一个配置文件。",
        "Where your config file is, whether it exists, and what it sets.\n\n"
        "\b\n"
        "  tracker config                     show it\n"
        "  tracker config set by 财政局张伟    who you are in entries\n"
        "  tracker config set lang en         the language\n"
        "  tracker config set data /srv/plan  the default data folder\n"
        "  tracker config unset lang          remove a setting\n\n"
        "Keys: lang (zh or en), by (the name written into entries), data (the default data "
        "folder). Options and environment variables override the file; $TRACKER_CONFIG "
        "points at another file.",
    ),
    # ── spreadsheets (issue 14) and starting a plan (issue 13) ───────────────
    "help.short.template": (
        "各单位目标的填报表（.xlsx）。",
        "A fill-in workbook (.xlsx) of offices' goals.",
    ),
    "help.template": (
        "生成各单位目标的填报表（.xlsx），发给各单位填写，再用 `tracker log --from-xlsx 文件` 读回。\n\n"
        "\b\n  tracker template --owner 区财政局 --as-of 2020-06-30 --output 财政局-2020-06.xlsx\n\n"
        "每个单位一张工作表，每个目标一行：编号、名称、类型、单位、目标值、当前值和上次记录，"
        "然后是要填的格子（本期新增、累计值或读数、是否完成、完成的分项、日期、说明、填报人），"
        "Excel 在输入时检查。其他格子都已锁定（工作表保护，无密码）。隐藏列记住当时的日志，"
        "导入时若某目标此后已有变动，该行会被拒绝。",
        "Write a fill-in workbook (.xlsx) of an office's goals, to send out and read back "
        "with `tracker log --from-xlsx FILE`.\n\n"
        "\b\n  tracker template --owner 区财政局 --as-of 2020-06-30 --output 财政局-2020-06.xlsx\n\n"
        "One sheet per office, one row per goal: id, title, kind, unit, target, the current "
        "value and last entry, then open cells to fill — add, total or reading, done, items "
        "done, date, note, by — checked by Excel as they are typed. Every other cell is "
        "locked (sheet protection, no password). Hidden columns remember the log as it "
        "stands, so an import refuses a row whose goal moved since.",
    ),
    "help.opt.template_owner": (
        "要包含其目标的单位（可重复；默认全部单位）。每个单位一张工作表。",
        "An office whose goals to include (repeatable; default: every office). "
        "Each office gets its own sheet.",
    ),
    "help.opt.template_output": (
        "要写入的工作簿（.xlsx），原子写入。",
        "The workbook to write (.xlsx), atomically.",
    ),
    "help.opt.from_xlsx": (
        "一份填好的 `tracker template` 工作簿；全部写入或全不写入。",
        "A filled-in `tracker template` workbook; all or nothing.",
    ),
    "help.opt.from_csv": (
        "填报表各列的 CSV（UTF-8、GBK/GB18030 或 UTF-16，自动识别）；全部写入或全不写入。",
        "The template's columns as CSV (UTF-8, GBK/GB18030 or UTF-16, found by itself); "
        "all or nothing.",
    ),
    "help.short.init": (
        "新建计划文件夹，或结转未完成目标开始下一年的计划。",
        "Start a plan folder, or next year's plan from this one.",
    ),
    "help.init": (
        "在 DIR 中新建计划文件夹：带注释的 goals.toml 骨架、progress/README.md、"
        "使用 union 合并的 .gitattributes，以及忽略缓存和锁的 .gitignore。不会覆盖任何文件。\n\n"
        "加 --from 旧文件夹 --year 2021 则开始下一年的计划：旧计划结束时每个未完成的目标都结转过来"
        "（定义、carried_from 引用，以及旧计划结束时的值作为新起点）。",
        "Start a plan folder in DIR: a commented goals.toml skeleton, progress/README.md, "
        ".gitattributes with the union merge and a .gitignore for the cache and lock. "
        "Never overwrites a file.\n\n"
        "With --from OLD_DIR --year 2021, start next year's plan: every goal not done at the "
        "old plan's end is carried (its definition, a carried_from reference, and its value "
        "at the old plan's end as the new start).",
    ),
    "help.opt.init_from": (
        "要结转的旧计划文件夹。",
        "The old plan's folder to carry unfinished goals from.",
    ),
    "help.opt.init_year": (
        "新计划的年份（默认：旧计划的下一年，或今年）。",
        "The new plan's year (default: the year after the old plan's, or this year).",
    ),
    # ── the briefing (issue 11) ──────────────────────────────────────────────
    "help.opt.alerts_owner": ("只看该单位负责的目标。", "Only the goals this office holds."),
    "help.opt.alerts_group_by": (
        "按责任单位分组，最严重的单位在前。",
        "Group alerts by responsible office, the office with the most serious first.",
    ),
    "help.opt.status_group_by": (
        "按领域分组，或按责任单位分组（最需要关注的在前）。",
        "Group rows by focus area, or by responsible office (most in need first).",
    ),
    "help.opt.summary_owner": (
        "某个单位自己的周报：只含它负责的目标，并列出未按期报送的目标。",
        "One office's own digest: only the goals it holds, its unreported goals listed.",
    ),
    "help.opt.split_by": (
        "每个单位一份周报，各自原子写入 --output 文件夹。",
        "One digest per office, each written atomically into the --output folder.",
    ),
    "help.opt.summary_output": (
        "写入文件 FILE（原子写入）；配合 --split-by 时是存放各单位文件的文件夹。",
        "Write to FILE (atomically: readers never see half a report); with --split-by, the folder for the offices' files.",
    ),
    "help.opt.mail_to": (
        "--format email：收件人（可重复，或用逗号分隔）。",
        "--format email: a recipient (repeatable, or comma-separated).",
    ),
    "help.opt.mail_subject": (
        "--format email：邮件主题（默认：计划名、周报、周次）。",
        "--format email: the subject (default: plan, 周报, week).",
    ),
    "help.opt.mail_from": (
        "--format email：发件人（默认由 sendmail 决定）。",
        "--format email: the sender (default: sendmail's).",
    ),
    # ── daily use (issue 12) ─────────────────────────────────────────────────
    "help.short.completion": (
        "shell 补全脚本（bash、zsh、fish、powershell）。",
        "A shell completion script (bash, zsh, fish, powershell).",
    ),
    "help.completion": (
        "输出 SHELL（bash、zsh、fish 或 powershell）的补全脚本。它补全命令、选项、目标编号（带名称）、"
        "当前目标的清单分项、状态、领域、责任单位和记录编号。安装方法见 README。",
        "Print a completion script for SHELL (bash, zsh, fish or powershell). It completes "
        "commands, options, goal ids (with their titles), the checklist items of the goal on "
        "the line, states, areas, owners and entry ids. How to install it: see the README.",
    ),
    "help.opt.force": (
        "记录远超目标可能的数值（超过 100%、超过目标 10 倍、单次增量超过整个目标）。",
        "Log a value far outside what the goal can take (above 100 %, more than 10 times the "
        "target, an increment larger than the whole target).",
    ),
    "help.opt.yes": ("不询问确认（用于脚本）。", "Do not ask for confirmation (for scripts)."),
    "help.opt.no_pager": (
        "长输出直接打印到终端（默认经由分页器）。",
        "Print long output straight to the terminal (default: through a pager).",
    ),
    "help.required": ("［必填］", "[required]"),
}
