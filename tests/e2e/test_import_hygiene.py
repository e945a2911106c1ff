"""The core modules and the quick commands never import Textual or playsound3 (whose import probes
every sound backend), and importing writes nothing.

Each check runs in a fresh interpreter so that what this test session already imported does not
count. A meta-path hook there refuses every import of either, so even a guarded `try: import
textual` is caught, and the check means something whether or not they are installed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

CORE_MODULES = [
    "backfit_tui.core.model",
    "backfit_tui.store.validation",
    "backfit_tui.store.key_lines",
    "backfit_tui.store.routines",
    "backfit_tui.core.timeline",
    "backfit_tui.core.engine",
    "backfit_tui.core.records",
    "backfit_tui.store.catalog",
    "backfit_tui.store.locations",
    "backfit_tui.store.settings",
    "backfit_tui.core.formatting",
    "backfit_tui.cli.plain",
    "backfit_tui.cli.command",
    "backfit_tui.core.chime_map",
    "backfit_tui.core.wording",
    "backfit_tui.audio.chime_player",
    "backfit_tui.audio.playsound_player",
    "backfit_tui.core.outcome",
    "backfit_tui.store.safety",
    "backfit_tui.store.history",
    "backfit_tui.store.history_file",
    "backfit_tui.store.stats",
    "backfit_tui.reports.history_report",
    "backfit_tui.cli.history_commands",
    "backfit_tui.cli.pipes",
]

# Records and refuses any import of textual, then runs BODY, then prints what it saw as JSON.
HARNESS = textwrap.dedent(
    """
    import importlib, json, sys

    attempted = []

    class RefuseTextual:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("textual", "playsound3"):
                attempted.append(name)
                raise ImportError("textual is not allowed here")
            return None

    sys.meta_path.insert(0, RefuseTextual())
    {body}
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "playsound3"))
    print("\\n" + json.dumps({{"attempted": attempted, "loaded": loaded}}))
    """
)


def run_python(body: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    code = HARNESS.format(body=textwrap.dedent(body))
    merged = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=merged, cwd=cwd,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip


def textual_report(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, f"subprocess failed:\n{result.stdout}\n{result.stderr}"
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_core_modules_do_not_import_textual():
    body = "\n".join(f"importlib.import_module({name!r})" for name in CORE_MODULES)
    report = textual_report(run_python(body))
    assert report == {"attempted": [], "loaded": []}


@pytest.mark.parametrize(
    "argv",
    [["list", "--json"], ["list"], ["show", "floor-stretch"], ["exercises"], ["validate", "ROUTINES/floor-stretch.toml"],
     ["history"], ["history", "--json"], ["history", "--check"], ["stats"]],
    ids=lambda argv: " ".join(argv),
)
def test_quick_commands_do_not_import_textual(argv):
    from backfit_tui.store.locations import bundled_routines_dir

    argv = [a.replace("ROUTINES", str(bundled_routines_dir())) for a in argv]
    # There is no backfit_tui/__main__.py, so call the console script's entry point directly.
    body = f"""
    from backfit_tui.cli import command as cli
    status = cli.main({argv!r})
    assert status == 0, status
    """
    report = textual_report(run_python(body))
    assert report == {"attempted": [], "loaded": []}



@pytest.mark.parametrize("argv", [["list"], ["show", "floor-stretch"], ["exercises"]], ids=" ".join)
def test_commands_without_the_history_do_not_load_sqlite3(argv):
    body = f"""
    from backfit_tui.cli import command as cli
    assert cli.main({argv!r}) == 0
    assert "sqlite3" not in sys.modules
    """
    textual_report(run_python(body))

def test_importing_locations_and_catalog_writes_nothing(tmp_path):
    """Importing (and asking where things are) creates no data directory, moved or default."""
    moved = tmp_path / "moved-data"
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "BACKFIT_DATA_DIR": str(moved),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }
    body = """
    import backfit_tui.store.locations as locations
    import backfit_tui.store.catalog
    locations.data_dir(); locations.user_routines_dir(); locations.settings_file(); locations.history_file()
    """
    textual_report(run_python(body, env=env, cwd=tmp_path))
    assert not moved.exists()
    assert list(home.rglob("*")) == []


def test_importing_with_the_default_data_dir_writes_nothing(tmp_path):
    """Without BACKFIT_DATA_DIR, the platform's default folder is still not created by importing."""
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }
    body = """
    import os
    os.environ.pop("BACKFIT_DATA_DIR", None)
    import backfit_tui.store.locations as locations
    import backfit_tui.store.catalog
    assert str(locations.data_dir()).startswith(os.environ["HOME"]), locations.data_dir()
    """
    textual_report(run_python(body, env=env, cwd=tmp_path))
    assert list(home.rglob("*")) == []
