"""`backfit import` and `backfit export`: routine files in and out of the user's routines."""

from __future__ import annotations

import sys
from pathlib import Path

from . import locations
from .atomic import write_atomically
from .catalog import Catalog
from .formatting import literal
from .routines import load_entry, routine_toml


def _error(message: str) -> int:
    print(f"backfit: {literal(message)}", file=sys.stderr)
    return 1


def import_routine(catalog: Catalog, path: Path, force: bool) -> int:
    """Copy a routine file that validates into the user's routines; replace one only with `force`."""
    entry = load_entry(path, "file", catalog.library)
    if entry.problems:
        for problem in entry.problems:
            print(literal(str(problem)), file=sys.stderr)
        return _error(f"{path} was not imported; fix the problems above and try again")
    target = locations.user_routines_dir() / f"{entry.id}.toml"
    if target.exists() and not force:
        return _error(f"you already have a routine {entry.id!r} ({target}); add --force to replace it")
    write_atomically(target, path.read_text(encoding="utf-8-sig"))  # as written, comments and all
    print(f"Imported {literal(entry.routine.name)} as {entry.id!r}: `backfit run {entry.id}` runs it.")
    return 0


def export_routine(catalog: Catalog, reference: str, destination: Path | None) -> int:
    """Write a routine out as TOML, to `destination` or to stdout."""
    try:
        entry = catalog.find(reference)
    except LookupError as err:
        return _error(str(err))
    if entry.routine is None:
        return _error("\n".join(str(p) for p in entry.problems))
    text = routine_toml(entry.routine)
    if destination is None:
        sys.stdout.write(text)
    else:
        write_atomically(destination, text)
        print(f"Wrote {literal(entry.routine.name)} to {destination}.", file=sys.stderr)
    return 0
