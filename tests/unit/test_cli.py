"""The `backfit` command as a person uses it: what it prints, where, and how it exits.

Covers `list`, `--data-dir`, `--version` and bad settings. Commands run in-process through
`backfit_tui.cli.command.main`; conftest.py gives every test an empty data dir. `show`, `validate` and
`exercises` are in test_cli_show_and_validate.py, `backfit run` and its plain text guide in test_plain_guide.py.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from support.cli_helpers import backfit
from support.fake_clock import FakeClock
from support.routine_texts import BAD, GOOD

from backfit_tui.cli import command as cli
from backfit_tui.core.clocks import Clocks
from backfit_tui.core.timeline import build_timeline, total_seconds
from backfit_tui.store.locations import DATA_DIR_VARIABLE, bundled_routines_dir
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.store.routines.routine_files import load_routine

BUNDLED_FILES = sorted(bundled_routines_dir().glob("*.toml"))
BUNDLED_IDS = [path.stem for path in BUNDLED_FILES]

@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    """Rich wraps at $COLUMNS (80 in a pipe); tests of content use a wide one so lines stay whole."""
    monkeypatch.setenv("COLUMNS", "250")


def list_json(capsys, *options: str) -> list[dict]:
    status, out, err = backfit(capsys, *options, "list", "--json")
    assert status == 0, err
    return json.loads(out)


def by_id(rows: list[dict]) -> dict[str, dict]:
    return {row["id"]: row for row in rows}


def user_routines(data_dir: Path) -> Path:
    folder = data_dir / "routines"
    folder.mkdir(exist_ok=True)
    return folder


# --- list ------------------------------------------------------------------------------------


def test_list_shows_every_bundled_routine_name(capsys, library):
    status, out, err = backfit(capsys, "list")
    assert status == 0
    assert err == ""
    for path in BUNDLED_FILES:
        routine = load_routine(path, library)
        assert routine.name in out
        assert routine.id in out


def test_list_table_keeps_ids_whole_at_80_columns(capsys, monkeypatch):
    """At the width of a pipe or a standard terminal, ids (what you type next) are not cut in two."""
    monkeypatch.setenv("COLUMNS", "80")
    status, out, _ = backfit(capsys, "list")
    assert status == 0
    for routine_id in BUNDLED_IDS:
        assert re.search(rf"(?<![\w-]){re.escape(routine_id)}(?![\w-])", out), f"{routine_id} is cut in:\n{out}"


def test_list_at_80_columns_gives_each_routine_one_row_with_its_name_whole(capsys, monkeypatch, library):
    monkeypatch.setenv("COLUMNS", "80")
    status, out, _ = backfit(capsys, "list")
    assert status == 0
    header, *rows = out.splitlines()
    assert header.split() == ["name", "id", "duration", "origin"]  # tags and steps left to `show` and the menu
    for path in BUNDLED_FILES:
        (row,) = [row for row in rows if re.search(rf" {re.escape(path.stem)} ", row)]
        assert row.startswith(load_routine(path, library).name + " ")
        assert len(row) <= 80


@pytest.mark.parametrize("columns", [100, 120])
def test_list_in_a_wider_terminal_gives_the_steps_then_the_tags_too(capsys, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    status, out, _ = backfit(capsys, "list")
    assert status == 0
    header = out.splitlines()[0].split()
    assert header == ["name", "id", "duration", "origin", "steps", "tags"][: 5 if columns == 100 else 6]
    assert all(len(line) <= columns for line in out.splitlines())


def test_list_says_whose_each_routine_is_and_where_each_folder_is_whole(capsys, monkeypatch, tmp_path):
    data = tmp_path / "a-rather-long-folder-name-for-the-data" / "of-someone-who-likes-long-names"
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data))
    assert backfit(capsys, "export", "desk-break", str(tmp_path / "f.toml"))[0] == 0
    assert backfit(capsys, "import", str(tmp_path / "f.toml"), "--as", "my-desk", "--force")[0] == 0
    monkeypatch.setenv("COLUMNS", "80")
    status, out, _ = backfit(capsys, "list")
    assert status == 0
    rows = out.splitlines()
    (bundled,) = [row for row in rows if " desk-break " in row]
    (yours,) = [row for row in rows if " my-desk " in row]
    assert bundled.split()[-1] == "bundled" and yours.split()[-1] == "yours"
    assert f"bundled: {bundled_routines_dir()}" in rows
    assert f"yours: {data / 'routines'}" in rows  # one line, never broken inside a word


def test_list_json_describes_every_bundled_routine(capsys):
    rows = list_json(capsys)
    assert isinstance(rows, list)
    assert sorted(row["id"] for row in rows) == sorted(BUNDLED_IDS)
    for row in rows:
        assert isinstance(row, dict)
        assert {"id", "name", "path", "duration_s", "tags"} <= row.keys()
        assert isinstance(row["name"], str) and row["name"]
        assert Path(row["path"]).is_file()
        assert Path(row["path"]).stem == row["id"]
        assert isinstance(row["duration_s"], (int, float)) and not isinstance(row["duration_s"], bool)
        assert row["duration_s"] > 0
        assert isinstance(row["tags"], list) and all(isinstance(t, str) for t in row["tags"])
        assert row["origin"] == "bundled"
        assert row["problems"] == []


def test_list_json_duration_counts_the_get_ready_setting(capsys, data_dir, library):
    (data_dir / "settings.toml").write_text("get_ready = 0\n")
    rows = by_id(list_json(capsys))
    routine = load_routine(bundled_routines_dir() / "floor-stretch.toml", library)
    assert rows["floor-stretch"]["duration_s"] == total_seconds(build_timeline(routine, 0))


def test_list_includes_a_user_routine(capsys, data_dir, write_routine):
    path = write_routine(GOOD, user_routines(data_dir) / "my-plan.toml")
    rows = by_id(list_json(capsys))
    assert rows["my-plan"]["origin"] == "user"
    assert rows["my-plan"]["name"] == "My plan"
    assert Path(rows["my-plan"]["path"]) == path
    assert rows["my-plan"]["tags"] == ["mine"]
    assert set(BUNDLED_IDS) < rows.keys()
    status, out, _ = backfit(capsys, "list")
    assert status == 0 and "My plan" in out and "my-plan" in out


def test_user_routine_replaces_the_bundled_one_with_its_id(capsys, data_dir, write_routine):
    path = write_routine(GOOD, user_routines(data_dir) / "floor-stretch.toml")
    rows = list_json(capsys)
    same_id = [row for row in rows if row["id"] == "floor-stretch"]
    assert len(same_id) == 1
    assert same_id[0]["origin"] == "user"
    assert same_id[0]["name"] == "My plan"
    assert Path(same_id[0]["path"]) == path
    status, out, _ = backfit(capsys, "show", "floor-stretch")
    assert status == 0
    assert "My plan" in out and "Floor stretch" not in out


def test_broken_user_routine_is_listed_with_its_problems(capsys, data_dir, write_routine):
    path = write_routine(BAD, user_routines(data_dir) / "broken.toml")
    rows = by_id(list_json(capsys))
    broken = rows["broken"]
    assert broken["origin"] == "user"
    assert Path(broken["path"]) == path
    assert len(broken["problems"]) == 3
    assert all(problem.startswith(f"{path}:") for problem in broken["problems"])
    assert any("steps[1].hold" in problem for problem in broken["problems"])
    # The good ones are all still there.
    for routine_id in BUNDLED_IDS:
        assert rows[routine_id]["problems"] == []
        assert rows[routine_id]["duration_s"] > 0


def test_broken_user_routine_is_marked_in_the_table(capsys, data_dir, write_routine, library):
    write_routine(BAD, user_routines(data_dir) / "broken.toml")
    status, out, err = backfit(capsys, "list")
    assert status == 0
    marked = [line for line in out.splitlines() if "broken" in line]
    assert marked and "✗" in marked[0] and "cannot load" in marked[0]
    for path in BUNDLED_FILES:
        assert load_routine(path, library).name in out


def test_data_dir_option_works_like_the_variable(capsys, tmp_path, write_routine):
    elsewhere = tmp_path / "elsewhere"
    write_routine(GOOD, elsewhere / "routines" / "my-plan.toml")
    (elsewhere / "settings.toml").write_text("get_ready = 0\n")
    rows = by_id(list_json(capsys, "--data-dir", str(elsewhere)))
    assert rows["my-plan"]["origin"] == "user"
    status, out, _ = backfit(capsys, "--data-dir", str(elsewhere), "show", "my-plan")
    assert status == 0
    assert "Total 20 s." in out  # the settings there have no get-ready


def test_data_dir_option_accepts_a_relative_path(capsys, tmp_path, monkeypatch, write_routine):
    write_routine(GOOD, tmp_path / "rel" / "routines" / "my-plan.toml")
    monkeypatch.chdir(tmp_path)
    rows = by_id(list_json(capsys, "--data-dir", "rel"))
    assert rows["my-plan"]["origin"] == "user"


def test_list_on_first_run_needs_no_data_dir_and_creates_none(capsys, tmp_path, monkeypatch):
    missing = tmp_path / "not-yet"
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(missing))
    rows = list_json(capsys)
    assert sorted(row["id"] for row in rows) == sorted(BUNDLED_IDS)
    assert not missing.exists()


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == "backfit 0.1.0"


@pytest.mark.parametrize(
    "settings, complaint",
    [
        ('get_ready = "soon"\n', 'settings.toml:1: get_ready: must be a whole number of seconds between 0 and 60, got "soon"; '
                                 "the default, 5, is used until it is fixed"),
        ('get_redy = 3\n', 'settings.toml:1: get_redy: unknown key; did you mean "get_ready"?; it is ignored'),
    ],
    ids=["wrong type", "unknown key"],
)
def test_a_bad_setting_says_so_and_only_it_keeps_its_default(capsys, data_dir, settings, complaint):
    (data_dir / "settings.toml").write_text(settings + "weekly_goal = 2\n")
    status, out, err = backfit(capsys, "show", "floor-stretch")
    assert status == 0
    assert complaint in err
    assert "the default settings are used" not in err
    assert "Traceback" not in err
    assert "with a 5 s get-ready before each step." in out


def test_a_settings_file_that_is_not_toml_falls_back_as_a_whole_with_the_line(capsys, data_dir):
    (data_dir / "settings.toml").write_text("get_ready = 0\nget_ready = \n")
    status, out, err = backfit(capsys, "show", "floor-stretch")
    assert status == 0
    assert "settings.toml:2:13: invalid TOML" in err
    assert "the default settings are used until it is fixed" in err
    assert "with a 5 s get-ready before each step." in out


def app_built_for(*argv: str, clocks: Clocks = Clocks(time.monotonic, time.time)):
    """The app `backfit ARGV` would run on `clocks`, built by the CLI but not running."""
    return cli.tui_app(cli.build_parser().parse_args(argv), load_catalog(), clocks)


def test_mute_starts_the_screen_muted_with_the_player_the_settings_ask_for(data_dir):
    (data_dir / "settings.toml").write_text('sound_backend = "alsa"\n')
    built = [app_built_for("run", "desk-break", "--mute"), app_built_for("--mute"), app_built_for()]
    assert [app.state.sounds.chimes.muted for app in built] == [True, True, False]
    assert built[0].start_with.id == "desk-break"
    assert built[0].state.sounds.chimes.player.backend == "alsa"


def test_the_clocks_the_command_makes_are_the_ones_the_app_and_the_reminder_read(data_dir):
    clocks = Clocks(monotonic=FakeClock(100.0), wall=FakeClock(1_780_000_000.0))
    app = app_built_for("remind", "--every", "50m", clocks=clocks)
    assert app.state.clocks is clocks  # the sessions' timing and the history's dates
    assert app.remind_controller.plan.reminder.clock is clocks.wall  # not a clock of its own
    app.remind_controller.close()  # the data folder's lock, let go


def test_voice_and_no_voice_turn_the_voice_on_or_off_for_this_run_whatever_the_settings_say(data_dir, monkeypatch):
    monkeypatch.delenv("BACKFIT_VOICE")  # the settings file alone decides
    (data_dir / "settings.toml").write_text('voice = "off"\n')
    def voice(*flag: str) -> str:
        return app_built_for("run", "desk-break", *flag).state.sounds.voice.choice

    assert [voice("--voice"), voice()] == ["auto", "off"]
    (data_dir / "settings.toml").write_text('voice = "flite"\n')
    assert [voice("--voice"), voice("--no-voice")] == ["flite", "off"]
    assert (data_dir / "settings.toml").read_text() == 'voice = "flite"\n'  # for this run only


def test_a_reference_like_an_unknown_users_home_is_just_an_unknown_routine(capsys):
    status, _, err = backfit(capsys, "show", "~nosuchuser0")
    assert status == 1
    assert 'no routine with the id "~nosuchuser0"' in err


@pytest.mark.parametrize("argv", [["--data-dir", "\x00"], ["--data-dir", "~nosuchuser0/x", "list"], ["validate", "a\x00.toml"]])
def test_a_name_no_file_can_have_is_said_so_without_a_traceback(capsys, argv):
    try:
        status = cli.main(argv)
    except SystemExit as stop:  # argparse's usage error
        status = stop.code
    err = capsys.readouterr().err
    assert status in (1, 2)
    assert "Traceback" not in err and err.strip()
