"""A file's stamp: enough to tell, later, whether another program has changed it since it was read.

The editor keeps the stamp of the routine file it opened, and compares it with the file's stamp
when it saves, so a change made meanwhile in another program is never overwritten unasked.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from .validation import LoadError, read_bytes


@dataclass(frozen=True)
class FileStamp:
    """A file's modification time, size and a hash of its bytes."""

    mtime_ns: int
    size: int
    digest: str

    @classmethod
    def of(cls, path: Path, data: bytes) -> FileStamp:
        """The stamp of `path`, whose bytes are `data` (just read, or just written)."""
        return cls(os.stat(path).st_mtime_ns, len(data), hashlib.sha256(data).hexdigest())

    def same_bytes(self, other: FileStamp | None) -> bool:
        """Whether `other` (None: the file is gone or unreadable) stamps the same bytes.

        A file only touched (a new time, the same bytes) holds nothing to lose; a file rewritten
        within the clock's grain (the same time, other bytes) does, which its hash tells.
        """
        return other is not None and (other.size, other.digest) == (self.size, self.digest)


def read_stamp(path: Path) -> FileStamp | None:
    """The stamp of the file at `path` now, or None when it is gone or cannot be read."""
    try:
        return FileStamp.of(path, read_bytes(path))
    except (LoadError, OSError):
        return None
