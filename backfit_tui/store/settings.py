"""User settings, read from `settings.toml` in the data directory."""

from __future__ import annotations

import re
import shlex
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..core.chime_map import Chime
from .atomic import write_atomically
from .files import FileKind, FileTooLarge, NotARegularFile, read_regular_file, size_in_words
from .locations import ensure_dir
from .remind_settings import RemindSettings
from .setting_keys import DECLARED, Context, FallbackReader, declared_keys, part, read_declared, setting
from .validation import (
    Check,
    Invalid,
    LoadError,
    Problem,
    boolean,
    choice,
    parse_toml,
    show_value,
    text,
    unreadable,
    whole,
)

# playsound3's backends, in playsound3's own order of preference.
PLAYSOUND3_BACKENDS = ("gstreamer", "wmplayer", "ffplay", "appkit", "afplay", "winmm", "alsa")
# What `sound_backend` and $PLAYSOUND3_BACKEND accept: "auto" (the first backend that can play a WAV
# file here), one of playsound3's backends, or "bell" for the terminal bell alone.
SOUND_BACKENDS = ("auto", *PLAYSOUND3_BACKENDS, "bell")
SOUND_BACKEND_VARIABLE = "PLAYSOUND3_BACKEND"
MAX_THEME_NAME = 40  # Textual's theme names are a word or two
# The speech engines backfit drives, in the order "auto" tries them, each as the command it runs, in the
# grammar of `voice_command`: {wav} is the file it writes (an engine without one speaks by itself), and the
# phrase comes on stdin unless {text} places it. {rate} is words a minute, {language} the voice's language;
# {stretch} is the rate as flite's stretch of durations, {rate_change} as spd-say's -100 to 100 around 0.
SPEECH_ENGINES = {
    "espeak-ng": "espeak-ng -w {wav} -s {rate} -v {language} --stdin",
    "flite": "flite --setf duration_stretch={stretch} -o {wav} -t {text}",
    "say": "say -r {rate} -o {wav} --file-format=WAVE --data-format=LEI16@22050 -f -",
    "spd-say": "spd-say -N backfit -r {rate_change} -l {language} -- {text}",
}
VOICES = ("auto", "off", *SPEECH_ENGINES, "command")  # "command" is the person's own, voice_command
VOICE_VARIABLE = "BACKFIT_VOICE"  # wins over `voice`, as $PLAYSOUND3_BACKEND over `sound_backend`
COUNTDOWN_VOICES = ("words", "ticks")  # "Three. Two. One." or the countdown chime
VOICE_DETAILS = ("full", "brief")  # every side, hold and lowering said; or the sets, rests and countdowns alone
PAIN_CHECKS = ("after", "both", "off")  # when the back is asked about: after each session, before it too, or never
LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}")


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


def _theme(context: Context) -> Check:
    """One of the themes the screen knows; when it knows none (nothing is drawn), any one-line name."""
    return choice(context.themes) if context.themes else text(MAX_THEME_NAME)


def _auto_is_none(backend: str) -> str | None:
    return None if backend == "auto" else backend


class _ChimeTable:
    """The [chimes] table: each chime on, off, or a WAV file of one's own; a bad one leaves the bundled chime."""

    def keys(self, name: str) -> list[str]:
        return [name]

    def read(self, reader: FallbackReader, document: dict[str, Any], name: str, context: Context) -> dict:
        chimes: dict[Chime, bool | Path] = {}
        table = document.get(name, {})
        if reader.table(table, (name,), [c.value for c in Chime]) is None:
            table = {}
        instead = "the bundled chime plays"
        for chime in Chime:
            wanted = reader.setting(table, chime.value, _on_off_or_file(context.folder), None, (name,), instead)
            if isinstance(wanted, Path) and (why := wav_problem(wanted)):
                reader.problem((name, chime.value), f"{why}; {instead} instead")
            elif wanted is not None:
                chimes[chime] = wanted
        return chimes


@dataclass(frozen=True)
class Settings:
    """What the user can change; every field has a default that works out of the box.

    Each field declares its key in settings.toml once (`setting`): its default as written, its check, and
    the environment variable that wins over it, if any.
    """

    get_ready: int = setting(5, whole(0, 60, "seconds"))  # seconds of get-ready countdown before each step
    weekly_goal: int = setting(3, whole(1, 14, "sessions"))  # sessions a week; the articles ask for two or three
    pain_check: str = setting("after", choice(PAIN_CHECKS))  # "How is your back now?" after, before and after, off
    mute: bool = setting(False, boolean)
    # None ("auto"): the first backend here that can play a WAV file
    sound_backend: str | None = setting("auto", choice(SOUND_BACKENDS), means=_auto_is_none, env=SOUND_BACKEND_VARIABLE)
    theme: str = setting("textual-dark", check_in=_theme)  # the screen's colours: Textual's own default here
    voice: str = setting("auto", choice(VOICES), env=VOICE_VARIABLE)  # an engine, "command" or "off"
    voice_command: str = setting("", _command_template)  # writes the phrase on stdin (or {text}) to {wav}
    voice_rate: int = setting(175, whole(80, 450, "words a minute"))
    voice_language: str = setting("en", _language_code)  # the engine's voice for it (espeak-ng, spd-say)
    voice_countdown: str = setting("words", choice(COUNTDOWN_VOICES))  # or "ticks" for the countdown chime
    voice_detail: str = setting("full", choice(VOICE_DETAILS))  # "brief" leaves out what happens within a set
    # False: off; a Path: the person's own WAV file
    chimes: Mapping[Chime, bool | Path] = field(default_factory=dict, metadata={DECLARED: _ChimeTable()})
    warnings: tuple[Problem, ...] = ()  # what was set but cannot be honoured (the default is used)
    remind: RemindSettings = part(RemindSettings, "remind_")  # `backfit remind`: how often, which routine, when


SETTINGS_KEYS = tuple(declared_keys(Settings))


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
    reader = FallbackReader(path, source, warnings)
    reader.table(document, (), SETTINGS_KEYS)
    values = read_declared(Settings, reader, document, Context(path.parent, environ or {}, themes))
    reader.finish()
    return Settings(**values, warnings=tuple(warnings))


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
