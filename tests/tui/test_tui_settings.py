"""The settings file as the screen meets it: a file that cannot be read is said on screen, once,
and `m` never rewrites it; a theme picked from the palette is remembered there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.fake_clock import FakeClock
from support.recording_player import RecordingPlayer
from support.tui_helpers import make_app, short_routine_app

from backfit_tui.audio import playsound_player
from backfit_tui.cli import command as cli
from backfit_tui.core.clocks import Clocks
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.tui.app import BackfitApp
from backfit_tui.tui.factory import THEMES

# How to break the settings file, and the problem backfit then names after its path.
UNREADABLE_SETTINGS = {
    "not TOML": (
        lambda path: path.write_text("get_ready = 0\nget_ready = \n"),
        ":2:13: invalid TOML: Invalid value; fix the syntax at this spot",
    ),
    "not UTF-8": (
        lambda path: path.write_bytes(b"# r\xe9glages\nmute = false\n"),
        ":1: is not UTF-8 text (byte 0xe9); save it as UTF-8",
    ),
    "a link to itself": (
        lambda path: path.symlink_to(path.name),
        ": is a symbolic link that loops; point it at a file, or remove it",
    ),
}


@pytest.fixture(params=UNREADABLE_SETTINGS.values(), ids=list(UNREADABLE_SETTINGS))
def unreadable_settings(request, data_dir) -> tuple[Path, str]:
    """A settings file that cannot be read, and the problem backfit names."""
    make, problem = request.param
    path = data_dir / "settings.toml"
    make(path)
    return path, f"{path}{problem}"


def app_built_by_backfit(monkeypatch, *argv: str) -> BackfitApp:
    """The app `backfit ARGV` builds, not yet running, with a player that only records."""
    monkeypatch.setattr(playsound_player, "make_player", lambda settings: RecordingPlayer())
    clocks = Clocks(monotonic=FakeClock(100.0), wall=FakeClock(1_780_000_000.0))
    return cli.tui_app(cli.build_parser().parse_args(argv), load_catalog(), clocks)


def what_is_there(path: Path) -> tuple[str, str | bytes]:
    return ("link to", os.readlink(path)) if path.is_symlink() else ("file holding", path.read_bytes())


def messages(app: BackfitApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_a_settings_file_that_cannot_be_read_is_said_once_on_screen(monkeypatch, capsys, unreadable_settings):
    _, problem = unreadable_settings
    app = app_built_by_backfit(monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        said = [message for message in messages(app) if "settings.toml" in message]
    assert said == [f"{problem}; the default settings are used until it is fixed"]
    assert capsys.readouterr().err == ""  # not also behind the screen, seen only after quitting


async def test_m_mutes_but_never_rewrites_a_settings_file_that_cannot_be_read(unreadable_settings):
    path, problem = unreadable_settings
    before = what_is_there(path)
    app = short_routine_app(load_catalog(), FakeClock(100.0), player=RecordingPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        assert app.state.sounds.chimes.muted
        assert messages(app)[-1] == f"Chimes off for this session only, not remembered: {problem}"
    assert what_is_there(path) == before


# --- the theme -------------------------------------------------------------------------------


async def pick_theme(pilot, name: str) -> None:
    """Pick `name` from the command palette's "Change theme", as a person does."""
    await pilot.press("ctrl+p", *"theme")
    await pilot.pause(0.3)  # the palette searches in the background
    await pilot.press("enter", *name)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def test_a_theme_picked_from_the_palette_is_saved_and_used_at_the_next_start(monkeypatch, data_dir):
    path = data_dir / "settings.toml"
    path.write_text("# mine\nget_ready = 3\n")
    app = app_built_by_backfit(monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pick_theme(pilot, "nord")
        assert app.theme == "nord"
    assert path.read_text() == 'theme = "nord"\n# mine\nget_ready = 3\n'
    again = app_built_by_backfit(monkeypatch)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "nord" and again.current_theme.name == "nord"
        assert messages(again) == []


async def test_starting_with_the_theme_already_set_writes_nothing(monkeypatch, data_dir):
    app = app_built_by_backfit(monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert not (data_dir / "settings.toml").exists()


async def test_a_theme_the_app_does_not_have_is_a_warning_on_screen_and_the_default_is_used(monkeypatch, data_dir):
    path = data_dir / "settings.toml"
    path.write_text('theme = "nrod"\n')
    app = app_built_by_backfit(monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        (said,) = messages(app)
        assert app.theme == "textual-dark"
    assert said.startswith(f'{path}:1: theme: must be one of "textual-dark", "textual-light", "nord", ')
    assert said.endswith(', got "nrod"; the default, "textual-dark", is used until it is fixed')


async def test_a_theme_picked_while_the_settings_file_cannot_be_read_is_used_but_not_saved(unreadable_settings):
    path, problem = unreadable_settings
    before = what_is_there(path)
    app = make_app(load_catalog())
    async with app.run_test(size=(80, 24)) as pilot:
        await pick_theme(pilot, "gruvbox")
        assert app.theme == "gruvbox"
        assert messages(app)[-1] == f"The gruvbox theme for this session only, not remembered: {problem}"
    assert what_is_there(path) == before


def test_the_settings_may_name_every_theme_the_app_offers():
    assert set(make_app(load_catalog()).available_themes) == set(THEMES)
