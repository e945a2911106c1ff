"""`backfit history` and `backfit stats`: the history database printed, without Textual."""

from __future__ import annotations

import sys
import time
from collections import Counter

from ..core.formatting import counted, json_text
from ..core.reminder import Answer
from ..reports.history_report import (
    bests_table,
    calendar,
    goal_line,
    pain_line,
    session_json,
    sessions_table,
    stats_json,
    write_csv,
)
from ..store import locations
from ..store.break_answers import answer_counts
from ..store.history.database import integrity_problems, move_aside, unreadable
from ..store.history.stats import compute_stats
from ..store.history.store import HistoryStore, open_to_read
from .say import say

LISTED_PROBLEMS = 10


def open_history_to_read() -> HistoryStore:
    """The history, opened only to read: with no history yet, an empty one, and no file is made for it."""
    return open_to_read(locations.history_file())


def history(as_json: bool, as_csv: bool, limit: int) -> int:
    """Print recent sessions as a table, or every session as JSON or CSV."""
    sessions = open_history_to_read().sessions(None if (as_json or as_csv or limit <= 0) else limit)
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
    """Print this week against the goal, the streak, the last weeks, how the back has been, personal bests and the
    breaks answered."""
    store = open_history_to_read()
    figures = compute_stats(store, time.time(), None, goal)
    breaks = answer_counts(store)
    if as_json:
        print(json_text({**stats_json(figures), "breaks": {answer.value: breaks[answer] for answer in Answer}}))
        return 0
    from .console import stdout_console

    console = stdout_console()
    console.print(goal_line(figures))
    console.print()
    console.print(calendar(figures))
    if figures.pain.last is not None:
        console.print()
        console.print(pain_line(figures))
    if figures.bests:
        console.print()
        console.print(bests_table(figures))
    if breaks.total():
        console.print()
        console.print(breaks_line(breaks))
    return 0


def breaks_line(breaks: Counter[Answer]) -> str:
    """`Breaks backfit remind called: 3 taken, 2 snoozed, 1 skipped.`"""
    answered = ", ".join(f"{breaks[answer]} {answer.value}" for answer in Answer)
    return f"Breaks `backfit remind` called: {answered}."


def check() -> int:
    """Check every page of the history; when it is damaged, say what is wrong and how to start a new one."""
    path = locations.history_file()
    if problem := unreadable(path):
        say(problem)
        return 1
    if not path.exists():
        say(f"No history yet: backfit makes {path} when it first opens its menu or runs a routine.")
        return 0
    problems = integrity_problems(path)
    if not problems:
        say(f"{path}: no problems found.")
        return 0
    listed = [f"  {problem}" for problem in problems[:LISTED_PROBLEMS]]
    if len(problems) > LISTED_PROBLEMS:
        listed.append(f"  and {counted(len(problems) - LISTED_PROBLEMS, 'more problem')}")
    say(
        f"{path} is damaged:",
        *listed,
        "backfit leaves it as it is, and keeps no history while it is there. Move it aside, where it can still be",
        "looked at, and backfit starts a new history the next time it runs:",
        f"  {move_aside(path)}",
    )
    return 1

