"""Half a year of the bundled plan as a district would live it: the offices'
monthly reports from January to June 2020 (notes, problems and next steps as
staff write them, a slip retracted, offices that stopped reporting), the
leaders in charge of each office, the bulletin's masthead, and one revised
target with its document number. One folder, made once per test session
(`halfyear` in conftest.py) and only read by the tests that share it.

`python -m tests.halfyear DIR` makes the same folder to look at by hand:
`tracker --data DIR summary --as-of 2020-06-30 --format html --output 通报.html`."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2020-06-30"  # 时间过半: the bulletin a 区长 reads at mid-year
WEEK = "2020-W27"  # the week holding AS_OF (Monday 2020-06-29)

# Who is in charge of which office (分管领导). The report names none; these
# are made up for the test, as a district's division of work (分工) would give.
LEADERS = {
    "区发展和改革局": ("发改局", "王建华"),
    "区工业和信息化局": ("工信局", "王建华"),
    "区科学技术局": ("科技局", "李明"),
    "区住房和城乡建设局": ("住建局", "赵红"),
    "区文化旅游广电体育局": ("文旅广体局", "周敏"),
    "区卫生健康局": ("卫健局", "周敏"),
    "区水利局": ("水利局", "孙伟"),
    "区城市管理和综合执法局": ("城管局", "赵红"),
    "区农业农村局": ("农业农村局", "孙伟"),
    "区应急管理局": ("应急局", "孙伟"),
    "区国有资产事务中心": ("国资中心", "王建华"),
    "区财政局": ("财政局", "王建华"),
    "区民政局": ("民政局", "周敏"),
    "区网格化服务管理指挥中心": ("网格中心", "李明"),
    "区委宣传部": ("宣传部", "李明"),
    "区人力资源和社会保障局": ("人社局", "李明"),
    "区教育局": ("教育局", "周敏"),
    "区政务服务中心": ("政务中心", "李明"),
    "区委政法委": ("政法委", "孙伟"),
    "区委组织部": ("组织部", "王建华"),
}

BULLETIN = """
[plan.bulletin]
issuer = "石峰区人民政府督查室"
to = "区委、区政府主要领导"
cc = "区委、区人大、区政府、区政协领导，各街道，区直各单位"
supervise_after = 15
circulate_after = 30
reply_within = 7
"""

REVISION = (
    'revisions = [{date = 2020-05-20, target = 2500, reason = "受新冠肺炎疫情影响，一季度线下培训暂停",'
    ' document = "石政发〔2020〕9号"}]\n'
)


def plan_text(text: str) -> str:
    """The bundled goals.toml with the leaders in charge, the bulletin's
    masthead and one revised target: what a district adds to it by hand.
    Offices the plan already lists get their leader; others are listed."""
    if "[[plan.offices]]" in text:
        for name, (_, leader) in LEADERS.items():
            text = re.sub(
                rf'(\[\[plan\.offices\]\]\nname = "{re.escape(name)}"\n(?:short = "[^"]*"\n)?)',
                rf'\1leader = "{leader}"\n',
                text,
            )
    else:
        offices = "".join(
            f'\n[[plan.offices]]\nname = "{name}"\nshort = "{short}"\nleader = "{leader}"\n'
            for name, (short, leader) in LEADERS.items()
        )
        text = text.replace("\n# ── 经济发展", offices + "\n# ── 经济发展", 1)
    text = text.replace("\n# ── 经济发展", BULLETIN + "\n# ── 经济发展", 1)
    training = text.index('id = "jobs.training"')
    at = text.index("source = ", training)
    return text[:at] + REVISION + text[at:]


def _e(goal, date, by, note="", **what) -> dict:
    entry = {"goal": goal, "date": date, "by": by, "note": note, **what}
    return {k: v for k, v in entry.items() if v not in ("", None)}


# The offices' reports, January to June. Staff names are made up.
ENTRIES = [
    # 发改局: the policy issued in March; one of the two projects kept in June.
    _e(
        "industry.crrc-reform-policy",
        "2020-02-28",
        "发改局 陈亮",
        "起草《支持参与中车集团混改的若干措施》",
    ),
    _e(
        "industry.crrc-reform-policy",
        "2020-03-20",
        "发改局 陈亮",
        "区政府常务会议审议通过并印发",
        done=True,
    ),
    _e(
        "industry.crrc-projects-kept",
        "2020-04-10",
        "发改局 陈亮",
        "与中车电机对接新能源汽车电驱项目落地事宜",
    ),
    _e(
        "industry.crrc-projects-kept",
        "2020-06-12",
        "发改局 陈亮",
        "签订新能源汽车电驱项目留区协议",
        items=["新能源汽车电驱"],
    ),
    # 工信局: one project started; the platform's land is still being approved.
    _e("industry.projects-started", "2020-03-15", "工信局 刘洋", "三个项目完成前期手续"),
    _e(
        "industry.projects-started",
        "2020-04-25",
        "工信局 刘洋",
        "智能涂装项目开工",
        items=["智能涂装"],
    ),
    _e("industry.projects-started", "2020-05-28", "工信局 刘洋", "九方铸造完成施工图审查"),
    _e(
        "industry.projects-started",
        "2020-06-26",
        "工信局 刘洋",
        "株洲所创新实验平台用地报批中",
        next_step="7月完成土地挂牌",
        next_by="2020-07-31",
    ),
    _e("industry.jiufang-gearbox", "2020-02-10", "工信局 刘洋", "九方齿轮箱项目设备安装"),
    # 住建局: the road network reported monthly; the handover is late.
    _e("newtown.road-network", "2020-01-20", "住建局 黄磊", "一桥一塘六路全面施工"),
    _e("newtown.road-network", "2020-03-25", "住建局 黄磊", "疫情后全面复工，清水塘大道路基施工"),
    _e("newtown.road-network", "2020-04-28", "住建局 黄磊", "霞湾路完成管网铺设"),
    _e("newtown.road-network", "2020-05-27", "住建局 黄磊", "清水塘大道完成路基"),
    _e(
        "newtown.road-network",
        "2020-06-22",
        "住建局 黄磊",
        "清水塘大道完成路基，霞湾路完成60%",
        next_step="9月底前主干道路面贯通",
        next_by="2020-09-30",
    ),
    _e("services.tianxin-town", "2020-04-15", "住建局 黄磊", "田心工业小镇规划方案通过评审"),
    _e("services.tianxin-town", "2020-06-20", "住建局 黄磊", "启动小镇入口广场建设"),
    _e("housing.three-supplies", "2020-03-31", "住建局 黄磊", "供水、供电分户改造完成"),
    _e(
        "housing.three-supplies",
        "2020-04-28",
        "住建局 黄磊",
        "供气中压管网改造滞后，无法按期完成移交",
        next_step="5月底前完成供气管网改造",
        next_by="2020-05-31",
    ),
    _e(
        "housing.three-supplies",
        "2020-05-29",
        "住建局 黄磊",
        "供气管网改造完成80%，燃气公司接收验收未完成",
        next_step="6月底前完成供气移交",
        next_by="2020-06-30",
    ),
    _e(
        "housing.three-supplies",
        "2020-06-24",
        "住建局 黄磊",
        "供气资产评估未完成，与燃气公司的资产划转协议尚未签订\n移交再次推迟",
        next_step="7月底前完成供气移交",
        next_by="2020-07-31",
    ),
    _e("housing.old-estates-batch1", "2020-05-15", "住建局 黄磊", "第一批12个小区改造方案编制中"),
    _e(
        "housing.old-estates-batch1",
        "2020-06-23",
        "住建局 黄磊",
        "待“三供一业”移交完成后启动",
        next_step="8月启动第一批小区施工招标",
        next_by="2020-08-31",
    ),
    # 科技局
    _e(
        "newtown.innovation-entrants",
        "2020-06-18",
        "科技局 吴静",
        "首批12家科创企业入驻新城",
        items=["科创企业"],
    ),
    # 文旅广体局: a plan drafted in March, nothing since; one bookstore open.
    _e(
        "services.industrial-tourism",
        "2020-03-30",
        "文旅广体局 郑浩",
        "完成清水塘工业文旅板块策划方案初稿",
    ),
    _e(
        "culture.24h-bookstores",
        "2020-05-20",
        "文旅广体局 郑浩",
        "首个24小时书屋在田心开放",
        value=1,
    ),
    # 卫健局
    _e(
        "services.medical-elderly-care",
        "2020-05-20",
        "卫健局 冯雪",
        "桥梁厂医院完成资源整合",
        items=["桥梁厂医院"],
    ),
    _e(
        "services.medical-elderly-care", "2020-06-25", "卫健局 冯雪", "智成医院整合方案报区政府审定"
    ),
    _e(
        "health.medical-alliance",
        "2020-03-25",
        "卫健局 冯雪",
        "家庭医生签约服务覆盖全部社区",
        items=["家庭医生签约服务"],
    ),
    _e("health.medical-alliance", "2020-06-18", "卫健局 冯雪", "与市中心医院签订医联体协议"),
    # 水利局: one area separated; the platform never reported.
    _e("water.sewer-separation", "2020-03-10", "水利局 何军", "三个片区完成设计"),
    _e(
        "water.sewer-separation",
        "2020-06-15",
        "水利局 何军",
        "湘天桥片区雨污分流改造完工",
        items=["湘天桥片区"],
    ),
    # 城管局
    _e("water.xinmin-drain", "2020-04-20", "城管局 高峰", "新民路口排水渠治理方案确定"),
    _e("water.xinmin-drain", "2020-06-10", "城管局 高峰", "新民路口排水渠清淤完成"),
    _e(
        "parks.pocket-parks",
        "2020-05-30",
        "城管局 高峰",
        "丁山社区小游园建成开放",
        items=["丁山社区"],
    ),
    # 农业农村局: the castle last reported in May.
    _e("rural.baima-castle", "2020-03-05", "农业农村局 罗平", "白马古堡概念规划编制"),
    _e("rural.baima-castle", "2020-05-25", "农业农村局 罗平", "完成古堡修缮设计"),
    _e(
        "rural.eco-farm-bases",
        "2020-05-12",
        "农业农村局 罗平",
        "长石生态农业基地建成",
        items=["长石"],
    ),
    _e("rural.eco-farm-bases", "2020-06-20", "农业农村局 罗平", "九塘基地完成土地流转"),
    # 国资中心: restructuring slower than the schedule.
    _e(
        "reform.transferred-enterprises",
        "2020-03-20",
        "国资中心 唐勇",
        "株洲电缆厂完成收尾",
        value=1,
    ),
    _e(
        "reform.transferred-enterprises",
        "2020-04-28",
        "国资中心 唐勇",
        "株洲玻璃厂完成收尾",
        value=1,
    ),
    _e(
        "reform.transferred-enterprises",
        "2020-06-19",
        "国资中心 唐勇",
        "职工安置资金缺口较大，其余5家进展缓慢",
        value=1,
        next_step="7月报请市国资委协调安置资金",
        next_by="2020-07-31",
    ),
    _e(
        "reform.remaining-enterprises",
        "2020-06-05",
        "国资中心 唐勇",
        "启动株洲电焊条厂改制",
        value=1,
    ),
    # 财政局: monthly readings of the year-to-date cuts.
    _e("finance.general-spending-cut", "2020-03-31", "财政局 张伟", "一季度", value=3.5),
    _e("finance.general-spending-cut", "2020-04-30", "财政局 张伟", "", value=4.6),
    _e("finance.general-spending-cut", "2020-05-31", "财政局 张伟", "", value=5.9),
    _e(
        "finance.general-spending-cut",
        "2020-06-30",
        "财政局 张伟",
        "疫情防控支出增加，一般性支出压减进度慢于预期",
        value=6.8,
        next_step="严控会议、差旅、培训等一般性支出",
        next_by="2020-07-31",
    ),
    _e("finance.special-spending-cut", "2020-03-31", "财政局 张伟", "一季度", value=8.5),
    _e("finance.special-spending-cut", "2020-06-30", "财政局 张伟", "上半年", value=11.2),
    _e("finance.three-public-cut", "2020-03-31", "财政局 张伟", "一季度", value=14.0),
    _e("finance.three-public-cut", "2020-06-30", "财政局 张伟", "上半年", value=15.3),
    _e(
        "finance.budget-discipline",
        "2020-04-20",
        "财政局 张伟",
        "印发预算管理办法",
        items=["预算刚性约束机制"],
    ),
    _e("finance.budget-discipline", "2020-06-28", "财政局 张伟", "绩效评估试点选定5个项目"),
    # 民政局
    _e(
        "governance.three-lists",
        "2020-05-18",
        "民政局 林芳",
        "社区公共服务清单公布",
        items=["社区公共服务清单"],
    ),
    _e(
        "governance.three-lists",
        "2020-06-22",
        "民政局 林芳",
        "群众自治事务清单公布",
        items=["群众自治事务清单"],
    ),
    _e(
        "governance.social-work-stations",
        "2020-06-22",
        "民政局 林芳",
        "区社工站挂牌",
        items=["社工站"],
    ),
    # 网格中心, 宣传部, 政法委, 应急局
    _e(
        "governance.grid-wechat-platform",
        "2020-05-10",
        "网格中心 邓超",
        "网格微信群覆盖全部232个网格",
        done=True,
    ),
    _e("governance.feature-streets", "2020-04-01", "宣传部 许丽", "特色街区选址调研"),
    _e("safety.three-no-communities", "2020-02-20", "政法委 曹刚", "印发“三无”社区创建方案"),
    # 人社局: training slowed by the epidemic (a slip retracted below).
    _e("jobs.community-college", "2020-04-15", "人社局 王芳", "社区学院挂牌成立", done=True),
    _e("jobs.training", "2020-03-31", "人社局 王芳", "疫情期间开展线上培训", value=180),
    _e("jobs.training", "2020-04-30", "人社局 王芳", "社区学院第一期", value=240),
    _e("jobs.training", "2020-05-29", "人社局 王芳", "", value=290),
    _e(
        "jobs.training",
        "2020-06-28",
        "人社局 王芳",
        "线下培训场地受限，6月仅开班4期\n企业订单式培训尚未启动",
        value=240,
        next_step="7月开设社区学院第二期，与3家企业开展订单式培训",
        next_by="2020-07-31",
    ),
    _e("jobs.placement", "2020-03-31", "人社局 王芳", "", value=60),
    _e("jobs.placement", "2020-04-30", "人社局 王芳", "", value=100),
    _e("jobs.placement", "2020-05-29", "人社局 王芳", "", value=130),
    _e(
        "jobs.placement",
        "2020-06-28",
        "人社局 王芳",
        "企业招聘需求下降",
        value=150,
        next_step="7月举办2场专场招聘会",
        next_by="2020-07-31",
    ),
    # 教育局
    _e("education.xuefengling-school", "2020-03-20", "教育局 彭涛", "主体工程完工"),
    _e("education.xuefengling-school", "2020-05-20", "教育局 彭涛", "室内装修及设备采购"),
    _e(
        "education.xuefengling-school",
        "2020-06-24",
        "教育局 彭涛",
        "完成竣工验收",
        next_step="7月完成教师招聘",
        next_by="2020-07-31",
    ),
    _e("education.quantity-quality-incentive", "2020-06-10", "教育局 彭涛", "考核方案征求意见"),
    # 政务中心, 组织部
    _e("services.xin-shifeng-app", "2020-04-10", "政务中心 田甜", "完成APP需求调研"),
    _e(
        "services.xin-shifeng-app",
        "2020-06-15",
        "政务中心 田甜",
        "图书阅读模块上线",
        items=["图书阅读"],
    ),
    _e("cadres.training-courses", "2020-04-25", "组织部 蒋敏", "法律培训班", items=["法律"]),
    _e("cadres.training-courses", "2020-06-18", "组织部 蒋敏", "财务培训班", items=["财务"]),
]

# A mistyped figure and its correction: 2,400 for 240, retracted the same day.
SLIP = _e("jobs.training", "2020-04-30", "人社局 王芳", "社区学院第一期", value=2400, id="slip0430")


def make_folder(root: Path, run) -> Path:
    """`root` as a data folder: the bundled plan as the district fills it in,
    and the half year logged through the CLI (`run(*args, input=…)`)."""
    (root / "progress").mkdir(parents=True)
    text = (REPO / "goals.toml").read_text(encoding="utf-8")
    (root / "goals.toml").write_text(plan_text(text), encoding="utf-8")
    lines = "\n".join(json.dumps(e, ensure_ascii=False) for e in [*ENTRIES, SLIP])
    run("log", "--from-json", "-", input=lines)
    run("retract", "slip0430", "--reason", "多输了一个0", "--yes")
    return root


def main(argv: list[str]) -> int:
    """Make the folder at argv[0] with the tracker on this Python's path."""
    import subprocess

    root = Path(argv[0])

    def run(*args, input=None):
        command = [sys.executable, "-m", "tracker", "--data", str(root), *args]
        subprocess.run(command, input=input, text=True, check=True)

    if root.exists() and any(root.iterdir()):
        print(f"{root} is not empty", file=sys.stderr)
        return 2
    shutil.rmtree(root, ignore_errors=True)
    make_folder(root, run)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
