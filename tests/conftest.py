"""Shared fixtures: every test gets its own empty home and data directory and a quiet voice, a way to
write routine files, and the bundled exercise library.
"""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from backfit_tui.store.locations import DATA_DIR_VARIABLE, bundled_library_file
from backfit_tui.store.routines.routine_files import load_library
from backfit_tui.store.settings import SOUND_BACKEND_VARIABLE, VOICE_VARIABLE

XDG_HOME_VARIABLES = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


def new_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point $HOME at a fresh, empty folder and the XDG folders at a fresh folder beside it; return the home."""
    path = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(path))
    beside = tmp_path_factory.mktemp("xdg")
    for variable in XDG_HOME_VARIABLES:
        monkeypatch.setenv(variable, str(beside / variable.lower()))
    return path


@pytest.fixture(scope="session", autouse=True)
def away_from_the_real_home(tmp_path_factory: pytest.TempPathFactory):
    """A home for the whole run, for what fixtures shared by many tests run (pip building a wheel caches it)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        new_home(tmp_path_factory, monkeypatch)
        yield


@pytest.fixture(autouse=True)
def home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty $HOME, with $XDG_CONFIG_HOME and the other XDG folders in a fresh folder beside it.

    Whatever a test runs (a shell in tmux, a speech engine whose sound library keeps a folder in
    $XDG_CONFIG_HOME) writes there, never into the home of the person running the tests.
    """
    return new_home(tmp_path_factory, monkeypatch)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty data directory in $BACKFIT_DATA_DIR, so no developer's own data leaks in.

    monkeypatch restores the variable afterwards, even when a test (`--data-dir`) changed it.
    """
    path = tmp_path / "data"
    path.mkdir()
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(path))
    return path


@pytest.fixture(autouse=True)
def true_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app draws in true colour, as in a modern terminal, whatever terminal runs the tests.

    Textual picks its colours from $COLORTERM and $TERM; in 16 colours backfit changes its theme
    (tests/tui/test_few_colours.py asks for that).
    """
    monkeypatch.setenv("COLORTERM", "truecolor")


@pytest.fixture(autouse=True)
def quiet_voice(monkeypatch: pytest.MonkeyPatch) -> None:
    """$BACKFIT_VOICE set to "off", so a speech engine installed here speaks only in the tests that ask for it.

    The tests of the voice set the variable again, or the setting through a stand-in speech.
    """
    monkeypatch.setenv(VOICE_VARIABLE, "off")


@pytest.fixture(autouse=True)
def sound_from_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """No $PLAYSOUND3_BACKEND, which would win over the `sound_backend` a test's settings file chooses."""
    monkeypatch.delenv(SOUND_BACKEND_VARIABLE, raising=False)


@pytest.fixture
def write_routine(tmp_path: Path):
    """`write_routine(text, path="routine.toml")`: write dedented TOML to `path` and return it.

    A relative `path` is taken inside tmp_path; missing folders are created.
    """

    def write(text: str, path: str | Path = "routine.toml") -> Path:
        target = Path(path)
        if not target.is_absolute():
            target = tmp_path / target
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return target

    return write


@pytest.fixture(scope="module")
def library():
    """The bundled exercise library, loaded once per test module."""
    return load_library(bundled_library_file())


@pytest.fixture
def umask():
    """`umask(mask)` sets the process's umask, as the shell's `umask` does, until the test ends."""
    previous = os.umask(0o022)
    os.umask(previous)
    yield os.umask
    os.umask(previous)
