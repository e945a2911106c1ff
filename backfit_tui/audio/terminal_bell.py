"""The terminal bell, rung on the terminal itself: never inside the text a guide prints, which may go to a
pipe, a file or a screen reader."""

from __future__ import annotations

import sys

BELL = "\a"


def ring_terminal_bell() -> None:
    """Ring the bell on stderr when it is a terminal, else on the process's terminal (/dev/tty), else nowhere."""
    if sys.stderr is not None and sys.stderr.isatty():
        sys.stderr.write(BELL)
        sys.stderr.flush()
        return
    try:
        with open("/dev/tty", "w") as terminal:
            terminal.write(BELL)
    except OSError:  # no terminal at all (a service, CI): the bell has nowhere to ring
        pass
