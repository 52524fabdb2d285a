"""Offices' names made into names a program takes: Excel's sheet names and file
names (Windows' rules, the strictest of the systems tracker runs on). One
function makes both safe and unique, so no two offices ever share a sheet or a
file, whatever case, characters or reserved words their names hold."""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

# Windows' device names: a file named CON, NUL or COM1 (with any extension)
# cannot be made, or writes to the device instead.
WINDOWS_DEVICES = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"{port}{n}" for port in ("com", "lpt") for n in (*"123456789", "¹", "²", "³")}
)


class NameRules(NamedTuple):
    """What a name must be where it goes."""

    longest: int  # characters
    forbidden: str  # characters replaced by _
    ends: str  # characters taken off either end
    reserved: frozenset[str]  # names (before any extension, in any case) not to be used


# Excel: at most 31 characters, none of []:*?/\, not starting or ending with
# an apostrophe, and "History" is its own.
SHEETS = NameRules(31, "[]:*?/\\", " '", frozenset({"history"}))
# Windows: none of <>:"/\|?*, no dot or space at the end (it drops them, so
# "局." would be "局"), no device name. 80 characters keep a Chinese name with
# its extension under the 255 bytes Linux allows.
FILES = NameRules(80, '<>:"/\\|?*', " .", WINDOWS_DEVICES)


def unique_names(names: list[str], rules: NameRules) -> list[str]:
    """`names`, in order, each made safe by `rules` and unique among them
    (case and Unicode form do not tell names apart, as on Windows, macOS and
    in Excel): forbidden and invisible characters become _, a reserved name
    gets _ after it (before any extension), long names are cut, repeats get ~2, ~3 …"""
    out: list[str] = []
    taken: set[str] = set()
    for name in names:
        clean = "".join(
            "_" if ch in rules.forbidden or not ch.isprintable() else ch for ch in name
        ).strip(rules.ends)
        clean = clean[: rules.longest].strip(rules.ends) or "_"
        stem, dot, rest = clean.partition(".")
        if stem.strip().casefold() in rules.reserved:  # NUL.html is the device too
            clean = (stem.strip() + "_" + dot + rest)[: rules.longest]
        candidate, n = clean, 1
        while _key(candidate) in taken:
            n += 1
            suffix = f"~{n}"
            candidate = clean[: rules.longest - len(suffix)] + suffix
        taken.add(_key(candidate))
        out.append(candidate)
    return out


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()
