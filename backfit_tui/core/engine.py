"""The session engine: a state machine that runs a routine's timeline on an injected clock.

Time is a deadline on a monotonic clock. Remaining time is always `deadline - now`, never a count
of ticks, and a phase that ends on time hands its deadline to the next phase as its start, so a
late call to `update()` cannot make a session drift. Every operation returns the events it caused,
each stamped with the time it was due.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from enum import StrEnum

from .beats import Cue, CueKind
from .model import Routine
from .records import Event, EventKind, SessionRecord
from .tally import Tally
from .timeline import COUNTDOWN_SECONDS, Phase, PhaseKind, build_timeline, cues, planned_active_seconds, total_seconds

Clock = Callable[[], float]
ADJUST_STEP_S = 5


class Status(StrEnum):
    """Where the session as a whole stands."""

    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    RESUMING = "resuming"  # a short lead-in countdown after a pause; the phase is still frozen
    FINISHED = "finished"
    LEFT = "left"  # left early: the set under way is kept as far as it went


UNDER_WAY = (Status.RUNNING, Status.PAUSED, Status.RESUMING)
FROZEN = (Status.PAUSED, Status.RESUMING)


class Session:
    """One run of a routine. Drive it with `start()`, then `update()` whenever the clock moves."""

    def __init__(
        self, routine: Routine, clock: Clock, get_ready: int = 5, longer: Mapping[int, int] | None = None
    ) -> None:
        """`longer`: a longer get-ready for the steps whose introduction needs it, by index (`fitted_get_ready`)."""
        self.routine = routine
        self.clock = clock
        self.timeline = build_timeline(routine, get_ready, longer)
        self.planned_seconds = total_seconds(self.timeline)
        self.planned_active_seconds = planned_active_seconds(self.timeline)
        self.status = Status.READY
        self.index = 0
        self.reps_counted = 0  # self-paced reps counted in the current phase
        self.tally = Tally(self.timeline)  # what each set achieved
        self._origin = 0.0  # clock time at which the current phase's elapsed time was 0
        self._paused_elapsed = 0.0
        self._resume_at = self._resume_pressed = 0.0  # when the lead-in ends; when resume was asked for
        self._lead_in_length = 0  # seconds of lead-in asked for
        self._lead_in: list[int] = []  # lead-in seconds still to announce
        self._length: float | None = self.timeline[0].seconds
        self._cues: list[Cue] = []
        self._next_cue = 0

    # --- reading the state -------------------------------------------------------------------

    @property
    def phase(self) -> Phase:
        """The current phase (the last one, once finished)."""
        return self.timeline[self.index]

    @property
    def next_phase(self) -> Phase | None:
        return self.timeline[self.index + 1] if self.index + 1 < len(self.timeline) else None

    @property
    def length(self) -> float | None:
        """The current phase's length after any ±5 s; None when open-ended."""
        return self._length

    def elapsed(self) -> float:
        """Seconds spent in the current phase, not counting pauses."""
        if self.status is Status.RUNNING:
            return max(self.clock() - self._origin, 0.0)
        return self._paused_elapsed

    def remaining(self) -> float | None:
        """Seconds left in the current phase, from its deadline; None when open-ended."""
        if self._length is None:
            return None
        return max(self._length - self.elapsed(), 0.0)

    def deadline(self) -> float | None:
        """The clock time the current phase ends, while running and timed."""
        if self.status is not Status.RUNNING or self._length is None:
            return None
        return self._origin + self._length

    def time_left(self) -> float:
        """Seconds left in the whole session: this phase's remainder plus every later plan."""
        if self.status is Status.FINISHED:
            return 0.0
        current = self.remaining()
        if current is None:
            current = max(self.phase.planned_seconds - self.elapsed(), 0.0)
        return current + total_seconds(self.timeline[self.index + 1 :])

    def resumes_in(self) -> float:
        """Seconds left in the lead-in after a pause (0 when not resuming)."""
        return max(self._resume_at - self.clock(), 0.0) if self.status is Status.RESUMING else 0.0

    def next_wakeup(self) -> float | None:
        """When something next changes: a cue, the deadline, or the next whole second shown."""
        if self.status is Status.RESUMING:
            return self._lead_in_due(self._lead_in[0]) if self._lead_in else self._resume_at
        deadline = self.deadline()
        if deadline is None:
            return None
        times = [deadline, deadline - (math.ceil(self.remaining()) - 1)]
        if self._next_cue < len(self._cues):
            times.append(self._origin + self._cues[self._next_cue].offset)
        return min(times)

    def record(self) -> SessionRecord:
        """Every set done or skipped so far, in timeline order."""
        routine, finished = self.routine, self.status is Status.FINISHED
        return SessionRecord(routine.id, routine.name, self.tally.sets, finished, self.planned_active_seconds)

    @property
    def can_adjust(self) -> bool:
        """Whether ±5 s changes the current phase: a hold, rest or countdown under way."""
        return self.status in UNDER_WAY and self._length is not None and self.phase.counts_down

    @property
    def can_go_back(self) -> bool:
        """Whether `back()` has a set or get-ready before the current phase to go to."""
        return self.status in UNDER_WAY and self._back_target() is not None

    @property
    def reps_done(self) -> int:
        """Self-paced reps counted in the current set, on each side when sides alternate."""
        return self.phase.step.reps_per_side(self.reps_counted)

    @property
    def counts_reps(self) -> bool:
        """Whether the current phase waits for the person to count reps (self-paced)."""
        return self.status in UNDER_WAY and self._length is None

    # --- operations --------------------------------------------------------------------------

    def start(self) -> list[Event]:
        """Begin the first phase now."""
        if self.status is not Status.READY:
            return []
        self.status = Status.RUNNING
        events: list[Event] = []
        self._begin(0, self.clock(), events)
        return events

    def update(self) -> list[Event]:
        """Catch up with the clock: every cue and phase change due by now, each at its due time."""
        events: list[Event] = []
        now = self.clock()
        if self.status is Status.RESUMING:
            while self._lead_in and self._lead_in_due(self._lead_in[0]) <= now:
                second = self._lead_in.pop(0)
                events.append(Event(EventKind.COUNTDOWN, self._lead_in_due(second), self.index, second))
            if self._resume_at > now:
                return events
            self._origin = self._resume_at - self._paused_elapsed  # from its due time: no drift
            self.status = Status.RUNNING
            events.append(Event(EventKind.RESUMED, self._resume_at, self.index))
        while self.status is Status.RUNNING:
            self._emit_cues(min(now - self._origin, math.inf if self._length is None else self._length), events)
            deadline = self.deadline()
            if deadline is None or deadline > now:
                break
            self._end(deadline, events, skipped=False)
            self._advance(self.index + 1, deadline, events)
        return events

    def _lead_in_due(self, second: int) -> float:
        """When the lead-in says `second`: whole seconds from the press, so never before it."""
        return self._resume_pressed + (self._lead_in_length - second)

    def pause(self) -> list[Event]:
        """Freeze the current phase exactly where it is (or stop a lead-in)."""
        events = self.update()
        if self.status is Status.RUNNING:
            self._paused_elapsed = self.elapsed()
        if self.status in UNDER_WAY:
            self.status = Status.PAUSED
        return events

    def resume(self, lead_in: int = 0) -> list[Event]:
        """Carry on from where the pause froze the phase, after `lead_in` seconds of countdown."""
        if self.status is Status.PAUSED:
            self._resume_pressed = self.clock()
            self._lead_in_length = lead_in
            self._resume_at = self._resume_pressed + lead_in
            self._lead_in = [n for n in COUNTDOWN_SECONDS if n <= lead_in]
            self.status = Status.RESUMING
        return self.update()

    def skip(self) -> list[Event]:
        """Leave the current phase now for the next one; unfinished work is recorded as skipped."""
        events = self.update()  # first catch up, so "the current phase" is the one due now
        return events + self._leave(self.index + 1, skipped=True)

    def skip_step(self) -> list[Event]:
        """Leave the current step now for the next one; its unfinished sets are recorded as skipped."""
        events = self.update()
        following = next(
            (i for i in range(self.index, len(self.timeline)) if self.timeline[i].step_index > self.phase.step_index),
            len(self.timeline),
        )
        return events + self._leave(following, skipped=True)

    def mark_done(self) -> list[Event]:
        """End the current set now as done: the person says so (self-paced reps, or early)."""
        events = self.update()
        if self.phase.kind is not PhaseKind.WORK:
            return events
        return events + self._leave(self.index + 1, skipped=False)

    def count_rep(self) -> list[Event]:
        """Count one self-paced rep; the set ends by itself when its last rep is counted."""
        events = self.update()
        if not self.counts_reps:
            return events
        now = self.clock()
        self.reps_counted += 1
        events.append(Event(EventKind.REP, now, self.index, self.reps_counted))
        if self.reps_counted >= self.phase.step.reps_per_set:
            events += self._leave(self.index + 1, skipped=False)
        return events

    def leave(self) -> list[Event]:
        """Leave the session now: the set under way is kept as a partial set, as far as it went (not at all if
        nothing of it was done yet), and nothing runs after."""
        events = self.update()
        if self.status not in UNDER_WAY:
            return events
        now = self.clock()
        if self.phase.kind is PhaseKind.WORK:
            elapsed, done = self._achieved(now)
            if done > 0:
                events += self.tally.record(self.index, done, False, now, active=round(elapsed, 3), partial=True)
        self.status = Status.LEFT
        return events

    def back(self) -> list[Event]:
        """Go back to the previous set or get-ready (rests and switches are passed over); at the start, nothing."""
        events = self.update()
        target = self._back_target()
        if self.status in UNDER_WAY and target is not None:
            self._begin(target, self.clock(), events)
        return events

    def _back_target(self) -> int | None:
        """The index of the last set or get-ready before the current phase, if any."""
        earlier = range(self.index - 1, -1, -1)
        return next((i for i in earlier if self.timeline[i].kind in (PhaseKind.WORK, PhaseKind.GET_READY)), None)

    def restart_phase(self) -> list[Event]:
        """Start the current phase again from its full planned length."""
        events = self.update()
        if self.status in UNDER_WAY:
            self._begin(self.index, self.clock(), events)
        return events

    def adjust(self, seconds: float) -> list[Event]:
        """Lengthen or shorten the current hold, rest or countdown; never below what has passed."""
        events = self.update()
        if not self.can_adjust:
            return events
        elapsed = self.elapsed()
        passed = {cue.kind for cue in self._cues[: self._next_cue]}
        self._length = max(self._length + seconds, elapsed)
        # The countdown is heard again before the new deadline; the halfway mark only once.
        self._cues = [c for c in cues(self.phase, self._length) if c.offset > elapsed
                      and not (c.kind is CueKind.HALFWAY and CueKind.HALFWAY in passed)]  # fmt: skip
        self._next_cue = 0
        return events + self.update()

    # --- moving between phases ---------------------------------------------------------------

    def _leave(self, target: int, skipped: bool) -> list[Event]:
        """End the current phase now and go to phase `target`; the caller has caught up with the clock."""
        events: list[Event] = []
        if self.status not in UNDER_WAY:
            return events
        now = self.clock()
        first = self.index
        self._end(now, events, skipped=skipped)
        for index in range(first + 1, min(target, len(self.timeline))):
            if self.timeline[index].kind is PhaseKind.WORK:  # passed over by skipping a step
                events += self.tally.record(index, 0.0, skipped=True, due=now)
        self._advance(target, now, events)
        return events

    def _begin(self, index: int, at: float, events: list[Event]) -> None:
        """Make phase `index` current, starting at `at` (its due time when it follows on time)."""
        self.index = index
        self.reps_counted = 0
        self._length = self.phase.seconds
        self._cues = cues(self.phase, self._length)
        self._next_cue = 0
        if self.status in FROZEN:
            self._paused_elapsed = 0.0
        self._origin = at
        events.append(Event(EventKind.PHASE_STARTED, at, index))
        if self.phase.kind is PhaseKind.SWITCH:
            events.append(Event(EventKind.SIDE_SWITCHED, at, index))
        if self.status is Status.RUNNING:
            self._emit_cues(0.0, events)

    def _advance(self, index: int, at: float, events: list[Event]) -> None:
        if index < len(self.timeline):
            self._begin(index, at, events)
        else:
            self.status = Status.FINISHED
            events.append(Event(EventKind.SESSION_FINISHED, at, self.index))

    def _end(self, at: float, events: list[Event], skipped: bool) -> None:
        """Close the current phase at `at`: its remaining cues are dropped, its set recorded."""
        events.append(Event(EventKind.PHASE_ENDED, at, self.index))
        if self.phase.kind is PhaseKind.WORK:
            elapsed, done = self._achieved(at)
            events.extend(self.tally.record(self.index, done, skipped, at, active=round(elapsed, 3)))

    def _achieved(self, at: float) -> tuple[float, float]:
        """The seconds spent in the current set by `at`, pauses not counted, and what they achieved."""
        elapsed = self._paused_elapsed if self.status in FROZEN else max(at - self._origin, 0.0)
        return elapsed, self.phase.step.dosage.achieved(self.phase.step, elapsed, self._length, self.reps_done)

    def _emit_cues(self, upto: float, events: list[Event]) -> None:
        """Emit the current phase's cues with offsets up to `upto` seconds into it."""
        while self._next_cue < len(self._cues) and self._cues[self._next_cue].offset <= upto:
            cue = self._cues[self._next_cue]
            events.append(Event(EventKind(cue.kind.value), self._origin + cue.offset, self.index, cue.value))
            self._next_cue += 1
