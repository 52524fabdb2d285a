"""goals.toml → Plan: the TOML text, where each key stands, and typed fields.

This module reads and types; what a well-typed plan must also satisfy (dates
inside the plan, part_of links, ranges) is checked by tracker.rules.plan.
"""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from tracker.kinds import KINDS, PlanKey, Typed
from tracker.model import (
    Area,
    BulletinSettings,
    Checkpoint,
    Decides,
    EvidenceRule,
    Goal,
    Item,
    Kind,
    Office,
    Plan,
    Revision,
    Source,
    UpdateEvery,
    Verification,
)
from tracker.problems import Problem, problem, suggest_or
from tracker.words import phrase

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib  # type: ignore[no-redef]

PLAN_KEYS = {
    "id", "title", "title_en", "start", "end", "timezone", "tolerance", "source", "areas",
    "verification", "offices", "bulletin",
}  # fmt: skip
VERIFICATION_KEYS = {"required", "offices", "within_days", "decides", "evidence_max_mb"}
BULLETIN_KEYS = {"issuer", "title", "to", "cc", "supervise_after", "circulate_after",
                 "reply_within", "scoring"}  # fmt: skip
SCORING_KEYS = {"completion", "on_time"}
PLAN_REQUIRED = ("id", "title", "title_en", "start", "end", "timezone", "areas")
AREA_KEYS = {"id", "name", "name_en", "short"}
OFFICE_KEYS = {"name", "short", "leader", "signers"}
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
    "stages",
    "part_of",
    "update_every",
    "tolerance",
    "trajectory",
    "co_owners",
    "judged",
    "revisions",
    "carried_from",
    "multi_year",
    "start_value",
    "start_items",
    "decimals",
    "verify",
    "verified_by",
    "evidence",
    "indicator",
}
GOAL_REQUIRED = ("id", "title", "title_en", "area", "owner", "kind", "source")
# The keys only some kinds take, and which kinds (tracker.kinds: each kind
# names its own keys, and which of them it requires).
ONLY_FOR: dict[str, tuple[Kind, ...]] = {}
for _kind in KINDS.values():
    for _key in _kind.keys:
        ONLY_FOR[_key.name] = (*ONLY_FOR.get(_key.name, ()), _kind.kind)
REVISION_KEYS = {"date", "target", "deadline", "reason", "document"}
DEFAULT_TOLERANCE = 0.10
DEFAULT_TIMEZONE = "Asia/Shanghai"


# ── where each key stands in the file ────────────────────────────────────────

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\"-]+)\s*\]\]?")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


@dataclass
class LineMap:
    """Line numbers of table headers and keys, found by a light scan of the text
    (tomllib gives none). Tables are named like ('goal', 3) or ('plan', 0)."""

    headers: dict[tuple[str, int], int] = field(default_factory=dict)
    keys: dict[tuple[str, int], dict[str, int]] = field(default_factory=dict)

    @classmethod
    def scan(cls, text: str) -> "LineMap":
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
                result.keys.setdefault(table, {}).setdefault(m.group(1), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_multiline = quote
        return result

    def line(self, table: tuple[str, int], key: str | None = None) -> int | None:
        if key is not None and key in self.keys.get(table, {}):
            return self.keys[table][key]
        return self.headers.get(table)

    def source(self, name: str, table: tuple[str, int]) -> Source:
        return Source(name, self.headers.get(table), dict(self.keys.get(table, {})))


class PlanFile(NamedTuple):
    """goals.toml as read: the plan (None when it cannot be built at all), the
    problems of reading it, and the ids of goals too broken to build (so a rule
    does not also call them unknown where another goal names them)."""

    plan: Plan | None
    problems: list[Problem]
    unbuilt: frozenset[str] = frozenset()


# ── reading ──────────────────────────────────────────────────────────────────


def read_plan(path, name: str) -> PlanFile:
    """Read goals.toml; never raises for what the file holds."""
    from tracker.storage.files import PLAN_LIMIT, read_regular, reason

    try:
        raw_bytes = read_regular(path, limit=PLAN_LIMIT)
    except OSError as exc:
        return PlanFile(
            None, [problem(name, None, "unreadable", "cannot_read", reason=reason(exc))]
        )
    try:
        text = raw_bytes.decode("utf-8-sig")  # Windows editors may save a BOM
    except UnicodeDecodeError as exc:
        line = raw_bytes[: exc.start].count(b"\n") + 1
        return PlanFile(None, [problem(name, line, "encoding", "not_utf8", "save_as_utf8")])
    return parse_plan(text, name)


def parse_plan(text: str, name: str) -> PlanFile:
    try:
        data = _composed(tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        return PlanFile(None, [_syntax_problem(exc, name)])
    builder = _PlanBuilder(name, LineMap.scan(text))
    plan = builder.build(data)
    return PlanFile(plan, builder.problems, frozenset(builder.unbuilt))


def _full_names(names: tuple[str, ...], offices: tuple[Office, ...]) -> tuple[str, ...]:
    """Offices named by full or short name, as their full names (a name no
    office has stays as written: rules.plan says so)."""
    full = {o.name: o.name for o in offices} | {o.short: o.name for o in offices if o.short}
    return tuple(full.get(name, name) for name in names)


def _offices_by_full_name(goal: Goal, offices: tuple[Office, ...]) -> Goal:
    (owner,) = _full_names((goal.owner,), offices)
    return replace(
        goal,
        owner=owner,
        co_owners=_full_names(goal.co_owners, offices),
        verified_by=_full_names(goal.verified_by, offices),
    )


def _composed(value):
    """Every text of the plan in one normal form, NFC, as every name typed is
    compared in (log --item, batches, workbook cells, references): an item an
    editor or input method wrote decomposed (NFD) or as a CJK compatibility
    ideograph is the same name as its composed form, and two items that are
    the same name in two forms are the same item listed twice. Keys stay as
    written: they are ASCII, and the line map finds them as they are."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {key: _composed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_composed(item) for item in value]
    return value


def _syntax_problem(exc: Exception, name: str) -> Problem:
    message = str(exc)
    m = re.search(r"\(at line (\d+), column (\d+)\)", message)
    line, column = (int(m.group(1)), int(m.group(2))) if m else (None, None)
    message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
    if m is None and "end of document" in message:
        line = None
    return problem(
        name, line, "syntax", "toml_syntax", "toml_syntax_fix", column=column, detail=message
    )


class _PlanBuilder:
    def __init__(self, name: str, lines: LineMap):
        self.name = name
        self.lines = lines
        self.problems: list[Problem] = []
        self.unbuilt: set[str] = set()

    def problem(self, where, at_key, code, message_key, fix=None, /, **args):
        line = self.lines.line(where, at_key)
        self.problems.append(problem(self.name, line, code, message_key, fix, **args))

    # -- typed getters: each reports a wrong type and returns None ------------

    def get(self, raw: dict, table, key, types, what):
        value = raw.get(key)
        if value is None:
            return None
        if isinstance(value, bool) and bool not in types or not isinstance(value, types):
            self.problem(
                table, key, "type", "wrong_type", key=key, what=phrase(what), got=_type_name(value)
            )
            return None
        return value

    def text(self, raw, table, key):
        value = self.get(raw, table, key, (str,), "type_text")
        if value is not None and not value.strip():
            self.problem(table, key, "empty", "key_empty", key=key)
            return None
        return value

    def number(self, raw, table, key):
        value = self.get(raw, table, key, (int, float), "type_number")
        return float(value) if value is not None else None

    def date(self, raw, table, key):
        value = raw.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            self.problem(table, key, "type", "date_has_time", key=key)
            return None
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                self.problem(
                    table, key, "date", "impossible_date", "write_real_date", key=key, value=value
                )
                return None
        self.problem(
            table,
            key,
            "type",
            "wrong_type",
            key=key,
            what=phrase("type_date"),
            got=_type_name(value),
        )
        return None

    def choice(self, raw, table, key, enum, default):
        value = self.text(raw, table, key)
        if value is None:
            return default
        try:
            return enum(value)
        except ValueError:
            choices = [e.value for e in enum]
            fix = suggest_or(value, choices, "one_of", choices=", ".join(choices))
            self.problem(table, key, "invalid", "unknown_choice", fix, key=key, value=value)
            return None

    def keys(self, raw: dict, table, allowed, required, what):
        for key in raw:
            if key not in allowed:
                fix = suggest_or(key, allowed, "allowed_keys", keys=", ".join(sorted(allowed)))
                self.problem(table, key, "unknown-key", "unknown_key", fix, key=key, table=what)
        for key in required:
            if key not in raw:
                self.problem(
                    table, None, "missing-key", "missing_key", "add_key", key=key, table=what
                )

    # -- the plan -------------------------------------------------------------

    def build(self, data: dict) -> Plan | None:
        for key in data:
            if key not in ("plan", "goal"):
                fix = suggest_or(key, ["plan", "goal"], "plan_tables")
                self.problem((key, 0), None, "unknown-key", "unknown_table", fix, table=key)
        raw_plan = data.get("plan")
        if not isinstance(raw_plan, dict):
            self.problems.append(
                problem(self.name, 1, "missing-key", "no_plan_table", "add_plan_table")
            )
            return None
        table = ("plan", 0)
        self.keys(raw_plan, table, PLAN_KEYS, PLAN_REQUIRED, "[plan]")
        start = self.date(raw_plan, table, "start")
        end = self.date(raw_plan, table, "end")
        tolerance = self.number(raw_plan, table, "tolerance")
        tolerance = DEFAULT_TOLERANCE if tolerance is None else tolerance
        timezone = self.text(raw_plan, table, "timezone") or DEFAULT_TIMEZONE
        areas = self.areas(raw_plan.get("areas"))
        raw_goals = data.get("goal", [])
        if not isinstance(raw_goals, list):
            self.problem(("goal", 0), None, "type", "goal_tables")
            raw_goals = []
        goals = []
        for index, raw in enumerate(raw_goals):
            goal = self.goal(raw, index, start, end, tolerance)
            if goal is not None:
                goals.append(goal)
        if start is None or end is None:
            return None
        offices = tuple(self.offices(raw_plan.get("offices")))
        verification = self.verification(raw_plan.get("verification"))
        bulletin = self.bulletin(raw_plan.get("bulletin"))
        if offices:  # an office may be named by its short name: held by its full one
            goals = [_offices_by_full_name(goal, offices) for goal in goals]
            verification = verification._replace(offices=_full_names(verification.offices, offices))
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
            verification=verification,
            offices=offices,
            origin=self.lines.source(self.name, table),
            bulletin=bulletin,
        )

    def bulletin(self, raw) -> BulletinSettings:
        """[plan.bulletin]: the supervision bulletin's masthead, its 督办
        thresholds in days behind, the days to report back, the ranking's weights."""
        if raw is None:
            return BulletinSettings()
        table = ("plan.bulletin", 0)
        if not isinstance(raw, dict):
            self.problem(("plan", 0), "bulletin", "type", "bulletin_table")
            return BulletinSettings()
        self.keys(raw, table, BULLETIN_KEYS, (), "[plan.bulletin]")
        default = BulletinSettings()
        days = {}
        for key in ("supervise_after", "circulate_after", "reply_within"):
            value = self.get(raw, table, key, (int,), "type_number")
            if value is not None and value < 1:
                self.problem(table, key, "range", "positive_whole", key=key)
                value = None
            days[key] = getattr(default, key) if value is None else value
        if days["circulate_after"] < days["supervise_after"]:
            self.problem(table, "circulate_after", "range", "circulate_before_supervise",
                         "circulate_after_fix", **days)  # fmt: skip
        return BulletinSettings(
            issuer=self.text(raw, table, "issuer") or "",
            title=self.text(raw, table, "title") or "",
            to=self.text(raw, table, "to") or "",
            cc=self.text(raw, table, "cc") or "",
            weights=self.scoring(raw.get("scoring"), default.weights),
            origin=self.lines.source(self.name, table),
            **days,
        )

    def scoring(self, raw, default: tuple) -> tuple[tuple[str, float], ...]:
        """[plan.bulletin.scoring]: a weight for 完成率 and for 按期报送率."""
        if raw is None:
            return default
        table = ("plan.bulletin.scoring", 0)
        if not isinstance(raw, dict):
            self.problem(("plan.bulletin", 0), "scoring", "type", "scoring_table")
            return default
        self.keys(raw, table, SCORING_KEYS, (), "[plan.bulletin.scoring]")
        weights = dict(default)
        for key in SCORING_KEYS:
            value = self.number(raw, table, key)
            if value is not None and value < 0:
                self.problem(table, key, "range", "weight_not_negative", key=key)
            elif value is not None:
                weights[key] = float(value)
        if not any(w > 0 for w in weights.values()):
            self.problem(table, None, "range", "weights_all_zero")
            return default
        return tuple((m, weights[m]) for m, _ in default)

    def verification(self, raw) -> Verification:
        """[plan.verification]: how reported figures are checked (核实)."""
        if raw is None:
            return Verification()
        table = ("plan.verification", 0)
        if not isinstance(raw, dict):
            self.problem(("plan", 0), "verification", "type", "verification_table")
            return Verification()
        self.keys(raw, table, VERIFICATION_KEYS, (), "[plan.verification]")
        required = self.get(raw, table, "required", (bool,), "type_bool")
        offices = self.names(raw, table, "offices")
        within = self.get(raw, table, "within_days", (int,), "type_number")
        limit = self.get(raw, table, "evidence_max_mb", (int,), "type_number")
        for key, value in (("within_days", within), ("evidence_max_mb", limit)):
            if value is not None and value < 1:
                self.problem(table, key, "range", "positive_whole", key=key)
        return Verification(
            required=bool(required),
            offices=offices or (),
            within_days=within if within and within > 0 else 10,
            decides=self.choice(raw, table, "decides", Decides, Decides.REPORTED)
            or Decides.REPORTED,
            evidence_max_mb=limit if limit and limit > 0 else 50,
            origin=self.lines.source(self.name, table),
        )

    def areas(self, raw_areas) -> list[Area]:
        if not isinstance(raw_areas, list):
            if raw_areas is not None:
                self.problem(("plan", 0), "areas", "type", "areas_tables")
            return []
        areas = []
        for index, raw in enumerate(raw_areas):
            table = ("plan.areas", index)
            if not isinstance(raw, dict):
                self.problem(("plan", 0), "areas", "type", "area_not_table")
                continue
            self.keys(raw, table, AREA_KEYS, ("id", "name", "name_en"), "[[plan.areas]]")
            area_id = self.text(raw, table, "id")
            if area_id:
                areas.append(
                    Area(
                        area_id,
                        self.text(raw, table, "name") or area_id,
                        self.text(raw, table, "name_en") or area_id,
                        origin=self.lines.source(self.name, table),
                        short=self.text(raw, table, "short") or "",
                    )
                )
        return areas

    def offices(self, raw_offices) -> list[Office]:
        """[[plan.offices]]: each responsible office, named once."""
        if raw_offices is None:
            return []
        if not isinstance(raw_offices, list):
            self.problem(("plan", 0), "offices", "type", "offices_tables")
            return []
        offices = []
        for index, raw in enumerate(raw_offices):
            table = ("plan.offices", index)
            if not isinstance(raw, dict):
                self.problem(("plan", 0), "offices", "type", "office_not_table")
                continue
            self.keys(raw, table, OFFICE_KEYS, ("name",), "[[plan.offices]]")
            name = self.text(raw, table, "name")
            if name:
                offices.append(
                    Office(
                        name,
                        self.text(raw, table, "short") or "",
                        self.text(raw, table, "leader") or "",
                        self.names(raw, table, "signers") or (),
                        origin=self.lines.source(self.name, table),
                    )
                )
        return offices

    # -- one goal -------------------------------------------------------------

    def goal(self, raw, index, plan_start, plan_end, plan_tolerance) -> Goal | None:
        table = ("goal", index)
        if not isinstance(raw, dict):
            self.problem(table, None, "type", "goal_not_table")
            return None
        before = len(self.problems)
        self.keys(raw, table, GOAL_KEYS, GOAL_REQUIRED, "[[goal]]")
        goal_id = self.text(raw, table, "id")
        kind = self.choice(raw, table, "kind", Kind, None)
        deadline = self.date(raw, table, "deadline") or plan_end
        start = self.date(raw, table, "start") or plan_start
        fields = dict(
            id=goal_id,
            title=self.text(raw, table, "title"),
            title_en=self.text(raw, table, "title_en"),
            area=self.text(raw, table, "area"),
            owner=self.text(raw, table, "owner"),
            kind=kind,
            deadline=deadline,
            source=self.text(raw, table, "source"),
            start=start,
        )
        if kind is not None:
            fields.update(self.kind_fields(raw, table, kind))
        fields["update_every"] = self.choice(
            raw, table, "update_every", UpdateEvery, UpdateEvery.MONTHLY
        )
        tolerance = self.number(raw, table, "tolerance")
        fields["tolerance"] = plan_tolerance if tolerance is None else tolerance
        fields.update(self.shared_fields(raw, table))
        broken = len(self.problems) > before or any(
            fields.get(k, ()) is None
            for k in (*GOAL_REQUIRED, "start", "deadline", "update_every", "items",
                      "co_owners", "revisions", "start_items", "trajectory", "judged", "decimals",
                      "verified_by", "evidence")
        )  # fmt: skip
        if broken:
            if isinstance(goal_id, str):
                self.unbuilt.add(goal_id)
            return None
        return Goal(**fields, origin=self.lines.source(self.name, table))

    def kind_fields(self, raw, table, kind: Kind) -> dict:
        """The keys of the goal's kind, each read as the kind types it."""
        for key in sorted(KINDS[kind].requires):
            if key not in raw:
                self.problem(
                    table,
                    None,
                    "missing-key",
                    "kind_needs_key",
                    "add_key_goal",
                    kind=kind.value,
                    key=key,
                )
        for key, kinds in ONLY_FOR.items():
            if key in raw and kind not in kinds:
                fits = " / ".join(k.value for k in kinds)
                self.problem(
                    table,
                    key,
                    "kind-key",
                    "key_not_for_kind",
                    "key_is_for",
                    key=key,
                    kind=kind.value,
                    kinds=fits,
                )
        out: dict = {}
        for key in KINDS[kind].keys:
            out.update(self.typed(raw, table, key, out))
        if "trajectory" in raw:
            out["trajectory"] = self.trajectory(raw, table)
        return out

    def typed(self, raw, table, key: PlanKey, fields: dict) -> dict:
        """One key of a kind's own, read by its type: the goal's fields it sets."""
        name = key.name
        if key.typed is Typed.NUMBER:
            return {name: self.number(raw, table, name)}
        if key.typed is Typed.TEXT:
            value = self.text(raw, table, name)
            return {name: key.default if value is None else value}
        if key.typed is Typed.CHOICE:
            return {name: self.choice(raw, table, name, key.choices, key.default)}
        if key.typed is Typed.ITEMS:  # a checklist's items, a milestone's stages: its items
            items = self.items(raw, table, name)
            return {
                "items": None if items is None else tuple(i.name for i in items),
                "item_deadlines": tuple(i for i in items or () if i.deadline is not None),
            }
        if key.typed is Typed.NAMES:
            return {name: self.names(raw, table, name)}
        return {name: self.decimals(raw, table, fields.get("unit", ""))}

    def items(self, raw, table, key: str = "items") -> tuple[Item, ...] | None:
        """Item (or stage) names, each either "name" or {name = "…", deadline = 2020-06-30}."""
        value = raw.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem(table, key, "type", "items_not_names", key=key)
            return None
        items = []
        for item in value:
            if isinstance(item, str):
                items.append(Item(item, None))
            elif isinstance(item, dict) and set(item) <= {"name", "deadline"} and "name" in item:
                name = self.get(item, table, "name", (str,), "type_text")
                day = self.date(item, table, "deadline")
                if name is None:
                    return None
                items.append(Item(name, day))
            else:
                self.problem(table, key, "type", "items_not_names", key=key)
                return None
        return tuple(items)

    def decimals(self, raw, table, unit: str) -> int | None:
        """`decimals = N`, else 2 for a unit counted in fractions (亿元, 公里 …), else 0."""
        from tracker.numbers import DECIMAL_UNITS, DEFAULT_DECIMALS

        value = self.get(raw, table, "decimals", (int,), "type_number")
        if value is None and "decimals" in raw:
            return None
        if value is None:
            return DEFAULT_DECIMALS if unit in DECIMAL_UNITS else 0
        return value

    def names(self, raw, table, key) -> tuple[str, ...] | None:
        value = raw.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(i, str) for i in value):
            self.problem(table, key, "type", "names_list", key=key)
            return None
        return tuple(value)

    def shared_fields(self, raw, table) -> dict:
        """Keys any kind of goal may have: shared offices, revisions, years."""
        out: dict = {"co_owners": self.names(raw, table, "co_owners")}
        out["carried_from"] = self.text(raw, table, "carried_from")
        multi_year = self.get(raw, table, "multi_year", (bool,), "type_bool")
        out["multi_year"] = bool(multi_year)
        out["revisions"] = self.revisions(raw, table)
        out["verify"] = self.get(raw, table, "verify", (bool,), "type_bool")
        out["verified_by"] = self.names(raw, table, "verified_by")
        out["evidence"] = self.choice(raw, table, "evidence", EvidenceRule, EvidenceRule.NONE)
        out["indicator"] = self.text(raw, table, "indicator")
        return out

    def revisions(self, raw, table) -> tuple[Revision, ...] | None:
        value = raw.get("revisions")
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
            self.problem(table, "revisions", "type", "revisions_not_list", "revision_example")
            return None
        found = []
        for item in value:
            unknown = set(item) - REVISION_KEYS
            if unknown or "date" not in item:
                self.problem(table, "revisions", "type", "revision_shape", "revision_example")
                return None
            day = self.date(item, table, "date")
            target = self.get(item, table, "target", (int, float), "type_number")
            deadline = self.date(item, table, "deadline")
            reason = self.get(item, table, "reason", (str,), "type_text") or ""
            document = self.get(item, table, "document", (str,), "type_text") or ""
            if day is None:
                return None
            target = float(target) if target is not None else None
            found.append(Revision(day, reason, target, deadline, document))
        return tuple(found)

    def trajectory(self, raw, table) -> tuple[Checkpoint, ...] | None:
        value = raw.get("trajectory")
        if not isinstance(value, list):
            self.problem(table, "trajectory", "type", "trajectory_not_list", "trajectory_example")
            return None
        points: list[Checkpoint] = []
        for point in value:
            if not isinstance(point, dict) or set(point) != {"date", "value"}:
                self.problem(table, "trajectory", "type", "checkpoint_shape", "trajectory_example")
                return None
            day = self.date(point, table, "date")
            number = self.get(point, table, "value", (int, float), "type_number")
            if day is None or number is None:
                return None
            points.append(Checkpoint(day, float(number)))
        return tuple(points)


def _type_name(value):
    """A value's TOML type as a phrase, so the message reads in either language."""
    from tracker.words import phrase

    key = {
        bool: "type_bool",
        int: "type_number",
        float: "type_number",
        str: "type_text",
        list: "type_list",
        dict: "type_table",
    }.get(type(value))
    return phrase(key) if key else type(value).__name__
