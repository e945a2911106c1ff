"""What the `backfit` commands say: every line shown literally, and the routine a command names."""

from __future__ import annotations

import sys
from typing import TextIO

from ..core.formatting import literal
from ..store.routines.catalog import Catalog
from ..store.routines.routine_files import RoutineEntry


def say(*lines: str, file: TextIO | None = None) -> None:
    """Print a message line by line (on stdout unless told), each line shown literally: a message names
    routines, files and ids, and their text from files and file names must never reach the terminal raw."""
    print("\n".join(literal(line) for line in lines), file=file or sys.stdout)


def error(*lines: str) -> None:
    """Say what is wrong on stderr, after "backfit:"."""
    say(f"backfit: {lines[0]}", *lines[1:], file=sys.stderr)


def find_routine(catalog: Catalog, reference: str) -> RoutineEntry | None:
    """The routine named on the command line, or None after saying what is wrong."""
    try:
        entry = catalog.find(reference)
    except LookupError as err:
        error(str(err))
        return None
    if entry.problems:
        error(*map(str, entry.problems))
        return None
    return entry
