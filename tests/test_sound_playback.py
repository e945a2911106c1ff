"""Chimes really played: through playsound3's ALSA backend into ALSA's `file` plugin, whose capture
must hold exactly our chimes, in order; and a machine with no way to play sound gets the bell.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import wave
from pathlib import Path

import pytest
from test_plain_guide import backfit_script

from backfit_tui.chimes import Chime
from backfit_tui.locations import DATA_DIR_VARIABLE, bundled_sounds_dir
from backfit_tui.settings import Settings
from backfit_tui.sound import Playsound3Player, make_chimes

CHIME_ROUTINE = Path(__file__).parent / "routines" / "chimes.toml"
needs_aplay = pytest.mark.skipif(shutil.which("aplay") is None, reason="aplay is missing (.ci/run installs alsa-utils)")


def capturing_alsa(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment whose default ALSA device writes what it is sent to files, one per playback.

    With `truncate false`, ALSA's file plugin leaves an existing capture alone and writes the next
    to `captured.raw.0001`, `.0002`, … so each sound played lands in its own file, in order.
    """
    capture = tmp_path / "captured.raw"
    config = tmp_path / "asound.conf"
    config.write_text(
        "</usr/share/alsa/alsa.conf>\n"
        "pcm.!default {\n"
        '    type file\n    slave.pcm "null"\n'
        f'    file "{capture}"\n    format "raw"\n    truncate false\n'
        "}\n"
    )
    return {"ALSA_CONFIG_PATH": str(config)}, capture


def captures(capture: Path) -> list[bytes]:
    files = sorted(capture.parent.glob(capture.name + "*"), key=lambda p: (len(p.name), p.name))
    return [p.read_bytes() for p in files]


def samples_of(chime: str) -> bytes:
    with wave.open(str(bundled_sounds_dir() / f"{chime}.wav"), "rb") as sound:
        return sound.readframes(sound.getnframes())


@needs_aplay
def test_a_session_plays_its_chimes_through_alsa_bit_for_bit_and_in_order(tmp_path, data_dir):
    env, capture = capturing_alsa(tmp_path)
    (data_dir / "settings.toml").write_text('get_ready = 0\nsound_backend = "alsa"\n')
    result = subprocess.run(
        [backfit_script(), "run", "--plain", str(CHIME_ROUTINE)],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30,
        env={**os.environ, **env, DATA_DIR_VARIABLE: str(data_dir)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    expected = ["work_start", "countdown", "work_end", "countdown", "work_start", "breath_out", "complete"]
    captured = captures(capture)
    assert len(captured) == len(expected), result.stdout
    for name, played in zip(expected, captured, strict=True):
        source = samples_of(name)
        assert played[: len(source)] == source, f"{name} was not played as it is"
        assert played[len(source) :].count(0) == len(played) - len(source), "only zeros may pad a chime"


@needs_aplay
def test_the_player_returns_at_once_and_stops_what_is_still_playing(tmp_path, monkeypatch):
    env, capture = capturing_alsa(tmp_path)
    monkeypatch.setenv("ALSA_CONFIG_PATH", env["ALSA_CONFIG_PATH"])
    player = Playsound3Player("alsa")
    player.play(bundled_sounds_dir() / "complete.wav")
    player.stop()
    player.play(bundled_sounds_dir() / "rep.wav")
    player.wait()
    assert captures(capture)[-1].startswith(samples_of("rep"))


def test_with_no_backend_at_all_the_bell_rings_without_an_exception(monkeypatch):
    import playsound3.playsound3 as library

    monkeypatch.setattr(library, "DEFAULT_BACKEND", None)  # what playsound3 finds on a bare machine
    rang, reports = [], []
    chimes = make_chimes(Settings(), Playsound3Player(), lambda: rang.append(1), reports.append)
    chimes.play(Chime.WORK_START)
    chimes.play(Chime.COMPLETE)
    assert len(rang) == 2
    assert reports == ["No sound can be played here (No supported audio backends on this system!); "
                       "the terminal bell rings instead."]  # fmt: skip


def test_a_chosen_backend_whose_program_is_missing_falls_back_to_the_bell(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no aplay to be found
    rang, reports = [], []
    chimes = make_chimes(Settings(sound_backend="alsa"), Playsound3Player("alsa"), lambda: rang.append(1), reports.append)
    chimes.play(Chime.SWITCH)
    assert rang == [1] and len(reports) == 1 and "aplay" in reports[0]
