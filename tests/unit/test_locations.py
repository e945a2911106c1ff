"""Where backfit keeps its files: the platform's folders, or wherever $BACKFIT_DATA_DIR moves them,
made only when first needed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from backfit_tui.store import locations
from backfit_tui.store.routines.routine_files import load_library, load_routine
from backfit_tui.store.settings import Settings, load_settings


def test_backfit_data_dir_moves_every_user_path(monkeypatch, tmp_path):
    moved = tmp_path / "elsewhere"
    monkeypatch.setenv("BACKFIT_DATA_DIR", str(moved))
    assert locations.data_dir() == moved
    assert locations.user_routines_dir() == moved / "routines"
    assert locations.settings_file() == moved / "settings.toml"
    assert locations.history_file() == moved / "history.sqlite3"
    assert locations.speech_cache_dir() == moved / "cache" / "speech"
    assert not moved.exists(), "asking for paths must not create them"


def test_backfit_data_dir_expands_the_home_directory(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("BACKFIT_DATA_DIR", "~/backfit-data")
    assert locations.data_dir() == tmp_path / "backfit-data"
    assert locations.settings_file() == tmp_path / "backfit-data" / "settings.toml"


def test_empty_backfit_data_dir_means_the_platform_default(monkeypatch):
    import platformdirs

    monkeypatch.setenv("BACKFIT_DATA_DIR", "")
    assert locations.data_dir() == Path(platformdirs.user_data_dir("backfit", appauthor=False))
    assert locations.cache_dir() == Path(platformdirs.user_cache_dir("backfit", appauthor=False))


def test_settings_file_under_a_moved_data_dir_loads_the_defaults_when_missing(monkeypatch, tmp_path):
    monkeypatch.setenv("BACKFIT_DATA_DIR", str(tmp_path / "data"))
    assert load_settings(locations.settings_file()) == Settings()


def test_settings_file_under_a_moved_data_dir_is_read(monkeypatch, tmp_path):
    monkeypatch.setenv("BACKFIT_DATA_DIR", str(tmp_path / "data"))
    locations.ensure_dir(locations.data_dir())
    locations.settings_file().write_text("get_ready = 12\n", encoding="utf-8")
    assert load_settings(locations.settings_file()) == Settings(get_ready=12)


def test_bundled_routines_dir_holds_the_routines():
    folder = locations.bundled_routines_dir()
    assert folder.is_dir()
    ids = {path.stem for path in folder.glob("*.toml")}
    assert {"floor-stretch", "desk-break", "six-strengtheners"} <= ids


def test_bundled_library_file_exists_and_serves_every_bundled_routine():
    library_file = locations.bundled_library_file()
    assert library_file.is_file()
    library = load_library(library_file)
    for path in locations.bundled_routines_dir().glob("*.toml"):
        assert load_routine(path, library).id == path.stem


def test_ensure_dir_creates_missing_parents_and_is_idempotent(tmp_path):
    target = tmp_path / "a" / "b" / "routines"
    assert locations.ensure_dir(target) == target
    assert target.is_dir()
    assert locations.ensure_dir(target) == target


def test_asking_for_user_paths_creates_no_directory(monkeypatch, tmp_path):
    folder = tmp_path / "fresh"
    folder.mkdir()
    monkeypatch.setenv("BACKFIT_DATA_DIR", str(folder / "data"))
    locations.data_dir(), locations.user_routines_dir(), locations.settings_file(), locations.history_file()
    assert list(folder.iterdir()) == []


def test_importing_locations_creates_no_directory(tmp_path):
    # A fresh interpreter with an empty home: neither the import nor asking for the platform
    # default paths may create anything.
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "BACKFIT_DATA_DIR" and not k.startswith("XDG_")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(tmp_path / "xdg"))
    code = (
        "import backfit_tui.store.locations as l\n"
        "print(l.data_dir(), l.user_routines_dir(), l.settings_file(), l.history_file())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert str(tmp_path / "xdg") in result.stdout or sys.platform != "linux"
    assert list(home.iterdir()) == []
    assert not (tmp_path / "xdg").exists()
