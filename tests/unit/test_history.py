"""The history database: real SQLite files in tmp_path, opened, migrated, refused, shared and killed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.fake_clock import FakeClock
from support.history_helpers import a_set, add_session
from support.mounts import read_only_view
from support.processes import backfit_script
from support.routine_texts import FIVE_SHORT_SETS
from support.strategies import routine, routines, step

from backfit_tui.core.dosages import Hold
from backfit_tui.core.engine import Session
from backfit_tui.core.outcome import done_and_skipped
from backfit_tui.core.records import Event, EventKind
from backfit_tui.store.errors import HistoryUnavailable
from backfit_tui.store.history.database import integrity_problems
from backfit_tui.store.history.session_log import SessionLog
from backfit_tui.store.history.store import MIGRATIONS, SCHEMA_VERSION, HistoryStore, open_to_keep
from backfit_tui.store.locations import DATA_DIR_VARIABLE


def test_a_session_and_its_sets_come_back_as_they_were_written(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    sets = (a_set("plank", 30), a_set("plank", 12, skipped=True, set_number=2), a_set("bird-dog", 10, "reps", step=1))
    add_session(store, 1_000_000.0, *sets, finished=False)
    (session,) = store.sessions()
    assert (session.routine_id, session.started_at, session.ended_at, session.finished) == (
        "desk-break", 1_000_000.0, 1_000_600.0, False,
    )
    assert [s.record for s in session.sets] == list(sets)
    assert [s.ended_at for s in session.sets] == [1_000_060.0, 1_000_120.0, 1_000_180.0]


def test_sessions_come_newest_first_and_can_be_limited(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    for day in range(5):
        add_session(store, 86_400.0 * day, routine=f"r{day}")
    assert [s.routine_id for s in store.sessions(limit=2)] == ["r4", "r3"]


def test_a_version_1_file_is_migrated_forward_and_keeps_its_sets(tmp_path):
    path = tmp_path / "history.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[1] + "PRAGMA user_version = 1;")
    old.execute("INSERT INTO sessions VALUES (1, 'desk-break', 'Desk break', 100.0, 700.0, 1)")
    old.execute("INSERT INTO sets VALUES (1, 1, 160.0, 0, 'plank', 'Plank', 1, NULL, 'seconds', 30, 28, 0)")
    old.commit()
    old.close()
    store = HistoryStore(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    (session,) = store.sessions()
    assert (session.sets[0].record.achieved, session.sets[0].record.active_seconds) == (28, 0)
    assert session.planned_active_seconds is None  # not known: it counts toward the goal as it ran to the end
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_version_4_file_keeps_every_set_each_done_or_skipped_and_none_partial(tmp_path):
    path = tmp_path / "history.sqlite3"
    old = sqlite3.connect(path)
    old.executescript("".join(MIGRATIONS[v] for v in range(1, 5)) + "PRAGMA user_version = 4;")
    old.execute("INSERT INTO sessions VALUES (1, 'desk-break', 'Desk break', 100.0, 700.0, 1, 90)")
    old.execute("INSERT INTO sessions VALUES (2, 'desk-break', 'Desk break', 800.0, 860.0, 0, 90)")
    rows = [(1, 1, 0, 1, 30, 0), (2, 1, 0, 2, 30, 0), (3, 1, 1, 1, 12, 1), (4, 2, 0, 1, 20, 0)]
    for row in rows:
        old.execute("INSERT INTO sets VALUES (?, ?, 160.0, ?, 'plank', 'Plank', ?, NULL, 'seconds', 30, ?, ?, 30, 30)",
                    row)  # fmt: skip
    old.commit()
    old.close()
    store = HistoryStore(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    kept = [(s.record.step_index, s.record.set_number, s.record.achieved, s.record.skipped, s.record.partial)
            for session in reversed(store.sessions()) for s in session.sets]  # fmt: skip
    assert kept == [(0, 1, 30, False, False), (0, 2, 30, False, False), (1, 1, 12, True, False),
                    (0, 1, 20, False, False)]  # fmt: skip
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def logged(store: HistoryStore, session: Session) -> SessionLog:
    """A log of `session` into `store`, as the screens keep one."""
    return SessionLog(store, session.routine, lambda: 1_000_000.0, report=pytest.fail)


def test_a_set_redone_after_going_back_replaces_its_skipped_record(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    clock = FakeClock()
    session = Session(routine(step(Hold(10), sets=3)), clock, get_ready=0)
    log = logged(store, session)
    log.record(session.start())
    clock.advance(2)
    log.record(session.skip())  # set 1 skipped after 2 s
    log.record(session.back())  # and done again
    clock.advance(30)
    log.record(session.update())
    log.close(finished=True)
    (stored,) = store.sessions()
    assert [s.record for s in stored.sets] == list(session.record().sets)
    assert done_and_skipped([s.record for s in stored.sets]) == (3, 0)


def test_a_session_is_saved_with_its_planned_active_time(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    clock = FakeClock()
    session = Session(routine(step(Hold(10), sets=3, rest_between_sets=20)), clock, get_ready=5)
    log = logged(store, session)
    log.record(session.start())
    clock.advance(15)
    log.record(session.update())
    (stored,) = store.sessions()
    assert stored.planned_active_seconds == session.record().planned_active_seconds == 30


KEY_PRESSES = st.lists(
    st.floats(0, 30) | st.sampled_from(["skip", "skip_step", "back", "mark_done", "count_rep", "restart_phase"]),
    max_size=30,
)


def routine_order(record):
    return record.step_index, record.set_number, record.side or ""


@settings(max_examples=100, deadline=None)
@given(routines(), st.integers(0, 3), KEY_PRESSES)
def test_the_history_holds_the_sets_the_summary_shows_whatever_the_key_presses(any_routine, get_ready, presses):
    now = [0.0]
    session = Session(any_routine, lambda: now[0], get_ready)
    store = HistoryStore(Path(":memory:"))
    log = logged(store, session)
    log.record(session.start())
    for press in presses:
        if isinstance(press, float):
            now[0] += press
            log.record(session.update())
        else:
            log.record(getattr(session, press)())
    stored = [s.record for logged_session in store.sessions() for s in logged_session.sets]
    assert sorted(stored, key=routine_order) == list(session.record().sets)


def test_a_version_2_file_keeps_only_the_record_of_a_set_that_was_done_again(tmp_path):
    path = tmp_path / "history.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[1] + MIGRATIONS[2] + "PRAGMA user_version = 2;")
    old.execute("INSERT INTO sessions VALUES (1, 'desk-break', 'Desk break', 100.0, 700.0, 1)")
    for row in [(1, 160.0, 1, "left", 3, 1, 3), (2, 200.0, 1, "left", 30, 0, 30), (3, 260.0, 1, "right", 30, 0, 30)]:
        old.execute("INSERT INTO sets VALUES (?, 1, ?, 0, 'plank', 'Plank', ?, ?, 'seconds', 30, ?, ?, ?)", row)
    old.commit()
    old.close()
    (session,) = HistoryStore(path).sessions()
    kept = [(s.record.side, s.record.achieved, s.record.skipped) for s in session.sets]
    assert kept == [("left", 30, False), ("right", 30, False)]


def test_a_version_2_file_loses_its_sessions_with_nothing_done(tmp_path):
    path = tmp_path / "history.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[1] + MIGRATIONS[2] + "PRAGMA user_version = 2;")
    old.execute("INSERT INTO sessions VALUES (1, 'desk-break', 'Desk break', 100.0, 700.0, 1)")
    old.execute("INSERT INTO sets VALUES (1, 1, 160.0, 0, 'plank', 'Plank', 1, NULL, 'seconds', 30, 28, 0, 28)")
    old.execute("INSERT INTO sessions VALUES (2, 'desk-break', 'Desk break', 800.0, 803.0, 0)")  # left at once
    old.execute("INSERT INTO sessions VALUES (3, 'desk-break', 'Desk break', 900.0, NULL, 0)")  # killed at once
    old.commit()
    old.close()
    assert [s.id for s in HistoryStore(path).sessions()] == [1]


def test_a_version_2_file_counts_its_alternating_reps_on_each_side(tmp_path):
    path = tmp_path / "history.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[1] + MIGRATIONS[2] + "PRAGMA user_version = 2;")
    old.execute("INSERT INTO sessions VALUES (1, 'desk-break', 'Desk break', 100.0, 700.0, 1)")
    old.execute("INSERT INTO sets VALUES (1, 1, 160.0, 0, 'bird-dog', 'Bird dog', 1, 'both', 'reps', 20, 20, 0, 40)")
    old.execute("INSERT INTO sets VALUES (2, 1, 160.0, 0, 'bird-dog', 'Bird dog', 2, 'both', 'reps', 20, 7, 1, 14)")
    old.commit()
    old.close()
    (session,) = HistoryStore(path).sessions()
    assert [(s.record.planned, s.record.achieved) for s in session.sets] == [(10, 10), (10, 3)]


def test_a_file_from_a_newer_backfit_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "history.sqlite3"
    newer = sqlite3.connect(path)
    newer.execute("PRAGMA user_version = 99")
    newer.close()
    before = path.read_bytes()
    with pytest.raises(HistoryUnavailable) as refused:
        HistoryStore(path)
    assert str(refused.value) == (
        f"{path} was written by a newer backfit (history version 99, this one reads up to {SCHEMA_VERSION});"
        " it is left untouched. Update backfit to use it."
    )
    assert path.read_bytes() == before


def test_a_corrupt_file_is_reported_with_its_path_and_left_untouched(tmp_path):
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a database, just some text " * 100)
    before = path.read_bytes()
    with pytest.raises(HistoryUnavailable, match=f"^{path} cannot be used as the history .*file is not a database"):
        HistoryStore(path)
    assert path.read_bytes() == before
    assert list(tmp_path.glob("history.sqlite3-*")) == []  # no journal or WAL made beside it


def test_a_history_that_is_a_link_to_dev_null_is_reported_with_what_went_wrong(tmp_path):
    path = tmp_path / "history.sqlite3"
    path.symlink_to("/dev/null")
    with pytest.raises(HistoryUnavailable) as refused:
        HistoryStore(path)
    assert str(refused.value) == f"{path} is a device, not a history file; it is left untouched"


WRITER = """
import sys
from backfit_tui.core.records import SetRecord
from backfit_tui.store.history.store import HistoryStore
store = HistoryStore(__import__("pathlib").Path(sys.argv[1]))
session = store.begin("writer", sys.argv[2], 0.0, 6000.0)
for n in range(200):
    store.add_set(session, SetRecord(0, "plank", "Plank", n + 1, None, "seconds", 30.0, 30.0, False, 30.0, 30.0), float(n))
store.end(session, 1.0, True)
"""


def test_two_processes_writing_at_once_neither_corrupt_nor_block_each_other(tmp_path):
    path = tmp_path / "history.sqlite3"
    HistoryStore(path).close()
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name]) for name in ("one", "two")]
    assert [w.wait(timeout=60) for w in writers] == [0, 0]
    store = HistoryStore(path)
    assert sorted((s.routine_name, len(s.sets)) for s in store.sessions()) == [("one", 200), ("two", 200)]
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_session_killed_mid_set_keeps_every_set_it_finished(tmp_path, data_dir, write_routine):
    (data_dir / "settings.toml").write_text('get_ready = 0\nsound_backend = "bell"\n')
    routine = write_routine(FIVE_SHORT_SETS, "five.toml")
    path = data_dir / "history.sqlite3"
    guide = subprocess.Popen(
        [backfit_script(), "run", "--plain", str(routine)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        env={**os.environ, DATA_DIR_VARIABLE: str(data_dir)},
    )  # fmt: skip
    deadline = time.monotonic() + 20
    while not path.exists() or _count_sets(path) < 2:  # wait until it is mid-way through set 3
        assert time.monotonic() < deadline and guide.poll() is None
        time.sleep(0.05)
    time.sleep(0.5)  # set 2 ended at 3 s; set 3 runs from 4 s to 5 s
    started = sqlite3.connect(path).execute("SELECT started_at FROM sessions").fetchone()[0]
    guide.send_signal(signal.SIGKILL)
    killed_after = time.time() - started
    guide.wait(timeout=10)
    store = HistoryStore(path)
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    (session,) = store.sessions()
    assert session.ended_at is None and not session.finished  # it never got to say how it ended
    finished_by = [2 * n + 1 for n in range(5)]  # each set's deadline, seconds from the start
    surely, maybe = sum(t <= killed_after - 0.2 for t in finished_by), sum(t <= killed_after + 0.2 for t in finished_by)
    assert surely <= len(session.sets) <= maybe
    assert [(s.record.set_number, s.record.achieved, s.record.skipped) for s in session.sets] == [
        (n + 1, 1.0, False) for n in range(len(session.sets))
    ]


def _count_sets(path: Path) -> int:
    try:
        return sqlite3.connect(path).execute("SELECT COUNT(*) FROM sets").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is still being made
        return 0


def test_another_programs_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "history.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE notes (text TEXT)")
    other.commit()
    other.close()
    before = path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(HistoryUnavailable) as refused:
            HistoryStore(path, read_only=read_only)
        assert str(refused.value).startswith(f"{path} is another program's database (its tables: notes), not a backfit"
                                             " history; it is left untouched")  # fmt: skip
    assert integrity_problems(path) == ["it is another program's database (its tables: notes), not a backfit history"]
    assert path.read_bytes() == before


def test_a_history_that_cannot_be_made_keeps_no_session_even_in_memory(tmp_path):
    folder, view = tmp_path / "folder", tmp_path / "view"
    folder.mkdir()
    view.mkdir()
    with read_only_view(folder, view):
        store, problem = open_to_keep(view / "data" / "history.sqlite3")  # no folder, and none can be made
        assert problem is not None and store is not None and store.read_only
        log = SessionLog(store, routine(step(Hold(1))), lambda: 1000.0, pytest.fail)
        log.record([Event(EventKind.SET_DONE, 1.0, 0, record=a_set())])
        log.close(finished=True)
        assert store.sessions() == []  # the summary and the history screen show no session that is not kept
