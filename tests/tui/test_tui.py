"""The TUI driven by Textual's Pilot, with a fake clock that moves only when a test says so."""

from __future__ import annotations

import asyncio

import pytest
from support.fake_clock import FakeClock
from support.recording_player import RecordingPlayer
from support.strategies import routine, step
from support.tui_helpers import advance, make_app, screen_lines, short_routine_app
from textual.widgets import Input, Static

from backfit_tui.core.dosages import Reps
from backfit_tui.core.engine import Session, Status
from backfit_tui.core.formatting import NO_BREAK_SPACE
from backfit_tui.core.glance import glance
from backfit_tui.core.model import Sides
from backfit_tui.core.records import EventKind
from backfit_tui.store.routines.catalog import Catalog, load_catalog
from backfit_tui.tui.screens.confirm import ConfirmScreen
from backfit_tui.tui.screens.menu import MenuScreen
from backfit_tui.tui.screens.session import SessionScreen
from backfit_tui.tui.screens.summary import SummaryScreen
from backfit_tui.tui.widgets.big_text import BigText


@pytest.fixture
def catalog() -> Catalog:
    return load_catalog()


def text_of(screen, selector: str) -> str:
    """What a Static shows, unwrapped, its non-breaking spaces read as spaces."""
    return str(screen.query_one(selector, Static).content).replace(NO_BREAK_SPACE, " ")


def big(screen, selector: str) -> str:
    """What a big-text widget says (the phase's word, the figure), as text."""
    return screen.query_one(selector, BigText).text


async def test_the_menu_lists_every_routine_and_previews_the_highlighted_one(catalog):
    async with make_app(catalog).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        menu = pilot.app.screen
        assert isinstance(menu, MenuScreen)
        assert [e.id for e in menu.shown] == [e.id for e in catalog.entries]
        assert "Child's pose — hold 30 s × 3, rest 10 s" in text_of(menu, "#preview")


async def test_typing_filters_by_name_before_tag(catalog):
    async with make_app(catalog).run_test(size=(80, 24)) as pilot:
        await pilot.press(*"floor")
        menu = pilot.app.screen
        assert menu.query_one(Input).value == "floor"
        assert menu.shown[0].id == "floor-stretch"
        assert {e.id for e in menu.shown} >= {"back-pain-relief", "core-stability"}  # the floor tag
        await pilot.press(*"zzz")
        assert menu.shown == [] and "No routine matches" in text_of(menu, "#preview")


async def test_a_broken_routine_is_listed_with_its_problem_in_the_preview(catalog, data_dir, write_routine):
    write_routine('name = "Broken"\n', data_dir / "routines" / "broken.toml")
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        await pilot.press(*"broken")
        preview = text_of(pilot.app.screen, "#preview")
        assert "broken cannot be loaded" in preview and "description: is missing" in preview
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, MenuScreen)


async def test_enter_starts_the_highlighted_routine(catalog):
    async with make_app(catalog).run_test(size=(80, 24)) as pilot:
        await pilot.press(*"desk", "enter")
        screen = pilot.app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.session.routine.id == "desk-break"


async def test_a_tick_queued_as_the_session_ends_draws_nothing_on_the_widgets_it_has_left(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = pilot.app.screen
        await advance(pilot, clock, 120)  # to the last step, its reps counted by hand
        await pilot.press("enter", "enter", "enter")
        assert isinstance(pilot.app.screen, SummaryScreen)
        session.tick()  # as a wake-up queued just before the end runs after it
        await pilot.pause()
        assert pilot.app.is_running and isinstance(pilot.app.screen, SummaryScreen)


async def test_a_short_routine_runs_from_start_to_summary(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert (big(screen, "#phase-word"), big(screen, "#figure")) == ("GET READY", "0:03")
        assert text_of(screen, "#exercise") == "Get ready for Child's pose"
        await advance(pilot, clock, 3.2)  # into the 4 s hold
        assert (big(screen, "#phase-word"), big(screen, "#figure")) == ("WORK", "0:04")
        assert text_of(screen, "#exercise") == "Child's pose"
        await advance(pilot, clock, 2.0)
        assert screen.query_one("#figure").has_class("-final-seconds")
        await advance(pilot, clock, 11.0)  # set 2 done, then rest, then get-ready for cat-cow
        await advance(pilot, clock, 2.0)
        assert (big(screen, "#phase-word"), big(screen, "#figure")) == ("BREATHE IN", "1/2")
        await advance(pilot, clock, 1.0)
        assert big(screen, "#phase-word") == "BREATHE OUT"
        await advance(pilot, clock, 2.5 + 3 + 2)  # breaths end; get ready; left side
        assert big(screen, "#phase-word") == "WORK LEFT" and "left" in text_of(screen, "#detail")
        await advance(pilot, clock, 8)  # left, switch, right, get ready, into rep 1's hold
        assert (big(screen, "#phase-word"), big(screen, "#figure")) == ("HOLD LEFT", "1/2")
        assert text_of(screen, "#then") == "hold 1 s"
        await advance(pilot, clock, 6.5 + 3)  # the reps end by themselves; get ready
        assert big(screen, "#figure") == "0/3" and "Enter per rep" in text_of(screen, "#then")
        await pilot.press("enter", "enter", "enter")
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        assert summary.record.finished and len(summary.record.sets) == 7
        assert text_of(summary, "#summary-title") == "Well done — Short test routine finished"
        # 24 s of timed work, and the self-paced reps were counted within their first second
        assert "6 sets done · active 25 s" in text_of(summary, "#summary-totals")  # the twist's two sides are one set


async def test_enter_counts_a_hand_counted_rep_and_d_ends_the_set_as_done(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock, get_ready=0).run_test(size=(80, 24)) as pilot:
        screen = pilot.app.screen
        await pilot.press("N", "N", "N", "N")  # on to the last step, the band pull-apart's 3 reps counted by hand
        assert text_of(screen, "#then") == "Enter per rep, d when the set is done"
        await pilot.press("enter")
        assert big(screen, "#figure") == "1/3" and screen.session.counts_reps  # the set waits for the rest
        await pilot.press("d")
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen) and summary.record.finished
        assert summary.record.sets[-1].achieved == 1 and not summary.record.sets[-1].skipped


async def test_space_pauses_exactly_and_resumes_after_three_seconds(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock, get_ready=0).run_test(size=(80, 24)) as pilot:
        screen = pilot.app.screen
        await advance(pilot, clock, 1.5)
        await pilot.press("space")
        await advance(pilot, clock, 60)
        assert screen.session.status is Status.PAUSED and screen.session.remaining() == 2.5
        assert big(screen, "#phase-word") == "PAUSED" and "paused" in text_of(screen, "#then")
        await pilot.press("space")
        assert "resuming in 3" in text_of(screen, "#then")
        await advance(pilot, clock, 3)
        assert screen.session.status is Status.RUNNING and screen.session.remaining() == 2.5


async def test_keys_skip_go_back_restart_and_adjust(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock, get_ready=0).run_test(size=(80, 24)) as pilot:
        session = pilot.app.screen.session
        await advance(pilot, clock, 1)
        await pilot.press("plus")
        assert session.remaining() == 8
        await pilot.press("minus")
        assert session.remaining() == 3
        await pilot.press("n")  # skip set 1 → rest
        assert session.phase.kind.value == "set_rest"
        assert session.record().sets[0].skipped
        await pilot.press("n", "b")  # into set 2, then back to set 1
        assert (session.phase.kind.value, session.phase.set_number) == ("work", 1)
        await advance(pilot, clock, 2)
        await pilot.press("r")
        assert session.remaining() == 4
        await pilot.press("N")  # next step: the breaths
        assert session.phase.step.exercise.id == "cat-cow"


async def test_leaving_asks_first_and_keeps_what_was_done(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock, get_ready=0).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 4.5)  # set 1 held in full
        await pilot.press("q")
        await pilot.press("n")  # no: carry on, after the lead-in
        assert isinstance(pilot.app.screen, SessionScreen)
        assert pilot.app.screen.session.status is Status.RESUMING
        await pilot.press("escape", "y")
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        assert not summary.record.finished
        assert [s.achieved for s in summary.record.sets] == [4]
        assert "Left early" in text_of(summary, "#summary-title")
        assert "does not count toward the weekly goal" in text_of(summary, "#summary-goal")
        await pilot.press("r")  # repeat
        assert isinstance(pilot.app.screen, SessionScreen)


async def test_leaving_before_the_first_set_starts_says_nothing_was_done(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock, get_ready=3).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 2.5)
        await pilot.press("q", "y")
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        assert text_of(summary, "#summary-totals") == "Nothing was done this time."
        assert not summary.query("#summary-table") and not summary.query("#summary-goal")


async def test_leaving_partway_through_a_set_shows_it_as_a_partial_set(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock, get_ready=0).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 2)  # into the first 4 s hold
        await pilot.press("q", "y")
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        [kept] = summary.record.sets
        assert (kept.achieved, kept.planned, kept.partial) == (2, 4, True)
        assert text_of(summary, "#summary-totals") == "0 of 6 sets done, 1 partial · active 2 s"
        assert any("2 of 4 s (partial)" in line for line in screen_lines(pilot.app))


async def test_ctrl_c_leaves_a_session_after_asking_like_q(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock, get_ready=0).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 4.5)
        await pilot.press("ctrl+c")
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("y")
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen) and not summary.record.finished


async def test_a_stray_q_then_an_enter_meant_as_a_rep_carries_on_the_session(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock, get_ready=0).run_test(size=(80, 24)) as pilot:
        await pilot.press("N", "N", "N", "N", "enter")  # the reps counted by hand: one counted
        await pilot.press("q")
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmScreen) and "n / Enter / Esc: no" in "\n".join(screen_lines(pilot.app))
        await pilot.press("enter")  # meant as the second rep: the safe answer, stay
        session = pilot.app.screen
        assert isinstance(session, SessionScreen) and session.session.status is Status.RESUMING
        assert session.session.reps_counted == 1


async def test_ctrl_q_in_a_session_asks_first_and_leaving_keeps_what_was_done(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock, get_ready=0).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 4.5)  # set 1 held in full
        await pilot.press("ctrl+q")
        assert isinstance(pilot.app.screen, ConfirmScreen) and pilot.app.is_running
        await pilot.press("enter")  # stay
        assert isinstance(pilot.app.screen, SessionScreen)
        await pilot.press("ctrl+q", "y")
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen) and not summary.record.finished
        assert [s.achieved for s in summary.record.sets] == [4]


async def test_ctrl_q_over_the_help_in_a_session_asks_too(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock, get_ready=0).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, 4.5)  # set 1 held in full
        await pilot.press("question_mark", "ctrl+q")
        assert isinstance(pilot.app.screen, ConfirmScreen) and pilot.app.is_running
        await pilot.press("y")
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen) and [s.achieved for s in summary.record.sets] == [4]


async def test_ctrl_c_on_the_menu_quits(catalog):
    async with make_app(catalog).run_test(size=(80, 24)) as pilot:
        await pilot.press(*"desk", "ctrl+c")  # typed into the filter, which copies only selected text
        await pilot.pause()
        assert not pilot.app.is_running and pilot.app.return_code == 0


async def test_the_screen_wakes_only_for_the_engine_and_its_events_are_due_times(catalog):
    clock, seen = FakeClock(100.0), []

    def observe(events, heard, handled_at):  # the hook the timing trace uses
        seen.extend(events)

    async with short_routine_app(catalog, clock, get_ready=0, observers=[observe]).run_test(size=(80, 24)) as pilot:
        screen = pilot.app.screen
        await advance(pilot, clock, 0.4)  # 0.4 s into the first hold, of 4 s
        screen.tick()  # as its wake-up would, now
        due_in = screen._wakeup.when() - asyncio.get_running_loop().time()
        assert screen.session.next_wakeup() == 101.0  # the next whole second shown: 3 s left
        assert due_in == pytest.approx(0.6, abs=0.01)  # then, and no sooner: a hold has no pacing frames
        clock.now += 10
        screen.tick()
        ended = [e.due for e in seen if e.kind is EventKind.PHASE_ENDED]
        assert ended[:2] == [104.0, 106.0]  # on their deadlines, not when the frame came


async def test_a_wakeup_already_due_as_it_is_set_still_comes(catalog):
    clock, player = FakeClock(100.0), RecordingPlayer()
    async with short_routine_app(catalog, clock, player=player).run_test(size=(80, 24)) as pilot:
        clock.now += 1  # the get-ready's first countdown second is due, and no tick has caught up with it
        pilot.app.screen.schedule()  # as after a late frame: a delay of nothing
        await pilot.pause(0.05)
        assert player.played == ["countdown"]


async def test_the_command_palette_switches_the_theme(catalog):
    async with make_app(catalog).run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"theme")
        await pilot.pause(0.3)  # the palette searches in the background
        await pilot.press("enter", *"nord")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.theme == "nord"
        assert isinstance(pilot.app.screen, MenuScreen)



async def test_arrows_move_through_the_list_from_the_filter_and_wrap(catalog):
    async with make_app(catalog).run_test(size=(80, 24)) as pilot:
        await pilot.press("up")
        menu = pilot.app.screen
        assert menu.current() is menu.shown[-1]
        await pilot.press("down", "down")
        assert menu.current() is menu.shown[1]


def test_self_paced_alternating_reps_are_counted_on_each_side():
    clock = FakeClock()
    session = Session(routine(step(Reps(10), sides=Sides.ALTERNATING)), clock, get_ready=0)
    session.start()
    for _ in range(5):  # three on the left, two on the right
        session.count_rep()
    assert session.reps_done == 2
    assert glance(session).figure == "2/10"
