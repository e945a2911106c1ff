"""A dosage kind is one class and one row: a fourth kind, made here alone, runs through a whole session.

"Timed reps" asks for a count of reps within a window of seconds that a clock counts down. Its class follows
`core.dosages.Dosage`; its row, registered for each test and taken out after it, tells the routine file how to
read and write it. Nothing else in the app is told of it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, ClassVar

import pytest
from support.fake_clock import FakeClock

from backfit_tui.core.beats import Cue, CueKind, Pacing, completed, out_and_back
from backfit_tui.core.dosages import Ranges
from backfit_tui.core.engine import Session, Status
from backfit_tui.core.formatting import counted
from backfit_tui.core.model import Step
from backfit_tui.core.moving_figure import figure_moment
from backfit_tui.core.outcome import step_outcomes, totals
from backfit_tui.core.phrases import session_phrases
from backfit_tui.core.plan import plan_lines
from backfit_tui.core.progression import step_up
from backfit_tui.core.spoken import spoken_count, spoken_duration
from backfit_tui.core.wording import phase_announcement
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.store.routines.draft import Draft, field_hint, kind_fields, step_kind
from backfit_tui.store.routines.routine_files import DOSAGE_KINDS, DosageRow, parse_routine, routine_toml
from backfit_tui.store.validation import LoadError, TableReader, whole

LIBRARY = load_catalog().library
WINDOW_S = 30  # a window's length when the file gives none


@dataclass(frozen=True)
class TimedReps:
    """`count` reps within `within` seconds, counted down by a clock; done at an even pace, as far as time went."""

    count: int
    within: int = WINDOW_S

    unit: ClassVar[str] = "reps"
    range_name: ClassVar[str] = "reps"
    pacing: ClassVar[Pacing] = Pacing.COUNTDOWN

    @property
    def amount(self) -> int:
        return self.count

    @property
    def work_seconds(self) -> float:
        return float(self.within)

    def with_amount(self, amount: int) -> TimedReps:
        return replace(self, count=amount)

    def progresses_within(self, ranges: Ranges) -> Ranges:
        return ranges

    def beats(self, step: Step, length: float) -> list[Cue]:
        return [Cue(length / 2, CueKind.HALFWAY)]

    def achieved(self, step: Step, elapsed: float, length: float | None, counted: int) -> float:
        return completed(self.count, elapsed, self.within / self.count)

    def position(self, step: Step, elapsed: float) -> None:
        return None

    def pose_fraction(self, step: Step, elapsed: float) -> float:
        rep_seconds = self.within / self.count  # at the even pace the window allows
        return out_and_back(elapsed % rep_seconds, rep_seconds, 0)

    def describe_amount(self) -> str:
        return f"{counted(self.count, 'rep')} in {self.within} s"

    def describe_pace(self) -> str:
        return ""

    def amount_words(self) -> str:
        return self.describe_amount()

    def said_amount(self) -> str:
        return f"{spoken_count(self.count, 'rep')} in {spoken_duration(self.within)}"

    def said_pace(self) -> str:
        return ""


def read_timed_reps(reader: TableReader, table: dict[str, Any], path: tuple) -> TimedReps | None:
    count = reader.field(table, path, "timed_reps", whole(1, 200, "reps"))
    within = reader.field(table, path, "within", whole(5, 600, "seconds"), WINDOW_S)
    return None if None in (count, within) else TimedReps(count, within)


def write_timed_reps(dosage: TimedReps) -> dict[str, Any]:
    return {"timed_reps": dosage.count, **({"within": dosage.within} if dosage.within != WINDOW_S else {})}


TIMED_REPS = DosageRow("timed_reps", TimedReps, ("within",), read_timed_reps, write_timed_reps)

ROUTINE = b"""\
name = "Timed bridges"
description = "Bridges against the clock, then a hold."

[[steps]]
exercise = "bridge"
timed_reps = 12
within = 40
sets = 2
rest_between_sets = 10

[[steps]]
exercise = "childs-pose"
hold = 20
"""
PATH = Path("timed-bridges.toml")


@pytest.fixture
def timed_reps(monkeypatch):
    """The fourth kind's row in the table, for one test."""
    monkeypatch.setitem(DOSAGE_KINDS, TIMED_REPS.key, TIMED_REPS)


def run_through(session: Session, clock: FakeClock) -> list:
    """Every event of `session` run to its end with no key pressed, the clock jumping to each wake-up."""
    events = session.start()
    while session.status is not Status.FINISHED:
        clock.advance(session.next_wakeup() - clock())
        events += session.update()
    return events


def test_a_routine_file_using_it_loads_as_its_class(timed_reps):
    routine = parse_routine(ROUTINE, PATH, LIBRARY)
    bridges = routine.steps[0]
    assert bridges.dosage == TimedReps(12, 40)
    assert bridges.describe() == "Bridge — 12 reps in 40 s × 2, rest 10 s"
    assert [line.text for line in plan_lines(routine, 0, cues=False)][1] == "Total 1 min 50 s."


def test_the_loader_words_its_problems_with_the_other_kinds(timed_reps):
    two_kinds = ROUTINE.replace(b"within = 40", b"hold = 5")
    with pytest.raises(LoadError) as caught:
        parse_routine(two_kinds, PATH, LIBRARY)
    assert "needs exactly one of hold, breaths, reps or timed_reps (found hold and timed_reps)" in str(caught.value)
    alternating = ROUTINE.replace(b"within = 40", b'sides = "alternating"')
    with pytest.raises(LoadError) as caught:
        parse_routine(alternating, PATH, LIBRARY)
    assert 'can be "alternating" only on a reps step' in str(caught.value)


def test_a_session_counts_its_window_down_and_records_its_reps(timed_reps):
    clock = FakeClock()
    session = Session(parse_routine(ROUTINE, PATH, LIBRARY), clock, get_ready=0)
    events = run_through(session, clock)
    first_set = [event for event in events if event.phase_index == 0]
    countdown = [event.due - 1000 for event in first_set if event.kind.value in ("countdown", "halfway")]
    assert countdown == [20, 37, 38, 39]  # halfway, then 3-2-1 before the window closes
    assert session.planned_seconds == 110
    sets = session.record().sets
    assert [(s.unit, s.planned, s.achieved, s.skipped) for s in sets[:2]] == [("reps", 12, 12, False)] * 2
    bridges, _hold = step_outcomes(session.routine, session.record())
    assert (bridges.planned(), bridges.done(), bridges.missed_words()) == ("2 × 12", "2 × 12", "")
    assert totals(step_outcomes(session.routine, session.record())) == "3 sets done · active 1 min 40 s"


def test_its_window_can_be_lengthened_and_a_set_cut_short_counts_the_reps_due_by_then(timed_reps):
    clock = FakeClock()
    session = Session(parse_routine(ROUTINE, PATH, LIBRARY), clock, get_ready=0)
    session.start()
    assert session.can_adjust
    clock.advance(20)  # half the window: 6 of 12 reps at an even pace
    session.skip()
    assert [(s.achieved, s.skipped) for s in session.record().sets] == [(6, True)]


def test_it_is_said_and_announced_from_its_own_words(timed_reps):
    routine = parse_routine(ROUTINE, PATH, LIBRARY)
    phrases = session_phrases(routine, get_ready=0, count_aloud=False)
    assert phrases[:3] == ["Bridge. Twelve reps in forty seconds, two sets.", "Halfway.", "Rest ten seconds."]
    session = Session(routine, FakeClock(), get_ready=0)
    assert phase_announcement(session.phase) == "Bridge: 12 reps in 40 s (set 1/2)"


def test_it_progresses_within_its_exercises_range_of_reps(timed_reps):
    bridges = parse_routine(ROUTINE, PATH, LIBRARY).steps[0]
    suggestion = step_up(bridges)
    assert suggestion.changed.dosage == TimedReps(13, 40)
    assert suggestion.words() == "Bridge: 13 reps in 40 s × 2 next time?"


def test_the_writer_saves_it_and_the_saved_file_loads_back_the_same(timed_reps):
    routine = parse_routine(ROUTINE, PATH, LIBRARY)
    text = routine_toml(routine)
    assert "timed_reps = 12\nwithin = 40\nsets = 2\n" in text
    assert parse_routine(text.encode(), PATH, LIBRARY) == routine


def test_the_editor_offers_its_fields_and_a_step_can_become_one(timed_reps):
    draft = Draft.from_routine(parse_routine(ROUTINE, PATH, LIBRARY))
    assert step_kind(draft.steps[0]) == "timed_reps"
    assert kind_fields("timed_reps")[:2] == ("timed_reps", "within")
    assert field_hint("timed_reps", LIBRARY["bridge"]) == "10 to 15"  # the range of reps
    assert field_hint("within", LIBRARY["bridge"]) == f"{WINDOW_S} (default)"
    draft.set_step_kind(1, "timed_reps", LIBRARY["childs-pose"])
    assert draft.steps[1] == {"exercise": "childs-pose", "timed_reps": 10}  # no range of reps: the usual 10
    routine, problems = draft.check(LIBRARY)
    assert problems == [] and routine.steps[1].dosage == TimedReps(10)


def test_without_its_row_a_file_using_it_does_not_load():
    assert TIMED_REPS.key not in DOSAGE_KINDS  # each test's row was taken out after it
    with pytest.raises(LoadError):
        parse_routine(ROUTINE, PATH, LIBRARY)


def test_its_figure_moves_at_the_even_pace_of_its_window(timed_reps):
    clock = FakeClock()
    session = Session(parse_routine(ROUTINE, PATH, LIBRARY), clock, get_ready=0)
    session.start()
    clock.advance(40 / 12 / 2)  # half of a rep at 12 reps in 40 s: at the end pose
    assert (figure_moment(session).fraction, figure_moment(session).moving) == (pytest.approx(1.0), True)
