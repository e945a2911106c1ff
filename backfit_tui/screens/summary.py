"""The end of a session: each step planned against done, skipped sets, and active time."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from ..engine import SessionRecord
from ..formatting import duration, literal
from ..model import Routine


def summary_table(record: SessionRecord) -> Table:
    """Planned against done for every set, in the order they came."""
    table = Table(box=None, expand=True, header_style="bold")
    for column in ("exercise", "set", "side", "planned", "done"):
        table.add_column(column)
    for item in record.sets:
        done = Text(f"{item.achieved:g} {item.unit}")
        if item.skipped:
            done.append("  skipped", style="yellow")
        table.add_row(
            Text(literal(item.exercise_name)), str(item.set_number), item.side or "",
            f"{item.planned:g} {item.unit}", done,
        )  # fmt: skip
    return table


class SummaryScreen(Screen[bool]):
    """What was done; dismisses with True to repeat the routine, False for the menu."""

    BINDINGS = [
        Binding("enter,escape,q", "menu", "Menu"),
        Binding("a", "again", "Repeat"),
    ]

    def __init__(self, routine: Routine, record: SessionRecord) -> None:
        super().__init__()
        self.routine = routine
        self.record = record

    def compose(self) -> ComposeResult:
        record = self.record
        done = sum(1 for s in record.sets if not s.skipped)
        skipped = sum(1 for s in record.sets if s.skipped)
        active = sum(s.achieved for s in record.sets if s.unit == "seconds")
        heading = "Finished" if record.finished else "Left early"
        yield Header()
        with VerticalScroll(id="summary"):
            yield Static(Text(f"{heading}: {literal(record.routine_name)}", style="bold"), id="summary-title")
            yield Static(f"{done} sets done, {skipped} skipped · {duration(active)} held", id="summary-totals")
            yield Static(summary_table(record), id="summary-table")
        yield Footer(compact=True, show_command_palette=False)

    def action_menu(self) -> None:
        self.dismiss(False)

    def action_again(self) -> None:
        self.dismiss(True)
