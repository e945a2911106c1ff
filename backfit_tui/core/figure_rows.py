"""Figures drawn as rows of text to stand in a plan or a page: the sky above a figure lying down left out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .figures import Figure, Pixels, draw

# A step's figure in a plan (`backfit show --figures`): small, and still read as its exercise.
STEP_COLS, STEP_ROWS = 24, 8


def trimmed(rows: Iterable[str]) -> list[str]:
    """`rows` without the blank ones above the drawing, nor trailing spaces."""
    kept = [row.rstrip() for row in rows]
    while kept and not kept[0]:
        kept.pop(0)
    return kept


def end_poses(figures: Mapping[str, Figure], exercise_ids: Iterable[str], cols: int = STEP_COLS,
              rows: int = STEP_ROWS, pixels: Pixels = Pixels.HALF) -> dict[str, list[str]]:  # fmt: skip
    """The end pose of each of these exercises that has a figure, drawn in `cols` × `rows` cells, by id."""
    return {exercise_id: trimmed(draw(figures[exercise_id], 1.0, cols, rows, pixels))
            for exercise_id in set(exercise_ids) if exercise_id in figures}  # fmt: skip
