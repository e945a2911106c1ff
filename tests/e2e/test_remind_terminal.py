"""`backfit remind` in a real terminal: the break falls due and its chime is played through ALSA's `file`
plugin, Enter starts the routine, and leaving the routine brings the countdown back; the README's own
recipe, a tmux pane of 12 rows split off below the work; and one reminder per data folder, a second
one refused while the first runs, and free to start once the first was killed outright."""

from __future__ import annotations

import json
import os
import pty
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from support.processes import backfit_script
from support.sound_helpers import captures, capturing_alsa, chime_samples, only_on_path
from support.terminal import Terminal

from backfit_tui.store import locations
from backfit_tui.store.locations import DATA_DIR_VARIABLE

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is missing (.ci/run installs it)")


def wait_for_capture(capture: Path, timeout: float = 10.0) -> list[bytes]:
    end = time.monotonic() + timeout
    while not captures(capture) and time.monotonic() < end:
        time.sleep(0.1)
    time.sleep(0.5)  # the chime is still being written
    return captures(capture)


@pytest.mark.skipif(shutil.which("aplay") is None, reason="aplay is missing (.ci/run installs alsa-utils)")
def test_a_due_break_chimes_enter_runs_it_and_leaving_it_counts_again(tmp_path, data_dir):
    locations.safety_note_marker().touch()
    (data_dir / "settings.toml").write_text('sound_backend = "alsa"\n')
    env, capture = capturing_alsa(tmp_path)
    env |= {DATA_DIR_VARIABLE: str(data_dir), "PATH": only_on_path(tmp_path, "aplay")}  # no notify-send: the bell
    term = Terminal([backfit_script(), "remind", "--every", "3s"], env, 100, 30)
    try:
        term.wait_for("Next break in")
        assert "Break: Desk break" in term.screen()
        assert captures(capture) == []
        term.wait_for("Time for a break", timeout=10)
        (chime,) = wait_for_capture(capture)
        assert chime.startswith(chime_samples("work_start"))
        term.press("Enter")
        term.wait_for("Get ready for")
        term.press("q")
        term.wait_for("Leave")
        term.press("y")
        term.wait_for("Left early")
        term.press("Enter")
        term.wait_for("Next break in")
        term.press("q")
        term.wait_for_exit()
    finally:
        term.close()
    assert not locations.reminder_state_file().exists()


def test_the_readme_recipe_a_pane_of_12_rows_counts_down_and_a_break_waits_for_room(tmp_path, data_dir):
    locations.safety_note_marker().touch()
    bin_dir = tmp_path / "bin"  # `backfit` alone on the PATH, as the recipe names it
    bin_dir.mkdir()
    (bin_dir / "backfit").symlink_to(backfit_script())
    (data_dir / "settings.toml").write_text("mute = true\n")  # no word that nothing can play to cover the pane
    term = Terminal(["sleep", "600"], {}, 100, 40)  # the work, in a terminal of 100×40
    try:
        # The README's line, typed where `backfit` is on the PATH (a new pane takes the PATH of the tmux
        # client that splits it), with a break due in four seconds rather than fifty minutes.
        split = subprocess.run(
            [shutil.which("tmux"), "-L", term.socket, "split-window", "-v", "-l", "12",
             "-e", f"{DATA_DIR_VARIABLE}={data_dir}", "-e", f"HOME={tmp_path}", "-P", "-F", "#{pane_id}",
             f"backfit remind --every 4s; echo $? > {tmp_path / 'status'}"],
            env={"PATH": str(bin_dir)}, capture_output=True, text=True, timeout=10, check=True,
        )  # fmt: skip
        pane = split.stdout.strip()
        assert term.tmux("display-message", "-p", "-t", pane, "#{pane_width}x#{pane_height}").strip() == "100x12"
        screen = term.wait_for("Next break in")
        # The time, large: a full cell of ink is drawn as a reversed space, a half one as a block element.
        assert "needs a terminal" not in screen and any(block in screen for block in "█▀▄")
        term.wait_for("Time for a break: Desk break", timeout=10)
        term.press("Enter")
        term.wait_for("at least 50×16")  # the session needs more room than the reminder
        term.tmux("resize-pane", "-Z", "-t", pane)  # the pane zoomed, as the README says
        term.wait_for("Get ready for")
        term.press("q")
        term.wait_for("Leave")
        term.press("y")
        term.wait_for("Back to the countdown")  # the summary's Enter
        term.press("Enter")
        term.tmux("resize-pane", "-Z", "-t", pane)  # back to 12 rows
        screen = term.wait_for("Next break in")
        assert "needs a terminal" not in screen
        term.press("q")
        # The exit status as the shell saw it: tmux 3.3a at times leaves a dead pane's own status unread.
        end = time.monotonic() + 10
        while not (tmp_path / "status").exists() or not (tmp_path / "status").read_text():
            assert time.monotonic() < end, term.screen()
            time.sleep(0.1)
        assert (tmp_path / "status").read_text() == "0\n"
    finally:
        term.close()
    assert not locations.reminder_state_file().exists()


def run_on_a_terminal(argv: list[str]) -> subprocess.CompletedProcess:
    """Run `argv` with a terminal of its own (a pseudo-terminal) as its input and output, as typed in a
    shell; what it says on stderr and its status come back. A screen drawn there would go unread: time-bound."""
    main, terminal = pty.openpty()
    try:
        return subprocess.run(argv, stdin=terminal, stdout=terminal, stderr=subprocess.PIPE, text=True, timeout=20)
    finally:
        os.close(main)
        os.close(terminal)


def test_a_second_reminder_in_the_same_data_folder_is_refused_and_leaves_the_first_alone(data_dir):
    locations.safety_note_marker().touch()
    (data_dir / "settings.toml").write_text("mute = true\n")
    env = {DATA_DIR_VARIABLE: str(data_dir)}
    terminals = [Terminal([backfit_script(), "remind"], env)]
    try:
        first = terminals[0]
        first.wait_for("Next break in")
        said = json.loads(locations.reminder_state_file().read_text())
        pid = said["pid"]
        assert first.tmux("display-message", "-p", "#{pane_pid}").strip() == str(pid)
        second = run_on_a_terminal([backfit_script(), "remind"])  # the same data folder, from the environment
        assert second.returncode == 1
        assert second.stderr == f"backfit: backfit remind is already running in this data folder (pid {pid})\n"
        assert json.loads(locations.reminder_state_file().read_text()) == said  # the first's, kept
        assert "Next break in" in first.screen()
        os.kill(pid, signal.SIGKILL)  # no way out but the system's: the lock goes with the process
        first.wait_for_exit()
        terminals.append(third := Terminal([backfit_script(), "remind"], env))
        third.wait_for("Next break in")
        assert json.loads(locations.reminder_state_file().read_text())["pid"] != pid
        third.press("q")
        third.wait_for_exit()
    finally:
        for terminal in terminals:
            terminal.close()
    assert not locations.reminder_state_file().exists()
