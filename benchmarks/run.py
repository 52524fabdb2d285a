"""Benchmarks for tracker, as whole processes: startup against bare click/rich
scripts, and status/entries/summary/alerts/import over synthetic logs of 10k,
100k and 1M entries, against `ledger bal` on an equivalent journal when ledger
is installed. Medians of interleaved runs. See benchmarks/README.md.

    python benchmarks/run.py                      # 10k and 100k, 5 runs each
    python benchmarks/run.py --sizes 10000,100000,1000000 --runs 5
    python benchmarks/run.py --sizes "" --out /tmp/startup.json   # startup only
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / "work"
BIN = Path(sys.executable).parent
TRACKER = str(BIN / "tracker")
COUNT_GOALS = [
    "jobs.training",
    "jobs.placement",
    "reform.transferred-enterprises",
    "reform.remaining-enterprises",
    "culture.24h-bookstores",
]
RACY_WAIT = 2.2  # the cache is not stored while a log file changed in the last 2 s


def run_once(cmd: list[str], cwd: Path | None = None) -> tuple[float, int, int]:
    """(seconds, peak RSS in KiB, exit code) of one process, output discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, proc.returncode


def interleaved(commands: dict[str, list[str]], runs: int, cwd=None) -> dict[str, dict]:
    """Each command once per round, `runs` rounds; medians of time and peak memory."""
    times = {name: [] for name in commands}
    peaks = {name: [] for name in commands}
    for cmd in commands.values():  # warm-up: page cache, and tracker's own cache
        run_once(cmd, cwd)
    for _ in range(runs):
        for name, cmd in commands.items():
            seconds, peak, code = run_once(cmd, cwd)
            if code not in (0, 1):
                raise SystemExit(f"{name} failed with exit code {code}: {' '.join(cmd)}")
            times[name].append(seconds)
            peaks[name].append(peak)
    return {
        name: {
            "median_s": statistics.median(times[name]),
            "min_s": min(times[name]),
            "peak_mib": max(peaks[name]) / 1024,
            "runs": runs,
        }
        for name in commands
    }


def synthetic(n: int, folder: Path) -> tuple[Path, Path]:
    """A batch of n entries over the year and the plan's count goals, and the
    same as a ledger journal with one transaction per entry."""
    batch, journal = folder / "batch.jsonl", folder / "journal.ledger"
    totals = dict.fromkeys(COUNT_GOALS, 0)
    start = dt.date(2020, 1, 1)
    with open(batch, "w", encoding="utf-8") as out, open(journal, "w", encoding="utf-8") as led:
        for i in range(n):
            day = start + dt.timedelta(days=i * 366 // n)
            goal = COUNT_GOALS[i % len(COUNT_GOALS)]
            value = 1
            if goal == "jobs.placement" and totals[goal] + 1 > totals["jobs.training"]:
                value = 0  # a part never exceeds its whole
            totals[goal] += value
            out.write(
                json.dumps(
                    {
                        "goal": goal,
                        "date": day.isoformat(),
                        "value": value,
                        "note": f"第{i}批",
                        "by": "bench",
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
            led.write(
                f"{day.isoformat()} 第{i}批\n    Goals:{goal.replace('.', ':')}    "
                f"{value} P\n    Equity:Plan\n\n"
            )
    return batch, journal


def bench_size(n: int, runs: int, ledger: str | None) -> dict:
    folder = WORK / str(n)
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "data" / "progress").mkdir(parents=True)
    shutil.copy(REPO / "goals.toml", folder / "data" / "goals.toml")
    batch, journal = synthetic(n, folder)
    data = str(folder / "data")
    seconds, peak, code = run_once([TRACKER, "--data", data, "log", "--from-json", str(batch)])
    if code != 0:
        raise SystemExit(f"import of {n} entries failed ({code})")
    result = {
        "entries": n,
        "import": {"seconds": seconds, "peak_mib": peak / 1024, "per_entry_us": seconds / n * 1e6},
    }
    cold_cmd = [TRACKER, "--data", data, "status", "--format", "json"]
    time.sleep(RACY_WAIT)
    cache = folder / "data" / "progress" / ".cache"
    shutil.rmtree(cache, ignore_errors=True)
    cold, cold_peak, _ = run_once(cold_cmd)
    result["status_json_cold"] = {"seconds": cold, "peak_mib": cold_peak / 1024}
    commands = {
        "status (table)": [TRACKER, "--data", data, "status", "--as-of", "2020-12-31"],
        "status --format json": cold_cmd,
        "alerts": [TRACKER, "--data", data, "alerts", "--as-of", "2020-12-31"],
        "summary": [TRACKER, "--data", data, "summary", "--as-of", "2020-12-31"],
        "entries --format json": [TRACKER, "--data", data, "entries", "--format", "json"],
    }
    if ledger:
        commands["ledger bal"] = [ledger, "-f", str(journal), "bal"]
    result["commands"] = interleaved(commands, runs)
    if ledger:
        base = result["commands"]["ledger bal"]["median_s"]
        result["ratio_status_json_to_ledger"] = (
            result["commands"]["status --format json"]["median_s"] / base
        )
        result["ratio_status_json_cold_to_ledger"] = cold / base
    return result


def bench_startup(runs: int) -> dict:
    python = sys.executable
    commands = {
        "baseline: click + rich 30-row table": [python, str(HERE / "baseline_rich_table.py")],
        "tracker status": [TRACKER, "--data", str(REPO), "status"],
        "baseline: click + json": [python, str(HERE / "baseline_json.py")],
        "tracker status --format json": [
            TRACKER,
            "--data",
            str(REPO),
            "status",
            "--format",
            "json",
        ],
    }
    timings = interleaved(commands, runs)
    timings["ratio_table"] = (
        timings["tracker status"]["median_s"]
        / timings["baseline: click + rich 30-row table"]["median_s"]
    )
    timings["ratio_json"] = (
        timings["tracker status --format json"]["median_s"]
        / timings["baseline: click + json"]["median_s"]
    )
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default=str(HERE / "results.json"))
    args = parser.parse_args()
    ledger = shutil.which("ledger")
    report = {
        "machine": {
            "platform": platform.platform(),
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "ledger": _version(ledger),
        },
        "date": dt.date.today().isoformat(),
        "startup": bench_startup(args.runs * 4),
        "sizes": [],
    }
    for n in (int(s) for s in args.sizes.split(",") if s.strip()):
        print(f"… {n} entries", file=sys.stderr)
        report["sizes"].append(bench_size(n, args.runs, ledger))
    Path(args.out).write_text(
        json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print_report(report)


def _version(ledger: str | None) -> str | None:
    if not ledger:
        return None
    out = subprocess.run([ledger, "--version"], capture_output=True, text=True).stdout
    return out.splitlines()[0] if out else None


def print_report(report: dict) -> None:
    s = report["startup"]
    print(f"machine: {report['machine']}")
    print("\nstartup on the bundled data (median of interleaved runs):")
    for name, row in s.items():
        if isinstance(row, dict):
            print(f"  {row['median_s'] * 1000:8.1f} ms  {name}")
    print(f"  status / rich baseline = {s['ratio_table']:.2f} (target ≤ 1.3)")
    print(f"  status json / json baseline = {s['ratio_json']:.2f} (target ≤ 2)")
    for size in report["sizes"]:
        n = size["entries"]
        imp = size["import"]
        cold = size["status_json_cold"]["seconds"]
        print(
            f"\n{n:,} entries: import {imp['seconds']:.2f} s ({imp['per_entry_us']:.1f} µs/entry, "
            f"peak {imp['peak_mib']:.0f} MiB); status json cold {cold:.2f} s"
        )
        for name, row in size["commands"].items():
            print(f"  {row['median_s']:8.3f} s  {row['peak_mib']:7.1f} MiB  {name}")
        if "ratio_status_json_to_ledger" in size:
            print(
                f"  status json / ledger bal = {size['ratio_status_json_to_ledger']:.2f} warm, "
                f"{size['ratio_status_json_cold_to_ledger']:.2f} cold (target ≤ 0.5)"
            )


if __name__ == "__main__":
    main()
