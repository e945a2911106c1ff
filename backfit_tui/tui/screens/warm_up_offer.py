"""Before a routine that strengthens or goes on the floor: "Warm up first?", with Enter taking the last answer again."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from ...core.formatting import literal
from ..widgets.key_hints import KeyHints

ANSWER = Binding.Group("Answer")


class WarmUpOfferScreen(ModalScreen[bool | None]):
    """Dismisses with True to warm up first, False to skip it, None to start nothing (Esc); ctrl+c quits."""

    CSS_PATH = "warm_up_offer.tcss"

    BINDINGS = [
        Binding("enter", "answer_last", "Same as last time", key_display="⏎", group=ANSWER,
                tooltip="The same answer as last time (warm up, the first time)"),
        Binding("w", "answer(True)", "Warm up", group=ANSWER, tooltip="The warm-up first, then the routine"),
        Binding("s", "answer(False)", "Skip", group=ANSWER, tooltip="Straight into the routine"),
        Binding("escape", "answer(None)", "Back", group=ANSWER, tooltip="Back to the menu; nothing starts"),
        Binding("ctrl+c", "app.quit", "Quit", tooltip="Quit backfit"),  # as on the menu below
    ]

    def __init__(self, routine_name: str, warm_up_name: str, last: bool) -> None:
        super().__init__()
        self.routine_name = routine_name
        self.warm_up_name = warm_up_name
        self.last = last  # what Enter answers: last time's choice, yes the first time

    def compose(self) -> ComposeResult:
        with Vertical(id="warm-up-offer"):
            yield Static("Warm up first?", id="warm-up-offer-title")
            yield Static(
                f"{literal(self.warm_up_name)} takes a few minutes and readies your back for "
                f"{literal(self.routine_name)}: it prepares rather than tires.",
                markup=False,
            )
        yield KeyHints()

    def key_hint(self, binding: Binding) -> str | None:
        """What a key says now: Enter repeats last time's answer, so that answer's own key goes unshown."""
        if binding.action == "answer_last":
            return "Warm up" if self.last else "Skip"
        if binding.action == f"answer({self.last})":
            return None
        return binding.description

    def action_answer_last(self) -> None:
        self.dismiss(self.last)

    def action_answer(self, warm_up: bool | None) -> None:
        self.dismiss(warm_up)
