"""The voice: engines found on PATH and run with argument lists, phrases rendered once into the cache, each
spoken moment in place of its chime, and a missing engine said once while the chimes go on.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from support.recording_player import RecordingPlayer
from support.routine_texts import HOSTILE_SHOWN
from support.speech_helpers import FakeSpeech, finds, writer_command
from support.strategies import routine, step

from backfit_tui.audio.chime_player import make_chime_player
from backfit_tui.audio.session_sounds import Heard, SessionSounds, make_session_sounds
from backfit_tui.audio.speech import RenderedSpeech, make_speech
from backfit_tui.audio.speech_engines import NO_ENGINE, Engine, NoVoice, find_engine
from backfit_tui.audio.voice import make_voice
from backfit_tui.core.chime_map import Chime
from backfit_tui.core.dosages import Hold
from backfit_tui.core.engine import Session
from backfit_tui.store.settings import SPEECH_ENGINES, Settings

HOLD = routine(step(Hold(30), sets=2, rest_between_sets=10))  # "Plank. Hold thirty seconds, two sets." first


def on_path(*programs: str):
    """A `which` that finds only `programs`, in /usr/bin."""
    return lambda program: f"/usr/bin/{program}" if program in programs else None


def command_speech(tmp_path: Path, **settings) -> RenderedSpeech:
    """Speech by the stand-in engine (support/write_wav.py), cached in tmp_path/cache, played by a RecordingPlayer."""
    chosen = Settings(voice="command", voice_command=writer_command(), **settings)
    return RenderedSpeech(find_engine(chosen), tmp_path / "cache", RecordingPlayer())


# --- finding an engine, and running it ------------------------------------------------------


def test_auto_takes_the_first_engine_on_path_in_order():
    assert find_engine(Settings(), on_path("say", "flite")).words[0] == "/usr/bin/flite"
    assert find_engine(Settings(), on_path("spd-say", "espeak-ng")).name == "espeak-ng"


def test_with_no_engine_the_voice_says_how_to_get_one():
    with pytest.raises(NoVoice, match="install espeak-ng") as raised:
        find_engine(Settings(), on_path())
    assert str(raised.value) == NO_ENGINE


def test_an_engine_asked_for_by_name_is_that_one_or_none():
    assert find_engine(Settings(voice="say"), on_path("espeak-ng", "say")).name == "say"
    with pytest.raises(NoVoice, match='flite, which voice = "flite" asks for, was not found'):
        find_engine(Settings(voice="flite"), on_path("espeak-ng"))


def test_a_command_voice_needs_its_command_and_finds_its_program(monkeypatch):
    monkeypatch.setenv("HOME", "/home/ana")
    command = Settings(voice="command", voice_command="piper --model ~/voices/en.onnx --output_file {wav}")
    assert find_engine(command, on_path("piper")).words == (
        "/usr/bin/piper", "--model", "/home/ana/voices/en.onnx", "--output_file", "{wav}")  # fmt: skip
    with pytest.raises(NoVoice, match="piper, the start of voice_command, was not found"):
        find_engine(command, on_path())
    with pytest.raises(NoVoice, match="needs voice_command"):
        find_engine(Settings(voice="command"), on_path("piper"))


def engine(voice: str, **settings) -> Engine:
    """The engine `voice` names, found in /usr/bin."""
    return find_engine(Settings(voice=voice, **settings), on_path(voice))


@pytest.mark.parametrize("text", ["-v evil; rm -rf ~", "{wav} {rate}", *HOSTILE_SHOWN])
def test_each_engine_gets_the_phrase_whole_as_stdin_or_one_argument_never_through_a_shell(text):
    espeak = engine("espeak-ng", voice_rate=200, voice_language="en-gb")
    assert espeak.command(text, "/c/p.wav") == (
        ["/usr/bin/espeak-ng", "-w", "/c/p.wav", "-s", "200", "-v", "en-gb", "--stdin"], text)  # fmt: skip
    assert engine("flite", voice_rate=350).command(text, "/c/p.wav") == (
        ["/usr/bin/flite", "--setf", "duration_stretch=0.500", "-o", "/c/p.wav", "-t", text], None)  # fmt: skip
    assert engine("say").command(text, "/c/p.wav") == (
        ["/usr/bin/say", "-r", "175", "-o", "/c/p.wav", "--file-format=WAVE", "--data-format=LEI16@22050", "-f", "-"],
        text,
    )
    spd = engine("spd-say", voice_rate=350, voice_language="de")
    assert spd.command(text) == (["/usr/bin/spd-say", "-N", "backfit", "-r", "100", "-l", "de", "--", text], None)
    command = Engine("command", ("/usr/bin/tts", "--out={wav}", "--say", "{text}"))
    assert command.command(text, "/c/p.wav") == (["/usr/bin/tts", "--out=/c/p.wav", "--say", text], None)


def test_a_command_of_ones_own_is_given_the_rate_and_language_in_the_engines_grammar():
    piper = Engine("command", ("/usr/bin/piper", "-f", "{wav}", "--rate={rate}", "--lang={language}"), 200, "de")
    assert piper.command("Drei.", "/c/p.wav") == (["/usr/bin/piper", "-f", "/c/p.wav", "--rate=200", "--lang=de"], "Drei.")


def test_only_an_engine_whose_command_writes_a_wav_file_renders():
    assert [engine(name).renders for name in SPEECH_ENGINES] == [True, True, True, False]  # spd-say speaks itself


def test_the_voice_plays_through_the_chimes_player_so_the_bell_alone_leaves_it_silent(tmp_path):
    with pytest.raises(NoVoice, match='sound_backend = "bell"'):
        make_speech(Settings(voice="command", voice_command=writer_command(), sound_backend="bell"))


# --- rendering ahead of need, into the cache ------------------------------------------------


def test_phrases_are_rendered_once_and_a_warm_cache_runs_no_engine(tmp_path):
    phrases = ["Plank. Hold thirty seconds.", "Three.", "Three."]
    speech = command_speech(tmp_path)
    speech.prepare(phrases)
    assert speech.engine_calls == 2
    assert all(speech.wav_of(text).exists() for text in phrases)
    again = command_speech(tmp_path)
    again.prepare(phrases)
    assert again.engine_calls == 0
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == sorted({speech.wav_of(t).name for t in phrases})


def test_a_phrase_is_cached_apart_for_each_engine_voice_rate_and_text(tmp_path):
    base = command_speech(tmp_path)
    others = [command_speech(tmp_path, voice_rate=200), command_speech(tmp_path, voice_language="en-gb")]
    assert len({base.wav_of("Three."), base.wav_of("Two."), *(s.wav_of("Three.") for s in others)}) == 4


def test_an_engine_that_fails_leaves_no_file_and_says_why_once(tmp_path):
    speech = command_speech(tmp_path)
    speech.prepare(["Please fail now.", "Three."])
    assert speech.problem == "command could not render a phrase (exit status 3: cannot say that)"
    assert speech.engine_calls == 1  # the rest are not tried
    assert list((tmp_path / "cache").iterdir()) == []


def test_a_cache_that_cannot_be_made_silences_the_voice_and_says_where(tmp_path):
    (tmp_path / "folder").write_text("a file where a folder should be")
    chosen = Settings(voice="command", voice_command=writer_command())
    speech = RenderedSpeech(find_engine(chosen), tmp_path / "folder" / "speech", RecordingPlayer())
    speech.prepare(["Three."])
    assert speech.problem == f"command's phrases cannot be kept in {tmp_path}/folder/speech (Not a directory)"
    assert speech.engine_calls == 0


def test_a_phrase_starts_once_rendered_and_cuts_short_the_one_before(tmp_path):
    speech = command_speech(tmp_path)
    assert speech.start("Three.") is False  # not rendered yet: its chime plays instead
    speech.prepare(["Three.", "Two."])
    assert speech.start("Three.") and speech.start("Two.")
    player = speech.player
    assert player.played == [speech.wav_of("Three.").stem, speech.wav_of("Two.").stem]
    assert player.stopped == 2  # each start first stops what is still playing


def test_closing_stops_rendering_between_two_phrases(tmp_path):
    speech = command_speech(tmp_path)
    speech.close()
    speech.prepare(["Three."])
    assert speech.engine_calls == 0


# --- the voice in a session -------------------------------------------------------------------


def sounds_of(speech: FakeSpeech | None, choice: str = "auto", reports: list[str] | None = None) -> SessionSounds:
    report = (reports if reports is not None else []).append
    chimes = make_chime_player(Settings(), RecordingPlayer(), bell=lambda: None, report=report)
    return SessionSounds(chimes, make_voice(choice, True, finds(speech), report))


@pytest.mark.parametrize("countdown", ["words", "ticks"])
def test_a_sessions_sounds_are_made_from_the_settings_by_one_function_for_both_guides(countdown):
    player, reports = RecordingPlayer(), []
    settings = Settings(mute=True, voice="flite", voice_countdown=countdown)
    sounds = make_session_sounds(settings, player, finds(FakeSpeech()), bell=lambda: None, report=reports.append)
    assert (sounds.chimes.player, sounds.chimes.muted) == (player, True)
    assert (sounds.voice.choice, sounds.voice.count_aloud) == ("flite", countdown == "words")
    assert reports == []


def test_a_session_renders_its_opening_phrase_at_once_and_the_rest_ahead_of_need():
    speech = FakeSpeech()
    sounds = sounds_of(speech)
    sounds.voice.begin(HOLD, get_ready=5)
    assert speech.prepared == ["Plank. Hold thirty seconds, two sets."]
    sounds.voice.prepare()
    assert speech.prepared == sounds.voice.phrases and "Set two of two." in speech.prepared


def test_a_spoken_moment_replaces_its_chime_and_the_others_still_chime():
    speech, clock = FakeSpeech(), [0.0]
    sounds = sounds_of(speech)
    sounds.voice.begin(HOLD, get_ready=5)
    sounds.voice.prepare()
    session = Session(HOLD, lambda: clock[0], get_ready=5)
    heard = [sounds.for_events(session.start(), session.timeline)]
    for _ in range(6):
        clock[0] += 1
        heard.append(sounds.for_events(session.update(), session.timeline))
    assert heard == [
        Heard(phrase="Plank. Hold thirty seconds, two sets."), Heard(), Heard(chime=Chime.COUNTDOWN),
        Heard(chime=Chime.COUNTDOWN), Heard(chime=Chime.COUNTDOWN),  # too near the opening to be said
        Heard(phrase="Set one of two."), Heard(),  # in place of the work_start chime
    ]  # fmt: skip
    assert sounds.chimes.player.played == ["countdown"] * 3


def test_a_phrase_not_rendered_in_time_leaves_the_moment_its_chime():
    sounds = sounds_of(FakeSpeech(ready=False))
    sounds.voice.begin(HOLD, get_ready=0)
    session = Session(HOLD, lambda: 0.0, get_ready=0)
    assert sounds.for_events(session.start(), session.timeline) == Heard(chime=Chime.WORK_START)


def test_with_no_engine_the_voice_says_how_to_get_one_once_and_the_chimes_go_on():
    reports: list[str] = []
    sounds = sounds_of(None, reports=reports)
    for _ in range(2):  # two sessions
        sounds.voice.begin(HOLD, get_ready=0)
        session = Session(HOLD, lambda: 0.0, get_ready=0)
        assert sounds.for_events(session.start(), session.timeline) == Heard(chime=Chime.WORK_START)
    assert reports == ["No speech engine was found (a test)"]


def test_an_engine_that_fails_is_said_once_and_its_moments_chime():
    speech, reports = FakeSpeech(ready=False), []
    speech.problem = "espeak-ng could not render a phrase (exit status 1)"
    sounds = sounds_of(speech, reports=reports)
    sounds.voice.begin(HOLD, get_ready=0)
    session = Session(HOLD, lambda: 0.0, get_ready=0)
    sounds.for_events(session.start(), session.timeline)
    sounds.for_events(session.start(), session.timeline)
    assert reports == ["espeak-ng could not render a phrase (exit status 1); the chimes play instead"]


def test_off_it_looks_for_no_engine_and_says_nothing():
    looked_for, reports = [], []
    chimes = make_chime_player(Settings(), RecordingPlayer(), bell=lambda: None, report=reports.append)
    voice = make_voice("off", True, finds(FakeSpeech(), looked_for), reports.append)
    voice.begin(HOLD, get_ready=5)
    session = Session(HOLD, lambda: 0.0, get_ready=0)
    assert SessionSounds(chimes, voice).for_events(session.start(), session.timeline) == Heard(chime=Chime.WORK_START)
    assert (looked_for, reports) == ([], [])


def test_toggling_turns_it_off_and_back_on_with_the_engine_it_had():
    speech, looked_for = FakeSpeech(), []
    voice = make_voice("flite", True, finds(speech, looked_for), lambda message: None)
    voice.begin(HOLD, get_ready=5)
    assert voice.toggle() is None and voice.choice == "off" and speech.stops == 1
    assert voice.toggle() is None and voice.choice == "flite"
    assert looked_for == ["flite"]  # found once, kept


def test_turned_off_and_on_auto_stays_auto_and_keeps_the_engine_it_found():
    speech, looked_for = FakeSpeech(name="espeak-ng"), []
    voice = make_voice("auto", True, finds(speech, looked_for), lambda message: None)
    voice.begin(HOLD, get_ready=5)
    voice.toggle()
    assert voice.toggle() is None and voice.choice == "auto" and voice.speech is speech
    assert looked_for == ["auto"]


def test_turned_on_from_off_it_looks_for_any_engine_and_says_why_when_there_is_none():
    voice = make_voice("off", True, finds(None), lambda message: None)
    assert voice.toggle() == "No speech engine was found (a test)"
    assert voice.choice == "auto"  # asked for: the next session looks again, and says so only then


def test_an_app_built_without_a_way_to_speak_never_speaks_and_says_so_when_asked(tmp_path):
    voice = make_voice("auto", True, None, lambda message: None)
    assert not voice.on
    assert voice.toggle() == NO_ENGINE


def test_an_engine_found_on_path_renders_into_the_speech_cache(tmp_path, monkeypatch, data_dir):
    monkeypatch.setenv("PATH", str(tmp_path))
    (tmp_path / "espeak-ng").write_text("#!/bin/sh\n")
    (tmp_path / "espeak-ng").chmod(0o755)
    speech = make_speech(Settings())
    assert speech.name == "espeak-ng" and speech.cache == data_dir / "cache" / "speech"


# --- time for every phrase --------------------------------------------------------------------


def test_a_phrases_length_is_read_from_its_rendered_frames(tmp_path):
    speech = command_speech(tmp_path)
    text = "Plank. Hold thirty seconds."
    assert speech.seconds(text) == len(text.encode()) * 10 / 8000  # the stand-in's frames at 8000 a second
    assert command_speech(tmp_path).seconds("fail") is None  # not rendered: unknown


def test_a_cached_phrase_that_is_a_named_pipe_is_no_length_and_never_waited_on(tmp_path):
    speech = command_speech(tmp_path)
    text = "Plank. Hold thirty seconds."
    speech.cache.mkdir(parents=True, exist_ok=True)
    os.mkfifo(speech.wav_of(text))  # opened to read, it would wait for a writer for ever
    found = []
    reading = threading.Thread(target=lambda: found.append(speech.seconds(text)), daemon=True)
    reading.start()
    reading.join(timeout=5)
    assert found == [None]


def test_a_session_gets_the_longer_get_ready_its_rendered_introduction_needs():
    speech = FakeSpeech(lengths={"Plank. Hold thirty seconds, two sets.": 4.2})
    sounds = sounds_of(speech)
    assert sounds.voice.begin(HOLD, get_ready=5) == {0: 8}  # 4.2 s and a breath, then "Three. Two. One."
    assert sounds.voice.phrases[:4] == ["Plank. Hold thirty seconds, two sets.", "Three.", "Two.", "One."]
    assert sounds_of(FakeSpeech()).voice.begin(HOLD, get_ready=5) == {}  # lengths unknown: as planned


def test_the_closing_words_of_a_session_cut_short_are_rendered_as_it_ends_and_said():
    speech, clock = FakeSpeech(), [0.0]
    sounds = sounds_of(speech)
    sounds.voice.begin(HOLD, get_ready=0)
    session = Session(HOLD, lambda: clock[0], get_ready=0)
    sounds.for_events(session.start(), session.timeline)
    clock[0] = 30.0
    sounds.for_events(session.update(), session.timeline)
    heard = sounds.for_events(session.skip_step(), session.timeline)
    assert heard == Heard(phrase="Well done. One exercise, thirty seconds.")
    assert "Well done. One exercise, thirty seconds." in speech.prepared


def test_the_brief_voice_is_a_setting():
    player = RecordingPlayer()
    sounds = make_session_sounds(Settings(voice_detail="brief"), player, finds(FakeSpeech()), bell=lambda: None,
                                 report=print)  # fmt: skip
    assert sounds.voice.brief and not make_session_sounds(Settings(), player, None, lambda: None, print).voice.brief
