"""The catalogue's words for evidence files (佐证材料): `tracker attach` and
`tracker evidence list|show|export` — their help, headers and sentences.
{key: (Chinese, English)}. The problems evidence files can have are in
problems.py with every other problem."""

from __future__ import annotations

PHRASES: dict[str, tuple[str, str]] = {
    # ── help ────────────────────────────────────────────────────────────────
    "help.short.attach": (
        "为已有记录补附佐证材料。",
        "Attach evidence files to an entry already logged.",
    ),
    "help.attach": (
        "为记录 ENTRY（其编号，或 `tracker entries` 显示的唯一开头部分）补附佐证材料 FILE（可多个）。"
        "每个文件按内容（SHA-256）在数据文件夹的 evidence/ 中只保存一份，"
        "记录中写下文件名、大小和校验值。\n\n"
        "以下情况拒绝，不写入任何内容（退出码 3）：文件夹、链接、管道等非普通文件、无法读取的文件、"
        "超过计划限额（[plan.verification] evidence_max_mb，默认 50 MB）的文件，"
        "以及不存在、已撤销或本身是撤销、核实、附件的记录。",
        "Attach evidence files FILE… to ENTRY (its id, or a unique start of it as `tracker "
        "entries` shows). Each file is kept once, by its content (SHA-256), under the data "
        "folder's evidence/; the log records its name, size and hash.\n\n"
        "Refused, with nothing written (exit 3): a folder, a link, a pipe or another file that "
        "is not regular, an unreadable file, one above the plan's limit ([plan.verification] "
        "evidence_max_mb, 50 MB by default), and an entry that is unknown, retracted, or itself "
        "a retraction, verdict or attachment.",
    ),
    "help.opt.attach_note": ("这些材料是什么。", "What the files are."),
    "help.opt.attach_by": (
        "附件人（默认：配置文件中的 by，否则为登录名）。",
        "Who attaches them (default: `by` in the config file, else your login name).",
    ),
    "help.opt.attach_dry_run": (
        "只读取并检查这些文件，不保存、不写入。",
        "Read and check the files; keep and write nothing.",
    ),
    "help.short.evidence": (
        "佐证材料：列出、查看、导出。",
        "Evidence files: list, show, export.",
    ),
    "help.evidence": (
        "记录所附的佐证材料。一条记录的材料包括它自带的，以及此后用 `tracker attach` 补附的。",
        "The evidence files of entries: an entry's own, and those attached to it since with "
        "`tracker attach`.",
    ),
    "help.short.evidence_list": ("按目标或记录列出佐证材料。", "Evidence files by goal or entry."),
    "help.short.evidence_show": (
        "一条记录的材料：保存在哪里，是否完好。",
        "One entry's files: where each is kept, whether intact.",
    ),
    "help.short.evidence_export": (
        "按原文件名把材料复制到文件夹。",
        "Copy files to a folder under their own names.",
    ),
    "help.evidence_list": (
        "列出佐证材料：每个文件一行，写明所属记录、目标、日期、名称和大小。"
        "已撤销记录的材料不列出。",
        "List evidence files, one row each: the entry, goal and date it belongs to, its name "
        "and size. Files of retracted entries are left out.",
    ),
    "help.evidence_show": (
        "一条记录的全部佐证材料：每个文件保存在哪里，是否还在、是否完好（按 SHA-256 重新校验）。",
        "Every evidence file of one entry: where each is kept, and whether it is there and "
        "intact (hashed again).",
    ),
    "help.evidence_export": (
        "把佐证材料按原文件名复制到文件夹 DIR（名称改为安全且不重复的；不会覆盖已有文件）。"
        "每个文件复制时都重新校验：缺失或被改动的不复制，并指出来（退出码 3）。",
        "Copy evidence files to folder DIR under their original names (made safe and unique; "
        "no file there is overwritten). Each is hashed as it is copied: one missing or altered "
        "is not copied, and is named (exit 3).",
    ),
    "help.opt.evidence_goal": ("只看这一目标的材料。", "Only this goal's files."),
    "help.opt.evidence_entry": ("只看这一记录的材料。", "Only this entry's files."),
    "help.opt.evidence_all": ("全部记录的材料。", "Every entry's files."),
    "help.opt.evidence_to": (
        "复制到这个文件夹（没有就新建）。",
        "The folder to copy to (made if missing).",
    ),
    "help.opt.evidence_format": (
        "输出格式（默认：{default}；csv 每个文件一行）。",
        "Output format (default: {default}; csv has a row per file).",
    ),
    "help.opt.check_fast": (
        "佐证材料只查是否存在、大小是否相符，不重新计算校验值（更快，但查不出同样大小的改动）。",
        "Check evidence files by presence and size only, without hashing them again "
        "(faster; an edit that keeps the size goes unseen).",
    ),
    "evidence.which": (
        "请用 --goal、--entry 或 --all 指明导出哪些材料（只选一个）",
        "say which files to export: --goal, --entry or --all (one of them)",
    ),
    "evidence.which_fix": (
        "例如 tracker evidence export --goal jobs.training --to 材料",
        "e.g. tracker evidence export --goal jobs.training --to files",
    ),
    # ── attach ──────────────────────────────────────────────────────────────
    "attach.attached": (
        "已为记录 {id}（{goal}，{date}）附加 {count} 个佐证材料：{names}（附件记录 {new}）",
        "attached {count} evidence file(s) to {id} ({goal}, {date}): {names} (with {new})",
    ),
    "attach.would_attach": (
        "将为记录 {id}（{goal}，{date}）附加 {count} 个佐证材料：{names}（附件记录 {new}）",
        "would attach {count} evidence file(s) to {id} ({goal}, {date}): {names} (with {new})",
    ),
    # ── list, show, export ──────────────────────────────────────────────────
    "evidence.entry": ("记录", "entry"),
    "evidence.goal": ("目标", "goal"),
    "evidence.date": ("日期", "date"),
    "evidence.name": ("文件名", "file"),
    "evidence.size": ("大小", "size"),
    "evidence.via": ("附于", "by line"),
    "evidence.own": ("随记录", "with the entry"),
    "evidence.stored": ("保存位置", "kept at"),
    "evidence.condition": ("状况", "condition"),
    "evidence.intact": ("完好", "intact"),
    "evidence.missing": ("缺失", "missing"),
    "evidence.altered": ("已被改动", "altered"),
    "evidence.count": ("共 {count} 个佐证材料", "{count} evidence file(s)"),
    "evidence.none": ("（没有佐证材料）", "(no evidence files)"),
    "evidence.show_head": (
        "记录 {id}：{goal}，{date}，{change}{retracted}",
        "entry {id}: {goal}, {date}, {change}{retracted}",
    ),
    "evidence.retracted": ("（已撤销）", " (retracted)"),
    "evidence.exported": (
        "已将 {count} 个佐证材料复制到 {folder}",
        "copied {count} evidence file(s) to {folder}",
    ),
    "evidence.size_bytes": ("{size} 字节", "{size} bytes"),
    "evidence.size_kb": ("{size} KB", "{size} KB"),
    "evidence.size_mb": ("{size} MB", "{size} MB"),
    "change.attaches": ("附 {count} 个材料 → {id}", "{count} file(s) → {id}"),
    "entries.evidence": ("附 {count} 个材料", "{count} file(s)"),
    "field.attaches": ("补附材料的记录", "attaches"),
    "field.evidence": ("佐证材料", "evidence"),
}
