"""The README's test prerequisites are the system packages `.ci/run` installs."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).parents[2]


def ci_packages() -> list[str]:
    """The packages `.ci/run` installs, as bash reads its `packages=( … )` list."""
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    listing = run[run.index("packages=(") : run.index("\n)\n", run.index("packages=(")) + 2]
    listed = subprocess.run(["bash", "-c", f'{listing}\nprintf "%s\\n" "${{packages[@]}}"'], cwd=ROOT,
                            capture_output=True, text=True, check=True)  # fmt: skip
    return listed.stdout.split()


def readme_prerequisites() -> list[str]:
    """The packages the README's test-prerequisites line installs (in the code block under its marker)."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    marker = next(n for n, line in enumerate(lines) if line.startswith("<!-- test-prerequisites"))
    command = lines[marker + 2]  # under the code block's opening fence
    assert command.startswith("sudo apt-get install "), command
    return command.removeprefix("sudo apt-get install ").split()


def test_the_readme_names_exactly_the_packages_ci_installs():
    assert "tmux" in ci_packages()  # read from .ci/run, comments left out
    assert readme_prerequisites() == ci_packages()
