"""The first run, recorded by a marker file: the safety note (in core.wording) is shown unasked only then."""

from __future__ import annotations

from pathlib import Path

from .locations import ensure_dir


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
