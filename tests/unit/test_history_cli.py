"""`backfit history` and `backfit stats`: JSON, CSV and tables from a real history file."""

from __future__ import annotations

import json

from backfit_tui.cli import command as cli


def fill_history(data_dir):
    from support.history_helpers import a_set, add_session, at

    from backfit_tui.store.history.store import HistoryStore

    store = HistoryStore(data_dir / "history.sqlite3")
    add_session(store, at("2026-05-04 08:00"), a_set("plank", 20), a_set("plank", 12, skipped=True, set_number=2))
    add_session(store, at("2026-05-06 08:00"), a_set("bird-dog", 8, "reps", step=1), finished=False)
    store.close()


def test_history_json_lists_sessions_newest_first_with_their_sets(data_dir, capsys):
    fill_history(data_dir)
    assert cli.main(["history", "--json"]) == 0
    sessions = json.loads(capsys.readouterr().out)
    assert [(s["routine_id"], s["finished"]) for s in sessions] == [("desk-break", False), ("desk-break", True)]
    assert set(sessions[0]) == {"routine_id", "routine_name", "started_at", "ended_at", "finished", "pain_before",
                                "pain_after", "sets"}  # fmt: skip
    assert sessions[1]["sets"] == [
        {"exercise": "plank", "side": None, "unit": "seconds", "planned": 30.0, "achieved": 20.0, "skipped": False,
         "partial": False},
        {"exercise": "plank", "side": None, "unit": "seconds", "planned": 30.0, "achieved": 12.0, "skipped": True,
         "partial": False},
    ]
    assert sessions[1]["started_at"].startswith("2026-05-0")


def test_history_csv_has_a_row_per_set_oldest_first(data_dir, capsys):
    fill_history(data_dir)
    assert cli.main(["history", "--csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == (
        "started_at,routine_id,finished,exercise,set,side,unit,planned,achieved,skipped,partial,pain_before,pain_after"
    )
    assert [row.split(",")[3:] for row in rows[1:]] == [
        ["plank", "1", "", "seconds", "30.0", "20.0", "False", "False", "", ""],
        ["plank", "2", "", "seconds", "30.0", "12.0", "True", "False", "", ""],
        ["bird-dog", "1", "", "reps", "30.0", "8.0", "False", "False", "", ""],
    ]


def test_history_and_stats_before_any_session(capsys, data_dir):
    assert cli.main(["history"]) == 0
    assert "No sessions yet" in capsys.readouterr().out
    assert cli.main(["stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert (figures["this_week"], figures["streak_weeks"], figures["weekly_goal"], figures["bests"]) == (0, 0, 3, [])
    assert len(figures["weeks"]) == 12
    assert not (data_dir / "history.sqlite3").exists()


def test_stats_json_gives_bests(data_dir, capsys):
    fill_history(data_dir)
    assert cli.main(["stats", "--json"]) == 0
    bests = json.loads(capsys.readouterr().out)["bests"]
    assert [(b["exercise"], b["unit"], b["best"]) for b in bests] == [("bird-dog", "reps", 8), ("plank", "seconds", 20)]


def test_a_corrupt_history_is_a_clear_error(data_dir, capsys):
    (data_dir / "history.sqlite3").write_text("garbage " * 200)
    assert cli.main(["history"]) == 1
    assert "history.sqlite3 cannot be used as the history" in capsys.readouterr().err


def test_history_marks_a_session_too_short_to_count_toward_the_goal(data_dir, capsys):
    from support.history_helpers import a_set, add_session, at

    from backfit_tui.store.history.store import HistoryStore

    store = HistoryStore(data_dir / "history.sqlite3")
    add_session(store, at("2026-05-04 08:00"), a_set("plank", 5, skipped=True), finished=False, planned_active=60)
    add_session(store, at("2026-05-06 08:00"))
    store.close()
    assert cli.main(["history"]) == 0
    newest, oldest = (line.rstrip() for line in capsys.readouterr().out.splitlines()[1:])
    assert newest.endswith("finished") and oldest.endswith("left early · not counted")


def test_every_column_of_the_history_table_has_a_header(data_dir, capsys):
    fill_history(data_dir)
    assert cli.main(["history"]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert header.split() == ["when", "routine", "sets", "active", "ended"]
    assert rows[0].rstrip().endswith("left early")
    assert header.rstrip().endswith("ended") and header.index("ended") == rows[0].index("left early")
