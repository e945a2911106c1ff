"""The history's error, apart from the history itself: the CLI catches it for every command, and
importing `history/store.py` would load sqlite3 even for `backfit list`.
"""

from __future__ import annotations


class HistoryUnavailable(Exception):
    """The history file cannot be used; the message says which file and why."""
