"""Benchmarks for tracker, as whole processes: startup against bare click/rich
scripts, and every row of issue 15's table (one append, status after a write and
after a pull, show, entries, entries --goal --since, summary, check, a batch
import) over synthetic logs of 10k, 100k and (with --big) 1M entries, as ratios
to anchors measured in the same run: a warm `status`, `python -c pass`, and
reading every line of the log with orjson. `ledger bal` on an equivalent
journal when ledger is installed. Medians of interleaved runs (the import: of
three runs, one after another). With --before, another tracker (an older
commit's) runs every row in the same rounds, on its own copy of the same log,
and each row says its ratio to it. See benchmarks/README.md.

    python benchmarks/run.py                      # 10k and 100k, 5 rounds each
    python benchmarks/run.py --big                # and 1M (the log takes minutes to write)
    python benchmarks/run.py --sizes "" --out /tmp/startup.json   # startup only
    python benchmarks/run.py --before ../old/.venv/bin/tracker    # and an A/B against it
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
IMPORT_RUNS = 3  # the batch import is timed this many times (median), each into an empty plan


# As people run it: Python keeps each module's bytecode once compiled. With
# PYTHONDONTWRITEBYTECODE (set in some shells and CI images) every module
# changed since its last .pyc would be compiled again in every timed run.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_once(cmd: list[str], cwd: Path | None = None) -> tuple[float, int, int]:
    """(seconds, peak RSS in KiB, exit code) of one process, output discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss, proc.returncode


def interleaved(commands: dict, runs: int, cwd=None) -> dict[str, dict]:
    """Each command once per round, `runs` rounds; medians of time and peak
    memory. A command may be (argv, setup): setup runs untimed just before it."""
    plan = {name: (cmd, None) if isinstance(cmd, list) else cmd for name, cmd in commands.items()}
    times = {name: [] for name in plan}
    peaks = {name: [] for name in plan}
    for cmd, setup in plan.values():  # warm-up: page cache, and tracker's own state
        if setup:
            setup()
        run_once(cmd, cwd)
    for _ in range(runs):
        for name, (cmd, setup) in plan.items():
            if setup:
                setup()
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
        for name in plan
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


def write_log(n: int, progress: Path) -> None:
    """n entries straight into progress/ as JSON Lines month files (not through
    tracker log): spread over 2020 and the count goals, a part never above its whole."""
    totals = dict.fromkeys(COUNT_GOALS, 0)
    start = dt.date(2020, 1, 1)
    handles: dict[str, object] = {}
    try:
        for i in range(n):
            day = start + dt.timedelta(days=i * 366 // n)
            goal = COUNT_GOALS[i % len(COUNT_GOALS)]
            value = 1
            if goal == "jobs.placement" and totals[goal] + 1 > totals["jobs.training"]:
                value = 0
            totals[goal] += value
            month = f"{day.year:04d}-{day.month:02d}"
            if month not in handles:
                handles[month] = open(progress / f"{month}.jsonl", "w", encoding="utf-8")
            record = {
                "id": f"{i:016x}",
                "goal": goal,
                "date": day.isoformat(),
                "value": value,
                "note": f"第{i}批",
                "by": "bench",
                "recorded_at": f"{day.isoformat()}T08:00:00Z",
            }
            handles[month].write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        for handle in handles.values():
            handle.close()


AFTER = {  # a row timed after a write or a pull → the same command warm
    f"{command} {when}": warm
    for command, warm in (
        ("status", "anchor: status (warm)"),
        ("alerts", "alerts (warm)"),
        ("show ID", "show ID --format json"),
        ("summary", "summary one week, json"),
    )
    for when in ("right after a write", "after a pull appended lines")
}

ORJSON_READ = """
import sys, pathlib, orjson
count = 0
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.jsonl")):
    for line in path.read_bytes().splitlines():
        orjson.loads(line); count += 1
"""


class Tracker:
    """One tracker measured: its executable, its own copy of the log (a cache
    of another version would be rebuilt at every turn) and its own copy of
    the same log with no cache kept (a fresh clone), and `suffix` after its
    rows' names ("" for the tracker measured; " [before]" for --before)."""

    def __init__(self, executable: str, folder: Path, suffix: str):
        """One whose copies are in `folder` already (instructions.py reads
        those run.py left)."""
        self.executable, self.suffix = executable, suffix
        self.data = folder / "data"
        self.clone = folder / "clone"
        self.last = sorted((self.data / "progress").glob("*.jsonl"))[-1]
        self.pulled = 0

    @classmethod
    def copied(cls, executable: str, folder: Path, source: Path, suffix: str) -> Tracker:
        """One given its own copies of the log in `source` first."""
        if source != folder / "data":
            shutil.copytree(source, folder / "data")
        shutil.copytree(source, folder / "clone")
        return cls(executable, folder, suffix)

    def argv(self, *args: str, data: Path | None = None) -> list[str]:
        return [self.executable, "--data", str(data or self.data), *args]

    def pull(self) -> None:
        """What a `git pull` of another clone's appends does: lines at a file's end."""
        self.pulled += 1
        with open(self.last, "a", encoding="utf-8") as handle:
            for k in range(10):
                record = {
                    "id": f"pull{self.pulled:06d}{k:06d}",
                    "goal": "jobs.training",
                    "date": "2020-12-30",
                    "value": 1,
                    "note": "pulled",
                    "by": "other",
                    "recorded_at": "2020-12-30T09:00:00Z",
                }
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    def wrote(self) -> None:
        run_once(self.argv("log", "jobs.training", "1", "--date", "2020-12-30"))

    def cloned(self) -> None:
        """The clone as git leaves it: the log, no cache."""
        shutil.rmtree(self.clone / "progress" / ".cache", ignore_errors=True)

    def rows(self) -> dict:
        """Each of its rows: (argv, what runs untimed just before)."""
        status = self.argv("status", "--format", "json", "--as-of", "2020-12-31")
        alerts = self.argv("alerts", "--format", "json", "--as-of", "2020-12-31")
        show = self.argv("show", "jobs.training", "--format", "json", "--as-of", "2020-12-31")
        summary = self.argv("summary", "--week", "2020-W50", "--format", "json")
        wrote, pull = self.wrote, self.pull
        return {
            "anchor: status (warm)": (status, None),
            "alerts (warm)": (alerts, None),
            "log ID 1 (one append)": (
                self.argv("log", "jobs.training", "1", "--date", "2020-12-30"),
                None,
            ),
            "status right after a write": (status, wrote),
            "status after a pull appended lines": (status, pull),
            "alerts right after a write": (alerts, wrote),
            "alerts after a pull appended lines": (alerts, pull),
            "show jobs.training": (
                self.argv("show", "jobs.training", "--as-of", "2020-12-31"),
                None,
            ),
            "show ID --format json": (show, None),
            "show ID right after a write": (show, wrote),
            "show ID after a pull appended lines": (show, pull),
            "entries --format json": (self.argv("entries", "--format", "json"), None),
            "entries (plain table)": (self.argv("entries"), None),
            "entries --goal X --since D": (
                self.argv(
                    "entries",
                    "--goal",
                    "jobs.placement",
                    "--since",
                    "2020-12-01",
                    "--format",
                    "json",
                ),
                None,
            ),  # fmt: skip
            "summary one week, json": (summary, None),
            "summary one week, html": (
                self.argv("summary", "--week", "2020-W50", "--format", "html"),
                None,
            ),
            "summary right after a write": (summary, wrote),
            "summary after a pull appended lines": (summary, pull),
            "check": (self.argv("check"), None),
            # The first command in a fresh clone: the log read whole, no cache yet.
            "status with no cache (a fresh clone)": (
                self.argv("status", "--format", "json", data=self.clone),
                self.cloned,
            ),
        }


def bench_size(n: int, runs: int, ledger: str | None, before: str | None = None) -> dict:
    folder = WORK / str(n)
    shutil.rmtree(folder, ignore_errors=True)
    data_dir = folder / "data"
    (data_dir / "progress").mkdir(parents=True)
    shutil.copy(REPO / "goals.toml", data_dir / "goals.toml")
    write_log(n, data_dir / "progress")
    trackers = [Tracker.copied(TRACKER, folder, data_dir, "")]
    if before:  # the same log, copied before either tracker has read it
        trackers.append(Tracker.copied(before, folder / "before", data_dir, BEFORE))
    result: dict = {"entries": n}

    # The batch import, into an empty copy of the plan: the median of three
    # (each tracker's runs taking turns).
    batch, journal = synthetic(n, folder)
    empty = folder / "import"
    timings: dict[str, list] = {t.suffix: [] for t in trackers}
    for _ in range(IMPORT_RUNS):
        for tracker in trackers:
            shutil.rmtree(empty, ignore_errors=True)
            (empty / "progress").mkdir(parents=True)
            shutil.copy(REPO / "goals.toml", empty / "goals.toml")
            seconds, peak, code = run_once(
                tracker.argv("log", "--from-json", str(batch), data=empty)
            )
            if code != 0:
                raise SystemExit(f"import of {n} entries failed ({code})")
            timings[tracker.suffix].append((seconds, peak))
    shutil.rmtree(empty)
    for suffix, runs_of in timings.items():
        seconds = statistics.median(t for t, _ in runs_of)
        result["import" + suffix] = {
            "seconds": seconds,
            "runs": [round(t, 2) for t, _ in runs_of],
            "peak_mib": max(p for _, p in runs_of) / 1024,
            "per_entry_us": seconds / n * 1e6,
        }

    # The first command after the log was written from nothing (no state yet).
    time.sleep(RACY_WAIT)
    for tracker in trackers:
        cold, cold_peak, _ = run_once(tracker.argv("status", "--format", "json"))
        result["status_cold" + tracker.suffix] = {"seconds": cold, "peak_mib": cold_peak / 1024}

    commands = {
        "anchor: python -c pass": ([sys.executable, "-c", "pass"], None),
        "anchor: orjson read of every line": (
            [sys.executable, "-c", ORJSON_READ, str(data_dir / "progress")],
            None,
        ),
    }
    each = [tracker.rows() for tracker in trackers]
    for name in each[0]:  # each row's trackers side by side in every round
        for tracker, rows in zip(trackers, each):
            commands[name + tracker.suffix] = rows[name]
    if ledger:
        commands["ledger bal"] = ([ledger, "-f", str(journal), "bal"], None)
    result["commands"] = interleaved(commands, runs)
    rows = result["commands"]
    floor = rows["anchor: orjson read of every line"]["median_s"]
    for name, row in rows.items():
        row["x_warm_status"] = row["median_s"] / rows[_warm_of(name)]["median_s"]
        row["x_orjson_read"] = row["median_s"] / floor
        if name + BEFORE in rows:
            row["x_before"] = row["median_s"] / rows[name + BEFORE]["median_s"]
    # after a write or a pull: as a ratio to the same command warm (target ≤ 2)
    for name, warm_name in AFTER.items():
        for tracker in trackers:
            row = rows[name + tracker.suffix]
            row["x_same_warm"] = row["median_s"] / rows[warm_name + tracker.suffix]["median_s"]
    return result


BEFORE = " [before]"


def _warm_of(name: str) -> str:
    """The warm status of the same tracker as this row."""
    return "anchor: status (warm)" + (BEFORE if name.endswith(BEFORE) else "")


def bench_startup(runs: int, before: str | None = None) -> dict:
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
        ],  # fmt: skip
    }
    if before:  # the bundled data copied: each tracker keeps its own cache
        data = WORK / "startup-before"
        shutil.rmtree(data, ignore_errors=True)
        (data / "progress").mkdir(parents=True)
        shutil.copy(REPO / "goals.toml", data / "goals.toml")
        commands["tracker status" + BEFORE] = [before, "--data", str(data), "status"]
        commands["tracker status --format json" + BEFORE] = [
            before, "--data", str(data), "status", "--format", "json",
        ]  # fmt: skip
    timings = interleaved(commands, runs)
    timings["ratio_table"] = (
        timings["tracker status"]["median_s"]
        / timings["baseline: click + rich 30-row table"]["median_s"]
    )
    timings["ratio_json"] = (
        timings["tracker status --format json"]["median_s"]
        / timings["baseline: click + json"]["median_s"]
    )
    for name in ("tracker status", "tracker status --format json"):
        if name + BEFORE in timings:
            timings[name]["x_before"] = (
                timings[name]["median_s"] / timings[name + BEFORE]["median_s"]
            )
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--big", action="store_true", help="add 1,000,000 entries (minutes)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default=str(HERE / "results.json"))
    parser.add_argument(
        "--before",
        metavar="TRACKER",
        help="another tracker executable (say, an older commit's venv/bin/tracker): each "
        "row is also run with it in the same rounds, on its own copy of the same log",
    )
    args = parser.parse_args()
    ledger = shutil.which("ledger")
    before = str(Path(args.before).resolve()) if args.before else None
    report = {
        "machine": {
            "platform": platform.platform(),
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "ledger": _version(ledger),
        },
        "date": dt.date.today().isoformat(),
        "before": before,
        "startup": bench_startup(args.runs * 4, before),
        "sizes": [],
    }
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.big and 1_000_000 not in sizes:
        sizes.append(1_000_000)
    for n in sizes:
        print(f"… {n} entries", file=sys.stderr)
        report["sizes"].append(bench_size(n, args.runs, ledger, before))
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
    if report.get("before"):
        print(f"before: {report['before']} (its rows end in{BEFORE}; ×before: this one's ratio)")
    print("\nstartup on the bundled data (median of interleaved runs):")
    for name, row in s.items():
        if isinstance(row, dict):
            versus = f"  ×before {row['x_before']:.2f}" if "x_before" in row else ""
            print(f"  {row['median_s'] * 1000:8.1f} ms  {name}{versus}")
    print(f"  status / rich baseline = {s['ratio_table']:.2f} (target ≤ 1.3)")
    print(f"  status json / json baseline = {s['ratio_json']:.2f} (target ≤ 2)")
    for size in report["sizes"]:
        n = size["entries"]
        for key in [k for k in size if k.startswith("import")]:
            imp, cold = size[key], size["status_cold" + key[len("import") :]]
            print(
                f"\n{n:,} entries{key[len('import') :]}: import {imp['seconds']:.2f} s, median "
                f"of {imp['runs']} ({imp['per_entry_us']:.1f} µs/entry, "
                f"peak {imp['peak_mib']:.0f} MiB); first status with no state "
                f"{cold['seconds']:.2f} s"
            )
        print(
            f"  {'median':>8}  {'peak':>9}  {'×warm':>6}  {'×orjson':>7}  {'×itself warm':>12}"
            f"  {'×before':>7}"
        )
        for name, row in size["commands"].items():
            same = f"{row['x_same_warm']:12.2f}" if "x_same_warm" in row else " " * 12
            versus = f"{row['x_before']:7.2f}" if "x_before" in row else " " * 7
            print(
                f"  {row['median_s']:7.3f}s  {row['peak_mib']:6.1f}MiB  "
                f"{row['x_warm_status']:6.2f}  {row['x_orjson_read']:7.2f}  {same}  {versus}"
                f"  {name}"
            )


if __name__ == "__main__":
    main()
