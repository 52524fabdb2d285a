"""The catalogue's words for reports: headers, labels, states, sentences about a
goal's standing, confirmations. {key: (Chinese, English)}.

Every phrase has real Chinese and real English; tests/test_words.py fails when
one is missing, untranslated, or fills different placeholders.
"""

from __future__ import annotations

# fmt: off
PHRASES: dict[str, tuple[str, str]] = {
    # ── states, conditions, update rhythms (JSON keeps SPEC's ids) ──────────
    "state.done": ("已完成", "done"),
    "state.overdue": ("逾期", "overdue"),
    "state.pending": ("未到期", "pending"),
    "state.on_track": ("正常", "on track"),
    "state.at_risk": ("有风险", "at risk"),
    "state.off_track": ("落后", "off track"),
    "condition.overdue": ("逾期", "overdue"),
    "condition.off_track": ("落后", "off track"),
    "condition.late": ("预计延期", "forecast late"),
    "condition.at_risk": ("有风险", "at risk"),
    "condition.due_soon": ("即将到期", "due soon"),
    "condition.stale": ("未按期报送", "stale"),
    "update.weekly": ("每周", "weekly"),
    "update.monthly": ("每月", "monthly"),
    "update.quarterly": ("每季度", "quarterly"),
    "update.half_yearly": ("每半年", "half-yearly"),
    "update.yearly": ("每年", "yearly"),
    "kind.count": ("计数", "count"),
    "kind.level": ("指标", "level"),
    "kind.milestone": ("里程碑", "milestone"),
    "kind.checklist": ("清单", "checklist"),

    # ── table columns and headers ───────────────────────────────────────────
    "column.number": ("序号", "no."),
    "column.id": ("编号", "id"),
    "column.title": ("目标", "title"),
    "column.progress": ("进度", "progress"),
    "column.value": ("完成/目标", "value/target"),
    "column.expected": ("应达", "expected"),
    "column.state": ("状态", "state"),
    "column.deadline": ("截止", "deadline"),
    "column.days": ("剩余", "days left"),
    "column.flags": ("提示", "flags"),
    "column.owner": ("责任单位", "owner"),
    "column.kind": ("类型", "kind"),
    "column.target": ("目标值", "target"),
    "column.condition": ("提醒", "condition"),
    "column.reason": ("原因", "reason"),
    "table.empty": ("（没有可显示的内容）", "(nothing to show)"),
    "status.header": ("截至 {as_of} · {count} 项目标", "as of {as_of} · {count} goals"),
    "goals.count": ("{count} 项目标", "{count} goals"),
    "goals.items": ("{count} 项", "{count} items"),

    # ── a goal's standing ───────────────────────────────────────────────────
    "value.done": ("已完成", "done"),
    "value.not_done": ("未完成", "not done"),
    "value.items": ("{done}/{total} 项", "{done}/{total} items"),
    "value.stages": ("{done}/{total} 节点", "{done}/{total} stages"),
    "value.percent_done": ("完成{percent}", "{percent} done"),
    "days.left": ("{days}天", "{days}d"),
    "days.overdue": ("逾期{days}天", "{days}d overdue"),
    "days.short": ("{days}天", "{days}d"),
    "schedule.on": ("按计划", "on schedule"),
    "schedule.ahead": ("提前{days}天", "{days} days ahead"),
    "schedule.behind": ("落后{days}天", "{days} days behind"),
    "flag.late": ("预计延期{days}天", "late {days}d"),
    "flag.reached": ("已达标", "target reached"),
    "flag.awaiting_final": ("待最终读数", "awaiting the final reading"),

    # ── forecasts ───────────────────────────────────────────────────────────
    "forecast.done": ("已完成。", "Done."),
    "forecast.not_projected": (
        "里程碑和清单类目标不作预测。",
        "No forecast: milestones and checklists are done or not.",
    ),
    "forecast.met_late": (
        "已于{date}达到{target}，比期限晚{days}天。",
        "Target of {target} met on {date}, {days} days late.",
    ),
    "forecast.reached": (
        "已于{date}达到{target}；以截止日{deadline}的读数为准。",
        "Target of {target} reached on {date}; the reading at the deadline, {deadline}, decides.",
    ),
    "forecast.awaiting_final": (
        "已于{date}达到{target}，但尚无覆盖期末的读数：待最终读数（截止日{deadline}）。",
        "Target of {target} reached on {date}, but no reading covers the end of the period: "
        "awaiting the final reading (deadline {deadline}).",
    ),
    "forecast.met_on_time": (
        "已于{date}达到{target}，按期完成。",
        "Target of {target} met on {date}, on time.",
    ),
    "forecast.nothing_logged": ("无法预测：尚无记录。", "No forecast: nothing logged yet."),
    "forecast.no_progress": (
        "无法预测：最近{weeks}周没有向目标推进。",
        "No forecast: no progress toward the target in the last {weeks} weeks.",
    ),
    "forecast.basis_weeks": ("最近{weeks}周", "the last {weeks} weeks"),
    "forecast.basis_days": ("最近{days}天", "the last {days} days"),
    "forecast.late": ("比期限晚{days}天", "{days} days late"),
    "forecast.on_time": ("可按期完成", "on time"),
    "forecast.rate": (
        "按{basis}的速度，将于{date}达到{target}，{timing}。",
        "At the rate of {basis}, {target} is reached on {date}, {timing}.",
    ),

    # ── alerts ──────────────────────────────────────────────────────────────
    "alerts.header": ("截至 {as_of} · {counts}", "alerts as of {as_of} · {counts}"),
    "alerts.none": ("没有提醒", "no alerts"),
    "alerts.empty": ("没有提醒。", "No alerts."),
    "reason.overdue": (
        "截止日期{deadline}已过{days}天；{done}",
        "deadline {deadline} passed {days} days ago; {done}",
    ),
    "reason.awaiting_final": ("{done}，待最终读数", "{done}, awaiting the final reading"),
    "reason.behind": ("完成{done}，序时进度应达{due}", "{done} done where the schedule asks {due}"),
    "reason.behind_schedule": (
        "完成{done}，序时进度应达{due}，{schedule}",
        "{done} done where the schedule asks {due}, {schedule}",
    ),
    "reason.short_of_target": ("{value}，{gap}", "{value}: {gap}"),
    "reason.due_today": ("今天到期（{deadline}）；{done}", "due today ({deadline}); {done}"),
    "reason.due_in": (
        "{days}天后到期（{deadline}）；{done}",
        "due in {days} days ({deadline}); {done}",
    ),
    "reason.stale": ("上次记录{last}；应{every}更新", "last entry {last}; expected {every}"),
    "reason.stale_never": ("尚无记录；应{every}更新", "nothing logged yet; expected {every}"),

    # ── one goal (show) and the log (entries) ───────────────────────────────
    "show.source": ("原文", "source"),
    "show.area": ("领域", "area"),
    "show.update": ("更新", "update"),
    "show.items": ("分项", "items"),
    "show.stages": ("节点", "stages"),
    "show.progress": ("（{done}，序时进度应达{due}）", " ({done} / expected {due})"),
    "show.part_of": ("属于", "part of"),
    "show.now": ("现状", "now"),
    "show.date": ("日期", "date"),
    "show.change": ("变化", "change"),
    "show.value": ("累计", "value"),
    "show.note": ("说明", "note"),
    "show.by": ("记录人", "by"),
    "show.retracted": ("（已撤销）", "(retracted)"),
    "show.no_entries": ("（尚无记录）", "(no entries yet)"),
    "show.earlier": (
        "下表只列最近 {shown} 条；更早的还有 {count} 条，全部列出：tracker entries --goal {id}",
        "The latest {shown} entries below; {count} earlier ones are not shown. "
        "List them all: tracker entries --goal {id}",
    ),
    "chart.legend": (". 计划进度   * 实际进度   # 两者重合", ". trajectory   * actual   # both"),
    "change.done": ("完成", "done"),
    "change.retracts": ("撤销 {id}", "retracts {id}"),
    "change.retracted": ("撤销一条记录", "an entry retracted"),
    "change.note": ("仅说明", "note"),
    "entries.id": ("编号", "id"),
    "entries.date": ("日期", "date"),
    "entries.goal": ("目标", "goal"),
    "entries.value": ("数值", "value"),
    "entries.note": ("说明", "note"),
    "entries.by": ("记录人", "by"),
    "entries.retracted_by": ("已被 {id} 撤销", "retracted by {id}"),
    "entries.count": ("共 {count} 条记录", "{count} entries"),
    "entries.none": ("（没有记录）", "(no entries)"),

    # ── the weekly digest ───────────────────────────────────────────────────
    "summary.title": ("工作目标周报", "weekly summary"),
    "summary.period": ("期间", "period"),
    "summary.states": ("目标状态", "Goals by state"),
    "summary.attention": ("需要关注", "Needs attention"),
    "summary.no_attention": (
        "没有逾期、落后、预计延期或有风险的目标。",
        "No goal is overdue, off track, forecast late or at risk.",
    ),
    "summary.offices": ("各责任单位", "Offices"),
    "summary.activity": ("本期进展", "Progress this period"),
    "summary.quiet": ("本期没有新的进展记录。", "A quiet period: nothing was logged."),
    "summary.changes": ("状态变化", "State changes"),
    "summary.no_changes": ("没有目标改变状态。", "No goal changed state."),
    "summary.due": ("14天内到期", "Due in the next 14 days"),
    "summary.no_due": ("14天内没有到期的目标。", "Nothing is due in the next 14 days."),
    "summary.stale": ("未按期报送", "Not reported on time"),
    "summary.no_stale": ("所有目标都按期报送。", "Every goal is reported on time."),
    "summary.goal": ("目标", "goal"),
    "summary.change": ("变化", "change"),
    "summary.notes": ("说明", "notes"),
    "summary.now": ("现在", "now"),
    "summary.by": ("记录人", "by"),
    "summary.from": ("原状态", "from"),
    "summary.to": ("新状态", "to"),
    "summary.last": ("上次记录", "last entry"),
    "summary.every": ("应更新", "update"),
    "summary.note_only": ("（仅说明）", "(note)"),
    "summary.trajectory": ("计划进度", "trajectory"),
    "summary.actual": ("实际进度", "actual"),
    "summary.wrote": (
        "已写入 {path}（{office}，{count} 项目标）",
        "wrote {path} ({office}, {count} goals)",
    ),
    "attention.condition": ("情况", "condition"),
    "attention.behind": ("落后", "behind"),
    "attention.value": ("完成/目标", "value/target"),
    "attention.gap": ("差距", "short by"),
    "attention.forecast": ("预测", "forecast"),
    "attention.late_days": ("预计延期{days}天", "forecast {days} days late"),
    "gap.short": ("差{value}", "{value} short"),
    "gap.no_reading": ("尚无读数", "no reading yet"),
    "office.name": ("责任单位", "office"),
    "office.held": ("目标", "goals"),
    "office.done": ("已完成", "done"),
    "office.behind": ("落后", "behind"),
    "office.overdue": ("逾期", "overdue"),
    "office.stale": ("未按期报送", "not reported"),
    "office.worst": ("最长延误", "worst delay"),
    "office.worst_days": ("{days}天", "{days} days"),
    "office.total": ("合计", "total"),
    "office.stale_hint": (
        "未按期报送的目标逐项列在各单位的周报中：tracker summary --owner 单位名称",
        "Goals not reported on time are listed one by one in each office's digest: "
        "tracker summary --owner OFFICE",
    ),
    "plan.ended": (
        "注意：本计划已于{end}结束，{as_of}未完成的目标都显示为逾期。"
        "查看计划结束时的情况：{command}",
        "Note: this plan ended on {end}; on {as_of} every unfinished goal shows as overdue. "
        "To see it as it stood: {command}",
    ),
    "chart.target": ("目标 {value}", "target {value}"),
    "chart.as_of": ("截至{date}", "as of {date}"),
    "chart.unit": ("单位：{unit}", "unit: {unit}"),
    "chart.items": ("项", "items"),
    "chart.no_reading": ("尚无读数", "no reading yet"),
    "email.subject": ("{plan}周报 {period}", "{plan}: weekly summary {period}"),
    "email.subject_office": (
        "{plan}周报 {period} · {office}",
        "{plan}: weekly summary {period} · {office}",
    ),
    "email.needs_to": ("--format email 需要收件人", "--format email needs a recipient"),
    "email.give_to": (
        "用 --to 指定收件人，例如 --to leaders@example.org",
        "name one with --to, e.g. --to leaders@example.org",
    ),
    "email.bad_address": ("邮件地址“{address}”无效", "'{address}' is not an e-mail address"),
    "email.address_form": (
        "写成 name@example.org 或 \"姓名 <name@example.org>\"",
        "write it as name@example.org or \"Name <name@example.org>\"",
    ),
    "split.needs_output": (
        "--split-by owner 需要 --output 目录",
        "--split-by owner needs --output DIR",
    ),
    "split.give_dir": (
        "用 --output 指定存放各单位周报的目录",
        "name the folder for the offices' digests with --output",
    ),
    "split.not_with_owner": (
        "--split-by 与 --owner 只能选一种",
        "give --split-by or --owner, not both",
    ),
    "split.not_a_dir": ("“{path}”不是目录", "'{path}' is not a folder"),
    "split.give_new_dir": (
        "用 --output 指定一个目录（不存在时会自动创建）",
        "give --output a folder (it is created when missing)",
    ),
    "html.lang": ("zh-CN", "en"),

    # ── confirmations of writes, and check ──────────────────────────────────
    "log.logged_one": (
        "已记录 {goal} {date} 的进展（编号 {id}）",
        "logged {id} for {goal} on {date}",
    ),
    "log.would_log_one": (
        "试运行：将记录 {goal} {date} 的进展（编号 {id}），未写入任何内容",
        "would log {id} for {goal} on {date} (dry run: nothing written)",
    ),
    "log.logged_many": (
        "已记录 {count} 条，涉及 {goals} 项目标",
        "logged {count} entries for {goals} goal(s)",
    ),
    "log.would_log_many": (
        "试运行：将记录 {count} 条，涉及 {goals} 项目标，未写入任何内容",
        "would log {count} entries for {goals} goal(s) (dry run: nothing written)",
    ),
    "log.standing": (
        "{goal}：{value}（{percent}），{state}",
        "{goal}: {value} ({percent}), {state}",
    ),
    "retract.retracted": (
        "已撤销 {id}（{goal}，{date}），撤销记录编号 {new}",
        "retracted {id} ({goal}, {date}) with {new}",
    ),
    "retract.would_retract": (
        "试运行：将撤销 {id}（{goal}，{date}），撤销记录编号 {new}，未写入任何内容",
        "would retract {id} ({goal}, {date}) with {new}",
    ),
    "check.problems": ("共 {count} 处问题。", "{count} problem(s)."),
    "check.ok": (
        "检查通过：{goals} 项目标，{entries} 条记录，没有问题。",
        "OK: {goals} goals, {entries} entries, no problems.",
    ),

    # ── the user's config file (tracker config) ─────────────────────────────
    "config.path": ("配置文件：{path}", "config file: {path}"),
    "config.path_from_env": ("（由 TRACKER_CONFIG 指定）", "(named by TRACKER_CONFIG)"),
    "config.exists": ("文件存在。", "The file exists."),
    "config.missing": (
        "文件尚不存在；`tracker config set KEY VALUE` 会创建它。",
        "The file does not exist yet; `tracker config set KEY VALUE` creates it.",
    ),
    "config.set": ("已设置 {key} = {value}", "set {key} = {value}"),
    "config.unset": ("已删除设置 {key}", "unset {key}"),
    "config.key": ("设置", "setting"),
    "config.in_file": ("文件中的值", "in the file"),
    "config.in_effect": ("生效的值", "in effect"),
    "config.from": ("来源", "from"),
    "config.source.flag": ("命令行选项", "command-line option"),
    "config.source.env": ("环境变量", "environment variable"),
    "config.source.config": ("配置文件", "config file"),
    "config.source.locale": ("系统语言环境", "locale"),
    "config.source.default": ("默认", "default"),
    "config.source.login": ("登录名", "login name"),
    "config.source.ancestor": ("当前文件夹（或其上级）", "this folder or a parent"),
    "config.source.unset": ("未设置", "not set"),
    # ── tracker init ────────────────────────────────────────────────────────
    "init.written": ("已写入 {file}", "wrote {file}"),
    "init.carried": ("结转了 {count} 个未完成的目标：{goals}", "carried {count} unfinished goals: {goals}"),
    "init.next": ("下一步：编辑 {folder}/goals.toml，然后运行 `tracker check --data {folder}`", "next: edit {folder}/goals.toml, then run `tracker check --data {folder}`"),
    "office.lead": ("{office}（牵头）", "{office} (lead)"),
    # ── retract's confirmation (issue 12) ────────────────────────────────────
    "retract.preview": ("将撤销这条记录 {id}：", "This will retract entry {id}:"),
    "retract.preview_goal": ("  目标    {goal}  {title}", "  goal    {goal}  {title}"),
    "retract.preview_date": ("  日期    {date}", "  date    {date}"),
    "retract.preview_value": ("  数值    {value}", "  value   {value}"),
    "retract.preview_note": ("  备注    {note}", "  note    {note}"),
    "retract.preview_by": (
        "  记录人  {by}（记于 {recorded_at}）",
        "  by      {by} (recorded {recorded_at})",
    ),
    "retract.confirm": ("确定撤销？", "Retract it?"),
    # ── revisions (issue 13) ────────────────────────────────────────────────
    "revision.line": ("{date} 调整：{changes}（{why}）", "revised on {date}: {changes} ({why})"),
    "revision.target": ("目标 {old} → {new} {unit}", "target {old} → {new} {unit}"),
    "revision.deadline": ("截止 {old} → {new}", "deadline {old} → {new}"),
    "list.comma": ("，", ", "),
    "list.semicolon": ("；", "; "),
    "summary.revisions": ("目标调整", "Revised goals"),
    "summary.no_revisions": ("没有调整过的目标。", "No goal has been revised."),
    "show.revision": ("调整", "revision"),
    "show.item_due": ("{item}（{date}，{state}）", "{item} ({date}, {state})"),
}
# fmt: on
