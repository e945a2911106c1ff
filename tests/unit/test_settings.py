"""The settings file: every key read, checked and saved, and what a bad value or a bad file costs."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from backfit_tui.core.chime_map import Chime
from backfit_tui.store.settings import Settings, load_settings, save_setting
from backfit_tui.store.validation import LoadError

GET_READY_RANGE = "must be a whole number of seconds between 0 and 60"
DEFAULT_GET_READY = "the default, 5, is used until it is fixed"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def write_silence(path: Path, seconds: float) -> None:
    """A 16-bit stereo WAV file at 44.1 kHz, as an editor saves a recording: 176 kB a second."""
    with wave.open(str(path), "wb") as sound:
        sound.setnchannels(2)
        sound.setsampwidth(2)
        sound.setframerate(44100)
        sound.writeframes(bytes(4 * int(44100 * seconds)))


def settings_problems(path: Path) -> list[str]:
    """Why the whole file cannot be read (it is not a TOML file backfit can open)."""
    with pytest.raises(LoadError) as caught:
        load_settings(path)
    return [str(p) for p in caught.value.problems]


def settings_warnings(path: Path) -> list[str]:
    """What is wrong with single settings, each of which falls back to its default alone."""
    return [str(w) for w in load_settings(path).warnings]


# --- Settings --------------------------------------------------------------------------------


def test_missing_settings_file_gives_the_defaults(tmp_path):
    assert load_settings(tmp_path / "settings.toml") == Settings()
    assert Settings().get_ready == 5


def test_missing_settings_file_is_not_created(tmp_path):
    folder = tmp_path / "fresh"
    folder.mkdir()
    load_settings(folder / "settings.toml")
    assert list(folder.iterdir()) == []


def test_empty_settings_file_gives_the_defaults(tmp_path):
    assert load_settings(write(tmp_path, "# nothing changed yet\n")) == Settings()


@pytest.mark.parametrize("seconds", [0, 10, 60])
def test_valid_get_ready(tmp_path, seconds):
    assert load_settings(write(tmp_path, f"get_ready = {seconds}\n")) == Settings(get_ready=seconds)


@pytest.mark.parametrize(("value", "shown"), [("61", "61"), ("-1", "-1"), ("2.5", "2.5"),
                                              ("true", "true"), ('"5"', '"5"')])
def test_get_ready_out_of_range_or_wrong_type_gives_file_and_line(tmp_path, value, shown):
    path = write(tmp_path, f"# my settings\n\nget_ready = {value}\n")
    assert settings_warnings(path) == [f"{path}:3: get_ready: {GET_READY_RANGE}, got {shown}; {DEFAULT_GET_READY}"]


def test_unknown_settings_key_suggests_the_nearest(tmp_path):
    path = write(tmp_path, "# my settings\nget_redy = 3\n")
    assert settings_warnings(path) == [f'{path}:2: get_redy: unknown key; did you mean "get_ready"?; it is ignored']


def test_unknown_settings_key_far_from_any_lists_the_allowed_keys(tmp_path):
    path = write(tmp_path, "get_ready = 3\nvolume = 11\n")
    assert settings_warnings(path) == [f"{path}:2: volume: unknown key; allowed keys: get_ready, weekly_goal, pain_check, mute, sound_backend, theme, voice, voice_command, voice_rate, voice_language, voice_countdown, voice_detail, chimes, remind_every, remind_routine, remind_hours, remind_days; it is ignored"]


def test_sound_settings_are_read(tmp_path):
    (tmp_path / "gong.wav").write_bytes((Path(__file__).parents[2] / "sounds" / "complete.wav").read_bytes())
    path = write(tmp_path, 'mute = true\nsound_backend = "alsa"\n[chimes]\ncountdown = false\ncomplete = "gong.wav"\n')
    settings = load_settings(path)
    assert (settings.mute, settings.sound_backend, settings.warnings) == (True, "alsa", ())
    assert settings.chimes == {Chime.COUNTDOWN: False, Chime.COMPLETE: tmp_path / "gong.wav"}


def test_bad_sound_settings_say_what_is_allowed_and_each_keeps_its_default(tmp_path):
    path = write(tmp_path, 'mute = "yes"\nsound_backend = "speakers"\n[chimes]\nswich = false\nrep = 3\n')
    assert settings_warnings(path) == [
        f'{path}:1: mute: must be true or false, got "yes"; the default, false, is used until it is fixed',
        f'{path}:2: sound_backend: must be one of "auto", "gstreamer", "wmplayer", "ffplay", "appkit", "afplay", "winmm", '
        '"alsa", "bell", got "speakers"; the default, "auto", is used until it is fixed',
        f'{path}:4: chimes.swich: unknown key; did you mean "switch"?; it is ignored',
        f"{path}:5: chimes.rep: must be true, false or the path of a WAV file in quotes, got 3;"
        " the bundled chime plays until it is fixed",
    ]
    assert load_settings(path) == Settings(warnings=load_settings(path).warnings)


def test_a_theme_the_screen_knows_is_read(tmp_path):
    path = write(tmp_path, 'theme = "nord"\n')
    assert load_settings(path, themes=("textual-dark", "nord")) == Settings(theme="nord")


def test_a_theme_the_screen_does_not_know_says_what_is_allowed_and_keeps_the_default(tmp_path):
    path = write(tmp_path, '# colours\ntheme = "nrod"\n')
    settings = load_settings(path, themes=("textual-dark", "nord", "gruvbox"))
    assert settings.theme == "textual-dark"
    assert [str(w) for w in settings.warnings] == [
        f'{path}:2: theme: must be one of "textual-dark", "nord", "gruvbox", got "nrod";'
        ' the default, "textual-dark", is used until it is fixed'
    ]


def test_without_the_screens_themes_any_theme_name_is_kept_but_it_must_be_text(tmp_path):
    assert load_settings(write(tmp_path, 'theme = "nrod"\n')).theme == "nrod"  # `backfit show` draws no theme
    path = write(tmp_path, "theme = 3\n")
    assert settings_warnings(path) == [
        f'{path}:1: theme: must be text in quotes, got 3; the default, "textual-dark", is used until it is fixed'
    ]


def test_one_bad_value_costs_only_itself(tmp_path):
    path = write(tmp_path, "get_ready = 99\nweekly_goal = 2\nmute = true\n[chimes]\nrep = false\n")
    settings = load_settings(path)
    assert (settings.get_ready, settings.weekly_goal, settings.mute) == (5, 2, True)
    assert settings.chimes == {Chime.REP: False}
    assert settings_warnings(path) == [f"{path}:1: get_ready: {GET_READY_RANGE}, got 99; {DEFAULT_GET_READY}"]


def test_chimes_that_is_not_a_table_is_ignored_and_the_rest_is_read(tmp_path):
    path = write(tmp_path, 'chimes = "loud"\nget_ready = 3\n')
    assert load_settings(path).get_ready == 3
    assert settings_warnings(path) == [f'{path}:1: chimes: must be a table, got "loud"; it is ignored']


@pytest.mark.parametrize(("variable", "backend"), [("bell", "bell"), ("alsa", "alsa"), (" ALSA ", "alsa"), ("auto", None)])
def test_the_backend_variable_takes_the_settings_values_and_wins_over_the_file(tmp_path, variable, backend):
    path = write(tmp_path, 'sound_backend = "ffplay"\n')
    settings = load_settings(path, {"PLAYSOUND3_BACKEND": variable})
    assert (settings.sound_backend, settings.warnings) == (backend, ())


def test_an_unknown_backend_in_the_variable_is_a_warning_and_the_file_decides(tmp_path):
    path = write(tmp_path, 'sound_backend = "ffplay"\n')
    settings = load_settings(path, {"PLAYSOUND3_BACKEND": "speakers"})
    assert settings.sound_backend == "ffplay"
    assert [str(w) for w in settings.warnings] == [
        'environment: PLAYSOUND3_BACKEND: must be one of "auto", "gstreamer", "wmplayer", "ffplay", "appkit", "afplay", '
        '"winmm", "alsa", "bell", got "speakers"; it is ignored'
    ]


def test_voice_settings_are_read(tmp_path):
    path = write(tmp_path, 'voice = "command"\nvoice_command = "piper --model ~/en.onnx --output_file {wav}"\n'
                           'voice_rate = 220\nvoice_language = "en-gb"\nvoice_countdown = "ticks"\n')  # fmt: skip
    settings = load_settings(path)
    assert (settings.voice, settings.voice_command, settings.voice_rate, settings.voice_language,
            settings.voice_countdown, settings.warnings) == (
        "command", "piper --model ~/en.onnx --output_file {wav}", 220, "en-gb", "ticks", ())  # fmt: skip


def test_bad_voice_settings_say_what_is_allowed_and_each_keeps_its_default(tmp_path):
    path = write(tmp_path, 'voice = "hal"\nvoice_command = "piper --model \'en.onnx"\nvoice_rate = 1000\n'
                           'voice_language = "--help"\nvoice_countdown = "beeps"\n')  # fmt: skip
    assert settings_warnings(path) == [
        f'{path}:1: voice: must be one of "auto", "off", "espeak-ng", "flite", "say", "spd-say", "command", got "hal";'
        ' the default, "auto", is used until it is fixed',
        f"{path}:2: voice_command: cannot be split into words (No closing quotation): \"piper --model 'en.onnx\";"
        ' the default, "", is used until it is fixed',
        f"{path}:3: voice_rate: must be a whole number of words a minute between 80 and 450, got 1000;"
        " the default, 175, is used until it is fixed",
        f'{path}:4: voice_language: must be a language code such as "en" or "en-gb", got "--help";'
        ' the default, "en", is used until it is fixed',
        f'{path}:5: voice_countdown: must be one of "words", "ticks", got "beeps"; the default, "words", is used'
        " until it is fixed",
    ]
    assert load_settings(path) == Settings(warnings=load_settings(path).warnings)


def test_a_voice_command_must_say_where_its_wav_file_goes(tmp_path):
    path = write(tmp_path, 'voice_command = "piper --model en.onnx"\n')
    assert settings_warnings(path) == [
        f'{path}:1: voice_command: must say where the WAV file goes with {{wav}}, got "piper --model en.onnx";'
        ' the default, "", is used until it is fixed'
    ]


@pytest.mark.parametrize(("variable", "voice"), [("off", "off"), (" Espeak-NG ", "espeak-ng"), ("auto", "auto")])
def test_the_voice_variable_takes_the_settings_values_and_wins_over_the_file(tmp_path, variable, voice):
    path = write(tmp_path, 'voice = "flite"\n')
    settings = load_settings(path, {"BACKFIT_VOICE": variable})
    assert (settings.voice, settings.warnings) == (voice, ())


def test_an_unknown_voice_in_the_variable_is_a_warning_and_the_file_decides(tmp_path):
    path = write(tmp_path, 'voice = "flite"\n')
    settings = load_settings(path, {"BACKFIT_VOICE": "hal"})
    assert settings.voice == "flite"
    assert [str(w) for w in settings.warnings] == [
        'environment: BACKFIT_VOICE: must be one of "auto", "off", "espeak-ng", "flite", "say", "spd-say", "command",'
        ' got "hal"; it is ignored'
    ]


def test_a_chime_file_that_cannot_be_played_is_a_warning_and_the_bundled_chime_plays(tmp_path):
    (tmp_path / "notes.wav").write_text("not a sound")
    path = write(tmp_path, '[chimes]\nwork_start = "missing.wav"\nwork_end = "notes.wav"\n')
    settings = load_settings(path)
    assert settings.chimes == {}
    assert [str(w) for w in settings.warnings] == [
        f"{path}:2: chimes.work_start: {tmp_path / 'missing.wav'} cannot be read: No such file or directory;"
        " the bundled chime plays instead",
        f"{path}:3: chimes.work_end: {tmp_path / 'notes.wav'} is not a WAV file backfit can play"
        " (file does not start with RIFF id); use 16-bit PCM WAV; the bundled chime plays instead",
    ]


def test_a_chime_that_is_a_named_pipe_is_a_warning_and_backfit_goes_on(tmp_path, data_dir):
    os.mkfifo(data_dir / "fifo.wav")  # opening it to read would wait for a writer that never comes
    (data_dir / "settings.toml").write_text('[chimes]\ncountdown = "fifo.wav"\n')
    backfit = Path(sys.executable).with_name("backfit")
    result = subprocess.run([backfit, "list"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0 and "desk-break" in result.stdout
    assert result.stderr == (
        f"backfit: {data_dir / 'settings.toml'}:2: chimes.countdown: {data_dir / 'fifo.wav'} is a named pipe,"
        " not a WAV file; the bundled chime plays instead\n"
    )


def test_a_settings_file_or_routine_that_is_a_named_pipe_is_reported_and_backfit_goes_on(data_dir):
    os.mkfifo(data_dir / "settings.toml")
    (data_dir / "routines").mkdir()
    os.mkfifo(data_dir / "routines" / "piped.toml")
    backfit = Path(sys.executable).with_name("backfit")
    result = subprocess.run([backfit, "list", "--json"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0
    assert f"{data_dir / 'settings.toml'}: cannot be read: Is a named pipe" in result.stderr
    piped = next(row for row in json.loads(result.stdout) if row["id"] == "piped")
    assert piped["problems"] == [f"{data_dir / 'routines' / 'piped.toml'}: cannot be read: Is a named pipe"]


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (lambda path: path.mkdir(), "is a directory, not a WAV file"),
        (lambda path: path.symlink_to("/dev/null"), "is a device, not a WAV file"),
        (lambda path: write_silence(path, seconds=24), "is larger than 4 MB, too long for a chime"),
    ],
    ids=["directory", "device", "too big"],
)
def test_a_chime_that_is_not_a_small_regular_file_is_a_warning(tmp_path, make, why):
    make(tmp_path / "chime.wav")
    path = write(tmp_path, '[chimes]\ncomplete = "chime.wav"\n')
    assert settings_warnings(path) == [
        f"{path}:2: chimes.complete: {tmp_path / 'chime.wav'} {why}; the bundled chime plays instead"
    ]


def test_mute_is_saved_without_touching_the_rest_of_the_file(tmp_path):
    path = write(tmp_path, "# my settings\nget_ready = 3  # short\n\n[chimes]\nrep = false\n")
    save_setting(path, "mute", True)
    assert path.read_text() == "mute = true\n# my settings\nget_ready = 3  # short\n\n[chimes]\nrep = false\n"
    save_setting(path, "mute", False)
    assert load_settings(path).mute is False
    assert path.read_text().count("mute") == 1
    assert list(tmp_path.glob(".settings-*")) == []  # no temporary file left behind


def test_the_theme_is_saved_in_place_of_the_one_there_keeping_the_rest(tmp_path):
    path = write(tmp_path, '# my settings\nmute = true\ntheme = "nord"  # cool\n\n[chimes]\ntheme = false\n')
    save_setting(path, "theme", "gruvbox")
    assert path.read_text() == '# my settings\nmute = true\ntheme = "gruvbox"\n\n[chimes]\ntheme = false\n'
    assert load_settings(path, themes=("gruvbox",)).theme == "gruvbox"


def test_the_voice_is_saved_in_its_one_line_whatever_else_starts_with_voice(tmp_path):
    path = write(tmp_path, 'voice = "flite"  # mine\nvoice_rate = 200\n[chimes]\nrep = false\n')
    save_setting(path, "voice", "off")
    assert path.read_text() == 'voice = "off"\nvoice_rate = 200\n[chimes]\nrep = false\n'
    save_setting(path, "voice", "espeak-ng")
    assert (load_settings(path).voice, load_settings(path).voice_rate) == ("espeak-ng", 200)


def test_mute_is_saved_where_there_is_no_settings_file_yet(tmp_path, umask):
    umask(0o022)
    path = tmp_path / "new" / "settings.toml"
    save_setting(path, "mute", True)
    assert load_settings(path).mute is True
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_private_settings_file_stays_private_when_mute_is_saved(tmp_path, umask):
    umask(0o022)
    path = write(tmp_path, "get_ready = 3\n")
    path.chmod(0o600)
    save_setting(path, "mute", True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_mute_is_not_saved_into_a_file_that_is_not_toml(tmp_path):
    path = write(tmp_path, "# my settings\nget_ready = \n")
    with pytest.raises(LoadError):
        save_setting(path, "mute", True)
    assert path.read_text() == "# my settings\nget_ready = \n"


def test_settings_unknown_key_and_bad_value_are_both_reported_in_line_order(tmp_path):
    path = write(tmp_path, "get_ready = 99\ngetready = 3\nmute = 3\n")
    assert settings_warnings(path) == [
        f"{path}:1: get_ready: {GET_READY_RANGE}, got 99; {DEFAULT_GET_READY}",
        f'{path}:2: getready: unknown key; did you mean "get_ready"?; it is ignored',
        f"{path}:3: mute: must be true or false, got 3; the default, false, is used until it is fixed",
    ]


def test_the_variables_warnings_come_after_the_files(tmp_path):
    path = write(tmp_path, "voice_rate = 5\n")  # read after the voice, which the variable overrides
    settings = load_settings(path, {"BACKFIT_VOICE": "robot"})
    assert [str(w).split(":")[0] for w in settings.warnings] == [str(path), "environment"]


def test_a_settings_file_of_unknown_keys_lists_twenty_and_counts_the_rest(tmp_path):
    path = write(tmp_path, "get_ready = 8\n" + "".join(f"volume_{n} = 1\n" for n in range(1, 31)))
    settings = load_settings(path)
    assert settings.get_ready == 8
    assert [str(w) for w in settings.warnings[19:]] == [
        f"{path}:21: volume_20: unknown key; allowed keys: get_ready, weekly_goal, pain_check, mute, sound_backend, theme, voice, voice_command, voice_rate, voice_language, voice_countdown, voice_detail, chimes, remind_every, remind_routine, remind_hours, remind_days; "
        "it is ignored",
        f"{path}: and 10 more unknown keys",
    ]


def test_settings_syntax_error_gives_line_and_column(tmp_path):
    path = write(tmp_path, "get_ready = 5\nget_ready 6\n")
    assert settings_problems(path) == [
        f"{path}:2:11: invalid TOML: Expected '=' after a key in a key/value pair; fix the syntax at this spot"
    ]


def test_settings_not_utf8(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_bytes(b"# r\xe9glages\nget_ready = 5\n")
    assert settings_problems(path) == [f"{path}:1: is not UTF-8 text (byte 0xe9); save it as UTF-8"]


def test_settings_path_that_is_a_directory(tmp_path):
    path = tmp_path / "settings.toml"
    path.mkdir()
    assert settings_problems(path) == [f"{path}: cannot be read: Is a directory"]


def test_settings_file_that_is_a_link_to_itself(tmp_path):
    path = tmp_path / "settings.toml"
    path.symlink_to("settings.toml")
    assert settings_problems(path) == [f"{path}: is a symbolic link that loops; point it at a file, or remove it"]


def test_settings_file_that_is_a_link_to_nothing_gives_the_defaults_as_a_missing_one_does(tmp_path):
    path = tmp_path / "settings.toml"
    path.symlink_to("dotfiles/backfit.toml")  # not made yet
    assert load_settings(path) == Settings()


def test_a_chime_in_the_home_of_an_unknown_user_is_a_warning(tmp_path):
    path = write(tmp_path, '[chimes]\ncountdown = "~nosuchuser0/gong.wav"\n')
    assert settings_warnings(path) == [
        f'{path}:2: chimes.countdown: "~nosuchuser0/gong.wav" starts with the home of a user this machine does not know;'
        " the bundled chime plays until it is fixed"
    ]
