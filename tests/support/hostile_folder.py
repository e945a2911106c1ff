"""A data folder with one of backfit's files made hostile: missing, empty, garbage, of the wrong shape, huge,
a named pipe, a link to /dev/zero, a folder, unreadable, or in a folder that cannot be written; and a picture of
a folder to tell what a command changed in it.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path

from backfit_tui.store import locations
from support.history_helpers import a_month_of_sessions

TINY_ROUTINE = 'name = "Desk break"\ndescription = "One short hold."\n\n[[steps]]\nexercise = "childs-pose"\nhold = 1\n'
SETTINGS = "get_ready = 0\nweekly_goal = 3\n"
HUGE = 2 * 2**30  # sparse: it costs nothing on disk
GARBAGE = random.Random(15).randbytes(4096) + b"\x1b]2;pwned\x07\x00\xff"


@dataclass(frozen=True)
class KeptFile:
    """A file backfit keeps in its data folder: where, its content as backfit writes it, one of the wrong shape
    (None when it has no shape but its bytes), and whether backfit may rewrite it when it is not as it wrote it."""

    name: str  # relative to the data folder
    valid: bytes
    wrong_shape: bytes | None
    owned: bool  # a state file or a cache, made again at will; not a person's own


def kept_files(history: bytes, log: bytes) -> list[KeptFile]:
    """Every file backfit keeps in a data folder, named as `locations` names them, `history` and its write-ahead
    `log` (history_with_a_log makes them) as their valid contents."""
    data = locations.data_dir()
    history_name = locations.history_file().relative_to(data).as_posix()
    stale_reminder = {"pid": os.getpid(), "started": 1, "state": "counting", "due_at": 2e9, "today": 0,
                      "this_week": 1, "goal": 3}  # fmt: skip
    return [
        KeptFile(history_name, history, another_programs_database(), owned=False),
        KeptFile(history_name + "-wal", log, None, owned=False),
        KeptFile(locations.settings_file().relative_to(data).as_posix(), SETTINGS.encode(),
                 b'get_ready = "soon"\nweekly_goal = inf\nmute = 3\n[voice]\nengine = 1\n', owned=False),
        KeptFile(locations.reminder_state_file().relative_to(data).as_posix(), json.dumps(stale_reminder).encode(),
                 b'{"pid": 1e20, "started": "x", "state": [], "due_at": "soon", "today": -1, "this_week": null,'
                 b' "goal": {}}', owned=True),
        KeptFile(locations.reminder_lock_file().relative_to(data).as_posix(), b"12345", b'{"pid": 1}', owned=True),
        KeptFile(locations.status_cache_file().relative_to(data).as_posix(), b'{"stamp": [], "goal": 3, "started": []}',
                 b'{"stamp": "now", "goal": 1e18, "started": [1e400]}', owned=True),
        KeptFile(locations.warm_up_choices_file().relative_to(data).as_posix(), b'{"desk-break": true}',
                 b'[{"desk-break": "yes"}]', owned=True),
        KeptFile((locations.user_routines_dir() / "desk-break.toml").relative_to(data).as_posix(), TINY_ROUTINE.encode(),
                 b'name = 5\ndescription = []\n\n[[steps]]\nexercise = 7\nhold = "long"\n', owned=False),
    ]  # fmt: skip


def history_with_a_log(path: Path) -> Path:
    """A month of sessions at `path`, and beside it the write-ahead log a process that ended before SQLite
    checkpointed it leaves: frames that SQLite replays when it next opens the history."""
    a_month_of_sessions(path)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA wal_autocheckpoint = 0")
    db.execute("UPDATE sessions SET finished = finished")
    shutil.copyfile(f"{path}-wal", f"{path}-wal.kept")  # before closing, which checkpoints and removes the log
    db.close()
    os.replace(f"{path}-wal.kept", f"{path}-wal")
    return path


def another_programs_database() -> bytes:
    """A SQLite database that another program keeps: valid, but none of backfit's tables."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE notes (text TEXT)")
    db.execute("INSERT INTO notes VALUES ('mine')")
    return db.serialize()


def make(path: Path, kept: KeptFile, variant: str) -> None:
    """Put `kept` at `path` as `variant` makes it (the folder itself is the caller's)."""
    path.unlink(missing_ok=True)
    if variant == "missing":
        return
    if variant == "FIFO":
        os.mkfifo(path)
    elif variant == "link to /dev/zero":
        path.symlink_to("/dev/zero")
    elif variant == "folder":
        path.mkdir()
    elif variant == "huge":
        with path.open("wb") as file:
            file.truncate(HUGE)
    else:
        contents = {"empty": b"", "garbage": GARBAGE, "wrong shape": kept.wrong_shape}
        path.write_bytes(contents.get(variant, kept.valid))
        if variant == "mode 000":
            path.chmod(0o000)


def picture(folder: Path) -> dict[str, tuple]:
    """Each path in `folder` (links not followed), with its kind, mode, size and content's hash (or, for a link,
    its target): what a command changed shows as a difference."""
    found = {}
    for parent, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(parent, name)
            info = path.lstat()
            found[path.relative_to(folder).as_posix()] = (stat.S_IFMT(info.st_mode), stat.S_IMODE(info.st_mode),
                                                          info.st_size, _content(path, info))  # fmt: skip
    return found


def _content(path: Path, info: os.stat_result) -> str | None:
    if stat.S_ISLNK(info.st_mode):
        return os.readlink(path)
    if stat.S_ISREG(info.st_mode) and info.st_size <= 16 * 2**20:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    if stat.S_ISREG(info.st_mode):
        return f"written at {info.st_mtime_ns}"  # a huge file: too long to hash
    return None  # a folder (its paths are pictured) or a pipe: its kind and mode tell
