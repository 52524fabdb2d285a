"""June 2020 of the bundled plan as every office reports it on its monthly
form: what each clerk types (FILLED), the slips some make first (MISTAKES),
who signs each form, and the software each office saves it with. make.py
turns this into the forms LibreOffice saved (the files beside it);
tests/test_forms.py imports them and checks every figure that lands."""

from __future__ import annotations

import datetime as dt

AS_OF = "2020-06-30"


class Percent(float):
    """A cell typed with a per-cent sign in the office suite: stored as the
    fraction (0.071), formatted as per cent."""


# The office (by its short name) → what its software saves the form as: an
# .xlsx, or a CSV in UTF-8, GB18030, GBK (Chinese Windows' default, code page
# 936) or UTF-16 ("Unicode text").
FORMATS = {
    "发改局": "xlsx", "工信局": "utf-8", "科技局": "gb18030", "住建局": "gbk",
    "文旅广体局": "utf-16", "卫健局": "xlsx", "水利局": "utf-8", "城管局": "gb18030",
    "农业农村局": "gbk", "应急局": "utf-16", "国资中心": "utf-16", "财政局": "xlsx",
    "民政局": "utf-8", "网格指挥中心": "gb18030", "宣传部": "gbk", "人社局": "xlsx",
    "教育局": "utf-8", "政务中心": "gb18030", "政法委": "gbk", "组织部": "utf-16",
}  # fmt: skip

# What each clerk types: (goal, column) → the cell's value. An empty 日期 is
# the form's day (2020-06-30); rows without a 填报人 are by the one who signs.
FILLED = {
    "发改局": {("industry.crrc-reform-policy", "note"): "政策措施已报区政府审定",
               ("industry.crrc-projects-kept", "items"): "新能源汽车电驱"},
    "工信局": {("industry.projects-started", "items"): "智能涂装、九方铸造",
               ("industry.jiufang-gearbox", "note"): "设备安装调试中"},
    "科技局": {("newtown.innovation-entrants", "items"): "科创企业"},
    "住建局": {("housing.three-supplies", "done"): "是",
               ("housing.three-supplies", "date"): dt.date(2020, 4, 28),
               ("newtown.road-network", "note"): "主干道完成铺设"},
    "文旅广体局": {("culture.24h-bookstores", "add"): 1},
    "卫健局": {("health.medical-alliance", "items"): "医联体分级诊疗"},
    "水利局": {("water.sewer-separation", "items"): "湘天桥片区"},
    "城管局": {("parks.pocket-parks", "items"): "丁山社区"},
    "农业农村局": {("rural.eco-farm-bases", "items"): "长石、九塘"},
    "应急局": {("rural.jiulang-safety-base", "note"): "选址已定"},
    "国资中心": {("reform.transferred-enterprises", "total"): "５",  # full width
                 ("reform.remaining-enterprises", "add"): 2},
    "财政局": {("finance.general-spending-cut", "total"): Percent(0.071),  # 7.1% typed
               ("finance.special-spending-cut", "total"): "8.5%",
               ("finance.three-public-cut", "total"): 12,
               ("finance.budget-discipline", "items"): "预算刚性约束机制"},
    "民政局": {("governance.three-lists", "items"): "社区公共服务清单、群众自治事务清单",
               ("governance.social-work-stations", "items"): "社工站"},
    "网格指挥中心": {("governance.grid-wechat-platform", "done"): "是"},
    "宣传部": {("governance.feature-streets", "note"): "完成街区方案"},
    "人社局": {("jobs.training", "total"): "1,790",
               ("jobs.placement", "add"): 600,
               ("jobs.placement", "by"): "李四",
               ("jobs.community-college", "done"): "是"},
    "教育局": {("education.xuefengling-school", "note"): "主体工程完工"},
    "政务中心": {("services.xin-shifeng-app", "items"): "图书阅读、社保医保"},
    "政法委": {("safety.three-no-communities", "note"): "8个社区申报"},
    "组织部": {("cadres.training-courses", "items"): "法律、财务"},
}  # fmt: skip

# The slips made first, each over FILLED, and the column each is refused at.
MISTAKES = {
    "人社局": {  # a count typed as a percentage; the figure typed in 说明
        ("jobs.training", "total"): (Percent(0.5), "total"),
        ("jobs.placement", "add"): (None, "note"),
        ("jobs.placement", "note"): ("600人", "note"),
    },
    "财政局": {("finance.general-spending-cut", "total"): ("7,1", "total")},  # a decimal comma
    "住建局": {("housing.three-supplies", "done"): ("完成了", "done")},
    "国资中心": {("reform.transferred-enterprises", "total"): ("５家", "total")},
    "文旅广体局": {("culture.24h-bookstores", "add"): ("1,5", "add")},
}  # fmt: skip

SIGNERS = {office: f"{office}填报员" for office in FORMATS}
CHECKER, PHONE = "督查专员", "0731-28000000"

# What the clerks meant, as the log must hold it once every fixed form is in:
# each count and level's figure (7.1% typed is 7.1, "1,790" is 1,790, "５" is 5)…
MEANT = {
    "jobs.training": 1790, "jobs.placement": 600, "finance.general-spending-cut": 7.1,
    "finance.special-spending-cut": 8.5, "finance.three-public-cut": 12,
    "reform.transferred-enterprises": 5, "reform.remaining-enterprises": 2,
    "culture.24h-bookstores": 1,
}  # fmt: skip
# … and the milestones done, on the day given or the form's.
DONE = {"housing.three-supplies": "2020-04-28", "governance.grid-wechat-platform": AS_OF,
        "jobs.community-college": AS_OF}  # fmt: skip
