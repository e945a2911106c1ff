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

from ..core.reminder import State
from .atomic import write_atomically
from .files import FileKind
from .state_files import LATEST_TIME, MAX_COUNT, fields, number, one_of, optional, read_state_file, whole

# The keys of the file and the shape of each: the reminder's process, its state (core.reminder.State's value),
# the Unix time the next break is due (null when quiet or on a break), and the breaks today and this week
# against the goal.
KEYS = {
    "pid": whole(1, 2**31 - 1), "state": one_of(*State), "due_at": optional(number(0, LATEST_TIME)),
    "today": whole(0, MAX_COUNT), "this_week": whole(0, MAX_COUNT), "goal": whole(1, MAX_COUNT),
}  # fmt: skip


def write_reminder_state(path: Path, said: dict) -> None:
    """Write `said` (KEYS and their values) for `backfit status`, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, json.dumps({key: said[key] for key in KEYS}))


def read_reminder_state(path: Path) -> dict | None:
    """What a running reminder last said, or None when none is running (no file, one that does not fit
    KEYS' shapes, or one whose process has gone)."""
    said = read_state_file(path, FileKind.REMINDER_STATE, fields(KEYS))
    return said if said is not None and _running(said["pid"]) else None


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
