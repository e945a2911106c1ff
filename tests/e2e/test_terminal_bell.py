"""The plain guide's terminal bell rings on the terminal, never inside the text it prints: its lines go into
pipes and files for grep, and to screen readers, whole.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from support.processes import backfit_script
from support.sound_helpers import run_beside_a_terminal

from backfit_tui.store.locations import DATA_DIR_VARIABLE

CHIME_ROUTINE = Path(__file__).parents[1] / "support" / "routines" / "chimes.toml"
# The chimes of the routine that ring the bell: work_start, countdown, work_end, countdown, work_start, complete
# (the breath's is too soft for it).
BELLS = 6


@pytest.fixture
def bell_only(data_dir):
    (data_dir / "settings.toml").write_text('get_ready = 0\nsound_backend = "bell"\n')
    return {**os.environ, DATA_DIR_VARIABLE: str(data_dir)}


def guide() -> list[str]:
    return [backfit_script(), "run", "--plain", str(CHIME_ROUTINE)]


def test_written_to_a_file_the_guide_has_no_bell_in_its_lines(tmp_path, bell_only):
    printed = tmp_path / "printed.txt"
    with printed.open("w") as out:
        result = subprocess.run(guide(), stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.PIPE, text=True,
                                env=bell_only, timeout=30, start_new_session=True)  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = printed.read_text().splitlines()
    assert "Rest 0:02, then Cat-cow" in lines and "Well done — Chime test routine finished" in lines  # as `grep '^Rest'` finds them
    assert not any("\a" in line for line in lines)
    assert "\a" not in result.stderr  # stderr is not a terminal, and there is none: the bell rings nowhere


def test_the_bell_rings_on_stderr_when_it_is_the_terminal_and_stdout_a_pipe(bell_only):
    result = run_beside_a_terminal(guide(), bell_only, stderr_on_terminal=True)
    assert result.returncode == 0, result.terminal
    assert "Chime test routine finished" in result.stdout and "\a" not in result.stdout
    assert result.terminal == "\a" * BELLS


def test_with_both_streams_redirected_the_bell_rings_on_the_controlling_terminal(bell_only):
    result = run_beside_a_terminal(guide(), bell_only, stderr_on_terminal=False)
    assert result.returncode == 0, result.stderr
    assert "\a" not in result.stdout and result.stderr == ""
    assert result.terminal == "\a" * BELLS
