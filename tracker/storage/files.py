"""Reading a file a person named — the config, goals.toml, a log file, a batch,
a workbook: only a regular file, and no more of it than a bound. A FIFO, a
device (/dev/zero, /dev/urandom) or a folder where a file belongs is refused
at once, never waited on or read without end: a located problem, never a hang
or a MemoryError."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from tracker.words import phrase

MIB = 1 << 20
CONFIG_LIMIT = 1 * MIB  # three settings
PLAN_LIMIT = 64 * MIB  # the bundled plan is 40 KiB; a province's is far below this
SHEET_LIMIT = 64 * MIB  # an office's filled-in template is tens of KiB
LOG_FILE_LIMIT = 4096 * MIB  # one month's log: 1,000,000 entries are about 200 MiB

# A FIFO opened for reading blocks until something writes to it; opened
# non-blocking it opens at once, and is then refused for what it is.
_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)


class Refused(OSError):
    """A file tracker will not read; `reason` says why, in the catalogue's words."""

    def __init__(self, key: str, **args):
        super().__init__(errno.EINVAL, key)
        self.reason = phrase(key, **args)


def open_regular(path) -> int:
    """A descriptor of the regular file at `path` (a link to one is followed);
    raises Refused for anything else, OSError when it cannot be opened."""
    fd = os.open(path, _READ_FLAGS)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise Refused("not_a_regular_file")
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_regular(path, *, limit: int) -> bytes:
    """The bytes of the regular file at `path`, if it holds at most `limit`."""
    fd = open_regular(path)
    with os.fdopen(fd, "rb") as handle:
        if os.fstat(fd).st_size > limit:
            raise Refused("file_too_big", limit=_size(limit))
        data = handle.read(limit + 1)  # a file that grows while read is still bounded
    if len(data) > limit:
        raise Refused("file_too_big", limit=_size(limit))
    return data


def reason(exc: OSError):
    """Why a file could not be read, for a `cannot_read` problem."""
    return getattr(exc, "reason", None) or exc.strerror or str(exc)


def _size(limit: int) -> str:
    return f"{limit // MIB} MiB"


# Windows' reparse tag of a directory junction (stat's constant exists only there).
_JUNCTION = 0xA0000003


def is_link(path: Path) -> bool:
    """Whether `path` leads elsewhere: a symbolic link, or a Windows directory
    junction (`mklink /J`), which os.path.islink does not see (Python 3.12's
    os.path.isjunction does)."""
    try:
        st = os.lstat(path)
    except (OSError, ValueError):
        return False
    return stat.S_ISLNK(st.st_mode) or getattr(st, "st_reparse_tag", 0) == _JUNCTION


SMALL = 1 << 20  # a file below this is hashed by Python's own SHA-256


def new_hash(size: int):
    """A hash for a file of `size` bytes (a log file, an evidence file), fed
    them a piece at a time: SHA-256, the same digest either way. OpenSSL's
    for a big file (the machine computes it in hardware, three times
    blake2b's speed over a big log); Python's own for a small one, where
    loading OpenSSL (2.5 ms and 3.5 MiB) would cost more than the hashing (a
    file written moments ago is checked by its bytes, at every command).
    hashlib is loaded only when a big file's bytes are read, never by a warm
    command."""
    if size < SMALL:
        try:
            from _sha256 import sha256  # Python 3.11
        except ImportError:
            try:
                from _sha2 import sha256  # 3.12 on
            except ImportError:  # pragma: no cover - a Python built without them
                from hashlib import sha256
        return sha256()
    import hashlib

    return hashlib.sha256()
