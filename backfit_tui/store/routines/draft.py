"""A routine being edited: its fields as typed, checked by the routine loader itself.

The draft holds what a person typed, as a TOML document, and `check()` runs it through
`parse_routine`, so the editor refuses exactly what a routine file would: each problem worded for
the form where a file's wording speaks of its syntax. A draft opened from a file keeps that file as
it was (`OpenedFile`): its stamp, to tell whether another program changed it before a save, and its
text, so a save that only changes values writes them into it and keeps its comments.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any

from ...core.model import Exercise, Routine, Sides, Step
from ...core.progression import starting_step
from ..file_stamp import FileStamp
from ..in_place import edited_in_place
from ..validation import LoadError, Problem, read_bytes
from .routine_files import (
    DOSAGE_KINDS,
    MAX_ID_LENGTH,
    loads_as,
    parse_routine,
    routine_document,
    routine_toml,
    save_routine,
    step_document,
    step_keys,
    steps_toml,
    tidy_number,
)

CHOICES = {"sides": tuple(Sides)}  # fields chosen from a list; the others are typed
CUE_SEPARATOR = ";"  # cues are typed on one line: `Keep your hips level; breathe out as you lift`
STEP_KEY = re.compile(r"steps\[(\d+)\]\.?(.*)")  # a problem's key in a step: `steps[2].hold`


def step_fields() -> tuple[str, ...]:
    """The step fields the form shows, in order. A step without cues of its own shows the library's."""
    return step_keys()[1:]  # all but its exercise


def field_default(key: str) -> Any:
    """What an empty step field leaves to the model: its own default, or None if it has none."""
    kinds = (*(row.kind for row in DOSAGE_KINDS.values()), Step)
    defaults = (f.default for kind in kinds for f in fields(kind) if f.name == key and f.default is not MISSING)
    return next(defaults, None)


def step_kind(step: Mapping[str, Any]) -> str:
    """A step's kind: the key of the dosage it sets ("hold", "breaths" or "reps"); the first kind until it sets one."""
    return next((key for key in DOSAGE_KINDS if key in step), next(iter(DOSAGE_KINDS)))


def kind_fields(kind: str) -> tuple[str, ...]:
    """The fields a step of `kind` can set, in form order: its dosage, its own options, the shared ones."""
    others = {key for row in DOSAGE_KINDS.values() if row.key != kind for key in (row.key, *row.options)}
    return tuple(key for key in step_fields() if key not in others)


def field_hint(key: str, exercise: Exercise | None) -> str:
    """What an empty step field stands for, shown in it: its default, the library's cues, or the exercise's range."""
    if key == "cues":
        return field_text(exercise.cues) if exercise else ""
    if key in DOSAGE_KINDS:  # no default: the range the library gives this exercise
        amounts = getattr(exercise.ranges, DOSAGE_KINDS[key].kind.range_name) if exercise else None
        return f"{amounts.low} to {amounts.high}" if amounts else ""
    default = field_default(key)
    if default is not None:
        return f"{field_text(default)} (default)"
    return next((row.unset_words[key] for row in DOSAGE_KINDS.values() if key in row.unset_words), "")


def typed_value(text: str) -> Any:
    """What a person typed into a number field, as TOML would read it: 30, 2.5, or the text itself."""
    text = text.strip()
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text  # the loader says what it should have been


def field_text(value: Any) -> str:
    """A stored value as the form shows it."""
    if isinstance(value, (list, tuple)):  # cues
        return f"{CUE_SEPARATOR} ".join(value)
    if isinstance(value, float):
        return str(tidy_number(value))
    return "" if value is None else str(value)


def free_id(name: str, taken: set[str]) -> str:
    """A file-name id from a routine's name that no routine has yet: `My back, gently` → `my-back-gently`,
    `Café` → `cafe`; always one `id_problem` takes, however long the name."""
    unaccented = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    base = re.sub(r"[^a-z0-9]+", "-", unaccented.casefold()).strip("-") or "routine"
    candidate, n = base[:MAX_ID_LENGTH].rstrip("-"), 2
    while candidate in taken:
        suffix = f"-{n}"
        candidate, n = base[: MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix, n + 1
    return candidate


@dataclass(frozen=True)
class FormProblem:
    """One problem with a draft as the editor shows it."""

    field: str  # the routine's field it is about ("name", "description", "tags", "steps"), or "" for none
    text: str


@dataclass(frozen=True)
class OpenedFile:
    """The routine file a draft was opened from (or last saved to), as it was then."""

    path: Path
    text: str
    stamp: FileStamp
    routine: Routine


@dataclass
class Draft:
    """A routine under edit: top-level fields and steps as dicts of TOML values."""

    routine_id: str
    name: str = ""
    description: str = ""
    tags: str = ""  # comma-separated, as typed
    steps: list[dict[str, Any]] = field(default_factory=list)
    sources: tuple[str, ...] = ()
    opened: OpenedFile | None = None
    # Which of the opened routine's steps each step is (None: added since), so a step's values are
    # written over its own lines, never over another's that was moved to its place.
    origins: list[int | None] = field(init=False)

    def __post_init__(self) -> None:
        self.origins = list(range(len(self.steps)))

    @classmethod
    def from_file(cls, path: Path, library: Mapping[str, Exercise]) -> Draft:
        """A draft of the routine file at `path`, keeping the file as it is now; LoadError if it does not load."""
        data = read_bytes(path)
        routine = parse_routine(data, path, library)
        draft = cls.from_routine(routine)
        draft.opened = OpenedFile(path, data.decode("utf-8-sig"), FileStamp.of(path, data), routine)
        return draft

    @classmethod
    def from_routine(cls, routine: Routine, routine_id: str | None = None, name: str | None = None) -> Draft:
        """A draft of `routine`; an empty `routine_id` makes it a new routine (a copy), saved under a new id."""
        document = routine_document(routine)
        return cls(
            routine.id if routine_id is None else routine_id, routine.name if name is None else name,
            routine.description, ", ".join(routine.tags),
            [dict(step) for step in document["steps"]], routine.sources,
        )  # fmt: skip

    def document(self) -> dict[str, Any]:
        tags = [t.strip() for t in self.tags.split(",") if t.strip()]
        document: dict[str, Any] = {"name": self.name, "description": self.description, "tags": tags}
        if self.sources:
            document["sources"] = list(self.sources)
        document["steps"] = self.steps
        return document

    def check(self, library: Mapping[str, Exercise]) -> tuple[Routine | None, list[FormProblem]]:
        """The routine the draft makes, or the loader's problems with it, worded for the form."""
        import tomli_w

        path = Path(f"{self.routine_id}.toml")
        try:
            return parse_routine(tomli_w.dumps(self.document()).encode(), path, library), []
        except LoadError as err:
            return None, [_in_form(p) for p in err.problems]

    # --- saving --------------------------------------------------------------------------------

    def file_text(self, routine: Routine, library: Mapping[str, Exercise]) -> str:
        """The text to save `routine` (this draft, checked) as: the opened file's own, with only the edited
        values changed, where that can be done; else the routine as backfit writes one."""
        text = self._in_place(routine, library)
        return routine_toml(routine) if text is None else text

    def drops_own_text(self, routine: Routine, library: Mapping[str, Exercise]) -> bool:
        """Whether saving `routine` writes the opened file anew, losing comments or a layout of its own."""
        opened = self.opened
        return bool(opened and self._in_place(routine, library) is None and opened.text != routine_toml(opened.routine))

    def written(self, opened: OpenedFile) -> None:
        """The draft was saved as `opened`: later saves compare with, and edit, that file."""
        self.opened, self.routine_id = opened, opened.routine.id
        self.origins = list(range(len(self.steps)))

    def _in_place(self, routine: Routine, library: Mapping[str, Exercise]) -> str | None:
        """The opened file's text with the edits made in it, when they change values or add steps at the end,
        and it then loads as `routine`; else None."""
        opened = self.opened
        kept = len(opened.routine.steps) if opened else 0
        if opened is None or self.origins != [*range(kept), *[None] * (len(self.steps) - kept)]:
            return None  # steps removed or moved, or added other than at the end
        before, after = Draft.from_routine(opened.routine).document(), self.document()
        tables = [((), _without_steps(before), _without_steps(after))]
        tables += [(("steps", n), old, new) for n, (old, new) in enumerate(zip(before["steps"], after["steps"]))]
        text = edited_in_place(opened.text, tables)
        if text is not None and len(self.steps) > kept:
            text = text.rstrip("\n") + "\n" + steps_toml(self.steps[kept:])
        return text if loads_as(text, routine, Path(f"{routine.id}.toml"), library) else None

    # --- editing -------------------------------------------------------------------------------

    def add_step(self, exercise: Exercise, after: int | None = None) -> int:
        """Add a step of `exercise`, of its own kind and at the start of its range; returns its index."""
        index = len(self.steps) if after is None else after + 1
        self.steps.insert(index, step_document(starting_step(exercise)))
        self.origins.insert(index, None)
        return index

    def remove_step(self, index: int) -> None:
        del self.steps[index]
        del self.origins[index]

    def move_step(self, index: int, delta: int) -> int:
        """Move a step up (-1) or down (+1); returns where it is now."""
        target = min(max(index + delta, 0), len(self.steps) - 1)
        self.steps.insert(target, self.steps.pop(index))
        self.origins.insert(target, self.origins.pop(index))
        return target

    def set_step_kind(self, index: int, kind: str, exercise: Exercise) -> None:
        """Make a step of `exercise` a hold, breaths or reps step: other kinds' fields go, and its dosage
        starts where a new step of that kind would, unless it had one."""
        step = self.steps[index]
        for key in set(step_fields()) - set(kind_fields(kind)):
            step.pop(key, None)
        step.setdefault(kind, starting_step(exercise, DOSAGE_KINDS[kind].kind).dosage.amount)
        _keep_order(step)

    def set_step_field(self, index: int, key: str, text: str) -> None:
        """Set a step's field from what was typed or chosen; empty text, or the default chosen, removes it."""
        step = self.steps[index]
        if not text.strip() or (key in CHOICES and text == field_default(key)):
            step.pop(key, None)
        elif key == "cues":
            step[key] = [cue.strip() for cue in text.split(CUE_SEPARATOR) if cue.strip()]
        else:
            step[key] = text if key in CHOICES else typed_value(text)
        _keep_order(step)


def save_draft(draft: Draft, routine: Routine, folder: Path, library: Mapping[str, Exercise]) -> OpenedFile:
    """Write `routine`, the draft checked (or a copy of it under a new id), into `folder`; the file as written.

    OSError if it cannot be written."""
    text = draft.file_text(routine, library)
    path = save_routine(routine, folder, text)
    return OpenedFile(path, text, FileStamp.of(path, text.encode()), routine)


def _without_steps(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "steps"}


def _keep_order(step: dict[str, Any]) -> None:
    ordered = {key: step[key] for key in step_keys() if key in step}
    step.clear()
    step.update(ordered)


def _in_form(problem: Problem) -> FormProblem:
    """A loader problem as the editor words it: `Step 2, hold: …` for `steps[2].hold: …`, in the form's words
    where the file's differ, and without the generated file's line numbers, which mean nothing here."""
    in_step = STEP_KEY.fullmatch(problem.key)
    if in_step:
        label = f"Step {in_step[1]}" + (f", {in_step[2]}" if in_step[2] else "")
    else:
        label = problem.key.capitalize()
    message = problem.in_form or problem.message
    return FormProblem("steps" if in_step else problem.key, f"{label}: {message}" if label else message)
