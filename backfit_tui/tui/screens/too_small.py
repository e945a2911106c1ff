"""Shown instead of a squeezed layout when the terminal is too small; it goes when it grows."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static


class TooSmallScreen(ModalScreen[None]):
    """Says how big the terminal must be; the app removes it once it is."""

    CSS_PATH = "too_small.tcss"

    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self.needed = (width, height)

    def message(self) -> str:
        width, height = self.needed
        size = self.app.size
        return (f"backfit needs a terminal of at least {width}×{height}.\n"
                f"This one is {size.width}×{size.height}: make it bigger. Ctrl+Q quits.")  # fmt: skip

    def compose(self) -> ComposeResult:
        yield Static(self.message(), id="too-small")

    def on_resize(self) -> None:
        self.query_one("#too-small", Static).update(self.message())  # the size keeps changing while dragged
