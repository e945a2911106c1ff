"""Several backfits on one history: opening a new one together, and a history locked by another program while a
session is being saved. Real SQLite files, and real processes holding the locks."""

from __future__ import annotations

import os
import subprocess

import pytest
from history_helpers import write_lock_held
from test_plain_guide import backfit_script

from backfit_tui.history import SCHEMA_VERSION, HistoryStore
from backfit_tui.locations import DATA_DIR_VARIABLE

TWO_SETS = """
name = "Two sets"
description = "Two one-second holds with a second of rest between them."
[[steps]]
exercise = "plank"
hold = 1
sets = 2
rest_between_sets = 1
"""


def test_a_new_history_opens_while_another_backfit_is_still_creating_it(tmp_path):
    path = tmp_path / "history.sqlite3"
    with write_lock_held(path, release_after=0.5):
        store = HistoryStore(path)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


@pytest.mark.parametrize("guides", [2, 3, 4])
def test_guides_started_together_on_a_new_history_save_every_set(data_dir, write_routine, guides):
    (data_dir / "settings.toml").write_text('get_ready = 0\nsound_backend = "bell"\n')
    two_sets = write_routine(TWO_SETS, "two-sets.toml")
    env = {**os.environ, DATA_DIR_VARIABLE: str(data_dir)}
    with write_lock_held(data_dir / "history.sqlite3", release_after=1.0):  # they all meet it while it is created
        runs = [
            subprocess.Popen([backfit_script(), "run", "--plain", str(two_sets)], stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
            for _ in range(guides)
        ]  # fmt: skip
    said = [run.communicate(timeout=60)[1] for run in runs]
    assert [run.returncode for run in runs] == [0] * guides
    assert said == [""] * guides
    sessions = HistoryStore(data_dir / "history.sqlite3").sessions()
    assert [[s.record.set_number for s in session.sets] for session in sessions] == [[1, 2]] * guides
