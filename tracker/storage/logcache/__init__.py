"""The log cache: progress/ as the ledger sees it, kept in progress/.cache/ —
derived, safe to delete, never the source of truth, never committed.

Its invariant, stated once and tested as a property over every query
(tests/test_log_cache.py): no query ever answers differently from the same
query over the whole log read from scratch with no cache. It holds by
construction: the cache stores what tracker.ledger computes (each file's day
steps, the exclusions it applies) and the lines as read (its layout); it never
decides what counts or how a line moves a value itself.

- freshness.py: whether what it knows of a log file still holds;
- record.py: what it keeps of one file (a typed record);
- layout.py: how it keeps lines (parts, column by column);
- exclusions.py: retractions, repeated ids and cut-off batches across files;
- queries.py: every answer it gives;
- cache.py: bringing it up to date, and storing it (disk.py, ids.py).
"""

from __future__ import annotations

from tracker.storage.logcache.cache import FORMAT, LogCache, open_cache

__all__ = ["FORMAT", "LogCache", "open_cache"]
