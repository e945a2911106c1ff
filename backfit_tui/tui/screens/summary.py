"""The end of a session: each step planned against done, skipped sets, and active time."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from ...core.formatting import literal
from ...core.model import Routine
from ...core.outcome import goal_note, step_outcomes, totals
from ...core.records import SessionRecord
from ..widgets.key_hints import KeyHints


def summary_table(record: SessionRecord) -> Table:
    """Each step planned against done, with its skipped sets."""
    table = Table(box=None, expand=True, header_style="bold")
    table.add_column("exercise", ratio=3)
    table.add_column("planned", ratio=3)
    table.add_column("done", ratio=4)
    for outcome in step_outcomes(record):
        done = Text(outcome.done())
        if outcome.skipped:
            done.append(f"  {outcome.skipped} skipped", style="yellow")
        table.add_row(Text(literal(outcome.exercise_name)), outcome.planned(), done)
    return table


NEXT = Binding.Group("What next")


class SummaryScreen(Screen[bool]):
    """What was done; dismisses with True to repeat the routine, False for the menu."""

    CSS_PATH = "summary.tcss"

    BINDINGS = [
        Binding("enter,escape,q", "menu", "Menu", group=NEXT, tooltip="Back to the menu"),
        Binding("a", "again", "Repeat", group=NEXT, tooltip="Do the same routine again now"),
    ]

    def __init__(self, routine: Routine, record: SessionRecord, improved: list[str]) -> None:
        super().__init__()
        self.routine = routine
        self.record = record
        self.improved = improved

    def compose(self) -> ComposeResult:
        record = self.record
        heading = "Finished" if record.finished else "Left early"
        yield Header()
        with VerticalScroll(id="summary"):
            yield Static(Text(f"{heading}: {literal(record.routine_name)}", style="bold"), id="summary-title")
            yield Static(totals(record.sets), id="summary-totals")
            if note := goal_note(record):
                yield Static(note, id="summary-goal")
            if self.improved:
                yield Static(Text("\n".join(map(literal, self.improved))), id="summary-improved")
            if record.sets:
                yield Static(summary_table(record), id="summary-table")
        yield KeyHints()

    def action_menu(self) -> None:
        self.dismiss(False)

    def action_again(self) -> None:
        self.dismiss(True)
