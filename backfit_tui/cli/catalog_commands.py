"""The commands that read the routines and print them: `list`, `show`, `validate` and `exercises`.

None of them imports Textual; Rich only for the commands that draw tables.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.formatting import counted, duration, json_text, literal, plural
from ..core.plan import RICH_STYLES, plan_lines
from ..core.timeline import build_timeline, total_seconds
from ..store import locations
from ..store.routines.catalog import Catalog
from ..store.routines.routine_files import RoutineEntry, load_entry, load_library
from .say import find_routine, say

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


def show(catalog: Catalog, reference: str, get_ready: int) -> int:
    """Print one routine's plan step by step, with how long each step and the whole take."""
    entry = find_routine(catalog, reference)
    if entry is None:
        return 1
    from rich.text import Text

    console = _console()
    title, *rest = plan_lines(entry.routine, get_ready)
    console.print(Text(title.text, style="bold"))
    console.print(Text(f"id {literal(entry.id)} · {literal(str(entry.path))}", style="dim"))
    for line in rest:
        console.print(Text(line.text, style=RICH_STYLES[line.style]))
    return 0


def validate(files: list[Path]) -> int:
    """Check routine files; print their problems (each file's first 50); 1 if any file has one."""
    library = load_library(locations.bundled_library_file())
    failed = 0
    for path in files:
        entry = load_entry(path, "file", library)
        if entry.problems:
            failed += 1
            say(*map(str, entry.problems))
        else:
            say(f"{path}: ok ({entry.routine.name}, {counted(len(entry.routine.steps), 'step')})")
    if failed:
        print(f"{failed} of {counted(len(files), 'file')} {plural(failed, 'has', 'have')} problems.", file=sys.stderr)
    return 1 if failed else 0


def list_exercises(catalog: Catalog) -> int:
    """Print the exercise library: the ids routine files refer to."""
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("id", "name", "category", "floor", "equipment"):
        table.add_column(column, overflow="fold")
    for exercise in catalog.library.values():
        table.add_row(
            Text(exercise.id), Text(exercise.name), exercise.category,
            "yes" if exercise.needs_floor else "no", Text(", ".join(exercise.equipment) or "none"),
        )  # fmt: skip
    _console().print(table)
    return 0
