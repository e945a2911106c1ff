"""`backfit run`: the plain text guide leads a person through a routine, line by line.

The guide runs in-process on a fake clock that only moves when it sleeps, so a whole routine
takes no real time; one test runs the real console script end to end. conftest.py gives every
test an empty data dir.
"""

from __future__ import annotations

import io
import os
import subprocess

import pytest
from support.plain_helpers import TINY, FakeTime, assert_in_order, run_fake
from support.processes import backfit_script
from support.recording_player import RecordingPlayer
from support.routine_texts import ESCAPES, ONE_SECOND
from support.speech_helpers import FakeSpeech, finds

from backfit_tui.audio.chime_player import make_chime_player
from backfit_tui.audio.session_sounds import SessionSounds
from backfit_tui.audio.voice import make_voice
from backfit_tui.cli.plain import run_plain
from backfit_tui.core.formatting import duration
from backfit_tui.core.timeline import build_timeline, total_seconds
from backfit_tui.core.wording import SAFETY_NOTE
from backfit_tui.store.locations import DATA_DIR_VARIABLE
from backfit_tui.store.routines.routine_files import load_routine
from backfit_tui.store.settings import Settings

# --- run: the plain text guide ---------------------------------------------------------------


def test_plain_guide_runs_a_tiny_routine(write_routine, library):
    routine = load_routine(write_routine(TINY, "tiny.toml"), library)
    status, lines, fake, enters = run_fake(routine, Settings(get_ready=2))
    assert status == 0
    planned = duration(total_seconds(build_timeline(routine, 2)))
    assert_in_order(
        lines,
        [
            f"Tiny: {planned}. Ctrl+C leaves early.",
            "Get ready: Child's pose (0:02) — Kneel, then sink your hips back onto your heels",
            "Child's pose: hold 3 s (set 1/2)",
            "Rest 0:02 before set 2/2",
            "Child's pose: hold 3 s (set 2/2)",
            "Get ready: Cat-cow (0:02) — Get on all fours, wrists below shoulders, knees below hips",
            "Cat-cow: 2 breaths (1 s in, 1 s out)",
            "  breathe in  1/2",
            "  breathe out",
            "  breathe in  2/2",
            "  breathe out",
            "Get ready: Band pull-apart (0:02) — Grip the band with straight arms, level with your chest",
            "Band pull-apart: 5 reps (self-paced) — Enter per rep, d then Enter when the set is done",
            "Well done — Tiny finished",
            "  Child's pose: planned 2 × 3 s · done 2 × 3 s",
            "  Cat-cow: planned 2 breaths · done 2 breaths",
            "  Band pull-apart: planned 5 reps · done 5 reps",
            "4 sets done · active 10 s",
        ],
    )
    # Timed phases: 2 + 3 + 2 + 3 (holds), 2 + 4 (breaths), 2 (get ready for reps); d and Enter once.
    assert fake.now == pytest.approx(18.0)
    assert enters == [pytest.approx(18.0)]
    summary = lines[lines.index("Well done — Tiny finished") + 1 :]
    assert summary == [
        "  Child's pose: planned 2 × 3 s · done 2 × 3 s",
        "  Cat-cow: planned 2 breaths · done 2 breaths",
        "  Band pull-apart: planned 5 reps · done 5 reps",
        "4 sets done · active 10 s",
    ]


A_LONG_HOLD = """
    name = "A long hold"
    description = "Twelve seconds of plank after a rest."

    [[steps]]
    exercise = "plank"
    hold = 12
    rest_after = 6

    [[steps]]
    exercise = "plank"
    hold = 4
"""


def test_plain_guide_writes_a_line_for_each_change_and_none_for_each_second(write_routine, library):
    routine = load_routine(write_routine(A_LONG_HOLD, "long.toml"), library)
    _, lines, _, _ = run_fake(routine, Settings(get_ready=0))
    assert lines[1:10] == [
        "Plank: hold 12 s",
        "  10 seconds left",  # milestones for a screen reader, rather than a line a second
        "  halfway",
        "  5 seconds left",
        "Rest 0:06, then Plank",  # what comes next
        "  5 seconds left",
        "Plank: hold 4 s",  # too short for a milestone
        "",
        "Well done — A long hold finished",  # the end said once
    ]


def test_plain_guide_speaks_its_moments_and_chimes_the_others(write_routine, library):
    routine = load_routine(write_routine(A_LONG_HOLD, "long.toml"), library)
    speech, chimes = FakeSpeech(), RecordingPlayer()
    sounds = SessionSounds(make_chime_player(Settings(), chimes, bell=lambda: None, report=print),
                           make_voice("auto", True, finds(speech), report=print))  # fmt: skip
    fake, out = FakeTime(), io.StringIO()
    assert run_plain(routine, Settings(get_ready=0), out=out, clock=fake.clock, sleep=fake.sleep, sounds=sounds) == 0
    assert speech.prepared[0] == "Plank. Hold twelve seconds."  # ready before the session starts
    assert speech.started == [
        "Plank. Hold twelve seconds.", "Three.", "Two.", "One.", "Rest six seconds. Next: Plank.",
        "Plank. Hold four seconds.", "Well done. Two exercises, twenty seconds.",
    ]  # fmt: skip
    assert chimes.played == ["countdown"] * 6  # the rest's and the short hold's: too near their phrases to be said
    assert "Three." not in out.getvalue()  # heard, not written


ONE_OF_EACH = """
    name = "One of each"
    description = "One breath and one rep."

    [[steps]]
    exercise = "cat-cow"
    breaths = 1
    inhale = 1
    exhale = 1

    [[steps]]
    exercise = "band-pull-apart"
    reps = 1
    seconds_per_rep = 1
"""


def test_plain_guide_says_one_breath_one_rep_and_one_set(write_routine, library):
    routine = load_routine(write_routine(ONE_OF_EACH, "one.toml"), library)
    _, lines, _, _ = run_fake(routine, Settings(get_ready=0))
    assert_in_order(
        lines,
        [
            "Cat-cow: 1 breath (1 s in, 1 s out)",
            "Band pull-apart: 1 rep (1 s per rep)",
            "  Cat-cow: planned 1 breath · done 1 breath",
            "2 sets done · active 3 s",
        ],
    )


ALTERNATING = """
    name = "Alternating"
    description = "Two reps on each side, left and right in turn."

    [[steps]]
    exercise = "bird-dog"
    reps = 2
    seconds_per_rep = 1
    sides = "alternating"
"""


def test_plain_guide_counts_alternating_reps_on_each_side(write_routine, library):
    routine = load_routine(write_routine(ALTERNATING, "alternating.toml"), library)
    _, lines, _, _ = run_fake(routine, Settings(get_ready=0))
    assert [line for line in lines if line.startswith("  rep")] == [
        "  rep 1/2 · left", "  rep 1/2 · right", "  rep 2/2 · left", "  rep 2/2 · right",
    ]
    assert "  Bird dog: planned 2 reps each side · done 2 reps each side" in lines


def test_plain_guide_counts_a_rep_per_empty_line_and_ends_the_set_on_d(write_routine, library):
    routine = load_routine(write_routine(TINY, "tiny.toml"), library)
    _, lines, _, reads = run_fake(routine, Settings(get_ready=0), typed=["", "", "x", "d"])
    assert len(reads) == 4  # the set waited through both reps and the stray line
    assert_in_order(lines, [
        "  rep 1/5",
        "  rep 2/5",
        "  Enter per rep, d then Enter when the set is done",  # after the stray "x"
        "Well done — Tiny finished",
        "  Band pull-apart: planned 5 reps · done 2 reps",
    ])  # fmt: skip


def test_plain_guide_ends_a_set_by_itself_on_its_last_counted_rep(write_routine, library):
    routine = load_routine(write_routine(TINY, "tiny.toml"), library)
    _, lines, _, reads = run_fake(routine, Settings(get_ready=0), typed=[""] * 5)
    assert len(reads) == 5 and "  rep 5/5" in lines
    assert "  Band pull-apart: planned 5 reps · done 5 reps" in lines


def test_plain_guide_takes_end_of_input_as_set_done(write_routine, library):
    routine = load_routine(write_routine(TINY, "tiny.toml"), library)

    def no_keyboard():
        raise EOFError

    status, lines, _, _ = run_fake(routine, Settings(get_ready=0), read_line=no_keyboard)
    assert status == 0
    assert "Well done — Tiny finished" in lines
    assert lines[-2] == "  Band pull-apart: planned 5 reps · done 5 reps"


def test_plain_guide_escapes_control_characters(write_routine, library):
    routine = load_routine(write_routine(ESCAPES, "escapes.toml"), library)
    fake, out = FakeTime(), io.StringIO()
    assert run_plain(routine, Settings(get_ready=2), out=out, clock=fake.clock, sleep=fake.sleep) == 0
    text = out.getvalue()
    assert "\x1b" not in text
    assert r"Red \x1b[31m alert" in text
    assert r"Bold \x1b[1m cue" in text  # the get-ready line shows the first cue
    assert r"Well done — Red \x1b[31m alert finished" in text.splitlines()


def test_backfit_run_end_to_end(data_dir, write_routine):
    (data_dir / "settings.toml").write_text("get_ready = 0\nmute = true\n")  # the same with or without sound here
    path = write_routine(ONE_SECOND, "one-second.toml")
    result = subprocess.run(
        [backfit_script(), "run", "--plain", str(path)],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=20,
        env={**os.environ, DATA_DIR_VARIABLE: str(data_dir)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Before you start: {SAFETY_NOTE}\n")  # the first run
    assert "Well done — One second finished" in result.stdout
    assert "Plank: planned 1 s · done 1 s" in result.stdout
    assert result.stderr == ""
    again = subprocess.run([backfit_script(), "run", "--plain", str(path)], stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, timeout=20, env={**os.environ, DATA_DIR_VARIABLE: str(data_dir)})  # fmt: skip
    assert again.returncode == 0 and SAFETY_NOTE not in again.stdout


A_HELD_REP = """
    name = "A held rep"
    description = "One leg elevation."

    [[steps]]
    exercise = "leg-elevation"
    reps = 1
    seconds_per_rep = 1
    hold_per_rep = 10
"""


def test_plain_guide_prints_the_longer_get_ready_and_each_moment_of_a_held_rep(write_routine, library):
    routine = load_routine(write_routine(A_HELD_REP, "held.toml"), library)
    speech = FakeSpeech(lengths={"Leg elevation. One hold, ten seconds each.": 3.0})
    sounds = SessionSounds(make_chime_player(Settings(), RecordingPlayer(), bell=lambda: None, report=print),
                           make_voice("auto", True, finds(speech), report=print))  # fmt: skip
    fake, out = FakeTime(), io.StringIO()
    assert run_plain(routine, Settings(get_ready=5), out=out, clock=fake.clock, sleep=fake.sleep, sounds=sounds) == 0
    assert_in_order(out.getvalue().splitlines(), [
        "A longer get-ready, so each introduction is said whole: Leg elevation 7 s.",
        "Get ready: Leg elevation (0:07) — Lie face up with one knee bent and that foot down",
        "  hold 10 s", "  halfway", "  lower",
    ])  # fmt: skip
    assert speech.started[:5] == ["Leg elevation. One hold, ten seconds each.", "Three.", "Two.", "One.", "Hold."]
