"""`backfit remind` in a real terminal: the break falls due and its chime is played through ALSA's `file`
plugin, Enter starts the routine, and leaving the routine brings the countdown back."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from support.processes import backfit_script
from support.sound_helpers import captures, capturing_alsa, chime_samples, only_on_path
from support.terminal import Terminal

from backfit_tui.store import locations
from backfit_tui.store.locations import DATA_DIR_VARIABLE

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None or shutil.which("aplay") is None,
    reason="tmux or aplay is missing (.ci/run installs both)",
)


def wait_for_capture(capture: Path, timeout: float = 10.0) -> list[bytes]:
    end = time.monotonic() + timeout
    while not captures(capture) and time.monotonic() < end:
        time.sleep(0.1)
    time.sleep(0.5)  # the chime is still being written
    return captures(capture)


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
