"""Standard output as a pipe whose reader may leave early (`backfit history --csv | head -5`).

backfit then ends as cat and grep do: at once, with no message.
"""

from __future__ import annotations

import os
from typing import TextIO

# cat and grep are ended by SIGPIPE, which a shell reports as 128 + 13. Python ignores SIGPIPE and
# raises BrokenPipeError instead; exiting with the same status lets a `set -o pipefail` script treat
# backfit as it treats them, and tells a closed pipe from a real failure (1).
READER_GONE = 141


def discard(stream: TextIO) -> None:
    """Send what is still buffered for `stream`, and all it is sent later, to /dev/null.

    Otherwise the interpreter's last flush meets the closed pipe again and complains about it.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, stream.fileno())
    os.close(devnull)
