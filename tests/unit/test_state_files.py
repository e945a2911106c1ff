"""The files backfit keeps for itself (the reminder's state, the status cache, the warm-up choices), read against
their declared shapes: what does not fit is as no file, and `backfit status` prints the week from the history."""

from __future__ import annotations

import json
import os
import time

import pytest

from backfit_tui.cli.status_command import status, status_line
from backfit_tui.store import locations
from backfit_tui.store.reminder_state import process_start, read_reminder_state, write_reminder_state
from backfit_tui.store.status_cache import read_status_cache, stamp_of
from backfit_tui.store.warm_up_choices import load_warm_up_choices, save_warm_up_choice

ESCAPE = "\u001b]2;pwned\u0007"  # sets the terminal's title


def said(**changed) -> dict:
    """What a running reminder (this process) says, a break due in 10 minutes, with `changed` keys."""
    return {"pid": os.getpid(), "started": process_start(os.getpid()), "state": "counting", "due_at": time.time() + 600, "today": 1, "this_week": 2,
            "goal": 3} | changed  # fmt: skip


# --- The reminder's state ------------------------------------------------------------------------------------

# (key, its value as JSON): each outside the key's declared shape.
OFF_SHAPE = [
    ("due_at", '"soon"'), ("due_at", "Infinity"), ("due_at", "NaN"), ("due_at", "1e400"), ("due_at", "-5"),
    ("pid", "1e20"), ("pid", "1234.0"), ("pid", "0"), ("pid", "true"),
    ("state", "[]"), ("state", '"sleeping"'),
    ("this_week", json.dumps(ESCAPE)), ("goal", "-1"), ("today", "9" * 5000),
]  # fmt: skip


@pytest.mark.parametrize("key, value", OFF_SHAPE, ids=[f"{key}={value[:12]}" for key, value in OFF_SHAPE])
def test_a_reminder_state_off_its_shape_is_as_none_and_status_reads_the_history(capsys, key, value):
    text = json.dumps(said() | {key: "VALUE"}).replace('"VALUE"', value)
    locations.reminder_state_file().write_text(text, encoding="utf-8")
    assert read_reminder_state(locations.reminder_state_file()) is None
    assert status(as_json=False) == 0
    assert capsys.readouterr().out == "0/3 this week\n"


@pytest.mark.parametrize(
    "text", ["[" * 100_000, "[" * 2_000, "{}", "[]", "null", '{"pid": 1}', b"\xff\xfe{".decode("latin-1"), ""],
    ids=["100k brackets", "2000 brackets", "empty object", "a list", "null", "keys missing", "not UTF-8", "empty"],
)  # fmt: skip
def test_a_damaged_reminder_state_is_as_none(capsys, text):
    locations.reminder_state_file().write_text(text, encoding="latin-1")
    assert read_reminder_state(locations.reminder_state_file()) is None
    assert status(as_json=True) == 0
    assert json.loads(capsys.readouterr().out)["running"] is False


def test_a_reminder_state_in_shape_is_read_whole():
    write_reminder_state(locations.reminder_state_file(), said(due_at=None, state="quiet"))
    assert read_reminder_state(locations.reminder_state_file()) == said(due_at=None, state="quiet")


def test_a_count_without_a_due_time_still_prints_the_week(capsys):
    write_reminder_state(locations.reminder_state_file(), said(due_at=None))
    assert status(as_json=False) == 0
    assert capsys.readouterr().out == "2/3 this week\n"


def test_the_status_line_shows_a_terminal_escape_and_never_obeys_it():
    line = status_line(said(this_week=ESCAPE), time.time())
    assert "\x1b" not in line and "\x07" not in line
    assert line.endswith(r"\x1b]2;pwned\x07/3 this week")


# --- The status cache ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key, value",
    [("started", [float("inf")]), ("started", [float("nan")]), ("started", [1e18]), ("started", [-1e18]),
     ("started", ["yesterday"]), ("goal", float("inf")), ("goal", float("nan")), ("goal", 1e18), ("goal", -(10**18)),
     ("goal", "3"), ("goal", True), ("stamp", "any")],
)  # fmt: skip
def test_a_status_cache_off_its_shape_is_read_again_from_the_history_and_rewritten(capsys, key, value):
    assert status(as_json=False) == 0  # writes the cache
    capsys.readouterr()
    path = locations.status_cache_file()
    kept = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(kept | {key: value}), encoding="utf-8")  # Infinity and NaN, as json writes them
    history = locations.history_file()
    stamp = stamp_of([history, history.with_name(history.name + "-wal"), locations.settings_file()])
    assert read_status_cache(path, stamp) is None
    assert status(as_json=False) == 0
    assert capsys.readouterr().out == "0/3 this week\n"
    assert read_status_cache(path, stamp) == (3, [])  # rewritten


# --- The warm-up choices ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ['{"desk-break": "yes"}', "[true]", '{"a": 1e400}', "[" * 50_000, "\x00"])
def test_warm_up_choices_off_their_shape_are_forgotten(text):
    path = locations.warm_up_choices_file()
    path.write_text(text, encoding="utf-8")
    assert load_warm_up_choices(path) == {}
    save_warm_up_choice(path, "desk-break", False)
    assert load_warm_up_choices(path) == {"desk-break": False}
