"""Running the installed `backfit` command as a person would, in its own process."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

# Root's capabilities to read, write and search past a file's mode; without them root is held to the mode as
# the file's owner is, which is how a person's own account meets a file of its own.
ROOT_OVERRIDE = "-dac_override,-dac_read_search"


def backfit_script() -> str:
    """The `backfit` console script installed beside this Python."""
    beside = Path(sys.executable).with_name("backfit")
    found = str(beside) if beside.exists() else shutil.which("backfit")
    assert found, "the backfit console script is not installed"
    return found


def cannot_run_as_a_person() -> str:
    """Why a program cannot be run here without root's override of file modes ("" when it can)."""
    if os.geteuid() != 0 or shutil.which("setpriv"):
        return ""
    return "running as root, and setpriv (util-linux) is not here to drop root's override of file modes"


def as_a_person(argv: list[str]) -> list[str]:
    """`argv` run as a person's own account meets its files: a file's mode holds, even for root (skips the test
    when that cannot be done)."""
    if os.geteuid() != 0:
        return argv
    if why := cannot_run_as_a_person():
        pytest.skip(why)
    return ["setpriv", f"--bounding-set={ROOT_OVERRIDE}", f"--inh-caps={ROOT_OVERRIDE}", *argv]
