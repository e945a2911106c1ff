"""The running reminder's word on the next break, in a small JSON file that `backfit status` reads.

`backfit remind` rewrites it whenever what it says changes and removes it on the way out; a file left
by a reminder that died is known by its process being gone, or by another process having its id since
(its start time differs). One reminder runs in a data folder: it holds a lock on a file beside this
one for its life, which the system lets go of if it dies. Kept to the standard library's quickest
modules: `backfit status` runs in a shell prompt and a status bar, many times a minute.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

from ..core.reminder import State
from .atomic import write_atomically
from .files import FileKind, read_regular_file
from .state_files import LATEST_TIME, MAX_COUNT, fields, number, one_of, optional, read_state_file, whole

# The keys of the file and the shape of each: the reminder's process and when it started (process_start;
# null where that is not known), its state (core.reminder.State's value), the Unix time the next break is
# due (null when quiet or on a break), and the breaks today and this week against the goal.
KEYS = {
    "pid": whole(1, 2**31 - 1), "started": optional(whole(0, 2**63 - 1)), "state": one_of(*State),
    "due_at": optional(number(0, LATEST_TIME)), "today": whole(0, MAX_COUNT), "this_week": whole(0, MAX_COUNT),
    "goal": whole(1, MAX_COUNT),
}  # fmt: skip


def write_reminder_state(path: Path, said: dict) -> None:
    """Write `said` (KEYS and their values) for `backfit status`, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, json.dumps({key: said[key] for key in KEYS}))


def read_reminder_state(path: Path) -> dict | None:
    """What a running reminder last said, or None when none is running (no file, one that does not fit
    KEYS' shapes, or one whose process has gone)."""
    said = read_state_file(path, FileKind.REMINDER_STATE, fields(KEYS))
    return said if said is not None and _running(said["pid"], said["started"]) else None


def forget_reminder_state(path: Path) -> None:
    """Remove the file, as the reminder leaves."""
    path.unlink(missing_ok=True)


def process_start(pid: int) -> int | None:
    """When process `pid` started, in clock ticks after the system's boot (field 22 of Linux's
    /proc/PID/stat): with its id, it names one process, even once the id is given to another. None where
    that cannot be read (another system, or no such process)."""
    try:
        line = read_regular_file(Path(f"/proc/{pid}/stat"), FileKind.PROCESS_STAT).decode("ascii", "replace")
        return int(line.rpartition(")")[2].split()[19])  # after the command's name, which may hold anything
    except (OSError, ValueError, IndexError):
        return None


class ReminderRunning(Exception):
    """Another `backfit remind` holds the data folder's lock (`pid` None when it has not said who it is)."""

    def __init__(self, pid: int | None) -> None:
        self.pid = pid
        who = "" if pid is None else f" (pid {pid})"
        super().__init__(f"backfit remind is already running in this data folder{who}")


class ReminderLock:
    """The data folder's one reminder: a lock held on an open file until released or until the process ends."""

    def __init__(self, descriptor: int) -> None:
        self._descriptor = descriptor

    def release(self) -> None:
        """Let another reminder start."""
        os.close(self._descriptor)


def lock_reminder(path: Path) -> ReminderLock | None:
    """Take the one reminder's lock on the file at `path` and write this process's id in it.

    ReminderRunning when another reminder holds it; None when it cannot be taken at all (a read-only
    folder, something else than a file there, a system without flock): the reminder then runs unguarded.
    """
    try:
        import fcntl
    except ImportError:  # Windows
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # O_NONBLOCK: a named pipe there never makes backfit wait for a reader.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_NONBLOCK | os.O_NOCTTY, 0o666)
    except OSError:
        return None
    try:
        if stat.S_ISREG(os.fstat(descriptor).st_mode):  # only a file is locked: anything else is let go
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            _sign(descriptor)
            return ReminderLock(descriptor)
    except BlockingIOError:
        os.close(descriptor)
        raise ReminderRunning(_holder(path)) from None
    except OSError:
        pass
    os.close(descriptor)
    return None


def _sign(descriptor: int) -> None:
    """Write this process's id in the lock file, for a second reminder's message; the lock holds without it."""
    try:
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"{os.getpid()}\n".encode())
    except OSError:
        pass


def _holder(path: Path) -> int | None:
    try:
        return int(read_regular_file(path, FileKind.REMINDER_LOCK))
    except (OSError, ValueError):
        return None


def _running(pid: int, started: int | None) -> bool:
    if sys.platform == "win32":  # there os.kill would end the process: trust the file
        return True
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process is there
    except ProcessLookupError:
        return False
    except PermissionError:  # there, but another user's
        pass
    if started is None:  # written where a start time is not known: the id alone
        return True
    now = process_start(pid)
    return now is None or now == started  # another start time: the id was given to another process since
