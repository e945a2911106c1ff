"""`backfit status`: one line on the next break and the week, from a running reminder's state file or,
without one, from the history."""

from __future__ import annotations

import json
import os
import time

from backfit_tui.cli.status_command import status, status_line
from backfit_tui.store import locations
from backfit_tui.store.reminder_state import read_reminder_state, write_reminder_state

NOW = 1_000_000.0


def said(state: str = "counting", due_in: float | None = 720, pid: int | None = None) -> dict:
    due_at = None if due_in is None else NOW + due_in
    return {"pid": pid or os.getpid(), "state": state, "due_at": due_at, "today": 1, "this_week": 2, "goal": 3}


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


def test_a_damaged_state_file_is_as_none(capsys):
    locations.reminder_state_file().write_text("{not json", encoding="utf-8")
    assert read_reminder_state(locations.reminder_state_file()) is None


def test_without_a_reminder_the_week_is_read_from_the_history_and_kept_until_it_changes(capsys):
    from support.history_helpers import add_session

    from backfit_tui.store.history import HistoryStore

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
