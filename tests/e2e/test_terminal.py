"""End to end in a real terminal: the installed `backfit` in tmux, read with capture-pane, driven
with send-keys, as a person would use it.
"""

from __future__ import annotations

import re
import shutil

import pytest
from support.processes import backfit_script
from support.sound_helpers import BELL_ALONE
from support.terminal import Terminal
from support.tui_helpers import SHORT

from backfit_tui.store import locations
from backfit_tui.store.locations import DATA_DIR_VARIABLE

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)")


@pytest.fixture
def terminal(data_dir):
    (data_dir / "settings.toml").write_text("get_ready = 2\n" + BELL_ALONE)
    locations.safety_note_marker().touch()  # read on an earlier run
    opened: list[Terminal] = []

    def open_terminal(*args: str, width: int = 80, height: int = 24) -> Terminal:
        opened.append(Terminal([backfit_script(), *args], {DATA_DIR_VARIABLE: str(data_dir)}, width, height))
        return opened[-1]

    yield open_terminal
    for term in opened:
        term.close()


def test_a_routine_runs_in_a_real_terminal_from_its_first_hold_to_the_summary(terminal):
    locations.safety_note_marker().unlink()  # the first run
    term = terminal("run", str(SHORT))
    term.wait_for("Before you start")  # the safety note, before the session
    term.press("Enter")
    term.wait_for("Get ready for Child's pose")
    screen = term.wait_for("Next: rest 2 s")  # the hold began on its own, on time
    assert "Child's pose" in screen and "Pause" in screen and "Leave" in screen
    term.press("Space")
    term.wait_for("paused")
    term.press("Space")
    term.wait_for("resuming in")
    term.press("N", "N", "N", "N")  # on to the last step, the self-paced reps
    term.wait_for("Enter per rep")
    term.press("Enter", "Enter", "Enter")
    screen = term.wait_for("Short test routine finished")  # most of it skipped: no "Well done"
    assert "Band pull-apart" in screen and "skipped" in screen
    term.press("q")  # back to the menu
    term.wait_for("Type to filter")
    term.press("C-q")
    term.wait_for_exit()


def test_ctrl_c_leaves_a_session_after_asking_and_quits_from_the_menu(terminal):
    term = terminal("run", str(SHORT))
    term.wait_for("Set 1/2")
    term.press("C-c")
    term.wait_for("Leave this session?")
    term.press("y")
    term.wait_for("Left early — Short test routine")
    term.press("q")
    term.wait_for("Type to filter")
    term.press("C-c")
    term.wait_for_exit()


def test_the_menu_fits_a_60_by_20_terminal_and_starts_a_routine(terminal):
    term = terminal(width=60, height=20)
    screen = term.wait_for("Back pain relief")
    assert "Start" in screen and "Help" in screen
    term.press("d", "e", "s", "k", "Enter")
    term.wait_for("Get ready")
    screen = term.wait_for("Leave")  # the footer's hints, whole at 60 columns
    assert "Seated march" in screen and "Pause" in screen
    term.press("q")
    term.wait_for("Leave this session?")


def test_a_40_by_12_terminal_gets_a_readable_message(terminal):
    term = terminal(width=40, height=12)
    screen = term.wait_for("make it bigger")
    assert "50×16" in screen and "This one is 40×12" in screen


GREYS = set(range(232, 256)) | {0, 7, 8, 15, 16, 231}  # the 256-colour palette's greys, black and white


def test_no_color_draws_in_greys_only(data_dir):
    locations.safety_note_marker().touch()
    env = {DATA_DIR_VARIABLE: str(data_dir), "NO_COLOR": "1"}
    term = Terminal([backfit_script()], env)
    try:
        term.wait_for("Type to filter")
        drawn = term.tmux("capture-pane", "-p", "-e")
        assert "Back pain relief" in drawn
        assert {int(n) for n in re.findall(r"[34]8;5;(\d+)", drawn)} <= GREYS
        assert all(r == g == b for r, g, b in re.findall(r"[34]8;2;(\d+);(\d+);(\d+)", drawn))
    finally:
        term.close()


RED_SGR = {"31", "91", "41", "101"}  # red and bright red, on text or behind it


def drawn_colours(rows: list[str]) -> set[str]:
    """Every parameter of every SGR sequence in `rows` (from `capture-pane -e`)."""
    return {param for row in rows for sgr in re.findall(r"\x1b\[([0-9;]*)m", row) for param in sgr.split(";")}


def test_a_16_colour_terminal_draws_a_session_and_its_summary_with_skips_in_no_red(data_dir):
    locations.safety_note_marker().touch()
    (data_dir / "settings.toml").write_text("get_ready = 2\n" + BELL_ALONE)
    env = {DATA_DIR_VARIABLE: str(data_dir), "TERM": "xterm", "COLORTERM": ""}  # 16 colours, as an xterm says
    term = Terminal([backfit_script(), "run", str(SHORT)], env)
    try:
        for moment in ("Get ready for Child's pose", "Next: rest 2 s", "Rest, then Child's pose"):
            term.wait_for(moment)
            assert not drawn_colours(term.tmux("capture-pane", "-p", "-e").splitlines()) & RED_SGR, moment
        term.press("N", "N", "N", "N")
        term.wait_for("Enter per rep")
        term.press("Enter", "Enter", "Enter")
        term.wait_for("Short test routine finished")
        summary = term.tmux("capture-pane", "-p", "-e").splitlines()[1:-1]  # below the header, above the key hints
        assert "skipped" in "".join(summary)
        drawn = drawn_colours(summary)
        assert drawn & {"33", "93"} and not drawn & RED_SGR  # "skipped" in yellow
    finally:
        term.close()


def test_ctrl_z_suspends_and_fg_resumes_a_paused_session(data_dir):
    locations.safety_note_marker().touch()
    (data_dir / "settings.toml").write_text(BELL_ALONE)
    term = Terminal(["bash", "--norc", "--noprofile", "-i"], {DATA_DIR_VARIABLE: str(data_dir), "PS1": "$ "})
    try:
        term.tmux("send-keys", f"{backfit_script()} run {SHORT}", "Enter")
        term.wait_for("Get ready")
        term.press("C-z")
        term.wait_for("Stopped")
        term.tmux("send-keys", "fg", "Enter")
        term.wait_for("paused")  # back where it was, waiting for space
        term.press("Space")
        term.wait_for("resuming in")
    finally:
        term.close()


def test_ctrl_z_suspends_from_the_leave_dialog_and_enter_after_fg_stays_in_the_session(data_dir):
    locations.safety_note_marker().touch()
    env = {DATA_DIR_VARIABLE: str(data_dir), "PS1": "$ ", "HISTFILE": ""}  # HISTFILE: nothing kept of the shell
    term = Terminal(["bash", "--norc", "--noprofile", "-i"], env)
    try:
        term.tmux("send-keys", f"{backfit_script()} run {SHORT}", "Enter")
        term.wait_for("Get ready")
        term.press("q")
        term.wait_for("Leave this session?")
        term.press("C-z")
        term.wait_for("Stopped")
        term.tmux("send-keys", "fg", "Enter")  # its Enter is the shell's, not the dialog's
        screen = term.wait_for("Leave this session?")  # the question is still open
        assert "n / Enter / Esc: no" in screen
        term.press("Enter")  # the safe answer: stay
        term.wait_for("resuming in")
        term.press("C-q")  # quitting from a session asks too
        term.wait_for("Leave this session?")
        term.press("y")
        term.wait_for("Left early — Short test routine")
    finally:
        term.close()


def test_without_a_writable_data_directory_it_runs_and_says_history_is_off(tmp_path):
    (tmp_path / "a-file").write_text("the data directory cannot be made under a file")
    term = Terminal([backfit_script(), "run", str(SHORT)], {DATA_DIR_VARIABLE: str(tmp_path / "a-file" / "data")})
    try:
        screen = term.wait_for("History is not being saved")
        assert "Before you start" in screen  # shown every time, as it cannot be remembered
        term.press("Enter")
        term.wait_for("Set 1/2")
    finally:
        term.close()
