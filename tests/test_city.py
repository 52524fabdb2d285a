"""A city of districts: real git repositories (each with its own plan and log)
fetched into a city folder, reported, ranked and summed up in a bulletin —
every district's figures the very ones its own `status` gives for the same
day — and bad input (a missing folder, not a plan, a symlink out, a ref that
does not exist, an id claimed twice, an unknown indicator, another year) each
a located problem with a hint while the report comes out for the rest."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Run, validator
from tracker.engine.ranking import COMPLETION, Member, ScoringRule, outcomes, rank, total

AS_OF = "2020-06-30"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "督查室", "GIT_AUTHOR_EMAIL": "dc@example.org",
    "GIT_COMMITTER_NAME": "督查室", "GIT_COMMITTER_EMAIL": "dc@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
}  # fmt: skip

PLAN = """\
[plan]
id = "{id}-{year}"
title = "{name}{year}年工作目标"
title_en = "{id} {year}"
start = {year}-01-01
end = {year}-12-31
timezone = "Asia/Shanghai"

[[plan.areas]]
id = "livelihood"
name = "民生"
name_en = "livelihood"

[[goal]]
id = "{id}.jobs"
title = "城镇新增就业1000人"
title_en = "1,000 new urban jobs"
area = "livelihood"
owner = "区人社局"
co_owners = ["区总工会"]
kind = "count"
target = 1000
unit = "人"
indicator = "{indicator}"
source = "城镇新增就业1000人。"

[[goal]]
id = "{id}.school"
title = "新建学校一所"
title_en = "Build a school"
area = "livelihood"
owner = "区教育局"
kind = "milestone"
deadline = {year}-06-15
source = "新建学校一所。"
"""

CITY = """\
[city]
id = "zz-2020"
title = "株洲市2020年工作目标"
title_en = "Zhuzhou 2020"
year = 2020
issuer = "株洲市人民政府督查室"

[city.scoring]
completion = 0.5
on_time = 0.5
{districts}
[[indicator]]
code = "jobs.new-urban"
name = "城镇新增就业"
name_en = "New urban jobs"
unit = "人"
"""


def git(*args, cwd: Path) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **GIT_ENV},
                          capture_output=True, text=True, check=True)  # fmt: skip
    return done.stdout.strip()


def district_repo(root: Path, district: str, name: str, *, jobs: list[tuple[str, int]],
                  school: str | None, year: int = 2020, indicator: str = "jobs.new-urban") -> Path:  # fmt: skip
    """A district's own git repository: its plan, its log, one commit."""
    repo = root / district
    (repo / "progress").mkdir(parents=True)
    (repo / "goals.toml").write_text(
        PLAN.format(id=district, name=name, year=year, indicator=indicator), encoding="utf-8"
    )
    entries = [{"goal": f"{district}.jobs", "date": d, "value": v} for d, v in jobs]
    if school:
        entries.append({"goal": f"{district}.school", "date": school, "done": True})
    if entries:
        Run(repo).log_batch(entries)
    git("init", "-q", "-b", "main", cwd=repo)
    git("add", "goals.toml", "progress", cwd=repo)
    git("commit", "-qm", "计划和记录", cwd=repo)
    return repo


def district_table(district: str, name: str, **where) -> str:
    lines = [f'\n[[district]]\nid = "{district}"\nname = "{name}"']
    lines += [f'{key} = "{value}"' for key, value in where.items()]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> dict:
    """Three districts, each its own git repository, and a city folder naming
    them by URL at a ref, fetched once."""
    base = tmp_path_factory.mktemp("city")
    repos = base / "repos"
    made = {
        "shifeng": district_repo(repos, "shifeng", "石峰区", school="2020-06-01",
                                 jobs=[("2020-02-10", 200), ("2020-06-20", 300)]),
        "hetang": district_repo(repos, "hetang", "荷塘区", school=None,
                                jobs=[("2020-03-10", 150), ("2020-06-25", 150)]),
        "lusong": district_repo(repos, "lusong", "芦淞区", school=None,
                                jobs=[("2020-01-20", 100)]),
    }  # fmt: skip
    git("tag", "v2020-06", cwd=made["hetang"])
    folder = base / "zhuzhou"
    folder.mkdir()
    tables = district_table("shifeng", "石峰区", url=made["shifeng"], ref="main")
    tables += district_table("hetang", "荷塘区", url=made["hetang"], ref="v2020-06")
    tables += district_table("lusong", "芦淞区", url=made["lusong"])
    (folder / "city.toml").write_text(CITY.format(districts=tables), encoding="utf-8")
    run = CityRun(folder)
    fetched = run.json("city", "fetch")
    return {"folder": folder, "repos": made, "run": run, "fetched": fetched}


class CityRun(Run):
    """The CLI in-process with the city folder as $TRACKER_CITY."""

    def __call__(self, *args, input=None, env=None, code=None):
        return super().__call__(*args, input=input, code=code,
                                env={"TRACKER_CITY": str(self.root), "TRACKER_DATA": None,
                                     **(env or {})})  # fmt: skip


# ── fetched, reported and ranked ─────────────────────────────────────────────


def test_fetch_clones_each_repository_at_its_ref_and_records_the_commit(city):
    document = city["fetched"]
    validator("city-fetch").validate(document)
    for district in document["districts"]:
        repo = city["repos"][district["id"]]
        assert district["action"] == "cloned"
        assert district["commit"] == git("rev-parse", "HEAD", cwd=repo)
        clone = city["folder"] / "repos" / district["id"]
        assert git("rev-parse", "HEAD", cwd=clone) == district["commit"]


def test_every_districts_figures_are_its_own_status_for_the_same_day(city):
    document = city["run"].json("city", "status", "--as-of", AS_OF)
    validator("city-status").validate(document)
    assert [d["id"] for d in document["districts"]] == ["shifeng", "hetang", "lusong"]
    for district in document["districts"]:
        own = Run(city["folder"] / "repos" / district["id"]).json("status", "--as-of", AS_OF)
        by_id = sorted(own["goals"], key=lambda g: g["id"])
        assert sorted(district["goals"], key=lambda g: g["id"]) == by_id
        assert district["counts"] == own["counts"]
        assert district["commit"] == git("rev-parse", "HEAD", cwd=city["repos"][district["id"]])
    jobs = document["indicators"][0]
    assert jobs["code"] == "jobs.new-urban"
    assert [(c["district"], c["current"]) for c in jobs["districts"]] == [
        ("shifeng", 500), ("hetang", 300), ("lusong", 100)
    ]  # fmt: skip


@pytest.mark.parametrize("fmt", ["table", "csv", "md", "html"])
def test_city_status_in_every_text_format(city, fmt):
    out = city["run"]("city", "status", "--as-of", AS_OF, "--format", fmt, code=0).stdout
    assert "石峰区" in out and "芦淞区" in out
    if fmt == "csv":
        assert out.splitlines()[0].startswith("district,district_name,indicator,commit,id")
        assert len(out.splitlines()) == 1 + 3 * 2


def test_city_show_puts_every_district_on_one_indicator(city):
    document = city["run"].json("city", "show", "jobs.new-urban", "--as-of", AS_OF)
    validator("city-show").validate(document)
    assert [d["goal"] for d in document["districts"]] == ["shifeng.jobs", "hetang.jobs",
                                                          "lusong.jobs"]  # fmt: skip
    by_name = city["run"]("city", "show", "城镇新增就业", "--as-of", AS_OF, code=0).stdout
    assert "荷塘区" in by_name
    wrong = city["run"]("city", "show", "jobs.new-urbn", code=2)
    assert "jobs.new-urban" in wrong.stderr  # did you mean


def test_city_rank_ranks_on_outcomes_with_the_rule_under_the_table(city):
    document = city["run"].json("city", "rank", "--as-of", AS_OF)
    validator("city-rank").validate(document)
    places = [(d["name"], d["place"]) for d in document["districts"]]
    assert places == [("石峰区", 1), ("荷塘区", 2), ("芦淞区", 3)]
    assert document["rule"]["weights"] == {"completion": 0.5, "on_time": 0.5}
    shifeng = document["districts"][0]
    # 完成率: (500/1000 + 1) / 2; both goals reported in time or done.
    assert (shifeng["completion"], shifeng["on_time"], shifeng["score"]) == (0.75, 1.0, 87.5)
    # Offices of each district are their own units; a shared goal counts for both.
    units = {(o["group"], o["name"]) for o in document["offices"]}
    assert ("石峰区", "区总工会") in units and ("荷塘区", "区人社局") in units
    table = city["run"]("city", "rank", "--as-of", AS_OF, code=0).stdout
    blocks = table.split("\n\n")
    rule = next(i for i, b in enumerate(blocks) if b.startswith("排名规则"))
    assert "石峰区" in blocks[rule - 1]  # printed under the ranking it explains
    assert "完成率×50% + 按期报送率×50%" in table


def test_movement_since_the_period_before(city):
    """On 3 June Shifeng's school was not yet done: a week later it had moved."""
    document = city["run"].json("city", "rank", "--as-of", "2020-06-10", "--since", "2020-06-01")
    assert document["previous"] == "2020-05-31"
    moved = {d["name"]: (d["previous_place"], d["place"], d["movement"])
             for d in document["districts"]}  # fmt: skip
    assert moved["石峰区"] == (moved["石峰区"][0], 1, moved["石峰区"][0] - 1)
    assert all(before is not None for before, _, _ in moved.values())


@pytest.mark.parametrize("fmt", ["text", "md", "html", "json"])
def test_the_bulletin_has_a_masthead_the_situation_late_items_and_the_ranking(city, fmt):
    result = city["run"]("city", "summary", "--as-of", AS_OF, "--number", "12",
                         "--format", fmt, code=0)  # fmt: skip
    out = result.stdout
    if fmt == "json":
        document = json.loads(out)
        validator("city-summary").validate(document)
        assert document["masthead"]["number"] == "2020年第12期"
        assert document["overall"]["counted"] == 3 and document["overall"]["goals"] == 6
        late = {(r["district"], r["id"]) for r in document["late"]}
        assert ("lusong", "lusong.school") in late  # its deadline passed undone
        return
    for words in ("株洲市人民政府督查室", "2020年第12期", "总体情况", "滞后事项", "排名规则"):
        assert words in out, words
    assert "lusong.school" not in out  # leaders read titles, not ids
    assert out.index("各区县排名") < out.index("排名规则")


def test_the_bulletin_split_by_district_and_as_a_workbook(city, tmp_path):
    out = tmp_path / "通报"
    result = city["run"]("city", "summary", "--as-of", AS_OF, "--split-by", "district",
                         "--format", "json", "--output", str(out), code=0)  # fmt: skip
    assert sorted(p.name for p in out.iterdir()) == ["hetang.json", "lusong.json", "shifeng.json"]
    assert "石峰区" in result.stdout
    copy = json.loads((out / "lusong.json").read_text(encoding="utf-8"))
    validator("city-summary").validate(copy)
    assert copy["district"] == "lusong" and copy["overall"]["goals"] == 2
    assert {o["group"] for o in copy["ranking"]["offices"]} == {"芦淞区"}
    assert len(copy["ranking"]["districts"]) == 3  # its place is among the others
    book = tmp_path / "通报.xlsx"
    city["run"]("city", "summary", "--as-of", AS_OF, "--format", "xlsx", "--output", str(book),
                code=0)  # fmt: skip
    from openpyxl import load_workbook

    assert len(load_workbook(book).sheetnames) == 4


def test_a_second_fetch_moves_to_the_new_commit(city, tmp_path):
    folder = tmp_path / "again"
    shutil.copytree(city["folder"], folder, symlinks=True)
    repo = city["repos"]["lusong"]
    Run(repo).log_batch([{"goal": "lusong.jobs", "date": "2020-06-28", "value": 50}])
    git("add", "progress", cwd=repo)
    git("commit", "-qm", "六月", cwd=repo)
    try:
        fetched = CityRun(folder).json("city", "fetch")
        lusong = next(d for d in fetched["districts"] if d["id"] == "lusong")
        assert (lusong["action"], lusong["commit"]) == ("updated", git("rev-parse", "HEAD",
                                                                          cwd=repo))  # fmt: skip
        document = CityRun(folder).json("city", "status", "--as-of", AS_OF)
        assert document["indicators"][0]["districts"][2]["current"] == 150
    finally:
        git("reset", "-q", "--hard", "HEAD~1", cwd=repo)


# ── bad input: a located problem with a hint, the rest still reported ────────


def _bad_city(tmp_path: Path, city: dict, case: str) -> tuple[Path, str]:
    """A city folder of two good local districts and one bad one: (folder, id
    of the bad one)."""
    folder = tmp_path / "city"
    districts = folder / "districts"
    districts.mkdir(parents=True)
    for name in ("shifeng", "hetang"):
        shutil.copytree(city["folder"] / "repos" / name, districts / name, ignore=_no_git)
    tables = district_table("shifeng", "石峰区", path="districts/shifeng")
    tables += district_table("hetang", "荷塘区", path="districts/hetang")
    bad = district_table("bad", "坏区", path="districts/bad")
    if case == "missing":
        pass
    elif case == "not_a_plan":
        (districts / "bad").mkdir()
    elif case == "symlink_out":
        outside = tmp_path / "elsewhere"
        shutil.copytree(districts / "shifeng", outside)
        (districts / "bad").symlink_to(outside, target_is_directory=True)
    elif case == "no_ref":
        bad = district_table("bad", "坏区", url=city["repos"]["lusong"], ref="no-such-branch")
    elif case == "twice":
        bad = district_table("shifeng", "又一个石峰区", path="districts/hetang")
    elif case == "unknown_indicator":
        district_repo(districts, "bad", "坏区", jobs=[], school=None, indicator="jobs.urban")
    elif case == "other_year":
        district_repo(districts, "bad", "坏区", jobs=[], school=None, year=2019)
    (folder / "city.toml").write_text(CITY.format(districts=tables + bad), encoding="utf-8")
    return folder, "shifeng" if case == "twice" else "bad"


def _no_git(folder, names):
    return [".git", ".cache"]


BAD = {
    # case: (the problem's location, words of its message, words of its hint, left out)
    "missing": ("city.toml:", "不存在", "path", True),
    "not_a_plan": ("city.toml:", "goals.toml", "指向", True),
    "symlink_out": ("city.toml:", "符号链接", "市级文件夹", True),
    "no_ref": ("city.toml:", "no-such-branch", "ref", True),
    "twice": ("city.toml:", "已被前面的区县使用", "不同的 id", True),
    "unknown_indicator": ("goals.toml:24", "jobs.urban", "jobs.new-urban", False),
    "other_year": ("goals.toml:5", "2019", "ref", True),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_a_located_problem_and_the_rest_is_reported(city, tmp_path, case):
    folder, bad = _bad_city(tmp_path, city, case)
    run = CityRun(folder)
    fetched = run("city", "fetch", code=0)
    result = run("city", "status", "--as-of", AS_OF, "--format", "json", code=0)
    document = json.loads(result.stdout)
    validator("city-status").validate(document)
    where, message, hint, left_out = BAD[case]
    said = fetched.stderr + result.stderr  # a ref is found missing as it is fetched
    line = next(line for line in said.splitlines() if message in line)
    assert where in line and hint in line.split("（", 1)[1], line
    counted = [d["id"] for d in document["districts"] if d["included"]]
    assert "hetang" in counted  # the others are unaffected
    assert (bad in document["left_out"]) is left_out
    if case == "twice":
        assert counted.count("shifeng") == 1
    if case == "unknown_indicator":
        jobs = document["indicators"][0]["districts"]
        assert {c["district"]: c["goal"] for c in jobs}["bad"] is None
    text = run("city", "status", "--as-of", AS_OF, code=0).stdout
    if left_out:
        assert "未纳入" in text  # the report says what it left out
    summary = run("city", "summary", "--as-of", AS_OF, code=0).stdout
    assert "石峰区" in summary


def test_no_city_folder_is_a_located_problem(tmp_path):
    result = Run(tmp_path)("city", "status", "--city", str(tmp_path), code=3)
    assert "city.toml" in result.stderr and "--city" in result.stderr


def test_a_broken_city_toml_stops_with_its_problems_at_their_lines(tmp_path):
    (tmp_path / "city.toml").write_text('[city]\nid = "x"\ntitle = 3\n', encoding="utf-8")
    result = CityRun(tmp_path)("city", "status", code=3)
    assert "city.toml:3" in result.stderr  # title is not text
    assert "year" in result.stderr  # a required key missing


def test_init_city_starts_a_folder_the_city_commands_read(tmp_path):
    run = Run(tmp_path)
    run("init", "--city", str(tmp_path / "zz"), "--year", "2020", code=0)
    document = CityRun(tmp_path / "zz").json("city", "status", "--as-of", AS_OF)
    assert document["districts"] == [] and document["city"]["year"] == 2020
    again = run("init", "--city", str(tmp_path / "zz"), code=3)
    assert "city.toml" in again.stderr


# ── the ranking mechanism, as values ─────────────────────────────────────────


def test_a_shared_goal_counts_for_each_unit_and_once_in_a_total():
    import datetime as dt

    from tests.conftest import make_goal, make_plan
    from tracker.engine.status import statuses_from_series
    from tracker.ledger import build_series

    shared = make_goal("a", owner="甲", co_owners=("乙",))
    alone = make_goal("b", owner="乙")
    plan = make_plan(shared, alone)
    series = {g.id: build_series(g, []) for g in plan.goals}
    statuses = statuses_from_series(plan, series, as_of=dt.date(2020, 6, 30))
    members = [Member(o, s.goal.id, s) for s in statuses for o in s.goal.owners]
    held = {o.unit: o.held for o in outcomes(members)}
    assert held == {"甲": 1, "乙": 2}
    assert total(members).held == 2


def test_ties_share_a_place_and_the_rule_weighs_the_measures():
    from tracker.engine.ranking import Outcome

    def unit(name, completion, reported):
        return Outcome(name, "", 2, 0, completion, 2, reported)

    units = [unit("甲", 0.5, 2), unit("乙", 0.5, 2), unit("丙", 0.9, 0)]
    places = [(r.outcome.unit, r.place, r.score) for r in rank(units)]  # 70 % completion
    assert places == [("乙", 1, 65.0), ("甲", 1, 65.0), ("丙", 3, 63.0)]
    achieved = rank(units, ScoringRule(((COMPLETION, 1.0),)))
    assert [(r.outcome.unit, r.place) for r in achieved] == [("丙", 1), ("乙", 2), ("甲", 2)]
    after = rank(units, before=achieved)
    assert {r.outcome.unit: r.movement for r in after} == {"丙": -2, "甲": 1, "乙": 1}


# ── data out: Parquet read back with pyarrow and DuckDB ──────────────────────


def test_a_citys_export_reads_back_with_pyarrow_and_duckdb(city, tmp_path):
    pa = pytest.importorskip("pyarrow")
    duckdb = pytest.importorskip("duckdb")
    import pyarrow.dataset as ds

    out = tmp_path / "export"
    result = city["run"]("export", "--format", "parquet", str(out), "--as-of", AS_OF, code=0)
    assert "shifeng" in result.stdout
    manifest = json.loads((out / "export.json").read_text(encoding="utf-8"))
    validator("export").validate(manifest)
    commits = {d["district"]: d["commit"] for d in manifest["districts"]}
    assert commits["hetang"] == git("rev-parse", "HEAD", cwd=city["repos"]["hetang"])

    entries = ds.dataset(out / "entries", format="parquet", partitioning="hive").to_table()
    assert entries.schema.field("date").type == pa.date32()
    assert entries.schema.field("recorded_at").type == pa.timestamp("us", tz="UTC")
    per_district = dict(zip(*[c.to_pylist() for c in entries.group_by("district").aggregate(
        [("entry_id", "count")]).columns]))  # fmt: skip
    lines = {name: Run(city["folder"] / "repos" / name).json("entries")["entries"]
             for name in ("shifeng", "hetang", "lusong")}  # fmt: skip
    assert per_district == {name: len(rows) for name, rows in lines.items()}
    row = entries.filter(ds.field("goal") == "shifeng.jobs").sort_by("date").to_pylist()[0]
    assert (row["indicator"], row["office"], row["offices"], row["value"], row["op"]) == (
        "jobs.new-urban", "区人社局", ["区人社局", "区总工会"], 200.0, "value"
    )  # fmt: skip

    states = ds.dataset(out / "states", format="parquet", partitioning="hive").to_table()
    last = states.filter(ds.field("date") == pa.scalar(__import__("datetime").date(2020, 6, 30)))
    own = Run(city["folder"] / "repos" / "lusong").json("status", "--as-of", AS_OF)["goals"]
    exported = {r["goal"]: r["state"] for r in last.to_pylist() if r["district"] == "lusong"}
    assert exported == {g["id"]: g["state"] for g in own}

    connection = duckdb.connect()
    counted = connection.execute(
        f"SELECT district, count(*) FROM read_parquet('{out}/entries/*/*.parquet', "
        "hive_partitioning = true) GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert dict(counted) == per_district
    answer = city["run"].json(
        "sql", "--export", str(out),
        "SELECT district, count(*) AS n FROM entries GROUP BY district ORDER BY district",
    )  # fmt: skip
    validator("sql").validate(answer)
    assert {r["district"]: r["n"] for r in answer["rows"]} == per_district
    table = city["run"]("sql", "--export", str(out), "SELECT max(date) AS d FROM states",
                        code=0).stdout  # fmt: skip
    assert "2020-06-30" in table


def test_one_districts_export_and_sqls_mistakes(city, tmp_path):
    pytest.importorskip("pyarrow")
    pytest.importorskip("duckdb")
    district = Run(city["folder"] / "repos" / "shifeng")
    out = tmp_path / "one"
    district("export", "--format", "parquet", str(out), "--as-of", AS_OF, code=0)
    assert [p.name for p in (out / "entries").iterdir()] == ["district=shifeng-2020"]
    wrong = district("sql", "--export", str(out), "SELECT nope FROM entries", code=2)
    assert "nope" in wrong.stderr and "entries" in wrong.stderr
    empty = district("sql", "--export", str(tmp_path / "none"), "SELECT 1", code=3)
    assert "tracker export" in empty.stderr


@pytest.mark.parametrize("missing", ["pyarrow", "duckdb"])
def test_without_the_analytics_extra_a_message_says_how_to_install_it(city, tmp_path,
                                                                      monkeypatch, missing):  # fmt: skip
    monkeypatch.setitem(__import__("sys").modules, missing, None)  # import fails, as uninstalled
    args = ["export", "--format", "parquet", str(tmp_path)] if missing == "pyarrow" else [
        "sql", "--export", str(tmp_path), "SELECT 1"]  # fmt: skip
    result = city["run"](*args, code=3)
    assert "tracker[analytics]" in result.stderr
    city["run"]("city", "status", "--as-of", AS_OF, code=0)  # the rest works without it


def test_the_readmes_city_section_runs_against_the_example_as_typed(tmp_path, monkeypatch):
    """Each command of the README's block that starts `cd examples/city`, on a
    copy of the example city (so nothing is written into the repository)."""
    import re
    import shlex

    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```sh\n(.*?)\n```", readme, re.DOTALL)
                 if b.startswith("cd examples/city"))  # fmt: skip
    copy = tmp_path / "city"
    shutil.copytree(REPO / "examples" / "city", copy, ignore=shutil.ignore_patterns(".cache"))
    monkeypatch.chdir(copy)
    for line in block.splitlines()[1:]:
        args = shlex.split(line.split("  #")[0])
        assert args[0] == "tracker", line
        if args[1] in ("export", "sql"):
            pytest.importorskip("pyarrow")
            pytest.importorskip("duckdb")
        result = Run(copy)(*args[1:], env={"TRACKER_DATA": None}, code=0)
        assert result.stdout or (copy / "通报.html").exists(), line
    assert "石峰区" in (copy / "通报.html").read_text(encoding="utf-8")


def test_the_exported_entries_are_the_lines_entries_lists(city, tmp_path):
    """Every line, as `tracker entries` lists it: totals, retractions (marked on
    the line they retract), and a line naming a goal the plan no longer has."""
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    folder = tmp_path / "shifeng"
    shutil.copytree(city["folder"] / "repos" / "shifeng", folder, ignore=_no_git)
    run = Run(folder)
    run("log", "shifeng.jobs", "--total", "800", "--date", "2020-06-28", code=0)
    wrong = run.json("entries", "--goal", "shifeng.jobs")["entries"][0]["id"]
    run("retract", wrong, "--reason", "录错", code=0)
    with (folder / "progress" / "2020-05.jsonl").open("a", encoding="utf-8") as log:
        log.write(json.dumps({"id": "0ld9oa1", "goal": "shifeng.old", "date": "2020-05-02",
                              "value": 3, "note": "", "by": "x",
                              "recorded_at": "2020-05-02T01:00:00Z"}) + "\n")  # fmt: skip
    run("export", "--format", "parquet", str(tmp_path / "out"), "--as-of", AS_OF, code=0)
    (part,) = (tmp_path / "out" / "entries").iterdir()
    table = pq.read_table(part / "part-0.parquet")
    exported = {r["entry_id"]: r for r in table.to_pylist()}
    listed = run.json("entries")["entries"]
    assert set(exported) == {e["id"] for e in listed}
    for entry in listed:
        row = exported[entry["id"]]
        assert row["goal"] == entry.get("goal") and row["date"].isoformat() == entry["date"]
        assert (row["retracted"], row["retracted_by"]) == (entry["retracted"],
                                                           entry["retracted_by"])  # fmt: skip
        assert row["value"] == entry.get("value") and row["retracts"] == entry.get("retracts")
        assert row["op"] == ("retract" if "retracts" in entry else "total" if entry.get("total")
                             else "done" if entry.get("done") else "value")  # fmt: skip
    assert exported["0ld9oa1"]["office"] is None  # the plan no longer has its goal
    assert table.schema.field("recorded_at").type == pa.timestamp("us", tz="UTC")
