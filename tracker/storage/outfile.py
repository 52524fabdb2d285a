"""Files tracker writes for people (`--output`): whole or not at all, with the
permissions a shared folder expects, patient with a file another program holds
open for a moment, and the machine's failures as problems naming the path."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from tracker.problems import ExitCode, TrackerError, UsageError, problem
from tracker.storage.journal import machine_errors

# Seconds waited between tries at replacing a file another program holds: an
# antivirus scan or a sync client lets go within a second or two; a workbook
# open in Excel or WPS does not, and is then named in the message.
PATIENCE = (0.1, 0.2, 0.3, 0.6, 0.8)

# Windows' errors for a file another program has open: a sharing or lock
# violation; "access denied" too, when the file is not read-only.
_SHARING_VIOLATION, _LOCK_VIOLATION, _ACCESS_DENIED = 32, 33, 5


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def new_file_mode(*, writable: bool = True) -> int:
    """The mode a new file gets: the umask's (and with `writable` false, no
    write bit: a file that never changes)."""
    return (0o666 if writable else 0o444) & ~_umask()


def write_atomic(path: Path, data: str | bytes | Iterable[str | bytes]) -> None:
    """A reader sees the old file or the new one, never half: a temporary file
    beside it, fsynced, then renamed over it. A new file gets the umask's
    permissions (a digest published to a shared folder must be readable); an
    existing file keeps its mode. `data` may come in pieces (text as UTF-8),
    each written as it comes: a failure on the way leaves no file behind."""
    path = Path(path)
    pieces = [data] if isinstance(data, str | bytes) else data
    folder = path.parent if str(path.parent) else Path(".")
    with output_errors(path):
        _refuse_broken_link(path)
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = new_file_mode()
        handle = tempfile.NamedTemporaryFile(
            "wb", dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False
        )
        try:
            with handle:
                for piece in pieces:
                    handle.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(handle.name, mode)
            replace_patiently(handle.name, path)
        except BaseException:
            _discard(handle.name)
            raise


def output_folder(folder: Path) -> None:
    """A folder to write files into (`summary --split-by owner`), made if missing."""
    with output_errors(folder):
        _refuse_broken_link(folder)
        if folder.exists() and not folder.is_dir():
            raise UsageError("split.not_a_dir", "split.give_new_dir", path=str(folder))
        folder.mkdir(parents=True, exist_ok=True)


def replace_patiently(source: str, target: Path) -> None:
    """Rename `source` over `target`, trying again after each pause while
    another program holds `target` open (Windows refuses to replace a file in
    use; on Linux a file that is a mount point is busy the same way). Still
    held after the last: a problem that says so, naming the file."""
    for pause in (*PATIENCE, None):
        try:
            os.replace(source, target)
            return
        except OSError as exc:
            if not held_open(exc, target):
                raise
            if pause is None:
                seconds = f"{sum(PATIENCE):g}"
                held = problem(str(target), None, "held-open", "held_open", "held_open_fix",
                               seconds=seconds)  # fmt: skip
                raise TrackerError(held, ExitCode.BAD_DATA) from None
        time.sleep(pause)


def held_open(exc: OSError, target: Path) -> bool:
    """Whether `exc` says another program has `target` open, rather than that
    it may not be written at all (a read-only file, a folder without rights)."""
    if exc.errno == errno.EBUSY:
        return True
    code = getattr(exc, "winerror", None)
    if code in (_SHARING_VIOLATION, _LOCK_VIOLATION):
        return True
    return code == _ACCESS_DENIED and not _read_only(target) and not target.is_dir()


def _read_only(path: Path) -> bool:
    """Whether `path` is marked read-only (on Windows, its read-only attribute)."""
    try:
        return not path.stat().st_mode & stat.S_IWRITE
    except OSError:
        return False


def _refuse_broken_link(path: Path) -> None:
    """A symbolic link to nowhere is refused rather than replaced by a file:
    the link says the output belongs somewhere that is not there."""
    if os.path.islink(path) and not os.path.exists(path):
        os.stat(path)  # raises: ELOOP for a loop, else FileNotFoundError (said below)


def _discard(name: str) -> None:
    """Remove a temporary file that will not be renamed. Windows refuses to
    delete a read-only one (it took the mode of a read-only target): make it
    writable first."""
    with contextlib.suppress(OSError):
        os.chmod(name, stat.S_IREAD | stat.S_IWRITE)
    with contextlib.suppress(OSError):
        os.unlink(name)


@contextlib.contextmanager
def output_errors(path: Path):
    """The machine's failures while writing `path` for people, as a problem
    naming it: a link that leads nowhere or round in a circle, a file where a
    folder should be, a read-only file system or file, and everything
    machine_errors says."""
    try:
        yield
    except OSError as exc:
        key, args = _output_key(path, exc)
        if key is None:
            with machine_errors(path):
                raise
        detail = exc.strerror or str(exc)
        raise TrackerError(
            problem(str(path), None, "environment", key, key + "_fix", detail=detail, **args),
            ExitCode.BAD_DATA,
        ) from None


def _output_key(path: Path, exc: OSError) -> tuple[str | None, dict]:
    """The phrase for what `exc` means for an output file (None: machine_errors')."""
    if isinstance(exc, PermissionError | IsADirectoryError) and path.is_dir():
        return "is_a_folder", {}  # Windows says access denied
    if exc.errno == errno.ELOOP:
        return "output_link_loop", {}
    if exc.errno == errno.EROFS:
        return "output_read_only_fs", {}
    if isinstance(exc, FileNotFoundError):
        if os.path.islink(path):
            return "output_dangling_link", {"to": os.readlink(path)}
        if any(folder.is_file() for folder in path.parents):
            # A file where a folder should be: POSIX says so (ENOTDIR), Windows
            # only that the path is not found.
            return "not_a_folder_on_path", {}
    if getattr(exc, "winerror", None) == _ACCESS_DENIED and _read_only(path):
        return "output_read_only_file", {}
    return None, {}
