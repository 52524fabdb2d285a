"""When the cache may be believed. Its index is sealed with a key that lives
outside the data folder (in the user's own cache folder), and names the
progress folder it was made for and the plan it was made with; a cache that
was edited, that came with a copy or a clone of the folder (a state file
committed by mistake), or that was made for another plan is never read, only
made anew from the log. Where the machine's change time cannot be believed (a
Windows desktop, a network share, a folder a sync client writes), every log
file is checked by its bytes, not by its stat."""

from __future__ import annotations

import dataclasses
import operator
import os
import sys
from _operator import _compare_digest as compare_digest  # hmac's, without loading OpenSSL
from pathlib import Path

from tracker import user_cache_folder
from tracker.model import Goal, Plan
from tracker.storage.logcache.ids import blake2b

KEY_FILE = "cache.key"
VERIFY_ENV = "TRACKER_VERIFY_LOG"  # "always": check every log file by its bytes
# File systems whose change time may stay put while a file's bytes change
# (shares, sync clients, FUSE): their files are checked by their bytes.
_UNSURE = {"cifs", "smb3", "smbfs", "nfs", "nfs4", "9p", "vboxsf", "drvfs", "afs", "ncpfs",
           "fuse", "fuseblk", "ceph", "glusterfs", "davfs", "v9fs"}  # fmt: skip
_key: bytes | None = None


def user_key() -> bytes:
    """This user's key for sealing caches, made once (32 random bytes, readable
    by the user alone). Where it cannot be kept, a key for this process only:
    its caches are then never believed by another."""
    global _key
    if _key is None:
        _key = _read_or_make(user_cache_folder() / KEY_FILE)
    return _key


def _read_or_make(path: Path) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(2):
        try:
            fd = os.open(path, flags)
            try:
                key = os.read(fd, 64)
            finally:
                os.close(fd)
            if len(key) == 32:
                return key
            return os.urandom(32)  # not a key tracker wrote: believe no cache
        except FileNotFoundError:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                create = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
                fd = os.open(path, create, 0o600)
            except FileExistsError:
                continue  # another process made it first: read that one
            except OSError:
                break
            try:
                os.write(fd, os.urandom(32))
            finally:
                os.close(fd)
        except OSError:
            break
    return os.urandom(32)


def seal(data: bytes) -> bytes:
    """The index as stored: its seal (a keyed hash), a newline, its bytes."""
    return _seal_of(data) + b"\n" + data


def unseal(stored: bytes) -> bytes | None:
    """The index's bytes if its seal is this user's and matches them, else None."""
    seal_, _, data = stored.partition(b"\n")
    return data if compare_digest(seal_, _seal_of(data)) else None


def _seal_of(data: bytes) -> bytes:
    return blake2b(data, key=user_key(), digest_size=32).hexdigest().encode("ascii")


def folder_identity(progress_dir: Path) -> list:
    """Which folder a cache was made for: a copy or clone of it is another."""
    st = os.stat(progress_dir)
    return [st.st_dev, st.st_ino, os.path.abspath(progress_dir)]


def plan_identity(plan: Plan) -> str:
    """The plan a cache was made with: every goal as it is defined (not where
    in goals.toml it stands), so any change to what a goal is rebuilds what
    was summed for it."""
    shape = [plan.id, plan.start.isoformat(), plan.end.isoformat(), *map(_DEFINED, plan.goals)]
    return blake2b(repr(shape).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def trusts_change_time(progress_dir: Path) -> bool:
    """Whether a log file whose stat (size, modified and change time, inode) is
    as it was may be believed unchanged. Not on Windows (before Python 3.12
    its st_ctime is the creation time, and a copy over a file can put its
    modified time back), nor on a share or a FUSE folder, nor when the user
    says so ($TRACKER_VERIFY_LOG=always)."""
    if os.environ.get(VERIFY_ENV, "").strip().lower() == "always" or os.name == "nt":
        return False
    if sys.platform != "linux":
        return True
    kind = _file_system(progress_dir)
    return kind is None or not (kind in _UNSURE or kind.startswith("fuse."))


def _file_system(folder: Path) -> str | None:
    """The type of the file system `folder` is on, from /proc/self/mountinfo."""
    try:
        where = os.path.realpath(folder)
        with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as handle:
            mounts = handle.read().splitlines()
    except OSError:
        return None
    best, kind = "", None
    for line in mounts:
        fields = line.split(" ")
        try:
            point = fields[4].replace("\\040", " ")
            fs = fields[fields.index("-") + 1]
        except (IndexError, ValueError):
            continue
        inside = where == point or where.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fs
    return kind


# A goal's fields as a tuple, those it is compared by (not where it was read).
_DEFINED = operator.attrgetter(*(f.name for f in dataclasses.fields(Goal) if f.compare))
