"""User settings, read from `settings.toml` in the data directory."""

from __future__ import annotations

import re
import shlex
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..core.chime_map import Chime
from .atomic import write_atomically
from .files import FileKind, FileTooLarge, NotARegularFile, read_regular_file, size_in_words
from .locations import ensure_dir
from .remind_settings import REMIND_KEYS, RemindSettings, read_remind_settings
from .validation import (
    Check,
    Invalid,
    KeyPath,
    LoadError,
    Problem,
    TableReader,
    boolean,
    choice,
    parse_toml,
    show_value,
    text,
    unreadable,
    whole,
)

SETTINGS_KEYS = (
    "get_ready", "weekly_goal", "mute", "sound_backend", "theme",
    "voice", "voice_command", "voice_rate", "voice_language", "voice_countdown", "chimes", *REMIND_KEYS,
)  # fmt: skip
# playsound3's backends, in playsound3's own order of preference.
PLAYSOUND3_BACKENDS = ("gstreamer", "wmplayer", "ffplay", "appkit", "afplay", "winmm", "alsa")
# What `sound_backend` and $PLAYSOUND3_BACKEND accept: "auto" (the first backend that can play a WAV
# file here), one of playsound3's backends, or "bell" for the terminal bell alone.
SOUND_BACKENDS = ("auto", *PLAYSOUND3_BACKENDS, "bell")
SOUND_BACKEND_VARIABLE = "PLAYSOUND3_BACKEND"
MAX_THEME_NAME = 40  # Textual's theme names are a word or two
# The speech engines backfit drives, in the order "auto" tries them; "command" is the user's own.
SPEECH_ENGINES = ("espeak-ng", "flite", "say", "spd-say")
VOICES = ("auto", "off", *SPEECH_ENGINES, "command")
VOICE_VARIABLE = "BACKFIT_VOICE"  # wins over `voice`, as $PLAYSOUND3_BACKEND over `sound_backend`
COUNTDOWN_VOICES = ("words", "ticks")  # "Three. Two. One." or the countdown chime
LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}")


@dataclass(frozen=True)
class Settings:
    """What the user can change; every field has a default that works out of the box."""

    get_ready: int = 5  # seconds of get-ready countdown before each step
    weekly_goal: int = 3  # sessions a week; the articles ask for two or three
    mute: bool = False
    sound_backend: str | None = None  # None: the first backend here that can play a WAV file
    theme: str = "textual-dark"  # the screen's colours: one of Textual's themes, its own default here
    voice: str = "auto"  # the speech engine, "command" for voice_command, or "off"
    voice_command: str = ""  # a command that writes the phrase it reads on stdin (or from {text}) to {wav}
    voice_rate: int = 175  # words a minute
    voice_language: str = "en"  # the engine's voice for it (espeak-ng, spd-say)
    voice_countdown: str = "words"  # the last three seconds said aloud, or "ticks" for the countdown chime
    chimes: Mapping[Chime, bool | Path] = field(default_factory=dict)  # False: off; a Path: the user's WAV
    warnings: tuple[Problem, ...] = ()  # what was set but cannot be honoured (the default is used)
    remind: RemindSettings = RemindSettings()  # `backfit remind`: how often, which routine, when


def load_settings(path: Path, environ: Mapping[str, str] | None = None, themes: Collection[str] = ()) -> Settings:
    """The settings in `path`, or the defaults when it does not exist; LoadError when it is not TOML.

    A bad value or an unknown key costs only itself: that setting keeps its default and `warnings`
    says where and what is allowed. A chime file that cannot be played is a warning too (the bundled
    chime plays), so the person hears something and learns what to fix. `environ`'s
    $PLAYSOUND3_BACKEND and $BACKFIT_VOICE, when set, override `sound_backend` and `voice` under the same
    rule. `theme` must be one of `themes`, the names the screen knows; without them (nothing is drawn) any
    one-line name is kept.
    """
    warnings: list[Problem] = []
    document, source = _read_document(path)
    reader = _FallbackReader(path, source, warnings)
    reader.table(document, (), SETTINGS_KEYS)
    get_ready = reader.setting(document, "get_ready", whole(0, 60, "seconds"), Settings.get_ready)
    weekly_goal = reader.setting(document, "weekly_goal", whole(1, 14, "sessions"), Settings.weekly_goal)
    mute = reader.setting(document, "mute", boolean, Settings.mute)
    backend = reader.setting(document, "sound_backend", choice(SOUND_BACKENDS), "auto")
    backend = _from_environment(environ or {}, SOUND_BACKEND_VARIABLE, SOUND_BACKENDS, backend, warnings)
    theme = reader.setting(document, "theme", choice(themes) if themes else text(MAX_THEME_NAME), Settings.theme)
    voice = reader.setting(document, "voice", choice(VOICES), Settings.voice)
    voice = _from_environment(environ or {}, VOICE_VARIABLE, VOICES, voice, warnings)
    voice_command = reader.setting(document, "voice_command", _command_template, Settings.voice_command)
    voice_rate = reader.setting(document, "voice_rate", whole(80, 450, "words a minute"), Settings.voice_rate)
    voice_language = reader.setting(document, "voice_language", _language_code, Settings.voice_language)
    voice_countdown = reader.setting(document, "voice_countdown", choice(COUNTDOWN_VOICES), Settings.voice_countdown)
    chimes: dict[Chime, bool | Path] = {}
    table = document.get("chimes", {})
    if reader.table(table, ("chimes",), [c.value for c in Chime]) is None:
        table = {}
    for chime in Chime:
        wanted = reader.setting(table, chime.value, _on_off_or_file(path.parent), None, ("chimes",))
        if isinstance(wanted, Path) and (why := wav_problem(wanted)):
            reader.problem(("chimes", chime.value), f"{why}; the bundled chime plays instead")
        elif wanted is not None:
            chimes[chime] = wanted
    remind = read_remind_settings(reader, document)
    reader.finish()
    return Settings(
        get_ready, weekly_goal, mute, None if backend == "auto" else backend, theme,
        voice, voice_command, voice_rate, voice_language, voice_countdown, chimes, tuple(warnings), remind,
    )  # fmt: skip


def _read_document(path: Path) -> tuple[dict[str, Any], str]:
    """The settings file's document and text; empty when there is none (or only a link to none yet).

    LoadError when it cannot be read as TOML: a link that loops, a directory, bytes that are not UTF-8.
    """
    try:
        data = read_regular_file(path, FileKind.SETTINGS)
    except (FileNotFoundError, NotADirectoryError):
        return {}, ""
    except OSError as err:
        raise unreadable(path, err) from None
    return parse_toml(data, path)


def load_settings_or_defaults(
    path: Path, environ: Mapping[str, str] | None = None, themes: Collection[str] = ()
) -> Settings:
    """load_settings, or the defaults when the file is not TOML at all, with why among the warnings."""
    try:
        return load_settings(path, environ, themes)
    except LoadError as err:
        set_aside = "the default settings are used until it is fixed"
        return Settings(warnings=tuple(replace(p, message=f"{p.message}; {set_aside}") for p in err.problems))


class _FallbackReader(TableReader):
    """A TableReader whose every problem is a warning: the setting keeps its default."""

    def setting(self, table: dict[str, Any], key: str, check: Check, default: Any, path: KeyPath = ()) -> Any:
        """The checked value of `table[key]`, or `default` (and a warning saying so) when it is bad."""
        instead = "the bundled chime plays" if path == ("chimes",) else f"the default, {show_value(default)}, is used"

        def check_or_say_instead(value: Any) -> Any:
            try:
                return check(value)
            except Invalid as err:
                raise Invalid(f"{err}; {instead} until it is fixed") from None

        found = self.field(table, path, key, check_or_say_instead, default)
        return default if found is None else found  # None: the value was bad, and said so

    def table(self, value: Any, path: KeyPath, allowed: Iterable[str]) -> dict[str, Any] | None:
        """As TableReader.table; an unknown key, or a table that is not one, is said to be ignored."""
        before = len(self.problems)
        found = super().table(value, path, allowed)
        self.problems[before:] = [replace(p, message=f"{p.message}; it is ignored") for p in self.problems[before:]]
        return found


def _from_environment(
    environ: Mapping[str, str], variable: str, options: Iterable[str], value: str, warnings: list[Problem]
) -> str:
    """The option `variable` names in `environ`, when set, else `value` (with a warning if it names none)."""
    wanted = environ.get(variable)
    if wanted is None:
        return value
    try:
        return choice(options)(wanted.strip().lower())
    except Invalid as err:
        warnings.append(Problem(Path("environment"), f"{err}; it is ignored", variable))
        return value


def _command_template(value: Any) -> str:
    """`voice_command`: a command backfit can split into words (as a shell would, but never runs one) with {wav}."""
    if not isinstance(value, str) or not value.strip():
        raise Invalid(f"must be a command in quotes that writes a WAV file to {{wav}}, got {show_value(value)}")
    try:
        words = shlex.split(value)
    except ValueError as err:  # an unclosed quote
        raise Invalid(f"cannot be split into words ({err}): {show_value(value)}") from None
    if not any("{wav}" in word for word in words):
        raise Invalid(f"must say where the WAV file goes with {{wav}}, got {show_value(value)}")
    return value


def _language_code(value: Any) -> str:
    if not isinstance(value, str) or not LANGUAGE_CODE.fullmatch(value):
        raise Invalid(f'must be a language code such as "en" or "en-gb", got {show_value(value)}')
    return value


def _on_off_or_file(base: Path):
    def check(value: Any) -> bool | Path:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip():
            try:
                return base / Path(value).expanduser()  # a relative path is beside settings.toml
            except RuntimeError:  # `~name` for a user this machine does not know
                unknown = "starts with the home of a user this machine does not know"
                raise Invalid(f"{show_value(value)} {unknown}") from None
        raise Invalid(f"must be true, false or the path of a WAV file in quotes, got {show_value(value)}")

    return check


def wav_problem(path: Path) -> str | None:
    """Why `path` cannot be played as a chime, or None when it is a readable PCM WAV file.

    Only a regular file within a chime's bound (`FileKind.CHIME`) is read: a named pipe or a device named by
    mistake must not stop every command at start.
    """
    import io
    import wave  # only when a chime is set to a file of one's own

    try:
        data = read_regular_file(path, FileKind.CHIME)
        with wave.open(io.BytesIO(data), "rb") as sound:
            if sound.getnframes() == 0:
                return f"{path} holds no sound"
    except NotARegularFile as err:
        return f"{path} is {err.kind}, not a WAV file"
    except FileTooLarge:
        return f"{path} is larger than {size_in_words(FileKind.CHIME.limit)}, too long for a chime"
    except OSError as err:
        return f"{path} cannot be read: {err.strerror or err}"
    except ValueError:  # a NUL character, which no file name can hold
        return f"{show_value(str(path))} is not a file name; write the path of a WAV file"
    except (wave.Error, EOFError) as err:
        return f"{path} is not a WAV file backfit can play ({err}); use 16-bit PCM WAV"
    return None


def save_setting(path: Path, key: str, value: bool | str) -> None:
    """Set the top-level `key` in the settings file to `value`, keeping the rest of it (comments too) as it was.

    LoadError, leaving the file as it is, when it cannot be read as TOML: rewritten, what the person
    wrote there could be lost. Written atomically, so a crash never leaves half a file.
    """
    import tomli_w  # only when a setting is saved

    _, content = _read_document(path)
    line = tomli_w.dumps({key: value}).rstrip("\n")
    written = re.compile(rf"^{re.escape(key)}\s*=.*$", re.MULTILINE)
    header = re.search(r"^\s*\[", content, re.MULTILINE)
    top = content[: header.start()] if header else content  # top-level keys come before any [table]
    if written.search(top):
        content = written.sub(lambda _: line, top, count=1) + content[len(top) :]
    else:
        content = f"{line}\n{content}"
    ensure_dir(path.parent)
    write_atomically(path, content)
