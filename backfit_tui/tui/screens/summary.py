"""The end of a session: how it ended, how the back is now, each step planned against done, and what changed since
last time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ...core.formatting import literal
from ...core.model import Routine
from ...core.outcome import StepOutcome, ending, goal_note, heading, step_outcomes, totals
from ...core.progression import Suggestion
from ...core.records import SessionRecord
from .. import messages
from ..widgets.key_hints import KeyHints
from ..widgets.pain_question import PainQuestion
from ..widgets.title_bar import TitleBar
from ..widgets.unbroken_text import UnbrokenText

if TYPE_CHECKING:
    from ...store.history.stats import SessionNews


def steps_table(outcomes: Sequence[StepOutcome], skipped_style: Style) -> Table:
    """Each step planned against done, what was skipped or never reached said after it in `skipped_style`."""
    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("exercise", "planned", "done"):
        table.add_column(column)
    for outcome in outcomes:
        done = Text(outcome.done())
        if missed := outcome.missed_words():
            done.append(" · " if done else "").append(missed, skipped_style)
        table.add_row(Text(literal(outcome.exercise_name)), outcome.planned(), done)
    return table


class StepsTable(Static):
    """The steps of a session, planned against done, in the theme's colours."""

    COMPONENT_CLASSES = {"steps-table--skipped"}

    def __init__(self, outcomes: Sequence[StepOutcome], **options) -> None:
        super().__init__(**options)
        self.outcomes = outcomes

    def render(self) -> Table:
        return steps_table(self.outcomes, self.get_component_rich_style("steps-table--skipped"))


NEXT = Binding.Group("What next")
PROGRESS = Binding.Group("Progress")


class SummaryScreen(Screen[bool]):
    """What was done, and what the last sessions suggest for the next; dismisses with True to repeat the
    routine, False to go back (`back_to` names where, in the footer). With `ask_pain`, it first asks how the back
    is now, and leaving skips the question. Keeping the rating, and accepting and undoing the suggestions, is asked
    of the App by message."""

    CSS_PATH = "summary.tcss"

    BINDINGS = [
        Binding("enter,escape,q", "menu", "Menu", group=NEXT,
                tooltip="Back to the menu, or to the countdown of backfit remind"),
        Binding("r", "again", "Repeat", group=NEXT, tooltip="Do the same routine again now"),
        Binding("a", "accept", "Accept", group=PROGRESS,
                tooltip="Accept the suggested next step: the routine is changed now (your own copy of a bundled one)"),
        Binding("u", "undo", "Undo", group=PROGRESS, tooltip="Undo the change just accepted"),
    ]  # fmt: skip

    def __init__(
        self,
        routine: Routine,
        record: SessionRecord,
        news: SessionNews | None,
        suggestions: tuple[Suggestion, ...] = (),
        back_to: str = "Menu",
        ask_pain: bool = False,
    ) -> None:
        super().__init__()
        self.ask_pain = ask_pain
        self.routine = routine
        self.back_to = back_to  # the footer's word for Enter: where it goes back to
        self.record = record
        self.news = news
        self.suggestions = suggestions
        self.accepted = False  # told by the App once the change is written
        self.back_words: str | None = None  # what the back's ratings ask, once it is rated

    @property
    def offered(self) -> tuple[Suggestion, ...]:
        """The suggestions that would change something (a step at the top of its range only says so)."""
        return tuple(s for s in self.suggestions if s.changed is not None)

    def compose(self) -> ComposeResult:
        record, news = self.record, self.news
        yield TitleBar()
        with VerticalScroll(id="summary"):
            yield Static(literal(heading(record)), id="summary-title", classes=ending(record).value, markup=False)
            if self.ask_pain:
                yield PainQuestion(id="summary-pain")
            outcomes = step_outcomes(self.routine, record)
            yield Static(UnbrokenText(Text(totals(outcomes))), id="summary-totals")
            if news is not None:
                yield Static(literal(news.since_last_time), id="summary-since", markup=False)
                if news.improved:
                    yield Static("\n".join(map(literal, news.improved)), id="summary-improved", markup=False)
            if note := goal_note(record):
                yield Static(UnbrokenText(Text(note)), id="summary-goal")
            if record.sets:
                yield StepsTable(outcomes, id="summary-table")
            yield Static(self.suggestion_text(), id="summary-suggestions", markup=False)
        yield KeyHints()

    def on_mount(self) -> None:
        self.query_one("#summary-suggestions").display = bool(self.suggestions or self.back_words)
        if self.ask_pain:
            self.query_one(PainQuestion).focus()

    @on(PainQuestion.Answered)
    def rated(self, answered: PainQuestion.Answered) -> None:
        self.query_one(VerticalScroll).focus()
        if answered.rating is not None:
            self.post_message(messages.PainRated(self, answered.rating))

    def show_suggestions(self, suggestions: tuple[Suggestion, ...], back_words: str | None) -> None:
        """Told by the App what the sessions and the back suggest, now that the back is rated."""
        self.suggestions, self.back_words = suggestions, back_words
        shown = self.query_one("#summary-suggestions", Static)
        shown.update(self.suggestion_text())
        shown.display = bool(suggestions or back_words)
        self.refresh_bindings()

    def suggestion_text(self) -> str:
        """The suggestions, one a line, and what accepting them did."""
        if self.accepted:
            changed = "; ".join(s.change_words() for s in self.offered)
            return literal(f"Changed: {changed}. u: undo")
        lines = [literal(s.words()) for s in self.suggestions]
        if self.offered:
            lines[-1] += " a: accept"
        return "\n".join(filter(None, (self.back_words, *lines)))

    def key_hint(self, binding: Binding) -> str | None:
        """The footer's word for a key, or None while it does nothing: accept before, undo after."""
        if binding.action == "accept" and (self.accepted or not self.offered):
            return None
        if binding.action == "undo" and not self.accepted:
            return None
        if binding.action == "menu":
            return self.back_to
        return binding.description

    def changed(self, accepted: bool) -> None:
        """Told by the App that the suggestions were written (True) or put back (False)."""
        self.accepted = accepted
        self.query_one("#summary-suggestions", Static).update(self.suggestion_text())
        self.refresh_bindings()

    def action_accept(self) -> None:
        if self.offered and not self.accepted:
            self.post_message(messages.AcceptRequested(self, self.offered))

    def action_undo(self) -> None:
        if self.accepted:
            self.post_message(messages.UndoRequested(self))

    def action_menu(self) -> None:
        self.dismiss(False)

    def action_again(self) -> None:
        self.dismiss(True)
