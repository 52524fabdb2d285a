"""The cache's files: read and written never through a symbolic link, each
written whole (a temporary file renamed over it), the whole cache kept out of
git by its own .gitignore."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from pathlib import Path

INDEX_FILE = "state.json"
PARTS_DIR = "parts"
_PIECE = 1 << 20


def linked(folder: Path) -> bool:
    """A cache folder, or anything in it, or the progress folder it is in,
    that is a link (or a Windows junction) is never read or written through:
    writes never leave the data folder."""
    from tracker.storage.files import is_link

    if is_link(folder) or is_link(folder.parent):
        return True
    return any(is_link(folder / n) for n in (INDEX_FILE, PARTS_DIR))


_READ = (
    os.O_RDONLY
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO opens at once (and is refused), never waited on
)


def open_bytes(path: Path):
    """A regular file opened to read its bytes, never through a symbolic link;
    anything else (a FIFO, a device, a folder) raises OSError: the cache's
    files are then made anew, the log's are reported."""
    fd = os.open(path, _READ)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
    except BaseException:
        os.close(fd)
        raise
    return open(fd, "rb")


def read(path: Path, start: int = 0, size: int = -1) -> bytes:
    """A file's bytes from `start` on (`size` of them, or all)."""
    with open_bytes(path) as handle:
        if start:
            handle.seek(start)
        return handle.read(size)


def hashed_and_rest(path: Path, size: int, new_hash) -> tuple:
    """(the hash of a file's first `size` bytes, read a piece at a time; the
    bytes after them), from one opening of the file; (None, b"") when it has
    fewer bytes, or `size` is no size (an unreadable file's record)."""
    if size < 0:
        return None, b""
    hashed = new_hash(size)
    with open_bytes(path) as handle:
        left = size
        while left:
            piece = handle.read(min(left, _PIECE))
            if not piece:
                return None, b""
            hashed.update(piece)
            left -= len(piece)
        return hashed, handle.read()


def write(path: Path, data: bytes) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temp, "wb") as handle:
        handle.write(data)
    os.replace(temp, path)


def make_folder(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# tracker's derived state: never commit it\n*\n", encoding="utf-8")


def sweep(root: Path, keep: set[Path]) -> None:
    """Remove parts and arrays no index names, once they are a minute old (a
    process that read an older index may still be reading them)."""
    if not root.is_dir():
        return
    limit = time.time() - 60
    for folder in root.iterdir():
        if folder.is_symlink() or not folder.is_dir():
            continue
        for path in folder.iterdir():
            if path not in keep:
                with contextlib.suppress(OSError):
                    if path.lstat().st_mtime < limit:
                        path.unlink()
