"""`backfit progress`: the suggestions a real history file gives, as JSON and as text."""

from __future__ import annotations

import json

from support.history_helpers import add_session, at

from backfit_tui.cli import command as cli
from backfit_tui.core.records import SetRecord
from backfit_tui.store.history.store import HistoryStore

POSE_ROUTINE = """
name = "Pose"
description = "Child's pose, held."

[[steps]]
exercise = "childs-pose"
hold = {hold}
sets = {sets}
"""


def pose_routine(data_dir, hold: int = 30, sets: int = 1) -> None:
    folder = data_dir / "routines"
    folder.mkdir(exist_ok=True)
    (folder / "pose.toml").write_text(POSE_ROUTINE.format(hold=hold, sets=sets), encoding="utf-8")


def pose_set(hold: int, set_number: int = 1, skipped: bool = False) -> SetRecord:
    achieved = hold / 2 if skipped else hold
    return SetRecord(0, "childs-pose", "Child's pose", set_number, None, "seconds", hold, achieved, skipped, achieved,
                     achieved)  # fmt: skip


def sessions(data_dir, *each: list[SetRecord]) -> None:
    store = HistoryStore(data_dir / "history.sqlite3")
    for day, sets in enumerate(each):
        add_session(store, at("2026-05-04 08:00") + day * 86_400, *sets, routine="pose")
    store.close()


def progress_json(capsys, *args: str) -> list[dict]:
    assert cli.main(["progress", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_two_full_sessions_at_30_s_suggest_35_s(data_dir, capsys):
    pose_routine(data_dir)
    sessions(data_dir, [pose_set(30)], [pose_set(30)])
    [suggestion] = progress_json(capsys, "pose")
    assert suggestion["direction"] == "up"
    assert suggestion["now"] == {"amount": 30, "unit": "seconds", "sets": 1}
    assert suggestion["next"] == {"amount": 35, "unit": "seconds", "sets": 1}
    assert suggestion["words"] == "Child's pose: 35 s next time?"


def test_at_60_s_it_suggests_a_set_not_a_longer_hold(data_dir, capsys):
    pose_routine(data_dir, hold=60)
    sessions(data_dir, [pose_set(60)], [pose_set(60)])
    [suggestion] = progress_json(capsys)
    assert suggestion["next"] == {"amount": 60, "unit": "seconds", "sets": 2}


def test_at_the_top_of_every_range_it_says_so_and_suggests_nothing_more(data_dir, capsys):
    pose_routine(data_dir, hold=60, sets=3)
    full = [pose_set(60, n) for n in (1, 2, 3)]
    sessions(data_dir, full, full)
    [suggestion] = progress_json(capsys, "pose")
    assert (suggestion["direction"], suggestion["next"]) == ("at_top", None)
    assert cli.main(["progress", "pose"]) == 0
    assert "Child's pose: at the articles' full dosage." in capsys.readouterr().out


def test_a_session_with_a_skipped_set_suggests_nothing(data_dir, capsys):
    pose_routine(data_dir, sets=2)
    sessions(data_dir, [pose_set(30, 1), pose_set(30, 2)], [pose_set(30, 1), pose_set(30, 2, skipped=True)])
    assert progress_json(capsys, "pose") == []
    assert cli.main(["progress"]) == 0
    assert "No suggestions yet" in capsys.readouterr().out


def test_two_sessions_in_a_row_with_sets_undone_suggest_a_step_back(data_dir, capsys):
    pose_routine(data_dir, hold=40)
    sessions(data_dir, [pose_set(40, skipped=True)], [pose_set(40, skipped=True)])
    [suggestion] = progress_json(capsys, "pose")
    assert (suggestion["direction"], suggestion["next"]["amount"]) == ("back", 35)
    assert suggestion["words"] == "Child's pose: back to 35 s next time?"


def test_an_unknown_routine_is_an_error(data_dir, capsys):
    assert cli.main(["progress", "no-such-routine"]) == 1
    assert "no routine" in capsys.readouterr().err
