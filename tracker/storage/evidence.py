"""Evidence files (佐证材料): each stored once, by its SHA-256, under the data
folder's evidence/ (sharded by hash, ASCII paths only; the original name lives
on the log line), kept out of git history by default (init writes the
.gitignore; the README says how to keep them in git LFS instead). A file is
read once, hashed as it is copied, and only then put in place: a half-copied
file never takes a hash's name."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from tracker.model import Entry, Evidence, Op
from tracker.problems import ExitCode, Problem, TrackerError, problem
from tracker.storage.files import new_hash
from tracker.storage.journal import machine_errors

EVIDENCE_DIR = "evidence"
DEFAULT_LIMIT_MB = 50  # a plan may set its own (plan.evidence_max_mb)
_NO_LIMIT = 1 << 40  # (MB) a kept file is read whatever its size
_PIECE = 1 << 20


def object_path(root: Path, digest: str) -> Path:
    """Where the file with this SHA-256 is kept: evidence/ab/cd/abcd…"""
    return root / EVIDENCE_DIR / digest[:2] / digest[2:4] / digest


class Incoming(NamedTuple):
    """A file read and checked (examine), to be kept once the write it comes
    with has passed the rules: what its line records, and where it is."""

    source: Path
    evidence: Evidence


def examine_all(paths: Iterable[str | Path], *, limit_mb: int = DEFAULT_LIMIT_MB) -> list[Incoming]:
    """Each file read, hashed and checked, nothing kept; every refusal (a
    folder, a link, a pipe, unreadable, too large) said together."""
    found, refused = [], []
    for path in paths:
        source = Path(path)
        try:
            found.append(Incoming(source, examine(source, limit_mb=limit_mb)))
        except TrackerError as error:
            refused += error.problems
    if refused:
        raise TrackerError(refused, ExitCode.BAD_DATA)
    return found


def keep(root: Path, incoming: Iterable[Incoming], *, limit_mb: int = DEFAULT_LIMIT_MB) -> None:
    """Keep files examined earlier, each refused if it changed since."""
    for item in incoming:
        store(root, item.source, limit_mb=limit_mb, expect=item.evidence)


def store(
    root: Path, source: Path, *, limit_mb: int = DEFAULT_LIMIT_MB, expect: Evidence | None = None
) -> Evidence:
    """Keep one file as evidence and say what the log line records of it. A
    directory, a link, a special file (a pipe, a device), an unreadable or a
    too large file is refused with a located problem; so is one whose bytes
    are no longer those `expect` records (examined earlier). Nothing is kept
    then."""
    import tempfile  # (writing: `check` only reads evidence, without these imports)

    from tracker.storage.outfile import new_file_mode

    folder = root / EVIDENCE_DIR
    _refuse_link(folder)
    try:
        folder.mkdir(exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".incoming-", delete=False) as copy:
            try:
                digest, size = _read_checked(source, limit_mb, copy)
                if expect is not None and (digest, size) != (expect.sha256, expect.size):
                    raise _refused(str(source), "evidence_changed", fix="evidence_try_again")
                copy.flush()
                os.fsync(copy.fileno())
            except BaseException:
                copy.close()
                os.unlink(copy.name)
                raise
        target = object_path(root, digest)
        _refuse_link(target.parent.parent)
        _refuse_link(target.parent)
        if condition(root, Evidence(digest, size, source.name)) is None:
            os.unlink(copy.name)  # kept once: the same bytes are there already
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(copy.name, new_file_mode(writable=False))  # a kept file never changes
            if target.is_file() and not target.is_symlink():
                # A damaged copy, mended (Windows replaces no read-only file).
                os.chmod(target, stat.S_IREAD | stat.S_IWRITE)
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
    hashed = new_hash(info.st_size)
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


def problems_of(root: Path, lines: Iterable[Entry], *, fast: bool = False) -> list[Problem]:
    """Each evidence file the log's `lines` name that is missing, of another
    size, or (unless `fast`) whose bytes no longer hash to its name — at the
    line that names it. Each kept file is read once."""
    found = []
    checked: dict[str, str | None] = {}
    for line in lines:
        for evidence in line.evidence:
            if evidence.sha256 not in checked:
                checked[evidence.sha256] = condition(root, evidence, fast=fast)
            key = checked[evidence.sha256]
            if key is not None:
                origin = line.origin
                found.append(
                    problem(origin.file, origin.line, "evidence", key, "evidence_fix",
                            name=evidence.name, sha256=evidence.sha256[:12],
                            id=line.about if line.op is Op.ATTACH else line.id)
                )  # fmt: skip
    return found


def condition(root: Path, evidence: Evidence, *, fast: bool = False) -> str | None:
    """What is wrong with the kept copy of a file: "evidence_missing",
    "evidence_altered" (another size, or unless `fast` other bytes), or None."""
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
    try:
        digest, _ = _read_checked(path, _NO_LIMIT, None)
    except TrackerError:
        return "evidence_missing"
    return None if digest == evidence.sha256 else "evidence_altered"


def export(
    root: Path, files: Iterable[tuple[Evidence, str]], folder: Path, *, display=str
) -> tuple[list[tuple[Evidence, Path]], list[Problem]]:
    """Copy evidence files out for people, under their original names made safe
    and unique in `folder` (never over another file there; a file already
    there with the same bytes is the copy). `files`: each with the id of the
    entry it proves (for messages). Each copy is hashed as it is made: a kept
    file that is missing or altered is not copied but said, as `check` says
    it. Returns (evidence, path) for each file out, and the problems."""
    with machine_errors(folder):
        folder.mkdir(parents=True, exist_ok=True)
        taken = {name.casefold() for name in os.listdir(folder)}
    written: list[tuple[Evidence, Path]] = []
    found: list[Problem] = []
    done: dict[tuple[str, str], Path] = {}
    for evidence, entry_id in files:
        key = (evidence.sha256, evidence.name)
        if key in done:
            written.append((evidence, done[key]))
            continue
        target, there = _place(folder, _safe_name(evidence.name), evidence, taken)
        if not there:
            damage = _copy_out(root, evidence, target)
            if damage is not None:
                taken.discard(target.name.casefold())
                shown = display(object_path(root, evidence.sha256))
                found.append(problem(shown, None, "evidence", damage, "evidence_fix",
                                     name=evidence.name, sha256=evidence.sha256[:12],
                                     id=entry_id))  # fmt: skip
                continue
        done[key] = target
        written.append((evidence, target))
    return written, found


def _copy_out(root: Path, evidence: Evidence, target: Path) -> str | None:
    """Copy a kept file to `target` (whole, or not at all), checking its bytes
    as they are read: None, or what is wrong with the kept file."""
    import tempfile

    from tracker.storage.outfile import new_file_mode

    source = object_path(root, evidence.sha256)
    with machine_errors(target):
        copy = tempfile.NamedTemporaryFile(dir=target.parent, prefix=".export-", delete=False)
    try:
        with copy:
            try:
                digest, size = _read_checked(source, _NO_LIMIT, copy)
            except TrackerError:
                return "evidence_missing"
        if (digest, size) != (evidence.sha256, evidence.size):
            return "evidence_altered"
        with machine_errors(target):
            os.chmod(copy.name, new_file_mode())
            os.replace(copy.name, target)
        return None
    finally:
        if os.path.exists(copy.name):
            os.unlink(copy.name)


def _holds(path: Path, evidence: Evidence) -> bool:
    """Whether `path` is a regular file with exactly the evidence's bytes."""
    try:
        return _read_checked(path, _NO_LIMIT, None) == (evidence.sha256, evidence.size)
    except TrackerError:
        return False


# A file's safe name: no path separators, nothing Windows refuses, not too long.
_UNSAFE = set('/\\:*?"<>|')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
             *(f"lpt{i}" for i in range(1, 10))}  # fmt: skip
_NAME_BYTES = 200  # most file systems take 255 bytes; room for "(12)"


def _safe_name(name: str) -> str:
    cleaned = "".join("_" if ch in _UNSAFE or not ch.isprintable() else ch for ch in name)
    cleaned = cleaned.strip(" .") or "evidence"
    if cleaned.split(".")[0].rstrip().casefold() in _RESERVED:
        cleaned = "_" + cleaned  # CON, NUL.txt …: a device on Windows
    stem, dot, suffix = cleaned.rpartition(".")
    if not dot or not stem or len(suffix.encode()) > 16:
        stem, suffix = cleaned, ""
    ending = f".{suffix}" if suffix else ""
    while len((stem + ending).encode()) > _NAME_BYTES:
        stem = stem[:-1]
    return stem + ending


def _place(folder: Path, name: str, evidence: Evidence, taken: set[str]) -> tuple[Path, bool]:
    """Where a file goes in `folder` under `name`, or name(2), name(3) … the
    first not `taken` (then taken), unless one before it already holds its
    bytes; and whether it is there already."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    candidate, n = name, 1
    while candidate.casefold() in taken:
        if _holds(folder / candidate, evidence):
            return folder / candidate, True
        n += 1
        candidate = f"{stem}({n}).{suffix}" if suffix else f"{stem}({n})"
    taken.add(candidate.casefold())
    return folder / candidate, False


def _refuse_link(folder: Path) -> None:
    if os.path.islink(folder):
        raise TrackerError(
            problem(str(folder), None, "symlink", "refuse_symlink", "symlink_fix"),
            ExitCode.BAD_DATA,
        )


def _refused(shown: str, key: str, fix: str = "evidence_choose_file", **args) -> TrackerError:
    return TrackerError(problem(shown, None, "evidence", key, fix, **args), ExitCode.BAD_DATA)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"
