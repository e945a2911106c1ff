"""`backfit import` and `backfit export`: sharing routine files between machines."""

from __future__ import annotations

import os
import shutil
import stat

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backfit_tui.cli import command as cli
from backfit_tui.core.formatting import literal
from backfit_tui.store.locations import bundled_routines_dir
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.store.routines.draft import free_id
from backfit_tui.store.routines.routine_files import id_problem, load_routine

MINE = 'name = "Mine"\ndescription = "A plank."\n[[steps]]\nexercise = "plank"\nhold = 20\n'
MY_MORNING = 'name = "My morning"\ndescription = "A plank."\n[[steps]]\nexercise = "plank"\nhold = 20\n'


def test_export_writes_a_routine_that_loads_back_the_same(tmp_path, capsys):
    assert cli.main(["export", "floor-stretch"]) == 0
    shared = tmp_path / "floor-stretch.toml"
    shared.write_text(capsys.readouterr().out)
    catalog = load_catalog()
    original = next(e.routine for e in catalog.entries if e.id == "floor-stretch")
    assert load_routine(shared, catalog.library) == original


def test_export_without_a_file_prints_to_the_screen_and_writes_nothing(tmp_path, data_dir, capsys):
    assert cli.main(["export", "desk-break"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith('name = "Desk break"\n')
    assert err == ""
    assert list(data_dir.iterdir()) == []


def test_export_to_a_file(tmp_path):
    assert cli.main(["export", "desk-break", str(tmp_path / "out.toml")]) == 0
    assert (tmp_path / "out.toml").read_text().startswith('name = "Desk break"')


def test_export_to_a_file_named_from_the_current_folder_says_that_name(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["export", "desk-break", "out.toml"]) == 0
    assert capsys.readouterr().err == "Wrote Desk break to out.toml.\n"


def test_export_to_a_folder_writes_the_routines_id_there(tmp_path, capsys):
    assert cli.main(["export", "desk-break", str(tmp_path)]) == 0
    assert (tmp_path / "desk-break.toml").read_text().startswith('name = "Desk break"')
    assert capsys.readouterr().err == f"Wrote Desk break to {tmp_path / 'desk-break.toml'}.\n"


def test_export_into_a_folder_that_does_not_exist_says_so_and_creates_nothing(tmp_path, capsys):
    target = tmp_path / "missing" / "dir" / "x.toml"
    assert cli.main(["export", "desk-break", str(target)]) == 1
    assert capsys.readouterr().err == (
        f"backfit: cannot write {target}: the folder {target.parent} does not exist; "
        "create it first or choose another path\n"
    )
    assert not (tmp_path / "missing").exists()


def test_export_to_a_place_that_cannot_be_written_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "a-file").write_text("")
    target = tmp_path / "a-file" / "x.toml"  # a file where the folder should be
    assert cli.main(["export", "desk-break", str(target)]) == 1
    assert capsys.readouterr().err == f"backfit: cannot write {target}: Not a directory\n"


@pytest.mark.parametrize(("mask", "mode"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)], ids=oct)
def test_export_writes_a_file_with_the_permissions_the_umask_gives(mask, mode, tmp_path, umask):
    umask(mask)
    assert cli.main(["export", "desk-break", str(tmp_path / "out.toml")]) == 0
    assert stat.S_IMODE((tmp_path / "out.toml").stat().st_mode) == mode


def test_export_over_a_file_keeps_its_permissions(tmp_path, umask):
    umask(0o022)
    private = tmp_path / "out.toml"
    private.write_text("old")
    private.chmod(0o600)
    assert cli.main(["export", "desk-break", str(private)]) == 0
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert private.read_text().startswith('name = "Desk break"')


HINT = "choose a file's path, or leave FILE out and redirect: backfit export desk-break > FILE\n"


def device_node(path):
    """A character device at `path` standing for /dev/null (1, 3): only root may make one."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return path


@pytest.mark.parametrize(
    ("make", "what"), [(os.mkfifo, "a named pipe (FIFO)"), (device_node, "a character device")], ids=["fifo", "device"]
)
def test_export_leaves_a_pipe_or_a_device_in_its_place_and_says_so(make, what, tmp_path, capsys):
    (tmp_path / "shared").mkdir()
    there = tmp_path / "shared" / "out.toml"
    make(there)
    kind = stat.S_IFMT(there.lstat().st_mode)
    assert cli.main(["export", "desk-break", str(there)]) == 1
    assert capsys.readouterr().err == (
        f"backfit: cannot write {there}: it is {what}, not a file\n{HINT}"
    )
    assert stat.S_IFMT(there.lstat().st_mode) == kind
    assert [p.name for p in there.parent.iterdir()] == ["out.toml"]  # no temporary file left


def test_export_into_a_folder_whose_routine_file_is_a_folder_says_so(tmp_path, capsys):
    (tmp_path / "desk-break.toml").mkdir()
    assert cli.main(["export", "desk-break", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"backfit: cannot write {tmp_path / 'desk-break.toml'}: it is a folder, not a file\n{HINT}"
    )


def test_export_through_a_link_to_a_device_leaves_both_as_they_are(tmp_path, capsys):
    link = tmp_path / "out.toml"
    link.symlink_to("/dev/full")
    assert cli.main(["export", "desk-break", str(link)]) == 1
    assert capsys.readouterr().err == (
        f"backfit: cannot write {link}: it links to /dev/full, a character device, not a file\n{HINT}"
    )
    assert os.readlink(link) == "/dev/full" and stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_export_through_a_link_writes_the_file_it_links_to_keeping_its_permissions(tmp_path, capsys, umask):
    umask(0o022)
    (tmp_path / "dotfiles").mkdir()
    real = tmp_path / "dotfiles" / "routine.toml"
    real.write_text("old")
    real.chmod(0o600)
    link = tmp_path / "out.toml"
    link.symlink_to(real)
    assert cli.main(["export", "desk-break", str(link)]) == 0
    assert capsys.readouterr().err == f"Wrote Desk break to {link} (the file it links to, {real}).\n"
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text().startswith('name = "Desk break"')
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert sorted(p.name for p in real.parent.iterdir()) == ["routine.toml"]


def test_export_to_a_file_whose_name_is_as_long_as_a_name_may_be(tmp_path):
    longest = tmp_path / ("r" * 250 + ".toml")
    assert cli.main(["export", "desk-break", str(longest)]) == 0
    assert longest.read_text().startswith('name = "Desk break"')


def test_import_writes_a_file_with_the_permissions_the_umask_gives(data_dir, write_routine, umask):
    umask(0o022)
    assert cli.main(["import", str(write_routine(MINE, "mine.toml"))]) == 0
    assert stat.S_IMODE((data_dir / "routines" / "mine.toml").stat().st_mode) == 0o644


def test_import_copies_a_valid_routine_into_your_routines_as_written(tmp_path, data_dir, write_routine, capsys):
    text = f"# my own\n{MINE}"
    source = write_routine(text, "mine.toml")
    assert cli.main(["import", str(source)]) == 0
    assert (data_dir / "routines" / "mine.toml").read_text() == text
    assert "Imported Mine as 'mine'" in capsys.readouterr().out
    assert "mine" in [e.id for e in load_catalog().entries]


def test_import_refuses_to_replace_without_force(tmp_path, data_dir, write_routine, capsys):
    source = write_routine(MINE, "mine.toml")
    assert cli.main(["import", str(source)]) == 0
    source.write_text(source.read_text().replace("hold = 20", "hold = 40"))
    assert cli.main(["import", str(source)]) == 1
    assert capsys.readouterr().err == (
        f"backfit: you already have a routine 'mine' ({data_dir / 'routines' / 'mine.toml'})\n"
        f"{source} was not imported; add --force to replace it, or add --as ID --name NAME to keep both\n"
    )
    assert "hold = 20" in (data_dir / "routines" / "mine.toml").read_text()
    assert cli.main(["import", str(source), "--force"]) == 0
    assert "hold = 40" in (data_dir / "routines" / "mine.toml").read_text()


def test_import_of_a_bundled_routines_id_asks_before_taking_its_place(tmp_path, data_dir, capsys):
    copy = tmp_path / "desk-break.toml"
    shutil.copy(bundled_routines_dir() / "desk-break.toml", copy)
    assert cli.main(["import", str(copy)]) == 1
    assert capsys.readouterr().err == (
        f"backfit: {copy} would take the place of the bundled routine 'desk-break'\n"
        f"{copy} was not imported; add --force to use it instead, or add --as ID --name NAME to keep both\n"
    )
    assert not (data_dir / "routines").exists()
    assert cli.main(["import", str(copy), "--force"]) == 0
    (entry,) = [e for e in load_catalog().entries if e.id == "desk-break"]
    assert entry.origin == "user"


def test_import_of_a_routine_named_like_another_asks_first(tmp_path, data_dir, write_routine, capsys):
    write_routine(MY_MORNING, data_dir / "routines" / "my-morning.toml")
    exported = write_routine(MY_MORNING.replace("hold = 20", "hold = 40"), "exported.toml")
    assert cli.main(["import", str(exported)]) == 1
    assert capsys.readouterr().err == (
        f"backfit: {exported} holds a routine named \"My morning\", as your routine 'my-morning' is\n"
        f"{exported} was not imported; add --name NAME to give it a name of its own, add --as my-morning --force "
        "to replace that routine with it, or add --force to import it anyway\n"
    )
    assert sorted(p.name for p in (data_dir / "routines").iterdir()) == ["my-morning.toml"]


def test_import_with_force_keeps_a_routine_named_like_another_beside_it(tmp_path, data_dir, write_routine):
    write_routine(MY_MORNING, data_dir / "routines" / "my-morning.toml")
    assert cli.main(["import", str(write_routine(MY_MORNING, "exported.toml")), "--force"]) == 0
    named = sorted(e.id for e in load_catalog().entries if e.routine.name == "My morning")
    assert named == ["exported", "my-morning"]


def test_import_as_the_id_of_the_routine_with_that_name_replaces_it(tmp_path, data_dir, write_routine, capsys):
    write_routine(MY_MORNING, data_dir / "routines" / "my-morning.toml")
    exported = write_routine(MY_MORNING.replace("hold = 20", "hold = 40"), "exported.toml")
    assert cli.main(["import", str(exported), "--as", "my-morning", "--force"]) == 0
    assert "Imported My morning as 'my-morning'" in capsys.readouterr().out
    assert sorted(p.name for p in (data_dir / "routines").iterdir()) == ["my-morning.toml"]
    assert "hold = 40" in (data_dir / "routines" / "my-morning.toml").read_text()


def test_import_as_another_id(tmp_path, data_dir, write_routine, capsys):
    assert cli.main(["import", str(write_routine(MINE, "mine.toml")), "--as", "plank-20"]) == 0
    assert "Imported Mine as 'plank-20': `backfit run plank-20` runs it." in capsys.readouterr().out
    assert sorted(p.name for p in (data_dir / "routines").iterdir()) == ["plank-20.toml"]
    assert "plank-20" in [e.id for e in load_catalog().entries]


def test_ones_own_export_imported_under_another_id_is_told_how_to_take_another_name(tmp_path, data_dir, capsys):
    exported = tmp_path / "f.toml"
    assert cli.main(["export", "desk-break", str(exported)]) == 0
    capsys.readouterr()
    assert cli.main(["import", str(exported), "--as", "my-desk"]) == 1
    assert "add --name NAME to give it a name of its own" in capsys.readouterr().err
    assert cli.main(["import", str(exported), "--as", "my-desk", "--name", "My desk break"]) == 0
    assert "Imported My desk break as 'my-desk'" in capsys.readouterr().out
    names = {e.id: e.routine.name for e in load_catalog().entries}
    assert (names["desk-break"], names["my-desk"]) == ("Desk break", "My desk break")
    bundled = load_routine(bundled_routines_dir() / "desk-break.toml", load_catalog().library)
    mine = load_routine(data_dir / "routines" / "my-desk.toml", load_catalog().library)
    assert mine.steps == bundled.steps and mine.description == bundled.description


def test_import_with_a_name_keeps_the_files_comments(data_dir, write_routine):
    text = f"# shared by a friend\n{MINE}".replace('"A plank."', '"A plank." # hers').replace('"Mine"', '"Mine"  # hers too')
    source = write_routine(text, "mine.toml")
    assert cli.main(["import", str(source), "--name", 'Her "best" plank']) == 0
    written = (data_dir / "routines" / "mine.toml").read_text()
    assert written == source.read_text().replace('name = "Mine"', 'name = "Her \\"best\\" plank"')  # its comment too
    (entry,) = [e for e in load_catalog().entries if e.id == "mine"]
    assert entry.routine.name == 'Her "best" plank'


def test_import_with_a_name_writes_anew_a_file_whose_name_the_edit_cannot_follow(data_dir, write_routine):
    source = write_routine(MINE.replace('name = "Mine"', 'name = """\nMine"""'), "mine.toml")
    assert cli.main(["import", str(source), "--name", "Plank"]) == 0
    (entry,) = [e for e in load_catalog().entries if e.id == "mine"]
    assert entry.routine.name == "Plank"
    assert entry.routine.steps == load_routine(source, load_catalog().library).steps


@pytest.mark.parametrize("bad", ["", "two\nlines", "x" * 61])
def test_import_name_must_be_one_a_routine_file_may_hold(bad, data_dir, write_routine, capsys):
    with pytest.raises(SystemExit) as usage_error:
        cli.main(["import", str(write_routine(MINE, "mine.toml")), f"--name={bad}"])
    assert usage_error.value.code == 2
    assert "argument --name: a routine's name must be one line of 1 to 60 characters" in capsys.readouterr().err
    assert not (data_dir / "routines").exists()


def test_import_as_a_bundled_routines_id_asks_too(tmp_path, data_dir, write_routine, capsys):
    source = write_routine(MINE, "mine.toml")
    assert cli.main(["import", str(source), "--as", "desk-break"]) == 1
    assert capsys.readouterr().err == (
        f"backfit: {source} would take the place of the bundled routine 'desk-break'\n"
        f"{source} was not imported; add --force to use it instead, or add --as ID to import it under another id\n"
    )


@pytest.mark.parametrize(
    "bad", ["My morning", "../up", "x.toml", "", "-morning", "morning-", "two--dashes", "Morning", "a" * 41]
)
def test_import_as_needs_a_usable_routine_id(bad, data_dir, write_routine, capsys):
    with pytest.raises(SystemExit) as usage_error:
        cli.main(["import", str(write_routine(MINE, "mine.toml")), f"--as={bad}"])
    assert usage_error.value.code == 2
    assert (
        f'argument --as: "{bad}" is not a routine id: use up to 40 lowercase letters, digits and single hyphens, '
        'such as "my-morning"'
    ) in capsys.readouterr().err
    assert not (data_dir / "routines").exists()


@pytest.mark.parametrize(
    ("file_name", "suggested"),
    [("-w.toml", "w"), ("My Routine.toml", "my-routine"), (".toml", "toml"), ("r" * 250 + ".toml", "r" * 40),
     ("Mine.toml", "mine-2")],
    ids=["option", "spaces", "no-name", "too-long", "taken"],
)  # fmt: skip
def test_import_of_a_file_whose_name_makes_no_id_says_which_id_to_give_it(file_name, suggested, data_dir,
                                                                          write_routine, capsys):  # fmt: skip
    if suggested == "mine-2":
        write_routine(MY_MORNING, data_dir / "routines" / "mine.toml")
    mine = {p.name for p in (data_dir / "routines").glob("*")}
    source = write_routine(MINE, file_name)
    assert cli.main(["import", str(source)]) == 1
    assert capsys.readouterr().err == (
        f'backfit: its file\'s name gives no routine id: "{source.stem}" is not a routine id: use up to 40 '
        'lowercase letters, digits and single hyphens, such as "my-morning"\n'
        f"{source} was not imported; add --as {suggested}\n"
    )
    assert {p.name for p in (data_dir / "routines").glob("*")} == mine
    assert cli.main(["import", str(source), "--as", suggested]) == 0
    assert {p.name for p in (data_dir / "routines").iterdir()} == mine | {f"{suggested}.toml"}


def test_the_id_suggested_for_a_long_or_accented_name_is_one_as_takes():
    assert free_id("a" * 39 + " b", set()) == "a" * 39  # cut, then no hyphen left at its end
    assert free_id("a" * 60, {"a" * 40}) == "a" * 38 + "-2"  # its number within the 40 characters
    assert free_id("Café à deux", set()) == "cafe-a-deux"


@given(st.text(max_size=80), st.sets(st.sampled_from(["desk-break", "desk-break-2", "a" * 40, "a" * 38 + "-2"])))
def test_the_id_suggested_for_a_routines_name_is_always_one_as_takes_and_a_free_one(name, taken):
    suggested = free_id(name, taken)
    assert id_problem(suggested) is None and suggested not in taken


@pytest.mark.parametrize(
    "alike",
    ["Desk  break", "DESK Break", "De\u200bsk break", "D\u0435sk break", "Desk br\u0435\u0430k", "\u202eDesk break"],
    ids=["two-spaces", "case", "zero-width-space", "cyrillic-e", "cyrillic-e-and-a", "bidi-override"],
)
def test_import_of_a_routine_named_only_like_another_asks_first(alike, tmp_path, data_dir, write_routine, capsys):
    source = write_routine(MINE.replace('name = "Mine"', f'name = "{alike}"'), "lookalike.toml")
    assert cli.main(["import", str(source)]) == 1
    assert capsys.readouterr().err == (
        f'backfit: {source} holds a routine named "{literal(alike)}", which reads as "Desk break", the name of '
        "the bundled routine 'desk-break'\n"
        f"{source} was not imported; add --name NAME to give it a name of its own, add --as desk-break --force "
        "to replace that routine with it, or add --force to import it anyway\n"
    )
    assert not (data_dir / "routines").exists()


def test_import_refuses_a_file_that_does_not_validate_with_the_loaders_messages(write_routine, data_dir, capsys):
    source = write_routine('name = "Bad"\ndescription = "x"\n[[steps]]\nexercise = "plonk"\nhold = 20\n', "bad.toml")
    assert cli.main(["import", str(source)]) == 1
    err = capsys.readouterr().err
    assert f'{source}:4: steps[1].exercise: unknown exercise "plonk"; did you mean "plank"?' in err
    assert "was not imported" in err
    assert not (data_dir / "routines" / "bad.toml").exists()
