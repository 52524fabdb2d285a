"""tracker: follow a local government's yearly commitments from the command line."""

import gc as _gc
import os as _os
import signal as _signal
import sys as _sys

__version__ = "0.1.0"


def collect_rarely() -> None:
    """A short-lived command that builds hundreds of thousands of small objects
    from a big log and makes almost no reference cycles: the default GC
    threshold rescans that heap thousands of times (measured: 35% of `tracker
    entries` on 100k entries); loading tracker and its libraries, objects kept
    to the end, a dozen times (0.7% of a `status`). Collect rarely instead."""
    _gc.set_threshold(50_000, 20, 20)


def user_cache_folder():
    """This user's own cache folder for tracker, outside any data folder: the
    key that seals log caches, the compiled bulletin templates. On Linux, the
    XDG rule platformdirs follows, said here (importing platformdirs costs a
    warm command milliseconds); elsewhere platformdirs says."""
    from pathlib import Path

    if _sys.platform == "linux":
        base = _os.environ.get("XDG_CACHE_HOME", "")
        if not _os.path.isabs(base):
            base = _os.path.expanduser("~/.cache")
        return Path(base) / "tracker"
    import platformdirs

    return platformdirs.user_cache_path("tracker", appauthor=False)


def _leave_quietly(signum, frame):  # pragma: no cover - runs in a child process
    """Ctrl-C while tracker is still loading: nothing has begun, so there is
    nothing to undo and no traceback to show. tracker.cli.main replaces this."""
    _os._exit(130)


# Only when tracker is the program (the console script, or `python -m tracker`),
# never when another program imports it.
if _os.path.basename(_sys.argv[0]).lower() in (
    "tracker",
    "tracker.exe",
    "tracker-script.py",
    "-m",
):
    collect_rarely()  # from the first import on
    try:
        _signal.signal(_signal.SIGINT, _leave_quietly)
    except ValueError:  # not the main thread
        pass
