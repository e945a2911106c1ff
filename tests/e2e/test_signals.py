"""Signals, end to end: the installed `backfit` told to stop (SIGTERM, SIGHUP, SIGINT) or left by a
closed terminal gives the terminal back as it was and keeps the session as left early; the plain
guide prints what was done.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from support.processes import backfit_script
from support.terminal import Terminal

from backfit_tui.store import locations
from backfit_tui.store.history.store import HistoryStore
from backfit_tui.store.locations import DATA_DIR_VARIABLE
from backfit_tui.tui.app import SHUTDOWN_GRACE_S

TWO_HOLDS = """
    name = "Two holds"
    description = "A one-second hold, then a long rest before the second."

    [[steps]]
    exercise = "plank"
    hold = 1
    sets = 2
    rest_between_sets = 60
"""
FIRST_SET_DONE = "Set 2/2"  # shown in the rest after the first set, saved by then

# What a full-screen app switches on and must switch off: the alternate screen, the hidden cursor,
# mouse reporting and line wrap off (tmux's names for them).
MODES = ("alternate_on", "cursor_flag", "mouse_any_flag", "mouse_all_flag", "mouse_sgr_flag", "wrap_flag")

needs_tmux = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)")


@pytest.fixture
def two_holds(data_dir, write_routine):
    (data_dir / "settings.toml").write_text("get_ready = 0\n")
    return write_routine(TWO_HOLDS, "two-holds.toml")


@pytest.fixture
def shell(data_dir):
    """A shell in tmux, as a person's terminal would have; the safety note was read on an earlier run."""
    locations.safety_note_marker().touch()
    term = Terminal(["bash", "--norc", "--noprofile", "-i"], {DATA_DIR_VARIABLE: str(data_dir), "PS1": "$ "})
    term.wait_for("$")
    yield term
    term.close()


def modes(term: Terminal) -> dict[str, str]:
    values = term.tmux("display-message", "-p", " ".join(f"#{{{mode}}}" for mode in MODES)).split()
    return dict(zip(MODES, values))


def foreground_process(term: Terminal) -> int:
    """The process the shell is waiting for: its terminal's foreground process group (Linux's /proc)."""
    shell = term.tmux("display-message", "-p", "#{pane_pid}").strip()
    stat = Path(f"/proc/{shell}/stat").read_text()
    return int(stat.rpartition(")")[2].split()[5])  # tpgid, after the name, state, ppid, pgrp, session, tty


def the_session(data_dir):
    """The one session in the history, once its row is closed (or as it is after 10 s)."""
    end = time.monotonic() + 10
    while True:
        store = HistoryStore(data_dir / "history.sqlite3")
        (session,) = store.sessions()
        store.close()
        if session.ended_at is not None or time.monotonic() > end:
            return session
        time.sleep(0.1)


@needs_tmux
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=lambda s: s.name)
def test_a_signal_gives_the_terminal_back_and_keeps_the_session_as_left_early(shell, two_holds, data_dir, signum):
    before = modes(shell)
    shell.tmux("send-keys", f"{backfit_script()} run {two_holds}; echo exit status $?", "Enter")
    shell.wait_for(FIRST_SET_DONE)
    assert modes(shell)["alternate_on"] == "1"
    os.kill(foreground_process(shell), signum)
    shell.wait_for(f"exit status {128 + signum}")
    assert modes(shell) == before
    session = the_session(data_dir)
    assert session.ended_at is not None and not session.finished
    assert [s.record.achieved for s in session.sets] == [1]


@needs_tmux
def test_closing_the_terminal_keeps_the_session_as_left_early(shell, two_holds, data_dir):
    shell.tmux("send-keys", f"{backfit_script()} run {two_holds}", "Enter")
    shell.wait_for(FIRST_SET_DONE)
    shell.close()  # the terminal goes away: its processes get SIGHUP
    session = the_session(data_dir)
    assert session.ended_at is not None and not session.finished
    assert [s.record.achieved for s in session.sets] == [1]


# Loaded by Python at start-up from PYTHONPATH: the terminal "goes away" at shutdown, so that giving
# it back blocks for ever, as Textual's output thread can when a closed window took the terminal.
A_TERMINAL_THAT_HAS_GONE = """
import threading
import textual.drivers.linux_driver as driver
driver.LinuxDriver.disable_input = lambda self: threading.Event().wait()
"""


@needs_tmux
def test_a_shutdown_that_hangs_on_a_terminal_that_has_gone_still_ends_and_keeps_the_session(
    shell, two_holds, data_dir, tmp_path
):
    (tmp_path / "sitecustomize.py").write_text(A_TERMINAL_THAT_HAS_GONE)
    shell.tmux("send-keys", f"PYTHONPATH={tmp_path} {backfit_script()} run {two_holds}; echo exit status $?", "Enter")
    shell.wait_for(FIRST_SET_DONE)
    os.kill(foreground_process(shell), signal.SIGHUP)
    shell.wait_for(f"exit status {128 + signal.SIGHUP}", timeout=SHUTDOWN_GRACE_S + 5)
    session = the_session(data_dir)
    assert session.ended_at is not None and not session.finished
    assert [s.record.achieved for s in session.sets] == [1]


# The same, from the moment a file appears: every later write to the terminal blocks, so the app's
# event loop is stuck in its next repaint before any signal comes.
A_TERMINAL_THAT_GOES_WHEN_TOLD = """
import os, threading
import textual.drivers.linux_driver as driver
write = driver.LinuxDriver.write
def blocking_write(self, data):
    if os.path.exists(os.environ["TERMINAL_GONE"]):
        threading.Event().wait()
    write(self, data)
driver.LinuxDriver.write = blocking_write
"""


@needs_tmux
def test_a_signal_ends_backfit_even_when_the_terminal_went_first_and_stuck_its_event_loop(
    shell, two_holds, data_dir, tmp_path
):
    (tmp_path / "sitecustomize.py").write_text(A_TERMINAL_THAT_GOES_WHEN_TOLD)
    gone = tmp_path / "gone"
    command = f"TERMINAL_GONE={gone} PYTHONPATH={tmp_path} {backfit_script()} run {two_holds}; echo exit status $?"
    shell.tmux("send-keys", command, "Enter")
    shell.wait_for(FIRST_SET_DONE)
    gone.touch()
    time.sleep(1.5)  # the rest's countdown repaints each second: the loop is stuck by now
    os.kill(foreground_process(shell), signal.SIGHUP)
    shell.wait_for(f"exit status {128 + signal.SIGHUP}", timeout=SHUTDOWN_GRACE_S + 5)
    (session,) = HistoryStore(data_dir / "history.sqlite3").sessions()
    assert [s.record.achieved for s in session.sets] == [1]  # saved as it ended, before the terminal went


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=lambda s: s.name)
def test_the_plain_guide_leaves_early_on_a_signal_and_prints_what_was_done(two_holds, data_dir, signum):
    guide = subprocess.Popen(
        [backfit_script(), "run", "--plain", str(two_holds)], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env={**os.environ, DATA_DIR_VARIABLE: str(data_dir)},
    )  # fmt: skip
    for line in guide.stdout:
        if line.startswith("Rest 1:00 before set 2/2"):  # the first set is done and saved
            break
    guide.send_signal(signum)
    out, err = guide.communicate(timeout=10)
    assert guide.returncode == 128 + signum, err
    assert out.startswith("\nLeft early — Two holds\n  Plank: ")  # and the rest of the summary
    session = the_session(data_dir)
    assert session.ended_at is not None and not session.finished
    assert [s.record.achieved for s in session.sets] == [1]
