"""`backfit ... | head` and Ctrl+C: a pipe whose reader has gone ends backfit quietly, as it ends cat,
and a plain session keeps its finished sets and prints its summary wherever it still can. Standard
output closed from the start (`>&-`) is a pipe whose reader has gone; standard input closed (`<&-`)
has nothing more to read.

Each test runs the installed `backfit` with its stdout a real pipe. PYTHONUNBUFFERED is dropped,
as most people have it, so that output waits in Python's buffer as it would after `| head`.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import time
from pathlib import Path

import pytest
from support.history_helpers import a_set, add_session
from support.processes import backfit_script
from support.routine_texts import FIVE_SHORT_SETS

from backfit_tui.cli.plain import STDIN_CLOSED
from backfit_tui.store.history.store import HistoryStore, StoredSession
from backfit_tui.store.locations import DATA_DIR_VARIABLE

READER_GONE = 141  # what a shell reports for cat ended by a closed pipe: 128 + SIGPIPE

TWO_SETS_THEN_A_MINUTE = """
name = "Two sets then a minute"
description = "Two one-second holds, then a minute's hold to be interrupted in."
[[steps]]
exercise = "plank"
hold = 1
sets = 2
[[steps]]
exercise = "childs-pose"
hold = 60
"""


def environment(data_dir: Path, buffered: bool = True) -> dict[str, str]:
    env = {**os.environ, DATA_DIR_VARIABLE: str(data_dir)}
    env.pop("PYTHONUNBUFFERED", None)
    return env if buffered else {**env, "PYTHONUNBUFFERED": "1"}


def start(args: list[str], data_dir: Path, stdout=subprocess.PIPE, buffered: bool = True) -> subprocess.Popen:
    return subprocess.Popen(
        [backfit_script(), *args], stdin=subprocess.DEVNULL, stdout=stdout, stderr=subprocess.PIPE,
        env=environment(data_dir, buffered),
    )  # fmt: skip


def read_until(process: subprocess.Popen, text: bytes, timeout: float = 20) -> bytes:
    """What the process printed, read from its stdout until `text` appears."""
    deadline, seen = time.monotonic() + timeout, b""
    while text not in seen:
        assert time.monotonic() < deadline, f"{text!r} never came; got {seen!r}"
        if select.select([process.stdout], [], [], 0.1)[0]:
            chunk = os.read(process.stdout.fileno(), 4096)
            assert chunk, f"stdout ended before {text!r}; got {seen!r}"
            seen += chunk
    return seen


def finish(process: subprocess.Popen) -> tuple[int, str]:
    """The exit status and everything said on stderr."""
    return process.wait(timeout=20), process.stderr.read().decode()


def the_session(data_dir: Path) -> StoredSession:
    (session,) = HistoryStore(data_dir / "history.sqlite3").sessions()
    return session


def quick_settings(data_dir: Path) -> None:
    (data_dir / "settings.toml").write_text("get_ready = 0\nmute = true\n")


COMMANDS = [
    "show six-strengtheners", "show six-strengtheners --figures", "list", "list --json", "exercises",
    "exercises bird-dog", "export desk-break", "history",
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


def test_ctrl_c_with_the_pipe_still_read_prints_the_summary_there(data_dir, write_routine):
    quick_settings(data_dir)
    process = start(["run", "--plain", str(write_routine(TWO_SETS_THEN_A_MINUTE, "two.toml"))], data_dir)
    read_until(process, b"hold 60 s")
    os.kill(process.pid, signal.SIGINT)
    rest = process.stdout.read().decode()
    assert finish(process) == (130, "")
    assert "Left early — Two sets then a minute" in rest
    assert "  Plank: planned 2 × 1 s · done 2 × 1 s" in rest


def test_ctrl_c_after_the_reader_has_gone_prints_the_summary_on_stderr_and_keeps_the_sets(data_dir, write_routine):
    quick_settings(data_dir)
    process = start(["run", "--plain", str(write_routine(TWO_SETS_THEN_A_MINUTE, "two.toml"))], data_dir)
    read_until(process, b"hold 60 s")
    process.stdout.close()  # `| cat`, and Ctrl+C ended cat first
    os.kill(process.pid, signal.SIGINT)
    status, err = finish(process)
    assert status == 130
    assert err.startswith("\nLeft early — Two sets then a minute\n")
    assert "  Plank: planned 2 × 1 s · done 2 × 1 s" in err
    assert "Traceback" not in err and "Broken pipe" not in err
    session = the_session(data_dir)
    assert session.ended_at is not None and not session.finished
    assert [(s.record.exercise_id, s.record.set_number, s.record.achieved) for s in session.sets] == [
        ("plank", 1, 1.0), ("plank", 2, 1.0),
    ]  # fmt: skip


def test_a_reader_gone_mid_session_ends_it_quietly_with_its_finished_sets_kept(data_dir, write_routine):
    quick_settings(data_dir)
    process = start(["run", "--plain", str(write_routine(FIVE_SHORT_SETS, "five.toml"))], data_dir)
    read_until(process, b"(set 2/5)")  # set 1 has ended, and was saved before its line was printed
    process.stdout.close()
    assert finish(process) == (READER_GONE, "")
    session = the_session(data_dir)
    assert session.ended_at is not None and not session.finished
    assert 1 <= len(session.sets) < 5
    assert [(s.record.set_number, s.record.achieved) for s in session.sets] == [
        (n, 1.0) for n in range(1, len(session.sets) + 1)
    ]


COUNTED_BY_HAND = """
name = "Counted by hand"
description = "Two self-paced sets of two reps, a second of rest between them."
[[steps]]
exercise = "bird-dog"
reps = 2
sets = 2
rest_between_sets = 1
"""


def with_closed(descriptor: int, args: list[str], data_dir: Path, **streams) -> subprocess.CompletedProcess:
    """Run backfit with one of its standard descriptors closed before it starts, as `<&-` or `>&-` leaves it."""
    return subprocess.run([backfit_script(), *args], preexec_fn=lambda: os.close(descriptor), stderr=subprocess.PIPE,
                          env=environment(data_dir), timeout=30, text=True, **streams)  # fmt: skip


def test_a_plain_session_with_stdin_closed_takes_each_set_counted_by_hand_as_done_and_says_so_once(
    data_dir, write_routine
):
    quick_settings(data_dir)
    ended = with_closed(0, ["run", "--plain", str(write_routine(COUNTED_BY_HAND))], data_dir, stdout=subprocess.PIPE)
    assert (ended.returncode, ended.stderr) == (0, "")
    assert ended.stdout.count(STDIN_CLOSED) == 1
    assert "Well done — Counted by hand finished" in ended.stdout
    session = the_session(data_dir)
    assert session.finished
    assert [(s.record.set_number, s.record.skipped) for s in session.sets] == [(1, False), (2, False)]


def test_a_plain_session_with_stdout_closed_ends_quietly_as_into_a_pipe_whose_reader_has_gone(data_dir, write_routine):
    quick_settings(data_dir)
    ended = with_closed(1, ["run", "--plain", str(write_routine(COUNTED_BY_HAND))], data_dir, stdin=subprocess.DEVNULL)
    assert (ended.returncode, ended.stderr) == (READER_GONE, "")
    assert HistoryStore(data_dir / "history.sqlite3").sessions() == []
