"""`backfit ... | head`: a pipe whose reader has gone ends backfit quietly, as it ends cat.

Each test runs the installed `backfit` with its stdout a real pipe. PYTHONUNBUFFERED is dropped,
as most people have it, so that output waits in Python's buffer as it would after `| head`.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from history_helpers import a_set, add_session
from test_plain_guide import backfit_script

from backfit_tui.history import HistoryStore
from backfit_tui.locations import DATA_DIR_VARIABLE

READER_GONE = 141  # what a shell reports for cat ended by a closed pipe: 128 + SIGPIPE


def environment(data_dir: Path, buffered: bool = True) -> dict[str, str]:
    env = {**os.environ, DATA_DIR_VARIABLE: str(data_dir)}
    env.pop("PYTHONUNBUFFERED", None)
    return env if buffered else {**env, "PYTHONUNBUFFERED": "1"}


def start(args: list[str], data_dir: Path, stdout=subprocess.PIPE, buffered: bool = True) -> subprocess.Popen:
    return subprocess.Popen(
        [backfit_script(), *args], stdin=subprocess.DEVNULL, stdout=stdout, stderr=subprocess.PIPE,
        env=environment(data_dir, buffered),
    )  # fmt: skip


def finish(process: subprocess.Popen) -> tuple[int, str]:
    """The exit status and everything said on stderr."""
    return process.wait(timeout=20), process.stderr.read().decode()


COMMANDS = [
    "show six-strengtheners", "list", "list --json", "exercises", "export desk-break", "history",
    "history --csv", "history --json", "stats", "stats --json", "--help", "--version",
]  # fmt: skip


def into_a_pipe_already_closed(command: str, data_dir: Path, buffered: bool = True) -> subprocess.Popen:
    """`backfit COMMAND | true`: the reader is gone before the first line is written."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        return start(command.split(), data_dir, stdout=writer, buffered=buffered)
    finally:
        os.close(writer)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_command_whose_reader_has_gone_ends_quietly(command, data_dir):
    assert finish(into_a_pipe_already_closed(command, data_dir)) == (READER_GONE, "")


@pytest.mark.parametrize("command", ["list", "list --json", "export desk-break", "history --csv"])
def test_a_command_whose_reader_has_gone_ends_quietly_unbuffered_too(command, data_dir):
    assert finish(into_a_pipe_already_closed(command, data_dir, buffered=False)) == (READER_GONE, "")


def test_history_csv_into_head_ends_quietly(data_dir):
    store = HistoryStore(data_dir / "history.sqlite3")
    for day in range(400):  # far more than a pipe holds, so backfit is still writing when head leaves
        add_session(store, 1_700_000_000.0 + day * 86_400, *(a_set(set_number=n) for n in range(1, 6)))
    process = start(["history", "--csv"], data_dir)
    first = [process.stdout.readline() for _ in range(5)]
    process.stdout.close()  # head -5 has its lines
    assert first[0].startswith(b"started_at,routine_id,")
    assert finish(process) == (READER_GONE, "")
