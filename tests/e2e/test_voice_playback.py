"""The voice really spoken: espeak-ng renders each phrase, playsound3's ALSA backend plays it into ALSA's `file`
plugin, whose capture must hold every phrase whole, in order, with the chimes no phrase replaced between. Each
phrase is rendered again here, apart from backfit, so that a phrase rendered empty or wrong cannot match itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import wave
from pathlib import Path

import pytest
from support.processes import backfit_script
from support.sound_helpers import captures, capturing_alsa, chime_samples, only_on_path, played_as_it_is, samples_of

from backfit_tui.core.phrases import pain_question
from backfit_tui.store.locations import DATA_DIR_VARIABLE
from backfit_tui.store.settings import VOICE_VARIABLE

VOICE_ROUTINE = Path(__file__).parents[1] / "support" / "routines" / "voice.toml"
ALTERNATING_ROUTINE = VOICE_ROUTINE.with_name("voice-alternating.toml")
RATE = 450  # words a minute: the phrases are short to play
SHORTEST_PHRASE_S = 0.1  # "Three." takes 0.16 s at that rate: anything shorter was not spoken
# What is heard, in order: a phrase, or the chime of a moment no phrase replaced.
QUESTION = pain_question()
HEARD = [
    "Child's pose. Hold seven seconds.",  # in place of work_start
    "Three.", "Two.", "One.",  # in place of the ticks: the hold leaves its (silent) start room
    "Rest three seconds. Next: Cat-cow.",  # in place of work_end
    "countdown", "countdown",  # the rest's ticks: too near its phrase to be said
    "Cat-cow. One breath. Breathe in.",  # in place of rest_end: no get-ready said what comes
    "Breathe out.",
    "Well done. Two exercises, fifteen seconds.",  # in place of complete: 13 s, to the five seconds
    QUESTION,  # asked once, and heard whole though standard input has nothing to answer with
]  # fmt: skip
# An alternating set, after a get-ready of 2 s lengthened to say its introduction whole and count into work.
HEARD_ALTERNATING = [
    "Bird dog. Two reps per side, alternating.",
    "Three.", "Two.", "One.",
    "Start on the left.",  # in place of work_start and the first rep's knock
    "Right.", "Left.", "Right.",  # in place of each rep's knock, on its beat
    "Well done. One exercise, fifteen seconds.",
    QUESTION,
]  # fmt: skip
CHIMES = {"countdown"}

needs_espeak_and_aplay = pytest.mark.skipif(
    not (shutil.which("espeak-ng") and shutil.which("aplay")),
    reason="espeak-ng or aplay is missing (.ci/run installs espeak-ng and alsa-utils)",
)


def run_with_voice(
    tmp_path: Path, data_dir: Path, env: dict[str, str], routine: Path = VOICE_ROUTINE, get_ready: int = 0
) -> subprocess.CompletedProcess:
    (data_dir / "settings.toml").write_text(
        f'get_ready = {get_ready}\nsound_backend = "alsa"\nvoice = "espeak-ng"\nvoice_rate = {RATE}\n'
    )
    on_path = only_on_path(tmp_path, "aplay", "espeak-ng")
    environment = {**os.environ, **env, DATA_DIR_VARIABLE: str(data_dir), "PATH": on_path}
    environment.pop(VOICE_VARIABLE)  # the settings file decides
    return subprocess.run([backfit_script(), "run", "--plain", str(routine)], stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=40, env=environment)  # fmt: skip


@needs_espeak_and_aplay
def test_a_session_speaks_each_phrase_whole_and_in_order_with_the_chimes_it_did_not_replace(tmp_path, data_dir):
    env, capture = capturing_alsa(tmp_path)
    result = run_with_voice(tmp_path, data_dir, env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    captured = captures(capture)
    assert len(captured) == len(HEARD), result.stdout
    for heard, played in zip(HEARD, captured, strict=True):
        source = chime_samples(heard) if heard in CHIMES else spoken(heard, tmp_path)
        assert played_as_it_is(played, source), f"{heard!r} was not played as espeak-ng says it"


@needs_espeak_and_aplay
def test_an_alternating_set_says_where_to_start_and_each_side_in_order_after_an_introduction_heard_whole(
    tmp_path, data_dir
):
    env, capture = capturing_alsa(tmp_path)
    result = run_with_voice(tmp_path, data_dir, env, ALTERNATING_ROUTINE, get_ready=2)
    assert result.returncode == 0, result.stderr
    assert "A longer get-ready, so each introduction is said whole: Bird dog 7 s." in result.stdout
    captured = captures(capture)
    assert len(captured) == len(HEARD_ALTERNATING), result.stdout
    for heard, played in zip(HEARD_ALTERNATING, captured, strict=True):
        assert played_as_it_is(played, spoken(heard, tmp_path)), f"{heard!r} was not played as espeak-ng says it"


def spoken(phrase: str, tmp_path: Path) -> bytes:
    """`phrase` as espeak-ng says it in the session's voice (English) and rate, rendered here, apart from backfit."""
    wav = tmp_path / "expected.wav"
    subprocess.run(["espeak-ng", "-w", str(wav), "-s", str(RATE), "-v", "en", phrase], check=True, timeout=30)
    samples = samples_of(wav)
    with wave.open(str(wav), "rb") as sound:
        assert sound.getnframes() / sound.getframerate() > SHORTEST_PHRASE_S, f"espeak-ng said nothing for {phrase!r}"
    return samples
