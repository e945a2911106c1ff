"""Before a session, with `pain_check = "both"`: "How is your back now?", one key to answer, any other way on."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ...core.formatting import literal
from ..widgets.key_hints import KeyHints
from ..widgets.pain_question import PainQuestion

GO_ON = Binding.Group("Go on")


class PainBeforeScreen(ModalScreen[int | None]):
    """Dismisses with the rating, 0 to 10, or None when skipped; the routine starts either way."""

    CSS_PATH = "pain_before.tcss"

    BINDINGS = [
        Binding("escape,enter", "skip", "Start", group=GO_ON, tooltip="Start the routine without a rating"),
        Binding("ctrl+c", "app.quit", "Quit", tooltip="Quit backfit"),  # as on the menu below
    ]

    def __init__(self, routine_name: str) -> None:
        super().__init__()
        self.routine_name = routine_name

    def compose(self) -> ComposeResult:
        with Vertical(id="pain-before"):
            yield Static(f"Before {literal(self.routine_name)}", id="pain-before-title", markup=False)
            yield PainQuestion()
        yield KeyHints()

    @on(PainQuestion.Answered)
    def answered(self, answered: PainQuestion.Answered) -> None:
        self.dismiss(answered.rating)

    def action_skip(self) -> None:
        self.dismiss(None)
