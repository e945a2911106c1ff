"""What a moment of a session sounds like: its phrase, spoken, or else its chime; for the screen and the plain guide."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core.chime_map import Chime
from ..core.records import Event
from ..core.timeline import Phase
from .chime_player import ChimePlayer, make_chime_player
from .voice import Voice, make_voice

if TYPE_CHECKING:
    from ..store.settings import Settings
    from .playsound_player import Player
    from .speech import Speech


@dataclass(frozen=True)
class Heard:
    """What was played for a batch of events: a phrase, or a chime (muted: the chime due, to be seen), or nothing."""

    chime: Chime | None = None
    phrase: str | None = None


class SessionSounds:
    """The chimes and the voice of a session: a spoken moment replaces its chime, so sounds never pile up."""

    def __init__(self, chimes: ChimePlayer, voice: Voice) -> None:
        self.chimes = chimes
        self.voice = voice

    def for_events(self, events: Sequence[Event], timeline: Sequence[Phase]) -> Heard:
        """Speak these events' moment, or chime it; say which."""
        phrase = self.voice.speak(events, timeline)
        if phrase is not None:
            return Heard(phrase=phrase)
        return Heard(chime=self.chimes.for_events(events, timeline))

    def stop(self) -> None:
        """Stop every chime and phrase still playing."""
        self.chimes.stop()
        self.voice.stop()

    def close(self) -> None:
        """Stop every sound, and the voice's rendering: the app is leaving."""
        self.chimes.stop()
        self.voice.close()

    def finish(self) -> None:
        """Wait for the chimes and the phrase still playing to end."""
        self.chimes.finish()
        self.voice.finish()


def make_session_sounds(
    settings: Settings, player: Player | None, find_speech: Callable[[str], Speech] | None,
    bell: Callable[[], None], report: Callable[[str], None],
) -> SessionSounds:  # fmt: skip
    """A session's chimes and voice as `settings` ask, for the screen and the plain guide alike.

    The chimes play on `player` (None: `bell` alone); `find_speech` gives the voice's speech (None: the voice
    never speaks); `report` says what keeps a sound from being heard.
    """
    chimes = make_chime_player(settings, player, bell, report)
    count_aloud, brief = settings.voice_countdown == "words", settings.voice_detail == "brief"
    voice = make_voice(settings.voice, count_aloud, find_speech, report, brief)
    return SessionSounds(chimes, voice)
