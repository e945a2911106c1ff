"""Stand-ins for a speech engine: a speech that only notes what it was asked, and a command that writes a WAV file."""

from __future__ import annotations

import sys
from pathlib import Path

from backfit_tui.audio.speech_engines import NoVoice

# A speech engine for `voice = "command"`: it writes a short WAV file to its first argument, its samples
# made from the text on stdin, so each phrase sounds (and is cached) apart. "fail" in the text makes it fail.
WAV_WRITER = Path(__file__).parent / "write_wav.py"


def writer_command() -> str:
    """`voice_command` for WAV_WRITER, run by this Python."""
    return f"{sys.executable} {WAV_WRITER} {{wav}}"


class FakeSpeech:
    """Speaks nothing: notes what it was asked to render and to start, and which phrases are ready."""

    def __init__(self, name: str = "espeak-ng", ready: bool = True, lengths: dict[str, float] | None = None) -> None:
        self.name = name
        self.problem: str | None = None
        self.prepared: list[str] = []  # each phrase it was asked to render, in order
        self.started: list[str] = []
        self.stops = 0
        self.ready = ready  # every phrase is ready to start (as with a warm cache), or none is (False)
        self.lengths = lengths or {}  # how long a phrase takes to say, as rendered; unknown when not given

    def prepare(self, texts) -> None:
        self.prepared += [text for text in texts if text not in self.prepared]

    def seconds(self, text: str) -> float | None:
        return self.lengths.get(text)

    def start(self, text: str) -> bool:
        if not self.ready:
            return False
        self.started.append(text)
        return True

    def stop(self) -> None:
        self.stops += 1

    def close(self) -> None:
        self.stop()

    def wait(self) -> None:
        pass


def finds(speech: FakeSpeech | None, looked_for: list[str] | None = None):
    """A `find_speech` that gives `speech` for any choice (None: finds no engine), noting each choice looked for."""

    def find(choice: str) -> FakeSpeech:
        if looked_for is not None:
            looked_for.append(choice)
        if speech is None:
            raise NoVoice("No speech engine was found (a test)")
        speech.name = choice if choice != "auto" else speech.name
        return speech

    return find
