"""Speaking a phrase now: from a WAV file rendered ahead of need and cached, or through speech-dispatcher.

A phrase is rendered once per engine, voice, rate and text, to a file in the cache named for them,
so a second session of a routine runs no engine at all. A render goes to a file of its own first
and is renamed into place once it is a whole, playable WAV, so a phrase is either ready or absent.
Rendering runs off the main thread; starting a phrase (and cutting the last one short) is quick, so
it is done on the main thread, as the chimes are.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import subprocess
import threading
import wave
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from ..store.files import FileKind, read_regular_file
from ..store.locations import ensure_dir, speech_cache_dir
from ..store.settings import Settings, wav_problem
from .playsound_player import NoSound, Player, make_player
from .speech_engines import Engine, NoVoice, find_engine

RENDER_TIMEOUT_S = 30  # a neural voice may load its model for each phrase; a hung engine must not hold on for ever


class Speech(Protocol):
    """What speaks the voice's phrases: RenderedSpeech, DirectSpeech, or a stand-in in tests."""

    name: str  # the engine, as the `voice` setting names it
    problem: str | None  # why phrases stopped being rendered, once found

    def prepare(self, texts: Sequence[str]) -> None: ...
    def seconds(self, text: str) -> float | None: ...  # how long `text` takes to say; None when unknown
    def start(self, text: str) -> bool: ...
    def stop(self) -> None: ...
    def close(self) -> None: ...
    def wait(self) -> None: ...


class RenderedSpeech:
    """Phrases rendered to WAV files in `cache` by `engine`, played by `player`: one at a time."""

    def __init__(self, engine: Engine, cache: Path, player: Player) -> None:
        self.name = engine.name
        self.engine = engine
        self.cache = cache
        self.player: Player | None = player
        self.problem: str | None = None
        self.engine_calls = 0  # how many phrases were rendered (the bench counts them)
        self._closed = threading.Event()

    def wav_of(self, text: str) -> Path:
        """Where the phrase `text` is cached, whether or not it is there yet."""
        digest = hashlib.sha256("\0".join((*self.engine.key, text)).encode()).hexdigest()
        return self.cache / f"{digest[:32]}.wav"

    def prepare(self, texts: Sequence[str]) -> None:
        """Get the player ready, then render each of `texts` not yet cached, in order; stop at the first failure
        (said by `problem`).

        The player's sound library takes a tenth of a second to import: here, not as the first phrase is due.
        """
        warm_up = getattr(self.player, "warm_up", None)
        if warm_up is not None:
            warm_up()
        for text in texts:
            if self._closed.is_set() or self.problem is not None:
                return
            if not self.wav_of(text).exists():
                self._render(text)

    def seconds(self, text: str) -> float | None:
        """How long `text` takes to say, from its WAV file's frames, rendered now if it is not yet; None if it
        cannot be."""
        self.prepare([text])
        try:
            rendered = read_regular_file(self.wav_of(text), FileKind.PHRASE)
            with wave.open(io.BytesIO(rendered), "rb") as sound:
                return sound.getnframes() / sound.getframerate()
        except (OSError, EOFError, wave.Error):
            return None

    def _render(self, text: str) -> None:
        wav = self.wav_of(text)
        try:
            ensure_dir(self.cache)
        except OSError as err:  # a data folder that cannot be written: the voice falls silent, the session runs on
            self.problem = f"{self.name}'s phrases cannot be kept in {self.cache} ({err.strerror or err})"
            return
        part = self.cache / f"{wav.stem}.{os.getpid()}-{threading.get_ident()}.part.wav"
        argv, stdin = self.engine.command(text, str(part))
        self.engine_calls += 1
        try:
            done = subprocess.run(argv, input=stdin, text=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  timeout=RENDER_TIMEOUT_S)  # fmt: skip
            why = _failure(done) or wav_problem(part)
        except subprocess.TimeoutExpired:
            why = f"it took over {RENDER_TIMEOUT_S} s"
        except OSError as err:
            why = err.strerror or str(err)
        if why:
            part.unlink(missing_ok=True)
            self.problem = f"{self.name} could not render a phrase ({why})"
        else:
            os.replace(part, wav)

    def start(self, text: str) -> bool:
        """Cut short the phrase still playing and start `text`, if it is rendered; False if it is not (yet)."""
        wav = self.wav_of(text)
        if self.player is None or not wav.exists():
            return False
        self.player.stop()
        try:
            self.player.play(wav)
        except NoSound:  # the chimes' player finds the same and says so; the voice just falls silent
            self.player = None
            return False
        return True

    def stop(self) -> None:
        """Cut short the phrase still playing."""
        if self.player is not None:
            self.player.stop()

    def close(self) -> None:
        """Stop rendering (between two phrases) and speaking: the session or the app is over."""
        self._closed.set()
        self.stop()

    def wait(self) -> None:
        """Let the phrase still playing finish (before the process that started it exits)."""
        if self.player is not None:
            self.player.wait()


class DirectSpeech:
    """spd-say: each phrase handed to speech-dispatcher as it is due, which cuts the last short (its text priority)."""

    problem: str | None = None

    def __init__(self, engine: Engine) -> None:
        self.name = engine.name
        self.engine = engine
        self._last: subprocess.Popen | None = None

    def prepare(self, texts: Sequence[str]) -> None:
        """Nothing to render: speech-dispatcher speaks the text itself."""

    def seconds(self, text: str) -> None:
        """Unknown: speech-dispatcher renders as it speaks."""

    def start(self, text: str) -> bool:
        try:
            argv, _ = self.engine.command(text)  # its command places the phrase with {text}
            self._last = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL)  # fmt: skip
        except OSError as err:
            self.problem = f"{self.name} could not be run ({err.strerror or err})"
            return False
        return True

    def stop(self) -> None:
        """speech-dispatcher cuts a phrase short when the next arrives; a last one is short enough to let be."""

    def close(self) -> None:
        self.stop()

    def wait(self) -> None:
        if self._last is not None:
            self._last.wait()


def make_speech(settings: Settings) -> Speech:
    """The speech `settings.voice` asks for, playing through the chimes' backend; NoVoice when there is none."""
    engine = find_engine(settings)
    if not engine.renders:
        return DirectSpeech(engine)
    player = make_player(settings)
    if player is None:
        raise NoVoice('the voice plays through the same player as the chimes, and sound_backend = "bell" has none')
    return RenderedSpeech(engine, speech_cache_dir(), player)


def speech_finder(settings: Settings) -> Callable[[str], Speech]:
    """Finds the speech for a `voice` value (v turns it on again later) under the rest of `settings`."""
    return lambda voice: make_speech(dataclasses.replace(settings, voice=voice))


def _failure(done: subprocess.CompletedProcess) -> str | None:
    """Why an engine's run failed, from its exit status and last line of errors; None when it succeeded."""
    if done.returncode == 0:
        return None
    last = (done.stderr or "").strip().splitlines()[-1:]
    return f"exit status {done.returncode}" + (f": {last[0][:200]}" if last else "")
