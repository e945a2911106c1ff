"""Mounting a small or read-only file system for a test, where the tests may mount (as root)."""

from __future__ import annotations

import contextlib
import subprocess
from pathlib import Path

import pytest


@contextlib.contextmanager
def mounted(*commands: list[str]):
    """Run mount commands, or skip the test where mounting is not permitted; unmount at the end."""
    done = []
    try:
        for command in commands:
            if subprocess.run(command, capture_output=True).returncode != 0:
                pytest.skip(f"cannot mount here ({' '.join(command)})")
            if "remount" not in command[2]:
                done.append(command[-1])
        yield
    finally:
        for target in reversed(done):
            subprocess.run(["umount", target], check=True)


def read_only_view(folder: Path, view: Path) -> contextlib.AbstractContextManager:
    """`folder` shown again at `view`, read-only to everyone, root too (a bind mount remounted read-only)."""
    return mounted(["mount", "--bind", str(folder), str(view)], ["mount", "-o", "remount,ro,bind", str(view)])
