"""The summary's suggestions: accepted with one key into the person's copy of the routine, and undone the same way."""

from __future__ import annotations

from support.history_helpers import add_session, at, routine_done_as_planned
from support.tui_helpers import make_app

from backfit_tui.core.records import SessionRecord
from backfit_tui.store import locations
from backfit_tui.store.history.store import HistoryStore
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.tui.screens.summary import SummaryScreen


def history_of_two_full_sessions(routine) -> HistoryStore:
    store = HistoryStore(locations.history_file())
    for day in (4, 5):
        add_session(store, at(f"2026-05-0{day} 08:00"), *routine_done_as_planned(routine), routine=routine.id)
    return store


async def test_accepting_writes_the_users_copy_with_a_comment_and_undo_puts_the_bundled_one_back(data_dir):
    catalog = load_catalog()
    routine = catalog.find("floor-stretch").routine
    store = history_of_two_full_sessions(routine)
    record = SessionRecord(routine.id, routine.name, tuple(routine_done_as_planned(routine)), True, 100.0)
    copy = data_dir / "routines" / "floor-stretch.toml"
    async with make_app(catalog, history=store).run_test(size=(80, 30)) as pilot:
        pilot.app.routines.show_summary(routine, record, None)
        await pilot.pause()
        summary = pilot.app.screen
        assert isinstance(summary, SummaryScreen)
        offered = str(summary.query_one("#summary-suggestions").render())
        assert "Child's pose: 35 s next time?" in offered
        assert "Seated twist: at the articles' full dosage." in offered
        assert not copy.exists()  # nothing changes without the person's word

        await pilot.press("a")
        text = copy.read_text(encoding="utf-8")
        assert text.startswith("# ") and "Child's pose: 30 s → 35 s" in text.splitlines()[0]
        assert "hold = 35                      # 000: 30 seconds to one minute" in text
        assert "breaths = 11" in text and "reps = 4" in text
        entry = pilot.app.state.catalog.find("floor-stretch")
        assert entry.origin == "user" and entry.routine.steps[1].dosage.seconds == 35
        assert "Changed:" in str(summary.query_one("#summary-suggestions").render())

        await pilot.press("u")
        assert not copy.exists()
        assert pilot.app.state.catalog.find("floor-stretch").origin == "bundled"
        assert "a: accept" in str(summary.query_one("#summary-suggestions").render())


async def test_accepting_a_users_own_routine_rewrites_it_and_undo_restores_its_text(data_dir):
    own = data_dir / "routines" / "pose.toml"
    own.parent.mkdir()
    original = 'name = "Pose"\ndescription = "One pose."\n\n[[steps]]\nexercise = "childs-pose"\nhold = 60  # mine\n'
    own.write_text(original, encoding="utf-8")
    catalog = load_catalog()
    routine = catalog.find("pose").routine
    store = history_of_two_full_sessions(routine)
    record = SessionRecord(routine.id, routine.name, tuple(routine_done_as_planned(routine)), True, 60.0)
    async with make_app(catalog, history=store).run_test(size=(80, 30)) as pilot:
        pilot.app.routines.show_summary(routine, record, None)
        await pilot.pause()
        await pilot.press("a")
        assert own.read_text(encoding="utf-8").endswith("hold = 60  # mine\nsets = 2\n")
        await pilot.press("u")
        assert own.read_text(encoding="utf-8") == original


async def test_the_menus_preview_says_what_the_history_suggests(data_dir):
    catalog = load_catalog()
    store = history_of_two_full_sessions(catalog.find("floor-stretch").routine)
    async with make_app(catalog, history=store).run_test(size=(100, 40)) as pilot:
        await pilot.press(*"floor")
        await pilot.pause()
        preview = str(pilot.app.screen.query_one("#preview").content).replace("\N{NO-BREAK SPACE}", " ")
        assert "Next time: Child's pose: 35 s next time?" in preview
