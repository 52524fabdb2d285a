"""The supervision bulletin (督查通报), shared by a district's digest
(views/digest.py) and a city's bulletin (views/city_bulletin.py): the
structure both are built as — a masthead, then sections (Part) of rows that
are at once the record JSON and workbooks hold and the cells people read —
and the pieces that are the same thing in both: the masthead's lines, the
goals per state in a sentence, a late item in words (how far behind, against
what, what its office last reported, the 督办 level it has reached and its
light), and a ranking with its rule and how shared goals count.

Leaders read these words: no goal id, code name or command in them (the
records keep ids for programs). Adding a column is one Column and one cell
in the row builder; adding a section is one Part in the structure."""

import datetime as dt
from typing import NamedTuple

from tracker.engine.bulletin import LatestReport
from tracker.engine.ranking import COMPLETION, ON_TIME, Outcome, Ranked, ScoringRule
from tracker.engine.summary import Attention
from tracker.kinds import kind_of
from tracker.model import BulletinSettings, Condition, Escalation, Goal, GoalStatus, Plan, State
from tracker.views.common import STATE_ORDER, chinese, one_line, percent, status_dict, title_of
from tracker.views.model import Cell, Column, Table
from tracker.views.phrases import forecast_sentence, gap_sentence, state_name, verification_flags
from tracker.words import say

# ── the structure ────────────────────────────────────────────────────────────


class Row(NamedTuple):
    """One row of a section: its record — SPEC's identifiers and plain numbers,
    as the JSON document and the workbook hold it — and the same row in words,
    a cell per column key, as text, Markdown and the page show it."""

    record: dict
    cells: dict[str, Cell]


class Part(NamedTuple):
    """One section: its title and columns in words, its rows, and what to say
    when it has none. The JSON document and the workbook have every section;
    the text and the page show those `shown`. A section of `cards` (the late
    items) is read one row at a time, each a heading and labelled lines,
    rather than as a table: its cells are sentences."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    empty_text: str
    footer_lines: tuple[str, ...] = ()
    total: tuple[Cell, ...] = ()  # a last row adding the others up
    shown: bool = True
    cards: bool = False
    header_lines: tuple[str, ...] = ()  # said above its rows (a paragraph)
    stack: bool = False  # on a phone, each row a block of labelled lines (a wide table)
    lines: tuple[tuple[str, ...], ...] = ()  # a card's lines: the column keys each joins

    def card(self, row: Row) -> list[list[tuple[str, Cell]]]:
        """A card's lines after its heading: (header, cell) of each column key a
        line joins that says something; a line with nothing to say is left out."""
        headers = {c.key: c.header for c in self.columns}
        lines = self.lines or tuple((c.key,) for c in self.columns[2:])
        found = [[(headers[k], row.cells[k]) for k in keys if row.cells[k].text] for keys in lines]
        return [line for line in found if line]

    @property
    def records(self) -> list[dict]:
        return [row.record for row in self.rows]

    def table(self, number: str = "", lang: str = "zh") -> Table:
        """The section as text and Markdown draw it, titled with its number
        (一、): a table of cells and its total row, or its cards as lines."""
        title = f"{number}{self.title}"
        if self.cards:  # lines, the rule under them too (a table of no columns has no footer)
            after = self.footer_lines if self.rows else (self.empty_text,)
            return Table(
                (), title=title, header_lines=self.header_lines + card_lines(self, lang) + after
            )  # fmt: skip
        rows = tuple(tuple(row.cells[c.key] for c in self.columns) for row in self.rows)
        return Table(
            self.columns,
            rows + ((self.total,) if self.total and self.rows else ()),
            title=title,
            header_lines=self.header_lines,
            empty_text=self.empty_text,
            footer_lines=self.footer_lines,
        )


def card_lines(part: Part, lang: str) -> tuple[str, ...]:
    """Each card as lines: its number, heading and mark, then a line per
    labelled cell that says something."""
    heading, mark = part.columns[:2]
    lines: list[str] = []
    gap = field_gap(lang)
    for i, row in enumerate(part.rows, start=1):
        marked = say("bulletin.card_mark", lang, mark=row.cells[mark.key].text)
        lines.append(f"{item_number(i, lang)}{row.cells[heading.key].text}{marked}")
        for line in part.card(row):
            lines.append("    " + gap.join(label(h, cell.text, lang) for h, cell in line))
    return tuple(lines)


class Masthead(NamedTuple):
    """The bulletin's head: its title, who issues it, its number and date, the
    period it covers; and whom it is sent (报送) and copied (抄送) to."""

    title: str
    issuer: str
    number: str
    date: dt.date
    since: dt.date
    to: str = ""
    cc: str = ""

    def number_line(self, lang: str) -> str:
        """Its number and date, as the page sets them under the title."""
        return field_gap(lang).join(x for x in (self.number, date_text(self.date, lang)) if x)

    def period_line(self, lang: str) -> str:
        return say("bulletin.period", lang, since=date_text(self.since, lang),
                   until=date_text(self.date, lang))  # fmt: skip

    def page(self, lang: str) -> dict:
        """What the page's masthead shows."""
        return {"masthead": self, "masthead_line": self.number_line(lang),
                "period": self.period_line(lang)}  # fmt: skip

    def lines(self, lang: str) -> tuple[str, ...]:
        """The line under the title (issuer, number, date) and the period."""
        head = field_gap(lang).join(x for x in (self.issuer, self.number_line(lang)) if x)
        return (head, self.period_line(lang))

    def closing(self, lang: str) -> tuple[str, ...]:
        """Whom it is sent and copied to, as the last lines of the paper."""
        out = []
        if self.to:
            out.append(label(say("bulletin.to", lang), self.to, lang))
        if self.cc:
            out.append(label(say("bulletin.cc", lang), self.cc, lang))
        return tuple(out)

    def record(self) -> dict:
        return {
            "title": self.title,
            "issuer": self.issuer,
            "number": self.number,
            "date": self.date.isoformat(),
            "to": self.to,
            "cc": self.cc,
        }


def days_after(day: dt.date, days: int) -> dt.date:
    """`days` after `day`, or the calendar's last day (a report dated at its end)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max


def bulletin_number(number: int | None, until: dt.date, lang: str) -> str:
    """'2020年第27期': the number given, else the week of the year the period
    ends in, so a weekly bulletin's number follows its period."""
    number = number if number is not None else until.isocalendar().week
    return say("bulletin.number", lang, year=until.year, number=number)


# ── words shared by every section ────────────────────────────────────────────

CN_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (a section or item number)."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def field_gap(lang: str) -> str:
    """What sets fields of one line apart: an ideographic space in Chinese."""
    return "　" if chinese(lang) else "  "


def section_number(n: int, lang: str) -> str:
    """一、 (a section of a Chinese paper) or 1. (English)."""
    return f"{chinese_number(n)}、" if chinese(lang) else f"{n}. "


def item_number(n: int, lang: str) -> str:
    """（一） (an item within a section) or (1)."""
    return f"（{chinese_number(n)}）" if chinese(lang) else f"({n}) "


def label(name: str, text: str, lang: str) -> str:
    """'存在问题：…' with the language's colon."""
    return say("bulletin.label", lang, label=name, text=text)


def date_text(day: dt.date | None, lang: str, *, short: bool = False) -> str:
    """2020年6月30日 (6月30日 when `short`), or 2020-06-30."""
    if day is None:
        return ""
    if not chinese(lang):
        return day.isoformat()
    if short:
        return f"{day.month}月{day.day}日"
    return f"{day.year}年{day.month}月{day.day}日"


def states_sentence(counts: dict[str, int], before: dict[str, int] | None, lang: str) -> str:
    """'逾期1项，落后5项，…，已完成3项' (the states with goals, most urgent first),
    and what changed since the last bulletin."""
    parts = [
        say("bulletin.state_count", lang, state=state_name(s, lang), count=counts[s.value])
        for s in STATE_ORDER
        if counts.get(s.value)
    ]
    text = say("bulletin.joiner", lang).join(parts) or say("bulletin.no_goals", lang)
    if before is None:
        return text
    moved = [
        say("bulletin.moved_up" if counts[s.value] > before[s.value] else "bulletin.moved_down",
            lang, state=state_name(s, lang), count=abs(counts[s.value] - before[s.value]))
        for s in STATE_ORDER
        if counts[s.value] != before[s.value]
    ]  # fmt: skip
    change = (
        say("bulletin.changes", lang, changes=say("bulletin.joiner", lang).join(moved))
        if moved
        else say("bulletin.no_change", lang)
    )
    return say("bulletin.states_and_change", lang, states=text, change=change)


# ── 督办 levels and their lights ─────────────────────────────────────────────

LIGHT = {Escalation.REMIND: "blue", Escalation.SUPERVISE: "yellow", Escalation.CIRCULATE: "red"}
ESCALATIONS = (Escalation.CIRCULATE, Escalation.SUPERVISE, Escalation.REMIND)  # most serious first


def escalation_text(level: Escalation, lang: str) -> str:
    """'红灯·通报': the light and the level, so it reads in black and white."""
    return say("bulletin.level_mark", lang, light=say(f"light.{LIGHT[level]}", lang),
               level=say(f"escalation.{level.value}", lang))  # fmt: skip


def escalation_cell(level: Escalation | None, lang: str) -> Cell:
    """A level as a cell styled by its light (light-red …); none: green."""
    if level is None:
        return Cell(say("light.green", lang), "light-green")
    return Cell(escalation_text(level, lang), f"light-{LIGHT[level]}")


def escalation_rule(s: BulletinSettings, lang: str) -> str:
    """How levels are reached, in words (under the late items)."""
    return say("bulletin.level_rule", lang, supervise=s.supervise_after,
               circulate=s.circulate_after)  # fmt: skip


# ── a late item (滞后事项) in words ──────────────────────────────────────────


def behind_sentence(attention: Attention, lang: str) -> str:
    """How far behind, by the condition's own measure: '逾期61天（应于4月30日前完成）',
    '落后43天', '节点“开工”应于6月30日前完成，落后10天', '预计延期40天',
    '距年度目标差3.2个百分点' for a level short of its target (no days)."""
    status = attention.status
    goal = status.goal
    days = attention.delay_days
    stage = missed_stage(status)
    if attention.condition is Condition.OVERDUE:
        overdue = say("bulletin.overdue", lang, days=max(0, -status.days_left),
                      date=date_text(goal.deadline, lang, short=True))  # fmt: skip
        if stage is not None:
            return overdue + say("list.semicolon", lang) + stage_sentence(goal, stage, None, lang)
        return overdue
    if attention.condition is Condition.LATE:
        return say("attention.late_days", lang, days=days)
    if stage is not None:
        return stage_sentence(goal, stage, days, lang)
    if days and status.state is State.AT_RISK:
        return say("bulletin.at_risk_days", lang, days=days)
    if days:
        return say("schedule.behind", lang, days=days)
    return state_name(status.state, lang)


def missed_stage(status: GoalStatus) -> tuple[str, dt.date] | None:
    """The earliest stage (or item) due before the status's day and not done."""
    goal = status.goal
    done = set(status.items_done)
    missed = [
        (goal.item_deadline(i), i) for i in goal.items
        if i not in done and goal.item_deadline(i) < status.as_of
    ]  # fmt: skip
    if not missed:
        return None
    day, name = min(missed)
    return name, day


def stage_sentence(goal: Goal, stage: tuple[str, dt.date], days: int | None, lang: str) -> str:
    """'节点“开工”应于5月31日前完成，尚未完成，落后30天' (a checklist's item: 事项)."""
    name, day = stage
    key = "bulletin.stage_missed" if kind_of(goal).dated_items else "bulletin.item_missed"
    text = say(key, lang, stage=name, date=date_text(day, lang, short=True))
    return text + (say("bulletin.behind_days", lang, days=days) if days else "")


def value_sentence(status: GoalStatus, lang: str) -> str:
    """Where it stands: '已完成950人，目标2,500人（2020年5月20日调整）'."""
    goal = status.goal
    text = kind_of(goal).value_text(goal, status.current, lang)
    revision = goal.revision_on(status.as_of)
    if revision is not None and goal.revised_from is not None:
        text += say("bulletin.revised_on", lang, date=date_text(revision.date, lang))
    checked = verification_flags(status, lang)  # where reports are verified: what waits
    if checked:
        text += say("bulletin.aside", lang, text=say("list.comma", lang).join(checked))
    return text


def problem_sentence(latest: LatestReport | None, lang: str) -> str:
    """The latest problem the office reported, and when."""
    if latest is None or not latest.note:
        return ""
    return say("bulletin.reported_on", lang, text=one_line(latest.note, lang),
               date=date_text(latest.note_date, lang, short=True))  # fmt: skip


def next_step_sentence(latest: LatestReport | None, as_of: dt.date, lang: str) -> str:
    """The latest next step reported, its date, and whether that date passed."""
    if latest is None or not latest.next_step:
        return ""
    text = one_line(latest.next_step, lang)
    if latest.next_by is None:
        return text
    key = "bulletin.next_by_passed" if latest.next_by < as_of else "bulletin.next_by"
    return text + say(key, lang, date=date_text(latest.next_by, lang, short=True))


def leaders_text(plan: Plan, offices: tuple[str, ...], lang: str) -> str:
    """The leaders in charge (分管领导) of the offices, each once."""
    found = []
    for name in offices:
        office = plan.office(name)
        if office is not None and office.leader and office.leader not in found:
            found.append(office.leader)
    return say("list.names", lang).join(found)


# ── the late items as a section ──────────────────────────────────────────────

# A card's lines, by column key: who (the district, the offices, the leader),
# how far behind and short, where it stands, what was reported, what next.
LATE_LINES = (("group", "lead", "shared", "leader"), ("behind", "gap"), ("value", "forecast"),
              ("problem",), ("next",))  # fmt: skip


def late_part(
    rows: tuple[Row, ...], settings: BulletinSettings | None, lang: str, *, group_header: str = "",
    title: str = "", empty_text: str = "",
) -> Part:  # fmt: skip
    """The late items (进度滞后事项) as cards, the 督办 levels' rule under them
    (`settings`: the thresholds they were reached by; None: several)."""
    columns = (
        Column("title", say("summary.goal", lang), shrink=4, min_width=16),
        Column("level", say("late.level", lang)),
        Column("group", group_header, drop=9),
        Column("lead", say("late.lead", lang), drop=6),
        Column("shared", say("late.shared", lang), drop=7),
        Column("leader", say("late.leader", lang), drop=5),
        Column("behind", say("late.behind", lang)),
        Column("gap", say("late.gap", lang), drop=3),
        Column("value", say("late.value", lang), drop=4),
        Column("problem", say("late.problem", lang), shrink=9, drop=2),
        Column("next", say("late.next", lang), shrink=9, drop=1),
        Column("forecast", say("late.forecast", lang), shrink=9, drop=8),
    )
    return Part(
        title or say("section.late", lang),
        columns if group_header else tuple(c for c in columns if c.key != "group"),
        rows,
        empty_text or say("section.no_late", lang),
        footer_lines=(escalation_rule(settings, lang),) if settings is not None else (),
        cards=True,
        lines=LATE_LINES if group_header else tuple(
            tuple(k for k in line if k != "group") for line in LATE_LINES
        ),
    )  # fmt: skip


def late_row(plan: Plan, attention: Attention, lang: str, *, group: str = "",
             record: dict | None = None) -> Row:  # fmt: skip
    """A late item: its status record with how late, the 督办 level, its
    leaders, its missed stage and what its office last reported; and the
    same in words (`group`: what it belongs to, a city's district)."""
    status = attention.status
    goal = status.goal
    latest = attention.latest
    forecast = forecast_sentence(status, lang) if kind_of(goal).forecasts else ""
    stage = missed_stage(status)
    fields = dict(
        status_dict(status),
        condition=attention.condition.value,
        delay_days=attention.delay_days,
        escalation=attention.escalation.value,
        light=LIGHT[attention.escalation],
        leaders=[o.leader for o in map(plan.office, goal.owners) if o is not None and o.leader],
        missed_stage=None if stage is None else {"name": stage[0], "date": stage[1].isoformat()},
        latest=None if latest is None else {
            "note": latest.note,
            "note_date": latest.note_date.isoformat() if latest.note_date else None,
            "next_step": latest.next_step,
            "next_by": latest.next_by.isoformat() if latest.next_by else None,
            "by": latest.by,
        },
        forecast_text=forecast,
        **(record or {}),
    )  # fmt: skip
    return Row(
        fields,
        {
            "title": Cell(title_of(goal, lang)),
            "level": escalation_cell(attention.escalation, lang),
            "group": Cell(group),
            "lead": Cell(goal.owner),
            "shared": Cell(say("list.names", lang).join(goal.co_owners)),
            "leader": Cell(leaders_text(plan, goal.owners, lang)),
            "behind": Cell(behind_sentence(attention, lang), late_style(attention)),
            "gap": Cell(gap_sentence(status, lang)),
            "value": Cell(value_sentence(status, lang)),
            "problem": Cell(problem_sentence(latest, lang) or (
                say("bulletin.no_report", lang) if status.last_entry is None else "")),
            "next": Cell(next_step_sentence(latest, status.as_of, lang)),
            "forecast": Cell(forecast),
            "progress": Cell(percent(status.progress)),
            "expected": Cell(percent(status.expected)),
        },
    )  # fmt: skip


def late_style(attention: Attention) -> str:
    if attention.condition is Condition.LATE:
        return "bad"
    return attention.status.state.value


# ── a ranking with its rule ──────────────────────────────────────────────────


def rule_text(rule: ScoringRule, lang: str) -> str:
    """The scoring rule in plain words, printed under every ranking."""
    terms = say("rank.term_joiner", lang).join(
        say("rank.term", lang, measure=say(f"rank.{m}", lang), weight=f"{share * 100:.0f}%")
        for m, share in rule.shares
    )
    return say("rank.rule", lang, terms=terms)


def rule_dict(rule: ScoringRule, lang: str) -> dict:
    return {
        "weights": {m: w for m, w in rule.weights},
        "measures": [COMPLETION, ON_TIME],
        "text": rule_text(rule, lang),
    }


def fraction(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def ranked_dict(ranked: Ranked) -> dict:
    o = ranked.outcome
    return {
        "place": ranked.place,
        "name": o.unit,
        "group": o.group or None,
        "held": o.held,
        "done": o.done,
        "completion": fraction(o.completion),
        "on_time": fraction(o.on_time),
        "reports_due": o.reports_due,
        "reported": o.reported,
        "score": ranked.score,
        "previous_place": ranked.before,
        "movement": ranked.movement,
    }


def movement_text(ranked: Ranked, lang: str) -> tuple[str, str]:
    """'进步2位' / '退步1位' / '持平' / '新' and its style."""
    moved = ranked.movement
    if moved is None:
        return say("rank.new", lang), "dim"
    if moved > 0:
        return say("rank.up", lang, places=moved), "good"
    if moved < 0:
        return say("rank.down", lang, places=-moved), "bad"
    return say("rank.same", lang), "dim"


def on_time_text(result: Outcome, lang: str) -> str:
    on_time = result.on_time
    return say("rank.no_report_due", lang) if on_time is None else percent(on_time)


def ranking_part(
    ranking: list[Ranked] | tuple[Ranked, ...],
    *,
    title: str,
    unit_header: str,
    rule: ScoringRule,
    lang: str,
    grouped_by: str = "",
    lights: dict[tuple[str, str], Escalation | None] | None = None,
    total: Outcome | None = None,
    header_lines: tuple[str, ...] = (),
    empty_text: str = "",
) -> Part:
    """A ranking as a section, best first, the rule under it in words (which
    says how shared goals count). `grouped_by`: the header of the column
    naming what a unit belongs to (an office's district); `lights`: each
    unit's light, by (group, name) — the most serious 督办 level among its
    late items; `total`: every goal once, as the last row."""
    columns = [
        Column("place", say("rank.place", lang), align="right"),
        Column("unit", unit_header, shrink=3, min_width=8),
    ]
    if grouped_by:
        columns.append(Column("group", grouped_by, drop=6))
    columns += [
        Column("held", say("office.held", lang), align="right", drop=5),
        Column("done", say("office.done", lang), align="right", drop=4),
        Column("completion", say("rank.completion", lang), align="right"),
        Column("on_time", say("rank.on_time", lang), align="right"),
        Column("score", say("rank.score", lang), align="right", drop=3),
        Column("movement", say("rank.movement", lang), drop=2),
    ]
    if lights is not None:
        columns.append(Column("light", say("bulletin.light", lang), drop=1))
    rows = []
    for r in ranking:
        o = r.outcome
        moved, style = movement_text(r, lang)
        record = ranked_dict(r)
        cells = {
            "place": Cell(str(r.place)),
            "unit": Cell(o.unit),
            "group": Cell(o.group, "dim"),
            "held": Cell(str(o.held)),
            "done": Cell(str(o.done)),
            "completion": Cell(percent(o.completion)),
            "on_time": Cell(on_time_text(o, lang)),
            "score": Cell(f"{r.score:.1f}", "title"),
            "movement": Cell(moved, style),
        }
        if lights is not None:
            level = lights.get((o.group, o.unit))
            record["light"] = LIGHT[level] if level is not None else "green"
            cells["light"] = escalation_cell(level, lang)
        rows.append(Row(record, cells))
    last: tuple[Cell, ...] = ()
    if total is not None and len(rows) > 1:
        shown = {
            "place": Cell(""), "unit": Cell(say("office.total", lang), "title"), "group": Cell(""),
            "held": Cell(str(total.held), "title"), "done": Cell(str(total.done), "title"),
            "completion": Cell(percent(total.completion), "title"),
            "on_time": Cell(on_time_text(total, lang), "title"), "score": Cell(""),
            "movement": Cell(""), "light": Cell(""),
        }  # fmt: skip
        last = tuple(shown[c.key] for c in columns)
    return Part(
        title,
        tuple(columns),
        tuple(rows),
        empty_text or say("table.empty", lang),
        footer_lines=(rule_text(rule, lang),),
        total=last,
        header_lines=header_lines,
    )


def state_cells(counts: dict[str, int], lang: str) -> dict[str, Cell]:
    """A cell per state (its count, dimmed when none), keyed by the state's id."""
    return {s.value: Cell(str(counts[s.value]), s.value if counts[s.value] else "dim")
            for s in State}  # fmt: skip
