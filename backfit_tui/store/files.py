"""Reading a file, so that no kind of file can stop backfit: every file backfit reads comes through here.

Opening a named pipe to read waits for a writer, and reading a device may never end; a check made
before opening would leave a moment in which the path could change. So the file is opened without
waiting, and what was opened is checked before a byte is read. Each kind of file has a bound on its
size, far above any real one, so that a huge file (or a sparse one, which costs nothing on disk) is
refused at once instead of filling the memory.
"""

from __future__ import annotations

import errno
import os
import stat
from enum import Enum
from pathlib import Path

# O_NONBLOCK: opening a named pipe returns at once. O_NOCTTY: a terminal named by mistake never
# becomes backfit's own. O_BINARY: Windows reads the bytes as they are.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"))
KB, MB = 2**10, 2**20


class FileKind(Enum):
    """Each kind of file backfit reads: its name in messages, and the most bytes one may hold."""

    ROUTINE = ("routine", 1 * MB)  # 50 steps with every text at its longest are some 40 KB
    LIBRARY = ("exercise library", 1 * MB)  # the bundled one is 16 KB
    FIGURES = ("file of figures", 1 * MB)  # the bundled one, a figure for each of 23 exercises, is some 6 KB
    SETTINGS = ("settings file", 256 * KB)  # every setting, commented at length, is a few KB
    CHIME = ("chime", 4 * MB)  # 24 s of CD-quality stereo: far more than a chime needs
    PHRASE = ("rendered phrase", 4 * MB)  # espeak-ng's 22 kHz mono: a 20 s introduction is under 1 MB
    REMINDER_STATE = ("reminder's state file", 4 * KB)  # some 120 bytes
    STATUS_CACHE = ("status cache", 64 * KB)  # a week's sessions, some 20 bytes each
    WARM_UP_CHOICES = ("warm-up choices file", 64 * KB)  # some 30 bytes a routine
    REMINDER_LOCK = ("reminder's lock file", 64)  # the id of the process that holds it
    PROCESS_STAT = ("process's status line", 4 * KB)  # Linux's /proc/PID/stat: one line of a few hundred bytes

    def __init__(self, noun: str, limit: int) -> None:
        self.noun = noun
        self.limit = limit


class NotARegularFile(OSError):
    """The path names a directory, a named pipe, a device or a socket: nothing to read as a file."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EISDIR if kind == "a directory" else errno.EINVAL, f"Is {kind}", str(path))
        self.kind = kind


class FileTooLarge(OSError):
    """The file holds more than its kind's bound."""

    def __init__(self, path: Path, size: int, kind: FileKind) -> None:
        words = f"is {size_in_words(size)}, more than the {size_in_words(kind.limit)} a {kind.noun} may hold"
        super().__init__(errno.EFBIG, words, str(path))


def size_in_words(size: int) -> str:
    """`1 MB`, `2.4 GB`, `512 bytes`: a size as a person reads it."""
    for unit, scale in (("GB", 2**30), ("MB", MB), ("KB", KB)):
        if size >= scale:
            return f"{size / scale:.3g} {unit}"
    return f"{size} bytes"


def regular_or_absent(path: Path) -> bool:
    """Whether a regular file is at `path` (False when nothing is); NotARegularFile when something else is.

    For a file opened by another library (SQLite), which cannot be handed an opened file to check.
    """
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return False
    if not stat.S_ISREG(mode):
        raise NotARegularFile(path, _kind_of(mode))
    return True


def read_regular_file(path: Path, kind: FileKind) -> bytes:
    """The bytes of the regular file at `path`, if it holds no more than `kind` allows.

    OSError when it cannot be read (NotARegularFile, FileTooLarge or the system's own error).
    """
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except ValueError:  # a NUL character, which the system cannot be asked about
        raise OSError(errno.EINVAL, "No file name can hold a NUL character", str(path)) from None
    try:
        found = os.fstat(descriptor)
        if not stat.S_ISREG(found.st_mode):
            raise NotARegularFile(path, _kind_of(found.st_mode))
        if found.st_size > kind.limit:  # before a byte is read
            raise FileTooLarge(path, found.st_size, kind)
        with os.fdopen(descriptor, "rb", closefd=False) as file:
            data = file.read(kind.limit + 1)  # one more: it may have grown since
    finally:
        os.close(descriptor)
    if len(data) > kind.limit:
        raise FileTooLarge(path, len(data), kind)
    return data


def _kind_of(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "a device")
