"""The catalogue's words for reports: headers, labels, states, sentences about a
goal's standing, confirmations. {key: (Chinese, English)}.

Entries marked `# zh: to translate (issue 12)` are English-only today and carry
the English text in both slots until they are translated.
"""

from __future__ import annotations

# fmt: off
PHRASES: dict[str, tuple[str, str]] = {
    # ── states, conditions, update rhythms (JSON keeps SPEC's ids) ──────────
    "state.done": ("已完成", "done"),
    "state.overdue": ("逾期", "overdue"),
    "state.pending": ("未到期", "pending"),
    "state.on_track": ("正常", "on_track"),
    "state.at_risk": ("有风险", "at_risk"),
    "state.off_track": ("落后", "off_track"),
    "condition.overdue": ("逾期", "overdue"),
    "condition.off_track": ("落后", "off_track"),
    "condition.late": ("预计延期", "late"),
    "condition.at_risk": ("有风险", "at_risk"),
    "condition.due_soon": ("即将到期", "due_soon"),
    "condition.stale": ("久未更新", "stale"),
    "update.weekly": ("每周", "weekly"),
    "update.monthly": ("每月", "monthly"),
    "update.quarterly": ("每季度", "quarterly"),

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
    "table.empty": ("(nothing to show)", "(nothing to show)"),  # zh: to translate (issue 12)
    "status.header": ("截至 {as_of} · {count} 项目标", "as of {as_of} · {count} goals"),
    "goals.count": ("{count} 项目标", "{count} goals"),
    "goals.items": ("{count} items", "{count} items"),  # zh: to translate (issue 12)

    # ── a goal's standing ───────────────────────────────────────────────────
    "value.done": ("已完成", "done"),
    "value.not_done": ("未完成", "not done"),
    "value.items": ("{done}/{total} 项", "{done}/{total} items"),
    "value.percent_done": ("完成{percent}", "{percent} done"),
    "days.left": ("{days}天", "{days}d"),
    "days.overdue": ("逾期{days}天", "{days}d overdue"),
    "days.short": ("{days}d", "{days}d"),  # zh: to translate (issue 12)
    "schedule.on": ("按计划", "on schedule"),
    "schedule.ahead": ("提前{days}天", "{days} days ahead"),
    "schedule.behind": ("落后{days}天", "{days} days behind"),
    "flag.late": ("预计延期{days}天", "late {days}d"),

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
    "reason.behind": ("完成{done}，应达{due}", "{done} done where {due} is expected"),
    "reason.behind_schedule": (
        "完成{done}，应达{due}，{schedule}",
        "{done} done where {due} is expected, {schedule} schedule",
    ),
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
    "show.part_of": ("属于", "part of"),
    "show.now": ("现状", "now"),
    "show.date": ("日期", "date"),
    "show.change": ("变化", "change"),
    "show.value": ("累计", "value"),
    "show.note": ("说明", "note"),
    "show.by": ("记录人", "by"),
    "show.retracted": ("(retracted)", "(retracted)"),  # zh: to translate (issue 12)
    "show.no_entries": ("(no entries yet)", "(no entries yet)"),  # zh: to translate (issue 12)
    "chart.legend": (  # zh: to translate (issue 12)
        ". trajectory   * actual   # both",
        ". trajectory   * actual   # both",
    ),
    "change.done": ("done", "done"),  # zh: to translate (issue 12)
    "change.retracts": ("retracts {id}", "retracts {id}"),  # zh: to translate (issue 12)
    "change.note": ("note", "note"),  # zh: to translate (issue 12)
    "entries.id": ("id", "id"),  # zh: to translate (issue 12)
    "entries.date": ("date", "date"),  # zh: to translate (issue 12)
    "entries.goal": ("goal", "goal"),  # zh: to translate (issue 12)
    "entries.value": ("value", "value"),  # zh: to translate (issue 12)
    "entries.note": ("note", "note"),  # zh: to translate (issue 12)
    "entries.by": ("by", "by"),  # zh: to translate (issue 12)
    "entries.retracted_by": (  # zh: to translate (issue 12)
        "retracted by {id}",
        "retracted by {id}",
    ),
    "entries.count": ("{count} entries", "{count} entries"),  # zh: to translate (issue 12)
    "entries.none": ("(no entries)", "(no entries)"),  # zh: to translate (issue 12)

    # ── the weekly digest ───────────────────────────────────────────────────
    "summary.title": ("工作目标周报", "weekly summary"),
    "summary.period": ("期间", "period"),
    "summary.states": ("目标状态", "Goals by state"),
    "summary.activity": ("本期进展", "Progress this period"),
    "summary.quiet": ("本期没有新的进展记录。", "A quiet period: nothing was logged."),
    "summary.changes": ("状态变化", "State changes"),
    "summary.no_changes": ("没有目标改变状态。", "No goal changed state."),
    "summary.due": ("14天内到期", "Due in the next 14 days"),
    "summary.no_due": ("14天内没有到期的目标。", "Nothing is due in the next 14 days."),
    "summary.stale": ("久未更新", "Stale goals"),
    "summary.no_stale": ("所有目标都按期更新。", "Every goal is up to date."),
    "summary.off": ("落后目标", "Off-track goals"),
    "summary.no_off": ("没有落后的目标。", "No goal is off track."),
    "summary.goal": ("目标", "goal"),
    "summary.change": ("变化", "change"),
    "summary.notes": ("说明", "notes"),
    "summary.now": ("现在", "now"),
    "summary.by": ("记录人", "by"),
    "summary.from": ("原状态", "from"),
    "summary.to": ("新状态", "to"),
    "summary.last": ("上次记录", "last entry"),
    "summary.every": ("应更新", "update"),
    "summary.schedule": ("进度差", "schedule"),
    "summary.forecast": ("预测", "forecast"),
    "summary.note_only": ("(仅说明)", "(note)"),
    "summary.trajectory": ("计划进度", "trajectory"),
    "summary.actual": ("实际进度", "actual"),
    "html.lang": ("zh-CN", "en"),

    # ── confirmations of writes, and check ──────────────────────────────────
    "log.logged_one": (  # zh: to translate (issue 12)
        "logged {id} for {goal} on {date}",
        "logged {id} for {goal} on {date}",
    ),
    "log.would_log_one": (  # zh: to translate (issue 12)
        "would log {id} for {goal} on {date} (dry run: nothing written)",
        "would log {id} for {goal} on {date} (dry run: nothing written)",
    ),
    "log.logged_many": (  # zh: to translate (issue 12)
        "logged {count} entries for {goals} goal(s)",
        "logged {count} entries for {goals} goal(s)",
    ),
    "log.would_log_many": (  # zh: to translate (issue 12)
        "would log {count} entries for {goals} goal(s) (dry run: nothing written)",
        "would log {count} entries for {goals} goal(s) (dry run: nothing written)",
    ),
    "log.standing": (  # zh: to translate (issue 12)
        "{goal}: {value} ({percent}), {state}",
        "{goal}: {value} ({percent}), {state}",
    ),
    "retract.retracted": (  # zh: to translate (issue 12)
        "retracted {id} ({goal}, {date}) with {new}",
        "retracted {id} ({goal}, {date}) with {new}",
    ),
    "retract.would_retract": (  # zh: to translate (issue 12)
        "would retract {id} ({goal}, {date}) with {new}",
        "would retract {id} ({goal}, {date}) with {new}",
    ),
    "check.problems": ("{count} problem(s).", "{count} problem(s)."),  # zh: to translate (issue 12)
    "check.ok": (  # zh: to translate (issue 12)
        "OK: {goals} goals, {entries} entries, no problems.",
        "OK: {goals} goals, {entries} entries, no problems.",
    ),
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
}
# fmt: on
