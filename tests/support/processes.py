"""Running the installed `backfit` command as a person would, in its own process."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def backfit_script() -> str:
    """The `backfit` console script installed beside this Python."""
    beside = Path(sys.executable).with_name("backfit")
    found = str(beside) if beside.exists() else shutil.which("backfit")
    assert found, "the backfit console script is not installed"
    return found
