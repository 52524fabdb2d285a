"""The catalogue's words for the supervision bulletin (督查通报) and its
notices (督办通知单): the masthead, the overall situation in prose, late items,
督办 levels and their lights, offices that did not report, the ranking, the
closing requirement, and the plan keys that set them ([plan.bulletin]).
{key: (Chinese, English)}.

The Chinese is written once here as a supervision office writes it (one word
for each thing, full-width punctuation) and used by every output:
逾期 (overdue), 落后 (off track), 有风险 (at risk), 预计延期 (forecast late),
未到期 (not yet due), 正常 (on track), 已完成 (done), 未按期报送 (not
reported on time); 滞后事项 are all of the first four together; 较序时进度差
is a gap against the time-proportional schedule, 距年度目标差 against the
year's target; a change in a rate is 个百分点."""

from __future__ import annotations

# fmt: off
PHRASES: dict[str, tuple[str, str]] = {
    # ── [plan.bulletin] as goals.toml gives it ───────────────────────────────
    "bulletin_table": (
        "[plan] 的 bulletin 应为 [plan.bulletin] 表",
        "[plan] bulletin must be a [plan.bulletin] table",
    ),
    "scoring_table": (
        "[plan.bulletin] 的 scoring 应为 [plan.bulletin.scoring] 表",
        "[plan.bulletin] scoring must be a [plan.bulletin.scoring] table",
    ),
    "circulate_before_supervise": (
        "circulate_after（{circulate_after}天）早于 supervise_after（{supervise_after}天）",
        "circulate_after ({circulate_after} days) comes before supervise_after ({supervise_after} days)",
    ),
    "circulate_after_fix": (
        "通报应在督办之后：circulate_after 不小于 supervise_after",
        "an item is circulated after it is supervised: make circulate_after at least supervise_after",
    ),
    "weight_not_negative": ("权重“{key}”不能为负数", "weight '{key}' cannot be negative"),
    "weights_all_zero": ("评分权重不能全为0", "the scoring weights cannot all be 0"),
    # ── rankings ─────────────────────────────────────────────────────────────
    "rank.place": ("名次", "place"),
    "rank.completion": ("完成率", "completion"),
    "rank.on_time": ("按期报送率", "on-time reporting"),
    "rank.score": ("得分", "score"),
    "rank.movement": ("较上期", "movement"),
    "rank.new": ("新", "new"),
    "rank.up": ("进步{places}位", "up {places}"),
    "rank.down": ("退步{places}位", "down {places}"),
    "rank.same": ("持平", "same"),
    "rank.no_report_due": ("无应报", "none due"),
    "rank.districts_title": ("{city} · 各区县排名", "{city} · districts ranked"),
    "rank.offices_title": ("各区县责任单位排名", "offices of every district ranked"),
    "rank.districts_sheet": ("区县排名", "districts ranked"),
    "rank.offices_sheet": ("单位排名", "offices ranked"),
    "rank.header": ("截至 {as_of}，与 {previous} 比较", "as of {as_of}, against {previous}"),
    "rank.term": ("{measure}×{weight}", "{measure} × {weight}"),
    "rank.term_joiner": (" + ", " + "),
    "rank.rule": (
        "排名规则：得分 = {terms}，满分100。完成率是各项目标完成进度（每项最多按100%计）的平均数；"
        "按期报送率是正在推进（已开始、未完成、未逾期）的目标中按规定周期报送了进展的比例，没有应报目标的按100%计。"
        "只看结果，不看录入条数；几个单位共同承担的目标分别计入各单位，合计时只计一次。"
        "得分相同的，完成率高的在前。",
        "How the ranking is made: score = {terms}, out of 100. Completion is the mean progress of the "
        "unit's goals (each counted up to 100%); on-time reporting is the share of its goals under way "
        "(started, neither done nor overdue) reported within their reporting period, 100% when none is due. "
        "Outcomes only, never how many entries were typed; a goal shared by several units counts for each "
        "of them and once in any total. At equal scores the higher completion ranks first.",
    ),
    # ── the bulletin (督查通报) ──────────────────────────────────────────────
    "bulletin.title": ("{city}督查通报", "{city} supervision bulletin"),
    "bulletin.number": ("{year}年第{number}期", "{year} no. {number}"),
    "bulletin.period": ("本期：{since}至{until}", "period: {since} to {until}"),
    "bulletin.overall_title": ("总体情况", "Overall"),
    "bulletin.overall": (
        "截至{date}，全市纳入统计的{counted}个区县共有目标{goals}项，平均完成率{completion}，"
        "时间进度{elapsed}；其中{states}。按期报送率{on_time}。",
        "As of {date}, the {counted} districts counted hold {goals} goals: mean completion {completion} "
        "with {elapsed} of the year gone; {states}. On-time reporting {on_time}.",
    ),
    "bulletin.overall_district": (
        "截至{date}，{district}共有目标{goals}项，平均完成率{completion}，时间进度{elapsed}；"
        "其中{states}。按期报送率{on_time}。",
        "As of {date}, {district} holds {goals} goals: mean completion {completion} with {elapsed} of "
        "the year gone; {states}. On-time reporting {on_time}.",
    ),
    "bulletin.state_count": ("{state}{count}项", "{count} {state}"),
    "bulletin.joiner": ("，", ", "),
    "bulletin.left_out": (
        "{districts}未纳入本期通报（原因见数据说明）。",
        " Left out of this bulletin: {districts} (see the notes on the data).",
    ),
    "bulletin.late_title": ("进度滞后事项（按区县）", "Late items by district"),
    "bulletin.no_late": ("各区县均无滞后事项。", "No district has a late item."),
    "list.names": ("、", ", "),  # names listed in a sentence: 区财政局、区审计局
    # ── the masthead and the paper ───────────────────────────────────────────
    "bulletin.district_title": ("{plan}督查通报", "{plan}: supervision bulletin"),
    "bulletin.office_copy": ("{title}（{office}）", "{title} ({office})"),
    "bulletin.to": ("报送", "to"),
    "bulletin.cc": ("抄送", "copied to"),
    "bulletin.label": ("{label}：{text}", "{label}: {text}"),
    "bulletin.subject": ("{title} {number}", "{title} {number}"),
    # ── the overall situation (总体情况) ─────────────────────────────────────
    "bulletin.plan_overall": (
        "截至{date}，全区{goals}项年度目标已完成{done}项，完成率{completion}，时间进度{elapsed}。"
        "其中{states}。按期报送率{on_time}{unreported}。",
        "As of {date}, {done} of the district's {goals} goals for the year are done: completion "
        "{completion} with {elapsed} of the year gone. {states}. On-time reporting {on_time}{unreported}.",
    ),
    "bulletin.office_overall": (
        "截至{date}，{office}承担的{goals}项年度目标已完成{done}项，完成率{completion}，"
        "时间进度{elapsed}。其中{states}。按期报送率{on_time}{unreported}。",
        "As of {date}, {office} holds {goals} goals for the year, {done} done: completion "
        "{completion} with {elapsed} of the year gone. {states}. On-time reporting {on_time}{unreported}.",
    ),
    "bulletin.unreported_count": ("，{count}项目标未按期报送", "; {count} goals not reported on time"),
    "bulletin.no_goals": ("没有目标", "no goals"),
    "bulletin.moved_up": ("{state}增加{count}项", "{count} more {state}"),
    "bulletin.moved_down": ("{state}减少{count}项", "{count} fewer {state}"),
    "bulletin.changes": ("较上期，{changes}", "since the last bulletin: {changes}"),
    "bulletin.no_change": ("与上期相比没有变化", "no change since the last bulletin"),
    "bulletin.states_and_change": ("{states}；{change}", "{states}; {change}"),
    "bulletin.plan_ended": (
        "本计划已于{end}结束，{as_of}未完成的目标都显示为逾期；如需查看计划结束时的情况，请以{end}为截止日期重新生成本通报。",
        "This plan ended on {end}; on {as_of} every unfinished goal shows as overdue. To see it as "
        "it stood, make this bulletin again as of {end}.",
    ),
    "bulletin.unknown_references": (
        "进展记录中有{count}个目标或分项已不在计划中（例如“{example}”），其进展未计入以上数字。",
        "{count} goals or items named in the log are no longer in the plan (e.g. '{example}'); "
        "their progress does not count in the figures above.",
    ),
    # ── sections ─────────────────────────────────────────────────────────────
    "section.overall": ("总体情况", "Overall situation"),
    "section.areas": ("分领域情况", "By focus area"),
    "section.late": ("进度滞后事项", "Late items"),
    "section.unreported": ("未按期报送", "Not reported on time"),
    "section.unverified": (
        "逾期未核实（上报后超过{days}天未核实）",
        "Reports not verified in time (waiting more than {days} days)",
    ),
    "section.no_unverified": ("没有逾期未核实的上报。", "No report waits past the verification period."),
    "unverified.verifier": ("核实单位", "verifying office"),
    "unverified.goal": ("目标", "goal"),
    "unverified.office": ("上报单位", "reporting office"),
    "unverified.date": ("上报日期", "reported on"),
    "unverified.waiting": ("已等待", "waiting"),
    "unverified.days": ("{days}天", "{days} days"),
    "section.ranking": ("责任单位排名", "Offices ranked"),
    "section.revisions": ("目标调整", "Revised goals"),
    "section.closing": ("工作要求", "What is asked"),
    "section.activity": ("附：本期进展", "Annex: progress this period"),
    "section.changes": ("附：状态变化", "Annex: state changes"),
    "section.due": ("附：14天内到期", "Annex: due in the next 14 days"),
    "section.stale": ("附：未按期报送的目标", "Annex: goals not reported on time"),
    "section.no_late": ("没有进度滞后的事项。", "No item is late."),
    "section.no_unreported": ("各责任单位都按期报送了进展。", "Every office reported on time."),
    # ── areas ────────────────────────────────────────────────────────────────
    "area.name": ("领域", "area"),
    "area.late": ("滞后事项", "late items"),
    "area.overdue": ("其中逾期", "of which overdue"),
    # ── late items (滞后事项) ────────────────────────────────────────────────
    "late.lead": ("牵头单位", "lead office"),
    "late.shared": ("责任单位", "with"),
    "late.leader": ("分管领导", "leader in charge"),
    "late.behind": ("滞后情况", "how far behind"),
    "late.gap": ("差距", "short by"),
    "late.value": ("完成情况", "where it stands"),
    "late.problem": ("存在问题", "problem reported"),
    "late.next": ("下步措施", "next step"),
    "late.forecast": ("预测", "forecast"),
    "late.level": ("督办等级", "level"),
    "bulletin.overdue": ("逾期{days}天（应于{date}前完成）", "{days} days overdue (due by {date})"),
    "bulletin.stage_missed": (
        "节点“{stage}”应于{date}前完成，尚未完成",
        "stage '{stage}' was due by {date} and is not reached",
    ),
    "bulletin.item_missed": (
        "事项“{stage}”应于{date}前完成，尚未完成",
        "item '{stage}' was due by {date} and is not done",
    ),
    "bulletin.behind_days": ("，落后{days}天", ", {days} days behind"),
    "gap.to_schedule": ("较序时进度差{value}", "{value} behind the schedule"),
    "gap.to_target": ("距年度目标差{value}", "{value} short of the target"),
    "unit.points": ("个百分点", "percentage points"),
    "bulletin.revised_on": ("（目标于{date}调整）", " (target revised on {date})"),
    "bulletin.aside": ("（{text}）", " ({text})"),
    "bulletin.reported_on": ("{text}（{date}报送）", "{text} (reported {date})"),
    "bulletin.next_by": ("（承诺{date}前完成）", " (by {date})"),
    "bulletin.next_by_passed": ("（承诺{date}前完成，已过期）", " (promised by {date}: passed)"),
    "bulletin.no_report": ("尚未报送", "not reported yet"),
    # ── 督办 levels and lights ───────────────────────────────────────────────
    "escalation.remind": ("提醒", "reminder"),
    "escalation.supervise": ("督办", "supervision"),
    "escalation.circulate": ("通报", "circulated"),
    "light.blue": ("蓝灯", "blue"),
    "light.yellow": ("黄灯", "yellow"),
    "light.red": ("红灯", "red"),
    "light.green": ("绿灯", "green"),
    "bulletin.light": ("亮灯", "light"),
    "bulletin.level_mark": ("{light}·{level}", "{light}: {level}"),
    "bulletin.card_mark": ("【{mark}】", " [{mark}]"),
    "bulletin.at_risk_days": ("有风险，落后{days}天", "at risk, {days} days behind"),
    "bulletin.level_rule": (
        "督办等级：滞后{supervise}天以内的提醒（蓝灯），滞后{supervise}天以上的督办（黄灯），"
        "滞后{circulate}天以上的通报（红灯）；落后于年度目标而不按天数计的督办，仅预计延期的提醒。"
        "单位亮灯取其滞后事项中最高的等级，没有滞后事项的为绿灯。",
        "Levels: under {supervise} days behind, a reminder (blue); from {supervise} days, "
        "supervision (yellow); from {circulate} days, circulated (red); short of the target with "
        "no days to count, supervision; only forecast late, a reminder. An office's light is its "
        "most serious late item's; green when it has none.",
    ),
    # ── offices that did not report (未按期报送) ─────────────────────────────
    "unreported.office": ("责任单位", "office"),
    "unreported.goal": ("未按期报送的目标", "goal not reported on time"),
    "unreported.last": ("上次报送", "last report"),
    "unreported.every": ("报送周期", "reported"),
    "unreported.never": ("尚无报送", "never"),
    # ── the closing requirement (工作要求) ───────────────────────────────────
    "bulletin.reply": (
        "请以上滞后事项的牵头单位会同责任单位，对照存在问题抓紧整改，于{date}前将整改措施和进展书面报送{issuer}；"
        "未按期报送进展的单位请于同日前补报。",
        "The lead offices of the late items above, with the offices sharing them, are asked to "
        "act on the problems reported and to send their measures and progress in writing to "
        "{issuer} by {date}; offices that did not report on time are asked to report by the same day.",
    ),
    "bulletin.reply_no_late": (
        "请各责任单位按规定周期报送进展，于{date}前报送{issuer}。",
        "Offices are asked to keep reporting on time, to {issuer} by {date}.",
    ),
    "bulletin.issuer_default": ("督查室", "the supervision office"),
    # ── workbook columns of the bulletin's sheets ────────────────────────────
    "field.escalation": ("督办等级", "level"),
    "field.gap_to_schedule": ("较序时进度差", "behind the schedule by"),
    "field.gap_to_target": ("距年度目标差", "short of the target by"),
    "field.problem": ("存在问题", "problem reported"),
    "field.next": ("下步措施", "next step"),
    "field.late": ("滞后事项", "late items"),
    "field.light": ("亮灯", "light"),
    "field.on_track": ("正常", "on track"),
    "field.pending": ("未到期", "not yet due"),
    "field.revision": ("调整", "revision"),
    "office.on_track": ("正常", "on track"),
    "office.pending": ("未到期", "not yet due"),
    # ── the notice (督办通知单) ──────────────────────────────────────────────
    "notice.title": ("督办通知单", "Supervision notice"),
    "notice.number": ("{number}　第{n}号", "{number}, notice {n}"),
    "notice.intro": (
        "经督查，你单位牵头的以下事项进度滞后，现予{level}，请高度重视，抓紧整改。",
        "Supervision finds the following item your office leads late; it is hereby given "
        "{level}. Please put it right without delay.",
    ),
    "notice.matter": ("督办事项", "item"),
    "notice.source": ("任务来源", "as committed"),
    "notice.deadline": ("整改时限", "put right by"),
    "notice.by": ("{date}前", "{date}"),
    "notice.request": (
        "请于{date}前将整改措施、进展情况及佐证材料书面报送{issuer}。逾期未报的，在下期督查通报中予以通报。",
        "Report your measures, progress and evidence in writing to {issuer} by {date}. An office "
        "that does not is named in the next bulletin.",
    ),
    "notice.receipt": (
        "签收人：＿＿＿＿＿＿＿＿　　签收日期：＿＿＿＿年＿＿月＿＿日",
        "Received by: ________________    Date: ____________",
    ),
    "notice.none": ("没有需要督办的滞后事项。", "No late item to send a notice about."),
    "docx_needs_output": ("--format docx 要和 --output 文件 一起用", "--format docx needs --output FILE"),
    "docx_needs_output_fix": (
        "Word 文档是文件，不能显示在终端上：加上 --output 督办通知单.docx",
        "a Word document is a file, not something to show on a terminal: add --output notices.docx",
    ),
    "docx_missing": (
        "写 Word 文档需要 python-docx",
        "writing a Word document needs python-docx",
    ),
    "docx_install": (
        "安装：pip install 'tracker[word]'（或 pip install python-docx），或改用 --format html 打印",
        "install it: pip install 'tracker[word]' (or pip install python-docx), or print --format html",
    ),
    # ── help ─────────────────────────────────────────────────────────────────
    "help.short.notice": ("每个滞后事项的督办通知单（可打印、Word）", "a supervision notice per late item (print, Word)"),
    "help.notice": (
        "为每个进度滞后事项写一份督办通知单：督办事项、任务来源、责任单位、滞后情况、存在问题、督办等级、整改时限和反馈要求，"
        "落款和签收栏；每份一页A4。--format html 用浏览器打印，--format docx 写成 Word 文档。",
        "A supervision notice (督办通知单) for each late item: the item and the sentence it comes from, "
        "its offices, how late, the problem reported, the level reached, by when to put it right and "
        "report back, the issuer and date, and a line to sign for it; one A4 page each. --format html "
        "prints from a browser, --format docx writes a Word document.",
    ),
    "help.opt.notice_owner": (
        "只写这个单位（牵头或参与）的滞后事项的通知单",
        "only the late items of this office (leading or sharing them)",
    ),
    "help.opt.bulletin_number_district": (
        "通报期号（默认：当年第几周）",
        "the bulletin's number (default: the week of the year)",
    ),
}
# fmt: on
