"""`backfit status`: one short line on the next break and the week, for a shell prompt or tmux's
`status-right` (`break in 12m · 2/3 this week`), or JSON for scripts.

While `backfit remind` runs, everything is in its small state file, read in a few milliseconds.
Without one, there is no next break to tell of, and the week is counted from the history.
"""

from __future__ import annotations

import json
import math
import os
import sys
import time

from ..core.formatting import literal
from ..store import locations
from ..store.errors import HistoryUnavailable
from ..store.reminder_state import read_reminder_state
from .pipes import READER_GONE, discard

STATE_WORDS = {"due": "break now", "quiet": "no breaks now", "on break": "on a break"}


def status(as_json: bool) -> int:
    """Print the status line (or its JSON): 0, even with no reminder running; 1 when the history cannot be
    read (the week is then unknown) or the line cannot be written, with why on stderr."""
    said = read_reminder_state(locations.reminder_state_file()) or _from_history()
    now = time.time()
    if as_json:
        due_in = None if said["due_at"] is None else max(0, math.ceil(said["due_at"] - now))
        keys = ("state", "today", "this_week", "goal")
        line = json.dumps({"running": said["pid"] is not None, "due_in_s": due_in, **{k: said[k] for k in keys}})
    else:
        line = status_line(said, now)
    try:
        print(line, flush=True)
    except BrokenPipeError:  # `backfit status | head -c0`: end quietly, as cat does
        discard(sys.stdout)
        return READER_GONE
    except OSError as err:  # stdout on a full disk, or /dev/full
        discard(sys.stdout)  # so that the interpreter's last flush does not meet it again
        return _failed(f"cannot write the status: {err.strerror or err}")
    return _failed(said["problem"]) if said.get("problem") else 0


def status_line(said: dict, now: float) -> str:
    """`break in 12m · 2/3 this week` from what the reminder said (`state`, `due_at`, `this_week`, `goal`),
    shown literally: a terminal escape in it is printed, never obeyed."""
    week = f"{'?' if said['this_week'] is None else said['this_week']}/{said['goal']} this week"
    if said["state"] == "counting" and said["due_at"] is not None:
        return literal(f"break in {_short(said['due_at'] - now)} · {week}")
    words = STATE_WORDS.get(said["state"])
    return literal(f"{words} · {week}" if words else week)


def _short(seconds: float) -> str:
    """`12m`, `1h05`, `40s`: a wait rounded up, as short as a status bar needs."""
    seconds = max(0, math.ceil(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes = math.ceil(seconds / 60)
    return f"{minutes // 60}h{minutes % 60:02d}" if minutes >= 60 else f"{minutes}m"


def _from_history() -> dict:
    """The week from the history and the goal from the settings, when no reminder is running (no next break).

    What was read is kept beside them for the next call, while neither file changes (`store.status_cache`).
    """
    from ..core.weeks import today_and_this_week
    from ..store.status_cache import read_status_cache, stamp_of, write_status_cache

    history = locations.history_file()
    sources = [history, history.with_name(history.name + "-wal"), locations.settings_file()]
    now = time.time()
    kept = read_status_cache(locations.status_cache_file(), stamp_of(sources))
    said = {"pid": None, "state": "not running", "due_at": None, "today": None, "this_week": None}
    if kept is None:
        from ..store.history.stats import recent_counting_starts
        from ..store.history.store import open_to_read
        from ..store.settings import load_settings_or_defaults

        goal = load_settings_or_defaults(locations.settings_file(), os.environ).weekly_goal
        try:
            started = recent_counting_starts(open_to_read(history), now)
        except HistoryUnavailable as err:  # the week is unknown; the goal is still the person's
            return said | {"goal": goal, "problem": str(err)}
        except OSError as err:  # a data folder backfit may not look into
            return said | {"goal": goal, "problem": f"{err.filename}: {err.strerror or err}"}
        # Stamped after reading: opening the history may itself make its empty -wal file.
        write_status_cache(locations.status_cache_file(), stamp_of(sources), goal, started)
    else:
        goal, started = kept
    today, this_week = today_and_this_week(started, now, None)
    return said | {"today": today, "this_week": this_week, "goal": goal}


def _failed(problem: str) -> int:
    """Say `problem` on stderr, shown literally, as every backfit message is; the exit status 1."""
    try:
        print(literal(f"backfit: {problem}"), file=sys.stderr, flush=True)
    except OSError:  # stderr gone too: the status says it
        pass
    return 1
