"""Starting a plan folder: the goals.toml skeleton, progress/README.md,
.gitattributes (the union merge) and .gitignore — never over an existing file —
and writing a Plan back as goals.toml for next year's plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tracker.jsontext import dumps
from tracker.kinds import PlanKey, Typed, kind_of
from tracker.model import BulletinSettings, EvidenceRule, Goal, Plan, Verification
from tracker.numbers import plain_number
from tracker.problems import ExitCode, TrackerError, problem
from tracker.storage.journal import machine_errors

SKELETON = Path(__file__).parent / "skeleton"
FILES = {
    "goals.toml": "goals.toml",
    "progress/README.md": "progress-README.md",
    ".gitattributes": "gitattributes",
    ".gitignore": "gitignore",
}


def skeleton_text(name: str) -> str:
    return (SKELETON / FILES[name]).read_text(encoding="utf-8")


def blank_plan(year: int) -> str:
    """The commented goals.toml of a new plan for `year` (valid as it stands)."""
    return skeleton_text("goals.toml").format(
        plan_id=f"plan-{year}",
        title=f"{year}年工作目标",
        title_en=f"{year} commitments",
        start=dt.date(year, 1, 1).isoformat(),
        end=dt.date(year, 12, 31).isoformat(),
        start_year=year,
    )


def create_folder(root: Path, goals_toml: str) -> list[Path]:
    """Write the plan folder's files; refuse (writing nothing) if any exists."""
    texts = {name: skeleton_text(name) for name in FILES}
    texts["goals.toml"] = goals_toml
    paths = {name: root / name for name in FILES}
    existing = [p for p in paths.values() if p.exists() or p.is_symlink()]
    if existing:
        raise TrackerError(
            [problem(str(p), None, "exists", "init_exists", "init_exists_fix") for p in existing],
            ExitCode.BAD_DATA,
        )
    written = []
    for name, path in paths.items():
        with machine_errors(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "x", encoding="utf-8", newline="\n") as handle:
                handle.write(texts[name])
        written.append(path)
    return written


# ── a Plan as goals.toml ─────────────────────────────────────────────────────


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(plain_number(value))
    if isinstance(value, str):
        return dumps(value)  # JSON's escapes are TOML's (and DEL, C1 are escaped too)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(type(value).__name__)


def dump_plan(plan: Plan, *, header: str = "") -> str:
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    lines += ["", "[plan]"]
    for key in ("id", "title", "title_en", "start", "end", "timezone", "tolerance", "source"):
        value = getattr(plan, key)
        if value not in ("", None):
            lines.append(f"{key} = {toml_value(value)}")
    lines += _settings("[plan.verification]", plan.verification, Verification())
    lines += _settings("[plan.bulletin]", plan.bulletin, BulletinSettings())
    for area in plan.areas:
        lines += ["", "[[plan.areas]]"]
        lines += [f"{k} = {toml_value(getattr(area, k))}" for k in ("id", "name", "name_en")]
        lines += [f"short = {toml_value(area.short)}"] if area.short else []
    for office in plan.offices:
        lines += ["", "[[plan.offices]]", f"name = {toml_value(office.name)}"]
        lines += [f"{k} = {toml_value(getattr(office, k))}" for k in ("short", "leader")
                  if getattr(office, k)]  # fmt: skip
        lines += [f"signers = {toml_value(list(office.signers))}"] if office.signers else []
    for goal in plan.goals:
        lines += ["", "[[goal]]", *_goal_lines(goal)]
    return "\n".join(lines) + "\n"


def _settings(table: str, settings, default) -> list[str]:
    """A plan's settings table as goals.toml gives it: the keys that differ
    from the defaults (none: no table)."""
    lines = []
    for name in settings._fields:
        value, usual = getattr(settings, name), getattr(default, name)
        if name == "origin" or value == usual:
            continue
        if name == "weights":
            lines.append(f"scoring = {toml_value(dict(value))}")
        else:
            value = value.value if hasattr(value, "value") else value
            lines.append(
                f"{name} = {toml_value(list(value) if isinstance(value, tuple) else value)}"
            )
    return ["", table, *lines] if lines else []


def _goal_lines(goal: Goal) -> list[str]:
    fields: dict = {
        "id": goal.id,
        "title": goal.title,
        "title_en": goal.title_en,
        "area": goal.area,
        "owner": goal.owner,
        "co_owners": list(goal.co_owners) or None,
        "kind": goal.kind.value,
        "start": goal.start,
        "deadline": goal.deadline,
    }
    fields.update((key.name, _written(goal, key)) for key in kind_of(goal).keys)
    fields.update(
        update_every=goal.update_every.value,
        tolerance=goal.tolerance,
        trajectory=[{"date": c.date, "value": c.value} for c in goal.trajectory] or None,
        carried_from=goal.carried_from,
        multi_year=goal.multi_year or None,
        indicator=goal.indicator,
        evidence=goal.evidence.value if goal.evidence is not EvidenceRule.NONE else None,
        verify=goal.verify,
        verified_by=list(goal.verified_by) or None,
        source=goal.source,
    )
    return [f"{key} = {toml_value(value)}" for key, value in fields.items() if value is not None]


def _written(goal: Goal, key: PlanKey):
    """A key of the goal's kind as goals.toml gives it (as the plan reader
    reads it by its type); None: left out."""
    value = getattr(goal, key.name)
    if key.typed is Typed.CHOICE:
        return value.value
    if key.typed is Typed.ITEMS:
        dated = {i.name: i.deadline for i in goal.item_deadlines}
        return [{"name": name, "deadline": dated[name]} if name in dated else name
                for name in value]  # fmt: skip
    if key.typed is Typed.NAMES:
        return list(value) or None
    if key.typed in (Typed.TEXT, Typed.DECIMALS):
        return value or None
    return value
