"""A problem's line comes from one reading of the file, and it is the line a search finds.

`KeyLines` notes a file's headers and `key = …` lines once and answers every key path from them.
`searched_line` below finds the same lines the slow way, with a regular expression per key, run
over the text again for each key path. For every key without spaces or quotes at its ends, without
`=`, `]` or `.` and not starting with `[`, the two must agree on any text at all: whatever
headers, keys, quotes, spaces, comments and junk the lines hold, and in TOML written by tomli_w.
"""

from __future__ import annotations

import re

import tomli_w
from hypothesis import example, given, settings
from hypothesis import strategies as st

from backfit_tui.store.key_lines import KeyLines


def searched_line(text: str, path: tuple) -> int | None:
    """The line of `path`, found by searching the text with a regular expression for each key."""
    lines = text.split("\n")
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
        start = found[nth] + 1
        end = _next_header(lines, start)
    return start or None


def _next_header(lines: list[str], start: int) -> int:
    return next((n for n in range(start, len(lines)) if lines[n].lstrip().startswith("[")), len(lines))


def _key_line(lines: list[str], start: int, end: int, key: str) -> int | None:
    assignment = re.compile(r"^\s*[\"']?" + re.escape(key) + r"[\"']?\s*=")
    found = next((n + 1 for n in range(start, end) if assignment.match(lines[n])), None)
    if found is None and start == 0:
        header = re.compile(r"^\s*\[\[?\s*[\"']?" + re.escape(key) + r"[\"']?\s*[\].]")
        found = next((n + 1 for n, line in enumerate(lines) if header.match(line)), None)
    return found


def plain(key: str) -> bool:
    """A key both ways find on the same lines (see the module's docstring)."""
    return key == key.strip() != "" and key[0] not in "\"'[" and key[-1] not in "\"'" and not set("=].") & set(key)


# Keys that are looked up, and keys that are only written (odd ones, which must not confuse a lookup).
KEYS = ["steps", "hold", "a b", "é", "a#b", "a[b"]
ODD_KEYS = ['"', "'", " a", "a ", '"a', "a=b", "a.b", "[a", "a]", "hold.x", ""]
keys = st.sampled_from(KEYS)


def mostly(usual: st.SearchStrategy, *rare: st.SearchStrategy) -> st.SearchStrategy:
    """`usual` four times in five, else one of `rare`."""
    return st.sampled_from([usual] * 4 + [st.one_of(*rare)]).flatmap(lambda strategy: strategy)


written_keys = mostly(keys, st.sampled_from(ODD_KEYS), st.text(max_size=4))
spaces = st.sampled_from(["", " ", "  ", "\t", "\u00a0", "\u2028"])
quotes = st.sampled_from(["", '"', "'"])
values = st.sampled_from(["1", '"x = 1"', "[1, 2]", "{ a = 1 }", "]", "=", "'''", "[x]"])
ends = st.sampled_from(["", "\r", "  # a comment"])


@st.composite
def assignments(draw) -> str:
    """A `key = value` line, spaced and quoted any way."""
    key, s1, s2, s3, q1, q2 = draw(written_keys), draw(spaces), draw(spaces), draw(spaces), draw(quotes), draw(quotes)
    return f"{s1}{q1}{key}{q2}{s2}={s3}{draw(values)}{draw(ends)}"


@st.composite
def headers(draw) -> str:
    """A `[table]`, `[[table]]` or `[table.sub]` header, spaced and quoted any way."""
    key, s1, s2, s3, q1, q2 = draw(written_keys), draw(spaces), draw(spaces), draw(spaces), draw(quotes), draw(quotes)
    shape = draw(st.sampled_from(["[{s2}{q1}{key}{q2}{s3}]", "[[{s2}{key}{s3}]]", "[{q1}{key}{q2}{s2}.{sub}]"]))
    return s1 + shape.format(s2=s2, s3=s3, q1=q1, q2=q2, key=key, sub=draw(written_keys)) + draw(ends)


junk = st.sampled_from(["", "# hold = 1", "  # [[steps]]", "'''", "]", "="]) | st.text(max_size=12)
body = st.lists(mostly(assignments(), junk), max_size=5)


@st.composite
def texts(draw) -> str:
    """The text of a TOML file, or of something like one: keys, then tables of keys, with junk between."""
    lines = draw(body)
    for _ in range(draw(st.integers(0, 6))):
        lines += [draw(headers()), *draw(body)]
    return "\n".join(lines)


@st.composite
def key_paths(draw) -> tuple:
    """A key path as the loaders give one: keys, each maybe followed by a list index."""
    path: list[str | int] = []
    for _ in range(draw(st.integers(1, 2))):
        path.append(draw(mostly(keys, st.text(min_size=1, max_size=3).filter(plain))))
        if draw(st.booleans()):
            path.append(draw(st.integers(0, 2)))
    return tuple(path)


@settings(max_examples=500, deadline=None)
@given(texts(), st.lists(key_paths(), min_size=1, max_size=12))
@example("[[ steps ]]\n'hold' = 1\n[[steps]]\n  hold=2", [("steps", 1, "hold"), ("steps", 0, "hold"), ("hold",)])
@example('[a.b]\n["a b"]\nx = 1', [("a",), ("a b", "x"), ("a b",)])
def test_every_key_path_is_on_the_line_a_search_finds(text, paths):
    key_lines = KeyLines(text)
    for path in paths:
        assert key_lines.line(path) == searched_line(text, path), path


# TOML as the routine editor writes it: nested tables, lists of tables, keys quoted where needed.
toml_keys = st.sampled_from(KEYS) | st.text(max_size=6)
toml_values = st.integers(-5, 5) | st.text(max_size=8) | st.lists(st.integers(0, 3), max_size=2)
documents = st.recursive(
    st.dictionaries(toml_keys, toml_values, max_size=4),
    lambda tables: st.dictionaries(
        toml_keys, tables | st.lists(tables, min_size=1, max_size=3) | toml_values, max_size=4
    ),
    max_leaves=12,
)


def every_key_path(table: dict, path: tuple = ()):
    """Each key path in a document, list items counted from 0, as the loaders give them."""
    for key, value in table.items():
        yield (*path, key)
        items = value if isinstance(value, list) and value and all(isinstance(v, dict) for v in value) else []
        for n, item in enumerate(items):
            yield from every_key_path(item, (*path, key, n))
        if isinstance(value, dict):
            yield from every_key_path(value, (*path, key))


@settings(max_examples=300, deadline=None)
@given(documents, st.booleans())
def test_every_key_of_a_toml_document_is_on_the_line_a_search_finds(document, multiline_strings):
    text = tomli_w.dumps(document, multiline_strings=multiline_strings)
    key_lines = KeyLines(text)
    for path in every_key_path(document):
        if all(plain(part) for part in path if isinstance(part, str)):
            assert key_lines.line(path) == searched_line(text, path), path
