"""Edit a routine: its name, description and tags, and its steps, checked as they are typed.

Every change goes into a `Draft`, which the routine loader checks; the screen only shows the
draft, the loader's problems and the total length, and asks the App to save it (`messages.SaveRequested`).
A problem is shown once its field has been edited, or a save was asked for: a new routine opens
without a list of what it lacks. A save that would write the routine's file anew, dropping
comments of its own, says so first, once.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from ...core.formatting import duration, literal
from ...core.model import Exercise, Routine
from ...core.timeline import build_timeline, total_seconds
from ...store.routines.draft import (
    CHOICES,
    Draft,
    FormProblem,
    OpenedFile,
    field_default,
    field_hint,
    field_text,
    free_id,
    kind_fields,
    step_fields,
    step_kind,
)
from ...store.routines.routine_files import dosage_keys
from .. import messages
from ..widgets.figure_preview import FigurePreview
from ..widgets.key_hints import KeyHints
from ..widgets.title_bar import TitleBar
from .too_small import FULL_LAYOUT

if TYPE_CHECKING:
    from ...core.figures import Figure

ROUTINE_FIELDS = ("name", "description", "tags")
ROUTINE, STEPS = Binding.Group("The routine"), Binding.Group("Steps, in the list of steps")
MOVE_HELP = "Move the highlighted step up or down"


class StepList(OptionList):
    """The routine's steps; keys here add, remove and reorder them."""

    BINDINGS = [
        Binding("a", "screen.add_step", "Add step", group=STEPS, tooltip="Add a step after the highlighted one"),
        Binding("x,delete", "screen.remove_step", "Remove", group=STEPS, tooltip="Remove the highlighted step"),
        Binding("left_square_bracket", "screen.move_step(-1)", "Move", group=STEPS, tooltip=MOVE_HELP),
        Binding("right_square_bracket", "screen.move_step(1)", "Move", group=STEPS, tooltip=MOVE_HELP),
    ]


class EditorScreen(Screen[None]):
    """Edits one routine; ctrl+s asks the App to save it, and Esc leaves (asking first if it is unsaved)."""

    CSS_PATH = "editor.tcss"
    MIN_SIZE = FULL_LAYOUT

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True, group=ROUTINE,
                tooltip="Save the routine; its problems, checked as you type, must be fixed first"),
        Binding("escape", "leave", "Leave", group=ROUTINE,
                tooltip="Back to the menu, asking first if there are unsaved changes"),
    ]

    def __init__(self, draft: Draft, library: dict[str, Exercise], taken: set[str], get_ready: int,
                 figures: Mapping[str, Figure] | None = None):  # fmt: skip
        super().__init__()
        self.library = library
        self.figures = figures or {}  # by exercise id: the highlighted step's is drawn below its fields
        self.taken = taken  # ids in use, for a new routine's file name
        self.get_ready = get_ready
        self.warned_of_rewrite = False  # said once that a save drops the file's own comments
        self.begin(draft)

    def begin(self, draft: Draft) -> None:
        """Start editing `draft`, as opened."""
        self.draft = draft
        self.is_new = not draft.routine_id
        self.last_saved = copy.deepcopy(draft.document())  # or as it was opened, if it never was
        self.saving = self.last_saved  # the draft as it was when the App was last asked to save it
        self.save_pending = False  # asked for, and not yet said to be done
        self.touched: set[str] = set()  # the routine's fields edited so far, whose problems are shown
        self.tried_to_save = False  # then every problem is shown
        self.routine: Routine | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="editor"):
            with Vertical(id="editor-routine"):
                for key, label in zip(ROUTINE_FIELDS, ("Name", "Description", "Tags, comma-separated")):
                    yield Label(label, classes="field-label")
                    yield Input(self.shown(key), id=f"routine-{key}", compact=True)
                yield Label("Steps", classes="field-label")
                yield StepList(id="steps", markup=False)
                yield Static(id="total")
            with VerticalScroll(id="editor-step", can_focus=False):
                yield Static(id="step-title")
                with Horizontal(classes="step-field"):
                    yield Label("kind", classes="field-label")
                    kinds = [(kind, kind) for kind in dosage_keys()]
                    first = step_kind(self.draft.steps[0] if self.draft.steps else {})  # the step shown first
                    yield Select(kinds, value=first, allow_blank=False, id="step-kind", compact=True)
                for key in step_fields():
                    with Horizontal(classes="step-field", id=f"row-{key}"):
                        yield Label(key, classes="field-label")
                        if key in CHOICES:
                            options = [(choice, choice) for choice in CHOICES[key]]
                            yield Select(
                                options, value=field_default(key), allow_blank=False, id=f"step-{key}",
                                classes="choice", compact=True,
                            )  # fmt: skip
                        else:
                            yield Input(id=f"step-{key}", compact=True)
                yield FigurePreview(id="step-figure")
        yield Static(id="problems")
        yield KeyHints()

    def on_mount(self) -> None:
        self.refresh_all(select=0)
        self.query_one("#routine-name", Input).focus()

    # --- showing the draft ---------------------------------------------------------------------

    def shown(self, key: str) -> str:
        """A routine field's text as its field shows it: literally, so a routine's escapes are never obeyed."""
        return literal(field_text(getattr(self.draft, key)))

    @property
    def step_index(self) -> int | None:
        return self.query_one(StepList).highlighted

    def refresh_all(self, select: int | None = None, form: bool = True) -> None:
        """Check the draft, then show its steps, total, problems and (if `form`) the step's fields."""
        self.routine, problems = self.draft.check(self.library)
        steps = self.query_one(StepList)
        chosen = self.step_index if select is None else select
        with self.prevent(OptionList.OptionHighlighted):  # refilled, not a step chosen
            steps.clear_options()
            for index, step in enumerate(self.draft.steps):
                steps.add_option(Option(Text(f"{index + 1}. {literal(self.step_label(index, step))}")))
            if self.draft.steps:
                steps.highlighted = min(chosen or 0, len(self.draft.steps) - 1)
        shown = [problem.text for problem in problems if self.is_shown(problem)]
        if self.routine is not None:
            total = f"Total {duration(total_seconds(build_timeline(self.routine, self.get_ready)))}"
        else:
            total = "Total: fix the problems below" if shown else "Total: once the routine is complete"
        self.query_one("#total", Static).update(total)
        self.query_one("#problems", Static).update(Text("\n".join(map(literal, shown)), style="red"))
        if form:
            self.fill_step_form()

    def is_shown(self, problem: FormProblem) -> bool:
        """Whether a problem is shown yet: once its field is edited, or a save was asked for."""
        return self.tried_to_save or not problem.field or problem.field in self.touched

    def step_label(self, index: int, step: dict) -> str:
        if self.routine is not None:
            return self.routine.steps[index].describe()
        exercise = self.library.get(step.get("exercise", ""))
        rest = ", ".join(f"{k} {field_text(v)}" for k, v in step.items() if k != "exercise")
        return f"{exercise.name if exercise else step.get('exercise', '?')} — {rest}"

    def fill_step_form(self) -> None:
        index = self.step_index
        step = self.draft.steps[index] if index is not None and self.draft.steps else None
        exercise = self.library.get(step.get("exercise", "")) if step else None
        title = "Add a step: focus the list and press a" if step is None else f"Step {index + 1}: " + (
            exercise.name if exercise else str(step.get("exercise"))
        )  # fmt: skip
        self.query_one("#step-title", Static).update(Text(literal(title), style="bold"))
        kind = step_kind(step or {})
        shown = kind_fields(kind)
        with self.prevent(Input.Changed, Select.Changed):
            select = self.query_one("#step-kind", Select)
            select.value = kind
            select.disabled = step is None
            for key in step_fields():
                field = self.query_one(f"#step-{key}", Select if key in CHOICES else Input)
                if isinstance(field, Select):
                    field.value = step.get(key, field_default(key)) if step else field_default(key)
                else:
                    field.value = literal(field_text(step.get(key))) if step else ""
                    # An empty field shows what it stands for: its default, or the library's cues or range.
                    field.placeholder = literal(field_hint(key, exercise)) if step else ""
                field.disabled = step is None
                # another kind's field stays in sight while it is set, so its problem can be fixed
                self.query_one(f"#row-{key}").display = key in shown or bool(step and key in step)
        self.show_figure()

    def show_figure(self) -> None:
        """The highlighted step's figure below its fields, where the pane has room for it without scrolling."""
        index = self.step_index
        step = self.draft.steps[index] if index is not None and self.draft.steps else {}
        pane = self.query_one("#editor-step")
        fields = [child for child in pane.children if child.display and not isinstance(child, FigurePreview)]
        used = sum(child.outer_size.height or 1 for child in fields)  # a field shown just now is not yet laid out
        room = pane.scrollable_content_region.height - used
        figure = self.figures.get(step.get("exercise", ""))
        self.query_one(FigurePreview).show(figure, pane.scrollable_content_region.width, room)

    def on_resize(self) -> None:
        self.show_figure()

    # --- editing -------------------------------------------------------------------------------

    @on(Input.Changed)
    def typed(self, event: Input.Changed) -> None:
        name = event.input.id or ""
        if name.startswith("routine-"):
            key = name.removeprefix("routine-")
            if event.value != self.shown(key):  # the text as filled in keeps the routine's own until it is edited
                setattr(self.draft, key, event.value)
                self.touched.add(key)
        elif name.startswith("step-") and self.step_index is not None:
            self.draft.set_step_field(self.step_index, name.removeprefix("step-"), event.value)
            self.touched.add("steps")
        self.refresh_all(form=False)  # the fields keep what is typed: "2." is on its way to 2.5

    @on(Select.Changed, "#step-kind")
    def kind_chosen(self, event: Select.Changed) -> None:
        index = self.step_index
        if index is not None and self.draft.steps and event.value != step_kind(self.draft.steps[index]):
            step = self.draft.steps[index]
            self.draft.set_step_kind(index, str(event.value), self.library[step["exercise"]])
            self.touched.add("steps")
            self.refresh_all()

    @on(Select.Changed, ".choice")
    def choice_made(self, event: Select.Changed) -> None:
        index = self.step_index
        if index is not None and self.draft.steps:
            self.draft.set_step_field(index, (event.select.id or "").removeprefix("step-"), str(event.value))
            self.touched.add("steps")
            self.refresh_all(form=False)

    @on(OptionList.OptionHighlighted, "#steps")
    def step_chosen(self) -> None:
        self.fill_step_form()

    def action_add_step(self) -> None:
        from .exercise_picker import ExercisePicker

        def chosen(exercise_id: str | None) -> None:
            if exercise_id:
                self.touched.add("steps")
                self.refresh_all(select=self.draft.add_step(self.library[exercise_id], after=self.step_index))

        self.app.push_screen(ExercisePicker(self.library), chosen)

    def action_remove_step(self) -> None:
        if self.step_index is not None and self.draft.steps:
            index = self.step_index
            self.draft.remove_step(index)
            self.touched.add("steps")
            self.refresh_all(select=max(index - 1, 0))

    def action_move_step(self, delta: int) -> None:
        if self.step_index is not None and self.draft.steps:
            self.touched.add("steps")
            self.refresh_all(select=self.draft.move_step(self.step_index, delta))

    # --- saving and leaving --------------------------------------------------------------------

    @property
    def changed(self) -> bool:
        """Whether leaving would lose something: an edit since the last save (or since opening), or a save
        asked for and not yet done."""
        return self.save_pending or self.draft.document() != self.last_saved

    def action_save(self) -> None:
        if self.routine is None:
            self.tried_to_save = True
            self.refresh_all(form=False)
            self.notify("Fix the problems shown at the bottom first.", severity="error")
            return
        if not self.warned_of_rewrite and self.draft.drops_own_text(self.routine, self.library):
            self.warned_of_rewrite = True
            self.notify(
                "Saving writes this routine's file anew: the comments you wrote in it are not kept. "
                "Press ctrl+s again to save.", severity="warning", timeout=10,
            )  # fmt: skip
            return
        if self.is_new:
            self.draft.routine_id = free_id(self.draft.name, self.taken)
            self.is_new = False
            self.refresh_all()
        self.saving = copy.deepcopy(self.draft.document())
        self.save_pending = True
        self.post_message(messages.SaveRequested(self, self.routine))

    def saved(self, written: OpenedFile) -> None:
        """The App has saved the routine (or a copy of it) as `written`: leaving no longer asks, unless it is
        changed again, and a later save compares with, and edits, that file."""
        self.draft.written(written)
        self.last_saved = self.saving
        self.save_pending = False
        self.notify(literal(f"Saved to {written.path}"), timeout=4, markup=False)

    def reopened(self, draft: Draft) -> None:
        """The App has opened the routine's file again, as another program left it: show that, without the edits."""
        self.begin(draft)
        with self.prevent(Input.Changed):
            for key in ROUTINE_FIELDS:
                self.query_one(f"#routine-{key}", Input).value = self.shown(key)
        self.refresh_all(select=0)
        self.query_one("#routine-name", Input).focus()  # as when it was first opened
        self.notify("Reloaded: your edits are dropped.", timeout=4)

    def action_leave(self) -> None:
        if not self.changed:
            self.dismiss()
            return
        from .confirm import ConfirmScreen

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss()

        self.app.push_screen(ConfirmScreen("Leave without saving your changes?"), answered)
