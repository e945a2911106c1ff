"""The library's dosage ranges: every bundled routine lies within them, and a bad range gets one clear problem."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.history_helpers import step_records
from support.loader_helpers import toml
from support.strategies import routine

from backfit_tui.core.model import Step
from backfit_tui.core.progression import Direction, starting_step, step_ranges, step_up, suggestions
from backfit_tui.core.records import SessionRecord
from backfit_tui.core.timeline import planned_amount
from backfit_tui.store.locations import bundled_library_file
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.store.routines.ranges import RANGE_KEYS
from backfit_tui.store.routines.routine_files import load_library
from backfit_tui.store.validation import LoadError

BUNDLED = [entry for entry in load_catalog().entries if entry.origin == "bundled"]


@pytest.mark.parametrize("entry", BUNDLED, ids=lambda entry: entry.id)
def test_every_bundled_step_lies_within_its_exercises_ranges(entry):
    for number, step in enumerate(entry.routine.steps, 1):
        amounts, sets = step_ranges(step)
        where = f"{entry.id} step {number} ({step.exercise.id})"
        assert amounts is not None and sets is not None, f"{where}: the library gives no range for its dosage"
        assert planned_amount(step)[0] in amounts, f"{where}: {planned_amount(step)} is outside {amounts}"
        assert step.sets in sets, f"{where}: {step.sets} sets is outside {sets}"


def test_the_exercises_the_articles_dose_are_in_the_library_with_their_ranges():
    library = load_catalog().library
    assert (library["cobra"].ranges.breaths.low, library["cobra"].ranges.breaths.high) == (5, 10)
    assert (library["squat"].ranges.reps.low, library["squat"].ranges.reps.high) == (10, 15)
    assert (library["crunch"].ranges.reps.low, library["crunch"].ranges.reps.high) == (10, 20)


RANGE_LINE = re.compile(r"^(hold|breaths|reps|sets|held_reps|held_sets) = \{")
ARTICLE = re.compile(r"\b(00[0-4])\b")
LIBRARY_RANGES = [(exercise.id, kind, getattr(exercise.ranges, kind)) for exercise in load_catalog().library.values()
                  for kind in RANGE_KEYS if getattr(exercise.ranges, kind) is not None]  # fmt: skip


@pytest.mark.parametrize(("exercise_id", "kind", "found"), LIBRARY_RANGES, ids=lambda item: str(item)[:24])
def test_every_range_in_the_library_names_its_article_or_says_it_is_our_choice(exercise_id, kind, found):
    assert ARTICLE.search(found.source) or "our choice" in found.source, f"{exercise_id}.{kind}: {found.source!r}"


@pytest.mark.parametrize(("exercise_id", "kind", "found"), LIBRARY_RANGES, ids=lambda item: str(item)[:24])
def test_the_articles_a_range_names_are_among_its_exercises_sources(exercise_id, kind, found):
    cited = {source.split(" ")[0] for source in load_catalog().library[exercise_id].sources}
    assert set(ARTICLE.findall(found.source)) <= cited, f"{exercise_id}.{kind}: {found.source!r} beyond {cited}"


def test_every_exercise_names_its_articles_by_one_number_and_the_title_the_routines_cite():
    titles: dict[str, set[str]] = {}
    for exercise in load_catalog().library.values():
        assert exercise.sources, exercise.id
        for source in exercise.sources:
            number, title = re.fullmatch(r'(00[0-4]) "([^"]+)": .+', source).groups()
            titles.setdefault(number, set()).add(title)
    assert all(len(named) == 1 for named in titles.values()), titles
    cited_by_routines = {title for entry in BUNDLED for title in entry.routine.sources}
    assert {title for named in titles.values() for title in named} <= cited_by_routines | {
        "Strengthen Your Back Muscles and Alleviate Pain: A Comprehensive Guide"  # no routine is drawn from 003 alone
    }


def test_every_range_in_the_library_says_whose_its_top_is_and_an_articles_top_names_the_article():
    ranges = [line for line in bundled_library_file().read_text(encoding="utf-8").splitlines() if RANGE_LINE.match(line)]
    assert [line for line in ranges if not re.search(r'top = "(article|ours)"', line)] == []
    untraced = [(exercise_id, kind) for exercise_id, kind, found in LIBRARY_RANGES
                if found.articles_top and not ARTICLE.search(found.source)]  # fmt: skip
    assert untraced == []


@pytest.mark.parametrize(
    ("exercise_id", "said"),
    [("superman", "at the top of this exercise's range"), ("plank", "at the top of this exercise's range"),
     ("seated-march", "at the top of this exercise's range"), ("seated-leg-lift", "at the top of this exercise's range"),
     ("crunch", "at the top of this exercise's range"), ("childs-pose", "at the articles' full dosage"),
     ("squat", "at the articles' full dosage")],
)  # fmt: skip
def test_at_the_top_only_an_exercise_whose_tops_the_articles_give_is_at_their_full_dosage(exercise_id, said):
    first = starting_step(load_catalog().library[exercise_id])
    amounts, sets = step_ranges(first)
    top = replace(first, dosage=first.dosage.with_amount(amounts.high), sets=sets.high)
    assert step_up(top).words() == f"{top.exercise.name}: {said}."


def library_texts() -> dict[str, str]:
    """Each library exercise's lines, by id, as the file writes them (its comments with them)."""
    _, *found = re.split(r"^\[([a-z-]+)\]$", bundled_library_file().read_text(encoding="utf-8"), flags=re.M)
    return dict(zip(found[::2], found[1::2], strict=True))


def test_002s_twelve_to_fifteen_reps_are_credited_to_its_pull_aparts_and_dumbbell_rows_only():
    borrowing = {exercise_id: text for exercise_id, text in library_texts().items()
                 if "12-15" in text and exercise_id != "band-pull-apart"}  # fmt: skip
    assert borrowing, "no other exercise takes 002's upper back dosage"
    assert all("pull-aparts and dumbbell rows" in text for text in borrowing.values()), borrowing


@pytest.mark.parametrize(
    ("exercise_id", "kind", "articles_floor"),
    [("plank", "hold", 30), ("seated-twist", "hold", 30), ("knee-rolls", "reps", 3), ("bridge", "reps", 10),
     ("bird-dog", "reps", 10)],
)  # fmt: skip
def test_a_range_starts_at_its_articles_floor_or_says_the_step_back_below_it_is_ours(exercise_id, kind, articles_floor):
    low = getattr(load_catalog().library[exercise_id].ranges, kind).low
    assert low <= articles_floor
    if low < articles_floor:
        said = getattr(load_catalog().library[exercise_id].ranges, kind).source
        assert "step back" in said and "our choice" in said, said


EXERCISE = """
[plank]
name = "Plank"
category = "core"
targets = ["core"]
needs_floor = true
cues = ["Forearms down", "Body in a line"]
"""


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("hold = 30", "must be a table of from, to and step, got 30; e.g. `hold = { from = 10, to = 15, step = 1 }`"),
        ("hold = { from = 30, to = 60 }", "needs exactly from, to and step, and may say its top and source (missing"
                                          " step); e.g. `hold = { from = 10, to = 15, step = 1 }`"),
        ('hold = { from = 30, to = 60, step = 5, top = "theirs" }', 'top must be "article" or "ours" (whose number'
                                                                   ' the top is), got "theirs"'),
        ("hold = { from = 30, to = 60, step = 5, source = 30 }", "source must be text in quotes, got 30"),
        ("reps = { from = 15, to = 10, step = 1 }", "must have 1 ≤ from ≤ to ≤ 200 reps, got from = 15, to = 10; e.g."
                                                    " `reps = { from = 10, to = 15, step = 1 }`"),
        ("sets = { from = 1, to = 3, step = 5 }", "step must be 1 to 2 (the span from `from` to `to`), got 5"),
    ],
)  # fmt: skip
def test_a_bad_range_names_its_file_line_and_how_to_write_it(tmp_path, written, message):
    path = tmp_path / "exercises.toml"
    path.write_text(toml(EXERCISE) + written + "\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_library(path)
    key = written.split(" ")[0]
    assert [str(p) for p in caught.value.problems] == [f"{path}:7: plank.{key}: {message}"]


def test_a_routines_own_cues_keep_the_exercises_cautions():
    bridge = load_catalog().find("six-strengtheners").routine.steps[3]
    assert bridge.exercise.id == "bridge" and bridge.cues
    assert bridge.form_cues[-1] == "Don't let your low back over-arch"


# What each article gives as the count of a rep that holds the pose, (reps, sets), for every exercise a bundled
# routine holds on each rep; None where the article that gives the hold gives no count.
HELD_BY_ARTICLE = {
    "bridge": (10, 1),  # 004: "Hold the pose for 10 seconds, then rest and repeat the process 10 times"
    "bird-dog": (15, 3),  # 001: "Hold for a few seconds", "2 sets of 10-15 reps", "add more sets"; 004: 3 × 10
    "prone-opposite-arm-leg": (10, 3),  # 004: "Hold the position for 4 seconds", "three sets of ten reps"
    "leg-elevation": (10, 3),  # 004: "hold the pose for 30 seconds", "three sets of ten reps on each side"
    "knee-rolls": (3, 1),  # 001: "Hold for 30 seconds before repeating three times then switch sides"
    "knee-to-chest": None,  # 002: "Hold the stretch for a few seconds", "each leg a few times"
    "superman": None,  # 000 and 002: hold "for a few seconds", no count
}
HELD_STEPS = [(entry.id, number, step) for entry in BUNDLED for number, step in enumerate(entry.routine.steps, 1)
              if getattr(step.dosage, "hold_per_rep", None)]  # fmt: skip


def test_every_exercise_held_on_each_rep_has_its_articles_count_here():
    assert {step.exercise.id for _, _, step in HELD_STEPS} <= set(HELD_BY_ARTICLE)


def climb(start: Step) -> list[Step]:
    """Every step a person who always did the whole step twice would be offered, from `start` up to the top."""
    offered, current = [], start
    while True:
        done = tuple(step_records(current))
        history = [SessionRecord("held", "Held", done, True, sum(s.work_done_seconds for s in done))] * 2
        ups = [s for s in suggestions(routine(current), history) if s.direction is Direction.UP]
        assert ups == [s for s in suggestions(routine(current), history) if s.direction is Direction.UP]  # same answer
        if not ups:
            return offered
        current = ups[0].changed
        offered.append(current)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(HELD_STEPS), st.data())
def test_no_step_that_holds_each_rep_progresses_past_its_articles_count(held, data):
    routine_id, number, bundled = held
    amounts, sets = step_ranges(bundled)
    start = replace(bundled, dosage=bundled.dosage.with_amount(data.draw(st.integers(amounts.low, amounts.high))),
                    sets=data.draw(st.integers(sets.low, sets.high)))  # fmt: skip
    count = HELD_BY_ARTICLE[bundled.exercise.id]
    if count is None:  # the article gives no count: the range is ours, and says so
        assert not amounts.articles_top and not sets.articles_top, f"{routine_id} step {number}"
        return
    reps, most_sets = count
    for offered in [start, *climb(start)]:
        assert offered.dosage.amount <= reps and offered.sets <= most_sets, f"{routine_id} step {number}: {offered}"
