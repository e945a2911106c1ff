"""Text that never parts a number from its unit where it wraps: `(55 s)` stays on one line.

Textual and Rich both wrap at any whitespace, the non-breaking space included, so this renderable
wraps the text itself, breaking only at the spaces `unbroken_units` leaves breakable.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.containers import Lines
from rich.measure import Measurement
from rich.text import Text

from ...core.formatting import NO_BREAK_SPACE, unbroken_units

# Holds the place of each non-breaking space while Rich wraps: a private-use character, not a space to
# Rich, and never in shown text already (`literal` escapes it).
PLACE_HOLDER = "\ue000"


class UnbrokenText:
    """`text` wrapped to the width it is drawn at, each number kept on the line of the word after it, and each
    line's continuation indented by its hang in `hangs` (one a line of `text`, 0 for those beyond), so that it
    reads under the words after a `1. ` or a `· `.

    A Rich renderable: a Static's content or an option's prompt. `str()` gives the text as drawn, unwrapped.
    """

    def __init__(self, text: Text, hangs: Sequence[int] = ()) -> None:
        self.text = text.copy()
        self.text.plain = unbroken_units(text.plain)  # the same length: the styles stay where they were
        self.hangs = hangs

    def __str__(self) -> str:
        return self.text.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        held = self.text.copy()
        held.plain = held.plain.replace(NO_BREAK_SPACE, PLACE_HOLDER)
        lines = Lines()
        for index, line in enumerate(held.split("\n", allow_blank=True)):
            hang = self.hangs[index] if index < len(self.hangs) else 0
            lines.extend(hanging(line, console, options.max_width, hang))
        for line in lines:
            line.plain = line.plain.replace(PLACE_HOLDER, NO_BREAK_SPACE)
        yield lines

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)


def hanging(line: Text, console: Console, width: int, hang: int) -> Lines:
    """One line of text wrapped to `width`, the rows after its first indented by `hang`, unless that would leave
    too little room for its longest word, which would then be cut."""
    rows = line.wrap(console, width)
    if hang <= 0 or len(rows) < 2 or hang + max(map(len, line.plain.split())) > width:
        return rows
    rest = line[len(rows[0].plain) :]
    rest = rest[len(rest.plain) - len(rest.plain.lstrip(" ")) :]  # the space it broke at
    return Lines([rows[0], *(Text(" " * hang) + row for row in rest.wrap(console, width - hang))])
