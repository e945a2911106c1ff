"""Playing the chimes: through playsound3, or the terminal bell when no sound can be played.

playsound3 probes every backend with a subprocess when imported (about 0.15 s), so it is imported
only by `Playsound3Player.warm_up()` (called once the first screen is up) or the first chime.
Sounds are started from the caller's thread, which must outlive them: playsound3 asks the kernel
to end a sound whose starting thread ends. Both the screen and the plain guide play from their
main thread. Whatever fails on the way (the import, choosing a backend, starting a sound) is
NoSound: a session goes on with the terminal bell.

Our chimes are WAV files, so with no backend chosen backfit takes the first of playsound3's backends
whose WAV player is present. playsound3's own choice would not do: it counts ALSA only when `mpg123`
is installed beside `aplay`, so a machine with just alsa-utils would get the bell.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from ..core.chime_map import Chime, chime_for
from ..core.records import Event
from ..core.timeline import Phase
from ..store.locations import bundled_sounds_dir
from ..store.settings import PLAYSOUND3_BACKENDS, Settings

SOFT = (Chime.BREATH_IN, Chime.BREATH_OUT, Chime.REP)  # too frequent for the terminal bell
# The program each of playsound3's subprocess backends runs to play a WAV file; the others play
# in-process and are present when playsound3 finds them so.
WAV_PLAYERS = {"gstreamer": "gst-play-1.0", "ffplay": "ffplay", "afplay": "afplay", "alsa": "aplay"}
NO_WAV_PLAYER = "no program that plays WAV files was found (on Debian and Ubuntu, alsa-utils provides one)"


class NoSound(Exception):
    """No sound can be played here (no backend, or its program is missing)."""


class Player(Protocol):
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
        playsound3 = self._ready()
        try:
            sound = playsound3.playsound(path, block=False, backend=self.backend)
        except Exception as err:  # the backend's program missing or refused, or anything else playsound3 raises
            raise NoSound(_reason(err)) from None
        self._sounds = [s for s in self._sounds if s.is_alive()] + [sound]

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
        """Stop every sound still playing."""
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


def chime_files(settings: Settings, bundled: Path) -> dict[Chime, Path | None]:
    """The file each chime plays (None: turned off): the user's own, or the bundled one."""
    files: dict[Chime, Path | None] = {}
    for chime in Chime:
        wanted = settings.chimes.get(chime, True)
        files[chime] = wanted if isinstance(wanted, Path) else (bundled / f"{chime.value}.wav" if wanted else None)
    return files


def make_player(settings: Settings) -> Playsound3Player | None:
    """The player the settings ask for; None for the terminal bell alone."""
    return None if settings.sound_backend == "bell" else Playsound3Player(settings.sound_backend)


class Chimes:
    """Plays the one chime each moment of a session calls for, unless muted.

    When no sound can be played, it says so once (through `report`) and rings the terminal bell
    from then on, for every chime but the soft, frequent ones.
    """

    def __init__(
        self,
        files: Mapping[Chime, Path | None],
        player: Player | None,
        bell: Callable[[], None],
        report: Callable[[str], None],
        muted: bool = False,
    ) -> None:
        self.files = files
        self.player = player
        self.bell = bell
        self.report = report
        self.muted = muted

    def for_events(self, events: Sequence[Event], timeline: Sequence[Phase]) -> Chime | None:
        """Play the chime these events call for; return it (even when muted, for a visual cue)."""
        chime = chime_for(events, timeline)
        if chime is not None:
            self.play(chime)
        return chime

    def play(self, chime: Chime) -> None:
        path = self.files.get(chime)
        if self.muted or path is None:
            return
        if self.player is not None:
            try:
                self.player.play(path)
                return
            except NoSound as err:
                self.player = None
                self.report(f"No sound can be played here ({err}); the terminal bell rings instead.")
        if chime not in SOFT:
            self.bell()

    def stop(self) -> None:
        """Stop every chime still playing."""
        if self.player is not None:
            self.player.stop()

    def finish(self) -> None:
        """Wait for the chimes still playing to end."""
        if self.player is not None:
            self.player.wait()


def make_chimes(
    settings: Settings, player: Player | None, bell: Callable[[], None], report: Callable[[str], None]
) -> Chimes:
    """The chimes as the settings ask, on `player` (None: the terminal bell alone)."""
    return Chimes(chime_files(settings, bundled_sounds_dir()), player, bell, report, settings.mute)
