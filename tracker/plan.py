"""goals.toml → Plan, collecting every problem with its file:line and a hint."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from tracker.model import Area, Checkpoint, Direction, Goal, Kind, Plan, Source, UpdateEvery
from tracker.problems import Problem, suggest

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib  # type: ignore[no-redef]

PLAN_KEYS = {"id", "title", "title_en", "start", "end", "timezone", "tolerance", "source", "areas"}
PLAN_REQUIRED = ("id", "title", "title_en", "start", "end", "timezone", "areas")
AREA_KEYS = {"id", "name", "name_en"}
GOAL_KEYS = {
    "id",
    "title",
    "title_en",
    "area",
    "owner",
    "kind",
    "deadline",
    "source",
    "start",
    "target",
    "unit",
    "direction",
    "baseline",
    "items",
    "part_of",
    "update_every",
    "tolerance",
    "trajectory",
}
GOAL_REQUIRED = ("id", "title", "title_en", "area", "owner", "kind", "source")
KIND_KEYS = {
    Kind.COUNT: {"target", "unit"},
    Kind.LEVEL: {"target", "unit", "direction"},
    Kind.MILESTONE: set(),
    Kind.CHECKLIST: {"items"},
}
ONLY_FOR = {
    "target": (Kind.COUNT, Kind.LEVEL),
    "unit": (Kind.COUNT, Kind.LEVEL),
    "direction": (Kind.LEVEL,),
    "baseline": (Kind.LEVEL,),
    "items": (Kind.CHECKLIST,),
    "part_of": (Kind.COUNT,),
}
GOAL_ID = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")


# ── where each key stands in the file ────────────────────────────────────────

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\"-]+)\s*\]\]?")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


@dataclass
class LineMap:
    """Line numbers of table headers and keys, found by a light scan of the text
    (tomllib gives none). Tables are named like ('goal', 3) or ('plan', 0)."""

    headers: dict[tuple[str, int], int] = field(default_factory=dict)
    keys: dict[tuple[str, int, str], int] = field(default_factory=dict)

    @classmethod
    def scan(cls, text: str) -> LineMap:
        result = cls()
        counts: dict[str, int] = {}
        table: tuple[str, int] = ("", 0)
        in_multiline = None
        for number, line in enumerate(text.splitlines(), start=1):
            if in_multiline:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            if m := _HEADER.match(line):
                name = m.group(2).replace('"', "")
                if m.group(1) == "[[":
                    index = counts.get(name, -1) + 1
                    counts[name] = index
                else:
                    index = 0
                table = (name, index)
                result.headers.setdefault(table, number)
                continue
            if m := _KEY.match(line):
                result.keys.setdefault((*table, m.group(1)), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_multiline = quote
        return result

    def line(self, table: tuple[str, int], key: str | None = None) -> int | None:
        if key is not None and (*table, key) in self.keys:
            return self.keys[(*table, key)]
        return self.headers.get(table)


# ── loading ──────────────────────────────────────────────────────────────────


def load_plan(path, display_name: str | None = None) -> tuple[Plan | None, list[Problem]]:
    """Read and validate goals.toml. Returns (plan, problems); plan is None when
    the file cannot be read or parsed at all."""
    name = display_name or str(path)
    try:
        raw_bytes = open(path, "rb").read()
    except OSError as exc:
        return None, [Problem(name, None, f"cannot read: {exc.strerror}", "", "unreadable")]
    try:
        text = raw_bytes.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw_bytes[: exc.start].count(b"\n") + 1
        return None, [Problem(name, line, "not valid UTF-8", "save the file as UTF-8", "encoding")]
    return parse_plan(text, name)


def parse_plan(text: str, name: str) -> tuple[Plan | None, list[Problem]]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return None, [_syntax_problem(exc, name)]
    builder = _PlanBuilder(name, LineMap.scan(text))
    plan = builder.build(data)
    return plan, builder.problems


def _syntax_problem(exc: Exception, name: str) -> Problem:
    message = str(exc)
    m = re.search(r"\(at line (\d+), column (\d+)\)", message)
    line, column = (int(m.group(1)), int(m.group(2))) if m else (None, None)
    message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
    if m is None and "end of document" in message:
        line = None
    return Problem(
        name,
        line,
        f"TOML syntax: {message}",
        "check quotes, brackets and '=' on this line",
        "syntax",
        column,
    )


class _PlanBuilder:
    def __init__(self, name: str, lines: LineMap):
        self.name = name
        self.lines = lines
        self.problems: list[Problem] = []
        self.table_of: dict[int, tuple[str, int]] = {}  # id(goal) → its table

    def problem(self, table, key, message, hint="", code="invalid"):
        self.problems.append(Problem(self.name, self.lines.line(table, key), message, hint, code))

    # -- typed getters: each reports a wrong type and returns None ------------

    def get(self, raw: dict, table, key, types, what):
        value = raw.get(key)
        if value is None:
            return None
        if isinstance(value, bool) and bool not in types or not isinstance(value, types):
            self.problem(
                table, key, f"'{key}' must be {what}, not {_type_name(value)}", code="type"
            )
            return None
        return value

    def text(self, raw, table, key):
        value = self.get(raw, table, key, (str,), "text")
        if value is not None and not value.strip():
            self.problem(table, key, f"'{key}' is empty", code="empty")
            return None
        return value

    def number(self, raw, table, key):
        value = self.get(raw, table, key, (int, float), "a number")
        return float(value) if value is not None else None

    def date(self, raw, table, key):
        value = raw.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            self.problem(table, key, f"'{key}' must be a date without a time", code="type")
            return None
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                self.problem(
                    table,
                    key,
                    f"impossible date '{value}' for '{key}'",
                    "write a real date as YYYY-MM-DD",
                    "date",
                )
                return None
        self.problem(table, key, f"'{key}' must be a date, not {_type_name(value)}", code="type")
        return None

    def keys(self, raw: dict, table, allowed, required, what):
        for key in raw:
            if key not in allowed:
                hint = suggest(key, allowed) or f"allowed keys: {', '.join(sorted(allowed))}"
                self.problem(table, key, f"unknown key '{key}' in {what}", hint, "unknown-key")
        for key in required:
            if key not in raw:
                self.problem(
                    table,
                    None,
                    f"{what} is missing '{key}'",
                    f"add {key} = … to this table",
                    "missing-key",
                )

    # -- the plan -------------------------------------------------------------

    def build(self, data: dict) -> Plan | None:
        for key in data:
            if key not in ("plan", "goal"):
                hint = suggest(key, ["plan", "goal"]) or "the file holds [plan] and [[goal]] tables"
                self.problem((key, 0), None, f"unknown table '{key}'", hint, "unknown-key")
        raw_plan = data.get("plan")
        if not isinstance(raw_plan, dict):
            self.problems.append(
                Problem(
                    self.name,
                    1,
                    "no [plan] table",
                    "add [plan] with id, title, start, end …",
                    "missing-key",
                )
            )
            return None
        table = ("plan", 0)
        self.keys(raw_plan, table, PLAN_KEYS, PLAN_REQUIRED, "[plan]")
        start = self.date(raw_plan, table, "start")
        end = self.date(raw_plan, table, "end")
        if start and end and end < start:
            self.problem(table, "end", f"plan ends ({end}) before it starts ({start})", code="date")
        tolerance = self.tolerance(raw_plan, table, 0.10)
        timezone = self.text(raw_plan, table, "timezone") or "Asia/Shanghai"
        self.check_timezone(timezone, table)
        areas = self.areas(raw_plan.get("areas"))
        raw_goals = data.get("goal", [])
        if not isinstance(raw_goals, list):
            self.problem(("goal", 0), None, "'goal' must be [[goal]] tables", code="type")
            raw_goals = []
        goals = []
        area_ids = {a.id for a in areas}
        for index, raw in enumerate(raw_goals):
            goal = self.goal(raw, index, start, end, area_ids, tolerance)
            if goal is not None:
                goals.append(goal)
        goals = self.check_goal_set(goals)
        if start is None or end is None:
            return None
        return Plan(
            id=self.text(raw_plan, table, "id") or "",
            title=self.text(raw_plan, table, "title") or "",
            title_en=self.text(raw_plan, table, "title_en") or "",
            start=start,
            end=end,
            timezone=timezone,
            areas=tuple(areas),
            goals=tuple(goals),
            tolerance=tolerance,
            source=self.text(raw_plan, table, "source") or "",
        )

    def check_timezone(self, name, table):
        try:
            from zoneinfo import ZoneInfo

            ZoneInfo(name)
        except Exception:
            from dateutil import tz

            if tz.gettz(name) is None:
                self.problem(
                    table,
                    "timezone",
                    f"unknown time zone '{name}'",
                    "use an IANA name such as Asia/Shanghai",
                    "invalid",
                )

    def tolerance(self, raw, table, default):
        value = self.number(raw, table, "tolerance")
        if value is None:
            return default
        if not 0 <= value < 1:
            self.problem(
                table,
                "tolerance",
                f"tolerance {value} must be a fraction from 0 to 1",
                "e.g. tolerance = 0.10 for ten percentage points",
                "range",
            )
            return default
        return value

    def areas(self, raw_areas) -> list[Area]:
        if not isinstance(raw_areas, list):
            if raw_areas is not None:
                self.problem(
                    ("plan", 0), "areas", "'areas' must be [[plan.areas]] tables", code="type"
                )
            return []
        areas, seen = [], set()
        for index, raw in enumerate(raw_areas):
            table = ("plan.areas", index)
            if not isinstance(raw, dict):
                self.problem(("plan", 0), "areas", "each area must be a table", code="type")
                continue
            self.keys(raw, table, AREA_KEYS, ("id", "name", "name_en"), "[[plan.areas]]")
            area_id = self.text(raw, table, "id")
            if area_id in seen:
                self.problem(table, "id", f"duplicate area id '{area_id}'", code="duplicate")
                continue
            if area_id:
                seen.add(area_id)
                areas.append(
                    Area(
                        area_id,
                        self.text(raw, table, "name") or area_id,
                        self.text(raw, table, "name_en") or area_id,
                    )
                )
        return areas

    # -- one goal -------------------------------------------------------------

    def goal(self, raw, index, plan_start, plan_end, area_ids, plan_tolerance) -> Goal | None:
        table = ("goal", index)
        if not isinstance(raw, dict):
            self.problem(table, None, "each goal must be a [[goal]] table", code="type")
            return None
        before = len(self.problems)
        self.keys(raw, table, GOAL_KEYS, GOAL_REQUIRED, "[[goal]]")
        goal_id = self.text(raw, table, "id")
        if goal_id and not GOAL_ID.match(goal_id):
            self.problem(
                table,
                "id",
                f"goal id '{goal_id}' is not lowercase dotted/dashed",
                "use e.g. jobs.training or water.sewer-separation",
                "id",
            )
        area = self.text(raw, table, "area")
        if area and area_ids and area not in area_ids:
            hint = suggest(area, area_ids) or f"areas: {', '.join(sorted(area_ids))}"
            self.problem(table, "area", f"unknown area '{area}'", hint, "unknown-area")
        kind = self.kind(raw, table)
        deadline = self.date(raw, table, "deadline") or plan_end
        start = self.date(raw, table, "start") or plan_start
        self.check_dates(table, start, deadline, plan_start, plan_end)
        fields = dict(
            id=goal_id,
            title=self.text(raw, table, "title"),
            title_en=self.text(raw, table, "title_en"),
            area=area,
            owner=self.text(raw, table, "owner"),
            kind=kind,
            deadline=deadline,
            source=self.text(raw, table, "source"),
            start=start,
        )
        if kind is not None:
            fields.update(self.kind_fields(raw, table, kind, start, deadline))
        fields["update_every"] = self.update_every(raw, table)
        fields["tolerance"] = self.tolerance(raw, table, plan_tolerance)
        if len(self.problems) > before or any(fields[k] is None for k in GOAL_REQUIRED):
            return None
        if fields["start"] is None or fields["deadline"] is None:
            return None
        goal = Goal(**fields, origin=Source(self.name, self.lines.line(table)))
        self.table_of[id(goal)] = table
        return goal

    def kind(self, raw, table) -> Kind | None:
        value = self.text(raw, table, "kind")
        if value is None:
            return None
        try:
            return Kind(value)
        except ValueError:
            kinds = [k.value for k in Kind]
            hint = suggest(value, kinds) or f"kinds: {', '.join(kinds)}"
            self.problem(table, "kind", f"unknown kind '{value}'", hint, "unknown-kind")
            return None

    def check_dates(self, table, start, deadline, plan_start, plan_end):
        if plan_start and plan_end and deadline and not plan_start <= deadline <= plan_end:
            self.problem(
                table,
                "deadline",
                f"deadline {deadline} is outside the plan ({plan_start}..{plan_end})",
                "move it inside the plan's year",
                "date",
            )
        if plan_start and plan_end and start and not plan_start <= start <= plan_end:
            self.problem(
                table,
                "start",
                f"start {start} is outside the plan ({plan_start}..{plan_end})",
                "move it inside the plan's year",
                "date",
            )
        if start and deadline and start > deadline:
            self.problem(
                table, "start", f"start {start} is after the deadline {deadline}", code="date"
            )

    def kind_fields(self, raw, table, kind: Kind, start, deadline) -> dict:
        for key in KIND_KEYS[kind]:
            if key not in raw:
                self.problem(
                    table,
                    None,
                    f"a {kind.value} goal needs '{key}'",
                    f"add {key} = … to this goal",
                    "missing-key",
                )
        for key, kinds in ONLY_FOR.items():
            if key in raw and kind not in kinds:
                fits = " or ".join(k.value for k in kinds)
                self.problem(
                    table,
                    key,
                    f"'{key}' does not apply to a {kind.value} goal",
                    f"'{key}' is for {fits} goals; remove it or change kind",
                    "kind-key",
                )
        out: dict = {}
        if kind in (Kind.COUNT, Kind.LEVEL):
            target = self.number(raw, table, "target")
            if target is not None and kind is Kind.COUNT and target <= 0:
                self.problem(table, "target", "a count target must be above zero", code="range")
            out["target"] = target
            out["unit"] = self.text(raw, table, "unit") or ""
        if kind is Kind.LEVEL:
            out.update(self.level_fields(raw, table, out.get("target")))
        if kind is Kind.CHECKLIST:
            out["items"] = self.items(raw, table)
        if kind is Kind.COUNT and "part_of" in raw:
            out["part_of"] = self.text(raw, table, "part_of")
        if "trajectory" in raw:
            out["trajectory"] = self.trajectory(raw, table, kind, start, deadline)
        return out

    def level_fields(self, raw, table, target) -> dict:
        out: dict = {}
        value = self.text(raw, table, "direction")
        direction = Direction.AT_LEAST
        if value is not None:
            try:
                direction = Direction(value)
            except ValueError:
                hint = suggest(value, [d.value for d in Direction]) or "at_least or at_most"
                self.problem(table, "direction", f"unknown direction '{value}'", hint, "invalid")
        out["direction"] = direction
        baseline = self.number(raw, table, "baseline")
        if direction is Direction.AT_MOST and baseline is None and "direction" in raw:
            self.problem(
                table,
                "direction",
                "an at_most goal needs a 'baseline' to measure progress from",
                "add baseline = the reading the plan starts from",
                "missing-key",
            )
        if baseline is not None and target is not None and baseline == target:
            self.problem(
                table,
                "baseline",
                "baseline equals target: progress cannot be measured",
                code="range",
            )
        out["baseline"] = baseline
        return out

    def items(self, raw, table) -> tuple[str, ...]:
        value = raw.get("items")
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(i, str) for i in value):
            self.problem(table, "items", "'items' must be a list of names", code="type")
            return ()
        if not value:
            self.problem(
                table,
                "items",
                "a checklist without items",
                'name its parts: items = ["…", "…"]',
                "empty",
            )
        seen = set()
        for item in value:
            if item in seen:
                self.problem(table, "items", f"item '{item}' is listed twice", code="duplicate")
            if not item.strip():
                self.problem(table, "items", "an item name is empty", code="empty")
            seen.add(item)
        return tuple(value)

    def update_every(self, raw, table) -> UpdateEvery:
        value = self.text(raw, table, "update_every")
        if value is None:
            return UpdateEvery.MONTHLY
        try:
            return UpdateEvery(value)
        except ValueError:
            choices = [u.value for u in UpdateEvery]
            hint = suggest(value, choices) or f"one of {', '.join(choices)}"
            self.problem(table, "update_every", f"unknown update_every '{value}'", hint, "invalid")
            return UpdateEvery.MONTHLY

    def trajectory(self, raw, table, kind, start, deadline) -> tuple[Checkpoint, ...]:
        value = raw.get("trajectory")
        hint = "trajectory = [{date = 2020-06-30, value = 1500}, …]"
        if not isinstance(value, list):
            self.problem(
                table, "trajectory", "'trajectory' must be a list of checkpoints", hint, "type"
            )
            return ()
        points: list[Checkpoint] = []
        for point in value:
            if not isinstance(point, dict) or set(point) != {"date", "value"}:
                self.problem(
                    table,
                    "trajectory",
                    "each checkpoint needs exactly date and value",
                    hint,
                    "type",
                )
                return ()
            day = self.date(point, table, "date")
            number = self.get(point, table, "value", (int, float), "a number")
            if day is None or number is None:
                return ()
            if start and deadline and not start <= day <= deadline:
                self.problem(
                    table,
                    "trajectory",
                    f"checkpoint {day} is outside the goal's {start}..{deadline}",
                    code="date",
                )
            if points and day <= points[-1].date:
                self.problem(table, "trajectory", "checkpoints must be in date order", code="date")
            points.append(Checkpoint(day, float(number)))
        return tuple(points)

    # -- across goals ---------------------------------------------------------

    def check_goal_set(self, goals: list[Goal]) -> list[Goal]:
        by_id: dict[str, Goal] = {}
        unique = []
        for goal in goals:
            if goal.id in by_id:
                first = by_id[goal.id].origin
                self.problems.append(
                    Problem(
                        self.name,
                        goal.origin.line,
                        f"duplicate goal id '{goal.id}'",
                        f"first defined at line {first.line}; ids must be unique",
                        "duplicate",
                    )
                )
                continue
            by_id[goal.id] = goal
            unique.append(goal)
        for goal in unique:
            self.check_part_of(goal, by_id)
        return unique

    def check_part_of(self, goal: Goal, by_id: dict[str, Goal]):
        if goal.part_of is None:
            return
        line = self.lines.line(self.table_of[id(goal)], "part_of")
        parent = by_id.get(goal.part_of)
        if parent is None:
            hint = suggest(goal.part_of, by_id) or "name another goal's id"
            self.problems.append(
                Problem(
                    self.name,
                    line,
                    f"'{goal.id}' is part_of unknown goal '{goal.part_of}'",
                    hint,
                    "unknown-goal",
                )
            )
            return
        seen = {goal.id}
        cursor = parent
        while cursor is not None:
            if cursor.id in seen:
                self.problems.append(
                    Problem(
                        self.name,
                        line,
                        f"part_of cycle through '{goal.id}'",
                        "a goal cannot be part of itself",
                        "cycle",
                    )
                )
                return
            seen.add(cursor.id)
            cursor = by_id.get(cursor.part_of) if cursor.part_of else None
        if parent.kind is not Kind.COUNT or parent.unit != goal.unit:
            self.problems.append(
                Problem(
                    self.name,
                    line,
                    f"'{goal.id}' ({goal.unit}) is part_of "
                    f"'{parent.id}' ({parent.unit or parent.kind.value}): "
                    "units differ",
                    "part_of links count goals of one unit",
                    "unit",
                )
            )


def _type_name(value) -> str:
    return {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)
