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
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..core.formatting import counted, literal, plural
from .files import FileKind, FileTooLarge, read_regular_file
from .key_lines import KeyLines, KeyPath
from .toml_limits import limit_problem


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, located as closely as we can.

    `in_form` words it for the routine editor, where a file's syntax means nothing (empty: as `message`).
    """

    file: Path
    message: str
    key: str = ""
    line: int | None = None
    column: int | None = None
    in_form: str = field(default="", compare=False, repr=False)

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


class Invalid(ValueError):
    """Raised by a field check with the message to show after the key path, and the editor's (`in_form`)."""

    def __init__(self, message: str, in_form: str = "") -> None:
        super().__init__(message)
        self.in_form = in_form


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


def read_bytes(path: Path, kind: FileKind = FileKind.ROUTINE) -> bytes:
    """A regular file's bytes (a routine's unless `kind` says otherwise), or LoadError saying why it cannot be
    read: a named pipe never hangs it, and a file larger than its kind's bound is refused unread."""
    try:
        return read_regular_file(path, kind)
    except OSError as err:
        raise unreadable(path, err) from None


def unreadable(path: Path, err: OSError) -> LoadError:
    """LoadError saying why `path` cannot be read, from the error reading it raised."""
    if err.errno == errno.ELOOP:  # the system's "Too many levels of symbolic links" says less
        return LoadError([Problem(path, "is a symbolic link that loops; point it at a file, or remove it")])
    if isinstance(err, FileTooLarge):
        return LoadError([Problem(path, f"{err.strerror}; is it the right file?")])  # its size and the bound
    return LoadError([Problem(path, f"cannot be read: {err.strerror or err}")])


def read_toml(path: Path, kind: FileKind) -> tuple[dict[str, Any], str]:
    """Read and parse a TOML file of `kind`: its document and its text, or LoadError saying what is wrong."""
    return parse_toml(read_bytes(path, kind), path)


def parse_toml(data: bytes, file: Path) -> tuple[dict[str, Any], str]:
    """Decode and parse a TOML document: its document and its text, or LoadError with line and column.

    A text past what backfit reads (a key of very many dotted parts, or very deep nesting) is refused at its
    line before tomllib sees it: tomllib would take minutes and gigabytes over it.
    """
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark, as some editors write, is fine
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise LoadError(
            [Problem(file, f"is not UTF-8 text (byte 0x{data[err.start]:02x}); save it as UTF-8", line=line)]
        ) from None
    if beyond := limit_problem(text):
        message, line = beyond
        raise LoadError([Problem(file, f"{message}, which no backfit file needs; is it the right file?", line=line)])
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


Check = Callable[[Any], Any]


# Past these, a file's problems are counted, not listed: a file of another program's keys, or
# thousands of typos, would otherwise bury the few lines a person needs to read.
MAX_UNKNOWN_KEYS = 20
MAX_PROBLEMS = 50


class TableReader:
    """Reads the keys of one table, collecting problems instead of stopping at the first.

    Each file's reader lists its first `MAX_UNKNOWN_KEYS` unknown keys and `MAX_PROBLEMS` problems;
    `finish()` puts them in line order and adds one line that counts the rest.
    """

    def __init__(self, file: Path, text: str, problems: list[Problem]) -> None:
        self.file = file
        self.text = text
        self.problems = problems
        self.found = 0  # every problem, listed or only counted
        self._listed = self._unknown_keys_listed = 0
        self._unlisted = self._unknown_keys_unlisted = 0

    @cached_property
    def _key_lines(self) -> KeyLines:
        return KeyLines(self.text)  # read once, at the first problem

    def problem(self, path: KeyPath, message: str, in_form: str = "") -> None:
        """Report `message` about the key at `path`, with the line it is written on; `in_form` as the editor says it."""
        if self._listing(unknown_key=False):
            self._add(path, message, in_form)

    def table(self, value: Any, path: KeyPath, allowed: Iterable[str]) -> dict[str, Any] | None:
        """`value` as a table, with any key outside `allowed` reported with its nearest match."""
        if not isinstance(value, dict):
            self.problem(path, f"must be a table, got {show_value(value)}")
            return None
        allowed = list(allowed)
        for key in value:
            if key not in allowed and self._listing(unknown_key=True):
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint = f'did you mean "{close[0]}"?' if close else "allowed keys: " + ", ".join(allowed)
                self._add((*path, key), f"unknown key; {hint}")
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
            self.problem((*path, key), str(err), err.in_form)
            return None

    def finish(self) -> None:
        """Put the problems in the order of their lines, then add one that counts those not listed, if any: call
        it after the last check.

        The checks run key by key, not line by line; a person reads the file from the top. Problems with no line
        (a key that is missing) come after, and any of another source (an environment variable) last.
        """
        self.problems.sort(key=lambda p: (p.file != self.file, p.line is None, p.line or 0, p.column or 0))
        if not self._unlisted:
            return
        noun = "unknown key" if self._unlisted == self._unknown_keys_unlisted else "problem"
        self.problems.append(Problem(self.file, f"and {self._unlisted:,} more {plural(self._unlisted, noun)}"))

    def _listing(self, unknown_key: bool) -> bool:
        """Count one more problem; True if it is to be listed, False if only counted."""
        self.found += 1
        if self._listed < MAX_PROBLEMS and (not unknown_key or self._unknown_keys_listed < MAX_UNKNOWN_KEYS):
            self._listed += 1
            self._unknown_keys_listed += unknown_key
            return True
        self._unlisted += 1
        self._unknown_keys_unlisted += unknown_key
        return False

    def _add(self, path: KeyPath, message: str, in_form: str = "") -> None:
        self.problems.append(Problem(self.file, message, format_key(path), self._key_lines.line(path), in_form=in_form))


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
            raise Invalid(
                f"must be a list of {min_items} to {max_items} texts in quotes, got {got}",
                in_form=f"needs {min_items} to {max_items}, got {got}",
            )
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
