"""Each district's repository brought into the city folder at its ref, with
real git: cloned the first time, fetched after, its work tree checked out
(detached) at the commit the ref names. A district that cannot be reached, or
whose ref does not exist, is one located problem; the others go on. Which
commit each district's files are read at is read back from its work tree
(head_commit), so every report says what it was made from."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import NamedTuple

from tracker.city.cityfile import FETCHED
from tracker.engine.city import DistrictSpec
from tracker.problems import Problem, problem
from tracker.words import Phrase, phrase

GIT_TIMEOUT = 600  # seconds for one git command: a big first clone on a slow line


class Fetched(NamedTuple):
    """What fetching one district did: `cloned`, `updated` or `local` (a folder,
    not a repository), and the commit now checked out."""

    spec: DistrictSpec
    action: str
    commit: str | None
    problem: Problem | None = None


def clone_folder(root: Path, spec: DistrictSpec) -> Path:
    return root / FETCHED / spec.id


def fetch_all(root: Path, specs) -> list[Fetched]:
    return [fetch_district(root, spec) for spec in specs]


def fetch_district(root: Path, spec: DistrictSpec) -> Fetched:
    """Clone or fetch one district's repository and check out its ref."""
    if spec.url is None:
        folder = (root / spec.path) if spec.path else root
        return Fetched(spec, "local", head_commit(folder))
    where = spec.at
    folder = clone_folder(root, spec)
    if (folder / ".git").exists():
        action = "updated"
        steps = [
            ["remote", "set-url", "origin", spec.url],
            ["fetch", "--quiet", "--force", "--tags", "--prune", "origin"],
        ]
    else:
        action = "cloned"
        folder.parent.mkdir(parents=True, exist_ok=True)
        steps = [["clone", "--quiet", "--no-checkout", "--", spec.url, str(folder)]]
    for args in steps:
        failed = _git(args, None if args[0] == "clone" else folder)
        if failed is not None:
            return Fetched(spec, action, None, _unreachable(where, spec, failed))
    commit = _resolve(folder, spec.ref)
    if commit is None and action == "cloned":
        # Nothing was checked out: a report says "not fetched", not "not a plan".
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
    if commit is None:
        found = problem(*where, "no-ref", "city.no_ref", "city.no_ref_fix",
                        district=spec.id, ref=spec.ref or "HEAD", url=spec.url)  # fmt: skip
        return Fetched(spec, action, None, found)
    failed = _git(
        ["-c", "advice.detachedHead=false", "checkout", "--quiet", "--force", "--detach", commit],
        folder,
    )
    if failed is not None:
        return Fetched(spec, action, None, _unreachable(where, spec, failed))
    return Fetched(spec, action, commit)


def _unreachable(where: tuple, spec: DistrictSpec, detail) -> Problem:
    return problem(*where, "unreachable", "city.unreachable", "city.unreachable_fix",
                   district=spec.id, url=spec.url, detail=detail)  # fmt: skip


def _resolve(folder: Path, ref: str | None) -> str | None:
    """The commit `ref` names: a branch of the remote, a tag, or a commit; with
    no ref, the remote's default branch."""
    candidates = [f"refs/remotes/origin/{ref}", f"refs/tags/{ref}", ref] if ref else ["origin/HEAD"]
    for name in candidates:
        if name.startswith("-"):  # never an option to git
            continue
        out = _git_out(["rev-parse", "--verify", "--quiet", f"{name}^{{commit}}"], folder)
        if out:
            return out
    return None


def _environment() -> dict:
    # Never a prompt for a password on a terminal nobody watches (cron), and
    # git's own words in English, whatever the locale: they are only quoted.
    return dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C", GIT_ASKPASS="true")


def _git(args: list[str], folder: Path | None) -> str | Phrase | None:
    """Run git; None when it succeeded, else the last line it said (quoted as
    git says it), or what kept it from running."""
    command = ["git", *(["-C", str(folder)] if folder is not None else []), *args]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, env=_environment(), timeout=GIT_TIMEOUT,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
    except FileNotFoundError:
        return phrase("city.git_missing")
    except subprocess.TimeoutExpired:
        return phrase("city.git_timeout", seconds=GIT_TIMEOUT)
    if done.returncode == 0:
        return None
    lines = [line.strip() for line in (done.stderr or done.stdout).splitlines() if line.strip()]
    return lines[-1] if lines else phrase("city.git_failed", code=done.returncode)


def _git_out(args: list[str], folder: Path) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True,
            env=_environment(), timeout=GIT_TIMEOUT, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    except (FileNotFoundError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def head_commit(folder: Path) -> str | None:
    """The commit a work tree has checked out, read from its .git files (no
    process started: a report reads every district's): None when the folder
    is not a git work tree or its HEAD cannot be read."""
    git = folder / ".git"
    try:
        if git.is_file():  # a linked work tree or submodule: "gitdir: PATH"
            text = git.read_text(encoding="utf-8").strip()
            if not text.startswith("gitdir:"):
                return None
            git = (folder / text.partition(":")[2].strip()).resolve()
        head = (git / "HEAD").read_text(encoding="utf-8").strip()
        if not head.startswith("ref:"):
            return head or None
        ref = head.partition(":")[2].strip()
        common = git
        if (git / "commondir").is_file():
            common = (git / (git / "commondir").read_text(encoding="utf-8").strip()).resolve()
        for base in (git, common):
            if (base / ref).is_file():
                return (base / ref).read_text(encoding="utf-8").strip() or None
        for base in (git, common):
            packed = base / "packed-refs"
            if packed.is_file():
                for line in packed.read_text(encoding="utf-8").splitlines():
                    sha, _, name = line.partition(" ")
                    if name == ref:
                        return sha
    except (OSError, UnicodeDecodeError):
        return None
    return None
