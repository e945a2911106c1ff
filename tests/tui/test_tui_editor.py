"""The routine editor, driven from the menu with the keyboard: new, edit, duplicate, delete."""

from __future__ import annotations

import pytest
import textual.constants
from support.fake_clock import FakeClock
from support.tui_helpers import make_app
from textual.widgets import Input, Select

from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.store.routines.routine_files import load_routine
from backfit_tui.tui.app import FEW_COLOURS_THEME
from backfit_tui.tui.screens.disk_changed import DiskChangedScreen
from backfit_tui.tui.screens.editor import EditorScreen
from backfit_tui.tui.screens.menu import MenuScreen
from backfit_tui.tui.screens.session import SessionScreen


def problems(screen) -> str:
    return str(screen.query_one("#problems").render())


async def test_a_routine_built_from_scratch_is_saved_found_in_the_menu_and_runs(data_dir):
    async with make_app(load_catalog(), FakeClock(100.0)).run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n")
        editor = pilot.app.screen
        assert isinstance(editor, EditorScreen)
        await pilot.press(*"Lunch plank", "tab", *"A short plank at lunch.", "tab", *"core, desk")
        await pilot.press("tab", "a")  # to the steps list; add a step
        await pilot.press(*"plank", "enter")
        assert editor.draft.steps == [{"exercise": "plank", "hold": 20}]  # the start of the plank's range
        await pilot.press("tab", "tab", "end", "ctrl+u", *"25")  # past the step's kind, to its hold field
        assert problems(editor) == ""
        assert "Total 28 s" in str(editor.query_one("#total").render())  # a 3 s get-ready and the hold
        await pilot.press("ctrl+s")
        saved = data_dir / "routines" / "lunch-plank.toml"
        assert load_routine(saved, load_catalog().library).steps[0].dosage.seconds == 25
        await pilot.press("escape")
        menu = pilot.app.screen
        assert isinstance(menu, MenuScreen)
        await pilot.press(*"lunch", "enter")
        assert isinstance(pilot.app.screen, SessionScreen)
        assert pilot.app.screen.session.routine.name == "Lunch plank"


async def test_bad_entries_are_refused_with_the_loaders_messages_and_nothing_is_saved(data_dir):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n", *"Bad one", "tab", *"x", "tab", "tab", "a", *"plank", "enter")
        editor = pilot.app.screen
        await pilot.press("tab", "tab", "end", "ctrl+u", *"0")
        assert "Step 1, hold: must be a whole number of seconds between 1 and 3600, got 0" in problems(editor)
        await pilot.press("ctrl+s")
        assert not (data_dir / "routines").exists()
        await pilot.press("escape")  # unsaved changes: it asks
        assert pilot.app.screen.__class__.__name__ == "ConfirmScreen"
        await pilot.press("y")
        assert isinstance(pilot.app.screen, MenuScreen)


async def test_a_bundled_routine_is_copied_not_edited_and_its_copy_can_be_deleted(data_dir):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        await pilot.press(*"desk", "ctrl+e")
        assert isinstance(pilot.app.screen, MenuScreen)  # read-only: it says to copy it
        await pilot.press("ctrl+d")
        editor = pilot.app.screen
        assert editor.query_one("#routine-name", Input).value == "Desk break (copy)"
        await pilot.press("ctrl+s", "escape")
        copy = data_dir / "routines" / "desk-break-copy.toml"
        assert copy.exists()
        menu = pilot.app.screen
        assert [e.id for e in menu.shown] == ["desk-break", "desk-break-copy"]
        menu.query_one("#routines").highlighted = 1
        await pilot.press("ctrl+x", "y")
        assert not copy.exists()
        assert [e.id for e in pilot.app.screen.shown] == ["desk-break"]


def shown_fields(editor) -> list[str]:
    return [row.id.removeprefix("row-") for row in editor.query(".step-field") if row.id and row.display]


async def test_a_step_shows_its_kinds_fields_and_changes_kind_from_a_list(data_dir):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        await pilot.press(*"floor", "ctrl+d")  # its first step is cat-cow, 10 breaths
        editor = pilot.app.screen
        kind = editor.query_one("#step-kind", Select)
        await pilot.pause()
        assert kind.value == "breaths"
        assert editor.draft.steps[0] == {"exercise": "cat-cow", "breaths": 10, "rest_after": 10}  # left as it was
        assert shown_fields(editor) == ["breaths", "inhale", "exhale", "sets", "rest_between_sets", "sides",
                                        "switch", "rest_after", "cues"]  # fmt: skip
        await pilot.press("tab", "tab", "tab", "tab")  # name, description, tags, steps: then the kind
        assert pilot.app.focused is kind
        await pilot.press("enter", "down", "enter")  # the list opens on breaths; reps is next
        assert editor.draft.steps[0] == {"exercise": "cat-cow", "reps": 10, "rest_after": 10}
        assert shown_fields(editor)[:3] == ["reps", "seconds_per_rep", "hold_per_rep"]
        assert "Cat-cow — 10 reps (self-paced)" in str(editor.query_one("#steps").get_option_at_index(0).prompt)


async def test_a_steps_own_cues_are_typed_beside_the_librarys_and_saved(data_dir):
    library = load_catalog().library
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        await pilot.press(*"floor", "ctrl+d")  # its first step, cat-cow, has the library's cues
        editor = pilot.app.screen
        cues = editor.query_one("#step-cues", Input)
        assert (cues.value, cues.placeholder) == ("", "; ".join(library["cat-cow"].cues))
        cues.focus()
        keys = {" ": "space", ";": "semicolon"}
        await pilot.press(*[keys.get(c, c) for c in "Round slowly; breathe with the move"], "ctrl+s")
        saved = load_routine(data_dir / "routines" / "floor-stretch-copy.toml", library)
        assert saved.steps[0].form_cues == ("Round slowly", "breathe with the move")


async def test_a_decimal_is_typed_one_key_at_a_time(data_dir):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        await pilot.press(*"core", "ctrl+d", "tab", "tab", "tab", "down")  # the bridge: 10 reps at 3 s each
        editor = pilot.app.screen
        pace = editor.query_one("#step-seconds_per_rep", Input)
        pace.focus()
        await pilot.press("end", "ctrl+u", "2", "full_stop", "5")  # "2." must not become 2 on the way
        assert (pace.value, editor.draft.steps[1]["seconds_per_rep"]) == ("2.5", 2.5)


async def test_steps_are_reordered_and_removed_with_keys(data_dir):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n", "tab", "tab", "tab")
        for exercise in ("plank", "bridge"):
            await pilot.press("a", *exercise, "enter")
        editor = pilot.app.screen
        assert [s["exercise"] for s in editor.draft.steps] == ["plank", "bridge"]
        await pilot.press("left_square_bracket")
        assert [s["exercise"] for s in editor.draft.steps] == ["bridge", "plank"]
        await pilot.press("x")
        assert [s["exercise"] for s in editor.draft.steps] == ["plank"]


async def test_a_save_that_fails_says_why_and_keeps_the_edits(data_dir):
    (data_dir / "routines").write_text("a file where the routines folder should be")
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n", *"Kept", "tab", *"Still here.", "tab", "tab", "a", *"plank", "enter", "ctrl+s")
        editor = pilot.app.screen
        assert isinstance(editor, EditorScreen) and editor.changed
        assert any("Could not save to" in n.message for n in pilot.app._notifications)


async def test_each_problem_is_shown_on_its_own_line(data_dir):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n", "ctrl+s")
        keys = [line.split(":")[0] for line in problems(pilot.app.screen).splitlines()]
        assert keys == ["Name", "Description", "Steps"]


async def test_a_problem_shows_once_its_field_is_edited_or_a_save_is_tried_in_the_forms_words(data_dir):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n")
        editor = pilot.app.screen
        assert problems(editor) == ""  # nothing typed yet: nothing is wrong yet
        assert str(editor.query_one("#total").render()) == "Total: once the routine is complete"
        await pilot.press("x", "backspace")
        assert problems(editor) == "Name: must be one line of 1 to 60 characters, got 0 characters"
        await pilot.press("ctrl+s")
        assert problems(editor).splitlines()[1:] == [
            "Description: must be one line of 1 to 200 characters, got 0 characters",
            "Steps: add at least one step (a) — up to 50",
        ]
        assert str(editor.query_one("#total").render()) == "Total: fix the problems below"


async def test_leaving_a_routine_untouched_does_not_ask(data_dir):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        for opens in (["ctrl+n"], [*"core", "ctrl+d"]):  # a new routine; a copy
            await pilot.press(*opens)
            assert isinstance(pilot.app.screen, EditorScreen)
            await pilot.press("escape")
            assert isinstance(pilot.app.screen, MenuScreen)
            await pilot.press("ctrl+u")  # the filter, emptied


async def test_a_step_from_the_library_takes_its_exercises_kind_and_range(data_dir):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n", "tab", "tab", "tab", "a", *"cat-cow", "enter")
        editor = pilot.app.screen
        assert editor.draft.steps == [{"exercise": "cat-cow", "breaths": 10}]  # 10 to 15 breaths in the library
        assert editor.query_one("#step-kind", Select).value == "breaths"
        assert editor.query_one("#step-breaths", Input).value == "10"
        assert shown_fields(editor)[:3] == ["breaths", "inhale", "exhale"]


async def test_an_empty_field_shows_its_default(data_dir):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n")
        editor = pilot.app.screen
        assert editor.query_one("#step-sets", Input).placeholder == ""  # no step yet: nothing to stand for
        await pilot.press("tab", "tab", "tab", "a", *"bird", "enter")  # bird dog: 8 to 15 reps
        hints = {key: editor.query_one(f"#step-{key}", Input).placeholder for key in
                 ("seconds_per_rep", "hold_per_rep", "sets", "rest_between_sets", "switch", "rest_after")}  # fmt: skip
        assert hints == {"seconds_per_rep": "self-paced", "hold_per_rep": "no hold", "sets": "1 (default)",
                         "rest_between_sets": "0 (default)", "switch": "5 (default)", "rest_after": "0 (default)"}  # fmt: skip
        reps = editor.query_one("#step-reps", Input)
        reps.focus()
        await pilot.press("end", "ctrl+u")
        assert (reps.value, reps.placeholder) == ("", "8 to 15")


async def test_sides_are_chosen_from_a_list_as_the_kind_is(data_dir):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n", *"Mine", "tab", *"Mine.", "tab", "tab", "a", *"bird", "enter")
        editor = pilot.app.screen
        sides = editor.query_one("#step-sides", Select)
        assert sides.value == "none"
        sides.focus()
        await pilot.press("enter", "down", "down", "enter")  # none, each, alternating
        assert editor.draft.steps == [{"exercise": "bird-dog", "reps": 8, "sides": "alternating"}]
        assert "Bird dog — 8 reps each side, alternating (self-paced)" in str(
            editor.query_one("#steps").get_option_at_index(0).prompt
        )


@pytest.mark.parametrize("colours", ["truecolor", "standard"], ids=["default", "16 colours"])
async def test_every_field_is_drawn_as_a_box(colours, monkeypatch, data_dir):
    monkeypatch.setattr(textual.constants, "COLOR_SYSTEM", colours)
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        assert (pilot.app.theme == FEW_COLOURS_THEME) is (colours == "standard")
        await pilot.press(*"core", "ctrl+d")
        fields = pilot.app.screen.query("#editor Input, #editor SelectCurrent")
        assert len(fields) == 3 + 1 + 13  # name, description and tags; the step's kind; its 13 fields
        for field in fields:
            behind = field.parent.background_colors[1]
            for edge, colour in (field.styles.border_left, field.styles.border_right):
                assert edge and colour != behind, (field, colour, behind)


# --- a routine's file, changed by another program while it is edited ---------------------------

MINE = """\
# My plank, from the physio's sheet.
name = "My plank"
description = "A plank to start the day."

[[steps]]
exercise = "plank"
hold = 20  # up from 15 in May
"""
THEIRS = MINE.replace("A plank to start the day.", "Changed in another program.")


async def open_mine_and_change_it_twice(pilot, data_dir) -> EditorScreen:
    """Open my-plank with ctrl+e, set its hold to 25, and let another program change its description."""
    await pilot.press(*"my plank", "ctrl+e")
    editor = pilot.app.screen
    assert isinstance(editor, EditorScreen)
    editor.query_one("#step-hold", Input).focus()
    await pilot.press("end", "ctrl+u", *"25")
    (data_dir / "routines" / "my-plank.toml").write_text(THEIRS)
    await pilot.press("ctrl+s")
    assert isinstance(pilot.app.screen, DiskChangedScreen)
    assert "was changed by another program" in str(pilot.app.screen.query_one("#disk-changed-news").render())
    return editor


@pytest.fixture
def my_plank(data_dir):
    (data_dir / "routines").mkdir()
    path = data_dir / "routines" / "my-plank.toml"
    path.write_text(MINE)
    return path


async def test_a_file_changed_on_disk_is_overwritten_only_when_told_to_keep_mine(data_dir, my_plank):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        editor = await open_mine_and_change_it_twice(pilot, data_dir)
        await pilot.press("k")
        assert pilot.app.screen is editor and not editor.changed
        assert my_plank.read_text() == MINE.replace("hold = 20", "hold = 25")  # mine, with its comments
        await pilot.press("ctrl+s")  # the file is now as saved: no question
        assert pilot.app.screen is editor


async def test_reloading_theirs_drops_the_edits_and_shows_the_file_as_it_is_now(data_dir, my_plank):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        editor = await open_mine_and_change_it_twice(pilot, data_dir)
        await pilot.press("r")
        assert pilot.app.screen is editor and not editor.changed
        assert my_plank.read_text() == THEIRS
        assert editor.query_one("#routine-description", Input).value == "Changed in another program."
        assert editor.query_one("#step-hold", Input).value == "20"
        await pilot.press("escape")  # nothing to lose: it leaves without asking
        assert isinstance(pilot.app.screen, MenuScreen)


async def test_saving_as_a_copy_leaves_their_file_and_edits_the_copy_from_then_on(data_dir, my_plank):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        editor = await open_mine_and_change_it_twice(pilot, data_dir)
        await pilot.press("c")
        copy = data_dir / "routines" / "my-plank-2.toml"
        assert my_plank.read_text() == THEIRS
        assert copy.read_text() == MINE.replace("hold = 20", "hold = 25")
        assert editor.draft.routine_id == "my-plank-2" and not editor.changed
        editor.query_one("#step-hold", Input).focus()
        await pilot.press("end", "ctrl+u", *"30", "ctrl+s")
        assert pilot.app.screen is editor
        assert "hold = 30  # up from" in copy.read_text() and my_plank.read_text() == THEIRS


@pytest.mark.parametrize("key", ["escape", "enter"])
async def test_escape_or_enter_goes_back_to_editing_and_writes_nothing(data_dir, my_plank, key):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        editor = await open_mine_and_change_it_twice(pilot, data_dir)
        await pilot.press(key)
        assert pilot.app.screen is editor and editor.changed
        assert editor.draft.steps[0]["hold"] == 25
        assert my_plank.read_text() == THEIRS


async def test_a_save_that_drops_the_files_comments_says_so_once_first(data_dir, my_plank):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        await pilot.press(*"my plank", "ctrl+e", "tab", "tab", "tab", "a", *"bridge", "enter")
        await pilot.press("left_square_bracket", "ctrl+s")  # the bridge first: the plank's lines move
        editor = pilot.app.screen
        assert [step["exercise"] for step in editor.draft.steps] == ["bridge", "plank"]
        assert my_plank.read_text() == MINE  # not yet
        assert any("comments you wrote in it are not kept" in n.message for n in pilot.app._notifications)
        await pilot.press("ctrl+s")
        assert "#" not in my_plank.read_text() and not editor.changed
        await pilot.press("x", "ctrl+s")  # said once: the next save just saves
        assert "bridge" not in my_plank.read_text()


async def test_a_step_added_at_the_end_keeps_the_files_comments(data_dir, my_plank):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        await pilot.press(*"my plank", "ctrl+e", "tab", "tab", "tab", "a", *"bridge", "enter", "ctrl+s")
        assert my_plank.read_text().startswith(MINE + "\n[[steps]]\nexercise = \"bridge\"\n")


async def test_ctrl_e_opens_the_file_as_it_is_now_or_says_why_it_cannot(data_dir, my_plank):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        my_plank.write_text(THEIRS)  # after the menu listed it
        await pilot.press(*"my plank", "ctrl+e")
        editor = pilot.app.screen
        assert editor.query_one("#routine-description", Input).value == "Changed in another program."
        await pilot.press("escape")
        my_plank.write_text("name = ")
        await pilot.press("ctrl+e")
        assert isinstance(pilot.app.screen, MenuScreen)
        assert any("Could not open" in n.message for n in pilot.app._notifications)
