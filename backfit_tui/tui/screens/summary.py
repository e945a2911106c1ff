"""The end of a session: how it ended, each step planned against done, and what changed since last time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ...core.formatting import literal
from ...core.outcome import ending, goal_note, heading, step_outcomes, totals
from ...core.records import SessionRecord
from ..widgets.key_hints import KeyHints
from ..widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from ...store.stats import SessionNews


def steps_table(record: SessionRecord, skipped_style: Style) -> Table:
    """Each step planned against done, its skipped sets said below in `skipped_style`."""
    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("exercise", "planned", "done"):
        table.add_column(column)
    for outcome in step_outcomes(record):
        done = Text(outcome.done())
        if skipped := outcome.skipped_words():
            done.append("\n" if done else "").append(skipped, skipped_style)
        table.add_row(Text(literal(outcome.exercise_name)), outcome.planned(), done)
    return table


class StepsTable(Static):
    """The steps of a session, planned against done, in the theme's colours."""

    COMPONENT_CLASSES = {"steps-table--skipped"}

    def __init__(self, record: SessionRecord, **options) -> None:
        super().__init__(**options)
        self.record = record

    def render(self) -> Table:
        return steps_table(self.record, self.get_component_rich_style("steps-table--skipped"))


NEXT = Binding.Group("What next")


class SummaryScreen(Screen[bool]):
    """What was done; dismisses with True to repeat the routine, False for the menu."""

    CSS_PATH = "summary.tcss"

    BINDINGS = [
        Binding("enter,escape,q", "menu", "Menu", group=NEXT, tooltip="Back to the menu"),
        Binding("a", "again", "Repeat", group=NEXT, tooltip="Do the same routine again now"),
    ]

    def __init__(self, record: SessionRecord, news: SessionNews | None) -> None:
        super().__init__()
        self.record = record
        self.news = news

    def compose(self) -> ComposeResult:
        record, news = self.record, self.news
        yield TitleBar()
        with VerticalScroll(id="summary"):
            yield Static(literal(heading(record)), id="summary-title", classes=ending(record).value, markup=False)
            yield Static(totals(record.sets), id="summary-totals")
            if news is not None:
                yield Static(literal(news.since_last_time), id="summary-since", markup=False)
                if news.improved:
                    yield Static("\n".join(map(literal, news.improved)), id="summary-improved", markup=False)
            if note := goal_note(record):
                yield Static(note, id="summary-goal")
            if record.sets:
                yield StepsTable(record, id="summary-table")
        yield KeyHints()

    def action_menu(self) -> None:
        self.dismiss(False)

    def action_again(self) -> None:
        self.dismiss(True)
