"""Files tracker writes for people (`--output`): whole or not at all, with the
permissions a shared folder expects, and the machine's failures as problems."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from tracker.storage.journal import machine_errors


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: str | bytes | Iterable[str | bytes]) -> None:
    """A reader sees the old file or the new one, never half: a temporary file
    beside it, fsynced, then renamed over it. A new file gets the umask's
    permissions (a digest published to a shared folder must be readable); an
    existing file keeps its mode. `data` may come in pieces (text as UTF-8),
    each written as it comes: a failure on the way leaves no file behind."""
    path = Path(path)
    pieces = [data] if isinstance(data, str | bytes) else data
    folder = path.parent if str(path.parent) else Path(".")
    with machine_errors(path):
        try:
            mode = path.stat().st_mode & 0o7777
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        handle = tempfile.NamedTemporaryFile(
            "wb", dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False
        )
        try:
            with handle:
                for piece in pieces:
                    handle.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(handle.name, mode)
            os.replace(handle.name, path)
        except BaseException:
            Path(handle.name).unlink(missing_ok=True)
            raise
