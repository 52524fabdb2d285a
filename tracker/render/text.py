"""User text made inert for display, and terminal display widths (CJK = 2 cells)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# C0 (but tab is escaped too: it breaks column alignment), DEL, C1, line and
# paragraph separators, and the bidi controls that can reorder a line on screen.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


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
