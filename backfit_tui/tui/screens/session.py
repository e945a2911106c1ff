"""One screen for the whole session: it renders the engine's state and forwards keys to it.

It wakes for the engine's next change (a cue, a deadline, the next whole second shown), never on
a free-running loop; only breath and rep pacing and a moving figure ask for a few frames a second.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from ...audio.session_sounds import SessionSounds
from ...core.engine import ADJUST_STEP_S, UNDER_WAY, Session, Status
from ...core.formatting import duration
from ...core.glance import Look, glance
from ...core.model import Routine
from ...core.moving_figure import FRAME_S, figure_moment, mirrored
from ...core.records import Event, SessionRecord
from ...core.timeline import PhaseKind
from ...core.wording import DONE_KEY, Move, why_not
from ...store.history.session_log import SessionLog
from ..widgets.big_text import FIGURES, WORDS, BigText
from ..widgets.exercise_figure import ExerciseFigure
from ..widgets.key_hints import KeyHints
from ..widgets.pace_bar import PaceBar
from ..widgets.thin_bar import ThinBar
from .too_small import FULL_LAYOUT

if TYPE_CHECKING:
    from ...core.figures import Figure
    from ..observers import EventObserver

RESUME_LEAD_IN_S = 3
CUE_FLASH_S = 0.3
ROOMY_HEIGHT = 36  # rows from which the phase's word and the pacer are drawn twice as tall
SHORT_HEIGHT = 24  # rows below which the cues give up room to the figure
# The exercise's figure stands beside the big time. From the larger size always, each with room to read from
# the floor (the time 7 rows or more, the figure 10); from the smaller, while getting ready, resting and
# switching sides, when the time is a short m:ss that leaves room beside it (the cues keep their full width);
# below it, not at all, rather than squeezed.
FIGURE_ALWAYS_SIZE = (100, 30)
FIGURE_IN_RESTS_SIZE = (80, 24)

TIME, MOVING, COUNTING = Binding.Group("Time"), Binding.Group("Moving"), Binding.Group("Counting")
SOUND, LEAVING = Binding.Group("Sound"), Binding.Group("Leaving")
ADJUST_HELP = "Add or take 5 s from a hold, a rest or a countdown"
# The keys that may do nothing at a moment: their hint is hidden then, and a press says why.
MOVES = {
    "back": Move.BACK, "adjust(1)": Move.LONGER, "adjust(-1)": Move.SHORTER, "count": Move.DONE, "done": Move.DONE,
}  # fmt: skip


class SessionScreen(Screen[SessionRecord]):
    """Guides one routine; dismisses with the session's record when it ends or is left."""

    CSS_PATH = "session.tcss"
    MIN_SIZE = FULL_LAYOUT  # the figure read from the floor, the band, the cue; time waits under the message

    # Short words and ␣ for space: every hint fits a 60-column footer. The ? help reads the groups and tooltips.
    BINDINGS = [
        Binding("space", "toggle_pause", "Pause", key_display="␣", group=TIME,
                tooltip="Pause, or carry on after a 3-second lead-in"),
        Binding("plus", "adjust(1)", "±5 s", group=TIME, tooltip=ADJUST_HELP),
        Binding("equals_sign", "adjust(1)"),  # + without shift
        Binding("minus", "adjust(-1)", "±5 s", group=TIME, tooltip=ADJUST_HELP),
        Binding("r", "restart", "Redo", show=False, group=TIME, tooltip="Start this part again from its full length"),
        Binding("n", "skip", "Next", group=MOVING, tooltip="Go on to what comes next; an unfinished set is skipped"),
        Binding("N", "skip_step", "Next step", show=False, group=MOVING,
                tooltip="Go on to the next exercise, skipping this one's sets that are left"),
        Binding("b", "back", "Back", group=MOVING, tooltip="Go back to the set before (rests are passed over)"),
        Binding("enter", "count", "Done", group=COUNTING,
                tooltip="Count a rep when you count them yourself; otherwise end the set now, as done"),
        Binding(DONE_KEY, "done", "Done", group=COUNTING,  # shown while reps are counted: Enter counts then
                tooltip="End the set now, as done: the reps counted, or all of them when none were"),
        Binding("m", "app.toggle_mute", "Mute", group=SOUND, tooltip="Turn the chimes off or on (remembered)"),
        Binding("v", "app.toggle_voice", "Voice", show=False, group=SOUND,  # in the ? help: the footer is full
                tooltip="Turn the voice off or on (remembered): it says what comes next, in place of some chimes"),
        Binding("q,escape,ctrl+c", "leave", "Leave", group=LEAVING,  # ctrl+c: what a terminal user tries first
                tooltip="Leave the session, after asking: what you have done is kept"),
    ]

    def __init__(
        self, routine: Routine, clock: Callable[[], float], get_ready: int, sounds: SessionSounds,
        log: SessionLog | None, observers: Sequence[EventObserver] = (), longer: Mapping[int, int] | None = None,
        figures: Mapping[str, Figure] | None = None,
    ) -> None:  # fmt: skip
        super().__init__()
        self.session = Session(routine, clock, get_ready, longer)  # longer: get-readies that fit an introduction
        self.figures = figures or {}  # by exercise id: an exercise without one shows none
        self.clock = clock
        self.sounds = sounds  # the chimes and the voice
        self.history_log = log
        self.observers = observers  # told of every event as it is handled: the timing trace, tests
        self._wakeup: asyncio.TimerHandle | None = None
        self._over = False  # ended or unmounted: a tick already queued must draw nothing
        self._shown: dict[str, Text | str] = {}
        self._look: Look | None = None
        self.ended = False  # finished while covered; the summary comes when the screen is back
        self.paused_while_covered = False
        self._hints_for: tuple[Status, int] | None = None  # the state the key hints were drawn for
        self.figure_moves = False  # the figure shown changes with time: wake for its frames

    def compose(self) -> ComposeResult:
        with Vertical(id="session"):
            yield BigText(WORDS, id="phase-word")
            yield Static(id="exercise")
            yield Static(id="detail")
            with Horizontal(id="middle"):
                yield BigText(FIGURES, id="figure")
                yield ExerciseFigure(id="exercise-figure")
            yield PaceBar(id="pacer")
            yield ThinBar(id="phase-bar")
            yield Static(id="cues")
            yield Static(id="then")
            with Horizontal(id="session-line"):
                yield ThinBar(id="session-bar")
                yield Static(id="time-left")
        yield KeyHints()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.height >= ROOMY_HEIGHT, "-roomy")
        self.set_class(event.size.height < SHORT_HEIGHT, "-short")
        if self.session.status in UNDER_WAY:  # the figure may have room now, or none
            self.show_figure()
            self.schedule()

    def on_mount(self) -> None:
        self.app.app_suspend_signal.subscribe(self, self.suspended)
        self.apply(self.session.start())

    def suspended(self, _app) -> None:
        """Ctrl+Z: the person has stepped away, so the session waits for them (space resumes)."""
        self.apply(self.session.pause())

    # --- time -------------------------------------------------------------------------------

    def tick(self) -> None:
        """Catch up with the clock and draw what changed; called when the engine said to wake."""
        if not self._over:  # a tick queued just before the end finds the screen's widgets gone
            self.apply(self.session.update())

    def apply(self, events: list[Event]) -> None:
        if events:
            self.happened(events)
        self.render_state()
        self.refresh_hints()
        if self.session.status is Status.FINISHED:
            self.end(finished=True)
            return
        self.schedule()

    def happened(self, events: list[Event]) -> None:
        """Save, speak or chime, and tell the observers what just happened (a pacing frame often brings nothing)."""
        if self.history_log is not None:
            self.history_log.record(events)  # saved before anything is drawn
        handled_at = self.clock()
        heard = self.sounds.for_events(events, self.session.timeline)
        for observer in self.observers:
            observer(events, heard, handled_at)
        if heard.chime is not None and self.sounds.chimes.muted:  # seen instead of heard
            self.add_class("cue")
            self.set_timer(CUE_FLASH_S, lambda: self.remove_class("cue"))

    def end(self, finished: bool) -> None:
        self._over = True
        if not finished:
            self.keep_partial_set()
        self.close_log(finished)
        if self.app.screen is self:
            self.dismiss(self.session.record())
        else:  # covered (the terminal is too small): dismissing now would pop the screen on top
            self.ended = True

    def keep_partial_set(self) -> None:
        """Leave the session: the set under way is kept, in the history too, as far as it went."""
        left = self.session.leave()
        if self.history_log is not None:
            self.history_log.record(left)

    def close_log(self, finished: bool) -> None:
        """Close the session's row in the history, once: nothing after its end is saved."""
        if self.history_log is not None:
            self.history_log.close(finished)
            self.history_log = None

    def on_unmount(self) -> None:
        self._over = True
        if self.history_log is not None:  # the app is leaving under the session: a signal, ctrl+q
            self.keep_partial_set()
        self.close_log(finished=False)
        if self._wakeup is not None:
            self._wakeup.cancel()

    def on_screen_suspend(self) -> None:
        """Covered (the terminal too small, the command palette): time waits while the screen can't be seen."""
        if self.session.status in (Status.RUNNING, Status.RESUMING):
            self.apply(self.session.pause())
            self.paused_while_covered = True

    def on_screen_resume(self) -> None:
        if self.ended:
            self.dismiss(self.session.record())
        elif self.paused_while_covered:  # uncovered: carry on after the lead-in, as space would
            self.paused_while_covered = False
            self.apply(self.session.resume(RESUME_LEAD_IN_S))

    def schedule(self) -> None:
        """Sleep until the engine's next change, or a pacing frame, whichever is sooner."""
        if self._wakeup is not None:
            self._wakeup.cancel()
            self._wakeup = None
        wakeup = self.session.next_wakeup()
        if wakeup is None:
            return
        delay = max(wakeup - self.clock(), 0.0)
        if (self.session.phase.paced and self.session.status is Status.RUNNING) or self.figure_moves:
            delay = min(delay, FRAME_S)  # the pacer and the figure, each redrawn only when it changes
        # The event loop's own timer, with the tick queued as a message as Textual's would: Textual's
        # `set_timer` skips a timer already due as it starts (a late frame's zero delay raises in it), and
        # the session then waited for ever.
        self._wakeup = asyncio.get_running_loop().call_later(delay, self.call_next, self.tick)

    # --- drawing ----------------------------------------------------------------------------

    def render_state(self) -> None:
        session, now = self.session, glance(self.session)
        if now.look is not self._look:
            if self._look is not None:
                self.remove_class(f"-{self._look}")
            self.add_class(f"-{now.look}")
            self._look = now.look
        self.query_one("#phase-word", BigText).show(now.word)
        self.show("#exercise", Text(now.exercise, style="bold"))
        self.show("#detail", now.detail)
        self.query_one("#figure", BigText).show(now.figure)
        self.query_one("#figure").set_class(now.final_seconds, "-final-seconds")
        self.query_one("#pacer", PaceBar).show(now.pace)
        self.query_one("#phase-bar", ThinBar).show(session.elapsed(), session.length or 0)
        self.show("#cues", Text("\n".join("· " + cue for cue in now.cues)))
        self.show_figure()
        self.show("#then", Text(now.then, style="dim"))
        left = session.time_left()
        self.query_one("#session-bar", ThinBar).show(session.planned_seconds - left, session.planned_seconds)
        self.show("#time-left", f"{duration(left)} left", layout=False)  # once a second, in a fixed width

    def show_figure(self) -> None:
        """Draw the exercise's figure beside the time, where the screen has room for both."""
        moment = figure_moment(self.session)
        figure = self.figures.get(moment.exercise_id)
        widget = self.query_one(ExerciseFigure)
        shown = figure is not None and self.figure_has_room()
        if widget.display != shown:
            widget.display = shown
        self.figure_moves = shown and moment.moving
        if figure is not None and shown:
            widget.show(figure, moment.fraction, mirrored(figure.side, moment.side))

    def figure_has_room(self) -> bool:
        """Whether the figure fits beside the time at the terminal's size, in this phase."""
        width, height = self.app.size
        if width >= FIGURE_ALWAYS_SIZE[0] and height >= FIGURE_ALWAYS_SIZE[1]:
            return True
        working = self.session.phase.kind is PhaseKind.WORK
        return not working and width >= FIGURE_IN_RESTS_SIZE[0] and height >= FIGURE_IN_RESTS_SIZE[1]

    def refresh_hints(self) -> None:
        """Redraw the key hints when what the keys do may have changed: a new phase, a pause, a resume."""
        state = (self.session.status, self.session.index)
        if state != self._hints_for:
            self._hints_for = state
            self.refresh_bindings()

    def show(self, selector: str, content: Text | str, layout: bool = True) -> None:
        """Update a line only when its content changes: each update lays the screen out again, unless its
        size is fixed (`layout=False`)."""
        if self._shown.get(selector) != content:
            self._shown[selector] = content
            self.query_one(selector, Static).update(content, layout=layout)

    # --- keys -------------------------------------------------------------------------------

    def key_hint(self, binding: Binding) -> str | None:
        """What a key does now, for the footer; None while it does nothing (pressing it then says why)."""
        move = MOVES.get(binding.action)
        if move is not None and why_not(self.session, move):
            return None
        if binding.action == "toggle_pause" and self.session.status is Status.PAUSED:
            return "Resume"
        if binding.action == "count" and self.session.counts_reps:
            return "Rep"
        if binding.action == "done" and not self.session.counts_reps:
            return None  # Enter says Done then
        return binding.description

    def attempt(self, move: Move, operation: Callable[[], list[Event]]) -> None:
        """Do `operation`, or say briefly why its key does nothing now."""
        reason = why_not(self.session, move)
        if reason:
            self.notify(reason, timeout=2)
        else:
            self.apply(operation())

    def action_toggle_pause(self) -> None:
        if self.session.status is Status.PAUSED:
            self.apply(self.session.resume(RESUME_LEAD_IN_S))
        else:  # running, or counting down to resume: space stops it
            self.apply(self.session.pause())

    def action_skip(self) -> None:
        self.apply(self.session.skip())

    def action_skip_step(self) -> None:
        self.apply(self.session.skip_step())

    def action_back(self) -> None:
        self.attempt(Move.BACK, self.session.back)

    def action_restart(self) -> None:
        self.apply(self.session.restart_phase())

    def action_adjust(self, direction: int) -> None:
        move = Move.LONGER if direction > 0 else Move.SHORTER
        self.attempt(move, lambda: self.session.adjust(direction * ADJUST_STEP_S))

    def action_count(self) -> None:
        self.attempt(Move.DONE, self.session.count_rep if self.session.counts_reps else self.session.mark_done)

    def action_done(self) -> None:
        self.attempt(Move.DONE, self.session.mark_done)

    def action_leave(self) -> None:
        from .confirm import ConfirmScreen

        was_running = self.session.status is Status.RUNNING
        self.apply(self.session.pause())

        def answered(leave: bool | None) -> None:
            if leave:
                self.sounds.stop()
                self.end(finished=False)
            elif was_running:
                self.apply(self.session.resume(RESUME_LEAD_IN_S))

        self.app.push_screen(ConfirmScreen("Leave this session? What you have done is kept."), answered)
