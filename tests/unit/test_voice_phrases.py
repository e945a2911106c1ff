"""What the voice says at each moment of a session: one phrase function for the screen and the plain guide."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support.strategies import BIDI, CONTROLS, ESCAPE_SEQUENCES, EXERCISE, routine, routines, step, untrusted_text

from backfit_tui.core.dosages import Breaths, Hold, Reps
from backfit_tui.core.model import Sides, Step
from backfit_tui.core.phrases import moment_phrase, phrase_of, session_phrases
from backfit_tui.core.records import Event, EventKind
from backfit_tui.core.spoken import number_words, speakable, spoken_duration
from backfit_tui.core.timeline import Phase, PhaseKind, build_timeline


def said(timeline: tuple[Phase, ...], kind: EventKind, phase: Phase, value: int = 0, count_aloud: bool = True):
    """What the voice says for an event of `kind` in `phase`."""
    return phrase_of(Event(kind, 0.0, timeline.index(phase), value), timeline, count_aloud)


def openings(a_step: Step, get_ready: int = 5) -> list[tuple[PhaseKind, str | None]]:
    """Each phase of a routine of `a_step`, with what is said as it starts."""
    timeline = build_timeline(routine(a_step), get_ready)
    return [(phase.kind, said(timeline, EventKind.PHASE_STARTED, phase)) for phase in timeline]


def named(name: str) -> Step:
    """A 30 s hold of an exercise called `name`."""
    return Step(exercise=dataclasses.replace(EXERCISE, name=name), dosage=Hold(30))


# --- each kind of moment ---------------------------------------------------------------------


def test_getting_ready_names_the_exercise_its_dosage_and_its_sets_then_each_set_is_counted():
    assert openings(step(Hold(30), sets=3, rest_between_sets=10)) == [
        (PhaseKind.GET_READY, "Plank. Hold thirty seconds, three sets."),
        (PhaseKind.WORK, "Set one of three."),
        (PhaseKind.SET_REST, "Rest ten seconds."),
        (PhaseKind.WORK, "Set two of three."),
        (PhaseKind.SET_REST, "Rest ten seconds."),
        (PhaseKind.WORK, "Set three of three."),
    ]


def test_a_single_set_starts_with_its_chime_alone():
    assert openings(step(Hold(30))) == [(PhaseKind.GET_READY, "Plank. Hold thirty seconds."), (PhaseKind.WORK, None)]


def test_sides_are_said_each_set_and_the_switch_names_the_side_that_comes():
    assert openings(step(Hold(20), sets=2, sides=Sides.EACH, switch=5)) == [
        (PhaseKind.GET_READY, "Plank. Hold twenty seconds on each side, two sets."),
        (PhaseKind.WORK, "Set one of two. Left side."),
        (PhaseKind.SWITCH, "Switch sides. Right."),
        (PhaseKind.WORK, None),  # the switch said it
        (PhaseKind.WORK, "Set two of two. Left side."),
        (PhaseKind.SWITCH, "Switch sides. Right."),
        (PhaseKind.WORK, None),
    ]


def test_without_a_switching_pause_the_right_side_says_the_switch_itself():
    assert openings(step(Hold(20), sides=Sides.EACH, switch=0))[1:] == [
        (PhaseKind.WORK, "Left side."),
        (PhaseKind.WORK, "Switch sides. Right."),
    ]


def test_without_a_get_ready_the_first_set_names_the_exercise():
    assert openings(step(Hold(30), sets=2), get_ready=0) == [
        (PhaseKind.WORK, "Plank. Hold thirty seconds, two sets."),
        (PhaseKind.WORK, "Set two of two."),
    ]


@pytest.mark.parametrize(
    ("a_step", "introduction"),
    [
        (step(Hold(1)), "Plank. Hold one second."),
        (step(Hold(90)), "Plank. Hold one minute thirty seconds."),
        (step(Breaths(1)), "Plank. One breath."),
        (step(Breaths(6), sets=2), "Plank. Six breaths, two sets."),
        (step(Reps(1, seconds_per_rep=2)), "Plank. One rep."),
        (step(Reps(10)), "Plank. Ten reps, at your own pace."),
        (step(Reps(8, 2, hold_per_rep=4), sides=Sides.ALTERNATING),
         "Plank. Eight holds per side, alternating, four seconds each."),
        (step(Reps(5, 2), sides=Sides.EACH, sets=3), "Plank. Five reps per side, three sets."),
    ],
    ids=["one second", "minutes", "one breath", "breaths in sets", "one rep", "self-paced", "alternating", "each side"],
)  # fmt: skip
def test_every_dosage_is_said_in_words_singular_or_plural(a_step, introduction):
    assert openings(a_step)[0] == (PhaseKind.GET_READY, introduction)


def test_a_rest_before_another_exercise_says_what_comes_next(library):
    bird_dog = Step(exercise=library["bird-dog"], dosage=Reps(8, 2))
    timeline = build_timeline(routine(step(Hold(30), rest_after=10), bird_dog), get_ready=5)
    rest = next(phase for phase in timeline if phase.kind is PhaseKind.STEP_REST)
    assert said(timeline, EventKind.PHASE_STARTED, rest) == "Rest ten seconds. Next: Bird dog."


@pytest.mark.parametrize(("seconds", "phrase"), [(20, "Halfway."), (19, None)])
def test_halfway_is_said_in_holds_of_twenty_seconds_or_more(seconds, phrase):
    timeline = build_timeline(routine(step(Hold(seconds))), 0)
    assert said(timeline, EventKind.HALFWAY, timeline[0]) == phrase


def test_the_countdown_is_said_or_left_to_the_ticks_as_the_person_chooses():
    timeline = build_timeline(routine(step(Hold(30))), 0)
    hold = timeline[0]
    assert [said(timeline, EventKind.COUNTDOWN, hold, n) for n in (3, 2, 1)] == ["Three.", "Two.", "One."]
    assert said(timeline, EventKind.COUNTDOWN, hold, 3, count_aloud=False) is None


def test_a_countdown_too_close_to_its_phases_opening_phrase_is_ticked_so_the_phrase_is_heard_whole():
    timeline = build_timeline(routine(step(Hold(30), rest_after=6), step(Hold(30), sets=2, rest_between_sets=7)), 5)
    get_ready, _, short_rest, _, _, long_rest, _ = timeline
    assert said(timeline, EventKind.COUNTDOWN, get_ready, 3) is None  # 5 s: its opening would be cut at 2 s
    assert said(timeline, EventKind.COUNTDOWN, short_rest, 3) is None
    assert said(timeline, EventKind.COUNTDOWN, long_rest, 3) == "Three."  # 4 s for "Rest seven seconds."


def test_the_first_two_breaths_of_a_step_are_said_then_the_chimes_take_over():
    timeline = build_timeline(routine(step(Breaths(4), sets=2)), 0)
    first, second = (phase for phase in timeline if phase.kind is PhaseKind.WORK)
    assert [said(timeline, kind, first, n) for n in (1, 2, 3) for kind in (EventKind.BREATH_IN, EventKind.BREATH_OUT)] == [
        "Breathe in.", "Breathe out.", "Breathe in.", "Breathe out.", None, None]  # fmt: skip
    assert said(timeline, EventKind.BREATH_IN, second, 1) is None


@pytest.mark.parametrize(
    ("steps", "end"),
    [
        ([step(Hold(130))] * 4, "Well done. Four exercises, nine minutes."),
        ([step(Hold(35))], "Well done. One exercise, forty seconds."),
        ([step(Hold(55)), step(Hold(5))], "Well done. Two exercises, one minute."),
    ],
    ids=["minutes", "under a minute", "one minute"],
)
def test_the_end_says_well_done_with_the_routines_exercises_and_length(steps, end):
    timeline = build_timeline(routine(*steps), get_ready=5)
    assert said(timeline, EventKind.SESSION_FINISHED, timeline[-1]) == end


@pytest.mark.parametrize("kind", [EventKind.REP, EventKind.REP_HOLD, EventKind.RESUMED, EventKind.SET_DONE,
                                  EventKind.PHASE_ENDED, EventKind.SECONDS_LEFT, EventKind.STEP_DONE])  # fmt: skip
def test_reps_resuming_and_bookkeeping_are_left_to_their_chimes(kind):
    timeline = build_timeline(routine(step(Reps(3, 2))), 5)
    assert said(timeline, kind, timeline[1], 1) is None


# --- a moment, and a whole session ----------------------------------------------------------


def test_a_moment_says_its_events_phrases_as_one_and_only_the_latest_moment_is_said():
    timeline = build_timeline(routine(step(Breaths(3), sets=2)), 5)
    work = [Event(EventKind.PHASE_ENDED, 5.0, 0), Event(EventKind.PHASE_STARTED, 5.0, 1),
            Event(EventKind.BREATH_IN, 5.0, 1, 1)]  # fmt: skip
    assert moment_phrase(work, timeline, True) == "Set one of two. Breathe in."
    late = [Event(EventKind.PHASE_STARTED, 0.0, 0), Event(EventKind.SET_DONE, 5.0, 1)]
    assert moment_phrase(late, timeline, True) is None  # get-ready's phrase is past; the latest says nothing
    assert moment_phrase([], timeline, True) is None


def test_a_sessions_phrases_are_listed_once_each_in_the_order_first_said():
    assert session_phrases(routine(step(Hold(20), sets=2, rest_between_sets=10)), 5, count_aloud=True) == [
        "Plank. Hold twenty seconds, two sets.", "Set one of two.", "Halfway.", "Three.", "Two.", "One.",
        "Rest ten seconds.", "Set two of two.", "Well done. One exercise, fifty-five seconds.",
    ]  # fmt: skip


@given(routines(), st.integers(0, 10), st.booleans())
def test_every_phrase_of_a_session_is_known_before_it_starts(a_routine, get_ready, count_aloud):
    from support.fake_clock import FakeClock

    from backfit_tui.core.engine import Session, Status

    known = set(session_phrases(a_routine, get_ready, count_aloud))
    clock = FakeClock(0.0)
    session = Session(a_routine, clock, get_ready)
    events = session.start()
    while session.status is not Status.FINISHED:
        phrase = moment_phrase(events, session.timeline, count_aloud)
        assert phrase is None or phrase in known
        events = session.mark_done() if session.counts_reps else session.update()
        clock.advance(0.5)


# --- untrusted text -------------------------------------------------------------------------


@pytest.mark.parametrize("text", [*ESCAPE_SEQUENCES, "[[h@l'oU]] <speak>x</speak> {wav}", "-v evil", *CONTROLS, *BIDI])
def test_markup_escapes_and_options_never_reach_an_engine(text):
    spoken = speakable(f"{text} stretch")
    assert spoken.endswith("stretch") and spoken[0].isalnum()
    assert not set(spoken) & set("[]<>{}\\/\x1b\x07")
    assert spoken.isprintable()


@given(untrusted_text(60))
def test_an_exercise_name_is_spoken_without_controls_or_markup_and_at_a_bounded_length(name):
    phrases = session_phrases(routine(named(name), named(name)), 5, count_aloud=True)
    for phrase in phrases:
        assert phrase.isprintable() and not set(phrase) & set("[]<>{}\\/`*_#")
        assert len(phrase) <= 200 and phrase[0].isalnum()


def test_a_long_name_is_cut_at_a_word():
    assert speakable("Knee to chest " * 10) == "Knee to chest Knee to chest Knee to chest Knee to chest Knee"


def test_a_name_with_nothing_speakable_is_left_out():
    assert session_phrases(routine(named("[]{}<>")), 5, True)[0] == "Hold thirty seconds."


@pytest.mark.parametrize(("number", "words"), [(0, "zero"), (13, "thirteen"), (40, "forty"), (62, "sixty-two"),
                                               (100, "one hundred"), (3600, "three thousand six hundred")])  # fmt: skip
def test_numbers_are_spelled_out(number, words):
    assert number_words(number) == words


def test_lengths_of_time_are_said_in_minutes_and_seconds():
    assert [spoken_duration(s) for s in (1, 45, 60, 61, 150)] == [
        "one second", "forty-five seconds", "one minute", "one minute one second", "two minutes thirty seconds"]  # fmt: skip
