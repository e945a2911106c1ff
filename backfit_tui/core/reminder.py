"""The break reminder: when the next break is due, on a wall clock it is handed, as the engine is.

Time here is wall-clock time, because a reminder lives through suspends and locks that a monotonic
clock may not count. Whoever drives it calls `update()` every second or so; the time between two
calls tells it what happened meanwhile. A gap longer than one interval is a machine that slept or a
person who was away: that was a break of its own, so the count starts afresh from the return and
nothing missed is owed (one reminder at most, however long the sleep). A clock set back keeps the
time that was left. Outside the allowed hours and days no reminder comes, and the count starts
afresh when they open again. Snoozing and skipping answer a break that was called, and do nothing
before; a break may be taken early, and then answers none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from .remind_window import RemindWindow

if TYPE_CHECKING:  # `backfit status` reads the reminder's state without the routine model
    from .model import Routine

SNOOZE_S = 10 * 60
NOT_DUE = "No break is due yet: s and k answer a break once it is called"


class Answer(StrEnum):
    """What the person did about a break that was due (as the history keeps it)."""

    TAKEN = "taken"
    SNOOZED = "snoozed"
    SKIPPED = "skipped"


class State(StrEnum):
    """Where the reminder stands."""

    COUNTING = "counting"  # the next break is at `due_at`
    DUE = "due"  # the break is due, waiting for an answer
    QUIET = "quiet"  # outside the allowed hours or days
    ON_BREAK = "on break"  # the routine is under way


class Reminder:
    """Breaks every `every` seconds of wall `clock` time, within `window` (read in local time by
    `local_time`); snoozing puts the next one `snooze` seconds off."""

    def __init__(
        self, every: float, clock: Callable[[], float], window: RemindWindow = RemindWindow(),
        local_time: Callable[[float], datetime] = datetime.fromtimestamp, snooze: float = SNOOZE_S,
    ) -> None:  # fmt: skip
        self.every = every
        self.clock = clock
        self.window = window
        self.local_time = local_time
        self.snooze_s = snooze
        self._seen = clock()
        self.due_at: float | None = None  # None unless counting or due
        self.state = State.QUIET
        self.update()  # counts from now when the window allows, else stays quiet

    def remaining(self) -> float | None:
        """Seconds until the next break (0 once due); None when quiet or on a break."""
        if self.due_at is None:
            return None
        return max(0.0, self.due_at - self.clock())

    def update(self) -> bool:
        """Catch up with the clock; True exactly when the break has just become due."""
        now = self.clock()
        gap, self._seen = now - self._seen, now
        if self.state is State.ON_BREAK:
            return False
        if not self.window.allows(self.local_time(now)):
            self._quiet()
            return False
        if self.state is State.QUIET or gap > self.every:  # the window opened; back from a sleep or absence
            self._count_from(now)
        elif gap < 0:  # the clock was set back: the time that was left is still left
            self.due_at += gap
        if self.state is State.COUNTING and now >= self.due_at:
            self.state = State.DUE
            return True
        return False

    def why_not(self, answer: Answer) -> str | None:
        """Why `answer` does nothing now, in a few words; None when it does something.

        A break may be taken at any time; it is snoozed or skipped only once it is due.
        """
        return None if answer is Answer.TAKEN or self.state is State.DUE else NOT_DUE

    def snooze(self) -> bool:
        """Put the break that is due off by the snooze time; False, doing nothing, when none is due."""
        if self.why_not(Answer.SNOOZED):
            return False
        self._count_from(self.clock(), self.snooze_s)
        return True

    def skip(self) -> bool:
        """Let the break that is due go, the count starting afresh from now; False, doing nothing, when none is due."""
        if self.why_not(Answer.SKIPPED):
            return False
        self._count_from(self.clock())
        return True

    def start_break(self) -> bool:
        """The routine has started: no reminder while it runs. True when it answers a break that was due,
        False when it is taken early (a break nobody called)."""
        called = self.state is State.DUE
        self._seen = self.clock()
        self.state, self.due_at = State.ON_BREAK, None
        return called

    def end_break(self) -> None:
        """The routine is over: the count starts afresh from now (or waits for the window to open)."""
        self._seen = self.clock()
        self.state = State.QUIET
        self.update()

    def _count_from(self, now: float, wait: float | None = None) -> None:
        self._seen = now
        if self.window.allows(self.local_time(now)):
            self.state, self.due_at = State.COUNTING, now + (self.every if wait is None else wait)
        else:
            self._quiet()

    def _quiet(self) -> None:
        self.state, self.due_at = State.QUIET, None


class Lock(Protocol):
    """A lock held for as long as the reminder runs (the store's lock on its data folder)."""

    def release(self) -> None: ...


@dataclass(frozen=True)
class RemindPlan:
    """What `backfit remind` runs: the reminder, the routine a break starts, and the data folder's lock that
    keeps a second reminder from starting there (None when it could not be taken)."""

    reminder: Reminder
    routine: Routine
    lock: Lock | None = None
