"""`backfit history` and `backfit stats`: the history database printed, without Textual."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from . import locations
from .formatting import json_text
from .history import HistoryStore
from .report import bests_table, calendar, goal_line, session_json, sessions_table, stats_json, write_csv
from .stats import compute_stats


def _store() -> HistoryStore:
    """The history, opened only to read: with no history yet, an empty one, and no file is made for it."""
    path = locations.history_file()
    return HistoryStore(path, read_only=True) if path.exists() else HistoryStore(Path(":memory:"))


def history(as_json: bool, as_csv: bool, limit: int) -> int:
    """Print recent sessions as a table, or every session as JSON or CSV."""
    sessions = _store().sessions(None if (as_json or as_csv or limit <= 0) else limit)
    if as_json:
        print(json_text([session_json(s) for s in sessions]))
    elif as_csv:
        write_csv(sessions, sys.stdout)
    elif not sessions:
        print("No sessions yet: `backfit` opens the menu of routines.")
    else:
        from .console import stdout_console

        stdout_console().print(sessions_table(sessions))
    return 0


def stats(as_json: bool, goal: int) -> int:
    """Print this week against the goal, the streak, the last weeks and personal bests."""
    figures = compute_stats(_store(), time.time(), None, goal)
    if as_json:
        print(json_text(stats_json(figures)))
        return 0
    from .console import stdout_console

    console = stdout_console()
    console.print(goal_line(figures))
    console.print()
    console.print(calendar(figures))
    if figures.bests:
        console.print()
        console.print(bests_table(figures))
    return 0
