"""A real terminal for end-to-end tests: a detached tmux session on its own server."""

from __future__ import annotations

import os
import subprocess
import time
import uuid

import pytest


class Terminal:
    """A detached tmux session on its own server, running one command."""

    def __init__(self, command: list[str], env: dict[str, str], width: int = 80, height: int = 24) -> None:
        """Run `command` with `env` added to this process's environment, in the test's home.

        A shell there keeps no history: an empty $HISTFILE tells bash not to save one.
        """
        self.socket = f"backfit-test-{uuid.uuid4().hex[:8]}"
        env = {"HOME": os.environ["HOME"], "HISTFILE": "", **env}
        settings = [arg for name, value in env.items() for arg in ("-e", f"{name}={value}")]
        # The pane is sized before the command starts: a resize that lands while an app is still
        # starting (before it listens for SIGWINCH) would leave it drawing for the wrong size.
        self.tmux("-f", "/dev/null", "new-session", "-d", "-x", str(width), "-y", str(height), "sleep 600")
        self.tmux("set-option", "-g", "default-size", f"{width}x{height}")
        self.tmux("set-option", "-g", "window-size", "manual")  # no client may resize it later
        self.tmux("resize-window", "-x", str(width), "-y", str(height))
        self.tmux("set-option", "-w", "remain-on-exit", "on")
        size = f"{width}x{height}"
        while self.tmux("display-message", "-p", "#{pane_width}x#{pane_height}").strip() != size:
            time.sleep(0.05)
        self.tmux("respawn-pane", "-k", *settings, *command)

    def tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=10)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p")

    def press(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", key)
            time.sleep(0.05)  # one key at a time, as typed

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        """The screen once it shows `text`; fails with the screen as it was if it never does."""
        end = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > end:
                pytest.fail(f"{text!r} never appeared; the screen was:\n{screen}")
            time.sleep(0.1)

    def wait_for_exit(self, timeout: float = 10.0) -> None:
        """Return once the command has ended; fail with the screen as it was if it never does."""
        end = time.monotonic() + timeout
        while self.tmux("display-message", "-p", "#{pane_dead}").strip() != "1":
            assert time.monotonic() < end, self.screen()
            time.sleep(0.1)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
