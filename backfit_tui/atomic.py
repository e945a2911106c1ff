"""Writing a file so that a crash never leaves half of it: a temporary file, then a rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .locations import ensure_dir


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` in one step; on any failure the old file (if any) is left as it was."""
    ensure_dir(path.parent)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
