"""The bar at the top of each screen: Textual's Header, with an icon that common monospace fonts have."""

from __future__ import annotations

from textual.widgets import Header

# Textual's own icon, ⭘ (U+2B58), is missing from DejaVu Sans Mono and shows there as a box.
ICON = "≡"


class TitleBar(Header):
    """The app's title, and ICON, which opens the command palette when clicked (as Header's does)."""

    def __init__(self) -> None:
        super().__init__(icon=ICON)
