"""User settings, read from `settings.toml` in the data directory."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .chimes import Chime
from .validation import Invalid, LoadError, Problem, TableReader, boolean, choice, read_toml, show_value, whole

SETTINGS_KEYS = ("get_ready", "weekly_goal", "mute", "sound_backend", "chimes")
# playsound3's backends, and "bell" for the terminal bell alone.
SOUND_BACKENDS = ("gstreamer", "ffplay", "alsa", "afplay", "appkit", "wmplayer", "winmm", "bell")


@dataclass(frozen=True)
class Settings:
    """What the user can change; every field has a default that works out of the box."""

    get_ready: int = 5  # seconds of get-ready countdown before each step
    weekly_goal: int = 3  # sessions a week; the articles ask for two or three
    mute: bool = False
    sound_backend: str | None = None  # None: playsound3 picks
    chimes: Mapping[Chime, bool | Path] = field(default_factory=dict)  # False: off; a Path: the user's WAV
    warnings: tuple[Problem, ...] = ()  # what was set but cannot be honoured (the default is used)


def load_settings(path: Path) -> Settings:
    """The settings in `path`, or the defaults when it does not exist; LoadError when it is bad.

    A chime file that cannot be played is not an error: the bundled chime plays, and `warnings`
    says why, so the person hears something and learns what to fix.
    """
    if not path.exists():
        return Settings()
    document, source = read_toml(path)
    problems: list[Problem] = []
    reader = TableReader(path, source, problems)
    reader.table(document, (), SETTINGS_KEYS)
    get_ready = reader.field(document, (), "get_ready", whole(0, 60, "seconds"), Settings.get_ready)
    weekly_goal = reader.field(document, (), "weekly_goal", whole(1, 14, "sessions"), Settings.weekly_goal)
    mute = reader.field(document, (), "mute", boolean, Settings.mute)
    backend = reader.field(document, (), "sound_backend", choice(SOUND_BACKENDS), None)
    chimes: dict[Chime, bool | Path] = {}
    warnings: list[Problem] = []
    table = reader.table(document.get("chimes", {}), ("chimes",), [c.value for c in Chime]) or {}
    for chime in Chime:
        wanted = reader.field(table, ("chimes",), chime.value, _on_off_or_file(path.parent), None)
        if isinstance(wanted, Path) and (why := wav_problem(wanted)):
            message = f"{why}; the bundled chime plays instead"
            TableReader(path, source, warnings).problem(("chimes", chime.value), message)
        elif wanted is not None:
            chimes[chime] = wanted
    if problems:
        raise LoadError(problems)
    return Settings(get_ready, weekly_goal, mute, backend, chimes, tuple(warnings))


def _on_off_or_file(base: Path):
    def check(value: Any) -> bool | Path:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip():
            return base / Path(value).expanduser()  # a relative path is beside settings.toml
        raise Invalid(f'must be true, false or the path of a WAV file in quotes, got {show_value(value)}')

    return check


def wav_problem(path: Path) -> str | None:
    """Why `path` cannot be played as a chime, or None when it is a readable PCM WAV file."""
    import wave  # only when a chime is set to a file of one's own

    try:
        with wave.open(str(path), "rb") as sound:
            if sound.getnframes() == 0:
                return f"{path} holds no sound"
    except OSError as err:
        return f"{path} cannot be read: {err.strerror or err}"
    except ValueError:  # a NUL character, which no file name can hold
        return f"{show_value(str(path))} is not a file name; write the path of a WAV file"
    except (wave.Error, EOFError) as err:
        return f"{path} is not a WAV file backfit can play ({err}); use 16-bit PCM WAV"
    return None


MUTE_LINE = re.compile(r"^mute\s*=.*$", re.MULTILINE)


def save_mute(path: Path, muted: bool) -> None:
    """Set `mute` in the settings file, keeping the rest of it (comments too) as it was.

    Written atomically, so a crash never leaves half a file.
    """
    from .atomic import write_atomically  # tempfile: only when writing

    text = path.read_text(encoding="utf-8") if path.exists() else ""
    line = f"mute = {'true' if muted else 'false'}"
    header = re.search(r"^\s*\[", text, re.MULTILINE)
    top = text[: header.start()] if header else text  # top-level keys come before any [table]
    if MUTE_LINE.search(top):
        text = MUTE_LINE.sub(line, top, count=1) + text[len(top) :]
    else:
        text = f"{line}\n{text}"
    write_atomically(path, text)
