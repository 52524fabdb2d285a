"""The catalogue's words for problems: what is wrong with a file, an input or
the machine, and how to fix it. {key: (Chinese, English)}."""

from __future__ import annotations

PHRASES: dict[str, tuple[str, str]] = {}
