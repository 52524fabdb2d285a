"""Benchmarks for a city of districts, as whole processes (measured, never
timed tests): ten districts of 100k entries each (the bundled plan, synthetic
logs as run.py writes them) read by one `tracker city status` — warm (every
district's cache fresh) and cold (no cache anywhere) — beside the same
figures for ten separate `tracker status` processes and the floor of reading
every district's lines with orjson; the Parquet export of a 1M-entry district
against its own orjson floor; and a DuckDB group-by over ten districts'
exports (10M entries). Medians of interleaved rounds. See benchmarks/README.md.

    python benchmarks/city.py                 # ~10 minutes, most of it making the data
    python benchmarks/city.py --runs 3 --per-district 100000 --big 1000000
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import ORJSON_READ, REPO, TRACKER, WORK, interleaved, run_once, write_log  # noqa: E402

CITY = WORK / "city"
AS_OF = "2020-06-30"

ORJSON_CITY = """
import sys, pathlib, orjson
count = 0
for folder in sys.argv[1:]:
    for path in sorted(pathlib.Path(folder).glob("*.jsonl")):
        for line in path.read_bytes().splitlines():
            orjson.loads(line); count += 1
"""


def make_city(districts: int, per_district: int) -> list[Path]:
    """The city folder: `districts` plan folders of the bundled plan, each with
    `per_district` synthetic entries, and city.toml naming them."""
    folders = [CITY / "districts" / f"d{i:02d}" for i in range(districts)]
    marker = CITY / f".made-{districts}x{per_district}"
    if marker.exists():
        return folders
    shutil.rmtree(CITY, ignore_errors=True)
    tables = []
    for i, folder in enumerate(folders):
        (folder / "progress").mkdir(parents=True)
        shutil.copy(REPO / "goals.toml", folder / "goals.toml")
        write_log(per_district, folder / "progress")
        tables.append(
            f'[[district]]\nid = "d{i:02d}"\nname = "第{i}区"\npath = "districts/d{i:02d}"\n'
        )
    (CITY / "city.toml").write_text(
        '[city]\nid = "bench"\ntitle = "基准市"\ntitle_en = "Bench city"\nyear = 2020\n\n'
        + "\n".join(tables),
        encoding="utf-8",
    )
    marker.touch()
    return folders


def drop_caches(folders: list[Path]):
    def setup():
        for folder in folders:
            shutil.rmtree(folder / "progress" / ".cache", ignore_errors=True)

    return setup


def ten_processes(folders: list[Path], *, cold: bool, runs: int) -> dict:
    """Ten `tracker status` processes one after another, summed per round."""
    totals = []
    for _ in range(runs + 1):  # the first round warms the page cache
        if cold:
            drop_caches(folders)()
        start = time.perf_counter()
        for folder in folders:
            _, _, code = run_once([TRACKER, "--data", str(folder), "status", "--format", "json",
                                   "--as-of", AS_OF])  # fmt: skip
            assert code == 0, folder
        totals.append(time.perf_counter() - start)
    return {"median_s": statistics.median(totals[1:]), "min_s": min(totals[1:]), "runs": runs}


def bench_city(districts: int, per_district: int, runs: int) -> dict:
    folders = make_city(districts, per_district)
    progress = [str(f / "progress") for f in folders]
    city = [TRACKER, "city", "status", "--city", str(CITY), "--format", "json", "--as-of", AS_OF]
    measured = interleaved(
        {
            "orjson read of every district's lines (the floor)": [sys.executable, "-c",
                                                                  ORJSON_CITY, *progress],
            "city status, warm": city,
            "city status, no caches": (city, drop_caches(folders)),
        },
        runs,
    )  # fmt: skip
    measured["ten status processes, warm"] = ten_processes(folders, cold=False, runs=runs)
    measured["ten status processes, no caches"] = ten_processes(folders, cold=True, runs=runs)
    return measured


def bench_export(big: int, runs: int) -> dict:
    """The export of one district of `big` entries (its cache warm, as after
    any command), and a DuckDB group-by over ten copies of its entries."""
    folder = WORK / f"export-{big}"
    marker = folder / ".made"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        (folder / "progress").mkdir(parents=True)
        shutil.copy(REPO / "goals.toml", folder / "goals.toml")
        write_log(big, folder / "progress")
        marker.touch()
    out = WORK / "export-out"
    measured = interleaved(
        {
            f"orjson read of the {big:,} lines (the floor)": [sys.executable, "-c", ORJSON_READ,
                                                             str(folder / "progress")],
            f"export --format parquet, {big:,} entries": [
                TRACKER, "--data", str(folder), "export", "--format", "parquet", str(out),
                "--as-of", AS_OF],
        },
        runs,
    )  # fmt: skip
    # Ten districts' exports: the one district's files under ten partitions.
    ten = WORK / "export-ten"
    shutil.rmtree(ten, ignore_errors=True)
    (source,) = (out / "entries").iterdir()
    for i in range(10):
        target = ten / "entries" / f"district=d{i:02d}"
        target.mkdir(parents=True)
        shutil.copy(source / "part-0.parquet", target / "part-0.parquet")
    query = ("SELECT district, goal, count(*) AS n, sum(value) AS total FROM entries "
             "WHERE NOT retracted GROUP BY district, goal ORDER BY district, goal")  # fmt: skip
    measured[f"tracker sql group-by over ten exports ({10 * big:,} entries), process"] = (
        interleaved({"sql": [TRACKER, "sql", "--export", str(ten), query]}, runs)["sql"]
    )
    measured[f"DuckDB group-by over ten exports ({10 * big:,} entries), query alone"] = (
        duckdb_query(ten, query, runs)
    )
    return measured


def duckdb_query(folder: Path, query: str, runs: int) -> dict:
    """The query alone, in this process: what DuckDB takes once started."""
    import duckdb

    from tracker.city.sql import views_sql

    connection = duckdb.connect()
    for statement in views_sql(folder):
        connection.execute(statement)
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        connection.execute(query).fetchall()
        times.append(time.perf_counter() - start)
    return {"median_s": statistics.median(times[1:]), "min_s": min(times[1:]), "runs": runs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--districts", type=int, default=10)
    parser.add_argument("--per-district", type=int, default=100_000)
    parser.add_argument("--big", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default=str(Path(__file__).with_name("city-results.json")))
    args = parser.parse_args()
    report = {
        "machine": f"{platform.system()} {platform.release()} {platform.machine()}, "
        f"Python {platform.python_version()}",
        "city": bench_city(args.districts, args.per_district, args.runs),
        "export": bench_export(args.big, args.runs),
    }
    Path(args.out).write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    for part in ("city", "export"):
        print(f"\n{part}")
        for name, figures in report[part].items():
            print(f"  {name:<75} {figures['median_s']:8.3f} s  (min {figures['min_s']:.3f})")


if __name__ == "__main__":
    main()
