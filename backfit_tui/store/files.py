"""Reading a file the person named, so that no kind of file can stop backfit.

Opening a named pipe to read waits for a writer, and reading a device may never end; a check made
before opening would leave a moment in which the path could change. So the file is opened without
waiting, and what was opened is checked before a byte is read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

# O_NONBLOCK: opening a named pipe returns at once. O_NOCTTY: a terminal named by mistake never
# becomes backfit's own. O_BINARY: Windows reads the bytes as they are.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"))


class NotARegularFile(OSError):
    """The path names a directory, a named pipe, a device or a socket: nothing to read as a file."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EISDIR if kind == "a directory" else errno.EINVAL, f"Is {kind}", str(path))
        self.kind = kind


class FileTooLarge(OSError):
    """The file holds more than the reader's bound."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(errno.EFBIG, f"Is larger than {limit / 2**20:g} MB", str(path))


def read_regular_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them.

    OSError when it cannot be read (NotARegularFile, FileTooLarge or the system's own error).
    """
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except ValueError:  # a NUL character, which the system cannot be asked about
        raise OSError(errno.EINVAL, "No file name can hold a NUL character", str(path)) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "a device")
            raise NotARegularFile(path, kind)
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            data = file.read() if limit is None else file.read(limit + 1)  # one more: it may have grown
    finally:
        os.close(descriptor)
    if limit is not None and len(data) > limit:
        raise FileTooLarge(path, limit)
    return data
