"""Writing a file so that a crash never leaves half of it: a temporary file, then a rename."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` in one step; on any failure the old file (if any) is left as it was.

    The folder must exist already. A file that was there keeps its permissions (a settings file
    made private stays private); a new one gets those the umask gives any new file.
    """
    temporary = path.with_name(f".{path.stem}-{os.urandom(8).hex()}.tmp")
    # Made by hand, not by tempfile.mkstemp: its files are 0600 whatever the umask, and the rename
    # keeps that. O_EXCL never opens a file that is already there.
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        _keep_mode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _keep_mode(old: Path, new: Path) -> None:
    try:
        mode = os.stat(old).st_mode
    except FileNotFoundError:
        return
    os.chmod(new, mode & 0o7777)
