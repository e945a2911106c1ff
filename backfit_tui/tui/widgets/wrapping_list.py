"""An option list that the screen above moves through while its filter box keeps the focus."""

from __future__ import annotations

from textual.widgets import OptionList


class WrappingOptionList(OptionList):
    """Up and down from the filter move the highlight here, wrapping at either end."""

    def move(self, delta: int) -> None:
        if self.option_count:
            self.highlighted = ((self.highlighted or 0) + delta) % self.option_count
