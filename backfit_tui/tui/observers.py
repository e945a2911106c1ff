"""Watching a session's events as the session screen handles them: the timing trace, and tests.

The factory gives the session screen a list of observers; the screen calls each with the events
it has just handled, what was heard for them (a chime or a phrase), and when it handled them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TextIO

from ..audio.session_sounds import Heard
from ..core.records import Event

EventObserver = Callable[[Sequence[Event], Heard, float], None]
"""Called with the events just handled, the chime or phrase played for them and when they were handled."""


class TraceWriter:
    """Writes each event's due time, when it was handled, and when its chime or phrase was started (JSON lines).

    `BACKFIT_TRACE` names the file; bench/timer_accuracy.py reads it to measure how late each event came.
    A phrase is due with the latest event of its batch (its moment).
    """

    def __init__(self, file: TextIO, clock: Callable[[], float]) -> None:
        self.file = file
        self.clock = clock  # the session's clock, read again once the chime or phrase has been started

    def __call__(self, happened: Sequence[Event], heard: Heard, handled_at: float) -> None:
        started_at = self.clock()
        chime = heard.chime
        for event in happened:
            line = {"event": event.kind.value, "phase": event.phase_index, "due": event.due, "handled": handled_at,
                    "chime": chime.value if chime else None, "chimed": started_at if chime else None,
                    "phrase": heard.phrase, "spoken": started_at if heard.phrase else None}  # fmt: skip
            self.file.write(json.dumps(line) + "\n")
        self.file.flush()
