"""Writing a file so that a crash never leaves half of it: a temporary file, then a rename."""

from __future__ import annotations

import os
import stat
from pathlib import Path

# What a path holds when it is not a file backfit may replace, by the kind `stat` gives.
NOT_FILES = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
TEMPORARY_STEM = 64  # of the file's name, in its temporary file's: a name near the 255-byte limit must fit too


class NotARegularFile(OSError):
    """What stands where a file is to be written is no regular file (a folder, a pipe, a device): left as it is."""

    def __init__(self, path: Path, real: Path, what: str) -> None:
        it = "it is" if real == path else f"it links to {real},"
        super().__init__(None, f"{it} {what}, not a file", str(path))

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


def write_atomically(path: Path, text: str) -> Path:
    """Replace the file at `path` with `text` in one step, and return where it was written; on any failure the
    old file (if any) is left as it was.

    A symbolic link is written through: the file it points to is replaced, beside itself, and the link stays
    (a settings file kept with one's dotfiles stays there). Anything else than a file at the end of the links
    (a pipe, a device such as /dev/full, a socket, a folder) is never replaced: NotARegularFile. The folder
    must exist already. A file that was there keeps its permissions (a settings file made private stays
    private); a new one gets those the umask gives any new file.
    """
    real = Path(os.path.realpath(path)) if os.path.islink(path) else path
    mode = _file_mode(path, real)
    temporary = real.with_name(f".{real.stem[:TEMPORARY_STEM]}-{os.urandom(8).hex()}.tmp")
    # Made by hand, not by tempfile.mkstemp: its files are 0600 whatever the umask, and the rename
    # keeps that. O_EXCL never opens a file that is already there.
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, real)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return real


def _file_mode(path: Path, real: Path) -> int | None:
    """The permissions of the regular file at `real` (where `path` leads), None if there is none yet."""
    try:
        mode = os.stat(real).st_mode
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(mode):
        what = next((what for is_kind, what in NOT_FILES if is_kind(mode)), "something else")
        raise NotARegularFile(path, real, what)
    return stat.S_IMODE(mode)
