"""Which chime each moment gets, how muting, turned-off chimes and the bell fallback behave, and
that the bundled chime files are what the synthesis script makes.
"""

from __future__ import annotations

import importlib.util
import math
import wave
from array import array
from pathlib import Path

import pytest
from support.fake_clock import FakeClock
from support.recording_player import RecordingPlayer
from support.strategies import routine, step

from backfit_tui.audio.chime_player import ChimePlayer, chime_files
from backfit_tui.audio.playsound_player import NoSound
from backfit_tui.core.chime_map import Chime, chime_for
from backfit_tui.core.dosages import Breaths, Hold, Reps
from backfit_tui.core.engine import Session
from backfit_tui.core.model import Sides
from backfit_tui.store.locations import bundled_sounds_dir
from backfit_tui.store.settings import Settings

SOUNDS = Path(__file__).parents[2] / "sounds"


def heard(session: Session, clock: FakeClock, seconds: float, step_s: float = 0.5) -> list[str]:
    """The chimes of a session run for `seconds`, updated every `step_s` as a screen would."""
    out = [chime_for(session.start(), session.timeline)]
    for _ in range(round(seconds / step_s)):
        clock.advance(step_s)
        out.append(chime_for(session.update(), session.timeline))
    return [c.value for c in out if c is not None]


def test_a_hold_with_sides_and_sets_chimes_at_every_change():
    clock = FakeClock()
    hold = step(Hold(4), sets=2, rest_between_sets=4, sides=Sides.EACH, switch=4)
    session = Session(routine(hold), clock, get_ready=4)
    # get ready 4 | left 4 | switch 4 | right 4 | rest 4 | left 4 | switch 4 | right 4
    countdown = ["countdown"] * 3
    assert heard(session, clock, 32) == [
        *countdown, "work_start", *countdown, "switch", *countdown, "work_start", *countdown,
        "work_end", *countdown, "work_start", *countdown, "switch", *countdown, "work_start", *countdown,
        "complete",
    ]  # fmt: skip


def test_breaths_and_paced_reps_chime_on_every_breath_and_rep():
    clock = FakeClock()
    session = Session(routine(step(Breaths(2, inhale=1, exhale=1)), step(Reps(2, seconds_per_rep=1))), clock, 0)
    assert heard(session, clock, 6) == [
        "work_start", "breath_out", "breath_in", "breath_out",  # the first inhale is the start
        "work_start", "rep", "complete",
    ]  # fmt: skip


def test_a_late_wakeup_chimes_only_for_the_latest_moment():
    clock = FakeClock()
    session = Session(routine(step(Hold(10))), clock, get_ready=0)
    session.start()
    clock.advance(8.2)  # the countdown's 3 and 2 were both due; only 2 is worth hearing now
    events = session.update()
    assert chime_for(events, session.timeline) is Chime.COUNTDOWN
    assert events[-1].value == 2


def test_resuming_after_a_pause_chimes_the_start_of_work_again():
    clock = FakeClock()
    session = Session(routine(step(Hold(30))), clock, get_ready=0)
    session.start()
    clock.advance(5)
    session.pause()
    assert chime_for(session.resume(lead_in=3), session.timeline) is Chime.COUNTDOWN
    clock.advance(3)
    assert chime_for(session.update(), session.timeline) is Chime.WORK_START


def chimes_for(settings=Settings(), player=None):
    rang, reports = [], []
    chimes = ChimePlayer(chime_files(settings, SOUNDS), player, lambda: rang.append(1), reports.append, settings.mute)
    return chimes, rang, reports


def test_muted_chimes_play_nothing_but_still_say_which_chime_it_was():
    player = RecordingPlayer()
    chimes, rang, _ = chimes_for(Settings(mute=True), player)
    clock = FakeClock()
    session = Session(routine(step(Hold(5))), clock, get_ready=0)
    assert chimes.for_events(session.start(), session.timeline) is Chime.WORK_START
    assert player.played == [] and rang == []
    chimes.muted = False
    chimes.play(Chime.SWITCH)
    assert player.played == ["switch"]


def test_a_chime_turned_off_is_silent_and_a_user_file_replaces_the_bundled_one(tmp_path):
    player = RecordingPlayer()
    own = tmp_path / "gong.wav"
    chimes, _, _ = chimes_for(Settings(chimes={Chime.COUNTDOWN: False, Chime.COMPLETE: own}), player)
    for chime in (Chime.COUNTDOWN, Chime.COMPLETE, Chime.WORK_END):
        chimes.play(chime)
    assert player.played == ["gong", "work_end"]


class BrokenPlayer(RecordingPlayer):
    def play(self, path: Path) -> None:
        raise NoSound("No supported audio backends on this system!")


def test_without_sound_the_bell_rings_instead_and_that_is_said_once():
    chimes, rang, reports = chimes_for(player=BrokenPlayer())
    for chime in (Chime.WORK_START, Chime.BREATH_IN, Chime.WORK_END):
        chimes.play(chime)
    assert len(rang) == 2  # not for the soft breath cue
    assert reports == ["No sound can be played here (No supported audio backends on this system!); "
                       "the terminal bell rings instead."]  # fmt: skip


# --- the bundled files ---------------------------------------------------------------------


def read(path: Path) -> tuple[wave._wave_params, array]:
    with wave.open(str(path), "rb") as sound:
        samples = array("h", sound.readframes(sound.getnframes()))
        return sound.getparams(), samples


def loudest_window_dbfs(samples: array, rate: int) -> float:
    window = rate // 10
    rms = max(
        math.sqrt(sum(v * v for v in samples[i : i + window]) / window)
        for i in range(0, max(len(samples) - window, 1), window // 4)
    )
    return 20 * math.log10(rms / 32767)


@pytest.mark.parametrize("chime", list(Chime), ids=str)
def test_every_bundled_chime_is_short_clean_16_bit_mono_at_44_1_khz(chime):
    params, samples = read(bundled_sounds_dir() / f"{chime.value}.wav")
    assert (params.nchannels, params.sampwidth, params.framerate, params.comptype) == (1, 2, 44100, "NONE")
    assert 0.1 <= params.nframes / params.framerate < 1.5
    assert max(abs(v) for v in samples) < 0.95 * 32767  # no clipping
    assert abs(samples[-1]) < 50 and abs(samples[0]) < 3000  # fades out; no click at the end
    soft = chime in (Chime.BREATH_IN, Chime.BREATH_OUT)
    assert loudest_window_dbfs(samples, params.framerate) == pytest.approx(-22 if soft else -16, abs=1.0)


def test_the_synthesis_script_makes_exactly_the_bundled_files(tmp_path):
    spec = importlib.util.spec_from_file_location("synthesize", SOUNDS / "synthesize.py")
    synthesize = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synthesize)
    written = synthesize.write(tmp_path)
    assert sorted(p.name for p in written) == sorted(f"{c.value}.wav" for c in Chime)
    for path in written:
        assert path.read_bytes() == (SOUNDS / path.name).read_bytes(), f"{path.name}: run sounds/synthesize.py"
