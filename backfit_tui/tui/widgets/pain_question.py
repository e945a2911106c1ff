""""How is your back now?": one key rates it from 0 to 10 (`t` for 10), or the arrows and Enter; `s` skips."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.actions import SkipAction
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from ...core.pain import QUESTION, TEN_KEY, WORST

RATE = Binding.Group("How is your back")


class PainQuestion(Widget, can_focus=True):
    """The question and the scale, the rating under the arrows highlighted; posts `Answered` once, and from then on
    shows the answer and leaves every key to the screen."""

    COMPONENT_CLASSES = {"pain-question--chosen", "pain-question--scale"}
    DEFAULT_CSS = """
    PainQuestion { height: auto; }
    PainQuestion > .pain-question--chosen { text-style: bold reverse; }
    PainQuestion > .pain-question--scale { color: $text-muted; }
    """

    BINDINGS = [
        *(Binding(str(n), f"rate({n})", "Rate", show=False, group=RATE, tooltip="Rate your back: 0 = no pain")
          for n in range(WORST)),
        Binding(TEN_KEY, f"rate({WORST})", "Rate", show=False, group=RATE, tooltip="Rate your back 10, the worst"),
        Binding("left", "move(-1)", "Less", show=False, group=RATE, tooltip="Highlight a lower rating"),
        Binding("right", "move(1)", "More", show=False, group=RATE, tooltip="Highlight a higher rating"),
        Binding("enter", "choose", "Rate", show=False, group=RATE, tooltip="Rate your back as highlighted"),
        Binding("s", "skip", "Skip rating", group=RATE, tooltip="Leave the question unanswered"),
    ]  # fmt: skip

    @dataclass
    class Answered(Message):
        """The question was answered: 0 to 10, or None when skipped."""

        rating: int | None

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.highlighted: int | None = None  # none until an arrow is pressed: Enter alone leaves, as it always has
        self.answered = False
        self.rating: int | None = None

    def render(self) -> Text:
        if self.answered:
            said = "skipped" if self.rating is None else f"{self.rating} of {WORST}"
            return Text(f"How is your back now? {said}")
        scale = Text()
        for n in range(WORST + 1):
            style = self.get_component_rich_style("pain-question--chosen") if n == self.highlighted else ""
            scale.append(f" {n} ", style=style)
        muted = self.get_component_rich_style("pain-question--scale")
        keys = Text(f"  {TEN_KEY} = {WORST} · s skips", style=muted)
        return Text.assemble(QUESTION, "\n", scale, keys)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Once answered, its keys are the screen's again."""
        return not self.answered

    def answer(self, rating: int | None) -> None:
        self.answered, self.rating = True, rating
        self.can_focus = False
        self.refresh(layout=True)
        self.screen.refresh_bindings()
        self.post_message(self.Answered(rating))

    def action_rate(self, rating: int) -> None:
        self.answer(rating)

    def action_move(self, by: int) -> None:
        if self.highlighted is None:
            self.highlighted = WORST // 2  # the first press lands mid-scale
        else:
            self.highlighted = min(max(self.highlighted + by, 0), WORST)
        self.refresh()

    def action_choose(self) -> None:
        if self.highlighted is None:
            raise SkipAction()  # Enter before an arrow: the screen's own Enter
        self.answer(self.highlighted)

    def action_skip(self) -> None:
        self.answer(None)
