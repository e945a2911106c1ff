"""The routines a person can choose from: bundled ones, their own, or a file named directly."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from ...core.model import Exercise
from .. import locations
from .routine_files import RoutineEntry, discover, load_entry, load_library


@dataclass(frozen=True)
class Catalog:
    """The exercise library and every routine found, bundled and the user's own."""

    library: dict[str, Exercise]
    entries: tuple[RoutineEntry, ...]

    def find(self, reference: str) -> RoutineEntry:
        """A routine by id, or by path when `reference` names a file; LookupError if neither."""
        try:
            path = Path(reference).expanduser()
        except RuntimeError:  # `~name` for a user this machine does not know
            path = Path(reference)
        if reference.endswith(".toml") or path.is_file():
            if not path.is_file():
                raise LookupError(f"{reference}: no such file")
            return load_entry(path, "file", self.library)
        for entry in self.entries:
            if entry.id == reference:
                return entry
        close = difflib.get_close_matches(reference, [e.id for e in self.entries], n=1, cutoff=0.5)
        hint = f'did you mean "{close[0]}"? ' if close else ""
        raise LookupError(f'no routine with the id "{reference}"; {hint}`backfit list` shows them all')


def load_catalog() -> Catalog:
    """Load the library and discover every routine; raises LoadError if the library is broken."""
    library = load_library(locations.bundled_library_file())
    folders = [(locations.bundled_routines_dir(), "bundled"), (locations.user_routines_dir(), "user")]
    return Catalog(library, tuple(discover(folders, library)))
