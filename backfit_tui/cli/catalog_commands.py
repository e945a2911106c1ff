"""The commands that read the routines and print them: `list`, `show`, `validate` and `exercises`.

None of them imports Textual; Rich only for the commands that draw tables.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.formatting import counted, duration, json_text, literal, plural
from ..core.model import Exercise, Routine
from ..core.plan import RICH_STYLES, plan_lines
from ..core.timeline import build_timeline, total_seconds
from ..store import locations
from ..store.routines.catalog import Catalog
from ..store.routines.routine_files import RoutineEntry, load_entry, load_library
from ..store.validation import LoadError, Problem
from .say import error, find_routine, say

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text


def _console():
    from .console import stdout_console  # Rich: only for the commands that draw tables

    return stdout_console()


# The table's columns, most wanted first: `list` leaves out the last ones, tags then steps, rather than wrap the
# names in a narrow terminal (`show` and the menu still give both).
LIST_COLUMNS = ("name", "id", "duration", "origin", "steps", "tags")
REQUIRED_COLUMNS = 4
UNBOUNDED = 10_000
ORIGINS = {"bundled": "bundled", "user": "yours"}  # how the table says whose a routine is


def list_routines(catalog: Catalog, as_json: bool, get_ready: int) -> int:
    """Print every routine as a table, or as JSON for scripts; lengths count `get_ready` before each step."""
    rows = [_summary(entry, get_ready) for entry in catalog.entries]
    if as_json:
        print(json_text(rows))
        return 0
    from rich.text import Text

    console = _console()
    cells = [_cells(row) for row in rows]
    unbounded = console.options.update_width(UNBOUNDED)  # the width the table wants, not the one it is given
    for count in range(len(LIST_COLUMNS), REQUIRED_COLUMNS - 1, -1):
        table = _table(LIST_COLUMNS[:count], cells)
        if console.measure(table, options=unbounded).maximum <= console.width:
            break
    console.print(table)
    folders = [("bundled", locations.bundled_routines_dir())]
    if any(entry.origin == "user" for entry in catalog.entries):
        folders.append(("yours", locations.user_routines_dir()))
    for origin, folder in folders:
        console.print(Text(f"{origin}: {_home_as_tilde(folder)}", style="dim"), soft_wrap=True)
    if any(row["problems"] for row in rows):
        console.print("`backfit show ID` says why a routine cannot load.", soft_wrap=True)
    return 0


def _cells(row: dict) -> dict[str, Text]:
    """A routine's cells in the table, by column."""
    from rich.text import Text

    cells = {"id": Text(literal(row["id"])), "origin": Text(ORIGINS[row["origin"]])}
    if row["problems"]:
        return cells | {"name": Text("✗ cannot load", style="red")}
    return cells | {
        "name": Text(literal(row["name"])), "duration": Text(duration(row["duration_s"])),
        "steps": Text(str(row["steps"])), "tags": Text(literal(" ".join(row["tags"]))),
    }  # fmt: skip


def _table(columns: tuple[str, ...], cells: list[dict[str, Text]]) -> Table:
    """The routines' table with these columns."""
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in columns:
        if column == "name":  # wraps between words, and folds a word too long for it rather than cut it short
            table.add_column(column, overflow="fold")
        else:  # the id, the word to type next, and the figures are never broken
            table.add_column(column, no_wrap=True, justify="right" if column == "steps" else "left")
    for row in cells:
        table.add_row(*(row.get(column, Text("")) for column in columns))
    return table


def _home_as_tilde(path: Path) -> str:
    home = str(Path.home())
    text = str(path)
    return literal("~" + text[len(home) :] if text.startswith(home + "/") else text)


def _summary(entry: RoutineEntry, get_ready: int) -> dict:
    routine = entry.routine
    return {
        "id": entry.id,
        "name": routine.name if routine else None,
        "path": str(entry.path),
        "origin": entry.origin,
        "steps": len(routine.steps) if routine else None,
        "duration_s": total_seconds(build_timeline(routine, get_ready)) if routine else None,
        "tags": list(routine.tags) if routine else [],
        "problems": [str(p) for p in entry.problems],
    }


def show(catalog: Catalog, reference: str, get_ready: int, figures: bool = False) -> int:
    """Print one routine's plan step by step, with how long each step and the whole take (and with `figures`, the
    end pose of each step's exercise)."""
    entry = find_routine(catalog, reference)
    if entry is None:
        return 1
    from rich.text import Text

    console = _console()
    drawn = _end_poses(catalog, entry.routine, console.width) if figures else None
    title, *rest = plan_lines(entry.routine, get_ready, figures=drawn)
    console.print(Text(title.text, style="bold"))
    console.print(Text(f"id {literal(entry.id)} · {literal(str(entry.path))}", style="dim"))
    for line in rest:
        console.print(Text(line.text, style=RICH_STYLES[line.style]), no_wrap=line.style == "figure", crop=False)
    return 0


def _end_poses(catalog: Catalog, routine: Routine, width: int) -> dict[str, list[str]]:
    """The end pose of each of the routine's exercises, drawn small enough for `width` columns under its step;
    none, after saying why, if the figures are broken."""
    from ..core.figure_rows import STEP_COLS, STEP_ROWS, end_poses  # the figures: only for `show --figures`
    from ..core.plan import INDENT
    from ..store.routines.figures import load_bundled_figures

    figures, problem = load_bundled_figures(catalog.library)
    if problem:
        error(problem)
    cols = min(STEP_COLS, width - len(INDENT))
    return end_poses(figures, (step.exercise.id for step in routine.steps), cols, cols * STEP_ROWS // STEP_COLS)


FIGURES_FILE = "figures.toml"  # a file `validate` checks as figures of the library's exercises, not as a routine


def validate(files: list[Path]) -> int:
    """Check routine files, and figure files by their name (the bundled one when none is named); print their
    problems (each file's first 50); 1 if any file has one."""
    library = load_library(locations.bundled_library_file())
    files = files or [locations.bundled_figures_file()]
    failed = 0
    for path in files:
        checked = _figures_checked if path.name == FIGURES_FILE else _routine_checked
        problems, fine = checked(path, library)
        if problems:
            failed += 1
            say(*map(str, problems))
        else:
            say(f"{path}: ok ({fine})")
    if failed:
        print(f"{failed} of {counted(len(files), 'file')} {plural(failed, 'has', 'have')} problems.", file=sys.stderr)
    return 1 if failed else 0


def _routine_checked(path: Path, library: Mapping[str, Exercise]) -> tuple[Sequence[Problem], str]:
    """A routine file's problems, or what it holds."""
    entry = load_entry(path, "file", library)
    if entry.problems:
        return entry.problems, ""
    return (), f"{entry.routine.name}, {counted(len(entry.routine.steps), 'step')}"


def _figures_checked(path: Path, library: Mapping[str, Exercise]) -> tuple[Sequence[Problem], str]:
    """A figures file's problems, as the app's loader finds them, or how many figures it holds."""
    from ..store.routines.figures import load_figures

    try:
        figures = load_figures(path, library, missing_ok=False)
    except LoadError as err:
        return err.problems, ""
    return (), f"{counted(len(figures), 'figure')} of the library's {counted(len(library), 'exercise')}"


def list_exercises(catalog: Catalog) -> int:
    """Print the exercise library: the ids routine files refer to."""
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("id", "name", "category", "floor", "equipment"):
        table.add_column(column, overflow="fold")
    for exercise in catalog.library.values():
        table.add_row(
            Text(literal(exercise.id)), Text(literal(exercise.name)), Text(literal(exercise.category)),
            Text("yes" if exercise.needs_floor else "no"), Text(literal(", ".join(exercise.equipment)) or "none"),
        )  # fmt: skip
    console = _console()
    console.print(table)
    console.print("`backfit exercises ID` shows one: how it is done, its ranges and its figure.", soft_wrap=True)
    return 0
