"""tracker: follow a local government's yearly commitments from the command line."""

import os as _os
import signal as _signal
import sys as _sys

__version__ = "0.1.0"


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
    try:
        _signal.signal(_signal.SIGINT, _leave_quietly)
    except ValueError:  # not the main thread
        pass
