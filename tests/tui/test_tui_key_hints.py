"""The session's key hints say what each key does at that moment, and a key that does nothing says why."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from support.fake_clock import FakeClock
from support.tui_helpers import advance, short_routine_app

from backfit_tui.core.engine import Status
from backfit_tui.store.routines.catalog import Catalog, load_catalog
from backfit_tui.tui.widgets.key_hints import KeyHints

# Where the short test routine stands after this many seconds (with a 3 s get-ready):
GETTING_READY = 0.5
IN_THE_HOLD = 3.5  # child's pose, set 1 of 2, 4 s hold
IN_THE_REST = 7.5
IN_A_BREATH = 18.5  # cat-cow, counted by its own pace
AT_THE_HAND_COUNTED_REPS = 50  # band pull-apart, 3 reps counted with Enter


@pytest.fixture
def catalog() -> Catalog:
    return load_catalog()


def hints(pilot) -> str:
    return str(pilot.app.screen.query_one(KeyHints).render())


def messages(pilot) -> list[str]:
    return [notification.message for notification in pilot.app._notifications]


async def test_enter_reads_done_in_a_hold_and_rep_with_d_done_when_the_reps_are_counted_by_hand(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, IN_THE_HOLD)
        assert "enter Done" in hints(pilot) and "Rep" not in hints(pilot) and "d Done" not in hints(pilot)
        await advance(pilot, clock, AT_THE_HAND_COUNTED_REPS - IN_THE_HOLD)
        assert "enter Rep" in hints(pilot) and "d Done" in hints(pilot) and "enter Done" not in hints(pilot)


async def test_the_hints_of_the_hand_counted_reps_fit_a_60_column_footer(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock).run_test(size=(60, 20)) as pilot:
        await advance(pilot, clock, AT_THE_HAND_COUNTED_REPS)
        assert "d Done" in hints(pilot) and hints(pilot).rstrip().endswith("Help")


async def test_enter_is_left_out_while_there_is_no_set_to_end(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, GETTING_READY)
        assert "enter" not in hints(pilot) and "⏎" not in hints(pilot)
        await advance(pilot, clock, IN_THE_REST - GETTING_READY)
        assert "enter" not in hints(pilot) and "⏎" not in hints(pilot)


async def test_space_reads_resume_while_paused_and_pause_again_once_resumed(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, IN_THE_HOLD)
        assert "space Pause" in hints(pilot)
        await pilot.press("space")
        assert "space Resume" in hints(pilot)
        await pilot.press("space")
        assert pilot.app.screen.session.status is Status.RESUMING and "space Pause" in hints(pilot)
        await pilot.press("space")  # the lead-in stops, and waits again
        assert pilot.app.screen.session.status is Status.PAUSED and "space Resume" in hints(pilot)


@pytest.mark.parametrize(
    ("seconds", "adjustable"),
    [(GETTING_READY, True), (IN_THE_HOLD, True), (IN_THE_REST, True), (IN_A_BREATH, False),
     (AT_THE_HAND_COUNTED_REPS, False)],  # fmt: skip
    ids=["get ready", "hold", "rest", "breaths", "reps counted by hand"],
)
async def test_plus_minus_shows_only_while_there_is_a_time_to_change(catalog, seconds, adjustable):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, seconds)
        assert ("+/- ±5 s" in hints(pilot)) is adjustable


async def test_back_at_the_very_start_says_so_and_changes_nothing(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock).run_test(size=(80, 24)) as pilot:
        session = pilot.app.screen.session
        await advance(pilot, clock, GETTING_READY)
        assert "b Back" not in hints(pilot)
        await pilot.press("b")
        assert messages(pilot) == ["Already at the start"]
        assert (session.index, session.remaining()) == (0, 2.5)


async def test_plus_during_hand_counted_reps_says_why_it_does_nothing(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, AT_THE_HAND_COUNTED_REPS)
        await pilot.press("plus", "enter")
        assert messages(pilot) == ["Nothing to lengthen: reps are counted by hand"]
        assert pilot.app.screen.session.reps_counted == 1  # Enter still counts


async def test_every_hint_fits_a_60_column_footer_even_paused_in_a_hold(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock).run_test(size=(60, 20)) as pilot:
        await advance(pilot, clock, IN_THE_HOLD)
        await pilot.press("space")
        shown = hints(pilot)
        assert shown.startswith("␣ Resume") and shown.endswith("q Leave ? Help")
        assert cell_len(shown) <= 60


async def test_the_hints_are_redrawn_when_the_phase_changes_not_every_second(catalog):
    clock, redraws = FakeClock(100.0), []
    async with short_routine_app(catalog, clock).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, IN_THE_HOLD)
        footer = pilot.app.screen.query_one(KeyHints)
        pilot.app.screen.bindings_updated_signal.subscribe(footer, redraws.append, immediate=True)
        for _ in range(3):
            await advance(pilot, clock, 1)  # the hold's last seconds
        assert redraws == []
        await advance(pilot, clock, 1)  # into the rest
        assert len(redraws) == 1


async def test_enter_and_space_are_named_where_the_footer_has_room_and_signs_where_it_has_not(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, IN_THE_HOLD)
        # ⏎ and ␣ are a few pixels tall in many fonts
        assert hints(pilot).startswith("space Pause") and "enter Done" in hints(pilot)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert hints(pilot).startswith("␣ Pause") and "⏎ Done" in hints(pilot) and cell_len(hints(pilot)) <= 60


async def test_m_reads_unmute_while_muted_and_mute_again_once_unmuted(catalog):
    clock = FakeClock(100.0)
    async with short_routine_app(catalog, clock).run_test(size=(80, 24)) as pilot:
        await advance(pilot, clock, IN_THE_HOLD)
        assert "m Mute" in hints(pilot)
        await pilot.press("m")
        assert "m Unmute" in hints(pilot)
        await pilot.press("m")
        assert "m Mute" in hints(pilot) and "Unmute" not in hints(pilot)
