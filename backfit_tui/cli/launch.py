"""The `backfit` console script. `backfit status` and `backfit status --json` go straight to their line, for
a shell prompt or a status bar that runs them every few seconds; every other command goes through `command`,
whose imports cost more than the whole of `status`."""

from __future__ import annotations

import sys

QUICK_STATUS = (["status"], ["status", "--json"])


def main() -> int:
    """Run the `backfit` command on the process's arguments; returns the exit status."""
    if sys.argv[1:] in QUICK_STATUS:
        from .status_command import status

        return status(as_json=sys.argv[1:] == QUICK_STATUS[1])
    from .command import main as command_main

    return command_main()
