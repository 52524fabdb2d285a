"""city.toml → City: the city's own table, its districts, its code list of
indicators and its scoring rule, every problem at its line. Read with the same
typed getters as goals.toml (tracker.storage.planfile), so a wrong type or an
unknown key reads the same in either file."""

from __future__ import annotations

import os
from pathlib import Path

from tracker.engine.city import City, DistrictSpec, Indicator
from tracker.engine.ranking import DEFAULT_RULE, MEASURES, ScoringRule
from tracker.problems import ExitCode, Problem, TrackerError, problem, suggest_or
from tracker.storage.planfile import DEFAULT_TIMEZONE, LineMap, _PlanBuilder, _syntax_problem

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib  # type: ignore[no-redef]

CITY_FILE = "city.toml"
FETCHED = "repos"  # where `city fetch` keeps the districts' clones, inside the city folder
CITY_KEYS = {"id", "title", "title_en", "year", "timezone", "issuer", "scoring"}
CITY_REQUIRED = ("id", "title", "title_en", "year")
DISTRICT_KEYS = {"id", "name", "name_en", "path", "url", "ref"}
INDICATOR_KEYS = {"code", "name", "name_en", "unit"}
TABLES = ("city", "district", "indicator")


def find_city(explicit: str | None, *, env: dict, cwd: Path) -> Path:
    """The city folder: --city DIR, else $TRACKER_CITY, else the nearest folder
    from the working directory upwards that holds city.toml."""
    for candidate, origin in ((explicit, "--city"), (env.get("TRACKER_CITY"), "TRACKER_CITY")):
        if candidate:
            root = Path(candidate).expanduser()
            if not (root / CITY_FILE).is_file():
                raise TrackerError(
                    problem(str(root), None, "no-city", "city.no_file_in", "city.point_at",
                            folder=str(root), origin=origin),
                    ExitCode.BAD_DATA,
                )  # fmt: skip
            return root.resolve()
    for folder in (cwd, *cwd.parents):
        if (folder / CITY_FILE).is_file():
            return folder
    raise TrackerError(
        problem(str(cwd), None, "no-city", "city.no_file_here", "city.run_inside"),
        ExitCode.BAD_DATA,
    )


def display(path: Path) -> str:
    """A path as messages show it: relative to the working directory."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def read_city(root: Path) -> tuple[City | None, list[Problem]]:
    """city.toml of the folder `root`; never raises for what the file holds."""
    path = root / CITY_FILE
    name = display(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        return None, [problem(name, None, "unreadable", "cannot_read", reason=exc.strerror or exc)]
    except UnicodeDecodeError:
        return None, [problem(name, None, "encoding", "not_utf8", "save_as_utf8")]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return None, [_syntax_problem(exc, name)]
    reader = _PlanBuilder(name, LineMap.scan(text))
    city = _build(reader, data)
    return city, reader.problems


def _build(reader: _PlanBuilder, data: dict) -> City | None:
    for key in data:
        if key not in TABLES:
            fix = suggest_or(key, TABLES, "city.tables")
            reader.problem((key, 0), None, "unknown-key", "unknown_table", fix, table=key)
    raw = data.get("city")
    if not isinstance(raw, dict):
        reader.problems.append(
            problem(reader.name, 1, "missing-key", "city.no_city_table", "city.add_city_table")
        )
        return None
    table = ("city", 0)
    reader.keys(raw, table, CITY_KEYS, CITY_REQUIRED, "[city]")
    year = reader.get(raw, table, "year", (int,), "type_number")
    districts = _districts(reader, _tables(reader, data, "district"))
    indicators = _indicators(reader, _tables(reader, data, "indicator"))
    rule = _rule(reader, raw.get("scoring"))
    texts = {key: reader.text(raw, table, key) or "" for key in ("id", "title", "title_en",
                                                                "timezone", "issuer")}  # fmt: skip
    if year is None:
        return None
    return City(
        id=texts["id"],
        title=texts["title"],
        title_en=texts["title_en"],
        year=year,
        timezone=texts["timezone"] or DEFAULT_TIMEZONE,
        issuer=texts["issuer"],
        districts=tuple(districts),
        indicators=tuple(indicators),
        rule=rule,
        origin=reader.lines.source(reader.name, table),
    )


def _tables(reader: _PlanBuilder, data: dict, name: str) -> list:
    value = data.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        reader.problem((name, 0), None, "type", "city.not_tables", table=f"[[{name}]]")
        return []
    return value


def _districts(reader: _PlanBuilder, raws: list[dict]) -> list[DistrictSpec]:
    out = []
    for index, raw in enumerate(raws):
        table = ("district", index)
        reader.keys(raw, table, DISTRICT_KEYS, ("id", "name"), "[[district]]")
        district_id, name = reader.text(raw, table, "id"), reader.text(raw, table, "name")
        path, url = reader.text(raw, table, "path"), reader.text(raw, table, "url")
        ref = reader.text(raw, table, "ref")
        if (path is None) == (url is None):
            reader.problem(table, None, "invalid", "city.path_or_url", "city.path_or_url_fix",
                           district=district_id or index + 1)  # fmt: skip
            continue
        if ref is not None and url is None:
            reader.problem(table, "ref", "invalid", "city.ref_needs_url", "city.ref_needs_url_fix")
        if district_id is None or name is None:
            continue
        out.append(
            DistrictSpec(
                id=district_id,
                name=name,
                name_en=reader.text(raw, table, "name_en") or name,
                path=path,
                url=url,
                ref=ref,
                origin=reader.lines.source(reader.name, table),
            )
        )
    return out


def _indicators(reader: _PlanBuilder, raws: list[dict]) -> list[Indicator]:
    out: list[Indicator] = []
    for index, raw in enumerate(raws):
        table = ("indicator", index)
        reader.keys(raw, table, INDICATOR_KEYS, ("code", "name", "name_en"), "[[indicator]]")
        code, name = reader.text(raw, table, "code"), reader.text(raw, table, "name")
        if code is None or name is None:
            continue
        if any(i.code == code for i in out):
            reader.problem(table, "code", "duplicate", "city.indicator_twice",
                           "city.indicator_twice_fix", code=code)  # fmt: skip
            continue
        out.append(
            Indicator(
                code,
                name,
                reader.text(raw, table, "name_en") or name,
                reader.text(raw, table, "unit") or "",
                origin=reader.lines.source(reader.name, table),
            )
        )
    return out


def _rule(reader: _PlanBuilder, raw) -> ScoringRule:
    """[city.scoring]: a weight per measure (completion, on_time)."""
    if raw is None:
        return DEFAULT_RULE
    table = ("city.scoring", 0)
    if not isinstance(raw, dict):
        reader.problem(("city", 0), "scoring", "type", "city.scoring_table", "city.scoring_fix")
        return DEFAULT_RULE
    reader.keys(raw, table, set(MEASURES), (), "[city.scoring]")
    weights = []
    for measure in MEASURES:
        weight = reader.number(raw, table, measure)
        if weight is not None and weight < 0:
            reader.problem(table, measure, "range", "city.weight_negative", "city.scoring_fix",
                           key=measure)  # fmt: skip
            return DEFAULT_RULE
        weights.append((measure, weight or 0.0))
    if not any(w for _, w in weights):
        reader.problem(table, None, "range", "city.weights_zero", "city.scoring_fix")
        return DEFAULT_RULE
    return ScoringRule(tuple(weights))


SKELETON = """\
# city.toml — {title}
# The districts whose plans this city follows, the code list of indicators a
# district's goal names (indicator = "…" in its goals.toml) so like is compared
# with like, and the rule rankings use. Then: `tracker city fetch`, `tracker
# city status`, `tracker city rank`, `tracker city summary`.

[city]
id = "city-{year}"
title = "{title}"
title_en = "{year} commitments of the city"
year = {year}
timezone = "Asia/Shanghai"
issuer = "市人民政府督查室"

# 排名规则：得分 = 完成率 × 权重 + 按期报送率 × 权重（权重按比例折算，满分100）
[city.scoring]
completion = 0.7
on_time = 0.3

# A district is a plan folder inside this folder …
# [[district]]
# id = "shifeng"
# name = "石峰区"
# name_en = "Shifeng"
# path = "districts/shifeng"
#
# … or a git repository, brought into repos/ by `tracker city fetch`:
# [[district]]
# id = "hetang"
# name = "荷塘区"
# url = "https://git.example.org/hetang/plan.git"
# ref = "main"                # a branch, a tag or a commit

# [[indicator]]
# code = "jobs.new-urban"
# name = "城镇新增就业"
# name_en = "New urban jobs"
# unit = "人"
"""
IGNORED = "# the districts' clones made by `tracker city fetch`\n/repos/\n"


def start_city(root: Path, year: int) -> list[Path]:
    """A new city folder: a commented city.toml (valid as it stands) and a
    .gitignore for the clones; refuses, writing nothing, if either exists."""
    from tracker.storage.journal import machine_errors

    texts = {
        root / CITY_FILE: SKELETON.format(year=year, title=f"{year}年工作目标"),
        root / ".gitignore": IGNORED,
    }
    existing = [p for p in texts if p.exists() or p.is_symlink()]
    if existing:
        raise TrackerError(
            [problem(str(p), None, "exists", "init_exists", "init_exists_fix") for p in existing],
            ExitCode.BAD_DATA,
        )
    for path, text in texts.items():
        with machine_errors(path):
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
    return list(texts)
