"""A yes/no question over the current screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ...core.formatting import literal


class ConfirmScreen(ModalScreen[bool]):
    """Asks `question`, shown literally (it may name a file); dismisses with True for y, False for n, Enter or Esc.

    Enter is the safe answer: an Enter meant for the screen below (a rep counted) after a stray key must
    not leave a session or delete a routine.
    """

    CSS_PATH = "confirm.tcss"

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,enter,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(literal(self.question), markup=False)
            yield Static("y: yes    n / Enter / Esc: no", classes="dim")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
