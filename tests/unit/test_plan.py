"""A routine's plan as the menu and `backfit show` read it: the total first, and each routine at a glance."""

from __future__ import annotations

import dataclasses

from support.strategies import EXERCISE, routine, step

from backfit_tui.core.dosages import Hold
from backfit_tui.core.model import Exercise, Step
from backfit_tui.core.plan import at_a_glance, plan_lines

SEATED = dataclasses.replace(EXERCISE, id="seated", needs_floor=False)
BAND = dataclasses.replace(EXERCISE, id="pull-apart", needs_floor=False, equipment=("resistance band",))


def hold(seconds: int, exercise: Exercise = EXERCISE) -> Step:
    """A hold of `exercise` (by default the plank, on the floor)."""
    return Step(exercise=exercise, dosage=Hold(seconds))


def test_the_total_comes_right_after_the_name():
    lines = plan_lines(routine(hold(30), hold(20)), get_ready=5)
    assert [line.text for line in lines[:2]] == ["Test", "Total 1 min, with a 5 s get-ready before each step."]
    assert not any(line.text.startswith("Total") for line in lines[2:])


def test_at_a_glance_a_routine_says_how_long_it_takes_and_what_it_needs():
    assert at_a_glance(routine(hold(30, SEATED)), get_ready=5) == "35 s"
    assert at_a_glance(routine(hold(30)), get_ready=0) == "30 s · floor"
    assert at_a_glance(routine(hold(60, BAND)), get_ready=0) == "1 min · resistance band"
    both = routine(hold(30), hold(25, BAND), hold(30, BAND))
    assert at_a_glance(both, get_ready=5) == "1 min 40 s · floor · resistance band"


def test_at_a_glance_the_length_is_the_plans_total():
    plan = routine(step(Hold(45), sets=3, rest_between_sets=15), hold(20, BAND))
    total = plan_lines(plan, get_ready=3)[1].text
    assert total == f"Total {at_a_glance(plan, get_ready=3).split(' · ')[0]}, with a 3 s get-ready before each step."



def test_a_step_and_its_cues_hang_their_wrapped_rows_under_their_text():
    plan = routine(*[hold(30)] * 9, step(Hold(20), rest_after=10), hold(20))
    hangs = {line.text.split(" ", 1)[0]: line.hang for line in plan_lines(plan, get_ready=0) if line.text}
    assert (hangs["1."], hangs["10."]) == (3, 4)  # under the words after `1. ` and `10. `
    cue = next(line for line in plan_lines(plan, get_ready=0) if line.text.startswith("   · "))
    rest = next(line for line in plan_lines(plan, get_ready=0) if "then rest" in line.text)
    assert (cue.hang, rest.hang) == (5, 3)
