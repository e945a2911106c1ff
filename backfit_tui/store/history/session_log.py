"""A session written to the history as it happens, each set the moment it ends, and never held up by it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...core.formatting import counted, plural
from ...core.model import Routine
from ...core.pain import worth_asking
from ...core.records import Event, EventKind, SessionRecord, SetRecord
from ...core.timeline import build_timeline, planned_active_seconds
from ..errors import HistoryUnavailable
from .database import BUSY_TIMEOUT
from .store import WRITE_WAIT, HistoryFull, HistoryLocked, HistoryStore


class SessionLog:
    """Writes one session to the history as it happens: each set the moment the engine says it ended.

    The session itself is written with its first set (with how the back was before it, if asked), so one left
    before any set ended leaves nothing.
    While another process holds the history locked, or the disk is full, finished sets wait here, in
    order, and are written with a later event or at the end: a busy history never holds the session up.
    """

    def __init__(
        self, store: HistoryStore, routine: Routine, wall_clock: Callable[[], float], report: Callable[[str], None],
        wait_at_close: float = BUSY_TIMEOUT, pain_before: int | None = None,
    ) -> None:  # fmt: skip
        self.store = store
        self.routine = routine
        self.wall_clock = wall_clock
        self.report = report
        self.wait_at_close = wait_at_close
        self.pain_before = pain_before  # how the back was before the session, kept with it
        self.failed = store.read_only  # it keeps nothing: why was said when it was opened
        self.disk_full = False
        self.started_at = wall_clock()
        self.session_id: int | None = None
        self.waiting: list[tuple[SetRecord, float]] = []  # sets not written yet, with when each ended

    def record(self, events: Sequence[Event]) -> None:
        """Save every set these events finished, and any still waiting for the history's lock or the disk's room."""
        if self.failed:
            return
        for event in events:
            if event.kind is EventKind.SET_DONE and event.record is not None:
                self.waiting.append((event.record, self.wall_clock()))
        if self.waiting:
            self._write(WRITE_WAIT)

    def close(self, finished: bool) -> None:
        """Write how the session ended with any sets still waiting, giving another process's lock longer to go."""
        if self.failed:
            return
        if self.session_id is None and not self.waiting:
            return
        ended = self._write(self.wait_at_close, ended=(self.wall_clock(), finished))
        why = "the disk is still full" if self.disk_full else (
            f"{self.store.path} was locked by another program for over {self.wait_at_close:g} s")  # fmt: skip
        if self.waiting:
            lost = len(self.waiting)
            self.report(f"{counted(lost, 'set')} of this session {plural(lost, 'was', 'were')} not saved: {why}.")
        elif not ended and not self.failed:  # every set is kept; the session will read as interrupted
            self.report(f"How this session ended was not saved: {why}.")

    def _write(self, wait: float, ended: tuple[float, bool] | None = None) -> bool:
        """Write what is waiting, at once. A full disk is said when it happens, and when there is space again; any
        other failure but a lock held (a damaged file) is said once, and the session goes on without the history.
        Whether it was written."""
        session_id = self.session_id
        try:
            with self.store.transaction(wait):
                if session_id is None:
                    planned = planned_active_seconds(build_timeline(self.routine, get_ready=0))
                    session_id = self.store.begin(
                        self.routine.id, self.routine.name, self.started_at, planned, self.pain_before
                    )
                for record, ended_at in self.waiting:
                    self.store.add_set(session_id, record, ended_at)
                if ended is not None:
                    self.store.end(session_id, *ended)
        except HistoryLocked:
            return False
        except HistoryFull:
            if not self.disk_full:
                self.disk_full = True
                self.report(
                    "The history could not be written (disk full); the sets are kept in memory and written to"
                    f" {self.store.path} when space returns."
                )
            return False
        except HistoryUnavailable as err:
            self.failed = True
            self.waiting.clear()
            self.report(f"History is not being saved: {err}")
            return False
        if self.disk_full:
            self.disk_full = False
            kept = len(self.waiting)
            self.report(f"There is space again: the {counted(kept, 'set')} kept in memory {plural(kept, 'is', 'are')}"
                        " now in the history.")  # fmt: skip
        self.session_id = session_id
        self.waiting.clear()
        return True

    def asks_after(self, record: SessionRecord) -> bool:
        """Whether the end of the session `record` tells of asks how the back is: it is kept in the history, with
        something done (both guides ask by this rule)."""
        return self.session_id is not None and not self.failed and worth_asking(record.sets)

    def keep_rating(self, rating: int) -> None:
        """Keep how the back is after the session (0 to 10); HistoryUnavailable when it cannot be written."""
        with self.store.transaction(WRITE_WAIT):
            self.store.rate_after(self.session_id, rating)
