"""Property tests: whatever a file holds, the loaders answer with a value or a LoadError.

A routine or settings file is user input. Whatever bytes it holds, loading it must give either
the checked value or a LoadError whose every problem names the file, never a traceback. The
generators mix plain garbage, TOML-looking fragments, and TOML documents written with tomli_w
from dictionaries that mix valid and invalid keys, values and types.

Inputs that the generators found to break the promise are pinned as plain tests at the end.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from backfit_tui.core.dosages import Breaths, Hold, Reps
from backfit_tui.core.model import Routine, Sides
from backfit_tui.store.locations import bundled_library_file
from backfit_tui.store.routines.routine_files import ROUTINE_KEYS, dosage_keys, load_library, parse_routine, step_keys
from backfit_tui.store.settings import Settings, load_settings
from backfit_tui.store.validation import LoadError

LIBRARY = load_library(bundled_library_file())
EXERCISE_IDS = sorted(LIBRARY)
FUZZ = Path("fuzz.toml")

FUZZ_SETTINGS = settings(max_examples=400, deadline=None)


# --- The property ----------------------------------------------------------------------------


def outcome(data: bytes) -> Routine | LoadError:
    """Load `data` and check the promise; any other exception fails the test by propagating."""
    try:
        routine = parse_routine(data, FUZZ, LIBRARY)
    except LoadError as err:
        assert err.problems, "a LoadError must give at least one problem"
        for problem in err.problems:
            assert str(problem).startswith("fuzz.toml"), str(problem)
            assert problem.file == FUZZ
            assert problem.message
        event(f"LoadError: {len(err.problems)} problem(s)" if len(err.problems) < 3 else "LoadError: 3+")
        return err
    assert isinstance(routine, Routine)
    assert routine.id == "fuzz"
    assert 1 <= len(routine.steps) <= 50
    for step in routine.steps:
        assert step.exercise is LIBRARY[step.exercise.id]
        assert isinstance(step.dosage, Hold | Breaths | Reps)
    event("loaded")
    return routine


def lines_match(data: bytes, err: LoadError) -> None:
    """Every located problem points at a line that holds its key or a table header."""
    text = data.decode("utf-8")
    lines = text.split("\n")  # TOML, editors and the syntax-error path count lines by "\n"
    for problem in err.problems:
        if problem.line is None or problem.column is not None or not problem.key:
            continue
        assert 1 <= problem.line <= len(lines), str(problem)
        written = lines[problem.line - 1].strip()
        last = problem.key.rsplit(".", 1)[-1]
        if re.fullmatch(r"[A-Za-z0-9_-]+", last):
            assert written.startswith("[") or re.match(rf"[\"']?{re.escape(last)}[\"']?\s*=", written), (
                f"{problem} points at {written!r}"
            )


# --- (a) Arbitrary bytes ---------------------------------------------------------------------

FRAGMENTS = [
    'name = "Fuzz"\n', 'description = "A fuzzed routine"\n', 'tags = ["floor"]\n', "sources = []\n",
    "[[steps]]\n", "[[step]]\n", "[steps]\n", "[steps.extra]\n", "[name]\n", "steps = []\n",
    'steps = [{exercise = "plank", hold = 30}]\n',
    'exercise = "plank"\n', 'exercise = "bird-dog"\n', 'exercise = "plnak"\n', "exercise = 3\n",
    "hold = 30\n", "hold = -5\n", "hold = 30.5\n", "hold = true\n", 'hold = "30"\n', "hold = nan\n",
    "breaths = 10\n", "inhale = 3\n", "exhale = inf\n", "reps = 10\n", "reps = 0\n",
    "seconds_per_rep = 2\n", "hold_per_rep = 4\n", "sets = 3\n", "switch = -1\n",
    'sides = "each"\n', 'sides = "alternating"\n', 'sides = "both"\n', 'cues = ["a", "b"]\n',
    "cues = []\n", "hodl = 30\n", "# a comment\n", "\n", "\r\n", " ", "=", '"', "'", "[", "]",
    "{", "}", ",", "\t", "\\", "\u2028", "\x85", "\u00e9", "\ufeff", "0x", "1979-05-27", "\x00",
]  # fmt: skip

toml_like_bytes = st.lists(
    st.sampled_from(FRAGMENTS).map(lambda s: s.encode("utf-8")) | st.binary(max_size=4), max_size=30
).map(b"".join)


@FUZZ_SETTINGS
@given(st.binary(max_size=300) | toml_like_bytes)
def test_arbitrary_bytes_give_a_routine_or_a_load_error(data):
    outcome(data)


# --- (b) Structured documents written with tomli_w ----------------------------------------------

sides_values = st.sampled_from(["none", "each", "alternating", "both", "", "EACH"])
exercise_ids = st.sampled_from(EXERCISE_IDS) | st.sampled_from(["plnak", "cat_cow", ""]) | st.text(max_size=12)
whole_numbers = (
    st.integers(-5, 4000)
    | st.sampled_from([0, -1, 1, 20, 21, 60, 61, 100, 101, 120, 121, 200, 201, 600, 601, 3600, 3601])
    | st.integers(-(2**70), 2**70)
    | st.sampled_from([2**63 - 1, -(2**63), 10**30, -(10**300)])
)
floats = st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([1.5, 3.0, 0.5, 20.0, 20.5, -0.0])
scalars = (
    whole_numbers
    | floats
    | st.booleans()
    | st.text(max_size=20)
    | exercise_ids
    | sides_values
    | st.dates()
    | st.datetimes()
)
any_value = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
numbers = whole_numbers | floats | st.booleans() | st.text(max_size=4)
texts = st.text(max_size=80) | st.sampled_from(["Fuzz", "  Padded  ", "x" * 61, "x" * 201])
text_lists = st.lists(st.text(max_size=30), max_size=12)

STEP_VALUES = {
    "exercise": exercise_ids,
    "sides": sides_values,
    "cues": text_lists | st.lists(st.sampled_from(["Brace", "Breathe"]), min_size=1, max_size=4),
    **{key: numbers for key in step_keys() if key not in ("exercise", "sides", "cues")},
}
# Typos and strangers: near-misses of real keys, and anything at all.
extra_keys = st.sampled_from(["hodl", "rep", "breath", "side", "cue", "exersice", "name", "steps"]) | st.text(
    max_size=10
)


def with_extras(known: dict, strategy_for_value) -> st.SearchStrategy[dict]:
    base = st.fixed_dictionaries({}, optional=known)
    extras = st.dictionaries(extra_keys, strategy_for_value, max_size=2)
    return st.builds(lambda b, e: {**e, **b}, base, extras | st.just({}))


any_step = with_extras({key: STEP_VALUES[key] | any_value for key in step_keys()}, any_value)


@st.composite
def good_steps(draw):
    step = {"exercise": draw(st.sampled_from(EXERCISE_IDS))}
    kind = draw(st.sampled_from(dosage_keys()))
    if kind == "hold":
        step["hold"] = draw(st.integers(1, 3600))
        step["sides"] = draw(st.sampled_from(["none", "each"]))
    elif kind == "breaths":
        step["breaths"] = draw(st.integers(1, 100))
        if draw(st.booleans()):
            step["inhale"] = draw(st.integers(1, 20) | st.floats(1, 20))
        if draw(st.booleans()):
            step["exhale"] = draw(st.integers(1, 20) | st.floats(1, 20))
    else:
        step["reps"] = draw(st.integers(1, 200))
        if draw(st.booleans()):
            step["seconds_per_rep"] = draw(st.integers(1, 60) | st.floats(1, 60))
            if draw(st.booleans()):
                step["hold_per_rep"] = draw(st.integers(1, 120))
        step["sides"] = draw(st.sampled_from(["none", "each", "alternating"]))
    for key, low, high in [("sets", 1, 20), ("rest_between_sets", 0, 600), ("switch", 0, 60), ("rest_after", 0, 600)]:
        if draw(st.booleans()):
            step[key] = draw(st.integers(low, high))
    if draw(st.booleans()):
        step["cues"] = draw(st.lists(st.sampled_from(["Brace", "Breathe out", "Slowly"]), min_size=1, max_size=4))
    return step


good_documents = st.fixed_dictionaries(
    {
        "name": st.sampled_from(["Fuzz", "Morning back", "A" * 60]),
        "description": st.sampled_from(["A fuzzed routine.", "D" * 200]),
        "steps": st.lists(good_steps(), min_size=1, max_size=5),
    },
    optional={"tags": st.lists(st.sampled_from(["floor", "core"]), max_size=3), "sources": st.just(["x"])},
)


@st.composite
def one_change(draw):
    """A good document with one key of the top level or of one step set to anything at all."""
    document = draw(good_documents)
    if draw(st.booleans()):
        table = document
        key = draw(st.sampled_from(ROUTINE_KEYS) | extra_keys)
    else:
        table = draw(st.sampled_from(document["steps"]))
        key = draw(st.sampled_from(step_keys()) | extra_keys)
    if draw(st.booleans()) and key in table:
        del table[key]
    else:
        table[key] = draw(STEP_VALUES.get(key, any_value) | any_value)
    return document


any_document = with_extras(
    {
        "name": texts | any_value,
        "description": texts | any_value,
        "tags": text_lists | any_value,
        "sources": text_lists | any_value,
        "steps": st.lists(any_step | good_steps(), max_size=4) | any_value,
    },
    any_value,
)

documents = good_documents | one_change() | any_document


@FUZZ_SETTINGS
@given(documents)
def test_structured_toml_documents_give_a_routine_or_a_load_error(document):
    outcome(tomli_w.dumps(document).encode("utf-8"))


@FUZZ_SETTINGS
@given(documents)
@example({"name": "\x85", "steps": []})  # found by this test: U+0085 in a value shifted the lines
def test_located_problems_point_at_their_key_or_its_table(document):
    data = tomli_w.dumps(document).encode("utf-8")
    result = outcome(data)
    if isinstance(result, LoadError):
        lines_match(data, result)


@settings(max_examples=300, deadline=None)
@given(good_documents)
def test_good_documents_load_and_keep_every_value(document):
    routine = outcome(tomli_w.dumps(document).encode("utf-8"))
    assert isinstance(routine, Routine), str(routine)
    assert routine.name == document["name"]
    assert routine.tags == tuple(document.get("tags", ()))
    assert len(routine.steps) == len(document["steps"])
    for step, raw in zip(routine.steps, document["steps"], strict=True):
        assert step.exercise.id == raw["exercise"]
        assert step.sets == raw.get("sets", 1)
        assert step.rest_between_sets == raw.get("rest_between_sets", 0)
        assert step.switch == raw.get("switch", 5)
        assert step.rest_after == raw.get("rest_after", 0)
        assert step.sides is Sides(raw.get("sides", "none"))
        assert step.cues == tuple(raw.get("cues", ()))
        if "hold" in raw:
            assert step.dosage == Hold(raw["hold"])
        elif "breaths" in raw:
            assert step.dosage == Breaths(raw["breaths"], raw.get("inhale", 3), raw.get("exhale", 3))
        else:
            assert step.dosage == Reps(raw["reps"], raw.get("seconds_per_rep"), raw.get("hold_per_rep"))


# --- (c) The settings loader -----------------------------------------------------------------

SETTINGS_FRAGMENTS = [
    "get_ready = ", "get_redy = ", "volume = ", "[get_ready]\n", "0", "5", "60", "61", "-1", "2.5",
    "true", '"5"', "nan", "\n", "# c\n", "[", "]", "{", "}", "=", '"', "\u2028", "\xff",
]  # fmt: skip
settings_bytes = st.binary(max_size=200) | st.lists(
    st.sampled_from(SETTINGS_FRAGMENTS).map(lambda s: s.encode("utf-8")) | st.binary(max_size=3), max_size=12
).map(b"".join)


@pytest.fixture(scope="module")
def settings_path(tmp_path_factory):
    return tmp_path_factory.mktemp("settings-fuzz") / "settings.toml"


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=settings_bytes)
def test_settings_from_arbitrary_bytes_give_settings_or_a_load_error(settings_path, data):
    settings_path.write_bytes(data)
    try:
        loaded = load_settings(settings_path)
    except LoadError as err:
        assert err.problems
        assert all(str(p).startswith(str(settings_path)) for p in err.problems)
        event("LoadError")
    else:
        assert isinstance(loaded, Settings)
        assert 0 <= loaded.get_ready <= 60
        event("loaded")


# --- Inputs found to break the promise -------------------------------------------------------
#
# Each of these must give a LoadError naming the file; today each raises something else.


def crashed(err: Exception) -> str:
    """A short failure message (a RecursionError traceback runs to thousands of lines)."""
    return f"raised {type(err).__name__} instead of LoadError: {str(err)[:150]}"


def assert_load_error(data: bytes, key: str = "") -> None:
    failure = "loaded a routine from a broken file"
    try:
        parse_routine(data, FUZZ, LIBRARY)
    except LoadError as err:
        assert err.problems
        assert all(str(p).startswith("fuzz.toml") for p in err.problems)
        if key:
            assert any(p.key == key for p in err.problems), str(err)
        return
    except Exception as err:  # noqa: BLE001 - the point is to name it
        failure = crashed(err)
    pytest.fail(failure)  # outside the except block, so no chained traceback


def test_deeply_nested_arrays_give_a_load_error_not_a_recursion_error():
    assert_load_error(b"x = " + b"[" * 2000 + b"]" * 2000 + b"\n")


def test_deeply_nested_inline_tables_give_a_load_error_not_a_recursion_error():
    assert_load_error(b"x = " + b"{a = " * 1000 + b"1" + b"}" * 1000 + b"\n")


def test_integer_literal_over_4300_digits_gives_a_load_error_not_a_value_error():
    # tomllib's int() hits Python's integer string-conversion limit and raises ValueError.
    assert_load_error(b"name = 1" + b"0" * 5000 + b"\n")


def test_huge_hex_hold_is_reported_not_a_crash():
    # A hex literal parses fine, but "got <value>" needs str(int), which is limited to 4300 digits.
    data = ('name = "Fuzz"\ndescription = "D"\n[[steps]]\nexercise = "plank"\nhold = 0x' + "f" * 4000 + "\n")
    assert_load_error(data.encode(), key="steps[1].hold")


def test_settings_nested_too_deeply_give_a_load_error(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_bytes(b"x = " + b"[" * 2000 + b"]" * 2000 + b"\n")
    failure = "loaded settings from a broken file"
    try:
        load_settings(path)
    except LoadError as err:
        assert [str(p) for p in err.problems] == [
            f"{path}:1: nests lists or tables more than 32 deep, which no backfit file needs; is it the right file?"
        ]
        return
    except Exception as err:  # noqa: BLE001 - the point is to name it
        failure = crashed(err)
    pytest.fail(failure)


def test_a_setting_with_a_huge_number_keeps_its_default_with_a_warning(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_bytes(b"get_ready = 0x" + b"f" * 4000 + b"\nweekly_goal = 2\n")
    settings = load_settings(path)
    assert (settings.get_ready, settings.weekly_goal) == (5, 2)
    assert [str(w) for w in settings.warnings] == [
        f"{path}:1: get_ready: must be a whole number of seconds between 0 and 60, got a number of more than"
        " 20 digits; the default, 5, is used until it is fixed"
    ]
