"""The catalogue's words for the command line: help and option texts.
{key: (Chinese, English)}."""

from __future__ import annotations

PHRASES: dict[str, tuple[str, str]] = {}
