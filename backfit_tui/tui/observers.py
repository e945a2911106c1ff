"""Watching a session's events as the session screen handles them: the timing trace, and tests.

The factory gives the session screen a list of observers; the screen calls each with the events
it has just handled, the chime they called for, and when it handled them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TextIO

from ..core.chime_map import Chime
from ..core.records import Event

EventObserver = Callable[[Sequence[Event], "Chime | None", float], None]
"""Called with the events just handled, the chime they called for (None for none) and when they were handled."""


class TraceWriter:
    """Writes each event's due time, when it was handled, and when its chime was started (JSON lines).

    `BACKFIT_TRACE` names the file; bench/timer_accuracy.py reads it to measure how late each event came.
    """

    def __init__(self, file: TextIO, clock: Callable[[], float]) -> None:
        self.file = file
        self.clock = clock  # the session's clock, read again once the chime has been started

    def __call__(self, happened: Sequence[Event], chime: Chime | None, handled_at: float) -> None:
        chimed_at = self.clock() if chime is not None else None
        for event in happened:
            line = {"event": event.kind.value, "phase": event.phase_index, "due": event.due, "handled": handled_at,
                    "chime": chime.value if chime else None, "chimed": chimed_at}  # fmt: skip
            self.file.write(json.dumps(line) + "\n")
        self.file.flush()
