"""What the cache keeps of one log file: a typed record, stored as JSON in the
cache's index (never pickle: a cache that came with a folder must never run
code), checked field by field when read back."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from tracker.storage.logcache.layout import dumps, loads


# (no repr: unused, and each generated method costs every command that opens
# the cache a part of a millisecond to define)
@dataclass(slots=True, repr=False)
class Applied:
    """The exclusions that reach across files (ledger.counting), as applied to
    this file's steps: retracted ids it holds, its lines whose id an earlier
    line has (repeated: what `check` reports; shadowed: the entries among
    them, which do not count), and its cut-off batches."""

    retracted: list[str] = field(default_factory=list)
    repeated: list[int] = field(default_factory=list)
    shadowed: list[int] = field(default_factory=list)
    uncommitted: list[str] = field(default_factory=list)
    returned: list[str] = field(default_factory=list)  # ids here a counting verdict returned
    verified: list[str] = field(default_factory=list)  # ids here a counting verdict verified


@dataclass(slots=True, repr=False)
class FileRecord:
    """One log file as the cache knows it."""

    # When it was read (freshness.py decides whether that still holds).
    stat: list[int] = field(default_factory=lambda: [-1, 0, 0, 0])  # size, mtime, inode, ctime
    digest: str = ""  # of its bytes
    verified_ns: int = 0  # when its bytes were last read or hashed
    lines: int = 0
    complete: bool = False  # ends with a newline (or is empty)
    # What its lines say, as the ledger needs it across files.
    problems: list[dict] = field(default_factory=list)  # Problem.to_record()
    commits: list[str] = field(default_factory=list)  # batches committed here
    batches: dict[str, list] = field(default_factory=dict)  # batch → [its lines, first line]
    about: list[list] = field(default_factory=list)  # lines about lines (compact), each with goal
    unknown: list[list] = field(default_factory=list)  # [a goal or item not in the plan, batch]
    dates: list[int] | None = None  # its first and last dated line's day
    order: list | bool | None = None  # the last dated line's sort key while in order, else false
    tiny: list = field(default_factory=list)  # batches (None: none) with a value below TINY
    sizes: dict[str, list] = field(default_factory=dict)  # goal → [lines of no batch, {batch: n}]
    # What the ledger computed of it: each goal's day steps, and the exclusions applied to them.
    steps: dict[str, list] = field(default_factory=dict)
    verified_steps: dict[str, list] = field(default_factory=dict)  # the verified figure's
    applied: Applied = field(default_factory=Applied)
    # Where its lines are kept: each goal's part and its id array, named by token().
    parts: dict[str, str | None] = field(default_factory=dict)
    ids: str | None = None

    def copy(self) -> FileRecord:
        return from_json(loads(dumps(self)))


_FIELDS = {f.name for f in fields(FileRecord)}
_CHECKS = {
    "stat": list, "digest": str, "verified_ns": int, "lines": int, "complete": bool,
    "problems": list, "commits": list, "batches": dict, "about": list, "unknown": list,
    "tiny": list, "sizes": dict, "steps": dict, "verified_steps": dict, "parts": dict,
}  # fmt: skip


def from_json(raw: dict) -> FileRecord:
    """A record read back from the index; TypeError when it is not one."""
    if raw.__class__ is not dict or raw.keys() != _FIELDS:
        raise TypeError("not a file record")
    for name, kind in _CHECKS.items():
        if raw[name].__class__ is not kind:
            raise TypeError(name)
    applied = raw["applied"]
    if applied.__class__ is not dict:
        raise TypeError("applied")
    return FileRecord(**dict(raw, applied=Applied(**applied)))
