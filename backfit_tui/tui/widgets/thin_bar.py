"""A one-line progress bar that keeps no timer and redraws only when its filled width changes.

Textual's ProgressBar runs its own 1 Hz timer for an ETA even when none is shown, which cost a
second repaint every second on the session screen.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class ThinBar(Widget):
    """How far along something is, as a thin line: `━━━━━━━╸────`."""

    COMPONENT_CLASSES = {"thin-bar--done", "thin-bar--left"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.fraction = 0.0
        self._drawn: tuple[int, int] | None = None  # (half-cells filled, width) last drawn

    def show(self, done: float, total: float) -> None:
        """Set how far along it is; refreshes only if that changes what is drawn."""
        self.fraction = max(0.0, min(done / total, 1.0)) if total > 0 else 0.0
        if self._drawn != (self._halves(), self.size.width):
            self.refresh()

    def _halves(self) -> int:
        return round(self.fraction * self.size.width * 2)

    def render(self) -> Text:
        width, halves = self.size.width, self._halves()
        self._drawn = (halves, width)
        full, half = divmod(halves, 2)
        done = self.get_component_rich_style("thin-bar--done")
        left = self.get_component_rich_style("thin-bar--left")
        bar = Text("━" * full + ("╸" if half else ""), style=done)
        bar.append("━" * (width - full - half), style=left)
        return bar
