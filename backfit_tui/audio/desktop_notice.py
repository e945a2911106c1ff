"""A desktop notification, where a notification service runs: through `notify-send` (libnotify), which
every Linux desktop ships, so backfit needs no D-Bus library of its own."""

from __future__ import annotations

import shutil
import subprocess

NOTIFY_TIMEOUT_S = 5  # a notification service that does not answer must not hold anything up for long


def notify_desktop(title: str, body: str) -> bool:
    """Show a notification; False when there is no `notify-send` or no service took it (ring the bell then).

    Blocks until the service answers: call it off the event loop.
    """
    command = shutil.which("notify-send")
    if command is None:
        return False
    try:
        done = subprocess.run(
            [command, "--app-name=backfit", "--", title, body],
            stdin=subprocess.DEVNULL, capture_output=True, timeout=NOTIFY_TIMEOUT_S,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0
