"""Find and load routine files and the exercise library (TOML, read with tomllib)."""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...core.dosages import Breaths, Dosage, Hold, Reps
from ...core.formatting import counted, literal, toml_escapes
from ...core.model import Exercise, Routine, Sides, Step
from ..atomic import write_atomically
from ..files import FileKind
from ..locations import ensure_dir
from ..validation import (
    Invalid,
    LoadError,
    Problem,
    TableReader,
    boolean,
    choice,
    number,
    parse_toml,
    read_bytes,
    read_toml,
    show_value,
    text,
    text_list,
    whole,
)
from .ranges import RANGE_KEYS, read_ranges

ROUTINE_KEYS = ("name", "description", "tags", "sources", "steps")
SHARED_STEP_KEYS = ("sets", "rest_between_sets", "sides", "switch", "rest_after", "cues")  # a step of any kind
EXERCISE_KEYS = (
    "name", "category", "targets", "sources", "equipment", "needs_floor", "cues", "cautions", "moves", "side_word",
    *RANGE_KEYS,
)  # fmt: skip
CATEGORIES = ("stretch", "strength", "core", "mobility")
MAX_STEPS = 50

cue_list = text_list(4, 120, min_items=1)
routine_name = text(60)  # a routine's name, in its file and given to `backfit import --name`

# --- dosage kinds: one row each ------------------------------------------------------------------


@dataclass(frozen=True)
class DosageRow:
    """How a routine file keeps one dosage kind: the key that makes a step of it and holds its amount, its own
    further keys, and how it is read from a step's table and written back."""

    key: str
    kind: type[Dosage]
    options: tuple[str, ...]  # its own keys besides `key`, in the order a file writes them
    read: Callable[[TableReader, dict[str, Any], tuple], Dosage | None]  # None: problems were reported
    write: Callable[[Any], dict[str, Any]]  # its keys, `key` first; those at their defaults left out
    alternates: bool = False  # whether its sides may alternate within a set
    unset_words: Mapping[str, str] = field(default_factory=dict)  # an option left empty with no default, in words


def _read_hold(reader: TableReader, table: dict[str, Any], path: tuple) -> Hold | None:
    seconds = reader.field(table, path, "hold", whole(1, 3600, "seconds"))
    return None if seconds is None else Hold(seconds)


def _read_breaths(reader: TableReader, table: dict[str, Any], path: tuple) -> Breaths | None:
    count = reader.field(table, path, "breaths", whole(1, 100, "breaths"))
    inhale = reader.field(table, path, "inhale", number(1, 20), 3.0)
    exhale = reader.field(table, path, "exhale", number(1, 20), 3.0)
    return None if None in (count, inhale, exhale) else Breaths(count, inhale, exhale)


def _read_reps(reader: TableReader, table: dict[str, Any], path: tuple) -> Reps | None:
    count = reader.field(table, path, "reps", whole(1, 200, "reps"))
    tempo = reader.field(table, path, "seconds_per_rep", number(1, 60), None)
    hold = reader.field(table, path, "hold_per_rep", whole(1, 120, "seconds"), None)
    if hold is not None and "seconds_per_rep" not in table:
        reader.problem((*path, "hold_per_rep"), "needs seconds_per_rep too, so the app can time each held rep")
        return None
    return None if count is None else Reps(count, tempo, hold)


def _write_breaths(dosage: Breaths) -> dict[str, Any]:
    paces = (("inhale", dosage.inhale), ("exhale", dosage.exhale))
    return {"breaths": dosage.count, **{key: tidy_number(value) for key, value in paces if value != 3.0}}


def _write_reps(dosage: Reps) -> dict[str, Any]:
    table: dict[str, Any] = {"reps": dosage.count}
    if dosage.seconds_per_rep is not None:
        table["seconds_per_rep"] = tidy_number(dosage.seconds_per_rep)
    if dosage.hold_per_rep is not None:
        table["hold_per_rep"] = dosage.hold_per_rep
    return table


# Every dosage kind by the key that makes a step of it, in the order the loader, the writer and the editor
# list them. A new kind is one class (`core.dosages.Dosage`) and one row here.
DOSAGE_KINDS: dict[str, DosageRow] = {
    row.key: row
    for row in (
        DosageRow("hold", Hold, (), _read_hold, lambda hold: {"hold": hold.seconds}),
        DosageRow("breaths", Breaths, ("inhale", "exhale"), _read_breaths, _write_breaths),
        DosageRow(
            "reps", Reps, ("seconds_per_rep", "hold_per_rep"), _read_reps, _write_reps, alternates=True,
            unset_words={"seconds_per_rep": "self-paced", "hold_per_rep": "no hold"},
        ),
    )
}


def dosage_keys() -> tuple[str, ...]:
    """The key of each dosage kind: `("hold", "breaths", "reps")`."""
    return tuple(DOSAGE_KINDS)


def step_keys() -> tuple[str, ...]:
    """Every key a step may have, in the order a file writes them: its exercise, each kind's, the shared ones."""
    options = (key for row in DOSAGE_KINDS.values() for key in row.options)
    return ("exercise", *DOSAGE_KINDS, *options, *SHARED_STEP_KEYS)


def row_of(dosage: Dosage) -> DosageRow:
    """The row of `dosage`'s kind."""
    return next(row for row in DOSAGE_KINDS.values() if type(dosage) is row.kind)


def _either(keys: Iterable[str]) -> str:
    """`hold, breaths or reps`."""
    *first, last = keys
    return f"{', '.join(first)} or {last}" if first else last



def load_library(path: Path) -> dict[str, Exercise]:
    """The exercise library: every exercise by id."""
    document, source = read_toml(path, FileKind.LIBRARY)
    problems: list[Problem] = []
    reader = TableReader(path, source, problems)
    library: dict[str, Exercise] = {}
    for exercise_id, value in document.items():
        table = reader.table(value, (exercise_id,), EXERCISE_KEYS)
        if table is None:
            continue
        fields = {
            "name": reader.field(table, (exercise_id,), "name", text(60)),
            "category": reader.field(table, (exercise_id,), "category", choice(CATEGORIES)),
            "targets": reader.field(table, (exercise_id,), "targets", text_list(8, 40, min_items=1)),
            "equipment": reader.field(table, (exercise_id,), "equipment", text_list(4, 40), ()),
            "needs_floor": reader.field(table, (exercise_id,), "needs_floor", boolean),
            "cues": reader.field(table, (exercise_id,), "cues", text_list(4, 120, min_items=2)),
        }
        ranges = read_ranges(reader, table, exercise_id)
        cautions = reader.field(table, (exercise_id,), "cautions", text_list(2, 120), ())
        sources = reader.field(table, (exercise_id,), "sources", text_list(6, 120), ())
        said = {  # the voice's words for this exercise, where the library gives its own
            key: found for key, check in (("moves", text_list(2, 30, min_items=2)), ("side_word", text(10)))
            if (found := reader.field(table, (exercise_id,), key, check, None)) is not None
        }  # fmt: skip
        if None not in (*fields.values(), cautions, sources):
            library[exercise_id] = Exercise(
                id=exercise_id, **fields, ranges=ranges, cautions=cautions, sources=sources, **said
            )
    reader.finish()
    if problems:
        raise LoadError(problems)
    return library


# A routine's id is its file's name without `.toml`. The ids backfit gives (the editor's, `import --as`)
# are lowercase words joined by hyphens: easy to type after `backfit run`, and a file name anywhere.
ROUTINE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID_LENGTH = 40


def id_problem(text: str) -> str | None:
    """Why `text` cannot be a new routine's id, or None if it can."""
    if len(text) <= MAX_ID_LENGTH and ROUTINE_ID.fullmatch(text):
        return None
    return (
        f'"{literal(text)}" is not a routine id: use up to {MAX_ID_LENGTH} lowercase letters, digits and single '
        'hyphens, such as "my-morning"'
    )


def load_routine(path: Path, library: Mapping[str, Exercise]) -> Routine:
    """Load one routine file; its id is the file name without `.toml`."""
    return parse_routine(read_bytes(path), path, library)


def parse_routine(data: bytes, path: Path, library: Mapping[str, Exercise]) -> Routine:
    """Check and build a routine from a file's bytes, raising LoadError with every problem."""
    routine_id = _id_of(path)
    document, source = parse_toml(data, path)
    problems: list[Problem] = []
    reader = TableReader(path, source, problems)
    reader.table(document, (), ROUTINE_KEYS)
    name = reader.field(document, (), "name", routine_name)
    description = reader.field(document, (), "description", text(200))
    tags = reader.field(document, (), "tags", text_list(10, 20), ())
    sources = reader.field(document, (), "sources", text_list(10, 200), ())
    raw_steps = reader.field(document, (), "steps", _step_list)
    steps = [_parse_step(reader, raw, index, library) for index, raw in enumerate(raw_steps or [])]
    reader.finish()
    if problems:
        raise LoadError(problems)
    return Routine(
        id=routine_id, name=name, description=description, steps=tuple(steps), tags=tags, sources=sources
    )



def loads_as(text: str | None, routine: Routine, path: Path, library: Mapping[str, Exercise]) -> bool:
    """Whether `text`, an edit of a routine file, loads as exactly `routine` (None, an edit not made, does not)."""
    try:
        return text is not None and parse_routine(text.encode("utf-8"), path, library) == routine
    except LoadError:
        return False

def _id_of(path: Path) -> str:
    """A routine file's id, its name without `.toml`; LoadError if the name is not UTF-8, as such an id could
    be neither typed after `backfit run` nor kept in the history."""
    name = os.fsencode(path.name)
    try:
        name.decode("utf-8")
    except UnicodeDecodeError as err:
        problem = f"the file name is not UTF-8 (byte 0x{name[err.start]:02x}); rename it"
        raise LoadError([Problem(path, problem)]) from None
    return path.stem


def _step_list(value: Any) -> list[Any]:
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_STEPS:
        got = counted(len(value), "step") if isinstance(value, list) else show_value(value)
        in_form = f"has {got}; remove some (x)" if value else "add at least one step (a)"
        raise Invalid(f"must be 1 to {MAX_STEPS} [[steps]] tables, got {got}", f"{in_form} — up to {MAX_STEPS}")
    return value


def _parse_step(reader: TableReader, raw: Any, index: int, library: Mapping[str, Exercise]) -> Step | None:
    path = ("steps", index)
    table = reader.table(raw, path, step_keys())
    if table is None:
        return None
    before = reader.found
    exercise = reader.field(table, path, "exercise", _exercise_in(library))
    dosage = _parse_dosage(reader, table, path)
    sides = Sides(reader.field(table, path, "sides", choice(list(Sides)), "none") or "none")
    alternating = [row.key for row in DOSAGE_KINDS.values() if row.alternates]
    if sides is Sides.ALTERNATING and not any(key in table for key in alternating):
        reader.problem(
            (*path, "sides"),
            f'can be "alternating" only on a {_either(alternating)} step; use "each" to do one side, then the other',
        )
    step = Step(
        exercise=exercise,
        dosage=dosage,
        sets=reader.field(table, path, "sets", whole(1, 20, "sets"), 1),
        rest_between_sets=reader.field(table, path, "rest_between_sets", whole(0, 600, "seconds"), 0),
        sides=sides,
        switch=reader.field(table, path, "switch", whole(0, 60, "seconds"), 5),
        rest_after=reader.field(table, path, "rest_after", whole(0, 600, "seconds"), 0),
        cues=reader.field(table, path, "cues", cue_list, ()),
    )
    return step if reader.found == before else None


def _exercise_in(library: Mapping[str, Exercise]):
    def check(value: Any) -> Exercise:
        if not isinstance(value, str):
            raise Invalid(f"must be an exercise id in quotes, got {show_value(value)}")
        if value not in library:
            close = difflib.get_close_matches(value, list(library), n=1, cutoff=0.6)
            hint = f'did you mean "{close[0]}"?' if close else "`backfit exercises` lists the ids"
            raise Invalid(f"unknown exercise {show_value(value)}; {hint}")
        return library[value]

    return check


def _parse_dosage(reader: TableReader, table: dict[str, Any], path: tuple) -> Dosage | None:
    kinds = [key for key in DOSAGE_KINDS if key in table]
    if len(kinds) != 1:
        found = " and ".join(kinds) if kinds else "none"
        in_form = "choose one kind" if kinds else f"needs an amount ({_either(DOSAGE_KINDS)}); type one"
        reader.problem(path, f"needs exactly one of {_either(DOSAGE_KINDS)} (found {found}); e.g. `hold = 30`", in_form)
        return None
    row = DOSAGE_KINDS[kinds[0]]
    for other in DOSAGE_KINDS.values():
        for key in other.options:
            if key in table and other is not row:
                reader.problem((*path, key), f"belongs to a {other.key} step; remove it from this {row.key} step")
    return row.read(reader, table, path)


@dataclass(frozen=True)
class RoutineEntry:
    """A routine file found on disk: its routine, or the problems that kept it from loading."""

    id: str
    path: Path
    origin: str  # "bundled", "user" or "file"
    routine: Routine | None = None
    problems: tuple[Problem, ...] = ()


def load_entry(path: Path, origin: str, library: Mapping[str, Exercise]) -> RoutineEntry:
    """Load one file into an entry; a bad file gives an entry with problems, never an exception."""
    try:
        return RoutineEntry(path.stem, path, origin, routine=load_routine(path, library))
    except LoadError as err:
        return RoutineEntry(path.stem, path, origin, problems=err.problems)


def discover(folders: Iterable[tuple[Path, str]], library: Mapping[str, Exercise]) -> list[RoutineEntry]:
    """Every `*.toml` in the folders, sorted by name; a later folder's file wins over an earlier id."""
    by_id: dict[str, RoutineEntry] = {}
    for folder, origin in folders:
        if folder.is_dir():
            for path in sorted(folder.glob("*.toml")):
                by_id[path.stem] = load_entry(path, origin, library)
    return sorted(by_id.values(), key=lambda e: (e.routine.name.casefold() if e.routine else e.id, e.id))


def routine_document(routine: Routine) -> dict[str, Any]:
    """The routine as a TOML document, with only the keys that differ from their defaults."""
    document: dict[str, Any] = {"name": routine.name, "description": routine.description}
    if routine.tags:
        document["tags"] = list(routine.tags)
    if routine.sources:
        document["sources"] = list(routine.sources)
    document["steps"] = [step_document(step) for step in routine.steps]
    return document


def step_document(step: Step) -> dict[str, Any]:
    """A step as a `[[steps]]` table, with only the keys that differ from their defaults."""
    table: dict[str, Any] = {"exercise": step.exercise.id, **row_of(step.dosage).write(step.dosage)}
    defaults = Step(step.exercise, step.dosage)
    for key in ("sets", "rest_between_sets", "sides", "switch", "rest_after"):
        value = getattr(step, key)
        if value != getattr(defaults, key):
            table[key] = value.value if isinstance(value, Sides) else value
    if step.cues:
        table["cues"] = list(step.cues)
    return table


def tidy_number(number: float) -> int | float:
    """3 rather than 3.0, for a person reading the file."""
    return int(number) if float(number).is_integer() else number


def routine_toml(routine: Routine) -> str:
    """The routine as tidy TOML text that loads back into the same routine."""
    import tomli_w  # only when writing

    document = routine_document(routine)
    steps = document.pop("steps")
    # Escapes for what is not printable: a terminal showing the file (`export`, `cat`) never obeys it.
    return toml_escapes(tomli_w.dumps(document)) + steps_toml(steps)


def steps_toml(steps: Iterable[Mapping[str, Any]]) -> str:
    """Steps as TOML text, each a `[[steps]]` table after a blank line, with what is not printable escaped."""
    import tomli_w  # only when writing

    # Always [[steps]] tables, never inline ones: a person edits them, and problems get line numbers.
    return toml_escapes("".join("\n[[steps]]\n" + tomli_w.dumps(step) for step in steps))


def save_routine(routine: Routine, folder: Path, text: str | None = None) -> Path:
    """Write the routine to `folder/<id>.toml` atomically, making the folder if need be; return the path.

    `text` is the routine's own text, when it is not written as `routine_toml` writes it."""
    path = ensure_dir(folder) / f"{routine.id}.toml"
    write_atomically(path, routine_toml(routine) if text is None else text)
    return path


def delete_routine(entry: RoutineEntry) -> None:
    """Remove one of the person's routine files (one already gone is fine); OSError if it cannot be removed."""
    entry.path.unlink(missing_ok=True)
