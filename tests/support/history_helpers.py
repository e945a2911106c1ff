"""Filling a history database by hand, and holding it locked from another process, for the history, statistics
and history-screen tests."""

from __future__ import annotations

import contextlib
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from backfit_tui.core.model import Routine, Step
from backfit_tui.core.records import SetRecord
from backfit_tui.core.timeline import planned_amount
from backfit_tui.store.history.store import HistoryStore


def a_set(exercise: str = "plank", achieved: float = 30, unit: str = "seconds", skipped: bool = False,
          set_number: int = 1, step: int = 0) -> SetRecord:  # fmt: skip
    """A set of step `step` (a session holds one record per step and set), planned and timed as if each unit took
    a second."""
    work_done = min(achieved, 30.0)
    return SetRecord(step, exercise, exercise.capitalize(), set_number, None, unit, 30.0, achieved, skipped, achieved,
                     work_done)  # fmt: skip


def step_records(step: Step, step_index: int = 0, skipped_sets: frozenset[int] = frozenset()) -> list[SetRecord]:
    """The records of a session that did `step`, every set and side, skipping the sets numbered in `skipped_sets`."""
    amount, unit = planned_amount(step)
    return [
        SetRecord(step_index, step.exercise.id, step.exercise.name, n, side, unit, amount,
                  amount / 2 if n in skipped_sets else amount, n in skipped_sets, 1.0, 1.0)  # fmt: skip
        for n in range(1, step.sets + 1)
        for side in step.side_order
    ]


def routine_done_as_planned(routine: Routine) -> list[SetRecord]:
    """The records of a session that did every set of `routine` as planned."""
    return [record for index, step in enumerate(routine.steps) for record in step_records(step, index)]


def at(text: str, zone: str = "UTC") -> float:
    """Unix time of a local `YYYY-MM-DD HH:MM` in `zone`."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo(zone)).timestamp()


def add_session(store: HistoryStore, started: float, *sets: SetRecord, finished: bool = True, routine="desk-break",
                planned_active: float | None = None):  # fmt: skip
    """A session of `sets` (one plank set by default), planned to last as long as they did unless told otherwise."""
    sets = sets or (a_set(),)
    planned = sum(s.work_done_seconds for s in sets) if planned_active is None else planned_active
    session_id = store.begin(routine, routine.replace("-", " ").capitalize(), started, planned)
    for n, record in enumerate(sets):
        store.add_set(session_id, record, started + 60 * (n + 1))
    store.end(session_id, started + 600, finished)
    return session_id


def a_month_of_sessions(path: Path, exercise: str = "plank") -> None:
    """Thirty daily sessions of ten sets into the history at `path`: a file of several pages."""
    store = HistoryStore(path)
    for day in range(30):
        add_session(store, at("2026-05-01 08:00") + day * 86_400,
                    *(a_set(exercise, 20 + n, set_number=n + 1) for n in range(10)))  # fmt: skip
    store.close()


def damage(path: Path) -> None:
    """Write 4096 random bytes over the page of the earliest sets, which every statistic reads and a new
    session never writes to.

    Found by its place in the sets table (SQLite's dbstat), not in the file: a table added to the schema
    moves the pages about.
    """
    with contextlib.closing(sqlite3.connect(path)) as db:
        (page,) = db.execute("SELECT pageno FROM dbstat WHERE name = 'sets' AND pagetype = 'leaf' ORDER BY path").fetchone()
        (page_size,) = db.execute("PRAGMA page_size").fetchone()
    with path.open("r+b") as file:
        file.seek((page - 1) * page_size)
        file.write(random.Random(7).randbytes(4096))


LOCK_HOLDER = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2])) if len(sys.argv) > 2 else sys.stdin.readline()
db.execute("ROLLBACK")
"""


@contextmanager
def write_lock_held(path: Path, release_after: float | None = None) -> Iterator[Callable[[], None]]:
    """Another process holding `path`'s write lock, as a second backfit creating or writing it would; it lets go
    after `release_after` seconds, or when the block calls the function it is given, or when the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(path), *([] if release_after is None else [str(release_after)])],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout.readline() == "locked\n"

    def release() -> None:
        if holder.poll() is None and release_after is None:
            holder.communicate("\n", timeout=10)
        holder.wait(timeout=10)

    try:
        yield release
    finally:
        release()
