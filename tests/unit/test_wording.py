"""The words of a session, the same for the session screen, the plain guide and a voice."""

from __future__ import annotations

from support.strategies import routine, step

from backfit_tui.core.model import Hold, Reps, Sides
from backfit_tui.core.records import Event, EventKind
from backfit_tui.core.timeline import PhaseKind, build_timeline
from backfit_tui.core.wording import event_words, next_up, phase_announcement, phase_cues, phase_heading


def test_a_set_on_one_side_is_worded_alike_on_the_screen_and_in_the_plain_guide():
    timeline = build_timeline(routine(step(Hold(30), sets=3, sides=Sides.EACH, rest_between_sets=20)), get_ready=5)
    second_left = next(p for p in timeline if p.set_number == 2 and p.side == "left")
    assert phase_heading(second_left) == "Set 2/3 · left"
    assert phase_announcement(second_left) == "Plank: hold 30 s each side (set 2/3, left)"
    rest = next(p for p in timeline if p.kind is PhaseKind.SET_REST)
    assert (phase_heading(rest), phase_announcement(rest)) == ("Rest", "Rest 0:20 before set 2/3")
    switch = next(p for p in timeline if p.kind is PhaseKind.SWITCH)
    assert [next_up(phase) for phase in (second_left, rest, switch, None)] == [
        "Next: Plank — set 2/3 · left", "Next: rest 20 s", "Next: switch sides 5 s", "Next: the end"]  # fmt: skip


def test_getting_ready_shows_only_the_first_form_cue():
    get_ready, work = build_timeline(routine(step(Reps(8))), get_ready=5)
    assert phase_cues(get_ready) == ("Forearms under shoulders",)
    assert phase_cues(work) == ("Forearms under shoulders", "Body in one long line")
    assert phase_announcement(get_ready) == "Get ready: Plank (0:05) — Forearms under shoulders"
    assert phase_announcement(work) == "Plank: 8 reps (self-paced) (set 1/1) — press Enter when the set is done"


def test_the_moments_inside_a_phase_have_words_and_bookkeeping_has_none():
    (work,) = build_timeline(routine(step(Reps(2, seconds_per_rep=2, hold_per_rep=4), sides=Sides.ALTERNATING)), 0)
    words = [event_words(Event(kind, 0.0, 0, value), work) for kind, value in [
        (EventKind.COUNTDOWN, 3), (EventKind.REP, 2), (EventKind.REP_HOLD, 2), (EventKind.SET_DONE, 0),
        (EventKind.SESSION_FINISHED, 0)]]  # fmt: skip
    assert words == ["3…", "rep 1/2 · right", "hold 4 s", "", "Finished."]
