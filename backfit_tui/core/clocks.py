"""The two clocks a process reads, made once by the command and handed down to whatever keeps time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Clocks:
    """`monotonic` times sessions (seconds that never jump); `wall` dates what is kept and schedules the breaks.

    The command hands the system's clocks (`time.monotonic`, `time.time`); tests hand fakes they move by hand.
    """

    monotonic: Callable[[], float]
    wall: Callable[[], float]
