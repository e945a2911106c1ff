"""Each routine's last answer to "Warm up first?", so the next offer starts from it."""

from __future__ import annotations

import json
from pathlib import Path

from .atomic import write_atomically
from .locations import ensure_dir


def load_warm_up_choices(path: Path) -> dict[str, bool]:
    """Routine id → whether the person warmed up last time; empty when the file is missing or unreadable."""
    try:
        choices = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # the offer then starts from yes, as on a first run
    if not isinstance(choices, dict):
        return {}
    return {str(key): value for key, value in choices.items() if isinstance(value, bool)}


def save_warm_up_choice(path: Path, routine_id: str, warm_up: bool) -> None:
    """Remember `warm_up` for `routine_id`, keeping every other routine's answer; written atomically."""
    choices = load_warm_up_choices(path) | {routine_id: warm_up}
    ensure_dir(path.parent)
    write_atomically(path, json.dumps(choices, indent=2, sort_keys=True) + "\n")
