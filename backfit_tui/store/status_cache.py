"""What `backfit status` last read from the history and the settings, kept with those files' stamps.

A status bar runs `backfit status` every few seconds. While neither file has changed, the next call
reads these few bytes instead of loading SQLite and the history's model, which cost most of its time.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from .atomic import write_atomically
from .files import FileKind
from .state_files import LATEST_TIME, MAX_COUNT, fields, list_of, number, optional, read_state_file, whole

Stamp = list[list[int] | None]
# What the file holds: the stamp of the files read, the weekly goal, and when each counting session started.
SHAPE = fields({
    "stamp": list_of(optional(list_of(whole(-(2**63), 2**64), max_items=2)), max_items=8),
    "goal": whole(1, MAX_COUNT),
    "started": list_of(number(0, LATEST_TIME), max_items=MAX_COUNT),
})  # fmt: skip


def stamp_of(paths: Sequence[Path]) -> Stamp:
    """Each file's modification time and size (None when it is missing): any write changes one of them."""
    stamps: Stamp = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            stamps.append(None)
        else:
            stamps.append([stat.st_mtime_ns, stat.st_size])
    return stamps


def read_status_cache(path: Path, stamp: Stamp) -> tuple[int, list[float]] | None:
    """(goal, start times of the recent sessions that count toward it), if kept for exactly `stamp`."""
    kept = read_state_file(path, FileKind.STATUS_CACHE, SHAPE)
    if kept is None or kept["stamp"] != stamp:  # missing, damaged or from another version: read the history
        return None
    return kept["goal"], [float(started) for started in kept["started"]]


def write_status_cache(path: Path, stamp: Stamp, goal: int, started: Sequence[float]) -> None:
    """Keep what was read for `stamp`; a cache that cannot be written only costs the next call its speed."""
    try:
        write_atomically(path, json.dumps({"stamp": stamp, "goal": goal, "started": list(started)}) + "\n")
    except OSError:
        pass
