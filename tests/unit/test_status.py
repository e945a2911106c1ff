"""`backfit status`: one line on the next break and the week, from a running reminder's state file or,
without one (or with one whose process has gone, its id given to another since), from the history; and
the lock that lets one reminder run in a data folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import pytest

from backfit_tui.cli.status_command import status, status_line
from backfit_tui.store import locations
from backfit_tui.store.reminder_state import (
    ReminderRunning,
    lock_reminder,
    process_start,
    read_reminder_state,
    write_reminder_state,
)

on_linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process start times are read from /proc")

NOW = 1_000_000.0


def said(state="counting", due_in: float | None = 720, pid: int | None = None, started: int | None = None) -> dict:
    """What a reminder writes; `started` None, as where start times are not known, unless given."""
    due_at = None if due_in is None else NOW + due_in
    pid = pid or os.getpid()
    return {"pid": pid, "started": started, "state": state, "due_at": due_at, "today": 1, "this_week": 2, "goal": 3}


def test_the_line_tells_the_wait_and_the_week():
    assert status_line(said(due_in=720), NOW) == "break in 12m · 2/3 this week"
    assert status_line(said(due_in=40.2), NOW) == "break in 41s · 2/3 this week"
    assert status_line(said(due_in=65 * 60), NOW) == "break in 1h05 · 2/3 this week"
    assert status_line(said("due", due_in=0), NOW) == "break now · 2/3 this week"
    assert status_line(said("quiet", due_in=None), NOW) == "no breaks now · 2/3 this week"


def test_a_running_reminders_state_is_printed(capsys):
    write_reminder_state(locations.reminder_state_file(), said(due_in=time.time() - NOW + 600))
    status(as_json=False)
    assert capsys.readouterr().out == "break in 10m · 2/3 this week\n"
    status(as_json=True)
    printed = json.loads(capsys.readouterr().out)
    assert printed == {"running": True, "due_in_s": 600, "state": "counting", "today": 1, "this_week": 2, "goal": 3}


def test_a_state_file_left_by_a_reminder_that_died_is_not_believed(capsys):
    gone = 2**22 + 12345  # above Linux's largest process id
    write_reminder_state(locations.reminder_state_file(), said(pid=gone))
    assert read_reminder_state(locations.reminder_state_file()) is None
    status(as_json=False)
    assert capsys.readouterr().out == "0/3 this week\n"


@on_linux
def test_a_state_file_whose_process_id_was_given_to_another_since_is_not_believed(capsys):
    """The file names a process by its id and start time: a live process with the same id that started at
    another time (here this test's own, as if its id had been reused) is not the reminder that wrote it."""
    mine = process_start(os.getpid())
    write_reminder_state(locations.reminder_state_file(), said(started=mine + 1))
    assert read_reminder_state(locations.reminder_state_file()) is None
    status(as_json=False)
    assert capsys.readouterr().out == "0/3 this week\n"
    write_reminder_state(locations.reminder_state_file(), said(started=mine))
    assert read_reminder_state(locations.reminder_state_file())["started"] == mine


def test_a_state_file_written_where_start_times_are_not_known_is_read_by_its_process_id_alone():
    write_reminder_state(locations.reminder_state_file(), said(started=None))
    assert read_reminder_state(locations.reminder_state_file()) is not None


@on_linux
def test_a_start_time_is_read_whatever_the_command_name_holds(tmp_path):
    """/proc/PID/stat puts the command's name in brackets, spaces and brackets included."""
    odd = tmp_path / "a) b ) c"
    shutil.copy(shutil.which("sleep"), odd)
    child = subprocess.Popen([str(odd), "5"])
    try:
        time.sleep(0.1)  # until it runs as its own command
        assert process_start(child.pid) >= process_start(os.getpid())
    finally:
        child.kill()
        child.wait()
    assert process_start(child.pid) is None  # gone


def test_one_reminder_holds_the_lock_and_a_second_is_told_who(tmp_path):
    path = tmp_path / "reminder.lock"
    lock = lock_reminder(path)
    assert lock is not None
    with pytest.raises(ReminderRunning) as second:
        lock_reminder(path)  # another open file: flock refuses it even in the same process
    assert str(second.value) == f"backfit remind is already running in this data folder (pid {os.getpid()})"
    lock.release()
    lock_reminder(path).release()  # free again


def test_a_lock_that_cannot_be_taken_lets_the_reminder_run_unguarded(tmp_path):
    os.mkfifo(tmp_path / "reminder.lock")  # a named pipe with no reader: never waited on
    assert lock_reminder(tmp_path / "reminder.lock") is None


def test_a_damaged_state_file_is_as_none(capsys):
    locations.reminder_state_file().write_text("{not json", encoding="utf-8")
    assert read_reminder_state(locations.reminder_state_file()) is None


def test_without_a_reminder_the_week_is_read_from_the_history_and_kept_until_it_changes(capsys):
    from support.history_helpers import add_session

    from backfit_tui.store.history.store import HistoryStore

    store = HistoryStore(locations.history_file())
    add_session(store, time.time() - 60)
    status(as_json=False)
    assert capsys.readouterr().out == "1/3 this week\n"
    assert locations.status_cache_file().exists()
    status(as_json=False)
    assert capsys.readouterr().out == "1/3 this week\n"  # from what was kept: the history has not changed
    add_session(store, time.time() - 30)
    status(as_json=False)
    assert capsys.readouterr().out == "2/3 this week\n"  # the history changed: read again
    locations.settings_file().write_text("weekly_goal = 2\n", encoding="utf-8")
    status(as_json=False)
    assert capsys.readouterr().out == "2/2 this week\n"  # so did the settings
    store.close()
