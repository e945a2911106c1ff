"""An exercise's figure on the session screen, drawn in the phase's colour and moved by the session's time."""

from __future__ import annotations

from functools import lru_cache

from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

from ...core.figures import Figure, draw
from .big_text import painted

# Frames between the start and the end pose. A move of a figure some 12 rows tall spans fewer dots than this, so
# every dot that can change has its frame, and a frame once drawn is kept (`frame`).
STEPS = 48


@lru_cache(maxsize=1024)
def frame(figure: Figure, mirrored: bool, step: int, cols: int, rows: int) -> tuple[str, ...]:
    """The figure `step` / `STEPS` of the way from its start to its end pose (its mirror for the other side), as
    `rows` lines of `cols` half blocks; drawn once for each step and size, then kept."""
    return draw(figure.mirrored() if mirrored else figure, step / STEPS, cols, rows)


class ExerciseFigure(Widget):
    """The figure of an exercise, as large as the widget, in the widget's colour; blank when there is none.

    It repaints only when a dot of the drawing changes, not whenever the fraction it is given moves.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: tuple[Figure, bool, int] | None = None  # the figure, mirrored, the step drawn
        self._strips: tuple[tuple[str, ...], list[Strip]] | None = None  # the lines, painted

    def show(self, figure: Figure | None, fraction: float, mirrored: bool = False) -> None:
        """Draw `figure` `fraction` (0..1) of the way from its start to its end pose, mirrored for the other side."""
        shown = None if figure is None else (figure, mirrored, round(min(max(fraction, 0.0), 1.0) * STEPS))
        if shown != self.shown:
            before = self.lines()
            self.shown = shown
            if self.lines() != before:
                self.refresh()

    def lines(self) -> tuple[str, ...]:
        """The drawing as it is shown now, at the widget's size: rows of half blocks."""
        width, height = self.size
        if self.shown is None or not width or not height:
            return ()
        figure, mirrored, step = self.shown
        return frame(figure, mirrored, step, width, height)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips = None  # a new phase's colour

    def render_line(self, y: int) -> Strip:
        lines = self.lines()
        if self._strips is None or self._strips[0] != lines:
            style = self.rich_style
            paper = Style(bgcolor=style.bgcolor)
            self._strips = lines, [Strip(painted(line, style, paper)) for line in lines]
        strips = self._strips[1]
        return strips[y] if y < len(strips) else Strip.blank(self.size.width, Style(bgcolor=self.rich_style.bgcolor))
