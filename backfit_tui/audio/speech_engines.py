"""The speech engines backfit speaks with, found on PATH, and how each is run: an argument list, never a shell.

espeak-ng, flite and macOS's say render a phrase to a WAV file, played through playsound3 like the
chimes. spd-say hands it to speech-dispatcher, which speaks in the voice a screen-reader user has
set up. "command" is the person's own (piper, for one): `{wav}` in it is the file to write, and the
phrase comes on stdin, or as one argument where it says `{text}`.
"""

from __future__ import annotations

import os
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
    """A speech engine found here, with the rate and language to speak at."""

    name: str  # one of SPEECH_ENGINES, or "command"
    words: tuple[str, ...]  # the program found on PATH, then (for "command") the rest of the person's command
    rate: int = DEFAULT_RATE
    language: str = "en"

    @property
    def renders(self) -> bool:
        """Whether it writes WAV files (every engine but spd-say, which speaks by itself)."""
        return self.name != "spd-say"

    @property
    def key(self) -> tuple[str, ...]:
        """What a rendered phrase depends on besides its text: the engine, its command, voice and rate."""
        return (self.name, *self.words[1:], self.language, str(self.rate))

    def render_command(self, text: str, wav: str) -> tuple[list[str], str | None]:
        """The argument list that writes `text` as speech to `wav`, and what to send on its stdin."""
        program = self.words[0]
        if self.name == "espeak-ng":
            return [program, "-w", wav, "-s", str(self.rate), "-v", self.language, "--stdin"], text
        if self.name == "flite":  # flite has no rate: its durations stretch instead
            return [program, "--setf", f"duration_stretch={DEFAULT_RATE / self.rate:.3f}", "-o", wav, "-t", text], None
        if self.name == "say":
            formats = ["--file-format=WAVE", "--data-format=LEI16@22050"]
            return [program, "-r", str(self.rate), "-o", wav, *formats, "-f", "-"], text
        words = [word.replace("{wav}", wav).replace("{text}", text) for word in self.words]
        return words, None if any("{text}" in word for word in self.words) else text

    def speak_command(self, text: str) -> list[str]:
        """spd-say's argument list that speaks `text` now (its rate runs from -100 to 100, 0 its own)."""
        rate = max(-100, min(100, round((self.rate - DEFAULT_RATE) / DEFAULT_RATE * 100)))
        return [self.words[0], "-N", "backfit", "-r", str(rate), "-l", self.language, "--", text]


def find_engine(settings: Settings, which: Callable[[str], str | None] = shutil.which) -> Engine:
    """The engine `settings.voice` asks for: "auto" takes the first of SPEECH_ENGINES on PATH. NoVoice if none."""
    voice, options = settings.voice, {"rate": settings.voice_rate, "language": settings.voice_language}
    if voice == "command":
        if not settings.voice_command:
            raise NoVoice('voice = "command" needs voice_command, a command that writes {wav}; the chimes play alone')
        words = [os.path.expanduser(word) for word in shlex.split(settings.voice_command)]
        program = which(words[0])
        if program is None:
            raise NoVoice(f"{words[0]}, the start of voice_command, was not found; the chimes play alone")
        return Engine("command", (program, *words[1:]), **options)
    for name in SPEECH_ENGINES if voice == "auto" else (voice,):
        program = which(name)
        if program is not None:
            return Engine(name, (program,), **options)
    if voice == "auto":
        raise NoVoice(NO_ENGINE)
    raise NoVoice(f'{voice}, which voice = "{voice}" asks for, was not found; install it or set voice = "auto"')
