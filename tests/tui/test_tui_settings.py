"""The settings file as the screen meets it: a file that cannot be read is said on screen, once,
and `m` never rewrites it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support.fake_clock import FakeClock
from support.recording_player import RecordingPlayer
from support.tui_helpers import short_routine_app

from backfit_tui.audio import playsound_player
from backfit_tui.cli import command as cli
from backfit_tui.store.catalog import load_catalog
from backfit_tui.tui.app import BackfitApp

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
    return cli.tui_app(cli.build_parser().parse_args(argv), load_catalog())


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
        assert app.chimes.muted
        assert messages(app)[-1] == f"Chimes off for this session only, not remembered: {problem}"
    assert what_is_there(path) == before
