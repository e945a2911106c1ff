"""Pick an exercise from the library: type to search by name, muscle, category or equipment."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...core.formatting import literal
from ...core.model import Exercise
from ..widgets.filter_input import FilterInput
from ..widgets.wrapping_list import WrappingOptionList


def matching(library: Mapping[str, Exercise], query: str) -> list[Exercise]:
    """Exercises whose name, id, muscles, category or equipment contain `query`, by name."""
    query = query.strip().casefold()
    found = [
        e for e in library.values()
        if any(query in word.casefold() for word in (e.name, e.id, e.category, *e.targets, *e.equipment))
    ]  # fmt: skip
    return sorted(found, key=lambda e: e.name.casefold())


CHOOSE = Binding.Group("Choose an exercise")
MOVE_HELP = "Move through the list; typing searches it"


class ExercisePicker(ModalScreen[str | None]):
    """Dismisses with the chosen exercise's id, or None on Escape."""

    CSS_PATH = "exercise_picker.tcss"

    BINDINGS = [
        Binding("enter", "choose", "Choose", priority=True, group=CHOOSE,
                tooltip="Add the highlighted exercise as a step"),
        Binding("up", "move(-1)", "Move", show=False, priority=True, group=CHOOSE, tooltip=MOVE_HELP),
        Binding("down", "move(1)", "Move", show=False, priority=True, group=CHOOSE, tooltip=MOVE_HELP),
        Binding("escape", "dismiss(None)", "Cancel", group=CHOOSE, tooltip="Add nothing, and go back to the routine"),
        Binding("question_mark", "app.help", "Help", priority=True),  # the search lets it through
    ]

    def __init__(self, library: Mapping[str, Exercise]) -> None:
        super().__init__()
        self.library = library
        self.shown: list[Exercise] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Static("Add a step: search by name, muscle, category or equipment", classes="dim")
            yield FilterInput(placeholder="e.g. plank, hamstrings, stretch, band", id="picker-filter")
            yield WrappingOptionList(id="picker-list", markup=False)

    def on_mount(self) -> None:
        self.refill("")

    @on(Input.Changed, "#picker-filter")
    def refill_on_change(self, event: Input.Changed) -> None:
        self.refill(event.value)

    def refill(self, query: str) -> None:
        self.shown = matching(self.library, query)
        options = self.query_one(OptionList)
        options.clear_options()
        for e in self.shown:
            about = f"  {e.category} · {', '.join(e.targets)}" + (f" · {', '.join(e.equipment)}" if e.equipment else "")
            options.add_option(Option(Text(literal(e.name), style="bold") + Text(literal(about), style="dim")))
        options.highlighted = 0 if self.shown else None

    def action_move(self, delta: int) -> None:
        self.query_one(WrappingOptionList).move(delta)

    def action_choose(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None and index < len(self.shown):
            self.dismiss(self.shown[index].id)
