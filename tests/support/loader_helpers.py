"""Helpers shared by the routine loader tests: write TOML from a test, load it, collect its problems.

Imported as `from loader_helpers import ...` (tests/ is on sys.path).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from backfit_tui.core.model import Routine
from backfit_tui.store.routines.routine_files import parse_routine
from backfit_tui.store.validation import LoadError

FILE = Path("floor.toml")


def toml(source: str) -> str:
    """A dedented TOML document whose first line is line 1."""
    return textwrap.dedent(source).lstrip("\n")


def problems(source: str | bytes, library, file: Path = FILE) -> list[str]:
    """Every problem the loader reports for `source`, as `backfit validate` prints them."""
    data = source if isinstance(source, bytes) else toml(source).encode("utf-8")
    with pytest.raises(LoadError) as caught:
        parse_routine(data, file, library)
    assert caught.value.problems, "a LoadError must say at least one reason"
    return [str(problem) for problem in caught.value.problems]


def load(source: str, library, file: Path = FILE) -> Routine:
    return parse_routine(toml(source).encode("utf-8"), file, library)


HOLD_RANGE = "must be a whole number of seconds between 1 and 3600"
