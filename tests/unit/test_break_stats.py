"""`backfit stats` counts the breaks `backfit remind` called: taken, snoozed and skipped."""

from __future__ import annotations

import json

from backfit_tui.cli import command as cli
from backfit_tui.core.reminder import Answer
from backfit_tui.store.break_answers import record_answer
from backfit_tui.store.history.store import HistoryStore


def answer_breaks(data_dir, *answers: Answer) -> None:
    store = HistoryStore(data_dir / "history.sqlite3")
    for at, answer in enumerate(answers):
        record_answer(store, answer, 1_780_000_000 + at)
    store.close()


def test_stats_says_how_many_breaks_were_taken_snoozed_and_skipped(data_dir, capsys):
    answer_breaks(data_dir, Answer.SNOOZED, Answer.TAKEN, Answer.SNOOZED, Answer.SKIPPED, Answer.TAKEN)
    assert cli.main(["stats"]) == 0
    assert "Breaks `backfit remind` called: 2 taken, 2 snoozed, 1 skipped." in capsys.readouterr().out
    assert cli.main(["stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["breaks"] == {"taken": 2, "snoozed": 2, "skipped": 1}


def test_stats_says_nothing_of_breaks_before_any_was_called(data_dir, capsys):
    assert cli.main(["stats"]) == 0
    assert "Breaks" not in capsys.readouterr().out
    assert cli.main(["stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["breaks"] == {"taken": 0, "snoozed": 0, "skipped": 0}
