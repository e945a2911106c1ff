"""The reminder screen of `backfit remind`: the time to the next break, large, and the breaks today and
this week; in a short pane (under ten rows) the same on two lines, in one or two rows the time alone.
It drives the core's Reminder once a second and says what happens by messages; the App chimes,
notifies, keeps the answers and runs the routine."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static

from ...core.formatting import clock_face, literal
from ...core.reminder import Answer, Reminder, State
from .. import messages
from ..widgets.big_text import FIGURES, WORDS, BigText
from ..widgets.key_hints import KeyHints

TICK_S = 1.0
SHORT_FROM = 3  # rows: the time and the routine, the counts, the keys; fewer rows keep the time alone
TALL_FROM = 10  # rows: the heading, the figure at its smallest (4 rows), the routine and the counts
BREAK, LEAVING = Binding.Group("Break"), Binding.Group("Leaving")
HEADINGS = {State.COUNTING: "Next break in", State.DUE: "Time for a break", State.QUIET: "No breaks now",
            State.ON_BREAK: "On a break"}  # fmt: skip
CALL = "BREAK TIME"  # the big words of a break that is due: short enough to be large in 80 columns
ANSWERS = {"take": Answer.TAKEN, "snooze": Answer.SNOOZED, "skip": Answer.SKIPPED}  # the keys' actions


@dataclass(frozen=True)
class BreakCounts:
    """Sessions done today and this week, against the weekly goal."""

    today: int
    this_week: int
    goal: int


class RemindScreen(Screen[None]):
    """Counts down to the next break of `reminder`, which runs `routine_name`; q leaves backfit.

    It declares no `MIN_SIZE`: it is made to live in a pane of three rows as well as in a whole terminal.
    """

    CSS_PATH = "remind.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-tiny"), (SHORT_FROM, "-short"), (TALL_FROM, "-tall")]

    BINDINGS = [
        Binding("enter", "take", "Start", group=BREAK, tooltip="Start the break's routine now"),
        Binding("s", "snooze", "Snooze", group=BREAK, tooltip="Put the break off ten minutes"),
        Binding("k", "skip", "Skip", group=BREAK, tooltip="Let this break go: the count starts again from now"),
        Binding("m", "app.toggle_mute", "Mute", group=BREAK, tooltip="Turn the chimes off or on (remembered)"),
        # Not Esc, which means "back" everywhere else: here it would end the day's reminders by a slip. q asks
        # nothing, as in top or less: leaving loses nothing, the answers are kept and a new start counts afresh.
        Binding("q", "app.quit", "Quit", group=LEAVING, tooltip="Stop reminding and leave backfit"),
    ]

    def __init__(self, reminder: Reminder, routine_name: str, counts: BreakCounts) -> None:
        super().__init__()
        self.reminder = reminder
        self.routine_name = routine_name
        self.counts = counts
        self._told: tuple[State, float | None] | None = None  # what the last Changed said

    def compose(self) -> ComposeResult:
        with Vertical(id="remind"):
            yield Static(id="remind-heading")
            yield BigText(FIGURES, id="remind-figure")
            yield BigText(WORDS, id="remind-call")
            yield Static(id="remind-line")  # a short pane's: the heading, the time and the routine
            yield Static(id="remind-routine")
            yield Static(id="remind-counts")
        yield KeyHints()

    def on_mount(self) -> None:
        self.query_one("#remind-call", BigText).show(CALL)
        self.set_interval(TICK_S, self.tick)
        self.show()

    def on_screen_resume(self) -> None:
        if self.reminder.state is State.ON_BREAK:
            self.post_message(messages.BackFromBreak())

    def tick(self) -> None:
        """Catch the reminder up with the clock; say so when the break falls due."""
        if self.reminder.update():
            self.post_message(messages.BreakDue())
        self.show()

    def show(self, counts: BreakCounts | None = None) -> None:
        """Draw the reminder's state (and new counts, if given); tell the App when it changed."""
        self.counts = counts or self.counts
        reminder = self.reminder
        left = reminder.remaining()
        heading, routine = HEADINGS[reminder.state], literal(self.routine_name)
        figure = clock_face(left) if left is not None else "--:--"
        self.query_one("#remind-heading", Static).update(heading)
        self.query_one("#remind-figure", BigText).show(figure)
        line = f"{heading} {figure}" if reminder.state is State.COUNTING else heading
        self.query_one("#remind-line", Static).update(f"{line} · {routine}")
        due = reminder.state is State.DUE  # the call is large, and said in words for who reads the text
        self.query_one("#remind-routine", Static).update(f"{heading}: {routine}" if due else f"Break: {routine}")
        done = self.counts
        self.query_one("#remind-counts", Static).update(f"Today {done.today} · this week {done.this_week}/{done.goal}")
        self.set_class(due, "-due")
        if (reminder.state, reminder.due_at) != self._told:
            self.refresh_bindings()  # the keys that answer a break, shown only while one is due
            self._told = reminder.state, reminder.due_at
            self.post_message(messages.ReminderChanged(reminder))

    def key_hint(self, binding: Binding) -> str | None:
        """What a key does now, for the footer; None while it does nothing (pressing it then says why)."""
        answer = ANSWERS.get(binding.action)
        return None if answer is not None and self.reminder.why_not(answer) else binding.description

    def action_take(self) -> None:
        called = self.reminder.start_break()
        self.post_message(messages.BreakAnswered(Answer.TAKEN, called))
        self.show()

    def action_snooze(self) -> None:
        self.answer(Answer.SNOOZED, self.reminder.snooze)

    def action_skip(self) -> None:
        self.answer(Answer.SKIPPED, self.reminder.skip)

    def answer(self, answer: Answer, act: Callable[[], bool]) -> None:
        """Answer the break that is due by `act`, or say briefly why its key does nothing now."""
        if act():
            self.post_message(messages.BreakAnswered(answer))
            self.show()
        else:
            self.notify(self.reminder.why_not(answer), timeout=3)

    def break_over(self, counts: BreakCounts) -> None:
        """The routine has ended: count to the next break from now."""
        self.reminder.end_break()
        self.show(counts)
