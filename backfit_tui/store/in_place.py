"""Changing a TOML file's values in its own text, so that its comments and layout stay.

tomli-w writes a whole document anew, without the comments a person wrote. Where an edit only
changes values, each changed `key = value` is written over the lines it took, a new key goes on a
line after its table's previous key, and a removed one loses its lines; every other line, and the
comment after a changed value, is left as it was.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from typing import Any

from ..core.formatting import toml_escapes
from .key_lines import KeyLines, KeyPath

MAX_VALUE_LINES = 40  # a value written over more lines than this (a long array) is not followed
MISSING = object()

Table = tuple[KeyPath, Mapping[str, Any], Mapping[str, Any]]  # a table's path, its values before and after


def edited_in_place(text: str, tables: Iterable[Table]) -> str | None:
    """`text` with each table's changed values written in place; None where its layout is not followed
    (a table or a value not found on lines of its own), and the whole document must be written anew."""
    lines = text.split("\n")
    where = KeyLines(text)
    replaced: dict[int, str | None] = {}  # line index: its new text, or None to drop it
    inserted: dict[int, list[str]] = {}  # line index (-1: the top): lines to put after it
    for path, before, after in tables:
        found: dict[str, tuple[int, int]] = {}  # key: the lines its value takes, [start, end)
        keys = dict.fromkeys([*before, *after])
        changed = [key for key in keys if before.get(key, MISSING) != after.get(key, MISSING)]
        for key in keys:
            try:
                at = _value_lines(lines, where, path, key)
            except NotFollowed:
                if key in changed:
                    return None
                continue  # left as it is, however it is written
            if at is not None:
                found[key] = at
        for key in changed:
            if key not in found and key not in after:
                continue  # not written, and not wanted
            if key not in found:
                anchor = _anchor(where, path, key, after, found)
                if anchor is None:
                    return None
                inserted.setdefault(anchor, []).append(f"{key} = {_value_text(after[key])}")
                continue
            start, end = found[key]
            replaced.update(dict.fromkeys(range(start + 1, end)))
            replaced[start] = _rewritten(lines[start:end], key, after) if key in after else None
    out = list(inserted.get(-1, []))
    for n, line in enumerate(lines):
        line = replaced.get(n, line)
        if line is not None:
            out.append(line)
        out.extend(inserted.get(n, []))
    return "\n".join(out)


class NotFollowed(Exception):
    """A table or a value written in a way this does not follow: the document must be written anew."""


def _value_lines(lines: list[str], where: KeyLines, path: KeyPath, key: str) -> tuple[int, int] | None:
    """The lines [start, end) where `key = value` is written in the table at `path`, or None when the key is
    not in it; NotFollowed when the table is not found, or the value's lines cannot be told."""
    line = where.line((*path, key))
    if line is None:
        if path:
            raise NotFollowed(path)
        return None  # a top-level key, not written
    start = line - 1
    if lines[start].lstrip().startswith("["):
        return None  # its table's header: the key is not written in it
    for end in range(start + 1, min(start + MAX_VALUE_LINES, len(lines)) + 1):
        if _written_key("\n".join(lines[start:end])) == key:
            return start, end
    raise NotFollowed((*path, key))


def _written_key(text: str) -> str | None:
    """The one key that `text` sets, when it is a whole `key = value` and nothing else."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None
    return next(iter(document)) if len(document) == 1 else None


def _rewritten(value_lines: list[str], key: str, after: Mapping[str, Any]) -> str:
    """`key = value` as first written, with the new value and the comment that followed the old one."""
    *first, last = value_lines
    comment = ""
    for cut in (n for n, ch in enumerate(last) if ch == "#"):
        if _written_key("\n".join([*first, last[:cut]])) == key:  # the first # outside the value
            head = last[:cut]
            comment = head[len(head.rstrip()) :] + last[cut:]
            break
    written_key = value_lines[0].partition("=")[0]
    return f"{written_key}= {_value_text(after[key])}{comment}"


def _anchor(where: KeyLines, path: KeyPath, key: str, after: Mapping[str, Any], found: dict) -> int | None:
    """The line after which a new `key` goes: its table's previous key that is written, or else its table's
    header (the top of the file for a top-level key); None when the table is not found."""
    keys = list(after)
    for previous in reversed(keys[: keys.index(key)]):
        if previous in found:
            return found[previous][1] - 1
    if not path:
        return -1
    header = where.line(path)
    return None if header is None else header - 1


def _value_text(value: Any) -> str:
    """A value as TOML writes it on one line, with what is not printable escaped."""
    import tomli_w

    if isinstance(value, list):
        return "[" + ", ".join(map(_value_text, value)) + "]"
    return toml_escapes(tomli_w.dumps({"v": value}).partition(" = ")[2].rstrip("\n"))
