"""The speech engines backfit speaks with, found on PATH, and how each is run: an argument list, never a shell.

Each engine is one row of the settings' `SPEECH_ENGINES`, a command in the grammar of `voice_command`.
espeak-ng, flite and macOS's say render a phrase to a WAV file, played through playsound3 like the
chimes. spd-say, whose command writes no {wav}, hands it to speech-dispatcher, which speaks in the voice
a screen-reader user has set up. "command" is the person's own (piper, for one).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
from collections.abc import Callable
from dataclasses import dataclass

from ..store.settings import SPEECH_ENGINES, Settings

NO_ENGINE = (
    "No speech engine was found, so the chimes play without a voice. For one, install espeak-ng "
    "(sudo apt install espeak-ng on Debian and Ubuntu, sudo dnf install espeak-ng on Fedora; macOS has say), "
    'or set voice = "off" in settings.toml.'
)
DEFAULT_RATE = 175  # words a minute: espeak-ng's and say's own pace, spd-say's 0 and flite's stretch of 1


class NoVoice(Exception):
    """The voice cannot speak here: no engine, or not the one asked for."""


@dataclass(frozen=True)
class Engine:
    """A speech engine found here: its command's words, the program first as found on PATH, and the rate and
    language to speak at."""

    name: str  # one of SPEECH_ENGINES, or "command"
    words: tuple[str, ...]  # each may hold the command grammar's {wav}, {text}, {rate}, …
    rate: int = DEFAULT_RATE
    language: str = "en"

    @property
    def renders(self) -> bool:
        """Whether it writes WAV files (every engine whose command says {wav}; spd-say speaks by itself)."""
        return any("{wav}" in word for word in self.words)

    @property
    def key(self) -> tuple[str, ...]:
        """What a rendered phrase depends on besides its text: the engine, its command, voice and rate."""
        return (self.name, *self.words[1:], self.language, str(self.rate))

    def command(self, text: str, wav: str = "") -> tuple[list[str], str | None]:
        """The argument list that says `text` (into the file `wav`, for an engine that renders), and what to send on
        its stdin: the phrase, unless the command places it with {text}."""
        values = {
            "wav": wav,
            "text": text,
            "rate": str(self.rate),
            "language": self.language,
            "stretch": f"{DEFAULT_RATE / self.rate:.3f}",  # flite has no rate: its durations stretch instead
            "rate_change": str(max(-100, min(100, round((self.rate - DEFAULT_RATE) / DEFAULT_RATE * 100)))),
        }
        argv = [_PLACEHOLDER.sub(lambda found: values.get(found[1], found[0]), word) for word in self.words]
        return argv, None if any("{text}" in word for word in self.words) else text


_PLACEHOLDER = re.compile(r"\{(\w+)\}")  # one pass, so a phrase or path that holds "{wav}" stays as it is


def find_engine(settings: Settings, which: Callable[[str], str | None] = shutil.which) -> Engine:
    """The engine `settings.voice` asks for: "auto" takes the first of SPEECH_ENGINES on PATH. NoVoice if none."""
    voice, options = settings.voice, {"rate": settings.voice_rate, "language": settings.voice_language}
    if voice == "command":
        if not settings.voice_command:
            raise NoVoice('voice = "command" needs voice_command, a command that writes {wav}; the chimes play alone')
        words = _words(settings.voice_command)
        found = _found("command", words, which, options)
        if found is None:
            raise NoVoice(f"{words[0]}, the start of voice_command, was not found; the chimes play alone")
        return found
    for name in SPEECH_ENGINES if voice == "auto" else (voice,):
        found = _found(name, _words(SPEECH_ENGINES[name]), which, options)
        if found is not None:
            return found
    if voice == "auto":
        raise NoVoice(NO_ENGINE)
    raise NoVoice(f'{voice}, which voice = "{voice}" asks for, was not found; install it or set voice = "auto"')


def _words(command: str) -> list[str]:
    """A command's words, as a shell splits them, with `~` at a word's start as the home folder."""
    return [os.path.expanduser(word) for word in shlex.split(command)]


def _found(name: str, words: list[str], which: Callable[[str], str | None], options: dict) -> Engine | None:
    """The engine `name` running `words`, with its program as found on PATH; None if it is not there."""
    program = which(words[0])
    return None if program is None else Engine(name, (program, *words[1:]), **options)
