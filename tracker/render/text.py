"""User text made inert for display, and terminal display widths (CJK = 2 cells)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# C0 (but tab is escaped too: it breaks column alignment), DEL, C1, line and
# paragraph separators, and the bidi controls that can reorder a line on screen.
_UNSAFE_RANGES = ((0x00, 0x1F), (0x7F, 0x9F), (0x2028, 0x2029), (0x202A, 0x202E), (0x2066, 0x2069))
_UNSAFE = re.compile("[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in _UNSAFE_RANGES) + "]")


def _escape_char(m: re.Match) -> str:
    ch = m.group(0)
    code = ord(ch)
    if ch == "\n":
        return "\\n"
    if ch == "\t":
        return "\\t"
    if ch == "\r":
        return "\\r"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str) -> str:
    """Control characters shown as visible escapes, never sent raw."""
    if text.isprintable():  # the common case, checked in C
        return text
    return _UNSAFE.sub(_escape_char, text)


@lru_cache(maxsize=8192)
def char_width(ch: str) -> int:
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\ufe0f":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cell_width(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(map(char_width, text))


# ── a column of texts at once (a whole log's listing) ─────────────────────────

_UNSAFE_CODES = [code for a, b in _UNSAFE_RANGES for code in range(a, b + 1)]
_ASCII_BYTES = bytes(range(128))
# A column's UTF-8 bytes with these deleted: the ASCII characters inert()
# escapes (the newlines that join the column's texts are deleted too).
_ALL_BUT_UNSAFE_ASCII = bytes(set(range(256)) - {c for c in _UNSAFE_CODES if c < 0x80} | {0x0A})
_UNSAFE_OTHERS = frozenset(chr(code) for code in _UNSAFE_CODES if code >= 0x80)
# UTF-8: the bytes that follow a character's first; the first bytes of
# U+4000-U+9FFF and U+B000-U+CFFF, every character of which is two cells wide
# but U+4DC0-U+4DFF (the hexagrams, whose bytes start E4 B7; test_stream checks).
_FOLLOWING_BYTES = bytes(range(0x80, 0xC0))
_WIDE_FIRST_BYTES = bytes([0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEB, 0xEC])
_HEXAGRAMS = b"\xe4\xb7"
_THREE_FIRST = bytes(range(0xE0, 0xF0))  # the first bytes of three-byte characters


class Measured(NamedTuple):
    """A column of texts as they are laid out: made inert, each one's width in
    cells (None: all ASCII, each one's width is its length), and how many of
    each one's characters are shown (None: all; else, all ASCII)."""

    texts: list[str]
    cells: list[int] | None
    chars: int | None = None


def measured(texts: list[str], chars: int | None = None) -> Measured:
    """These texts as shown — with `chars`, only each one's first so many
    characters — made inert (the same list when none needs it, nearly always)
    and measured: a column at a time, at C speed. A column of few texts
    (goals, dates, names) has each measured once."""
    few = _few(texts)
    safe, cells = _measured(few if few is not None else texts)
    if chars is not None:
        if safe and cells is None:  # (all ASCII: a cut is a count of characters)
            return Measured(texts, None, chars)
        return measured([text[:chars] for text in texts])
    if not safe:
        return measured(list(map(inert, texts)))  # (rare: now none needs it)
    if few is None or cells is None:
        return Measured(texts, cells)
    return Measured(texts, list(map(dict(zip(few, cells)).__getitem__, texts)))


def column_width(texts: list[str], chars: int | None = None) -> int:
    """The widest of these texts as shown, in cells (0 for none)."""
    few = _few(texts)
    sample = few if few is not None else texts
    safe, cells = _measured(sample)
    if chars is not None:
        if safe and cells is None:
            return min(chars, max(map(len, sample), default=0))
        return column_width([text[:chars] for text in texts])
    if not safe:
        return column_width(list(map(inert, texts)))
    return max(cells if cells is not None else map(len, sample), default=0)


def _few(texts: list[str]) -> list[str] | None:
    """The distinct texts of a long column that repeats a few (by its first
    ones), else None."""
    if len(texts) < 1024 or len(set(texts[:256])) > 16:
        return None
    distinct = list(set(texts))
    return distinct if len(distinct) * 8 < len(texts) else None


def _measured(texts: list[str]) -> tuple[bool, list[int] | None]:
    """(whether none of these texts needs making inert, and if so each one's
    cell_width, None when all are ASCII). In a column whose other characters
    all take three UTF-8 bytes and two cells (Chinese, nearly always), a
    text's width is half its characters and bytes; any other is measured a
    text at a time."""
    if not texts:
        return True, None
    joined = "\n".join(texts)  # (the joins: once each text is inert, it holds no newline)
    encoded = joined.encode("utf-8", "surrogatepass")
    if encoded.translate(None, _ALL_BUT_UNSAFE_ASCII) or encoded.count(b"\n") >= len(texts):
        return False, None
    if joined.isascii():
        return True, None
    others = encoded.translate(None, _ASCII_BYTES)
    # Each character's first byte: all of them ones whose every character is
    # wide (CJK ideographs, Hangul), Yijing hexagrams aside, says so at once.
    wide = not others.translate(None, _FOLLOWING_BYTES).translate(None, _WIDE_FIRST_BYTES)
    if not wide or _HEXAGRAMS in others:
        found = set(others.decode("utf-8", "surrogatepass"))
        if not found.isdisjoint(_UNSAFE_OTHERS):
            return False, None
        wide = all(0x800 <= ord(ch) < 0x10000 and char_width(ch) == 2 for ch in found)
    if wide:  # every other character three bytes and two cells: less its first, two
        return True, list(map(len, encoded.translate(None, _THREE_FIRST).split(b"\n")))
    return True, list(map(cell_width, texts))


def fit(text: str, width: int) -> str:
    """Cut text to at most `width` cells, marking the cut with '…'."""
    if cell_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def pad(text: str, width: int, align: str = "left") -> str:
    gap = max(0, width - cell_width(text))
    return " " * gap + text if align == "right" else text + " " * gap


def wrap(text: str, width: int) -> list[str]:
    """`text` broken into lines of at most `width` cells: at spaces where it has
    them (the widest gaps first kept whole), else anywhere (CJK has no spaces).
    Continuation lines keep the first line's indent."""
    if cell_width(text) <= width or width < 8:
        return [text]
    indent = text[: len(text) - len(text.lstrip(" "))]
    lines: list[str] = []
    line = indent
    for token in re.findall(r"\s+|\S+", text.lstrip(" ")):
        if token.isspace():
            if line.strip():
                line += token
            continue
        if cell_width(line + token) <= width:
            line += token
            continue
        if line.strip() and cell_width(indent + token) <= width:
            lines.append(line.rstrip())  # the word fits on a line of its own
            line = indent
        while cell_width(line + token) > width:  # a word longer than a line: cut it
            room = width - cell_width(line)
            head = fit(token, room + 1)[:-1] if room > 0 else ""
            if head:
                lines.append(line + head)
                token = token[len(head) :]
            elif line.strip():
                lines.append(line.rstrip())
            else:
                break
            line = indent
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines or [text]
