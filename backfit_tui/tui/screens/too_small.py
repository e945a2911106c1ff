"""Shown instead of a squeezed layout when the terminal is too small for the screen on top; it goes when
the terminal grows, or when a screen that fits comes on top.

A screen says how much room it needs with a `MIN_SIZE` class attribute, (columns, rows); a screen that
declares none (the reminder, the dialogs, Textual's own) is drawn at any size.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

FULL_LAYOUT = (50, 16)
"""The least the full layouts are drawn in: the session's figure and band, the menu's list beside its
preview, the editor's form, the history's tables."""


def needs_more_than(screen: Screen, width: int, height: int) -> tuple[int, int] | None:
    """The `MIN_SIZE` `screen` declares, if a terminal of `width` × `height` is smaller; None if it fits."""
    needed = getattr(screen, "MIN_SIZE", None)
    if needed is not None and (width < needed[0] or height < needed[1]):
        return needed
    return None


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
