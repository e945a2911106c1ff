"""The voice really spoken: espeak-ng renders each phrase, playsound3's ALSA backend plays it into ALSA's `file`
plugin, whose capture must hold every phrase's WAV whole, in order, with the chimes no phrase replaced between.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from support.processes import backfit_script
from support.recording_player import RecordingPlayer
from support.sound_helpers import captures, capturing_alsa, chime_samples, only_on_path, played_as_it_is, samples_of

from backfit_tui.audio.speech import RenderedSpeech
from backfit_tui.audio.speech_engines import find_engine
from backfit_tui.store.locations import DATA_DIR_VARIABLE, speech_cache_dir
from backfit_tui.store.settings import VOICE_VARIABLE, Settings

VOICE_ROUTINE = Path(__file__).parents[1] / "support" / "routines" / "voice.toml"
SETTINGS = Settings(get_ready=0, sound_backend="alsa", voice="espeak-ng", voice_rate=450)
# What is heard, in order: a phrase, or the chime of a moment no phrase replaced.
HEARD = [
    "Child's pose. Hold seven seconds.",  # in place of work_start
    "Three.", "Two.", "One.",  # in place of the ticks: the hold leaves its (silent) start room
    "Rest three seconds. Next: Cat-cow.",  # in place of work_end
    "countdown", "countdown",  # the rest's ticks: too near its phrase to be said
    "Cat-cow. One breath. Breathe in.",  # in place of rest_end: no get-ready said what comes
    "Breathe out.",
    "Well done. Two exercises, thirteen seconds.",  # in place of complete
]  # fmt: skip
CHIMES = {"countdown"}

needs_espeak_and_aplay = pytest.mark.skipif(
    not (shutil.which("espeak-ng") and shutil.which("aplay")),
    reason="espeak-ng or aplay is missing (.ci/run installs espeak-ng and alsa-utils)",
)


def run_with_voice(tmp_path: Path, data_dir: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    (data_dir / "settings.toml").write_text(
        f'get_ready = 0\nsound_backend = "alsa"\nvoice = "espeak-ng"\nvoice_rate = {SETTINGS.voice_rate}\n'
    )
    on_path = only_on_path(tmp_path, "aplay", "espeak-ng")
    environment = {**os.environ, **env, DATA_DIR_VARIABLE: str(data_dir), "PATH": on_path}
    environment.pop(VOICE_VARIABLE)  # the settings file decides
    return subprocess.run([backfit_script(), "run", "--plain", str(VOICE_ROUTINE)], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=40, env=environment)  # fmt: skip


@needs_espeak_and_aplay
def test_a_session_speaks_each_phrase_whole_and_in_order_with_the_chimes_it_did_not_replace(tmp_path, data_dir):
    env, capture = capturing_alsa(tmp_path)
    result = run_with_voice(tmp_path, data_dir, env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    rendered = RenderedSpeech(find_engine(SETTINGS), speech_cache_dir(), RecordingPlayer())
    captured = captures(capture)
    assert len(captured) == len(HEARD), result.stdout
    for heard, played in zip(HEARD, captured, strict=True):
        source = chime_samples(heard) if heard in CHIMES else samples_of(rendered.wav_of(heard))
        assert played_as_it_is(played, source), f"{heard!r} was not played as it was rendered"
