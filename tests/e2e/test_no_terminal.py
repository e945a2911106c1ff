"""The screen without a terminal: `backfit > file`, `backfit run ROUTINE | less`, or started by a script with no
terminal at all, says that it needs one and what works instead, and ends at once, writing nothing into the output.

Each test runs the installed `backfit` in its own process; where one stream is to be a terminal, it is one end of
a real pseudo-terminal.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from support.processes import backfit_script

from backfit_tui.store.locations import DATA_DIR_VARIABLE

NO_TERMINAL = 2


@pytest.fixture
def terminal():
    """One end of a pseudo-terminal, to stand as the stream that is a terminal."""
    controller, end = os.openpty()
    yield end
    os.close(end)
    os.close(controller)


def run(args: list[str], data_dir: Path, stdin, stdout) -> subprocess.CompletedProcess:
    return subprocess.run(
        [backfit_script(), *args], stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=20,
        env={**os.environ, DATA_DIR_VARIABLE: str(data_dir)},
    )  # fmt: skip


def test_the_menu_with_its_output_in_a_file_says_it_needs_a_terminal_and_writes_nothing_there(
    tmp_path, data_dir, terminal
):
    output = tmp_path / "out.txt"
    with output.open("w") as file:
        ended = run([], data_dir, stdin=terminal, stdout=file)
    assert ended.returncode == NO_TERMINAL
    assert output.read_bytes() == b""  # no escape codes, no screen
    assert ended.stderr == (
        "backfit: the menu draws on a terminal, and standard output is not one\n"
        "`backfit list` lists the routines, and `backfit run ROUTINE --plain` guides one in lines of text.\n"
    )


def test_a_routine_with_its_output_in_a_pipe_points_to_its_plain_guide(data_dir, terminal):
    ended = run(["run", "desk-break"], data_dir, stdin=terminal, stdout=subprocess.PIPE)
    assert ended.returncode == NO_TERMINAL
    assert ended.stdout == ""
    assert ended.stderr == (
        "backfit: `backfit run desk-break` draws on a terminal, and standard output is not one\n"
        "`backfit run desk-break --plain` guides it in lines of text.\n"
    )


def test_without_a_terminal_for_input_the_screen_does_not_start_either(data_dir, terminal):
    ended = run(["run", "desk-break"], data_dir, stdin=subprocess.DEVNULL, stdout=terminal)
    assert ended.returncode == NO_TERMINAL
    assert "and standard input is not one" in ended.stderr
    assert not (data_dir / "history.sqlite3").exists()  # no session began


def test_with_no_terminal_at_all_the_reminder_says_where_to_start_it(data_dir):
    ended = run(["remind"], data_dir, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
    assert ended.returncode == NO_TERMINAL
    assert ended.stderr.startswith(
        "backfit: `backfit remind` draws on a terminal, and standard input and standard output are not one\n"
    )


def test_a_routine_that_cannot_run_is_said_first_terminal_or_not(data_dir, terminal):
    ended = run(["run", "desk-brake"], data_dir, stdin=terminal, stdout=subprocess.PIPE)
    assert ended.returncode == 1
    assert ended.stderr == 'backfit: no routine with the id "desk-brake"; did you mean "desk-break"? `backfit list` shows them all\n'
