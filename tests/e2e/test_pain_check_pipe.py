"""`backfit run --plain` asks how the back is on one line, through a pipe: an answer is kept with the session, an
empty line or the end of input skips, and a closed standard input asks nothing."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from support.processes import backfit_script
from support.routine_texts import ONE_SECOND

from backfit_tui.core.pain import FLARE_WORDS, QUESTION
from backfit_tui.store.history.store import HistoryStore
from backfit_tui.store.locations import DATA_DIR_VARIABLE


def run_plain(data_dir: Path, routine: Path, pain_check: str = "after", **stdin) -> subprocess.CompletedProcess:
    (data_dir / "settings.toml").write_text(f'get_ready = 0\nmute = true\nvoice = "off"\npain_check = "{pain_check}"\n')
    return subprocess.run([backfit_script(), "run", "--plain", str(routine)], capture_output=True, text=True,
                          timeout=30, env={**os.environ, DATA_DIR_VARIABLE: str(data_dir)}, **stdin)  # fmt: skip


def kept(data_dir: Path) -> list[tuple[int | None, int | None, int]]:
    return [(s.pain_before, s.pain_after, len(s.sets)) for s in HistoryStore(data_dir / "history.sqlite3").sessions()]


@pytest.mark.parametrize(("typed", "rating"), [("3\n", 3), ("t\n", 10), ("10", 10)])
def test_an_answer_through_a_pipe_is_kept_with_the_session(data_dir, write_routine, typed, rating):
    ran = run_plain(data_dir, write_routine(ONE_SECOND), input=typed)
    assert (ran.returncode, ran.stderr) == (0, "")
    assert f"{QUESTION} (Enter skips)" in ran.stdout.splitlines()
    lines = ran.stdout.splitlines()
    assert lines[lines.index(f"  Your back: {rating} of 10."):] == [f"  Your back: {rating} of 10."] + (
        [FLARE_WORDS] if rating >= 5 else [])  # fmt: skip
    assert kept(data_dir) == [(None, rating, 1)]


@pytest.mark.parametrize("typed", ["\n", "", "maybe\n"], ids=["enter", "end of input", "not a rating"])
def test_an_empty_line_or_the_end_of_input_skips_and_the_set_is_kept(data_dir, write_routine, typed):
    ran = run_plain(data_dir, write_routine(ONE_SECOND), input=typed)
    assert (ran.returncode, ran.stderr) == (0, "")
    assert QUESTION in ran.stdout
    assert kept(data_dir) == [(None, None, 1)]


def test_a_closed_stdin_asks_nothing(data_dir, write_routine):
    ran = run_plain(data_dir, write_routine(ONE_SECOND), preexec_fn=lambda: os.close(0))
    assert (ran.returncode, ran.stderr) == (0, "")
    assert QUESTION not in ran.stdout
    assert kept(data_dir) == [(None, None, 1)]


def test_both_asks_before_and_after_on_a_line_each(data_dir, write_routine):
    ran = run_plain(data_dir, write_routine(ONE_SECOND), "both", input="6\n2\n")
    assert (ran.returncode, ran.stderr) == (0, "")
    assert ran.stdout.count(QUESTION) == 2
    assert kept(data_dir) == [(6, 2, 1)]


def test_off_asks_nothing(data_dir, write_routine):
    ran = run_plain(data_dir, write_routine(ONE_SECOND), "off", input="3\n")
    assert QUESTION not in ran.stdout
    assert kept(data_dir) == [(None, None, 1)]
