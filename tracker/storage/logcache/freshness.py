"""Whether what the cache knows of a log file still holds: unchanged, only
grown (new lines at its end), or changed (read it again).

Like git's index: a file whose stat is unchanged is trusted by stat alone only
if it was last modified more than RACY_SECONDS before its bytes were read;
otherwise its digest is checked, so a same-size rewrite within one timestamp
tick is never missed. A file that grew (same inode, its old bytes' digest
unchanged) has only its new bytes read."""

import os
import time
import zlib
from pathlib import Path
from typing import NamedTuple

from tracker.storage.files import new_hash
from tracker.storage.logcache import disk
from tracker.storage.logcache.ids import blake2b
from tracker.storage.logcache.record import FileRecord

RACY_SECONDS = 2
_RACY_NS = RACY_SECONDS * 1_000_000_000


def digest(data) -> str:
    """A short name made from some bytes (a cache file's, a goal id's)."""
    return blake2b(data, digest_size=16).hexdigest()


def token(data: bytes) -> str:
    """A stored part's or id array's name, and its check when read: its CRC-32
    and length. Four times faster than digest() over a big log's parts; the name
    is written with its bytes (atomically), so it only has to catch damage."""
    return f"{zlib.crc32(data):08x}{len(data):x}"


def stat_of(path: Path) -> list[int]:
    """What of a file's stat says it changed: size, modified time, inode, change time."""
    st = os.stat(path, follow_symlinks=False)
    return [st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns]


class Unchanged(NamedTuple):
    """The record holds: trusted on its stat (`hashed` None), or its bytes
    hashed again (then its stat and verification time are brought up to date)."""

    record: FileRecord
    hashed: object = None


class Grown(NamedTuple):
    """Only new lines at the end: `tail`, read; `hashed`, the whole file's hash."""

    tail: bytes
    stat: list[int]
    started: int
    hashed: object


class Changed(NamedTuple):
    """Earlier bytes changed (a merge, an edit), or it cannot be told: read it whole."""


def examine(
    path: Path, record: FileRecord, known: tuple | None, *, trust_stat: bool = True
) -> Unchanged | Grown | Changed:
    """Whether `record` still holds for the file at `path`. `known`: (size,
    inode, hash) of the bytes this process itself read of it moments ago.
    `trust_stat`: whether an unchanged stat may be believed (trust.py); if
    not, the file's bytes are hashed again. An unreadable file raises OSError."""
    stat = stat_of(path)
    if trust_stat and record.stat == stat and max(stat[1], stat[3]) < record.verified_ns - _RACY_NS:
        return Unchanged(record)  # unchanged since well before it was read
    started = time.time_ns()
    old_size = record.stat[0]
    grew = stat[0] > old_size and record.complete and stat[2] == record.stat[2]
    if grew and known is not None and known[:2] == (old_size, stat[2]):
        # This process read and hashed these first bytes moments ago (a write
        # checks, appends under the lock, then comes here): read only the new
        # ones. Safe as the racy rule: the file changed within RACY_SECONDS of
        # `started`, so the next reader checks its digest whole.
        tail = disk.read(path, old_size)
        hashed = known[2].copy()
        hashed.update(tail)
        return Grown(tail, stat, started, hashed)
    # The bytes it had hashed a piece at a time: a month of a big log is never
    # held to learn it is unchanged (as after another write moments ago).
    prefix, tail = disk.hashed_and_rest(path, old_size, new_hash)
    if prefix is not None and prefix.hexdigest() == record.digest:
        if not tail:
            if record.stat == stat and not trust_stat:
                return Unchanged(record)  # (as it was: nothing to store again)
            record.stat, record.verified_ns = stat, started
            return Unchanged(record, prefix)
        if grew:  # only grew: read the new lines
            hashed = prefix.copy()
            hashed.update(tail)
            return Grown(tail, stat, started, hashed)
    return Changed()
