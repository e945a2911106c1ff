"""The back's ratings kept with their sessions: the migration, `history --json`/`--csv`, `stats`, `progress`."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import time

import pytest
from support.fake_clock import FakeClock
from support.history_helpers import a_set, add_session
from support.strategies import routine, step

from backfit_tui.cli import command as cli
from backfit_tui.core.dosages import Hold
from backfit_tui.core.engine import Session
from backfit_tui.core.pain import SEE_SOMEONE
from backfit_tui.store.history.database import MIGRATIONS
from backfit_tui.store.history.session_log import SessionLog
from backfit_tui.store.history.stats import compute_stats, sparkline
from backfit_tui.store.history.store import SCHEMA_VERSION, HistoryStore

DAY = 86_400


def rated_session(store: HistoryStore, started: float, after: int | None, before: int | None = None) -> int:
    """A session of one plank set, with the back rated before and after it."""
    session_id = store.begin("desk-break", "Desk break", started, 30, pain_before=before)
    store.add_set(session_id, a_set(), started + 60)
    store.end(session_id, started + 600, True)
    if after is not None:
        store.rate_after(session_id, after)
    return session_id


def test_a_version_5_file_keeps_every_session_and_set_and_has_no_ratings_yet(tmp_path):
    path = tmp_path / "history.sqlite3"
    old = sqlite3.connect(path)
    old.executescript("".join(MIGRATIONS[v] for v in range(1, 6)) + "PRAGMA user_version = 5;")
    old.execute("INSERT INTO sessions VALUES (1, 'desk-break', 'Desk break', 100.0, 700.0, 1, 90)")
    old.execute("INSERT INTO sessions VALUES (2, 'desk-break', 'Desk break', 800.0, 860.0, 0, 90)")
    for row in [(1, 1, 1, 30, 0, 0), (2, 1, 2, 30, 0, 0), (3, 1, 3, 12, 1, 0), (4, 2, 1, 20, 0, 1)]:
        old.execute(
            "INSERT INTO sets VALUES (?, ?, 160.0, 0, 'plank', 'Plank', ?, NULL, 'seconds', 30, ?, ?, 30, 30, ?)", row
        )
    old.commit()
    old.close()
    store = HistoryStore(path)
    assert SCHEMA_VERSION == 6
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == 6
    sessions = list(reversed(store.sessions()))
    assert [(s.id, s.finished, s.pain_before, s.pain_after) for s in sessions] == [(1, True, None, None),
                                                                                 (2, False, None, None)]  # fmt: skip
    kept = [(s.record.set_number, s.record.achieved, s.record.skipped, s.record.partial)
            for session in sessions for s in session.sets]  # fmt: skip
    assert kept == [(1, 30, False, False), (2, 30, False, False), (3, 12, True, False), (1, 20, False, True)]
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.pain_ratings() == []


def test_the_ratings_are_kept_with_their_session_and_read_oldest_first_before_then_after(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    rated_session(store, 2000.0, after=3, before=6)
    rated_session(store, 1000.0, after=None)
    rated_session(store, 3000.0, after=0)
    assert [(s.pain_before, s.pain_after) for s in store.sessions()] == [(None, 0), (6, 3), (None, None)]
    assert store.pain_ratings() == [(2000.0, 6), (2000.0, 3), (3000.0, 0)]
    assert store.pain_ratings(since=2500.0) == [(3000.0, 0)]


def test_a_session_log_keeps_the_rating_before_with_its_first_set(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    clock = FakeClock()
    session = Session(routine(step(Hold(2))), clock, get_ready=0)
    log = SessionLog(store, session.routine, lambda: 1_000_000.0, report=pytest.fail, pain_before=4)
    log.record(session.start())
    clock.advance(3)
    log.record(session.update())
    log.close(finished=True)
    (kept,) = store.sessions()
    assert (kept.pain_before, kept.pain_after, len(kept.sets)) == (4, None, 1)


def fill(data_dir) -> None:
    store = HistoryStore(data_dir / "history.sqlite3")
    now = time.time()
    rated_session(store, now - 20 * DAY, after=2)
    rated_session(store, now - 9 * DAY, after=4, before=5)
    rated_session(store, now - 3600, after=None)
    store.close()


def test_history_json_and_csv_carry_the_ratings(data_dir, capsys):
    fill(data_dir)
    assert cli.main(["history", "--json"]) == 0
    sessions = json.loads(capsys.readouterr().out)
    assert [(s["pain_before"], s["pain_after"]) for s in sessions] == [(None, None), (5, 4), (None, 2)]
    assert cli.main(["history", "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(row["pain_before"], row["pain_after"]) for row in rows] == [("", "2"), ("5", "4"), ("", "")]


def test_stats_show_the_last_rating_the_four_week_median_and_the_twelve_week_trend(data_dir, capsys):
    fill(data_dir)
    assert cli.main(["stats", "--json"]) == 0
    pain = json.loads(capsys.readouterr().out)["pain"]
    assert (pain["last"], pain["median_4_weeks"]) == (4, 4)  # the ratings 2, 5 and 4, newest last
    trend = pain["weekly_trend"]
    assert len(trend) == 12 and trend[-1] is None and sorted(v for v in trend if v is not None) == [2, 4.5]
    assert cli.main(["stats"]) == 0
    [line] = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Your back")]
    assert line.startswith("Your back: last 4 of 10 · 4-week median 4 · 12 weeks ")
    assert line.endswith(f" {sparkline(trend, 0, 10)}")
    assert sparkline(trend, 0, 10).replace("·", "") == "▂▄"  # 2 and 4.5 of 10, on the whole scale


def test_stats_say_nothing_of_the_back_before_any_rating(data_dir, capsys):
    store = HistoryStore(data_dir / "history.sqlite3")
    add_session(store, time.time() - 3600)
    store.close()
    assert cli.main(["stats"]) == 0
    assert "Your back" not in capsys.readouterr().out
    assert compute_stats(HistoryStore(data_dir / "history.sqlite3"), time.time(), None, 3).pain.last is None


def test_a_sparkline_on_a_fixed_scale_leaves_a_dot_for_a_week_without_a_value():
    assert sparkline([0, None, 10, 5], 0, 10) == "▁·█▅"
    assert sparkline([None, None]) == "··"
    assert sparkline([25, 30, 28]) == "▁█▅"  # the values' own scale, for the bests


def test_progress_says_to_see_a_health_professional_after_severe_pain(data_dir, capsys):
    store = HistoryStore(data_dir / "history.sqlite3")
    now = time.time()
    for days, rating in ((3, 8), (2, 2), (1, 7)):
        rated_session(store, now - days * DAY, after=rating)
    store.close()
    assert cli.main(["progress"]) == 0
    assert SEE_SOMEONE in capsys.readouterr().out.replace("\n", " ")


def test_the_plain_guide_says_the_question_once_and_keeps_the_answer(tmp_path):
    from support.speech_helpers import FakeSpeech, finds

    from backfit_tui.audio.chime_player import make_chime_player
    from backfit_tui.audio.session_sounds import SessionSounds
    from backfit_tui.audio.voice import make_voice
    from backfit_tui.cli.plain import run_plain
    from backfit_tui.core.phrases import pain_question
    from backfit_tui.store.settings import Settings

    store, clock, speech = HistoryStore(tmp_path / "history.sqlite3"), FakeClock(), FakeSpeech()
    plan = routine(step(Hold(2)))
    sounds = SessionSounds(make_chime_player(Settings(), None, bell=lambda: None, report=print),
                           make_voice("auto", True, finds(speech), report=print))  # fmt: skip
    log = SessionLog(store, plan, lambda: time.time(), report=pytest.fail)
    out = io.StringIO()
    assert run_plain(plan, Settings(get_ready=0), out=out, clock=clock, sleep=clock.advance, read_line=lambda: "t",
                     sounds=sounds, log=log) == 0  # fmt: skip
    assert pain_question() in speech.prepared  # rendered with the session's phrases
    assert speech.started.count(pain_question()) == 1 and speech.started[-1] == pain_question()
    assert [(s.pain_before, s.pain_after) for s in store.sessions()] == [(None, 10)]
    assert out.getvalue().splitlines()[-2:] == ["  Your back: 10 of 10.", "Your back is sorer than usual: no step up"
                                                " until it settles."]  # fmt: skip
