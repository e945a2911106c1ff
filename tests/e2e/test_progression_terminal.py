"""Progress in a real terminal: a session done as planned, twice, ends on a suggestion that one key accepts."""

from __future__ import annotations

import shutil

import pytest
from support.history_helpers import add_session, at, routine_done_as_planned
from support.processes import backfit_script
from support.sound_helpers import BELL_ALONE
from support.terminal import Terminal

from backfit_tui.store import locations
from backfit_tui.store.history.store import HistoryStore
from backfit_tui.store.locations import DATA_DIR_VARIABLE
from backfit_tui.store.routines.catalog import load_catalog

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)")

POSE = 'name = "Pose"\ndescription = "Three quick reps."\n\n[[steps]]\nexercise = "knee-to-chest"\nreps = 3\nseconds_per_rep = 1\n'


def test_the_summarys_suggestion_is_accepted_with_one_key_and_the_routine_file_changes(data_dir):
    locations.safety_note_marker().touch()
    (data_dir / "settings.toml").write_text("get_ready = 0\n" + BELL_ALONE)
    own = data_dir / "routines" / "pose.toml"
    own.parent.mkdir()
    own.write_text(POSE, encoding="utf-8")
    routine = load_catalog().find("pose").routine
    store = HistoryStore(locations.history_file())
    add_session(store, at("2026-05-04 08:00"), *routine_done_as_planned(routine), routine=routine.id)
    store.close()
    term = Terminal([backfit_script(), "run", "pose"], {DATA_DIR_VARIABLE: str(data_dir)})
    try:
        term.wait_for("Knee-to-chest stretch")  # three reps in 3 s: the second session in a row done as planned
        term.wait_for("Knee-to-chest stretch: 4 reps next time?")
        assert own.read_text(encoding="utf-8") == POSE  # nothing changes without the person's word
        term.press("a")
        term.wait_for("Changed:")
        lines = own.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("# ") and "Knee-to-chest stretch: 3 reps → 4 reps" in lines[0]
        assert "reps = 4" in lines
    finally:
        term.close()
