"""Fuzzing the settings loader and the command line: every failure is a clear message and a
non-zero exit, never a traceback.
"""

from __future__ import annotations

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backfit_tui.cli import command as cli
from backfit_tui.store.settings import SETTINGS_KEYS, Settings, load_settings
from backfit_tui.store.validation import LoadError

scalars = st.one_of(
    st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30), st.lists(st.integers(0, 5), max_size=3),
)  # fmt: skip
keys = st.sampled_from([*SETTINGS_KEYS, "get_redy", "volume", "countdown", "complete"])
chime_tables = st.dictionaries(st.sampled_from(["countdown", "complete", "rep", "gong"]), scalars, max_size=4)
documents = st.dictionaries(keys, st.one_of(scalars, chime_tables), max_size=6)


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=documents)
def test_any_settings_file_loads_or_says_every_problem_with_file_and_line(document, tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text(tomli_w.dumps(document))
    try:
        loaded = load_settings(path)
    except LoadError as err:
        assert err.problems
        for problem in err.problems:
            assert problem.file == path and problem.message and problem.key
        return
    assert isinstance(loaded, Settings)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=200))
def test_any_bytes_as_a_settings_file_load_or_say_why(raw, tmp_path):
    path = tmp_path / "settings.toml"
    path.write_bytes(raw)
    try:
        load_settings(path)
    except LoadError as err:
        assert all(str(p).startswith(str(path)) for p in err.problems)


WORDS = ["list", "show", "run", "validate", "exercises", "history", "stats", "import", "export", "--json",
         "--csv", "--limit", "--plain", "--mute", "--force", "--data-dir", "--version", "desk-break", "nope",
         "x.toml", "-1", "", "--", "-h"]  # fmt: skip


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(argv=st.lists(st.sampled_from(WORDS) | st.text(max_size=8), max_size=5))
def test_any_command_line_exits_cleanly(argv, monkeypatch, tmp_path, capsys):
    from backfit_tui.cli import plain
    from backfit_tui.tui.app import BackfitApp

    monkeypatch.chdir(tmp_path)  # export FILE and import write here at most
    monkeypatch.setattr(BackfitApp, "run", lambda app: None)  # what would open the screen
    monkeypatch.setattr(plain, "run_plain", lambda *args, **kwargs: 0)  # what would take real time
    try:
        status = cli.main(argv)
    except SystemExit as exit_:  # argparse: usage errors (2), --help and --version (0)
        status = exit_.code
        if status:
            assert "usage: backfit" in capsys.readouterr().err
    assert status in (0, 1, 2)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
