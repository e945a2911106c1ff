"""What a moment of a session sounds like: its phrase, spoken, or else its chime; for the screen and the plain guide."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..core.chime_map import Chime
from ..core.records import Event
from ..core.timeline import Phase
from .chime_player import ChimePlayer
from .voice import Voice


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
