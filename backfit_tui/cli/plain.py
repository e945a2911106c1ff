"""Guide a session with plain lines of text: no screen drawing, for any terminal, a pipe or a screen reader.

The engine keeps time; this loop only sleeps until its next wake-up and prints what happened: one
line for each change, none for each second (a screen reader reads every line out), and the chimes
and the voice as on the screen.
Ctrl+C, SIGTERM and SIGHUP leave early and still print what was done: on stderr if stdout's reader
has gone. After a session kept in the history, and before it with `pain_check = "both"`, one line asks how the
back is; Enter, the end of input or a closed standard input skips it.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import TextIO

from ..audio.session_sounds import SessionSounds
from ..core.engine import Session, Status
from ..core.formatting import duration, literal
from ..core.model import Routine
from ..core.outcome import goal_note, heading, step_outcomes, totals
from ..core.pain import QUESTION, WORST, rating_of
from ..core.phrases import closing_phrases, pain_question
from ..core.records import Event, EventKind, SessionRecord
from ..core.timeline import Phase, PhaseKind
from ..core.wording import DONE_KEY, SAFETY_NOTE, counting_keys, event_words, longer_get_ready
from ..store.errors import HistoryUnavailable
from ..store.history.session_log import SessionLog
from ..store.history.stats import SessionNews, back_now, logged_news
from ..store.settings import Settings
from .pipes import ClosedOutput, discard

STDIN_CLOSED = "Standard input is closed, so no reps can be counted: each self-paced set is taken as done."
STOPPING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Stopped(BaseException):
    """SIGTERM or SIGHUP, raised wherever the guide is, so that it leaves early as Ctrl+C does."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, _frame: object) -> None:
    raise Stopped(signum)


def run_plain(
    routine: Routine,
    settings: Settings,
    out: TextIO | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
    read_line: Callable[[], str] | None = None,
    first_run: bool = False,
    sounds: SessionSounds | None = None,
    log: SessionLog | None = None,
) -> int:
    """Run `routine` to the end (or to Ctrl+C), printing each change on `out` (standard output), speaking or
    chiming, and reading the reps counted by hand with `read_line` (from standard input); returns the exit status."""
    out = out or sys.stdout or ClosedOutput()
    keeps = log is not None and not log.failed and (read_line is not None or sys.stdin is not None)
    asks = settings.pain_check if keeps else "off"  # with no history, or no one to answer, nothing is asked
    read_line = read_line or _typed_lines(out)
    longer = {}  # the get-ready of steps whose introduction takes longer to say, so that it is heard whole
    if sounds is not None:  # the introductions and the opening phrase now; the rest in the background
        longer = sounds.voice.begin(routine, settings.get_ready, closing_phrases(asks))
        threading.Thread(target=sounds.voice.prepare, name="voice", daemon=True).start()
    session = Session(routine, clock, settings.get_ready, longer)

    def happened(events: list[Event]) -> None:
        if log is not None:
            log.record(events)  # saved first: nothing finished is lost
        if sounds is not None:
            sounds.for_events(events, session.timeline)
        _print_events(session, events, out)

    previous = {signum: signal.signal(signum, _stop) for signum in STOPPING_SIGNALS}
    try:
        if first_run:
            print(f"Before you start: {SAFETY_NOTE}", file=out)
        if asks == "both":
            log.pain_before = _rating(read_line, out)
        print(f"{literal(routine.name)}: {duration(session.planned_seconds)}. Ctrl+C leaves early.", file=out)
        if longer:
            print(longer_get_ready(routine, longer), file=out)
        happened(session.start())
        while session.status is not Status.FINISHED:
            if session.counts_reps:
                happened(_counted(session, read_line, out))
                continue
            sleep(max(session.next_wakeup() - clock(), 0.0))
            happened(session.update())
        if log is not None:
            log.close(finished=True)
        if sounds is not None:
            sounds.finish()  # the last chime or phrase rings out before the process ends
    except (KeyboardInterrupt, Stopped) as stop:
        _end_early(session, log, sounds)
        record = session.record()
        _print_somewhere(summary(routine, record, _news(log, settings)), out)
        if isinstance(stop, KeyboardInterrupt) and asks != "off" and log.asks_after(record):  # a signal's
            _rate_after(log, read_line, out)  # terminal may be gone: it asks nothing then
        return 128 + getattr(stop, "signum", signal.SIGINT)  # the shell's code for the signal, so scripts can tell
    except BrokenPipeError:  # the reader has gone (`| head`): the finished sets are saved, `main` ends quietly
        _end_early(session, log, sounds)
        raise
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    record = session.record()
    print(summary(routine, record, _news(log, settings)), file=out)
    if asks != "off" and log.asks_after(record):
        if sounds is not None:
            sounds.voice.say(pain_question())
        _rate_after(log, read_line, out)
    if sounds is not None:
        sounds.finish()  # the question is heard whole, even when the answer came first (or none could)
        sounds.close()
    return 0


def _rating(read_line: Callable[[], str], out: TextIO) -> int | None:
    """Ask how the back is on one line, and read the answer: 0 to 10 (`t` for 10); None when skipped."""
    print(f"\n{QUESTION} (Enter skips)", file=out, flush=True)
    try:
        line = read_line()
    except (EOFError, KeyboardInterrupt):  # no one to answer, or Ctrl+C again: skipped
        line = ""
    rating = rating_of(line)
    if rating is not None:
        print(f"  Your back: {rating} of {WORST}.", file=out, flush=True)
    elif line.strip():
        print(f"  Not a rating from 0 to {WORST}: skipped.", file=out, flush=True)
    return rating


def _rate_after(log: SessionLog, read_line: Callable[[], str], out: TextIO) -> None:
    """Ask how the back is after the session `log` kept, keep the answer, and say what the back's ratings ask of
    progress."""
    rating = _rating(read_line, out)
    if rating is None:
        return
    try:
        log.keep_rating(rating)
        words = back_now(log.store, log.wall_clock(), None).words()
    except HistoryUnavailable as err:
        log.report(f"Your rating was not kept: {err}")
        return
    if words:
        print(words, file=out, flush=True)


def _news(log: SessionLog | None, settings: Settings) -> SessionNews | None:
    """What the history says about the session `log` wrote, if it can be read."""
    if log is None:
        return None
    try:
        return logged_news(log, settings.weekly_goal)
    except HistoryUnavailable as err:
        log.report(f"The history could not be read: {err}")
        return None


def _end_early(session: Session, log: SessionLog | None, sounds: SessionSounds | None) -> None:
    """Leave the session: the set under way is kept as far as it went, and the history closed."""
    left = session.leave()
    if log is not None:
        log.record(left)
        log.close(finished=False)
    if sounds is not None:
        sounds.close()


def _print_somewhere(text: str, out: TextIO) -> None:
    """Print to `out`, or to stderr when `out` is a pipe whose reader has gone (as Ctrl+C ends `| cat` too)."""
    try:
        print(text, file=out, flush=True)
    except BrokenPipeError:
        discard(out)
        print(text, file=sys.stderr)


def _typed_lines(out: TextIO) -> Callable[[], str]:
    """What reads a line typed on standard input (`input`); with standard input closed (`<&-`), the end of input
    at once, the first time said on `out`."""
    if sys.stdin is not None:
        return input
    said = False

    def closed() -> str:
        nonlocal said
        if not said:
            said = True
            print(f"  {STDIN_CLOSED}", file=out, flush=True)
        raise EOFError

    return closed


def _counted(session: Session, read_line: Callable[[], str], out: TextIO) -> list[Event]:
    """Read one line while reps are counted by hand, as the screen reads keys: an empty line counts a rep,
    `d` ends the set as done; anything else is answered with how to count."""
    try:
        line = read_line().strip().lower()
    except EOFError:  # no one at the keyboard: take the set as done
        return session.mark_done()
    if not line:
        return session.count_rep()
    if line == DONE_KEY:
        return session.mark_done()
    print(f"  {counting_keys(typed=True)}", file=out, flush=True)
    return []


def _print_events(session: Session, events: list[Event], out: TextIO) -> None:
    timeline = session.timeline
    for event in events:
        following = timeline[event.phase_index + 1] if event.phase_index + 1 < len(timeline) else None
        line = _line_for(event, timeline[event.phase_index], following)
        if line:
            print(line, file=out, flush=True)


def _line_for(event: Event, phase: Phase, following: Phase | None) -> str:
    """An event's words as printed: a blank line before each step, the cues within a phase indented."""
    words = event_words(event, phase, following)
    if not words:
        return words
    if event.kind is not EventKind.PHASE_STARTED:
        return f"  {words}"
    return f"\n{words}" if phase.kind is PhaseKind.GET_READY else words


def summary(routine: Routine, record: SessionRecord, news: SessionNews | None = None) -> str:
    """How the session ended, each step of `routine` planned against done with what was skipped or never reached,
    the totals, and what the history says of it."""
    lines = ["", literal(heading(record))]
    outcomes = step_outcomes(routine, record)
    if record.sets:
        for outcome in outcomes:
            done = outcome.done()
            said = (f"planned {outcome.planned()}", f"done {done}" if done else "", outcome.missed_words())
            lines.append(f"  {literal(outcome.exercise_name)}: {' · '.join(filter(None, said))}")
    lines.append(totals(outcomes))
    if news is not None:
        lines += map(literal, (news.since_last_time, *news.improved))
    if note := goal_note(record):
        lines.append(note)
    return "\n".join(lines)
