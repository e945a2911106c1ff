"""Filling a history database by hand, for the history, statistics and history-screen tests."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from backfit_tui.engine import SetRecord
from backfit_tui.history import HistoryStore


def a_set(exercise: str = "plank", achieved: float = 30, unit: str = "seconds", skipped: bool = False,
          set_number: int = 1, step: int = 0) -> SetRecord:  # fmt: skip
    """A set of step `step` (a session holds one record per step and set), planned and timed as if each unit took
    a second."""
    work_done = min(achieved, 30.0)
    return SetRecord(step, exercise, exercise.capitalize(), set_number, None, unit, 30.0, achieved, skipped, achieved,
                     work_done)  # fmt: skip


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
