"""Text that never parts a number from its unit where it wraps: `(55 s)` stays on one line.

Textual and Rich both wrap at any whitespace, the non-breaking space included, so this renderable
wraps the text itself, breaking only at the spaces `unbroken_units` leaves breakable.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from ...core.formatting import NO_BREAK_SPACE, unbroken_units

# Holds the place of each non-breaking space while Rich wraps: a private-use character, not a space to
# Rich, and never in shown text already (`literal` escapes it).
PLACE_HOLDER = "\ue000"


class UnbrokenText:
    """`text` wrapped to the width it is drawn at, each number kept on the line of the word after it.

    A Rich renderable: a Static's content or an option's prompt. `str()` gives the text as drawn, unwrapped.
    """

    def __init__(self, text: Text) -> None:
        self.text = text.copy()
        self.text.plain = unbroken_units(text.plain)  # the same length: the styles stay where they were

    def __str__(self) -> str:
        return self.text.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        held = self.text.copy()
        held.plain = held.plain.replace(NO_BREAK_SPACE, PLACE_HOLDER)
        lines = held.wrap(console, options.max_width)
        for line in lines:
            line.plain = line.plain.replace(PLACE_HOLDER, NO_BREAK_SPACE)
        yield lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)
