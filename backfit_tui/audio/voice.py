"""The voice: each moment's phrase spoken in place of its chime, with the engine the settings choose.

It never holds a session up. A phrase that is not rendered yet when it is due is left to its chime;
what goes wrong (no engine, an engine that fails) is said once, and the chimes go on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..core.model import Routine
from ..core.phrases import SoFar, fitted_get_ready, moment_phrase, session_phrases
from ..core.records import Event
from ..core.timeline import Phase
from .speech import Speech
from .speech_engines import NO_ENGINE, NoVoice

OFF = "off"


class Voice:
    """Speaks a session's phrases while `choice` (the `voice` setting) is not "off" and an engine is found.

    `find` gives the speech for a choice, or raises NoVoice saying why there is none; `report` says
    a problem to the person, once. `count_aloud`: "Three. Two. One." rather than the countdown's ticks.
    `brief`: what happens within a set is left to the chimes (`voice_detail = "brief"`).
    """

    def __init__(
        self, choice: str, count_aloud: bool, find: Callable[[str], Speech], report: Callable[[str], None],
        brief: bool = False,
    ) -> None:  # fmt: skip
        self.choice = choice
        self.chosen = choice if choice != OFF else "auto"  # what v turns the voice on to: the person's own setting
        self.count_aloud = count_aloud
        self.brief = brief
        self.so_far = SoFar()  # what the session under way has done, for its closing words
        self.find = find
        self.report = report
        self.speech: Speech | None = None
        self.phrases: list[str] = []  # the session's, in the order first said
        self._looked_for: str | None = None  # the choice last looked for, found or not
        self._why_silent: str | None = None  # why that look found no engine
        self._said: set[str] = set()

    @property
    def on(self) -> bool:
        return self.choice != OFF

    def begin(self, routine: Routine, get_ready: int, afterwards: Sequence[str] = ()) -> dict[int, int]:
        """A session of `routine` is starting: the longer get-ready each step needs to say its introduction whole
        (by index, for the session's timeline), its phrases noted and its first rendered now, so it is heard;
        `afterwards`, what is said after it (the question of the back), is rendered with the rest.

        The introductions are rendered here to know how long each takes; the other phrases are for `prepare`, off
        the main thread. An engine is looked for here, on the caller's thread, so that its absence is said (once)
        where the person sees it.
        """
        self.so_far = SoFar()
        speech = self._speech()
        longer = fitted_get_ready(routine, get_ready, speech.seconds, self.count_aloud) if speech else {}
        self.phrases = [*session_phrases(routine, get_ready, self.count_aloud, self.brief, longer), *afterwards]
        if speech is not None:
            speech.prepare(self.phrases[:1])
        elif self.on and self._why_silent:
            self._tell(self._why_silent)
        return longer

    def prepare(self) -> None:
        """Render the session's phrases ahead of need: each new one runs the engine, so call it off the main thread."""
        if self.on and self.speech is not None:
            self.speech.prepare(self.phrases)

    def speak(self, events: Sequence[Event], timeline: Sequence[Phase]) -> str | None:
        """Start the phrase of these events' moment, cutting short the last; the phrase, or None if none is spoken."""
        self.so_far.note(events)
        if not self.on or self.speech is None:
            return None
        phrase = moment_phrase(events, timeline, self.count_aloud, self.brief, self.so_far)
        if phrase is None:
            return None
        if phrase not in self.phrases:  # the closing words of a session that went otherwise than planned
            self.speech.prepare([phrase])
        if self.speech.start(phrase):
            return phrase
        if self.speech.problem:
            self._tell(f"{self.speech.problem}; the chimes play instead")
        return None

    def ready(self, phrases: Sequence[str]) -> None:
        """Render phrases said outside a session (a break's call) ahead of need: call it off the main thread."""
        speech = self._speech()
        if speech is not None:
            speech.prepare(list(phrases))

    def say(self, phrase: str) -> bool:
        """Start `phrase`, rendered beforehand by `ready`, cutting short the last; whether it is spoken."""
        if not self.on or self.speech is None:
            return False
        return self.speech.start(phrase)

    def say_when_quiet(self, phrase: str) -> bool:
        """Start `phrase`, rendered beforehand, once the phrase still playing has ended (the session's last words):
        call it off the main thread. Whether it is spoken."""
        self.finish()
        return self.say(phrase)

    def toggle(self) -> str | None:
        """Turn the voice off, or on again as the person chose it ("auto" stays "auto": v never picks an engine
        for them); why it stays silent, if it does."""
        if self.on:
            self.choice = OFF
            self.stop()
            return None
        self.choice = self.chosen
        if self._speech() is None and self._why_silent:
            self._said.add(self._why_silent)  # said now, in answer: not again as the next session starts
            return self._why_silent
        return None

    def _speech(self) -> Speech | None:
        """The speech for the current choice, looked for once per choice (`_why_silent` says why none was found)."""
        if self.on and self.speech is None and self._looked_for != self.choice:
            self._looked_for = self.choice
            try:
                self.speech = self.find(self.choice)
                self._why_silent = None
            except NoVoice as err:
                self._why_silent = str(err)
        return self.speech if self.on else None

    def _tell(self, message: str) -> None:
        if message not in self._said:
            self._said.add(message)
            self.report(message)

    def stop(self) -> None:
        """Cut short the phrase still playing."""
        if self.speech is not None:
            self.speech.stop()

    def close(self) -> None:
        """Stop rendering and speaking: the app is leaving."""
        if self.speech is not None:
            self.speech.close()

    def finish(self) -> None:
        """Wait for the last phrase to end (before the process that started it exits)."""
        if self.speech is not None:
            self.speech.wait()


def make_voice(
    choice: str, count_aloud: bool, find: Callable[[str], Speech] | None, report: Callable[[str], None],
    brief: bool = False,
) -> Voice:  # fmt: skip
    """The voice for the `voice` setting `choice`; with no `find`, one that never speaks (v says so)."""
    if find is None:
        return Voice(OFF, count_aloud, _no_speech, report, brief)
    return Voice(choice, count_aloud, find, report, brief)


def _no_speech(_choice: str) -> Speech:
    raise NoVoice(NO_ENGINE)
