"""A history file that is damaged, lacks part of its schema, cannot grow (a disk that fills), or sits in a read-only
folder: real SQLite files, and the real `backfit` command."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from support.fake_clock import FakeClock
from support.history_helpers import a_month_of_sessions, damage
from support.mounts import mounted, read_only_view
from support.processes import backfit_script
from support.routine_texts import FIVE_SHORT_SETS, ONE_SECOND
from support.strategies import routine, step

from backfit_tui.core.dosages import Hold
from backfit_tui.core.engine import Session
from backfit_tui.store.history.session_log import SessionLog
from backfit_tui.store.history.store import HistoryStore, HistoryUnavailable
from backfit_tui.store.locations import DATA_DIR_VARIABLE
from backfit_tui.store.settings import VOICE_VARIABLE

READING_COMMANDS = [["history"], ["history", "--json"], ["history", "--csv"], ["stats"], ["stats", "--json"]]


def backfit(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([backfit_script(), *args], stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=30, env={**os.environ, DATA_DIR_VARIABLE: str(data_dir)})  # fmt: skip


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(data_dir: Path) -> Path:
    """A month of sessions with 4096 random bytes written into the middle of the file."""
    path = data_dir / "history.sqlite3"
    a_month_of_sessions(path)
    damage(path)
    return path


@pytest.fixture(params=["DROP TABLE sets", "ALTER TABLE sets DROP COLUMN active_seconds"])
def lacking(request, data_dir: Path) -> Path:
    """A month of sessions whose `sets` table, or one of its columns, was dropped."""
    path = data_dir / "history.sqlite3"
    a_month_of_sessions(path)
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute(request.param)
        db.commit()
    return path


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_reading_a_damaged_history_says_so_and_leaves_it_untouched(data_dir, damaged, command):
    before = fingerprint(damaged)
    result = backfit(data_dir, *command)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith(f"backfit: {damaged} is damaged (database disk image is malformed);")
    assert "`backfit history --check`" in result.stderr and "Traceback" not in result.stderr
    assert fingerprint(damaged) == before


def test_a_session_on_a_damaged_history_runs_without_it_and_leaves_it_untouched(data_dir, damaged, write_routine):
    before = fingerprint(damaged)
    (data_dir / "settings.toml").write_text("mute = true\n")  # the same with or without sound here
    result = backfit(data_dir, "run", "--plain", str(write_routine(ONE_SECOND)))
    assert result.returncode == 0 and "Well done — One second finished" in result.stdout
    assert result.stderr == f"backfit: history is not being saved: {damaged} is damaged (database disk image is" \
                            " malformed); it is left untouched, and `backfit history --check` says how to start a new one\n"  # fmt: skip
    assert fingerprint(damaged) == before


@pytest.mark.parametrize("command", [["history"], ["stats"]], ids=" ".join)
def test_reading_a_history_that_lacks_part_of_its_schema_says_what_is_missing(data_dir, lacking, command):
    before = fingerprint(lacking)
    result = backfit(data_dir, *command)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith(f"backfit: {lacking} is damaged (it lacks ")
    assert ("table sets" if "sets" not in _tables(lacking) else "column sets.active_seconds") in result.stderr
    assert fingerprint(lacking) == before


def _tables(path: Path) -> list[str]:
    with contextlib.closing(sqlite3.connect(path)) as db:
        return [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]


def test_a_session_on_a_history_that_lacks_part_of_its_schema_never_writes_to_it(data_dir, lacking, write_routine):
    before = fingerprint(lacking)
    result = backfit(data_dir, "run", "--plain", str(write_routine(ONE_SECOND)))
    assert result.returncode == 0
    assert result.stderr.startswith(f"backfit: history is not being saved: {lacking} is damaged (it lacks ")
    assert fingerprint(lacking) == before


def test_history_check_says_what_is_wrong_and_how_to_start_a_new_history(data_dir, damaged, write_routine):
    (data_dir / "settings.toml").write_text("mute = true\n")  # the same with or without sound here
    result = backfit(data_dir, "history", "--check")
    assert result.returncode == 1
    assert result.stdout.startswith(f"{damaged} is damaged:\n  database disk image is malformed\n")
    move = result.stdout.splitlines()[-1].strip()
    assert move.startswith(f"mv {damaged} {damaged}.damaged")
    subprocess.run(move, shell=True, check=True)
    assert backfit(data_dir, "run", "--plain", str(write_routine(ONE_SECOND))).stderr == ""
    assert backfit(data_dir, "history", "--check").stdout == f"{damaged}: no problems found.\n"
    assert (data_dir / "history.sqlite3.damaged").exists()


def test_history_check_shows_a_folder_name_with_an_escape_sequence_literally(tmp_path):
    data_dir = tmp_path / "data\x1b]0;TITLE\x07"
    a_month_of_sessions(data_dir / "history.sqlite3")
    damage(data_dir / "history.sqlite3")
    result = backfit(data_dir, "history", "--check")
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert result.stdout.startswith(f"{tmp_path}/data\\x1b]0;TITLE\\x07/history.sqlite3 is damaged:\n")


def test_history_check_lists_ten_problems_and_counts_the_rest(data_dir):
    path = data_dir / "history.sqlite3"
    a_month_of_sessions(path)
    with contextlib.closing(sqlite3.connect(path)) as db:  # an index that no longer matches its table's rows
        db.execute("PRAGMA writable_schema = ON")
        db.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX sets_by_exercise ON sets(exercise_name, unit,"
                   " achieved)' WHERE name = 'sets_by_exercise'")  # fmt: skip
        db.commit()
    lines = backfit(data_dir, "history", "--check").stdout.splitlines()
    assert lines[1:12] == [f"  row {n} missing from index sets_by_exercise" for n in range(1, 11)] + [
        "  and 90 more problems"
    ]


def test_history_check_lists_a_missing_table(data_dir, lacking):
    result = backfit(data_dir, "history", "--check")
    assert result.returncode == 1
    assert result.stdout.splitlines()[1].startswith("  it lacks ")


def test_history_check_before_any_session(data_dir):
    result = backfit(data_dir, "history", "--check")
    assert result.returncode == 0
    assert result.stdout == f"No history yet: backfit makes {data_dir / 'history.sqlite3'} when it first opens its" \
                            " menu or runs a routine.\n"  # fmt: skip
    assert not (data_dir / "history.sqlite3").exists()


def test_a_history_that_cannot_be_made_on_a_full_disk_leaves_no_file_behind(tmp_path):
    folder = tmp_path / "tiny"
    folder.mkdir()
    with mounted(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)]):
        with contextlib.suppress(OSError):
            (folder / "filler").write_bytes(bytes(1 << 20))  # the disk is full
        with pytest.raises(HistoryUnavailable, match="database or disk is full|No space left"):
            HistoryStore(folder / "history.sqlite3")
        assert sorted(p.name for p in folder.iterdir()) == ["filler"]


def small_disk(folder: Path):
    """A file system of 256 KB at `folder`, enough for a history and a few sessions' sets."""
    folder.mkdir()
    return mounted(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)])


def filled(folder: Path) -> Path:
    """Fill the disk `folder` is on; the file that fills it."""
    filler = folder / "filler"
    with contextlib.suppress(OSError), filler.open("wb") as file:  # until there is no space left
        while True:
            file.write(bytes(4096))
            file.flush()
    return filler


def said_full(path: Path) -> str:
    return f"The history could not be written (disk full); the sets are kept in memory and written to {path} when" \
           " space returns."  # fmt: skip


def logged_holds(store: HistoryStore, sets: int, report) -> tuple[FakeClock, Session, SessionLog]:
    """A session of `sets` 1 s holds with 1 s rests, started and written to `store` as it goes."""
    clock = FakeClock(1_000_000.0)
    session = Session(routine(step(Hold(1), sets=sets, rest_between_sets=1)), clock, get_ready=0)
    log = SessionLog(store, session.routine, clock, report=report)
    log.record(session.start())
    return clock, session, log


def test_sets_that_end_on_a_full_disk_wait_in_memory_and_are_written_in_order_when_space_returns(tmp_path):
    path = tmp_path / "small" / "history.sqlite3"
    with small_disk(path.parent), contextlib.closing(HistoryStore(path)) as store:
        said = []
        clock, session, log = logged_holds(store, 4, said.append)
        clock.advance(1)
        log.record(session.update())  # set 1, written
        filler = filled(path.parent)
        for _ in range(4):  # a rest, set 2, a rest and set 3: said once, as it happens
            clock.advance(1)
            log.record(session.update())
        assert said == [said_full(path)]
        assert [s.record.set_number for s in store.sessions()[0].sets] == [1]
        filler.unlink()
        clock.advance(1)
        log.record(session.update())  # the next event writes what waited
        assert said[1:] == ["There is space again: the 2 sets kept in memory are now in the history."]
        clock.advance(1)
        log.record(session.update())
        log.close(finished=True)
        (stored,) = store.sessions()
        assert [(s.record.set_number, s.ended_at) for s in stored.sets] == [
            (1, 1_000_001.0), (2, 1_000_003.0), (3, 1_000_005.0), (4, 1_000_007.0)
        ]  # fmt: skip
        assert stored.finished


def test_sets_still_waiting_for_space_at_the_end_are_counted_as_not_saved(tmp_path):
    path = tmp_path / "small" / "history.sqlite3"
    with small_disk(path.parent), contextlib.closing(HistoryStore(path)) as store:
        said = []
        clock, session, log = logged_holds(store, 3, said.append)
        filled(path.parent)
        for _ in range(5):
            clock.advance(1)
            log.record(session.update())
        log.close(finished=True)
        assert said == [said_full(path), "3 sets of this session were not saved: the disk is still full."]


def test_a_plain_session_on_a_disk_that_fills_says_so_at_once_and_keeps_every_set_when_space_returns(tmp_path):
    folder = tmp_path / "small"
    with small_disk(folder):
        (folder / "settings.toml").write_text("mute = true\n")
        (folder / "safety-note-shown").touch()
        routine_file = tmp_path / "five.toml"
        routine_file.write_text(FIVE_SHORT_SETS)
        env = {**os.environ, DATA_DIR_VARIABLE: str(folder), VOICE_VARIABLE: "off"}
        guide = subprocess.Popen([backfit_script(), "run", "--plain", str(routine_file)], stdin=subprocess.DEVNULL,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)  # fmt: skip
        lines = []
        try:
            for line in guide.stdout:
                lines.append(line.rstrip("\n"))
                if line.startswith("Rest 0:01 before set 2/5"):  # set 1 is written
                    filler = filled(folder)
                elif line.startswith("Rest 0:01 before set 4/5"):
                    filler.unlink()
            assert guide.wait(timeout=30) == 0
        finally:
            guide.kill()
        path = folder / "history.sqlite3"
        again = "backfit: There is space again: the 2 sets kept in memory are now in the history."
        assert lines.index(f"backfit: {said_full(path)}") < lines.index(again)
        assert lines.index(again) < lines.index("Well done — Five short sets finished")
        with contextlib.closing(HistoryStore(path, read_only=True)) as store:
            (stored,) = store.sessions()
        assert [s.record.set_number for s in stored.sets] == [1, 2, 3, 4, 5] and stored.finished


def test_a_history_in_a_read_only_folder_can_still_be_read(tmp_path, data_dir):
    a_month_of_sessions(data_dir / "history.sqlite3")
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    with read_only_view(data_dir, read_only):
        table = backfit(read_only, "history", "--limit", "3")
        stats = backfit(read_only, "stats", "--json")
    assert table.returncode == 0, table.stderr
    assert len(table.stdout.splitlines()) == 4
    assert stats.returncode == 0, stats.stderr
