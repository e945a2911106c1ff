"""Playing a sound file through playsound3; NoSound when nothing can play it.

playsound3 probes every backend with a subprocess when imported (about 0.15 s), so it is imported
only by `Playsound3Player.warm_up()` (called once the first screen is up) or the first sound.
Sounds are started from the caller's thread, which must outlive them: playsound3 asks the kernel
to end a sound whose starting thread ends. Both the screen and the plain guide play from their
main thread. Whatever fails on the way (the import, choosing a backend, starting a sound, a sound
whose program ends in an error) is NoSound, and the chime player rings the terminal bell instead.
A sound's program fails on its own time: aplay on a machine with no sound card starts, cannot open
the device, and exits 1 a few milliseconds later. Such a failure is found as the next sound starts
(or as the sounds are stopped): from then on nothing plays through this player.

Our chimes are WAV files, so with no backend chosen backfit takes the first of playsound3's backends
whose WAV player is present. playsound3's own choice would not do: it counts ALSA only when `mpg123`
is installed beside `aplay`, so a machine with just alsa-utils would get the bell.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Protocol

from ..store.settings import PLAYSOUND3_BACKENDS, Settings

# The program each of playsound3's subprocess backends runs to play a WAV file; the others play
# in-process and are present when playsound3 finds them so.
WAV_PLAYERS = {"gstreamer": "gst-play-1.0", "ffplay": "ffplay", "afplay": "afplay", "alsa": "aplay"}
NO_WAV_PLAYER = "no program that plays WAV files was found (on Debian and Ubuntu, alsa-utils provides one)"


class NoSound(Exception):
    """No sound can be played here (no backend, its program missing, or failing as it plays)."""


class Player(Protocol):
    """What plays the chimes' files: Playsound3Player, or a stand-in in tests."""

    def play(self, path: Path) -> None: ...
    def stop(self) -> None: ...
    def wait(self) -> None: ...


class Playsound3Player:
    """Plays WAV files in the background with playsound3, keeping each sound until it ends."""

    def __init__(self, backend: str | None = None) -> None:
        self.backend = backend  # None: the first backend here that can play a WAV file
        self._sounds: list = []
        self._playsound3 = None  # the module, once imported with a backend chosen
        self._no_sound: str | None = None  # why nothing can play, once found

    def warm_up(self) -> None:
        """Import playsound3 and choose the backend now, off the path to the first screen.

        Safe from a worker thread, and never raises: when nothing can play, the first chime says why."""
        with contextlib.suppress(NoSound):
            self._ready()

    def play(self, path: Path) -> None:
        """Start `path` playing and return at once; NoSound when nothing can play it."""
        self._note_failures()
        playsound3 = self._ready()
        try:
            sound = playsound3.playsound(path, block=False, backend=self.backend)
        except Exception as err:  # the backend's program missing or refused, or anything else playsound3 raises
            raise NoSound(_reason(err)) from None
        self._sounds = [s for s in self._sounds if s.is_alive()] + [sound]

    def _note_failures(self) -> None:
        """Take a sound that ended by itself in an error as a sign that nothing can play here, for good.

        Only sounds that ended before being stopped are judged: a program stopped mid-sound may exit 1.
        """
        for sound in self._sounds:
            status = sound.subprocess.poll()
            if status is not None and status > 0 and self._no_sound is None:
                program = WAV_PLAYERS.get(self.backend, self.backend)
                self._no_sound = f"{program} failed with exit status {status}"

    def _ready(self):
        """playsound3, with a backend chosen; NoSound, for good, when that fails or finds none.

        playsound3 runs each backend's program when imported and lets some of their errors out (a
        program on PATH that may not be run, a version check that fails): none may stop a session.
        """
        if self._playsound3 is None and self._no_sound is None:
            try:
                playsound3 = _playsound3()
                self.backend = self.backend or wav_backend(playsound3.AVAILABLE_BACKENDS)
                if self.backend is None:
                    raise NoSound(NO_WAV_PLAYER)
                self._playsound3 = playsound3
            except Exception as err:
                self._no_sound = _reason(err)
        if self._no_sound is not None:
            raise NoSound(self._no_sound)
        return self._playsound3

    def stop(self) -> None:
        """Stop every sound still playing (noting, for the next `play`, one that had failed)."""
        self._note_failures()
        for sound in self._sounds:
            if sound.is_alive():
                sound.stop()
        self._sounds = []

    def wait(self) -> None:
        """Let the sounds still playing finish (before the process that started them exits)."""
        for sound in self._sounds:
            sound.wait()


def wav_backend(available: Collection[str], which: Callable[[str], str | None] = shutil.which) -> str | None:
    """The first of playsound3's backends, in its order of preference, that can play a WAV file here.

    `available` is what playsound3 found (`AVAILABLE_BACKENDS`); a subprocess backend also counts
    when its WAV player is on PATH, whatever playsound3 asks of it for other formats.
    """
    for backend in PLAYSOUND3_BACKENDS:
        program = WAV_PLAYERS.get(backend)
        if backend in available or (program is not None and which(program)):
            return backend
    return None


def _reason(err: Exception) -> str:
    """What went wrong, as briefly as the error allows: "gst-play-1.0: Permission denied"."""
    if isinstance(err, OSError) and err.strerror:
        return f"{err.filename}: {err.strerror}" if err.filename else err.strerror
    return str(err) or type(err).__name__


def _playsound3():
    """playsound3, imported with its own log lines kept off the terminal: backfit says what matters.

    On import it logs a warning when it finds no backend of its own; with no handler configured,
    Python's logging would print it to stderr, over the guide's text or the screen.
    """
    logger = logging.getLogger("playsound3")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
    import playsound3

    return playsound3


def make_player(settings: Settings) -> Playsound3Player | None:
    """The player the settings ask for; None for the terminal bell alone."""
    return None if settings.sound_backend == "bell" else Playsound3Player(settings.sound_backend)
