"""The answers to breaks, kept in the history: a new table, made by migrating an older file forward."""

from __future__ import annotations

import sqlite3

from backfit_tui.core.reminder import Answer
from backfit_tui.store.break_answers import answer_counts, record_answer
from backfit_tui.store.history.store import MIGRATIONS, HistoryStore


def test_each_answer_is_kept_and_counted(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    for answer, at in [(Answer.SNOOZED, 100), (Answer.TAKEN, 200), (Answer.SNOOZED, 300), (Answer.SKIPPED, 400)]:
        record_answer(store, answer, at)
    assert answer_counts(store) == {Answer.TAKEN: 1, Answer.SNOOZED: 2, Answer.SKIPPED: 1}
    assert answer_counts(store, since=250) == {Answer.TAKEN: 0, Answer.SNOOZED: 1, Answer.SKIPPED: 1}


def test_a_history_from_before_reminders_is_migrated_and_keeps_its_sessions(tmp_path):
    path = tmp_path / "history.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[1] + MIGRATIONS[2] + MIGRATIONS[3] + "PRAGMA user_version = 3;")
    old.execute("INSERT INTO sessions (routine_id, routine_name, started_at) VALUES ('desk-break', 'Desk break', 5)")
    old.execute("INSERT INTO sets (session_id, ended_at, step_index, exercise_id, exercise_name, set_number, unit,"
                " planned, achieved, skipped) VALUES (1, 6, 0, 'plank', 'Plank', 1, 'seconds', 30, 30, 0)")  # fmt: skip
    old.commit()
    old.close()
    store = HistoryStore(path)
    record_answer(store, Answer.SKIPPED, 10)
    assert answer_counts(store)[Answer.SKIPPED] == 1
    assert [s.routine_id for s in store.sessions()] == ["desk-break"]


def test_a_history_opened_only_to_read_counts_its_answers(tmp_path):
    path = tmp_path / "history.sqlite3"
    writer = HistoryStore(path)
    record_answer(writer, Answer.TAKEN, 10)
    writer.close()
    assert answer_counts(HistoryStore(path, read_only=True))[Answer.TAKEN] == 1


def test_a_history_that_can_only_be_read_keeps_no_answer_and_says_nothing_more(tmp_path):
    """Why nothing is kept was said when it was opened; each answer is not said again."""
    path = tmp_path / "history.sqlite3"
    HistoryStore(path).close()
    store = HistoryStore(path, read_only=True)
    record_answer(store, Answer.TAKEN, 10)
    assert answer_counts(store)[Answer.TAKEN] == 0
