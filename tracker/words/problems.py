"""The catalogue's words for problems: what is wrong with a file, an input or
the machine, and how to fix it. {key: (Chinese, English)}."""

from __future__ import annotations

PHRASES: dict[str, tuple[str, str]] = {
    # ── general ──────────────────────────────────────────────────────────────
    # `file:line: message (hint)`, as an editor jumps to it.
    "problem.located": ("{where}: {message}", "{where}: {message}"),
    "problem.with_hint": ("{where}: {message}（{hint}）", "{where}: {message} ({hint})"),
    "did_you_mean": ("是不是“{name}”？", "did you mean '{name}'?"),
    "one_of": ("可选：{choices}", "one of {choices}"),
    "try_again": ("稍后再试", "try again in a moment"),
    "internal_error": (
        "tracker 内部错误：{kind}: {detail}\n请加 --debug 重新运行以查看调用栈，并报告此问题。",
        "tracker: internal error: {kind}: {detail}\n"
        "Run again with --debug for a traceback, and report it.",
    ),
    "cache_distrusted": (
        "tracker：提示：progress/.cache 中的缓存不是本机按这份日志生成的（被改动过，或随文件夹复制而来），已按日志重新生成",
        "tracker: note: the cache in progress/.cache was not made here from this log "
        "(it was edited, or came with a copy of the folder); it was made anew from the log",
    ),
    "log_problems_warning": (
        "tracker：警告：progress/ 中有 {count} 处问题，这些行不计入；运行 `tracker check` 查看位置",
        "tracker: warning: {count} problem(s) in progress/ — "
        "those lines do not count; run `tracker check` to see where",
    ),
    "option_problem": ("{option}：{detail}", "{option}: {detail}"),
    # ── the data folder ──────────────────────────────────────────────────────
    "no_goals_in": (
        "{folder} 中没有 goals.toml（来自 {origin}）",
        "no goals.toml in {folder} (from {origin})",
    ),
    "point_at_folder": (
        "让 {origin} 指向存放 goals.toml 的文件夹",
        "point {origin} at the folder holding goals.toml",
    ),
    "no_goals_here": (
        "当前文件夹及其上级文件夹中都没有 goals.toml",
        "no goals.toml here or in any parent folder",
    ),
    "run_inside_data": (
        "在数据文件夹中运行 tracker，或使用 --data DIR，或设置 TRACKER_DATA，"
        "或运行 `tracker config set data DIR`",
        "run tracker inside the data folder, or pass --data DIR, set TRACKER_DATA, "
        "or run `tracker config set data DIR`",
    ),
    # ── the language and the user's config file ──────────────────────────────
    "bad_lang_env": (
        "TRACKER_LANG=“{value}”不是 tracker 支持的语言",
        "TRACKER_LANG='{value}' is not a language tracker speaks",
    ),
    "config_problems": (
        "配置文件中有 {count} 处问题",
        "{count} problem(s) in your config file",
    ),
    "config_fix_or_move": (
        "改正配置文件，或用 `tracker config` 查看它",
        "fix the config file, or look at it with `tracker config`",
    ),
    "config_windows_path_fix": (
        "Windows 路径请写在单引号中：{line}（双引号中的 \\ 要写成 \\\\）",
        "write a Windows path in single quotes: {line} (inside double quotes each \\ must be \\\\)",
    ),
    "config_control_in_path": (
        "“{key}”中有制表符或换行：双引号中的 \\t、\\n 被读成了它们",
        "'{key}' holds a tab or a line break: \\t and \\n inside double quotes are read as those",
    ),
    "config_unknown_key": ("未知的设置“{key}”", "unknown setting '{key}'"),
    "config_keys": ("可用的设置：{keys}", "settings are: {keys}"),
    "config_quote_fix": (
        '写成带引号的文本，例如 {key} = "…"',
        'write it as quoted text, e.g. {key} = "…"',
    ),
    "config_unset_fix": (
        "填写一个值，或运行 `tracker config unset {key}`",
        "give it a value, or run `tracker config unset {key}`",
    ),
    "config_usage": (
        "用法：tracker config [set KEY VALUE | unset KEY]",
        "usage: tracker config [set KEY VALUE | unset KEY]",
    ),
    "config_usage_fix": (
        "例如 `tracker config set by 财政局张伟`；运行 `tracker config -h` 查看说明",
        "e.g. `tracker config set by 财政局张伟`; see `tracker config -h`",
    ),
    "cannot_read": ("无法读取：{reason}", "cannot read: {reason}"),
    "batch_from_stdin": (
        "给出一个文件，或把数据通过管道交给 --from-json -",
        "name a file, or pipe the entries to --from-json -",
    ),
    "not_a_regular_file": (
        "这不是普通文件（而是管道、设备或文件夹），tracker 只读取文件",
        "not a regular file (a pipe, a device or a folder); tracker reads only files",
    ),
    "file_too_big": (
        "文件超过 {limit}，tracker 不读取",
        "larger than {limit}; tracker does not read it",
    ),
    "not_utf8": ("不是有效的 UTF-8 编码", "not valid UTF-8"),
    "save_as_utf8": ("请将文件另存为 UTF-8", "save the file as UTF-8"),
    "save_input_as_utf8": ("请将输入另存为 UTF-8", "save the input as UTF-8"),
    "plan_problems": ("计划中有 {count} 处问题", "{count} problem(s) in the plan"),
    "fix_then_check": ("改正后运行 `tracker check`", "fix them, then run `tracker check`"),
    # ── goals.toml: reading ──────────────────────────────────────────────────
    "toml_syntax": ("TOML 语法错误：{detail}", "TOML syntax: {detail}"),
    "toml_syntax_fix": (
        "检查这一行的引号、括号和“=”",
        "check quotes, brackets and '=' on this line",
    ),
    "wrong_type": ("“{key}”应为{what}，而不是{got}", "'{key}' must be {what}, not {got}"),
    "type_text": ("文本", "text"),
    "type_number": ("数字", "a number"),
    "type_date": ("日期", "a date"),
    "type_bool": ("true/false", "true/false"),
    "type_list": ("列表", "a list"),
    "type_table": ("表", "a table"),
    "key_empty": ("“{key}”为空", "'{key}' is empty"),
    "date_has_time": ("“{key}”应为日期，不带时间", "'{key}' must be a date without a time"),
    "impossible_date": ("“{key}”的日期“{value}”不存在", "impossible date '{value}' for '{key}'"),
    "write_real_date": ("写成真实的日期，格式 YYYY-MM-DD", "write a real date as YYYY-MM-DD"),
    "unknown_choice": ("未知的 {key}“{value}”", "unknown {key} '{value}'"),
    "unknown_key": ("{table} 中有未知的键“{key}”", "unknown key '{key}' in {table}"),
    "allowed_keys": ("可用的键：{keys}", "allowed keys: {keys}"),
    "missing_key": ("{table} 缺少“{key}”", "{table} is missing '{key}'"),
    "add_key": ("在这个表中加上 {key} = …", "add {key} = … to this table"),
    "unknown_table": ("未知的表“{table}”", "unknown table '{table}'"),
    "plan_tables": (
        "文件包含 [plan] 表和 [[goal]] 表",
        "the file holds [plan] and [[goal]] tables",
    ),
    "no_plan_table": ("没有 [plan] 表", "no [plan] table"),
    "add_plan_table": (
        "加上 [plan]，写明 id、title、start、end 等",
        "add [plan] with id, title, start, end …",
    ),
    "goal_tables": ("“goal”应为 [[goal]] 表", "'goal' must be [[goal]] tables"),
    "goal_not_table": ("每个目标都应是一个 [[goal]] 表", "each goal must be a [[goal]] table"),
    "areas_tables": ("“areas”应为 [[plan.areas]] 表", "'areas' must be [[plan.areas]] tables"),
    "area_not_table": ("每个领域都应是一个表", "each area must be a table"),
    "kind_needs_key": ("{kind} 类目标需要“{key}”", "a {kind} goal needs '{key}'"),
    "add_key_goal": ("在这个目标中加上 {key} = …", "add {key} = … to this goal"),
    "key_not_for_kind": (
        "“{key}”不适用于 {kind} 类目标",
        "'{key}' does not apply to a {kind} goal",
    ),
    "key_is_for": (
        "“{key}”用于 {kinds} 类目标；删除它或修改 kind",
        "'{key}' is for {kinds} goals; remove it or change kind",
    ),
    "items_not_names": ("“{key}”应为名称列表", "'{key}' must be a list of names"),
    "trajectory_not_list": (
        "“trajectory”应为检查点列表",
        "'trajectory' must be a list of checkpoints",
    ),
    "checkpoint_shape": (
        "每个检查点需要且只需要 date 和 value",
        "each checkpoint needs exactly date and value",
    ),
    "trajectory_example": (
        "trajectory = [{{date = 2020-06-30, value = 1500}}, …]",
        "trajectory = [{{date = 2020-06-30, value = 1500}}, …]",
    ),
    # ── goals.toml: rules ────────────────────────────────────────────────────
    "plan_ends_before_start": (
        "计划结束日（{end}）早于开始日（{start}）",
        "plan ends ({end}) before it starts ({start})",
    ),
    "unknown_timezone": ("未知的时区“{name}”", "unknown time zone '{name}'"),
    "use_iana_zone": (
        "使用 IANA 时区名，如 Asia/Shanghai",
        "use an IANA name such as Asia/Shanghai",
    ),
    "tolerance_range": (
        "容差 {value} 应是 0 到 1 之间的小数",
        "tolerance {value} must be a fraction from 0 to 1",
    ),
    "tolerance_example": (
        "例如 tolerance = 0.10 表示十个百分点",
        "e.g. tolerance = 0.10 for ten percentage points",
    ),
    "duplicate_area": ("领域编号“{id}”重复", "duplicate area id '{id}'"),
    "goal_id_form": (
        "目标编号“{id}”应为小写，用点或连字符分隔",
        "goal id '{id}' is not lowercase dotted/dashed",
    ),
    "goal_id_example": (
        "例如 jobs.training 或 water.sewer-separation",
        "use e.g. jobs.training or water.sewer-separation",
    ),
    "duplicate_goal": ("目标编号“{id}”重复", "duplicate goal id '{id}'"),
    "first_defined_at": (
        "首次定义在第 {line} 行；编号必须唯一",
        "first defined at line {line}; ids must be unique",
    ),
    "unknown_area": ("未知的领域“{area}”", "unknown area '{area}'"),
    "areas_are": ("领域：{areas}", "areas: {areas}"),
    "outside_plan": (
        "{key} {date} 超出计划期（{start}..{end}）",
        "{key} {date} is outside the plan ({start}..{end})",
    ),
    "move_inside_plan": ("改到计划年度之内", "move it inside the plan's year"),
    "start_after_deadline": (
        "开始日 {start} 晚于截止日 {deadline}",
        "start {start} is after the deadline {deadline}",
    ),
    "count_target_positive": ("计数类目标的目标值必须大于零", "a count target must be above zero"),
    "at_most_needs_baseline": (
        "at_most 目标需要“baseline”作为衡量进度的起点",
        "an at_most goal needs a 'baseline' to measure progress from",
    ),
    "add_baseline": (
        "加上 baseline = 计划开始时的读数",
        "add baseline = the reading the plan starts from",
    ),
    "baseline_equals_target": (
        "基线等于目标值：无法衡量进度",
        "baseline equals target: progress cannot be measured",
    ),
    "checklist_without_items": ("清单类目标没有分项", "a checklist without items"),
    "name_items": ('写出各分项：items = ["…", "…"]', 'name its parts: items = ["…", "…"]'),
    "item_twice": ("分项“{item}”列了两次", "item '{item}' is listed twice"),
    "item_empty": ("有一个分项名称为空", "an item name is empty"),
    "stage_without_date": ("节点“{stage}”没有日期", "stage '{stage}' has no date"),
    "stage_example": (
        '每个节点写明日期：stages = [{{name = "开工", deadline = 2020-06-30}}, …]',
        'give each stage its date: stages = [{{name = "start", deadline = 2020-06-30}}, …]',
    ),
    "checkpoint_outside": (
        "检查点 {date} 超出目标期（{start}..{deadline}）",
        "checkpoint {date} is outside the goal's {start}..{deadline}",
    ),
    "checkpoints_order": ("检查点必须按日期顺序排列", "checkpoints must be in date order"),
    "part_of_unknown": (
        "“{id}”属于（part_of）未知目标“{parent}”",
        "'{id}' is part_of unknown goal '{parent}'",
    ),
    "name_another_goal": ("写另一个目标的编号", "name another goal's id"),
    "part_of_cycle": ("part_of 经过“{id}”形成循环", "part_of cycle through '{id}'"),
    "part_of_cycle_fix": ("目标不能属于它自己", "a goal cannot be part of itself"),
    "part_of_units": (
        "“{id}”（{unit}）属于“{parent}”（{parent_unit}）：单位不同",
        "'{id}' ({unit}) is part_of '{parent}' ({parent_unit}): units differ",
    ),
    "part_of_units_fix": (
        "part_of 只能连接单位相同的计数类目标",
        "part_of links count goals of one unit",
    ),
    "not_finite": (
        "“{key}”必须是有限的数字（不能是 nan 或 inf）",
        "'{key}' must be a finite number (not nan or inf)",
    ),
    "number_too_large": (
        "“{key}”超出可跟踪的范围（绝对值不超过 {largest}）；检查是否多打了位数",
        "'{key}' is beyond what tracker tracks (at most {largest} either way); "
        "check for extra digits",
    ),
    # ── log lines and batch input ────────────────────────────────────────────
    "see_entry_format": (
        "记录格式见 progress/README.md",
        "see progress/README.md for the entry format",
    ),
    "line_not_object": ("日志行必须是 JSON 对象", "a log line must be a JSON object"),
    "unknown_fields": ("未知字段 {fields}", "unknown field(s) {fields}"),
    "field_missing": ("缺少“{field}”或为空", "missing or empty '{field}'"),
    "field_not_text": ("“{field}”必须是文本", "'{field}' must be text"),
    "bad_entry_date": (
        "日期 {value} 无效；日期格式为 YYYY-MM-DD",
        "bad date {value}; dates are YYYY-MM-DD",
    ),
    "conflicting_fields": ("字段冲突：{fields}", "conflicting fields {fields}"),
    "total_needs_value": ("“total”要和“value”一起用", "'total' goes with 'value'"),
    "done_must_be_true": ("“done”必须为 true", "'done' must be true"),
    "items_must_be_names": ("“items”必须是分项名称的列表", "'items' must be a list of item names"),
    "value_not_number": (
        "“value”必须是数字，而不是 {value}",
        "'value' must be a number, not {value}",
    ),
    "total_true_false": ("“total”必须为 true 或 false", "'total' must be true or false"),
    "line_not_json": ("无法读取的行（不是 JSON）", "unreadable line (not JSON)"),
    "torn_tail_fix": (
        "这里有一次写入被中断；之前的记录都完好：删除这段残片，或重新记录这一条",
        "a write was cut off here; the entries before it are safe: "
        "delete this fragment or log the entry again",
    ),
    "bad_line_fix": (
        "修改或删除这一行；其他行仍然计入",
        "fix or delete this line; the other lines still count",
    ),
    "batch_cut_off": (
        "批次 {batch} 未写完就被中断：其中 {count} 条记录不计入",
        "batch {batch} was cut off before it finished: its {count} entries do not count",
    ),
    "batch_run_again": (
        "重新运行同一个 `tracker log --from-json`",
        "run the same `tracker log --from-json` again",
    ),
    "lock_held": (
        "另一个 tracker 进程占用日志锁已达 {seconds} 秒",
        "another tracker process has held the log's lock for {seconds}s",
    ),
    "not_json": ("不是 JSON：{detail}", "not JSON: {detail}"),
    "one_object_per_line": ("每行一个 JSON 对象", "one JSON object per line"),
    "array_not_closed": ("JSON 数组没有闭合", "the JSON array is not closed"),
    "close_array": ("用 ] 结束", "end it with ]"),
    "entry_not_object": ("每条记录必须是 JSON 对象", "an entry must be a JSON object"),
    "batch_refused": (
        "{count} 条记录有误：没有写入任何内容",
        "{count} bad entries: nothing was written",
    ),
    "batch_fix": ("改正后重新运行这一批", "fix them and run the batch again"),
    "batch_empty": ("{name} 中没有记录", "{name} holds no entries"),
    # ── entries: rules ───────────────────────────────────────────────────────
    "unknown_goal": ("未知目标“{goal}”", "unknown goal '{goal}'"),
    "see_goal_ids": ("目标编号见 `tracker goals`", "see `tracker goals` for ids"),
    "op_does_not_fit": (
        "{goal} 是 {kind} 类目标：{what} 不适用",
        "{goal} is a {kind} goal: {what} does not fit it",
    ),
    "op_value": ("VALUE", "VALUE"),
    "op_total": ("--total", "--total"),
    "op_done": ("--done", "--done"),
    "op_items": ("--item", "--item"),
    "op_checkin": ("--note", "--note"),
    "how_to_log_count": (
        "计数类用 `tracker log ID N` 或 `--total N` 记录",
        "log a count with `tracker log ID N` or `--total N`",
    ),
    "how_to_log_level": (
        "读数用 `tracker log ID 数值` 记录",
        "log a reading with `tracker log ID VALUE`",
    ),
    "how_to_log_milestone": (
        "里程碑用 `tracker log ID --done` 记录完成，用 `tracker log ID --item 节点` 记录达到的节点",
        "log a milestone with `tracker log ID --done`, a stage reached with `tracker log ID --item STAGE`",
    ),
    "how_to_log_checklist": (
        "清单分项用 `tracker log ID --item 名称` 记录",
        "log checklist items with `tracker log ID --item NAME`",
    ),
    "word_increment": ("增量", "increment"),
    "word_total": ("累计值", "total"),
    "negative_value": ("{goal} 的{what} {value} 为负数", "negative {what} {value} for {goal}"),
    "value_too_large": (
        "数值 {value} 超出可记录的范围（绝对值不超过 {largest}），不计入",
        "value {value} is beyond what tracker records (at most {largest} either way); "
        "it does not count",
    ),
    "value_within_range": (
        "检查是否多打了位数；用 `tracker retract 记录 --reason …` 撤销这一条",
        "check for extra digits; undo the entry with `tracker retract ENTRY --reason …`",
    ),
    "undo_with_retract": (
        "撤销一条记录用 `tracker retract 记录 --reason …`；更正累计值用 --total",
        "to undo an entry use `tracker retract ENTRY --reason …`; "
        "to correct the running total use --total",
    ),
    "not_whole": (
        "{goal} 按整{unit}计数：{value} 不是整数",
        "{goal} counts whole {unit}: {value} is not whole",
    ),
    "units": ("单位", "units"),
    "log_whole_numbers": ("计数类目标记录整数", "log whole numbers for count goals"),
    "unknown_item": ("{goal} 没有分项“{item}”", "unknown item '{item}' for {goal}"),
    "items_are": ("分项：{items}", "items: {items}"),
    "before_plan": (
        "日期 {date} 早于计划开始（{start}）",
        "date {date} is before the plan starts ({start})",
    ),
    "inside_plan": ("记录应针对计划期内的日子", "entries report on days inside the plan"),
    "future_date": (
        "日期 {date} 在将来（今天是 {today}）",
        "date {date} is in the future (today is {today})",
    ),
    "log_what_happened": (
        "记录已经发生的事；更早的日子用 --date",
        "log what has happened; use --date for an earlier day",
    ),
    "duplicate_id": (
        "记录编号“{id}”重复：已在日志中（{where}）",
        "duplicate entry id '{id}': already in the log (at {where})",
    ),
    "the_log": ("本次输入的前面", "earlier in this input"),
    "duplicate_fix": (
        "只有第一条计入：批量记录中省略“id”即可得到新编号，或删除这一条",
        "only the first counts: leave 'id' out of a batch entry to get a fresh one, "
        "or delete this copy",
    ),
    "copy_fix": (
        "这一行与第一条完全相同（例如合并带来的副本）：删除这一行，第一条仍然计入",
        "this line is an exact copy of the first (e.g. from a merge): "
        "delete this line; the first still counts",
    ),
    "retract_unknown": ("撤销的记录“{id}”不存在", "retraction of unknown entry '{id}'"),
    "name_entry_id": (
        "写 `tracker entries` 显示的记录编号",
        "name an entry id shown by `tracker entries`",
    ),
    "retract_retraction": ("“{id}”本身就是一条撤销", "'{id}' is itself a retraction"),
    "log_again": ("改为重新记录那一条", "log the entry again instead"),
    "retract_other_goal": (
        "撤销写的目标是 {goal}，但记录“{id}”属于 {target_goal}",
        "the retraction names goal {goal}, but entry '{id}' is for {target_goal}",
    ),
    "leave_goal_out": (
        "省略“goal”，或写被撤销记录的目标",
        "leave 'goal' out, or name the retracted entry's goal",
    ),
    "already_retracted": ("记录“{id}”已被撤销", "entry '{id}' is already retracted"),
    "already_done": (
        "{goal}：{what}已于 {date} 记录完成",
        "{goal}: {what} already logged done on {date}",
    ),
    "it_was": ("该目标", "it was"),
    "item_was": ("分项“{item}”", "'{item}' was"),
    "retract_first": ("如果那条记录有误，先撤销它", "retract that entry first if it was wrong"),
    "part_exceeds_whole": (
        "{goal} 在 {day} 将为 {value}，超过它所属的 {parent}（{whole}）",
        "{goal} would be {value} on {day}, more than {parent} ({whole}) it is part of",
    ),
    "log_whole_first": ("先记录 {parent}，或核对数字", "log {parent} first, or check the numbers"),
    # ── the command line ─────────────────────────────────────────────────────
    "date_empty": ("日期为空", "empty date"),
    "date_forms": (
        "可写 2020-05-01、2020/5/1、2020年5月1日、today、yesterday、-7d 或 +2w",
        "use 2020-05-01, 2020/5/1, 2020年5月1日, today, yesterday, -7d or +2w",
    ),
    "date_impossible": ("日期“{text}”不存在", "impossible date '{text}'"),
    "date_year_digits": (
        "无法读取日期“{text}”：年份必须是四位数",
        "cannot read date '{text}': the year must have four digits",
    ),
    "date_unreadable": ("无法读取日期“{text}”", "cannot read date '{text}'"),
    "date_partial": (
        "“{text}”不是完整日期（年、月、日）",
        "'{text}' is not a whole date (year, month and day)",
    ),
    "date_ambiguous": (
        "日期“{text}”有歧义：{one} 还是 {other}？",
        "ambiguous date '{text}': {one} or {other}?",
    ),
    "year_first": ("年份写在前面，例如 2020-05-01", "write the year first, e.g. 2020-05-01"),
    "date_has_time_of_day": (
        "“{text}”带有时间；只写日期",
        "'{text}' has a time of day; give a date only",
    ),
    "week_unreadable": ("无法读取周次“{text}”", "cannot read week '{text}'"),
    "week_form": ("使用 ISO 周次，例如 2020-W23", "use an ISO week such as 2020-W23"),
    "no_such_week": ("{year} 年没有第 {week} 周", "{year} has no week {week}"),
    "week_range": ("ISO 周次从 W01 到 W52 或 W53", "ISO weeks run from W01 to W52 or W53"),
    "week_or_period": (
        "--week 与 --since/--until 只能选一种",
        "give --week or --since/--until, not both",
    ),
    "period_backwards": (
        "期间开始（{start}）晚于结束（{end}）",
        "the period starts ({start}) after it ends ({end})",
    ),
    "from_json_alone": (
        "--from-json 不带目标或数值参数",
        "--from-json takes no goal or value arguments",
    ),
    "from_json_alone_fix": (
        "在每条 JSON 记录中写目标、日期和数值",
        "put goal, date and value in each JSON entry",
    ),
    "which_goal": ("哪个目标？", "which goal?"),
    "which_goal_fix": (
        "tracker log 编号 数值；目标编号见 `tracker goals`",
        "tracker log ID VALUE; see `tracker goals` for ids",
    ),
    "one_of_not_both": ("{options} 只能给一个", "give one of {options}, not both"),
    "nothing_to_log": ("{goal} 没有可记录的内容", "nothing to log for {goal}"),
    "not_a_number": ("{what}：“{text}”不是数字", "{what}: '{text}' is not a number"),
    "percent_not_unit": (
        "“{value}”是百分比，但 {goal} 以“{unit}”计",
        "'{value}' is a percentage, but {goal} counts in {unit}",
    ),
    "percent_not_unit_fix": (
        "写出{unit}数，不带 %，例如 120",
        "write the number of {unit} without the % sign, e.g. 120",
    ),
    "log_file_replaced": (
        "写入时该文件被另一个程序替换了（同步盘、git checkout、编辑器另存）；这次什么也没有写入",
        "another program replaced this file while tracker wrote to it (a sync client, "
        "git checkout, an editor saving a copy); nothing was written",
    ),
    "log_file_replaced_fix": (
        "等同步或编辑结束后，重新运行这条命令",
        "run the command again once the sync or the edit is done",
    ),
    "write_digits": ("写数字，例如 120 或 8.5", "write digits, e.g. 120 or 8.5"),
    "comma_not_decimal": (
        "逗号只用来每三位分隔千位（1,200）；小数写小数点，例如 8.5",
        "a comma only groups thousands, every three digits (1,200); "
        "write a decimal point, e.g. 8.5",
    ),
    "text_not_utf8": ("{option} 不是有效的 UTF-8 文本", "{option} is not valid text in UTF-8"),
    "check_terminal_encoding": ("检查终端的字符编码", "check the terminal's encoding"),
    "reason_empty": ("--reason 为空", "--reason is empty"),
    "reason_empty_fix": ("说明这条记录错在哪里", "say why the entry was wrong"),
    "prefix_matches_many": (
        "“{text}”匹配 {count} 条记录：{ids}",
        "'{text}' matches {count} entries: {ids}",
    ),
    "give_more_of_id": ("多写几位编号", "give more of the id"),
    "no_such_entry": ("日志中没有记录“{text}”", "no entry '{text}' in the log"),
    "entry_ids_shown": ("记录编号见 `tracker entries`", "ids are shown by `tracker entries`"),
    "entry_ids_shown_min": (
        "记录编号见 `tracker entries`；至少写 {min} 位",
        "ids are shown by `tracker entries`; give at least {min} characters",
    ),
    "unknown_owner": ("没有目标属于“{owner}”", "no goal is owned by '{owner}'"),
    "owners_are": ("责任单位：{owners}", "owners: {owners}"),
    "unknown_verifier": ("“{office}”不是核实单位", "'{office}' is not a verifying office"),
    "verifiers_are": ("核实单位：{offices}", "verifying offices: {offices}"),
    "verify_which_office": (
        "这些目标有多个核实单位：{offices}",
        "these goals have several verifying offices: {offices}",
    ),
    "verify_office_fix": ("用 --office 指明核实单位", "name the verifying office with --office"),
    "return_needs_reason": ("退回须说明理由", "a return needs a reason"),
    "return_reason_record_fix": (
        "在这条退回记录中写明 reason：哪里不实、应如何重新上报",
        "give the return its reason: what is wrong and how to report it again",
    ),
    "return_reason_fix": (
        '加上 --reason "……"，说明哪里不实、应如何重新上报',
        'add --reason "…": what is wrong and how to report it again',
    ),
    "unknown_state": ("未知状态“{state}”", "unknown state '{state}'"),
    "states_are": ("状态：{states}", "states: {states}"),
    "unknown_condition": ("--fail-on：未知条件“{name}”", "--fail-on: unknown condition '{name}'"),
    "conditions_are": ("条件：{conditions}", "conditions: {conditions}"),
    # ── bounded reading ──────────────────────────────────────────────────────
    "json_constant": (
        "{name} 不是数字：JSON 中不允许 NaN 和 Infinity",
        "{name} is not a number: JSON has no NaN or Infinity",
    ),
    "json_too_deep": ("嵌套太深，无法读取", "nested too deeply to read"),
    "json_number_too_long": ("数字位数太多，无法读取", "a number with too many digits to read"),
    "json_bad_unicode": (
        "含有无效的 Unicode（孤立的代理项转义 \\ud800…）",
        "invalid Unicode (a lone surrogate escape such as \\ud800)",
    ),
    "line_not_utf8": (
        "这一行不是 UTF-8 编码（可能是 GBK）",
        "this line is not UTF-8 (GBK, perhaps)",
    ),
    "line_not_utf8_fix": (
        "用 UTF-8 重新保存，或删除这一行后用 tracker log 重新记录；其他行仍然计入",
        "save it as UTF-8, or delete the line and log it again with tracker log; "
        "the other lines still count",
    ),
    "after_array": ("JSON 数组之后还有内容", "text after the JSON array"),
    "one_document": (
        "一批记录只能是一个 JSON 数组，或每行一个 JSON 对象",
        "a batch is one JSON array, or one JSON object per line",
    ),
    # ── the machine ──────────────────────────────────────────────────────────
    "progress_not_folder": ("progress/ 不是文件夹", "progress/ is not a folder"),
    "refuse_symlink": (
        "这是一个符号链接（或目录联接）：tracker 不会通过它写到数据文件夹之外",
        "this is a symbolic link (or a junction): tracker never writes through one out of the data folder",
    ),
    "symlink_fix": (
        "删除这个链接；tracker 会在 progress/ 中新建真正的文件",
        "remove the link; tracker creates a real file inside progress/",
    ),
    "log_not_file": ("这个日志名不是文件", "this log name is not a file"),
    "log_not_file_fix": (
        "把它移出 progress/；日志文件是普通文件",
        "move it out of progress/; log files are plain files",
    ),
    "disk_full": ("磁盘已满：{detail}", "the disk is full: {detail}"),
    "disk_full_fix": (
        "腾出空间后再试；已写入的内容完好",
        "free some space and try again; what was written before is intact",
    ),
    "file_too_large": ("文件超出大小限制：{detail}", "the file is over the size limit: {detail}"),
    "file_too_large_fix": (
        "检查 ulimit -f 或磁盘配额后再试；已写入的内容完好",
        "check ulimit -f or the disk quota and try again; what was written before is intact",
    ),
    "permission_denied": ("没有权限：{detail}", "permission denied: {detail}"),
    "permission_denied_fix": (
        "检查这个文件或文件夹的权限，或换有权限的用户运行",
        "check the permissions of this file or folder, or run as a user who may write it",
    ),
    "read_only_fs": ("文件系统是只读的：{detail}", "the file system is read-only: {detail}"),
    "read_only_fs_fix": (
        "在可写的数据文件夹中运行，或重新以读写方式挂载",
        "run in a writable data folder, or remount it read-write",
    ),
    "is_a_folder": (
        "这里应该是文件，却是文件夹：{detail}",
        "a folder where a file should be: {detail}",
    ),
    "is_a_folder_fix": ("把这个文件夹移走", "move that folder away"),
    "not_a_folder_on_path": (
        "路径中有一段不是文件夹：{detail}",
        "part of the path is not a folder: {detail}",
    ),
    "not_a_folder_on_path_fix": ("检查路径", "check the path"),
    "refuse_symlink_fix": ("删除这个链接", "remove the link"),
    "os_error": ("无法写入：{detail}", "cannot write: {detail}"),
    "os_error_fix": ("检查磁盘和权限后再试", "check the disk and permissions and try again"),
    # ── a desktop's files: output after a write, held files, synced folders ──
    "written_not_shown": (
        "tracker：已写入（{ref}），但结果无法显示：{detail}。不要重复记录",
        "tracker: written ({ref}), but the result could not be shown: {detail}; "
        "do not log it again",
    ),
    "stray_log": (
        "不是月份日志文件（日志文件名是 年-月.jsonl），其中的记录不计入：可能是两台电脑同时写入同步盘"
        "（OneDrive、WPS云盘等）时产生的冲突副本",
        "not a month file (log files are named YEAR-MONTH.jsonl), so its entries do not count: "
        "a conflict copy a sync client (OneDrive, WPS cloud …) made when two computers wrote at once, perhaps",
    ),
    "stray_log_fix": (
        "把其中 {month} 没有的行复制到 {month} 的末尾，然后删除这个文件；之后 tracker check 会指出重复的记录",
        "copy the lines {month} lacks to the end of {month}, then delete this file; "
        "tracker check then points out any entry that arrived twice",
    ),
    "stray_log_fix_any": (
        "把其中的行复制到对应月份的日志文件末尾，然后删除这个文件；之后 tracker check 会指出重复的记录",
        "copy its lines to the end of the month file they belong in, then delete this file; "
        "tracker check then points out any entry that arrived twice",
    ),
    "stray_logs_warning": (
        "tracker：警告：progress/ 中有 {count} 个文件不是月份日志，其中的记录不计入：{names}；"
        "运行 `tracker check` 查看如何处理",
        "tracker: warning: {count} file(s) in progress/ are not month files and do not count: "
        "{names} — run `tracker check` to see what to do",
    ),
    "text_lost_in_pipe": (
        "“{field}”中是一串问号：中文在管道中丢失了（Windows PowerShell 5.1 把传给程序的文字转成 ASCII）",
        "'{field}' holds a run of question marks: Chinese was lost in the pipe "
        "(Windows PowerShell 5.1 turns text it pipes to a program into ASCII)",
    ),
    "text_lost_in_pipe_fix": (
        "改用文件：tracker entries --format jsonl --output 记录.jsonl，再 tracker log --from-json 记录.jsonl；"
        "或先在 PowerShell 中运行 $OutputEncoding = [Console]::InputEncoding = "
        "[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding",
        "go through a file: tracker entries --format jsonl --output entries.jsonl, then "
        "tracker log --from-json entries.jsonl; or first run in PowerShell $OutputEncoding = "
        "[Console]::InputEncoding = [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding",
    ),
    "held_open": (
        "这个文件正被其他程序占用（例如在 Excel 或 WPS 中打开，或正被杀毒软件、同步盘读取），等了 {seconds} 秒仍未释放",
        "another program holds this file open (Excel or WPS, an antivirus scan, a sync client) "
        "and did not let go within {seconds} seconds",
    ),
    "held_open_fix": (
        "在 Excel 或 WPS 中关闭它后重新运行，或用 --output 写到另一个文件名",
        "close it in Excel or WPS and run the command again, or give --output another name",
    ),
    "output_read_only_file": ("这个文件是只读的：{detail}", "this file is read-only: {detail}"),
    "output_read_only_file_fix": (
        "在文件属性中取消“只读”，或用 --output 写到另一个文件名",
        "clear its read-only attribute, or give --output another name",
    ),
    "output_read_only_fs": (
        "这里的文件系统是只读的：{detail}",
        "the file system here is read-only: {detail}",
    ),
    "output_read_only_fs_fix": (
        "用 --output 写到可写的文件夹",
        "give --output a place that can be written",
    ),
    "output_dangling_link": (
        "这是一个符号链接，指向的“{to}”不存在",
        "this is a symbolic link to '{to}', which does not exist",
    ),
    "output_dangling_link_fix": (
        "删除这个链接，或先创建它指向的位置",
        "remove the link, or create what it points to first",
    ),
    "output_link_loop": (
        "这个路径上的符号链接绕成了圈：{detail}",
        "the symbolic links on this path go round in a circle: {detail}",
    ),
    "output_link_loop_fix": (
        "删除或改正这些链接，或用 --output 写到别处",
        "remove or fix those links, or give --output another place",
    ),
    "date_out_of_range": (
        "日期“{text}”超出日历范围（公元 1 年至 9999 年）",
        "date '{text}' is beyond the calendar (years 1 to 9999)",
    ),
    "date_range_fix": (
        "写一个公元 1 年到 9999 年之间的日期",
        "give a date between the years 1 and 9999",
    ),
    "unknown_references": (
        "progress/ 中有 {count} 处记录指向计划中已没有的目标或分项（例如“{example}”），"
        "这些记录不计入；运行 `tracker check` 查看位置",
        "{count} names in progress/ are goals or items the plan no longer has "
        "(e.g. '{example}'); their entries do not count — run `tracker check` to see where",
    ),
    "level_not_negative": ("“{key}”不能为负数", "'{key}' must not be negative"),
    "dates_out_of_range": (
        "这个命令要用到的日期超出了日历范围（公元 1 年至 9999 年）",
        "a date this command works with lies beyond the calendar (years 1 to 9999)",
    ),
    # ── real plans ───────────────────────────────────────────────────────────
    "names_list": ("“{key}”应为名称列表", "'{key}' must be a list of names"),
    "revisions_not_list": (
        "“revisions”应为修订表的列表",
        "'revisions' must be a list of revisions",
    ),
    "revision_shape": (
        "每次修订需要 date，可有 target、deadline、reason、document",
        "each revision needs a date, and may have target, deadline, reason and document",
    ),
    "revision_example": (
        "revisions = [{{date = 2020-07-01, target = 2500, "
        'reason = "疫情影响", document = "石政发〔2020〕12号"}}]',
        'revisions = [{{date = 2020-07-01, target = 2500, reason = "…", document = "…"}}]',
    ),
    "co_owner_empty": ("co_owners 中有空的单位名", "an office name in co_owners is empty"),
    "co_owner_twice": (
        "单位“{office}”列了两次（或与牵头单位相同）",
        "office '{office}' is listed twice (or is the lead owner)",
    ),
    "revision_changes_nothing": (
        "{date} 的修订既没有改 target 也没有改 deadline",
        "the revision of {date} changes neither target nor deadline",
    ),
    "revisions_order": ("修订必须按日期顺序排列", "revisions must be in date order"),
    "revision_after_deadline": (
        "{date} 的修订晚于它所修改的截止日 {deadline}",
        "the revision of {date} comes after the deadline it changes ({deadline})",
    ),
    "revision_after_fix": (
        "过期后的调整不算修订：结转到下一年的计划",
        "a change after the deadline is no revision: carry the goal into next year's plan",
    ),
    "revision_deadline_past": (
        "{date} 的修订把截止日定在修订之前",
        "the revision of {date} sets a deadline before itself",
    ),
    "easing_needs_reason": (
        "{date} 的修订放宽了目标或推迟了截止日，但没有写 reason",
        "the revision of {date} eases the target or the deadline without a reason",
    ),
    "carried_from_form": (
        "carried_from 应写成“计划编号:目标编号”",
        "carried_from is 'PLAN-ID:GOAL-ID'",
    ),
    "carried_from_example": (
        '例如 carried_from = "shifeng-2020:jobs.training"',
        'e.g. carried_from = "shifeng-2020:jobs.training"',
    ),
    "item_deadline_outside": (
        "分项“{item}”的截止日 {date} 超出目标期（{start}..{deadline}）",
        "item '{item}' is due {date}, outside the goal's {start}..{deadline}",
    ),
    "init_exists": (
        "已存在：tracker init 不会覆盖任何文件",
        "already exists: tracker init never overwrites a file",
    ),
    "init_exists_fix": (
        "换一个新文件夹，或先把这个文件移走",
        "choose a new folder, or move this file away first",
    ),
    "init_year_needs_from": ("--year 要和 --from 一起用", "--year goes with --from"),
    # ── naming goals, guard rails when logging (issue 12) ────────────────────
    "either_language": ("{zh}", "{en}"),
    "goal_ambiguous": (
        "“{text}”对应 {count} 个目标：{candidates}",
        "'{text}' names {count} goals: {candidates}",
    ),
    "goal_ambiguous_fix": (
        "多写几位编号，或用 `tracker goals` 中的序号",
        "give more of the id, or the number `tracker goals` shows",
    ),
    "goal_refs_are": (
        "可写目标编号（大小写均可，或其开头）、`tracker goals` 中的序号，或标题中的词",
        "name a goal by its id (any case, or its start), the number `tracker goals` shows, "
        "or words of its title",
    ),
    "plan_year_over": (
        "计划已于 {end} 结束，今天是 {today}；请用 --date 写明这条进展是哪一天的",
        "the plan ended on {end} and today is {today}; say which day this progress is for "
        "with --date",
    ),
    "plan_year_over_fix": (
        "例如 --date {end}；确实要记在今天，写 --date today",
        "e.g. --date {end}, or --date today if you mean today",
    ),
    "implausible_level_percent": (
        "{goal} 的读数 {value}% 超过 100%",
        "a reading of {value}% for {goal} is above 100%",
    ),
    "implausible_level": (
        "{goal} 的读数 {value} 超过目标 {target} 的 10 倍",
        "a reading of {value} for {goal} is more than 10 times its target of {target}",
    ),
    "implausible_increment": (
        "{goal} 一次增加 {value}，超过整个目标 {target}",
        "an increment of {value} for {goal} is more than its whole target of {target}",
    ),
    "implausible_total": (
        "{goal} 的累计 {value} 超过目标 {target} 的 10 倍",
        "a total of {value} for {goal} is more than 10 times its target of {target}",
    ),
    "implausible_fix": (
        "核对数字和单位“{unit}”；确实无误请加 --force",
        "check the number and its unit, {unit}; if it is right, add --force",
    ),
    # ── a running total lower than before (tracker log ID --total N) ───────
    "total_lower": (
        "{goal} 的累计值 {value} {unit}低于 {date} 已有的 {before} {unit}，累计数一般只增不减",
        "{goal}: a running total of {value} {unit} is below the {before} {unit} it already stood at on {date}",
    ),
    "total_lower_fix": (
        "若是之前记错了，先用 tracker retract 撤销那条记录；若累计数确实减少了，加 --force",
        "if an earlier entry was wrong, retract it first (tracker retract); if the total really went down, add --force",
    ),
    "total_lower_ask": ("仍要记录吗？", "log it anyway?"),
    "total_lower_declined": ("未记录，什么也没写入", "not logged; nothing was written"),
    "retract_declined": ("未撤销，什么也没写入", "not retracted; nothing was written"),
    # ── exact decimals (issue 13) ────────────────────────────────────────────
    "decimals_range": ("decimals 应在 0 到 {most} 之间", "decimals must be from 0 to {most}"),
    "too_many_places": (
        "{key} = {value}：这个目标按 {decimals} 位小数计（单位 {unit}）",
        "{key} = {value}: this goal counts {unit} with {decimals} decimal places",
    ),
    "declare_decimals": (
        "计数带小数（如金额、里程）时写 decimals = 2；按人、家、个计的目标只能是整数",
        "for amounts such as money or kilometres add decimals = 2; goals counted in people, firms or items take whole numbers",
    ),
    "round_to_decimals": (
        "最多写 {decimals} 位小数，或调大 goals.toml 中的 decimals",
        "give at most {decimals} decimal places, or raise decimals in goals.toml",
    ),
    "too_many_decimals": (
        "{goal} 按 {decimals} 位小数计 {unit}：{value} 的小数位太多",
        "{goal} counts {unit} with {decimals} decimal places: {value} has more",
    ),
    "workbook_too_big": (
        "工作簿解压后超过 {limit}，不是 tracker 的填报表",
        "the workbook unpacks to more than {limit}: not a tracker template",
    ),
    "sheet_too_far": (
        "这张表一直用到单元格 {far}，填报表没有这么大",
        "this sheet reaches as far as cell {far}; no template is that large",
    ),
    "workbook_fix": (
        "删除表格下方和右侧多余的内容，或重新生成填报表（tracker template）",
        "delete what lies below and right of the table, or make a fresh template "
        "(tracker template)",
    ),
    "sheet_hidden": (
        "工作表“{sheet}”是隐藏的：填报人看不到上面的数字，不导入",
        "sheet '{sheet}' is hidden: nobody filling in the form sees its figures, "
        "so none are imported",
    ),
    "sheet_hidden_fix": (
        "取消隐藏并核对，或删除这张表",
        "unhide it and check it, or delete it",
    ),
    "sheet_bookkeeping_gone": (
        "填报表隐藏的记账列（snap_value、snap_entry、as_of、plan）被删除了：无法判断是否已导入过",
        "the template's hidden bookkeeping columns (snap_value, snap_entry, as_of, plan) "
        "were deleted: whether it was imported before cannot be told",
    ),
    "sheet_bookkeeping_fix": (
        "重新生成填报表（tracker template），填好后再导入",
        "make a fresh template (tracker template), fill it in and import that",
    ),
    "row_copied": (
        "这一行重复了 {other}（复制的工作表？）：一份填报表里每个目标只有一行",
        "this row repeats {other} (a copied sheet?): a template lists each goal once",
    ),
    "row_copied_fix": (
        "删除复制出来的工作表或行",
        "delete the copied sheet or row",
    ),
    "date_cell_relative": (
        "“{text}”是相对日期：表格导入的那天才会算出它，不一定是填表的那天",
        "'{text}' is a relative date: it would be counted from the day of the import, "
        "not the day the form was filled in",
    ),
    "date_cell_relative_fix": (
        "写出日期，例如 2020-06-30",
        "write the date itself, e.g. 2020-06-30",
    ),
    "date_after_plan": (
        "{date} 在计划结束（{end}）之后",
        "{date} is after the plan's end ({end})",
    ),
    "word_note": ("说明", "note"),
    "word_reason": ("撤销理由", "reason"),
    "note_too_long": (
        "{field}有 {length} 个字符，最多 {limit} 个",
        "the {field} holds {length} characters; at most {limit}",
    ),
    "note_too_long_fix": (
        "写要点，详细材料另存",
        "keep to the point; keep long material elsewhere",
    ),
    "cell_formula": (
        "单元格里是公式“{text}”：tracker 只读取直接填写的内容",
        "this cell holds a formula, {text}: tracker reads only what is typed",
    ),
    "cell_formula_fix": (
        "直接填写数值或文字（不要以 = 开头）",
        "type the value itself (not starting with =)",
    ),
    "row_needs_date": ("没有填日期，而计划已于 {end} 结束", "no date, and the plan ended on {end}"),
    "row_needs_date_fix": (
        "在日期一栏写明这条进展是哪一天的",
        "write in the date column which day this progress is for",
    ),
    # ── offices named once ([[plan.offices]]) ──────────────────────────────
    "offices_tables": (
        "[plan] 的 offices 应为 [[plan.offices]] 表",
        "[plan] offices must be [[plan.offices]] tables",
    ),
    "office_not_table": (
        "[[plan.offices]] 的每一项应为表",
        "each [[plan.offices]] entry must be a table",
    ),
    "office_twice": (
        "单位名称“{name}”出现了两次（已用于 {other}）",
        "office name '{name}' is used twice (already by {other})",
    ),
    "office_names_once": (
        "每个单位的全称和简称各只用一次",
        "give each office a full and a short name of its own",
    ),
    "office_not_listed": (
        "单位“{office}”不在 [[plan.offices]] 中",
        "office '{office}' is not in [[plan.offices]]",
    ),
    "offices_are": ("已列出的单位：{offices}", "listed offices: {offices}"),
    # ── verification ([plan.verification]) and verdicts (核实 / 退回) ─────────
    "verification_table": (
        "[plan] 的 verification 应为 [plan.verification] 表",
        "[plan] verification must be a [plan.verification] table",
    ),
    "positive_whole": ("“{key}”应为正整数", "'{key}' must be a whole number above 0"),
    "verdict_without_entry": (
        "verdict 和 office 只用于核实记录（verifies）",
        "verdict and office belong on a verdict line (verifies)",
    ),
    "verdict_unknown": (
        "核实结论 {value} 无效，应为 verified（核实）或 returned（退回）",
        "verdict {value} is not verified or returned",
    ),
    "evidence_malformed": (
        "evidence 应为 [{{sha256, size, name}}, …] 的列表",
        "evidence must be a list of {{sha256, size, name}}",
    ),
    "next_by_needs_next": ("--next-by 要与 --next 一起用", "--next-by goes with --next"),
    "next_by_needs_next_fix": (
        "用 --next 写明下一步做什么",
        "say what the next step is with --next",
    ),
    "next_by_without_step": (
        "有 next_by 却没有 next_step（下一步）",
        "next_by without a next_step",
    ),
    "attach_without_files": ("附加佐证材料的记录没有列出文件", "an attachment line lists no files"),
    "verdict_retracted": ("这条核实记录已被撤销", "this verdict is retracted"),
    "verdict_unknown_entry": ("核实的记录“{id}”不存在", "verdict on unknown entry '{id}'"),
    "verdict_on_line_about_line": (
        "“{id}”是撤销、核实或附件记录，不能核实",
        "'{id}' is a retraction, verdict or attachment: it cannot be verified",
    ),
    "verdict_on_retracted": (
        "记录“{id}”已被撤销，不能再核实",
        "entry '{id}' is retracted: it cannot be verified",
    ),
    "verdict_already_decided": ("记录“{id}”已有核实结论", "entry '{id}' already has a verdict"),
    "verdict_retract_first": (
        "要改变结论，先撤销原来的核实记录",
        "to change it, retract the earlier verdict first",
    ),
    "verify_without_evidence": (
        "“{id}”还没有目标 {goal} 要求的佐证材料，不能核实销号",
        "'{id}' has none of the evidence goal {goal} asks for: it cannot be verified yet",
    ),
    "verify_attach_first": (
        "先由上报单位补交材料：tracker attach {id} 文件；材料不实可 --return 退回",
        "have the reporting office attach the files first: tracker attach {id} FILE; "
        "or --return it",
    ),
    "verdict_on_note": (
        "“{id}”只是一条说明，没有上报数值或完成情况，不能核实",
        "'{id}' is a note: it reports no figure or completion to verify",
    ),
    "verdict_own_entry": (
        "{by} 不能核实自己上报的记录“{id}”",
        "{by} cannot verify their own entry '{id}'",
    ),
    "verdict_someone_else": (
        "请由核实单位的其他人核实",
        "have someone else of the verifying office verify it",
    ),
    "verdict_not_required": (
        "目标 {goal} 的上报不需要核实",
        "goal {goal}'s reports need no verifying",
    ),
    "verdict_not_a_verifier": (
        "{office} 不是目标 {goal} 的核实单位",
        "{office} does not verify goal {goal}",
    ),
    "verdict_needs_office": (
        "核实记录须写明核实单位（office），目标 {goal} 的上报由哪个单位核实",
        "a verdict names its verifying office (office): which office verifies goal {goal}'s reports",
    ),
    "verdict_from_verifier": ("核实单位：{offices}", "verifying offices: {offices}"),
    "attach_unknown": ("附加佐证材料的记录“{id}”不存在", "attachment to unknown entry '{id}'"),
    "attach_to_line_about_line": (
        "“{id}”是撤销、核实或附件记录，不能附加材料",
        "'{id}' is a retraction, verdict or attachment: attach to the entry itself",
    ),
    "attach_to_entry": (
        "把材料附加到上报进展的那条记录",
        "attach the files to the entry that reported the progress",
    ),
    "about_other_goal": (
        "这一行写的目标是 {goal}，但记录“{id}”属于 {target_goal}",
        "this line names goal {goal}, but entry '{id}' is for {target_goal}",
    ),
    # ── evidence files (佐证材料) ──────────────────────────────────────────
    "evidence_unreadable": (
        "无法读取佐证材料：{detail}",
        "cannot read the evidence file: {detail}",
    ),
    "evidence_is_link": ("佐证材料是一个链接，不予保存", "the evidence file is a link: not kept"),
    "evidence_is_folder": (
        "佐证材料是一个文件夹，不是文件",
        "the evidence is a folder, not a file",
    ),
    "evidence_not_a_file": (
        "佐证材料不是普通文件（如管道、设备）",
        "the evidence is not a regular file (a pipe, a device)",
    ),
    "evidence_too_large": (
        "佐证材料 {size} MB，超过计划允许的 {limit} MB",
        "the evidence file is {size} MB, above the plan's limit of {limit} MB",
    ),
    "evidence_choose_file": (
        "请指定一个普通文件；过大的文件可先压缩或拆分",
        "name a regular file; compress or split a large one first",
    ),
    "evidence_missing": (
        "佐证材料“{name}”（{sha256}…）不在 evidence/ 中",
        "evidence file '{name}' ({sha256}…) is missing from evidence/",
    ),
    "evidence_altered": (
        "佐证材料“{name}”（{sha256}…）已被改动，与记录不符",
        "evidence file '{name}' ({sha256}…) was altered: it no longer matches the log",
    ),
    "evidence_fix": (
        "从原件重新附加：tracker attach {id} 文件",
        "attach it again from the original: tracker attach {id} FILE",
    ),
    "evidence_changed": (
        "佐证材料在读取期间被改动",
        "the evidence file changed while it was read",
    ),
    "evidence_try_again": ("等文件保存完毕后再试一次", "try again once the file is saved"),
    "attach_retracted": (
        "记录“{id}”已被撤销，不能再附加佐证材料",
        "entry '{id}' is retracted: no files can be attached to it",
    ),
    "evidence_required_every": (
        "目标 {goal} 要求每条进展都附佐证材料，这条记录没有",
        "goal {goal} asks every entry for evidence files, and this one has none",
    ),
    "evidence_required_done": (
        "目标 {goal} 要求完成时附佐证材料，这条记录使目标完成却没有附",
        "goal {goal} asks for evidence files when it is done, and this entry completes it "
        "without any",
    ),
    "evidence_required_fix": (
        "附上佐证材料：tracker log … --evidence 文件，或在填报表的“佐证材料”列填写",
        "attach the files: tracker log … --evidence FILE, or a form's 'evidence files' column",
    ),
    "evidence_folder_missing": (
        "找不到佐证材料“{name}”：本表旁边没有同名文件夹 {folder}",
        "evidence file '{name}' not found: there is no folder {folder} beside the workbook",
    ),
    "evidence_outside_folder": (
        "佐证材料“{name}”不在文件夹 {folder} 中",
        "evidence file '{name}' is outside the folder {folder}",
    ),
    "evidence_in_folder": (
        "把文件放进与填报表同名的文件夹 {folder}，单元格里只写文件名",
        "put the files in the folder named as the workbook, {folder}, and write only their "
        "names in the cell",
    ),
    "evidence_named": ("佐证材料“{name}”：{what}", "evidence file '{name}': {what}"),
    "evidence_attach_later": (
        "补附佐证材料：tracker attach {id} 文件",
        "attach the files now: tracker attach {id} FILE",
    ),
}
