"""The catalogue's words for a city of districts: city.toml's problems, the
districts left out and why, the city's reports, rankings and their rule, the
bulletin, and data out (export, sql). {key: (Chinese, English)}."""

from __future__ import annotations

PHRASES: dict[str, tuple[str, str]] = {
    # ── the city folder and city.toml ────────────────────────────────────────
    "city.no_file_in": (
        "{folder} 中没有 city.toml（来自 {origin}）",
        "no city.toml in {folder} (from {origin})",
    ),
    "city.point_at": (
        "让 {origin} 指向存放 city.toml 的文件夹",
        "point {origin} at the folder holding city.toml",
    ),
    "city.no_file_here": (
        "当前文件夹及其上级文件夹中都没有 city.toml",
        "no city.toml here or in any parent folder",
    ),
    "city.run_inside": (
        "在市级文件夹中运行，或使用 --city DIR，或用 `tracker init --city DIR` 新建一个",
        "run it inside the city folder, or pass --city DIR, or start one with `tracker init --city DIR`",
    ),
    "city.tables": (
        "city.toml 只有 [city]、[[district]] 和 [[indicator]] 三种表",
        "city.toml has [city], [[district]] and [[indicator]] tables",
    ),
    "city.no_city_table": ("city.toml 缺少 [city] 表", "city.toml has no [city] table"),
    "city.add_city_table": (
        "在文件开头加上 [city]，写明 id、title、title_en 和 year",
        "add a [city] table with id, title, title_en and year",
    ),
    "city.not_tables": ("{table} 应是一组表", "{table} must be a list of tables"),
    "city.path_or_url": (
        "区县“{district}”应当只写 path 或 url 中的一个",
        "district '{district}' must have exactly one of path and url",
    ),
    "city.path_or_url_fix": (
        '本地文件夹写 path = "districts/石峰区"；git 仓库写 url 和 ref',
        'a local folder: path = "districts/shifeng"; a git repository: url and ref',
    ),
    "city.ref_needs_url": ("ref 只用于 git 仓库（url）", "ref is for a git repository (url) only"),
    "city.ref_needs_url_fix": (
        "删除 ref，或把 path 换成 url",
        "remove ref, or give a url instead of the path",
    ),
    "city.indicator_twice": ("指标代码“{code}”重复", "indicator code '{code}' is listed twice"),
    "city.indicator_twice_fix": ("每个指标代码只列一次", "list each indicator code once"),
    "city.scoring_table": (
        "scoring 应是一个表：[city.scoring]",
        "scoring must be a table: [city.scoring]",
    ),
    "city.scoring_fix": (
        "写成 [city.scoring]，例如 completion = 0.7、on_time = 0.3（非负数，不能全为 0）",
        "write [city.scoring] with e.g. completion = 0.7 and on_time = 0.3 (not negative, not all 0)",
    ),
    "city.weight_negative": ("权重 {key} 不能为负数", "the weight {key} cannot be negative"),
    "city.weights_zero": ("评分权重不能全为 0", "the scoring weights cannot all be 0"),
    "city.city_problems": ("city.toml 中有 {count} 处问题", "{count} problem(s) in city.toml"),
    "city.city_problems_fix": (
        "按上面的提示改正 city.toml",
        "fix city.toml as the lines above say",
    ),
    # ── a district left out, and why ─────────────────────────────────────────
    "city.district_twice": (
        "区县编号“{district}”已被前面的区县使用，本区县未纳入",
        "district id '{district}' is claimed by an earlier district; this one is left out",
    ),
    "city.district_twice_fix": ("每个区县用不同的 id", "give each district an id of its own"),
    "city.symlink_out": (
        "区县“{district}”的文件夹 {folder} 是指向市级文件夹之外的符号链接，未读取",
        "district '{district}': its folder {folder} is a symbolic link out of the city folder; not read",
    ),
    "city.outside": (
        "区县“{district}”的文件夹 {folder} 在市级文件夹之外，未读取",
        "district '{district}': its folder {folder} is outside the city folder; not read",
    ),
    "city.outside_fix": (
        "把区县文件夹放进市级文件夹，或写成 git 仓库的 url 再运行 `tracker city fetch`",
        "put the district's folder inside the city folder, or name its git repository with url and run `tracker city fetch`",
    ),
    "city.missing": (
        "区县“{district}”的文件夹 {folder} 不存在",
        "district '{district}': its folder {folder} does not exist",
    ),
    "city.missing_fix": ("检查 city.toml 中的 path", "check its path in city.toml"),
    "city.not_fetched": (
        "区县“{district}”的仓库还没有取回（{folder} 不存在）",
        "district '{district}': its repository has not been fetched ({folder} does not exist)",
    ),
    "city.fetch_first": ("先运行 `tracker city fetch`", "run `tracker city fetch` first"),
    "city.not_a_plan": (
        "区县“{district}”的文件夹 {folder} 中没有 goals.toml，不是计划文件夹",
        "district '{district}': {folder} holds no goals.toml; it is not a plan folder",
    ),
    "city.not_a_plan_fix": (
        "让 path 或 url 指向存放 goals.toml 的文件夹或仓库",
        "point its path or url at the folder or repository holding goals.toml",
    ),
    "city.plan_problems": (
        "区县“{district}”的 goals.toml 中有 {count} 处问题，本区县未纳入",
        "district '{district}': {count} problem(s) in its goals.toml; it is left out",
    ),
    "city.plan_problems_fix": (
        "请该区县在其文件夹中运行 `tracker check` 并改正",
        "the district runs `tracker check` in its folder and fixes them",
    ),
    "city.other_year": (
        "区县“{district}”的计划是 {year} 年的，本市汇总的是 {city_year} 年，本区县未纳入",
        "district '{district}': its plan is for {year}, the city's for {city_year}; it is left out",
    ),
    "city.other_year_fix": (
        "把 ref 指向该区县 {city_year} 年计划所在的分支或标签",
        "point its ref at the branch or tag holding its {city_year} plan",
    ),
    "city.log_problems": (
        "区县“{district}”的 progress/ 中有 {count} 处问题，这些行不计入，其余照常统计",
        "district '{district}': {count} problem(s) in its progress/; those lines do not count, the rest does",
    ),
    "city.log_problems_fix": (
        "请该区县运行 `tracker check` 查看位置",
        "the district runs `tracker check` to see where",
    ),
    "city.unknown_indicator": (
        "目标“{goal}”的指标代码“{code}”不在本市的指标清单中，该目标不参与比较",
        "goal '{goal}': indicator code '{code}' is not on the city's list; it is not compared",
    ),
    "city.indicators_are": ("本市的指标代码：{codes}", "the city's indicator codes: {codes}"),
    "city.indicator_named_twice": (
        "目标“{goal}”与“{other}”都标为指标“{code}”，只比较前者",
        "goals '{other}' and '{goal}' both name indicator '{code}'; only the first is compared",
    ),
    "city.indicator_named_twice_fix": (
        "一个区县每个指标只标一个目标",
        "a district names each indicator on one goal",
    ),
    # ── fetching ─────────────────────────────────────────────────────────────
    "city.unreachable": (
        "区县“{district}”的仓库 {url} 无法取回：{detail}",
        "district '{district}': its repository {url} could not be fetched: {detail}",
    ),
    "city.unreachable_fix": (
        "检查 url 和网络；其他区县照常取回，上次取回的版本仍可使用",
        "check the url and the network; the other districts were fetched, and the last fetched copy is still used",
    ),
    "city.no_ref": (
        "区县“{district}”的仓库 {url} 中没有 {ref}",
        "district '{district}': {url} has no {ref}",
    ),
    "city.no_ref_fix": (
        "把 ref 改成该仓库中存在的分支、标签或提交",
        "set ref to a branch, tag or commit the repository has",
    ),
    "city.git_missing": ("没有安装 git", "git is not installed"),
    "city.git_timeout": ("git 超过 {seconds} 秒未完成", "git took longer than {seconds} s"),
    "city.git_failed": ("git 失败（退出码 {code}）", "git failed (exit code {code})"),
    "city.fetch_cloned": ("已克隆 {district}：{commit}", "cloned {district}: {commit}"),
    "city.fetch_updated": ("已更新 {district}：{commit}", "updated {district}: {commit}"),
    "city.fetch_local": ("本地文件夹 {district}：{commit}", "local folder {district}: {commit}"),
    "city.fetch_failed": (
        "未能取回 {district}（见上方的问题）",
        "could not fetch {district} (see the problem above)",
    ),
    # ── the city's reports ───────────────────────────────────────────────────
    "city.status_title": ("{city} · 各区县进展", "{city} · districts"),
    "city.header": (
        "截至 {as_of} · {count} 个区县，纳入统计 {counted} 个 · 时间进度 {elapsed}",
        "as of {as_of} · {count} districts, {counted} counted · {elapsed} of the year gone",
    ),
    "city.district": ("区县", "district"),
    "city.commit": ("数据版本", "commit"),
    "city.schedule": ("序时进度", "schedule"),
    "city.indicators_title": ("各项指标", "indicators"),
    "city.no_indicator": ("（本市没有列出指标）", "(the city lists no indicators)"),
    "city.no_district": ("（没有可统计的区县）", "(no district to count)"),
    "city.no_goal": ("无此指标", "no such goal"),
    "city.left_out_line": ("未纳入：{district}——{reason}", "left out: {district} — {reason}"),
    "city.log_problems_line": (
        "{district}：日志中有 {count} 处问题，这些行不计入",
        "{district}: {count} problem(s) in its log; those lines do not count",
    ),
    "city.show_header": (
        "截至 {as_of} · {count} 个区县有此指标",
        "as of {as_of} · {count} districts report it",
    ),
    "city.no_such_indicator": ("没有指标“{code}”", "no indicator '{code}'"),
    "city.sheet_goals": ("各区县目标", "goals by district"),
    "city.wrote": ("已写入 {path}（{district}）", "wrote {path} ({district})"),
    # ── help ─────────────────────────────────────────────────────────────────
    "help.short.city": (
        "市级汇总：多个区县的进展、排名和通报",
        "a city of districts: status, rankings, bulletin",
    ),
    "help.city": (
        "市级汇总：city.toml 列出各区县的计划文件夹或 git 仓库、指标清单和评分规则；"
        "各区县的状态都由 tracker 按该区县自己的文件算出。",
        "A city of districts: city.toml lists the districts' plan folders or git repositories, "
        "a code list of indicators and the scoring rule; every district's states come from "
        "tracker's own engine over that district's files.",
    ),
    "help.city_fetch": (
        "克隆或更新各区县的 git 仓库到市级文件夹（按各自的 ref），并显示所用的提交。",
        "Clone or fetch each district's git repository into the city folder at its ref, and show the commit.",
    ),
    "help.city_status": (
        "各区县 × 各指标：完成值、目标、状态、序时进度。",
        "Districts × indicators: value, target, state, schedule.",
    ),
    "help.city_show": (
        "一个指标在各区县的情况（INDICATOR：指标代码或名称）。",
        "Every district on one indicator (INDICATOR: its code or name).",
    ),
    "help.city_rank": (
        "各区县和各区县责任单位按结果排名（完成率、按期报送率），表下写明评分规则和较上期的变化。",
        "Districts, and offices across districts, ranked on outcomes (completion, on-time reporting), "
        "with the scoring rule under the table and the movement since the last period.",
    ),
    "help.city_summary": (
        "全市督查通报：报头、总体情况、各区县滞后事项和排名；--split-by district 每个区县一份。",
        "The city's bulletin: masthead, overall situation, late items by district and the rankings; "
        "--split-by district writes one per district.",
    ),
    "help.opt.city": (
        "市级文件夹（存放 city.toml；默认：$TRACKER_CITY，或当前文件夹及其上级中最近的一个）",
        "the city folder (holding city.toml; default: $TRACKER_CITY, or the nearest one from here up)",
    ),
    "help.opt.city_since": (
        "本期开始日期，与前一天比较变化（默认：截止日期前7天）",
        "the period's first day; movement is against the day before (default: the 7 days ending --as-of)",
    ),
    "help.opt.bulletin_number": (
        "通报期号（默认：当年第几周）",
        "the bulletin's number (default: the week of the year)",
    ),
    "help.opt.split_district": (
        "每个区县写一份通报到 --output 指定的文件夹",
        "write one bulletin per district into the folder --output names",
    ),
    "help.opt.init_city": (
        "新建市级文件夹：city.toml（区县、指标、评分规则）",
        "start a city folder instead: city.toml (districts, indicators, scoring rule)",
    ),
    "init.city_next": (
        "下一步：在 {folder}/city.toml 中列出各区县，然后运行 `tracker city fetch`",
        "next: list the districts in {folder}/city.toml, then run `tracker city fetch`",
    ),
    # ── data out: export and sql ─────────────────────────────────────────────
    "help.short.export": (
        "导出分析数据（Parquet）：记录和每周目标状态",
        "data out for analysts (Parquet): entries and weekly goal states",
    ),
    "help.export": (
        "把本区（或 --city 指定的全市各区县）的全部记录和每周目标状态导出为按区县分区的 Parquet 文件，"
        "写到 DIR 下的 entries/ 和 states/，并在 DIR/export.json 中记下各区县的数据版本。"
        "需要安装 tracker[analytics]。",
        "Write the district's (or, with --city, every district's) entries and weekly goal states as "
        "Parquet partitioned by district, under DIR/entries/ and DIR/states/, with DIR/export.json "
        "saying what each district's files were made from. Needs tracker[analytics].",
    ),
    "help.opt.export_format": (
        "导出格式（默认：{default}）",
        "the files' format (default: {default})",
    ),
    "help.opt.export_city": (
        "导出这个市级文件夹中的所有区县",
        "export every district of this city folder",
    ),
    "help.short.sql": ("用 DuckDB 查询导出的数据", "query an export with DuckDB"),
    "help.sql": (
        "用 DuckDB 对导出的数据运行一条 SQL 查询：表 entries（记录）和 states（每周目标状态），"
        "district 列是区县编号。需要安装 tracker[analytics]。",
        "Run a SQL query with DuckDB over an export: the tables entries (the log's lines) and states "
        "(weekly goal states), each with a district column. Needs tracker[analytics].",
    ),
    "help.opt.sql_export": ("导出文件夹（默认：export）", "the export folder (default: export)"),
    "export.no_pyarrow": (
        "没有安装 pyarrow，无法写 Parquet",
        "pyarrow is not installed: no Parquet can be written",
    ),
    "sql.no_duckdb": ("没有安装 DuckDB，无法查询", "DuckDB is not installed: no query can run"),
    "export.install_extra": (
        "运行 pip install 'tracker[analytics]'",
        "run pip install 'tracker[analytics]'",
    ),
    "export.cannot_write": ("无法写入：{reason}", "cannot write: {reason}"),
    "export.cannot_write_fix": (
        "检查文件夹的权限和剩余空间",
        "check the folder's permissions and free space",
    ),
    "export.wrote": (
        "已导出 {district}：{entries} 条记录，{states} 条每周状态",
        "exported {district}: {entries} entries, {states} weekly states",
    ),
    "export.left_out": (
        "未导出 {district}（见上方的问题）",
        "not exported: {district} (see the problem above)",
    ),
    "export.where": (
        "文件在 {folder}（说明见其中的 export.json）",
        "files in {folder} (export.json there says what they hold)",
    ),
    "sql.no_export": (
        "{folder} 中没有导出的数据（entries/ 或 states/）",
        "{folder} holds no export (entries/ or states/)",
    ),
    "sql.no_export_fix": (
        "先运行 `tracker export --format parquet DIR`，再用 --export DIR 指向它",
        "run `tracker export --format parquet DIR` first, and point --export DIR at it",
    ),
    "sql.failed": ("查询失败：{detail}", "the query failed: {detail}"),
    "sql.failed_fix": (
        "表名是 entries 和 states；列见 README 的 Parquet 一节",
        "the tables are entries and states; their columns are in the README's Parquet section",
    ),
    "sql.rows": ("{count} 行", "{count} rows"),
    "sql.no_rows": ("（查询没有结果）", "(no rows)"),
    # ── workbook and CSV columns ─────────────────────────────────────────────
    "field.district": ("区县编号", "district"),
    "field.district_name": ("区县", "district name"),
    "field.indicator": ("指标代码", "indicator"),
    "field.commit": ("数据版本", "commit"),
    "field.place": ("名次", "place"),
    "field.name": ("名称", "name"),
    "field.group": ("所属区县", "district"),
    "field.completion": ("完成率", "completion"),
    "field.on_time": ("按期报送率", "on-time reporting"),
    "field.score": ("得分", "score"),
    "field.previous_place": ("上期名次", "previous place"),
    "field.movement": ("较上期", "movement"),
}
