"""Chimes really played: through playsound3's ALSA backend into ALSA's `file` plugin, whose capture
must hold exactly our chimes, in order; and a machine with no way to play sound (no player, a player
that fails, no sound card) says so once and gets the bell, on the terminal.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from support.processes import backfit_script
from support.sound_helpers import (
    BROKEN_PLAYERS,
    PacedSpeaker,
    broken_players_on_path,
    captures,
    capturing_alsa,
    chime_samples,
    failing_alsa,
    only_on_path,
    played_as_it_is,
    run_beside_a_terminal,
)

from backfit_tui.audio.chime_player import make_chime_player
from backfit_tui.audio.playsound_player import NO_WAV_PLAYER, Playsound3Player, wav_backend
from backfit_tui.core.chime_map import Chime
from backfit_tui.store.locations import DATA_DIR_VARIABLE, bundled_sounds_dir
from backfit_tui.store.settings import Settings

CHIME_ROUTINE = Path(__file__).parents[1] / "support" / "routines" / "chimes.toml"
needs_aplay = pytest.mark.skipif(shutil.which("aplay") is None, reason="aplay is missing (.ci/run installs alsa-utils)")


@needs_aplay
@pytest.mark.parametrize("backend_setting", ['sound_backend = "alsa"\n', ""], ids=["alsa chosen", "no setting"])
def test_a_session_plays_its_chimes_through_alsa_bit_for_bit_and_in_order(tmp_path, data_dir, backend_setting):
    env, capture = capturing_alsa(tmp_path)
    (data_dir / "settings.toml").write_text("get_ready = 0\n" + backend_setting)
    result = subprocess.run(
        [backfit_script(), "run", "--plain", str(CHIME_ROUTINE)],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30,
        env={**os.environ, **env, DATA_DIR_VARIABLE: str(data_dir), "PATH": only_on_path(tmp_path, "aplay")},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    expected = ["work_start", "countdown", "work_end", "countdown", "work_start", "breath_out", "complete"]
    captured = captures(capture)
    assert len(captured) == len(expected), result.stdout
    for name, played in zip(expected, captured, strict=True):
        assert played_as_it_is(played, chime_samples(name)), f"{name} was not played as it is"


def guide_beside_a_terminal(data_dir: Path, path: str, **env: str):
    """The plain guide of the chime routine, stdout into a pipe and stderr on a terminal, with only `path`'s programs."""
    (data_dir / "settings.toml").write_text("get_ready = 0\n")
    environment = {**os.environ, **env, DATA_DIR_VARIABLE: str(data_dir), "PATH": path}
    return run_beside_a_terminal([backfit_script(), "run", "--plain", str(CHIME_ROUTINE)], environment, True)


def said_once_then_rang(terminal: str, why: str) -> bool:
    """Whether the terminal got the one line saying why no sound plays, and the bell from then on."""
    said = f"backfit: No sound can be played here ({why}); the terminal bell rings instead.\n"
    return terminal.count(said) == 1 and "\a" in terminal.partition(said)[2] and terminal.replace("\a", "") == said


def test_with_no_program_to_play_sound_backfit_alone_says_so_once(tmp_path, data_dir):
    (tmp_path / "bin").mkdir()
    result = guide_beside_a_terminal(data_dir, str(tmp_path / "bin"))
    assert result.returncode == 0, result.terminal
    assert said_once_then_rang(result.terminal, NO_WAV_PLAYER)
    assert "Chime test routine finished" in result.stdout and "\a" not in result.stdout


@pytest.mark.parametrize("broken", BROKEN_PLAYERS)
def test_a_sound_program_that_fails_as_playsound3_probes_it_costs_only_the_sound(tmp_path, data_dir, broken):
    result = guide_beside_a_terminal(data_dir, broken_players_on_path(tmp_path, broken))
    assert result.returncode == 0, result.terminal
    assert said_once_then_rang(result.terminal, BROKEN_PLAYERS[broken])
    assert "Chime test routine finished" in result.stdout and "\a" not in result.stdout


@needs_aplay
def test_with_no_sound_card_aplay_fails_as_it_plays_and_backfit_says_so_once_then_rings(tmp_path, data_dir):
    result = guide_beside_a_terminal(data_dir, only_on_path(tmp_path, "aplay"), **failing_alsa(tmp_path))
    assert result.returncode == 0, result.terminal
    assert said_once_then_rang(result.terminal, "aplay failed with exit status 1")
    assert "Chime test routine finished" in result.stdout and "\a" not in result.stdout


def test_the_first_backend_with_a_wav_player_is_chosen_in_playsound3s_order():
    on_path = {"aplay", "ffplay"}
    which = lambda program: f"/usr/bin/{program}" if program in on_path else None  # noqa: E731
    assert wav_backend([], which) == "ffplay"
    assert wav_backend(["gstreamer", "alsa"], which) == "gstreamer"
    on_path = {"aplay"}  # no mpg123: playsound3 itself would not offer ALSA
    assert wav_backend([], which) == "alsa"
    on_path = set()
    assert wav_backend(["winmm"], which) == "winmm"  # an in-process backend playsound3 found
    assert wav_backend([], which) is None


@needs_aplay
def test_the_player_returns_at_once_and_stops_what_is_still_playing(tmp_path, monkeypatch):
    complete = chime_samples("complete")  # 1.4 s
    speaker = PacedSpeaker(tmp_path, bytes_per_second=44_100 * 2)  # its pace: 44.1 kHz, 16-bit mono
    monkeypatch.setenv("ALSA_CONFIG_PATH", speaker.env["ALSA_CONFIG_PATH"])
    player = Playsound3Player("alsa")
    player.warm_up()  # playsound3's import, which probes every backend, is not a call timed here
    assert returns_within(0.5, player.play, bundled_sounds_dir() / "complete.wav")  # not after the sound
    time.sleep(0.1)  # aplay under way
    assert returns_within(0.5, player.stop)  # nor after the sound ends
    heard = speaker.heard_all(timeout=5)
    assert 0 < len(heard) < len(complete) * 3 // 4  # cut short: aplay's own buffer is all that still played
    assert complete.startswith(heard)


def returns_within(seconds: float, call, *args) -> bool:
    started = time.monotonic()
    call(*args)
    return time.monotonic() - started < seconds


def test_with_no_backend_at_all_the_bell_rings_without_an_exception(monkeypatch, tmp_path):
    import playsound3

    monkeypatch.setenv("PATH", str(tmp_path))  # no WAV player to be found
    monkeypatch.setattr(playsound3, "AVAILABLE_BACKENDS", [])  # and none in-process, as on a bare machine
    rang, reports = [], []
    chimes = make_chime_player(Settings(), Playsound3Player(), lambda: rang.append(1), reports.append)
    chimes.play(Chime.WORK_START)
    chimes.play(Chime.COMPLETE)
    assert len(rang) == 2
    assert reports == [f"No sound can be played here ({NO_WAV_PLAYER}); the terminal bell rings instead."]


def test_a_chosen_backend_whose_program_is_missing_falls_back_to_the_bell(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no aplay to be found
    rang, reports = [], []
    chimes = make_chime_player(
        Settings(sound_backend="alsa"), Playsound3Player("alsa"), lambda: rang.append(1), reports.append
    )
    chimes.play(Chime.SWITCH)
    assert rang == [1] and len(reports) == 1 and "aplay" in reports[0]
