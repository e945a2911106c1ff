"""Several backfits on one history: opening a new one together, and a history locked by another program while a
session is being saved. Real SQLite files, and real processes holding the locks."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import time

import pytest
from support.fake_clock import FakeClock
from support.history_helpers import write_lock_held
from support.processes import backfit_script
from support.strategies import routine, step

from backfit_tui.core.dosages import Hold
from backfit_tui.core.engine import Session
from backfit_tui.store.history.session_log import SessionLog
from backfit_tui.store.history.store import SCHEMA_VERSION, HistoryStore
from backfit_tui.store.locations import DATA_DIR_VARIABLE

TWO_SETS = """
name = "Two sets"
description = "Two one-second holds with a second of rest between them."
[[steps]]
exercise = "plank"
hold = 1
sets = 2
rest_between_sets = 1
"""


def test_a_new_history_opens_while_another_backfit_is_still_creating_it(tmp_path):
    path = tmp_path / "history.sqlite3"
    with write_lock_held(path, release_after=0.5):
        store = HistoryStore(path)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_history_opens_at_once_while_another_program_holds_it_locked(tmp_path):
    """Opening checks that the history can be written, without waiting for another program's lock to go."""
    path = tmp_path / "history.sqlite3"
    HistoryStore(path).close()
    with write_lock_held(path):
        began = time.monotonic()
        store = HistoryStore(path)
        assert time.monotonic() - began < 1.0  # not the 5 s a write may wait for the lock at the end
    assert store.sessions() == []


@pytest.mark.parametrize("guides", [2, 3, 4])
def test_guides_started_together_on_a_new_history_save_every_set(data_dir, write_routine, guides):
    (data_dir / "settings.toml").write_text('get_ready = 0\nsound_backend = "bell"\n')
    two_sets = write_routine(TWO_SETS, "two-sets.toml")
    env = {**os.environ, DATA_DIR_VARIABLE: str(data_dir)}
    with write_lock_held(data_dir / "history.sqlite3", release_after=1.0):  # they all meet it while it is created
        runs = [
            subprocess.Popen([backfit_script(), "run", "--plain", str(two_sets)], stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
            for _ in range(guides)
        ]  # fmt: skip
    said = [run.communicate(timeout=60)[1] for run in runs]
    assert [run.returncode for run in runs] == [0] * guides
    assert said == [""] * guides
    sessions = HistoryStore(data_dir / "history.sqlite3").sessions()
    assert [[s.record.set_number for s in session.sets] for session in sessions] == [[1, 2]] * guides


def three_sets_logged(path, report, **log_options) -> tuple[HistoryStore, FakeClock, Session, SessionLog]:
    """A session of three 1 s sets with 1 s rests, started and written to a new history at `path` as it goes."""
    store, clock = HistoryStore(path), FakeClock(1_000_000.0)
    session = Session(routine(step(Hold(1), sets=3, rest_between_sets=1)), clock, get_ready=0)
    log = SessionLog(store, session.routine, clock, report=report, **log_options)
    log.record(session.start())
    return store, clock, session, log


def test_sets_that_end_while_another_program_holds_the_history_wait_and_are_written_in_order(tmp_path):
    path = tmp_path / "history.sqlite3"
    store, clock, session, log = three_sets_logged(path, pytest.fail)
    with write_lock_held(path):
        for _ in range(4):  # set 1, a rest, set 2 and a rest: the guide goes on as if nothing were wrong
            clock.advance(1)
            began = time.monotonic()
            log.record(session.update())
            assert time.monotonic() - began < 1.0  # not the 5 s a write may wait for the lock at the end
        assert store.sessions() == []  # nothing written yet, but the history can still be read
    clock.advance(0.5)
    log.record(session.update())  # halfway through set 3: the sets waiting are written with the next event
    (stored,) = store.sessions()
    assert [(s.record.set_number, s.ended_at) for s in stored.sets] == [(1, 1_000_001.0), (2, 1_000_003.0)]
    clock.advance(0.5)
    log.record(session.update())
    log.close(finished=True)
    (stored,) = store.sessions()
    assert [s.record.set_number for s in stored.sets] == [1, 2, 3]
    assert stored.finished and stored.ended_at == 1_000_005.0


def test_sets_still_waiting_at_the_end_are_written_when_the_lock_is_let_go_soon_after(tmp_path):
    path = tmp_path / "history.sqlite3"
    store, clock, session, log = three_sets_logged(path, pytest.fail)
    with write_lock_held(path, release_after=0.5):
        clock.advance(1)
        log.record(session.update())
        log.close(finished=False)  # waits longer for the lock than a write during the session does
    (stored,) = store.sessions()
    assert [s.record.set_number for s in stored.sets] == [1]
    assert stored.ended_at == 1_000_001.0 and not stored.finished


def test_sets_that_could_not_be_written_by_the_end_are_said_once(tmp_path):
    path = tmp_path / "history.sqlite3"
    said = []
    store, clock, session, log = three_sets_logged(path, said.append, wait_at_close=0.2)
    with write_lock_held(path):
        for _ in range(3):
            clock.advance(1)
            log.record(session.update())
        log.close(finished=False)
    assert said == [f"2 sets of this session were not saved: {path} was locked by another program for over 0.2 s."]
    assert store.sessions() == []


def test_an_ending_that_could_not_be_written_is_said_too(tmp_path):
    path = tmp_path / "history.sqlite3"
    said = []
    store, clock, session, log = three_sets_logged(path, said.append, wait_at_close=0.2)
    for _ in range(3):
        clock.advance(1)
        log.record(session.update())  # every set written as it ends
    with write_lock_held(path):
        log.close(finished=True)
    assert said == [f"How this session ended was not saved: {path} was locked by another program for over 0.2 s."]
    assert [s.ended_at for s in store.sessions()] == [None]  # listed as interrupted, and said so


def test_a_write_that_fails_for_another_reason_is_said_once_and_the_session_goes_on(tmp_path):
    path = tmp_path / "history.sqlite3"
    said = []
    store, clock, session, log = three_sets_logged(path, said.append)
    clock.advance(1)
    log.record(session.update())
    other = sqlite3.connect(path)
    other.execute("DROP TABLE sets")
    other.commit()
    for _ in range(4):
        clock.advance(1)
        log.record(session.update())
    log.close(finished=True)
    assert len(said) == 1 and said[0].startswith(f"History is not being saved: {path} ")
    assert "no such table: sets" in said[0]
