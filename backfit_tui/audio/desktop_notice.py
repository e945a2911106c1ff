"""A desktop notification, where a notification service runs: through `notify-send` (libnotify), which
every Linux desktop ships, so backfit needs no D-Bus library of its own."""

from __future__ import annotations

import shutil
import subprocess

from ..core.formatting import literal

NOTIFY_TIMEOUT_S = 5  # a notification service that does not answer must not hold anything up for long

# The Desktop Notifications spec reads a body as markup (a subset of HTML: <b>, <a>, <img>…). Only these five
# entities are known to every service: GNOME Shell turns any other `&` (such as `&#39;`) into `&amp;`. And
# notify-send reads a body's backslashes as C escapes (`\n`, `\033`), so a backslash is given doubled.
BODY_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;", "\\": "\\\\"}
)


def notify_send_arguments(command: str, title: str, body: str) -> list[str]:
    """What runs `command` (notify-send) to show `title` and `body` as they are written, never obeyed.

    A routine's name from a shared file reaches the body: the markup and backslashes it could hold are
    escaped, and so, as on every screen, is what is not printable (controls, bidi overrides, zero-width
    characters). The title is plain text to the spec and to notify-send, so it is only made printable.
    """
    return [command, "--app-name=backfit", "--", literal(title), literal(body).translate(BODY_ESCAPES)]


def notify_desktop(title: str, body: str) -> bool:
    """Show a notification; False when there is no `notify-send` or no service took it (ring the bell then).

    Blocks until the service answers: call it off the event loop.
    """
    command = shutil.which("notify-send")
    if command is None:
        return False
    try:
        done = subprocess.run(
            notify_send_arguments(command, title, body),
            stdin=subprocess.DEVNULL, capture_output=True, timeout=NOTIFY_TIMEOUT_S,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0
