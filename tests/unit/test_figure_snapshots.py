"""Every library exercise's figure, start and end side by side, as text in figures_snapshot.txt beside this file:
a reviewer reads that file as pictures, and this test holds the drawings to it.

After changing a pose or the renderer on purpose, write the file anew and read the difference:

    BACKFIT_UPDATE_FIGURES=1 .venv/bin/python -m pytest -q tests/unit/test_figure_snapshots.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from backfit_tui.core.figures import Pixels, draw
from backfit_tui.store import locations
from backfit_tui.store.routines.figures import load_figures
from backfit_tui.store.routines.routine_files import load_library

SNAPSHOT = Path(__file__).with_name("figures_snapshot.txt")
UPDATE_VARIABLE = "BACKFIT_UPDATE_FIGURES"
COLS, ROWS = 30, 12  # the size the session draws a figure at 100×30, in half blocks
LIBRARY = load_library(locations.bundled_library_file())
FIGURES = load_figures(locations.bundled_figures_file(), LIBRARY)


def pictures() -> str:
    """Each exercise's start and end poses side by side in a frame, in the library's order."""
    parts = [f"Each library exercise's figure at {COLS}×{ROWS} cells of half blocks: start | end.\n"
             f"Written by tests/unit/test_figure_snapshots.py ({UPDATE_VARIABLE}=1 writes it anew).\n"]  # fmt: skip
    edge = "+" + "-" * COLS + "+" + "-" * COLS + "+"
    for exercise_id, exercise in LIBRARY.items():
        start, end = (draw(FIGURES[exercise_id], fraction, COLS, ROWS, Pixels.HALF) for fraction in (0.0, 1.0))
        rows = [f"|{left}|{right}|" for left, right in zip(start, end, strict=True)]
        labels = f" {'start'.center(COLS)} {'end'.center(COLS)}".rstrip()
        parts.append("\n".join([f"{exercise_id} ({exercise.name})", edge, *rows, edge, labels]) + "\n")
    return "\n".join(parts)


def test_every_library_exercises_start_and_end_are_drawn_as_the_snapshot_shows():
    drawn = pictures()
    if os.environ.get(UPDATE_VARIABLE):
        SNAPSHOT.write_text(drawn, encoding="utf-8")
    assert SNAPSHOT.read_text(encoding="utf-8") == drawn, f"figures changed: {UPDATE_VARIABLE}=1 writes them anew"


@pytest.mark.parametrize("exercise_id", list(LIBRARY))
def test_every_library_exercise_has_a_figure_that_draws_a_move(exercise_id):
    """A figure for each exercise, whose start and end both draw something, and differ unless it is a hold."""
    assert exercise_id in FIGURES, f"{exercise_id} has no figure in {locations.bundled_figures_file()}"
    start, end = (draw(FIGURES[exercise_id], fraction, COLS, ROWS) for fraction in (0.0, 1.0))
    assert any(row.strip() for row in start[:-1]) and any(row.strip() for row in end[:-1]), exercise_id
    assert start != end, f"{exercise_id}: its start and end poses draw the same"
