"""The catalogue's words for reports: headers, labels, states, sentences about a
goal's standing, confirmations. {key: (Chinese, English)}."""

from __future__ import annotations

PHRASES: dict[str, tuple[str, str]] = {}
