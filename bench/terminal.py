"""A real terminal for the benchmarks: one pane of a fixed size on a private tmux server."""

from __future__ import annotations

import os
import platform
import subprocess
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def tmux(socket: str, *args: str, check: bool = True) -> str:
    """Run one tmux command against the private server on `socket` and return what it printed."""
    return subprocess.run(["tmux", "-L", socket, "-f", "/dev/null", *args],
                          capture_output=True, text=True, check=check).stdout  # fmt: skip


@dataclass(frozen=True)
class Pane:
    socket: str
    started: float  # time.perf_counter() just before the command was launched

    def screen(self) -> str:
        """What the pane shows now (CalledProcessError once the command and its server are gone)."""
        return tmux(self.socket, "capture-pane", "-p")

    def pid(self) -> int:
        return int(tmux(self.socket, "display-message", "-p", "#{pane_pid}"))

    def press(self, *keys: str) -> None:
        tmux(self.socket, "send-keys", *keys)


@contextmanager
def pane(command: list[str], env: Mapping[str, str], width: int = 100, height: int = 30) -> Iterator[Pane]:
    """Run `command` (with `env` added) in a `width`x`height` pane; the server is gone afterwards.

    The pane is sized before the command starts, and no client may resize it later. The command's
    stderr stays on the pane: Textual draws its screen there.
    """
    socket = f"backfit-bench-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    tmux(socket, "new-session", "-d", "-x", str(width), "-y", str(height), "sleep 600")
    socket_file = Path(tmux(socket, "display-message", "-p", "#{socket_path}").strip())
    try:
        tmux(socket, "set-option", "-g", "window-size", "manual")
        variables = [arg for name, value in env.items() for arg in ("-e", f"{name}={value}")]
        started = time.perf_counter()
        tmux(socket, "respawn-pane", "-k", *variables, *command)
        yield Pane(socket, started)
    finally:
        tmux(socket, "kill-server", check=False)  # gone already if the command exited
        socket_file.unlink(missing_ok=True)  # tmux leaves its socket behind


def machine() -> str:
    """Platform, CPU count, Python and tmux versions, on one line."""
    tmux_version = subprocess.run(["tmux", "-V"], capture_output=True, text=True, check=True).stdout.strip()
    return (f"{platform.platform()}, {os.cpu_count()} CPUs, {platform.python_implementation()}"
            f" {platform.python_version()}, {tmux_version}")  # fmt: skip
