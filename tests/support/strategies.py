"""Hypothesis strategies and small builders for routines, shared by the property tests."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import strategies as st

from backfit_tui.core.dosages import Breaths, DosageRange, Hold, Ranges, Reps
from backfit_tui.core.model import Exercise, Routine, Sides, Step
from support.history_helpers import step_records

EXERCISE = Exercise(
    id="plank", name="Plank", category="core", targets=("abdominals",), equipment=(),
    needs_floor=True, cues=("Forearms under shoulders", "Body in one long line"),
)  # fmt: skip


def step(dosage, **options) -> Step:
    """A step of the test exercise with `dosage` and any step options."""
    return Step(exercise=EXERCISE, dosage=dosage, **options)


def routine(*steps: Step, routine_id: str = "test") -> Routine:
    """A routine made of `steps`."""
    return Routine(id=routine_id, name="Test", description="A test routine.", steps=tuple(steps))


halves = st.integers(2, 20).map(lambda n: n / 2)  # 1.0, 1.5, … 10.0 seconds


@st.composite
def dosages(draw, paced_only: bool = False):
    kind = draw(st.sampled_from(["hold", "breaths", "reps"]))
    if kind == "hold":
        return Hold(draw(st.integers(1, 90)))
    if kind == "breaths":
        return Breaths(draw(st.integers(1, 12)), draw(halves), draw(halves))
    paced = paced_only or draw(st.booleans())
    tempo = draw(halves) if paced else None
    hold = draw(st.none() | st.integers(1, 10)) if paced else None
    return Reps(draw(st.integers(1, 15)), tempo, hold)


@st.composite
def steps(draw, paced_only: bool = False):
    dosage = draw(dosages(paced_only))
    sides = draw(st.sampled_from(list(Sides) if isinstance(dosage, Reps) else [Sides.NONE, Sides.EACH]))
    return step(
        dosage,
        sets=draw(st.integers(1, 4)),
        rest_between_sets=draw(st.integers(0, 60)),
        sides=sides,
        switch=draw(st.integers(0, 10)),
        rest_after=draw(st.integers(0, 60)),
    )


@st.composite
def routines(draw, paced_only: bool = False):
    return routine(*draw(st.lists(steps(paced_only), min_size=1, max_size=5)))


def near_an_end(of: DosageRange, by: int):
    """A whole number at least 1 and within `by` of the range's bottom or top, where steps meet its ends."""
    return st.sampled_from([of.low, of.high]).flatmap(lambda end: st.integers(max(1, end - by), end + by))


@st.composite
def ranged_steps(draw):
    """A hold or reps step of an exercise with ranges for both and for sets, planned near their ends, in or out."""
    low, sets_low = draw(st.integers(1, 60)), draw(st.integers(1, 3))
    amounts = DosageRange(low, low + draw(st.integers(0, 30)), draw(st.integers(1, 10)))
    sets = DosageRange(sets_low, sets_low + draw(st.integers(0, 3)), draw(st.integers(1, 2)))
    amount = draw(near_an_end(amounts, 10))
    dosage = Hold(amount) if draw(st.booleans()) else Reps(amount, 2.0)
    exercise = replace(EXERCISE, ranges=Ranges(hold=amounts, reps=amounts, sets=sets))
    return replace(step(dosage, sets=draw(near_an_end(sets, 1))), exercise=exercise)


def histories(a_step: Step, min_size: int = 2, undone: bool | None = None):
    """The records of sessions of `a_step` (newest first), each done as planned or with some of its sets undone.

    `undone` True or False makes every session so; None mixes them.
    """
    as_planned, some_undone = st.just(frozenset()), st.frozensets(st.integers(1, a_step.sets), min_size=1)
    skipped = {True: some_undone, False: as_planned, None: as_planned | some_undone}[undone]
    sessions = st.lists(skipped, min_size=min_size, max_size=min_size + 2)
    return sessions.map(lambda each: [step_records(a_step, skipped_sets=sets) for sets in each])


# --- untrusted text --------------------------------------------------------------------------

# What a terminal obeys or what reorders or hides text: every C0 and C1 control and DEL; the bidi embeddings,
# overrides, isolates and marks; the zero-width characters.
CONTROLS = tuple(map(chr, (*range(0x20), 0x7F, *range(0x80, 0xA0))))
BIDI = tuple(map(chr, (*range(0x202A, 0x202F), *range(0x2066, 0x206A), *range(0x200B, 0x2010), 0x061C)))
ESCAPE_SEQUENCES = (
    "\x1b[2J",  # clear the screen
    "\x1b]0;TITLE\x07",  # set the window's title
    "\x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\",  # a hyperlink
    "\x9b31m",  # red, after the one-byte CSI
    "\x1bP+q544e\x1b\\",  # a device control string
)
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")  # where str.splitlines() ends a line


def untrusted_text(max_length: int, one_line: bool = True, leave_out: str = ""):
    """Text as a shared file may hold it, between two letters: controls, escape sequences, bidi characters, markup
    and words; a `one_line` text has no line breaks (a name or cue refuses them), and none has a character in
    `leave_out`."""
    unsafe = [c for c in CONTROLS + BIDI if not (one_line and c in LINE_BREAKS)] + [*ESCAPE_SEQUENCES, "[bold]", "[/]"]
    words = st.text("ab ", min_size=1, max_size=3)
    pieces = st.sampled_from([p for p in unsafe if not set(p) & set(leave_out)]) | words
    texts = st.lists(pieces, min_size=1, max_size=8).map(lambda parts: "a" + "".join(parts) + "z")
    return texts.filter(lambda text: len(text) <= max_length)
