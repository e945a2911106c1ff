"""Standard output as a pipe whose reader may leave early (`backfit history --csv | head -5`), or that was closed
from the start (`>&-`).

backfit then ends as cat and grep do: at once, with no message.
"""

from __future__ import annotations

import errno
import io
import os
from typing import TextIO

# cat and grep are ended by SIGPIPE, which a shell reports as 128 + 13. Python ignores SIGPIPE and
# raises BrokenPipeError instead; exiting with the same status lets a `set -o pipefail` script treat
# backfit as it treats them, and tells a closed pipe from a real failure (1).
READER_GONE = 141


def discard(stream: TextIO | None) -> None:
    """Send what is still buffered for `stream`, and all it is sent later, to /dev/null.

    Otherwise the interpreter's last flush meets the closed pipe again and complains about it. A stream with no
    descriptor (standard output closed from the start) has nothing to flush.
    """
    try:
        descriptor = stream.fileno()
    except (AttributeError, OSError, ValueError):  # None, or a ClosedOutput
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)


class ClosedOutput(io.TextIOBase):
    """Standard output for a process started with it closed (`>&-`): every write finds the reader gone, as a
    write into a pipe whose reader has left does, so that backfit ends in the same way."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(errno.EPIPE, "standard output is closed")
