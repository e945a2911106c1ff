"""A due break's desktop notification, shown by a real notification service (dunst, on a virtual X
display) on a private D-Bus session; and the bell's turn when no service is there to show it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ElementTree

import pytest

NEEDED = ("dbus-run-session", "xvfb-run", "dunst", "dunstctl", "notify-send")
pytestmark = pytest.mark.skipif(
    any(shutil.which(program) is None for program in NEEDED),
    reason="needs " + ", ".join(NEEDED) + " (.ci/run installs dbus, xvfb, dunst and libnotify-bin)",
)

# Run inside the private session: start the service, wait until it owns its name, notify, then read
# what the service received from its history (a notification enters it once closed).
NOTIFY = textwrap.dedent(
    """
    import json, subprocess, sys, time
    from backfit_tui.audio.desktop_notice import notify_desktop

    if sys.argv[1] == "with a service":
        subprocess.Popen(["dunst"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        end = time.monotonic() + 10
        while subprocess.run(["dunstctl", "count"], capture_output=True).returncode != 0:
            assert time.monotonic() < end, "dunst never took the notifications' name"
            time.sleep(0.1)
    shown = notify_desktop("Time for a break", sys.argv[2])
    history = []
    if shown:
        subprocess.run(["dunstctl", "close-all"], check=True)
        time.sleep(0.3)
        history = json.loads(subprocess.run(["dunstctl", "history"], capture_output=True, check=True).stdout)
        history = [{key: n[key]["data"] for key in ("appname", "summary", "message")} for n in history["data"][0]]
    print(json.dumps({"shown": shown, "history": history}))
    """
)


def notify_in_private_session(service: str, body: str = "Desk break: Enter in backfit starts it") -> dict:
    """Notify on a private D-Bus session; "with a service", dunst shows it on a virtual display. Without a
    display, no service can start there (not even by D-Bus activation, as dunst's package allows)."""
    display = ["xvfb-run", "-a"] if service == "with a service" else []
    no_display = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [*display, "dbus-run-session", "--", sys.executable, "-c", NOTIFY, service, body],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL, env=no_display,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def shown_text(message: str) -> str:
    """What a person reads of dunst's message: it is Pango markup (its tags drawn, its entities decoded)."""
    return "".join(ElementTree.fromstring(f"<markup>{message}</markup>").itertext())


def test_a_due_break_is_shown_by_the_desktops_notification_service():
    result = notify_in_private_session("with a service")
    assert result == {
        "shown": True,
        "history": [{"appname": "backfit", "summary": "Time for a break",
                     "message": "<b>Time for a break</b>\nDesk break: Enter in backfit starts it"}],
    }  # fmt: skip


def test_a_routines_name_is_shown_as_it_is_written_never_as_links_images_or_escapes():
    name = "<a href='http://e.vil/'>click</a><img src='file:///x'> &amp; \u202e\x1b[2J \\033[2J"
    result = notify_in_private_session("with a service", f"{name}: Enter in backfit starts it")
    (notice,) = result["history"]
    assert shown_text(notice["message"]) == (
        "Time for a break\n<a href='http://e.vil/'>click</a><img src='file:///x'> &amp; \\u202e\\x1b[2J \\033[2J: "
        "Enter in backfit starts it"
    )


def test_without_a_notification_service_it_says_so_and_the_bell_rings_instead():
    assert notify_in_private_session("without one") == {"shown": False, "history": []}
