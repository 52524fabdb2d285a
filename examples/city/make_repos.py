"""Make the example city's three districts into git repositories of their own,
and a city folder that names them by URL, to try `tracker city fetch`:

    python examples/city/make_repos.py /tmp/zhuzhou
    tracker city fetch --city /tmp/zhuzhou/city
    tracker city status --city /tmp/zhuzhou/city --as-of 2020-06-30

Each repository gets two commits: the log up to May (tagged 2020-05), then
June's entries, so a ref can name either."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "example", "GIT_AUTHOR_EMAIL": "example@example.org",
    "GIT_COMMITTER_NAME": "example", "GIT_COMMITTER_EMAIL": "example@example.org",
}  # fmt: skip


def git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=ENV, check=True, capture_output=True)


def main(out: Path) -> None:
    if out.exists():
        sys.exit(f"{out} exists: give a new folder")
    city = (HERE / "city.toml").read_text(encoding="utf-8")
    for district in sorted((HERE / "districts").iterdir()):
        repo = out / district.name
        shutil.copytree(district, repo, ignore=shutil.ignore_patterns(".cache", ".lock"))
        june = repo / "progress" / "2020-06.jsonl"
        held = june.read_bytes() if june.exists() else None
        if held is not None:
            june.unlink()
        git("init", "-q", "-b", "main", cwd=repo)
        git("add", "-A", cwd=repo)
        git("commit", "-qm", "计划和1至5月的记录", cwd=repo)
        git("tag", "2020-05", cwd=repo)
        if held is not None:
            june.write_bytes(held)
            git("add", "-A", cwd=repo)
            git("commit", "-qm", "6月的记录", cwd=repo)
        url = repo.as_posix()
        city = re.sub(rf'path = "districts/{district.name}"', f'url = "{url}"\nref = "main"', city)
    (out / "city").mkdir(parents=True)
    (out / "city" / "city.toml").write_text(city, encoding="utf-8")
    print(f"made {out}/city (city.toml) and the districts' repositories beside it")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "zhuzhou"))
