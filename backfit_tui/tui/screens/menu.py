"""The first screen: every routine in a list, a preview of the highlighted one, type to filter."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...core.formatting import literal
from ...core.model import Routine
from ...core.plan import RICH_STYLES, at_a_glance, plan_lines
from ...store.routines.catalog import Catalog
from ...store.routines.routine_files import RoutineEntry
from .. import messages
from ..widgets.filter_input import FilterInput
from ..widgets.key_hints import KeyHints
from ..widgets.title_bar import TitleBar
from ..widgets.unbroken_text import UnbrokenText
from ..widgets.wrapping_list import WrappingOptionList
from .too_small import FULL_LAYOUT

if TYPE_CHECKING:
    from ...core.figures import Figure
    from ...core.progression import Suggestion


def filtered(entries: Iterable[RoutineEntry], query: str) -> list[RoutineEntry]:
    """The entries `query` finds (case-insensitive): by name or id first, then by tag."""
    query = query.strip().casefold()
    by_name, by_tag = [], []
    for entry in entries:
        names = [entry.id, entry.routine.name if entry.routine else ""]
        tags = entry.routine.tags if entry.routine else ()
        if any(query in word.casefold() for word in names):
            by_name.append(entry)
        elif any(query in tag.casefold() for tag in tags):
            by_tag.append(entry)
    return by_name + by_tag


def list_item(entry: RoutineEntry, get_ready: int) -> Text:
    """A routine as the list shows it: its name, marked if it is the person's own (a copy of a bundled routine
    may bear its name), then how long it takes and what it needs."""
    if entry.routine is None:
        return Text(f"✗ {literal(entry.id)} (cannot load)", style="red")
    item = Text(literal(entry.routine.name))
    if entry.origin == "user":
        item.append(" · yours", style="dim")
    item.append("\n" + at_a_glance(entry.routine, get_ready), style="dim")
    return item


# Each step's figure in the preview, drawn under it when the pane has the room: from 100×30 up, not at 80×24.
# In quadrants: at this size they draw an arm or a foot that half blocks blur (docs/figures.md).
STEP_FIGURE = (18, 6)  # columns and rows
FIGURES_FROM = (3 + 18, 24)  # the pane's width and height from which they are drawn

CHOOSE, YOURS = Binding.Group("Choose a routine"), Binding.Group("Your routines")
ELSEWHERE = Binding.Group("Elsewhere")
MOVE_HELP = "Move through the list; typing filters it by name or tag"


class MenuScreen(Screen[None]):
    """Pick a routine: type to filter, arrows to move, Enter to start.

    It starts, opens, deletes and reloads nothing itself: it posts what the person chose (`messages`), and a
    controller acts (then hands it the routines again with `show_catalog`).
    """

    MIN_SIZE = FULL_LAYOUT

    BINDINGS = [
        Binding("enter", "start", "Start", priority=True, group=CHOOSE, tooltip="Start the highlighted routine"),
        Binding("up", "move(-1)", "Move", show=False, priority=True, group=CHOOSE, tooltip=MOVE_HELP),
        Binding("down", "move(1)", "Move", show=False, priority=True, group=CHOOSE, tooltip=MOVE_HELP),
        Binding("ctrl+n", "new", "New", priority=True, group=YOURS, tooltip="Write a new routine of your own"),
        Binding("ctrl+e", "edit", "Edit", priority=True, group=YOURS,
                tooltip="Edit the highlighted routine, if it is yours"),
        Binding("ctrl+d", "duplicate", "Copy", priority=True, group=YOURS,
                tooltip="Copy the highlighted routine into a new one of yours, to change"),
        Binding("ctrl+x", "delete", "Delete", priority=True, group=YOURS,
                tooltip="Delete the highlighted routine, if it is yours (after asking)"),
        Binding("f2", "app.show_history", "History", group=ELSEWHERE,
                tooltip="Your history: this week against your goal, days trained, bests"),
        Binding("question_mark", "app.help", "Help", key_display="?", priority=True),  # before the filter takes it
        Binding("escape", "clear_filter", "Clear", show=False, group=CHOOSE, tooltip="Clear the filter"),
        # A priority binding, or the App's own ctrl+q (which shows no hint) would stand in its place.
        Binding("ctrl+q,ctrl+c", "app.quit", "Quit", priority=True, group=ELSEWHERE, tooltip="Quit backfit"),
    ]

    def __init__(self, catalog: Catalog, get_ready: int) -> None:
        super().__init__()
        self.catalog = catalog
        self.get_ready = get_ready  # the settings' get-ready, counted in each routine's length
        self.shown: list[RoutineEntry] = []
        self.suggestions: Mapping[str, Sequence[Suggestion]] = {}  # by routine id, from the history, once read
        self.figures: Mapping[str, Figure] = {}  # by exercise id, once read
        self.drawn: dict[str, list[str]] = {}  # each exercise's end pose, by id, once drawn
        self.chosen: Routine | None = None  # the routine `backfit run` asked for, to highlight once listed
        self.listed = False  # whether the list is filled (on mount)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield FilterInput(placeholder="Type to filter by name or tag", id="filter")
        with Horizontal(id="menu"):
            yield WrappingOptionList(id="routines", markup=False)
            with VerticalScroll(id="preview-pane"):
                yield Static(id="preview")
        yield KeyHints()

    def on_mount(self) -> None:
        self.refill("")
        if self.chosen is not None:
            self.highlight(self.chosen)
        self.listed = True
        self.query_one(Input).focus()

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.refill(event.value)

    def refill(self, query: str) -> None:
        """Show the routines the filter finds, keeping the first highlighted."""
        self.shown = filtered(self.catalog.entries, query)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(Option(UnbrokenText(list_item(entry, self.get_ready))) for entry in self.shown)
        options.highlighted = 0 if self.shown else None
        self.show_preview()

    @on(OptionList.OptionHighlighted)
    def highlighted(self) -> None:
        self.show_preview()

    @on(OptionList.OptionSelected)
    def selected(self) -> None:
        self.action_start()

    def current(self) -> RoutineEntry | None:
        index = self.query_one(OptionList).highlighted
        return self.shown[index] if index is not None and index < len(self.shown) else None

    def show_preview(self) -> None:
        entry = self.current()
        preview, hangs = Text(), []
        if entry is None:
            preview.append(self.no_match(), style="dim")
        elif entry.routine is None:
            preview.append(f"{literal(entry.id)} cannot be loaded\n\n", style="bold red")
            for problem in entry.problems:
                preview.append(literal(str(problem)) + "\n")
        else:
            suggested = self.suggestions.get(entry.id, ())
            figures = self.step_figures(entry.routine)
            for line in plan_lines(entry.routine, self.get_ready, cues=False, suggestions=suggested, figures=figures):
                preview.append(line.text + "\n", style=RICH_STYLES[line.style])
                hangs.append(line.hang)
        self.query_one("#preview", Static).update(UnbrokenText(preview, hangs))
        self.query_one("#preview-pane").scroll_home(animate=False)  # a new routine's total, at the top, in view

    def step_figures(self, routine: Routine) -> dict[str, list[str]]:
        """The end pose of each of the routine's exercises, drawn to stand under its step; none where the pane is
        too small for them."""
        pane = self.query_one("#preview-pane")
        width, height = pane.scrollable_content_region.width, pane.size.height
        if not self.figures or width < FIGURES_FROM[0] or height < FIGURES_FROM[1]:
            return {}
        from ...core.figure_rows import end_poses
        from ...core.figures import Pixels

        ids = {step.exercise.id for step in routine.steps}
        self.drawn |= end_poses(self.figures, ids - self.drawn.keys(), *STEP_FIGURE, Pixels.QUADRANT)
        return {exercise_id: self.drawn[exercise_id] for exercise_id in ids if exercise_id in self.drawn}

    def on_resize(self) -> None:
        self.show_preview()  # with its figures, or without, as the pane now has room for them

    def action_clear_filter(self) -> None:
        self.query_one(FilterInput).clear()

    def action_move(self, delta: int) -> None:
        self.query_one(WrappingOptionList).move(delta)

    def no_match(self) -> str:
        """What to say when the filter finds nothing, and how to have every routine back."""
        return f'No routine matches "{literal(self.query_one(FilterInput).value.strip())}": Esc clears the filter.'

    def action_start(self) -> None:
        entry = self.current()
        if entry is None:
            self.notify(self.no_match(), severity="warning", markup=False)
        elif entry.routine is None:
            self.notify("Pick a routine that loads: this one has problems.", severity="warning")
        else:
            self.post_message(messages.RoutineChosen(entry.routine))

    def show_chosen(self, routine: Routine) -> None:
        """Clear the filter and highlight `routine`, about to run: the menu a session comes back to lists every
        routine, with the one just done in view."""
        if not self.listed:  # `backfit run ROUTINE`: asked for as the app starts, before the list is there
            self.chosen = routine
            return
        with self.prevent(Input.Changed):  # refilled here, at once, rather than when the message arrives
            self.query_one(FilterInput).value = ""
        self.refill("")
        self.highlight(routine)

    def highlight(self, routine: Routine) -> None:
        """Highlight `routine` if the list shows it."""
        index = next((i for i, entry in enumerate(self.shown) if entry.routine == routine), None)
        if index is not None:
            self.query_one(OptionList).highlighted = index

    # --- your own routines ---------------------------------------------------------------------

    def show_catalog(self, catalog: Catalog) -> None:
        """Show these routines instead (the App found them again after one was saved or deleted), keeping the filter."""
        self.catalog = catalog
        self.refill(self.query_one(FilterInput).value)

    def show_suggestions(self, suggestions: Mapping[str, Sequence[Suggestion]]) -> None:
        """Show what the history suggests for each routine (by id) in its preview."""
        self.suggestions = suggestions
        self.show_preview()

    def show_figures(self, figures: Mapping[str, Figure]) -> None:
        """Draw each step's figure, from these by exercise id, in the preview where it fits."""
        self.figures = figures
        self.show_preview()

    def action_new(self) -> None:
        self.post_message(messages.NewRoutineRequested())

    def action_duplicate(self) -> None:
        entry = self.current()
        if entry is None or entry.routine is None:
            self.notify("Pick a routine that loads to copy it.", severity="warning")
            return
        self.post_message(messages.NewRoutineRequested(copy_of=entry.routine))

    def action_edit(self) -> None:
        entry = self.current()
        if entry is None or entry.routine is None:
            self.notify("This routine cannot be loaded: fix its file, or delete it with ctrl+x.", severity="warning")
        elif entry.origin != "user":
            self.notify("Bundled routines are read-only: ctrl+d makes a copy you can edit.", severity="warning")
        else:
            self.post_message(messages.EditRequested(entry))

    def action_delete(self) -> None:
        entry = self.current()
        if entry is None:
            return
        if entry.origin != "user":
            self.notify("Bundled routines cannot be deleted.", severity="warning")
            return
        from .confirm import ConfirmScreen

        def answered(delete: bool | None) -> None:
            if delete:
                self.post_message(messages.DeleteRequested(entry))

        self.app.push_screen(ConfirmScreen(f"Delete {entry.id}? Its file {entry.path} is removed."), answered)
