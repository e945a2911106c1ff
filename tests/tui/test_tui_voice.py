"""The session screen's voice: each spoken moment in place of its chime, `v` to turn it off or on (remembered),
a missing engine said on screen, and the trace of when each phrase was due and started.
"""

from __future__ import annotations

import io
import json
import re

from support.fake_clock import FakeClock
from support.recording_player import RecordingPlayer
from support.speech_helpers import FakeSpeech, finds
from support.tui_helpers import advance, screen_lines, short_routine_app

from backfit_tui.audio.speech_engines import NO_ENGINE
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.store.settings import Settings, load_settings

# The short test routine with a 3 s get-ready: child's pose, hold 4 s, two sets, 2 s of rest between.
OPENING = "Child's pose. Hold four seconds, two times."  # a stretch is done again: times, not sets


def voiced_app(clock: FakeClock, speech: FakeSpeech | None, **options):
    """The short routine's app with a voice that speaks through `speech` (None: no engine is found)."""
    return short_routine_app(load_catalog(), clock, settings=Settings(get_ready=3, voice="auto"),
                             find_speech=finds(speech), **options)  # fmt: skip


def messages(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_the_screen_speaks_the_exercise_and_each_set_in_place_of_their_chimes():
    clock, player, speech = FakeClock(100.0), RecordingPlayer(), FakeSpeech()
    async with voiced_app(clock, speech, player=player).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert speech.prepared[0] == OPENING  # rendered before the session started
        for _ in range(3):
            await advance(pilot, clock, 1)  # the get-ready ticks 2, 1 (too near its phrase to be said); work starts
        await pilot.app.workers.wait_for_complete()
        assert speech.started == [OPENING, "Set one of two."]
        assert player.played == ["countdown", "countdown"]  # no work_start: the set's number was said instead
        assert "Rest two seconds." in speech.prepared  # the rest, in the background


async def test_v_turns_the_voice_off_and_on_and_remembers_it(data_dir):
    clock, player, speech = FakeClock(100.0), RecordingPlayer(), FakeSpeech(name="flite")
    async with voiced_app(clock, speech, player=player).run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        assert messages(pilot.app)[-1] == "Voice off"
        assert load_settings(data_dir / "settings.toml").voice == "off"
        await advance(pilot, clock, 3)  # work starts: chimed, not said
        assert player.played[-1] == "work_start" and speech.started == [OPENING]
        await pilot.press("v")
        assert messages(pilot.app)[-1] == "Voice on"
        assert load_settings(data_dir / "settings.toml").voice == "auto"  # the person's own choice, not the engine found
        await advance(pilot, clock, 4)  # the set ends, and the rest starts: said
        assert speech.started[-1] == "Rest two seconds."


async def test_with_no_engine_the_screen_says_once_how_to_get_one_and_the_chimes_go_on():
    clock, player = FakeClock(100.0), RecordingPlayer()
    async with voiced_app(clock, None, player=player).run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await advance(pilot, clock, 1)
        assert messages(pilot.app).count("No speech engine was found (a test)") == 1
        assert player.played == ["countdown", "countdown", "work_start"]


async def test_v_on_an_app_that_cannot_speak_says_how_to_get_a_voice():
    clock = FakeClock(100.0)
    app = short_routine_app(load_catalog(), clock, player=RecordingPlayer())  # built with no way to speak
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        assert messages(pilot.app)[-1] == NO_ENGINE


async def test_v_is_in_the_sessions_help_under_sound():
    clock = FakeClock(100.0)
    async with voiced_app(clock, FakeSpeech()).run_test(size=(120, 50)) as pilot:
        await pilot.press("question_mark")
        shown = "\n".join(screen_lines(pilot.app))
        assert re.search(r"v +Turn the voice off or on \(remembered\)", shown)
        sound = shown[shown.index("Sound") : shown.index("Leaving")]
        assert "Turn the chimes off or on" in sound and "Turn the voice off or on" in sound


async def test_the_trace_records_when_each_phrase_was_due_and_when_it_started():
    clock, trace = FakeClock(100.0), io.StringIO()
    async with voiced_app(clock, FakeSpeech(), player=RecordingPlayer(), trace=trace).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 3.25)  # the first set starts 0.25 s late
    lines = [json.loads(line) for line in trace.getvalue().splitlines()]
    spoken = [(line["due"], line["phrase"], line["spoken"], line["chime"]) for line in lines if line["phrase"]]
    assert spoken[0] == (100.0, OPENING, 100.0, None)
    assert (103.0, "Set one of two.", 103.25, None) in spoken
    assert all(line["spoken"] is None for line in lines if line["chime"])
