"""Instructions executed by each steady row of run.py, this tracker against
another (an older commit's), counted by valgrind's callgrind: the same count
from one run to the next, where wall-clock time on a shared machine moves by
a quarter. For "no row got more than 10 % slower" when time cannot say.

Reads the logs `run.py --before TRACKER` left under benchmarks/work/ (each
tracker's own copy, so each keeps its own cache); rows that write or pull
change the log between rounds and are left to run.py. Each command runs once
untimed first (its cache warm, its bytecode compiled), then once counted.

    python benchmarks/run.py --before ../old/.venv/bin/tracker      # makes the logs
    python benchmarks/instructions.py --before ../old/.venv/bin/tracker
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from run import BEFORE, ENV, HERE, TRACKER, WORK, Tracker

SKIPPED = ("log ID 1", "right after a write", "after a pull")  # they change the log


def count(argv: list[str]) -> int:
    """Instructions one process executes, its output discarded."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"callgrind counted nothing for {argv}:\n{done.stderr[-500:]}")
    return int(found.group(1))


def measured(n: int, before: str) -> dict:
    folder = WORK / str(n)
    if not (folder / "before" / "data").is_dir():
        raise SystemExit(f"no logs of {n} entries: run `run.py --before {before}` first")
    trackers = Tracker(TRACKER, folder, ""), Tracker(before, folder / "before", BEFORE)
    rows = {}
    each = [tracker.rows() for tracker in trackers]
    for name in each[0]:
        if any(word in name for word in SKIPPED):
            continue
        counts = []
        for rows_of in each:
            argv, prepare = rows_of[name]
            if prepare is not None:
                prepare()
            subprocess.run(argv, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if prepare is not None:
                prepare()
            counts.append(count(argv))
        this, then = counts
        rows[name] = {"instructions": this, "before": then, "ratio": this / then}
        print(f"{n:>9,} {name:<40} {this / 1e6:8.0f}M {then / 1e6:8.0f}M {this / then:6.3f}")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", metavar="TRACKER", required=True)
    parser.add_argument("--sizes", default="10000")
    parser.add_argument("--out", default=str(HERE / "instructions.json"))
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian, Ubuntu: apt install valgrind)")
    before = str(Path(args.before).resolve())
    print(f"{'entries':>9} {'row':<40} {'this':>9} {'before':>9} {'ratio':>6}")
    report = {"before": before, "sizes": {}}
    for n in (int(s) for s in args.sizes.split(",") if s):
        report["sizes"][n] = measured(n, before)
    Path(args.out).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
