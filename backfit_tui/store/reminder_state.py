"""The running reminder's word on the next break, in a small JSON file that `backfit status` reads.

`backfit remind` rewrites it whenever what it says changes and removes it on the way out; a file left
by a reminder that died is known by its process being gone. Kept to the standard library's quickest
modules: `backfit status` runs in a shell prompt and a status bar, many times a minute.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from .atomic import write_atomically

# The keys of the file: the reminder's process, its state (core.reminder.State's value), the Unix time
# the next break is due (null when quiet or on a break), and the breaks today and this week against the goal.
KEYS = ("pid", "state", "due_at", "today", "this_week", "goal")


def write_reminder_state(path: Path, said: dict) -> None:
    """Write `said` (KEYS and their values) for `backfit status`, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, json.dumps({key: said[key] for key in KEYS}))


def read_reminder_state(path: Path) -> dict | None:
    """What a running reminder last said, or None when none is running (no file, a damaged one, or one
    whose process has gone)."""
    try:
        said = json.loads(path.read_text(encoding="utf-8"))
        alive = _running(int(said["pid"]))
    except (OSError, ValueError, TypeError, KeyError):
        return None
    return said if alive and all(key in said for key in KEYS) else None


def forget_reminder_state(path: Path) -> None:
    """Remove the file, as the reminder leaves."""
    path.unlink(missing_ok=True)


def _running(pid: int) -> bool:
    if sys.platform == "win32":  # there os.kill would end the process: trust the file
        return True
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process is there
    except ProcessLookupError:
        return False
    except PermissionError:  # there, but another user's
        return True
    return True
