""""How is your back now?": one key on the summary, kept with the session already saved; skipping and leaving never
held up; asked before the session too with `pain_check = "both"`; said once by the voice."""

from __future__ import annotations

import pytest
from support.fake_clock import FakeClock
from support.speech_helpers import FakeSpeech, finds
from support.tui_helpers import SHORT, advance, make_app, short_routine_app
from textual.widgets import Static

from backfit_tui.core.pain import FLARE_WORDS, QUESTION
from backfit_tui.core.phrases import pain_question
from backfit_tui.store.history.store import HistoryStore
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.store.routines.routine_files import load_routine
from backfit_tui.store.settings import Settings
from backfit_tui.tui.screens.menu import MenuScreen
from backfit_tui.tui.screens.pain_before import PainBeforeScreen
from backfit_tui.tui.screens.session import SessionScreen
from backfit_tui.tui.screens.summary import SummaryScreen
from backfit_tui.tui.widgets.pain_question import PainQuestion

KEYS = [*(str(n) for n in range(10)), "t"]


def app_with_history(tmp_path, clock: FakeClock, **settings):
    """The short routine's app, keeping its sessions in a history in `tmp_path`."""
    store = HistoryStore(tmp_path / "history.sqlite3")
    app = short_routine_app(load_catalog(), clock, settings=Settings(get_ready=3, mute=True, **settings), history=store)
    return app, store


async def to_the_summary(pilot, clock: FakeClock) -> SummaryScreen:
    """Run the short routine to its end (its last reps counted by hand), to its summary."""
    await pilot.pause()
    await advance(pilot, clock, 60)
    await pilot.press("enter", "enter", "enter")
    summary = pilot.app.screen
    assert isinstance(summary, SummaryScreen)
    return summary


def ratings(store: HistoryStore) -> list[tuple[int | None, int | None]]:
    return [(s.pain_before, s.pain_after) for s in store.sessions()]


@pytest.mark.parametrize("key", KEYS)
async def test_one_key_rates_the_back_from_0_to_9_and_t_for_10(key):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        routine = load_routine(SHORT, load_catalog().library)
        from support.fake_clock import FakeClock as Clock

        from backfit_tui.core.engine import Session

        session = Session(routine, Clock(), get_ready=0)
        session.start()
        session.leave()
        pilot.app.push_screen(SummaryScreen(routine, session.record(), None, ask_pain=True))
        await pilot.pause()
        await pilot.press(key)
        question = pilot.app.screen.query_one(PainQuestion)
        assert (question.answered, question.rating) == (True, KEYS.index(key))
        assert str(question.render()) == f"How is your back now? {KEYS.index(key)} of 10"
        await pilot.press("enter")  # answered: Enter is the summary's again
        assert isinstance(pilot.app.screen, MenuScreen)


async def test_the_rating_is_kept_with_the_session_already_saved(tmp_path):
    clock = FakeClock(100.0)
    app, store = app_with_history(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        summary = await to_the_summary(pilot, clock)
        assert str(summary.query_one(PainQuestion).render()).startswith(QUESTION)
        assert ratings(store) == [(None, None)]  # every set is kept before the question is answered
        assert len(store.sessions()[0].sets) == 7
        await pilot.press("3")
        await pilot.pause()
        assert ratings(store) == [(None, 3)]
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, MenuScreen)


async def test_the_arrows_pick_a_rating_and_enter_keeps_it(tmp_path):
    clock = FakeClock(100.0)
    app, store = app_with_history(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_the_summary(pilot, clock)
        await pilot.press("right", "right", "left", "left", "left", "enter")  # 5 first, then 6, 5, 4, 3
        await pilot.pause()
        assert ratings(store) == [(None, 3)]
        assert isinstance(pilot.app.screen, SummaryScreen)


@pytest.mark.parametrize("key", ["escape", "enter", "q"])
async def test_leaving_is_never_held_up_by_the_question_and_keeps_no_rating(tmp_path, key):
    clock = FakeClock(100.0)
    app, store = app_with_history(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_the_summary(pilot, clock)
        await pilot.press(key)
        assert isinstance(pilot.app.screen, MenuScreen)
        assert ratings(store) == [(None, None)] and len(store.sessions()[0].sets) == 7


async def test_s_skips_the_question_and_the_summary_stays(tmp_path):
    clock = FakeClock(100.0)
    app, store = app_with_history(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        summary = await to_the_summary(pilot, clock)
        await pilot.press("s")
        assert str(summary.query_one(PainQuestion).render()) == "How is your back now? skipped"
        await pilot.press("5")  # answered: the digits do nothing more
        assert pilot.app.screen is summary and ratings(store) == [(None, None)]
        await pilot.press("r")  # the summary's keys are its own again
        assert isinstance(pilot.app.screen, SessionScreen)


async def test_a_session_left_early_with_something_done_asks_too(tmp_path):
    clock = FakeClock(100.0)
    app, store = app_with_history(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await advance(pilot, clock, 5)  # 2 s into the first 4 s hold
        await pilot.press("q", "y")
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen) and not summary.record.finished
        await pilot.press("t")
        await pilot.pause()
        assert ratings(store) == [(None, 10)]


async def test_a_flare_shows_why_there_is_no_step_up(tmp_path):
    clock = FakeClock(100.0)
    app, store = app_with_history(tmp_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        summary = await to_the_summary(pilot, clock)
        assert not summary.query_one("#summary-suggestions").display
        await pilot.press("6")
        await pilot.pause()
        shown = summary.query_one("#summary-suggestions", Static)
        assert shown.display and FLARE_WORDS in str(shown.render())


async def test_pain_check_off_asks_nothing(tmp_path):
    clock = FakeClock(100.0)
    app, store = app_with_history(tmp_path, clock, pain_check="off")
    async with app.run_test(size=(80, 24)) as pilot:
        summary = await to_the_summary(pilot, clock)
        assert not summary.query(PainQuestion)
        await pilot.press("3")
        assert ratings(store) == [(None, None)]


async def test_without_a_history_to_keep_it_nothing_is_asked():
    clock = FakeClock(100.0)
    app = short_routine_app(load_catalog(), clock, settings=Settings(get_ready=3, mute=True))
    async with app.run_test(size=(80, 24)) as pilot:
        summary = await to_the_summary(pilot, clock)
        assert not summary.query(PainQuestion)


async def test_both_asks_before_the_session_too_and_keeps_each_rating(tmp_path):
    clock = FakeClock(100.0)
    app, store = app_with_history(tmp_path, clock, pain_check="both")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(pilot.app.screen, PainBeforeScreen)
        await pilot.press("4")
        assert isinstance(pilot.app.screen, SessionScreen)
        await to_the_summary(pilot, clock)
        await pilot.press("2")
        await pilot.pause()
        assert ratings(store) == [(4, 2)]


async def test_escape_before_the_session_skips_and_starts_it(tmp_path):
    clock = FakeClock(100.0)
    app, store = app_with_history(tmp_path, clock, pain_check="both")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, SessionScreen)
        await to_the_summary(pilot, clock)
        await pilot.press("escape")
        assert ratings(store) == [(None, None)]


async def test_the_voice_asks_the_question_once(tmp_path):
    clock, speech = FakeClock(100.0), FakeSpeech()
    store = HistoryStore(tmp_path / "history.sqlite3")
    app = short_routine_app(load_catalog(), clock, settings=Settings(get_ready=3, voice="auto"), history=store,
                            find_speech=finds(speech))  # fmt: skip
    async with app.run_test(size=(80, 24)) as pilot:
        await to_the_summary(pilot, clock)
        await pilot.app.workers.wait_for_complete()
        assert pain_question() in speech.prepared
        assert speech.started.count(pain_question()) == 1
        await pilot.press("1")
        await pilot.app.workers.wait_for_complete()
        assert speech.started.count(pain_question()) == 1


async def test_the_history_screen_charts_the_weekly_trend(tmp_path):
    from support.history_helpers import a_set, at
    from support.tui_helpers import drawn_lines

    from backfit_tui.tui.screens.history import HistoryScreen

    store = HistoryStore(tmp_path / "history.sqlite3")
    for day, rating in (("2026-05-18", 2), ("2026-05-26", 10)):  # two weeks before "now", Thursday 28 May
        session_id = store.begin("desk-break", "Desk break", at(f"{day} 08:00"), 30)
        store.add_set(session_id, a_set(), at(f"{day} 08:01"))
        store.rate_after(session_id, rating)
    async with make_app(load_catalog(), history=store).run_test(size=(80, 40)) as pilot:
        await pilot.press("f2")
        screen = pilot.app.screen
        assert isinstance(screen, HistoryScreen)
        chart = [line.rstrip() for line in drawn_lines(screen.query_one("#history-pain"))]
        assert len(chart) == 4 and chart[0].startswith("10") and chart[-1].startswith(" 0")
        columns = [line[3::2] for line in chart]  # a column per week, the oldest first
        assert [column[-2:] for column in columns] == [" █", " █", "▅█", "▔▔"]  # 2 of 10: 5 eighths of three rows
        assert columns[-1][:10] == "·" * 10  # the weeks without a rating
        assert str(screen.query_one("#history-back").render()) == "Your back: last 10 of 10 · 4-week median 6"
