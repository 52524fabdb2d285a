"""Evidence files (佐证材料): each stored once, by its SHA-256, under the data
folder's evidence/ (sharded by hash, ASCII paths only; the original name lives
on the log line), kept out of git history by default (init writes the
.gitignore; the README says how to keep them in git LFS instead). A file is
read once, hashed as it is copied, and only then put in place: a half-copied
file never takes a hash's name."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from tracker.model import Evidence
from tracker.problems import ExitCode, Problem, TrackerError, problem

EVIDENCE_DIR = "evidence"
DEFAULT_LIMIT_MB = 50  # a plan may set its own (plan.evidence_max_mb)
_PIECE = 1 << 20


def object_path(root: Path, digest: str) -> Path:
    """Where the file with this SHA-256 is kept: evidence/ab/cd/abcd…"""
    return root / EVIDENCE_DIR / digest[:2] / digest[2:4] / digest


def store(root: Path, source: Path, *, limit_mb: int = DEFAULT_LIMIT_MB) -> Evidence:
    """Keep one file as evidence and say what the log line records of it. A
    directory, a link, a special file (a pipe, a device), an unreadable or a
    too large file is refused with a located problem; nothing is kept."""
    folder = root / EVIDENCE_DIR
    _refuse_link(folder)
    try:
        folder.mkdir(exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".incoming-", delete=False) as copy:
            try:
                digest, size = _read_checked(source, limit_mb, copy)
                copy.flush()
                os.fsync(copy.fileno())
            except BaseException:
                copy.close()
                os.unlink(copy.name)
                raise
        target = object_path(root, digest)
        if target.is_file() and target.stat().st_size == size:
            os.unlink(copy.name)  # kept once: the same bytes are there already
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(copy.name, target)
    except OSError as exc:
        raise _refused(
            str(source), "evidence_unreadable", detail=exc.strerror or str(exc)
        ) from None
    return Evidence(digest, size, source.name)


def examine(source: Path, *, limit_mb: int = DEFAULT_LIMIT_MB) -> Evidence:
    """What store() would record of a file, refusing what it refuses, keeping nothing."""
    digest, size = _read_checked(source, limit_mb, None)
    return Evidence(digest, size, source.name)


def _read_checked(source: Path, limit_mb: int, copy) -> tuple[str, int]:
    """(SHA-256, size) of a regular file no larger than the limit, read a piece
    at a time (and written to `copy` as it is read, when given)."""
    shown = str(source)
    try:
        info = os.stat(source, follow_symlinks=False)
    except OSError as exc:
        raise _refused(shown, "evidence_unreadable", detail=exc.strerror or str(exc)) from None
    if stat.S_ISLNK(info.st_mode):
        raise _refused(shown, "evidence_is_link")
    if stat.S_ISDIR(info.st_mode):
        raise _refused(shown, "evidence_is_folder")
    if not stat.S_ISREG(info.st_mode):
        raise _refused(shown, "evidence_not_a_file")
    limit = limit_mb * 1024 * 1024
    if info.st_size > limit:
        raise _refused(shown, "evidence_too_large", size=_mb(info.st_size), limit=limit_mb)
    hashed = hashlib.sha256()
    size = 0
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_NONBLOCK", 0)  # (a file that became a FIFO is not waited on)
    try:
        with open(os.open(source, flags), "rb") as reader:
            if not stat.S_ISREG(os.fstat(reader.fileno()).st_mode):
                raise _refused(shown, "evidence_not_a_file")
            while piece := reader.read(_PIECE):
                size += len(piece)
                if size > limit:  # it grew while read
                    raise _refused(shown, "evidence_too_large", size=_mb(size), limit=limit_mb)
                hashed.update(piece)
                if copy is not None:
                    copy.write(piece)
    except OSError as exc:
        raise _refused(shown, "evidence_unreadable", detail=exc.strerror or str(exc)) from None
    return hashed.hexdigest(), size


def problems_of(
    root: Path, attached: Iterable[tuple[Evidence, str, int | None]], *, fast: bool = False
) -> list[Problem]:
    """Each evidence file a log line names that is missing, of another size, or
    (unless `fast`) whose bytes no longer hash to its name — at the line that
    names it. `attached`: (evidence, file, line)."""
    found = []
    checked: dict[str, str | None] = {}
    for evidence, file, line in attached:
        if evidence.sha256 not in checked:
            checked[evidence.sha256] = _damage(root, evidence, fast=fast)
        key = checked[evidence.sha256]
        if key is not None:
            found.append(
                problem(
                    file,
                    line,
                    "evidence",
                    key,
                    "evidence_fix",
                    name=evidence.name,
                    sha256=evidence.sha256[:12],
                )  # fmt: skip
            )
    return found


def _damage(root: Path, evidence: Evidence, *, fast: bool) -> str | None:
    path = object_path(root, evidence.sha256)
    try:
        info = os.stat(path, follow_symlinks=False)
    except OSError:
        return "evidence_missing"
    if not stat.S_ISREG(info.st_mode):
        return "evidence_missing"
    if info.st_size != evidence.size:
        return "evidence_altered"
    if fast:
        return None
    hashed = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while piece := handle.read(_PIECE):
                hashed.update(piece)
    except OSError:
        return "evidence_missing"
    return None if hashed.hexdigest() == evidence.sha256 else "evidence_altered"


def export(root: Path, evidences: Iterable[Evidence], folder: Path) -> list[Path]:
    """Copy evidence files out under their original names (made unique), for
    people: returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    taken: set[str] = set()
    for evidence in evidences:
        name = _unique(_safe_name(evidence.name), taken)
        target = folder / name
        shutil.copyfile(object_path(root, evidence.sha256), target)
        written.append(target)
    return written


def _safe_name(name: str) -> str:
    cleaned = "".join("_" if ch in '/\\:*?"<>|' or not ch.isprintable() else ch for ch in name)
    return cleaned.strip(" .") or "evidence"


def _unique(name: str, taken: set[str]) -> str:
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{stem}({n}).{suffix}" if suffix else f"{stem}({n})"
    taken.add(candidate.casefold())
    return candidate


def _refuse_link(folder: Path) -> None:
    if os.path.islink(folder):
        raise TrackerError(
            problem(str(folder), None, "symlink", "refuse_symlink", "symlink_fix"),
            ExitCode.BAD_DATA,
        )


def _refused(shown: str, key: str, **args) -> TrackerError:
    return TrackerError(
        problem(shown, None, "evidence", key, "evidence_choose_file", **args), ExitCode.BAD_DATA
    )


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"
