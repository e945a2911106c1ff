"""A step's figure where it is edited: its start and end poses side by side, or nothing where they do not fit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

if TYPE_CHECKING:
    from ...core.figures import Figure


class FigurePreview(Static):
    """The start and end of a figure, in the terminal's own colour; hidden when there is none, or no room."""

    DEFAULT_CSS = """
    FigurePreview {
        height: auto;
        margin-top: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._drawn: tuple[Figure | None, int, int] | None = None  # (figure, width, room) last drawn

    def show(self, figure: Figure | None, width: int, room: int) -> None:
        """Draw `figure` across `width` columns if it fits in `room` rows (its margin counted); redraws only when
        one of them changed."""
        if self._drawn == (figure, width, room):
            return
        self._drawn = (figure, width, room)
        rows: list[str] = []
        if figure is not None:
            from ...core.exercise_page import poses_side_by_side
            from ...core.figures import Pixels

            rows = poses_side_by_side(figure, width, Pixels.QUADRANT)  # finer than half blocks at this size
        self.display = bool(rows) and len(rows) + 1 <= room
        self.update(Text("\n".join(rows), no_wrap=True))
