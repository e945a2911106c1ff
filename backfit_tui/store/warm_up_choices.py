"""Each routine's last answer to "Warm up first?", so the next offer starts from it."""

from __future__ import annotations

import json
from pathlib import Path

from .atomic import write_atomically
from .files import FileKind
from .locations import ensure_dir
from .state_files import boolean, read_state_file, table_of

SHAPE = table_of(boolean, max_items=2_000)  # routine id → whether the person warmed up before it last time


def load_warm_up_choices(path: Path) -> dict[str, bool]:
    """Routine id → whether the person warmed up last time; empty when the file is missing or does not fit SHAPE."""
    return read_state_file(path, FileKind.WARM_UP_CHOICES, SHAPE) or {}  # {}: each offer starts from yes


def save_warm_up_choice(path: Path, routine_id: str, warm_up: bool) -> None:
    """Remember `warm_up` for `routine_id`, keeping every other routine's answer; written atomically."""
    choices = load_warm_up_choices(path) | {routine_id: warm_up}
    ensure_dir(path.parent)
    write_atomically(path, json.dumps(choices, indent=2, sort_keys=True) + "\n")
