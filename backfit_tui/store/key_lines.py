"""Where a key is written in a TOML file, so a problem can name its line.

tomllib keeps no positions, so `KeyLines` reads the text as a person would: `[table]` and
`[[steps]]` headers and `key = …` lines. It reads the text once and answers every key path from
what it noted, so a file with thousands of problems costs one reading, not one per problem.
"""

from __future__ import annotations

import re
from bisect import bisect_left

KeyPath = tuple[str | int, ...]

QUOTES = ('"', "'")


class KeyLines:
    """The headers and `key = …` lines of a TOML text, noted once, to find the line of any key path.

    A key is found on a line when the line, without the spaces and the one pair of quotes around
    it, writes that key before its first `=` (a `[table]` header: before its first `]`).
    """

    def __init__(self, text: str) -> None:
        lines = text.split("\n")  # only newlines end lines for TOML and editors, not U+2028
        self._count = len(lines)
        self._headers: list[int] = []  # every line (counted from 0) that starts with `[`
        self._keys: dict[str, list[int]] = {}  # `key = …`
        self._tables: dict[str, list[int]] = {}  # `[key]`
        self._arrays: dict[str, list[int]] = {}  # `[[key]]`
        self._opened: dict[str, int] = {}  # the first `[key]`, `[[key]]` or `[key.sub]`
        for n, line in enumerate(lines):
            written = line.lstrip()
            if "=" in written:
                self._keys.setdefault(_unquoted(written.partition("=")[0]), []).append(n)
            if written.startswith("["):
                self._note_header(n, written[1:])

    def _note_header(self, n: int, inside: str) -> None:
        """Note line `n`, a header; `inside` is what follows its first `[`."""
        self._headers.append(n)
        if "]" in inside:
            self._tables.setdefault(_unquoted(inside.partition("]")[0]), []).append(n)
        if inside.startswith("["):
            inside = inside[1:]
            key, close, after = inside.partition("]")
            if close and after.startswith("]"):
                self._arrays.setdefault(key.strip(), []).append(n)
        closed = re.search(r"[\].]", inside)  # `[key]`, `[[key]]` or `[key.sub]`
        if closed:
            self._opened.setdefault(_unquoted(inside[: closed.start()]), n)

    def line(self, path: KeyPath) -> int | None:
        """The line (from 1) where `path` is written; a missing key gives its table's header.

        Layouts this does not follow (inline tables) give None, and the message still names the key.
        """
        start, end = 0, self._next_header(0)
        index = 0
        while index < len(path):
            part, following = str(path[index]), (path[index + 1] if index + 1 < len(path) else None)
            if following is None:
                return self._key_line(start, end, part) or start or None
            if isinstance(following, int):
                found, nth = self._arrays.get(part, []), following
                index += 2
            else:
                found, nth = self._tables.get(part, []), 0
                index += 1
            if nth >= len(found):
                return None
            start = found[nth] + 1  # the header's own line, counted from 1
            end = self._next_header(start)
        return start or None

    def _next_header(self, start: int) -> int:
        at = bisect_left(self._headers, start)
        return self._headers[at] if at < len(self._headers) else self._count

    def _key_line(self, start: int, end: int, key: str) -> int | None:
        """The line of `key = …` between lines `start` and `end`, or else, at the top, of a header opening `key`."""
        found = self._keys.get(key, [])
        at = bisect_left(found, start)
        if at < len(found) and found[at] < end:
            return found[at] + 1
        if start == 0 and key in self._opened:
            return self._opened[key] + 1
        return None


def _unquoted(written: str) -> str:
    """A key as written, without the spaces and the one pair of quotes around it."""
    key = written.strip()
    key = key[1:] if key[:1] in QUOTES else key
    return key[:-1] if key[-1:] in QUOTES else key
