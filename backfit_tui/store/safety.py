"""The safety note the reference articles ask for, shown on the first run and on request."""

from __future__ import annotations

from pathlib import Path

from .locations import ensure_dir

SAFETY_NOTE = (
    "Move only within a range that feels comfortable. Stop if anything hurts, "
    "and see a health professional about back pain that persists."
)


def note_first_run(marker: Path) -> bool:
    """Whether this is the first run, recorded by creating `marker`; always True where it cannot be written."""
    if marker.exists():
        return False
    try:
        ensure_dir(marker.parent)
        marker.touch()
    except OSError:
        pass  # a read-only home: better to show the note every time than never
    return True
