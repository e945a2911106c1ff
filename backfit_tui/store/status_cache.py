"""What `backfit status` last read from the history and the settings, kept with those files' stamps.

A status bar runs `backfit status` every few seconds. While neither file has changed, the next call
reads these few bytes instead of loading SQLite and the history's model, which cost most of its time.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from .atomic import write_atomically

Stamp = list[list[int] | None]


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
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept["stamp"] != stamp:
            return None
        return int(kept["goal"]), [float(started) for started in kept["started"]]
    except (OSError, ValueError, TypeError, KeyError):
        return None  # missing, damaged or from another version: read the history instead


def write_status_cache(path: Path, stamp: Stamp, goal: int, started: Sequence[float]) -> None:
    """Keep what was read for `stamp`; a cache that cannot be written only costs the next call its speed."""
    try:
        write_atomically(path, json.dumps({"stamp": stamp, "goal": goal, "started": list(started)}) + "\n")
    except OSError:
        pass
