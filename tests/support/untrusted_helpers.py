"""Checking that text from files and file names reaches no terminal raw, for the tests of untrusted text."""

from __future__ import annotations

import dataclasses
import html
import io
import re

import tomli_w

# What a terminal obeys, or what reorders or hides text: C0 and C1 controls but for the newline (an output's own),
# DEL, the bidi marks, embeddings, overrides and isolates, the zero-width characters, and lone surrogates.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def raw(text: str) -> list[str]:
    """The unsafe characters in `text`, leaving out the line ends its format writes (CSV's are \\r\\n)."""
    return UNSAFE.findall(text.replace("\r\n", "\n"))


class Terminal(io.StringIO):
    """Standard output as a terminal."""

    def isatty(self) -> bool:
        return True


def screen_text(app) -> str:
    """Everything on the screen as plain text, read from Textual's own SVG export."""
    svg = app.export_screenshot()
    lines = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape("".join(re.sub(r"<[^>]+>", "", line) for line in lines)).replace("\xa0", " ")


def one_hold(name: str = "Evil", cue: str = "Keep still") -> str:
    """A routine file of one hold with this name and cue, in TOML's escapes where TOML needs them."""
    steps = [{"exercise": "plank", "hold": 1, "cues": [cue]}]
    return tomli_w.dumps({"name": name, "description": "From somewhere else.", "steps": steps})


def history_of(routine_id: str, name: str, exercise_name: str = "Plank") -> None:
    """A history holding one finished session of `routine_id`, as a run saves it, with one set of `exercise_name`."""
    from backfit_tui.store import locations
    from backfit_tui.store.history.store import HistoryStore
    from support.history_helpers import a_set, at

    store = HistoryStore(locations.history_file())
    session = store.begin(routine_id, name, at("2026-05-04 08:00"), 30.0)
    store.add_set(session, dataclasses.replace(a_set(), exercise_name=exercise_name), at("2026-05-04 08:01"))
    store.end(session, at("2026-05-04 08:05"), finished=True)
    store.close()
