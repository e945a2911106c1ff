"""Reading TOML tables into checked values, with problems a person can act on.

Routine files, the exercise library and the settings file all go through `TableReader`, so every
file reports bad input the same way: file, line, key path, what is wrong and what is allowed.
"""

from __future__ import annotations

import difflib
import errno
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .files import read_regular_file
from .formatting import counted, literal

KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, located as closely as we can."""

    file: Path
    message: str
    key: str = ""
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"


class LoadError(Exception):
    """A file could not be used; `problems` says every reason found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class HistoryUnavailable(Exception):
    """The history file cannot be used; the message says which file and why."""


class Invalid(ValueError):
    """Raised by a field check with the message to show after the key path."""


def format_key(path: KeyPath) -> str:
    """`steps[2].hold` for ("steps", 1, "hold"): list items are counted from 1, as people do."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
            continue
        name = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else show_value(part)  # quoted, as TOML writes it
        text += f".{name}" if text else name
    return text


def show_value(value: Any) -> str:
    """A value as it would be written in TOML, for 'got …' in messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = literal(value if len(value) <= 40 else value[:40] + "…")
        return '"' + shown.replace('"', '\\"') + '"'
    if isinstance(value, int) and abs(value) >= 10**20:
        return "a number of more than 20 digits"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


def read_bytes(path: Path) -> bytes:
    """A regular file's bytes, or LoadError saying why it cannot be read (a named pipe never hangs it)."""
    try:
        return read_regular_file(path)
    except OSError as err:
        raise unreadable(path, err) from None


def unreadable(path: Path, err: OSError) -> LoadError:
    """LoadError saying why `path` cannot be read, from the error reading it raised."""
    if err.errno == errno.ELOOP:  # the system's "Too many levels of symbolic links" says less
        return LoadError([Problem(path, "is a symbolic link that loops; point it at a file, or remove it")])
    return LoadError([Problem(path, f"cannot be read: {err.strerror or err}")])


def read_toml(path: Path) -> tuple[dict[str, Any], str]:
    """Read and parse a TOML file: its document and its text, or LoadError saying what is wrong."""
    return parse_toml(read_bytes(path), path)


def parse_toml(data: bytes, file: Path) -> tuple[dict[str, Any], str]:
    """Decode and parse a TOML document: its document and its text, or LoadError with line and column."""
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark, as some editors write, is fine
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise LoadError(
            [Problem(file, f"is not UTF-8 text (byte 0x{data[err.start]:02x}); save it as UTF-8", line=line)]
        ) from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        found = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
        line = column = None
        if found:
            message = message[: found.start()]
            line, column = int(found[1]), int(found[2])
        elif message.endswith("(at end of document)"):
            message = message.removesuffix("(at end of document)").rstrip()
            line = text.count("\n") + 1
        raise LoadError(
            [Problem(file, f"invalid TOML: {message}; fix the syntax at this spot", line=line, column=column)]
        ) from None
    except (RecursionError, ValueError):  # tomllib's limits: nesting depth, 4300-digit integers
        raise LoadError([Problem(file, "is nested too deeply or holds a number too long to read")]) from None


def locate(text: str, path: KeyPath) -> int | None:
    """The line where `path` is written, found by reading the file as a person would.

    tomllib keeps no positions, so this follows `[table]` and `[[steps]]` headers and `key =`
    lines. A missing key points at its table's header; layouts it does not follow (inline
    tables) give None, and the message still names the key.
    """
    lines = text.split("\n")  # only newlines end lines for TOML and editors, not U+2028
    start, end = 0, _next_header(lines, 0)
    index = 0
    while index < len(path):
        part, following = path[index], (path[index + 1] if index + 1 < len(path) else None)
        if following is None:
            return _key_line(lines, start, end, str(part)) or start or None
        if isinstance(following, int):
            header = re.compile(r"^\s*\[\[\s*" + re.escape(str(part)) + r"\s*\]\]")
            index += 2
        else:
            header = re.compile(r"^\s*\[\s*[\"']?" + re.escape(str(part)) + r"[\"']?\s*\]")
            index += 1
        found = [n for n, line in enumerate(lines) if header.match(line)]
        nth = following if isinstance(following, int) else 0
        if nth >= len(found):
            return None
        start = found[nth] + 1  # the header's own 1-based line number
        end = _next_header(lines, start)
    return start or None


def _next_header(lines: list[str], start: int) -> int:
    return next((n for n in range(start, len(lines)) if lines[n].lstrip().startswith("[")), len(lines))


def _key_line(lines: list[str], start: int, end: int, key: str) -> int | None:
    """The line of `key = …` between `start` and `end`, or else of a `[key]` or `[[key]]` header."""
    assignment = re.compile(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*=")
    found = next((n + 1 for n in range(start, end) if assignment.match(lines[n])), None)
    if found is None and start == 0:
        header = re.compile(r"^\s*\[\[?\s*[\"']?" + re.escape(key) + r"[\"']?\s*[\].]")
        found = next((n + 1 for n, line in enumerate(lines) if header.match(line)), None)
    return found


Check = Callable[[Any], Any]


class TableReader:
    """Reads the keys of one table, collecting problems instead of stopping at the first."""

    def __init__(self, file: Path, text: str, problems: list[Problem]) -> None:
        self.file = file
        self.text = text
        self.problems = problems

    def problem(self, path: KeyPath, message: str) -> None:
        self.problems.append(Problem(self.file, message, format_key(path), locate(self.text, path)))

    def table(self, value: Any, path: KeyPath, allowed: Iterable[str]) -> dict[str, Any] | None:
        """`value` as a table, with any key outside `allowed` reported with its nearest match."""
        if not isinstance(value, dict):
            self.problem(path, f"must be a table, got {show_value(value)}")
            return None
        allowed = list(allowed)
        for key in value:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint = f'did you mean "{close[0]}"?' if close else "allowed keys: " + ", ".join(allowed)
                self.problem((*path, key), f"unknown key; {hint}")
        return value

    def field(self, table: dict[str, Any], path: KeyPath, key: str, check: Check, default: Any = ...) -> Any:
        """The checked value of `table[key]`; a missing key without a default is a problem."""
        if key not in table:
            if default is ...:
                self.problem((*path, key), "is missing; add it")
                return None
            return default
        try:
            return check(table[key])
        except Invalid as err:
            self.problem((*path, key), str(err))
            return None


def whole(low: int, high: int, unit: str = "") -> Check:
    """A whole number between `low` and `high`, e.g. seconds or a count."""
    what = f"a whole number of {unit}" if unit else "a whole number"

    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise Invalid(f"must be {what} between {low} and {high}, got {show_value(value)}")
        return value

    return check


def number(low: float, high: float, unit: str = "seconds") -> Check:
    """A number (whole or decimal) between `low` and `high`."""

    def check(value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            raise Invalid(f"must be a number of {unit} between {low:g} and {high:g}, got {show_value(value)}")
        return float(value)

    return check


def text(max_length: int) -> Check:
    """A one-line, non-empty string of at most `max_length` characters."""

    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise Invalid(f"must be text in quotes, got {show_value(value)}")
        value = value.strip()
        if not value or len(value.splitlines()) > 1 or len(value) > max_length:
            raise Invalid(f"must be one line of 1 to {max_length} characters, got {counted(len(value), 'character')}")
        return value

    return check


def text_list(max_items: int, max_length: int, min_items: int = 0) -> Check:
    """A list of one-line strings."""
    item = text(max_length)

    def check(value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not min_items <= len(value) <= max_items:
            got = counted(len(value), "item") if isinstance(value, list) else show_value(value)
            raise Invalid(f"must be a list of {min_items} to {max_items} texts in quotes, got {got}")
        try:
            return tuple(item(v) for v in value)
        except Invalid as err:
            raise Invalid(f"every item {err}") from None

    return check


def boolean(value: Any) -> bool:
    """true or false."""
    if not isinstance(value, bool):
        raise Invalid(f"must be true or false, got {show_value(value)}")
    return value


def choice(options: Iterable[str]) -> Check:
    """One of a fixed set of strings."""
    options = list(options)

    def check(value: Any) -> str:
        if value not in options:
            raise Invalid("must be one of " + ", ".join(f'"{o}"' for o in options) + f", got {show_value(value)}")
        return value

    return check
