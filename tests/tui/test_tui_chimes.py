"""The session screen's chimes: played as the engine's moments come, muted with `m` (remembered),
seen as a flash when muted.
"""

from __future__ import annotations

import shutil
import sys

import pytest
from support.fake_clock import FakeClock
from support.recording_player import RecordingPlayer
from support.tui_helpers import advance, make_app, short_routine_app

from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.store.settings import load_settings
from backfit_tui.tui.screens.session import SessionScreen


async def test_the_screen_chimes_through_the_get_ready_into_the_hold():
    clock, player = FakeClock(100.0), RecordingPlayer()
    async with short_routine_app(load_catalog(), clock, player=player).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert player.played == []  # a 3 s get-ready counts 2, 1, then the hold starts
        await advance(pilot, clock, 1)
        await advance(pilot, clock, 1)
        await advance(pilot, clock, 1)
        assert player.played == ["countdown", "countdown", "work_start"]


async def test_m_mutes_and_remembers_it_in_the_settings_file(data_dir):
    clock, player = FakeClock(100.0), RecordingPlayer()
    async with short_routine_app(load_catalog(), clock, player=player).run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await advance(pilot, clock, 3)  # into the 4 s hold
        assert player.played == []
        assert pilot.app.screen.has_class("cue")  # seen instead of heard
        assert load_settings(data_dir / "settings.toml").mute is True
        await pilot.press("m")
        await advance(pilot, clock, 1)  # 3 s left: the countdown
        assert player.played == ["countdown"]
        assert load_settings(data_dir / "settings.toml").mute is False


async def test_leaving_a_session_stops_the_chimes_still_playing():
    clock, player = FakeClock(100.0), RecordingPlayer()
    async with short_routine_app(load_catalog(), clock, player=player).run_test(size=(80, 24)) as pilot:
        await pilot.press("q", "y")
        assert player.stopped == 1


async def test_a_chime_file_that_cannot_play_is_reported_on_the_menu(data_dir):
    (data_dir / "settings.toml").write_text('[chimes]\ncomplete = "nowhere.wav"\n')
    settings = load_settings(data_dir / "settings.toml")
    app = make_app(load_catalog(), settings=settings, player=RecordingPlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("chimes.complete" in m and "the bundled chime plays instead" in m for m in messages)


async def test_a_sound_program_that_fails_at_warm_up_leaves_the_session_running_with_the_bell(tmp_path, monkeypatch):
    from support.sound_helpers import BROKEN_PLAYERS, broken_players_on_path

    from backfit_tui.audio.playsound_player import Playsound3Player

    monkeypatch.setenv("PATH", broken_players_on_path(tmp_path, "cannot run"))
    for name in [name for name in sys.modules if name.split(".")[0] == "playsound3"]:
        monkeypatch.delitem(sys.modules, name)  # imported afresh, probing this PATH's programs
    clock = FakeClock(100.0)
    app = short_routine_app(load_catalog(), clock, player=Playsound3Player())
    rang = []
    app.state.sounds.chimes.bell = lambda: rang.append(clock.now)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # the warm-up, off the main thread
        for _ in range(4):
            await advance(pilot, clock, 1)  # the get-ready counts 2, 1; the 4 s hold starts; 3 s left
        assert isinstance(app.screen, SessionScreen)
        messages = [n.message for n in app._notifications]
        no_sound = f"No sound can be played here ({BROKEN_PLAYERS['cannot run']}); the terminal bell rings instead."
        assert messages.count(no_sound) == 1
        assert rang == [101.0, 102.0, 103.0, 104.0]


@pytest.mark.skipif(shutil.which("aplay") is None, reason="aplay is missing (.ci/run installs alsa-utils)")
async def test_with_no_sound_card_the_session_says_so_once_and_rings_the_bell(tmp_path, monkeypatch):
    from support.sound_helpers import failing_alsa, only_on_path

    from backfit_tui.audio.playsound_player import Playsound3Player

    monkeypatch.setenv("ALSA_CONFIG_PATH", failing_alsa(tmp_path)["ALSA_CONFIG_PATH"])
    monkeypatch.setenv("PATH", only_on_path(tmp_path, "aplay"))
    clock, player = FakeClock(100.0), Playsound3Player("alsa")
    app = short_routine_app(load_catalog(), clock, player=player)
    rang = []
    app.state.sounds.chimes.bell = lambda: rang.append(clock.now)
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 1)  # the get-ready's first count: aplay starts, cannot open the device
        player.wait()  # and has ended, in error
        for _ in range(3):
            await advance(pilot, clock, 1)  # the get-ready counts 1; the 4 s hold starts; 3 s left
        assert isinstance(app.screen, SessionScreen)
        messages = [n.message for n in app._notifications]
        no_sound = "No sound can be played here (aplay failed with exit status 1); the terminal bell rings instead."
        assert messages.count(no_sound) == 1
        assert rang == [102.0, 103.0, 104.0]


async def test_the_trace_records_when_each_event_was_due_handled_and_chimed(tmp_path):
    import io
    import json

    clock, trace = FakeClock(100.0), io.StringIO()
    app = short_routine_app(load_catalog(), clock, player=RecordingPlayer(), trace=trace)
    async with app.run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 1.25)
    lines = [json.loads(line) for line in trace.getvalue().splitlines()]
    countdown = next(line for line in lines if line["event"] == "countdown")
    assert (countdown["due"], countdown["handled"], countdown["chime"], countdown["chimed"]) == (
        101.0, 101.25, "countdown", 101.25,
    )
