"""A log file's ids as the cache keeps them: a sorted array of 64-bit hashes,
so "does the log have this id?" is answered without reading a line (every hit
is then checked against the real id)."""

from __future__ import annotations

import bisect
import sys
from array import array
from itertools import repeat

try:  # the blake2 module alone: hashlib would load OpenSSL first (2.5 ms of every start)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover
    from hashlib import blake2b


def id_hash(entry_id: str, _blake2b=blake2b, _from_bytes=int.from_bytes, _int=int) -> int:
    """An id's 64-bit hash (hits are always checked against the real id). The
    ids tracker gives are 16 hex digits, 64 bits already: their number (a
    batch's ids, counted up, then stand in order, and a file of them is
    sorted at once); any other id is hashed. (Names bound as defaults: this
    runs twice per entry of a batch.)"""
    if len(entry_id) == 16:
        try:
            return _int(entry_id, 16)
        except ValueError:
            pass
    return _from_bytes(
        _blake2b(entry_id.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little"
    )


def hashes_of(ids: list[str]) -> list[int]:
    """list(map(id_hash, ids)), at C speed when every id is 16 hex digits (a log
    tracker wrote): all of them read as one hex text, 8 bytes an id (half the
    time of int() per id; fromhex skips spaces, so a shorter result means an id
    int() reads otherwise, and those are read one by one)."""
    if set(map(len, ids)) == {16}:
        try:
            raw = bytes.fromhex("".join(ids))
        except (ValueError, TypeError):
            raw = b""
        if len(raw) == 8 * len(ids):
            held = array("Q")
            held.frombytes(raw)
            if sys.byteorder == "little":
                held.byteswap()  # (the text is the number's big-endian bytes)
            return held.tolist()
        try:
            return list(map(int, ids, repeat(16)))
        except ValueError:
            pass
    return list(map(id_hash, ids))


def contains(sorted_hashes, h: int) -> bool:
    i = bisect.bisect_left(sorted_hashes, h)
    return i < len(sorted_hashes) and sorted_hashes[i] == h


def count_of(sorted_hashes, h: int) -> int:
    return bisect.bisect_right(sorted_hashes, h) - bisect.bisect_left(sorted_hashes, h)


def has_repeats(sorted_hashes) -> bool:
    return any(a == b for a, b in zip(sorted_hashes, sorted_hashes[1:]))


def no_id_twice(arrays: list) -> bool:
    """Whether no hash is held twice among these sorted arrays. They are looked
    at a range of hashes at a time, the ranges cut where each array has
    another 64k hashes (so a range holds at most 64k of each array, however
    its hashes cluster): a million ids are never held as one set."""
    bounds = sorted({mine[at] for mine in arrays for at in range(0, len(mine), 1 << 16)})
    start = 0
    for end in (*bounds[1:], 1 << 64):
        seen: set[int] = set()
        held = 0
        for mine in arrays:
            low, high = bisect.bisect_left(mine, start), bisect.bisect_left(mine, end)
            seen.update(mine[low:high])
            held += high - low
        if len(seen) != held:
            return False
        start = end
    return True
