"""The pacer: a band across the screen that widens as you breathe in and narrows as you breathe out."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class PaceBar(Widget):
    """A centred band as wide as the pace asks (0 → 1 of the width); hidden when there is no pace."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.pace: float | None = None
        self._drawn: tuple[int, int] | None = None  # (half-cells filled, width) last drawn

    def show(self, pace: float | None) -> None:
        """Set the pace, or None to hide the band; repaints only when what is drawn changes."""
        self.display = pace is not None
        self.pace = pace
        if pace is not None and self._drawn != (self._halves(), self.size.width):
            self.refresh()

    def _halves(self) -> int:
        """Filled half-cells, even so the band stays centred: at least a sliver, so the pacer is always seen."""
        width = self.size.width
        return max(2, round((self.pace or 0) * width) * 2) if width else 0

    def render(self) -> Text:
        width, halves = self.size.width, self._halves()
        self._drawn = (halves, width)
        side = width * 2 - halves  # empty half-cells on both sides together
        # Whole cells are reversed spaces, painted to the cell's edges: a row of full blocks would leave a
        # line of background between the band's rows where the font's block falls short of the cell's top.
        if side % 4:  # an odd number each side: the band starts and ends in the middle of a cell
            pieces = [" " * (side // 4), "▐", (" " * (halves // 2 - 1), "reverse"), "▌"]
        else:
            pieces = [" " * (side // 4), (" " * (halves // 2), "reverse")]
        band = Text.assemble(*pieces, no_wrap=True)
        band.pad_right(width - band.cell_len)
        return Text("\n", no_wrap=True).join([band] * self.size.height)
