"""The commands that read the routines and print them: `list`, `show`, `validate` and `exercises`.

None of them imports Textual; Rich only for the commands that draw tables.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..core.formatting import counted, duration, json_text, literal, plural
from ..core.plan import RICH_STYLES, plan_lines
from ..core.timeline import build_timeline, total_seconds
from ..store import locations
from ..store.catalog import Catalog
from ..store.routines import RoutineEntry, load_entry, load_library
from .messages import find_routine, say


def _console():
    from .console import stdout_console  # Rich: only for the commands that draw tables

    return stdout_console()


def list_routines(catalog: Catalog, as_json: bool, get_ready: int) -> int:
    """Print every routine as a table, or as JSON for scripts; lengths count `get_ready` before each step."""
    rows = [_summary(entry, get_ready) for entry in catalog.entries]
    if as_json:
        print(json_text(rows))
        return 0
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("name", min_width=10)
    table.add_column("id", no_wrap=True)  # the word to type next, so never broken
    table.add_column("steps", justify="right")
    table.add_column("duration", no_wrap=True)
    table.add_column("tags", overflow="fold", min_width=9)
    table.add_column("file", overflow="fold", min_width=7)
    for row, entry in zip(rows, catalog.entries):
        where = Text(_where(entry))
        if row["problems"]:
            problem = Text("✗ cannot load: `backfit validate` says why", style="red")
            table.add_row(problem, Text(literal(row["id"])), "", "", "", where)
            continue
        table.add_row(
            Text(literal(row["name"])), Text(literal(row["id"])), str(row["steps"]),
            duration(row["duration_s"]), Text(literal(" ".join(row["tags"]))), where,
        )  # fmt: skip
    console = _console()
    console.print(table)
    console.print(Text(f"bundled: {literal(str(locations.bundled_routines_dir()))}", style="dim"))
    return 0


def _where(entry: RoutineEntry) -> str:
    """A routine's file for a narrow column: "bundled" (the folder is printed below the table)."""
    if entry.origin == "bundled":
        return "bundled"
    path = str(entry.path)
    home = str(Path.home())
    return literal("~" + path[len(home) :] if path.startswith(home + "/") else path)


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
