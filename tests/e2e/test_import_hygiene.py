"""What the layers' contracts cannot see: which libraries a command really loads, and that importing
writes nothing. The contracts themselves are checked by running `lint-imports`, as the test
command does, and shown to fail on a copy of the package given a forbidden import.

import-linter reads the import statements; it cannot tell which of them run. Each check of a
command therefore runs it in a fresh interpreter, so that what this test session already imported
does not count. A meta-path hook there refuses every import of the watched libraries, so even a
guarded `try: import textual` is caught, and the check means something whether or not they are
installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

# Textual draws the screen; playsound3 probes every sound backend when imported; sqlite3 is the history.
TEXTUAL_AND_SOUND = ("textual", "playsound3")
HISTORY = ("sqlite3", "_sqlite3")
MEDIANS = ("statistics",)  # with decimal, fractions and random: only where there are ratings to weigh

# The quick commands, which never open the screen: those that leave the history alone, then those that read it.
OFFLINE_COMMANDS = [["list", "--json"], ["list"], ["show", "floor-stretch"], ["exercises"],
                    ["validate", "ROUTINES/floor-stretch.toml"], ["exercises", "bird-dog"],
                    ["show", "floor-stretch", "--figures"], ["validate"]]  # fmt: skip
HISTORY_COMMANDS = [["history"], ["history", "--json"], ["history", "--check"], ["stats"], ["progress", "--json"], ["status"], ["status", "--json"]]

# Records and refuses any import of WATCHED, then runs BODY, then prints what it saw as JSON.
HARNESS = textwrap.dedent(
    """
    import json, sys

    watched = {watched!r}
    attempted = []

    class Refuse:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in watched:
                attempted.append(name)
                raise ImportError(name + " is not allowed here")
            return None

    sys.meta_path.insert(0, Refuse())
    {body}
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in watched)
    print("\\n" + json.dumps({{"attempted": attempted, "loaded": loaded}}))
    """
)


def run_python(
    body: str, watched: tuple[str, ...] = TEXTUAL_AND_SOUND, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess:
    code = HARNESS.format(body=textwrap.dedent(body), watched=watched)
    merged = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=merged, cwd=cwd,
        stdin=subprocess.DEVNULL,
    )  # fmt: skip


def import_report(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, f"subprocess failed:\n{result.stdout}\n{result.stderr}"
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_command(argv: list[str], watched: tuple[str, ...]) -> dict:
    """Run `backfit ARGV` in a fresh interpreter watching `watched`; what it tried to import and loaded."""
    from backfit_tui.store.locations import bundled_routines_dir

    argv = [a.replace("ROUTINES", str(bundled_routines_dir())) for a in argv]
    # Call the console script's entry point itself, in the interpreter the hook is in.
    body = f"""
    from backfit_tui.cli import command as cli
    status = cli.main({argv!r})
    assert status == 0, status
    """
    return import_report(run_python(body, watched))


@pytest.mark.parametrize("argv", OFFLINE_COMMANDS + HISTORY_COMMANDS, ids=" ".join)
def test_quick_commands_do_not_import_textual_or_the_sound_library(argv):
    assert run_command(argv, TEXTUAL_AND_SOUND) == {"attempted": [], "loaded": []}


@pytest.mark.parametrize("argv", OFFLINE_COMMANDS, ids=" ".join)
def test_commands_that_do_not_read_the_history_do_not_import_sqlite3(argv):
    assert run_command(argv, HISTORY) == {"attempted": [], "loaded": []}


def test_status_beside_a_running_reminder_reads_its_file_alone(tmp_path):
    """The console script's way to `backfit status`, run by a status bar every few seconds: with a reminder
    running, neither Textual nor the sound library nor even the history's sqlite3 is loaded."""
    state = {"pid": os.getpid(), "started": None, "state": "counting", "due_at": 4e9,
             "today": 0, "this_week": 1, "goal": 3}  # fmt: skip
    (tmp_path / "reminder.json").write_text(json.dumps(state), encoding="utf-8")
    body = """
    import sys
    from backfit_tui.cli.launch import main
    sys.argv = ["backfit", "status"]
    assert main() == 0
    """
    forbidden = TEXTUAL_AND_SOUND + HISTORY + MEDIANS
    report = import_report(run_python(body, forbidden, env={"BACKFIT_DATA_DIR": str(tmp_path)}))
    assert report == {"attempted": [], "loaded": []}


def test_status_without_a_reminder_reads_the_history_once_while_it_does_not_change(tmp_path):
    """Without a reminder, the first `backfit status` reads the history; the next, with the history and the
    settings as they were, reads what the first kept, without sqlite3."""
    body = """
    import sys
    from backfit_tui.cli.launch import main
    sys.argv = ["backfit", "status"]
    assert main() == 0
    """
    from support.history_helpers import add_session

    from backfit_tui.store.history.store import HistoryStore

    store = HistoryStore(tmp_path / "history.sqlite3")
    add_session(store, 1_780_000_000.0)
    store.close()
    env = {"BACKFIT_DATA_DIR": str(tmp_path)}
    report = import_report(run_python(body, TEXTUAL_AND_SOUND + MEDIANS, env=env))
    assert report == {"attempted": [], "loaded": []}
    assert (tmp_path / "status-cache.json").exists()  # the first read the history, and kept what it read
    assert import_report(run_python(body, TEXTUAL_AND_SOUND + HISTORY, env=env)) == {"attempted": [], "loaded": []}


def lint_imports(config: Path, cwd: Path) -> subprocess.CompletedProcess:
    """Run the venv's `lint-imports` on `config` from `cwd`, where the root package is imported from."""
    assert LINT_IMPORTS.exists(), f"no {LINT_IMPORTS}: install the test extras"
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(config)], capture_output=True, text=True, timeout=120,
        cwd=cwd, env={**os.environ, "PYTHONPATH": str(cwd)}, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def contract_names() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return [contract["name"] for contract in config["tool"]["importlinter"]["contracts"]]


def test_lint_imports_keeps_every_contract():
    result = lint_imports(ROOT / "pyproject.toml", ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in contract_names():
        assert f"{name} KEPT" in result.stdout


@pytest.mark.parametrize(
    ("module", "statement", "contract", "reported"),
    [
        ("core/model.py", "import textual", "The core is pure Python", "backfit_tui.core.model -> textual"),
        ("core/formatting.py", "from ..store import atomic", "Layers", "backfit_tui.core.formatting -> backfit_tui.store.atomic"),
        ("store/atomic.py", "import rich", "The store and audio draw nothing", "backfit_tui.store.atomic -> rich"),
    ],
    ids=["core imports textual", "core imports the store", "store imports rich"],
)
def test_lint_imports_reports_a_broken_contract(tmp_path, module, statement, contract, reported):
    """On a copy of the package given one forbidden import, the contract that forbids it is broken."""
    shutil.copytree(ROOT / "backfit_tui", tmp_path / "backfit_tui", ignore=shutil.ignore_patterns("__pycache__"))
    config = shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    broken = tmp_path / "backfit_tui" / module
    broken.write_text(broken.read_text(encoding="utf-8") + f"\n{statement}\n", encoding="utf-8")

    result = lint_imports(config, tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    (name,) = [name for name in contract_names() if name.startswith(contract)]
    assert f"{name} BROKEN" in result.stdout
    assert reported in result.stdout


@pytest.mark.parametrize("argv", [["list"], ["status"], ["show", "floor-stretch"], ["exercises"]], ids=" ".join)
def test_commands_that_draw_no_figure_load_none(argv):
    """The figures (their file, the body and its drawing) are loaded only by what draws one."""
    code = (f"import sys; from backfit_tui.cli import command; command.main({argv!r}); "
            "print(sorted(m for m in sys.modules if 'figure' in m), file=sys.stderr)")  # fmt: skip
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stderr.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("module", ["backfit_tui.tui.messages", "backfit_tui.tui.app"])
def test_the_screens_messages_and_the_app_that_routes_them_import_no_screen_shown_later(module):
    """The App routes the screens' messages by class from the one cheap module: neither imports a screen
    beyond the menu (and the cover it may need at once), so those shown later cost nothing at start-up."""
    code = f"import sys, {module}; print(sorted(m for m in sys.modules if m.startswith('backfit_tui.tui.screens.')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    screens = {"backfit_tui.tui.messages": [], "backfit_tui.tui.app": ["menu", "too_small"]}[module]
    assert result.stdout.strip() == str([f"backfit_tui.tui.screens.{name}" for name in screens])


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
    import backfit_tui.store.routines.catalog
    locations.data_dir(); locations.user_routines_dir(); locations.settings_file(); locations.history_file()
    """
    import_report(run_python(body, env=env, cwd=tmp_path))
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
    import backfit_tui.store.routines.catalog
    assert str(locations.data_dir()).startswith(os.environ["HOME"]), locations.data_dir()
    """
    import_report(run_python(body, env=env, cwd=tmp_path))
    assert list(home.rglob("*")) == []
