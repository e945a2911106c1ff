"""What tomllib is never handed: keys of very many dotted parts, and values nested very deep.

tomllib's time and memory grow with the square of a dotted key's parts (a 40 KB key of 20,000 parts
takes 20 s and 1.6 GB), and its depth with the call stack's. No file backfit reads needs more than a
few of either, so a text past these limits is refused, at its line, before it is parsed.
"""

from __future__ import annotations

import re

MAX_KEY_PARTS = 10  # `remind.hours` is the longest key backfit knows
MAX_NESTING = 32  # lists and tables inside each other; a routine uses 3

# What the text is made of, as far as keys and nesting go. A string is one piece (a quoted key part,
# or a value whose dots and brackets are only text); one left open runs to its line's end (three
# quotes: the text's end), as tomllib would refuse it anyway. Outside strings and comments, only a
# dotted key joins pieces with dots: a number or a date has one dot at most.
_PIECES = re.compile(
    r"""
      (?P<part> \"\"\"(?:[^\\]|\\.)*?(?:\"\"\"|\Z)     # a multi-line basic string
              | '''[\s\S]*?(?:'''|\Z)                   # a multi-line literal string
              | "(?:[^"\\\n]|\\.)*"?                    # a basic string
              | '[^'\n]*'?                              # a literal string
              | [A-Za-z0-9_+:-]+ )                      # a bare key, a number, a date, true or false
    | (?P<dot> \. )
    | (?P<open> [\[{] )
    | (?P<close> [\]}] )
    | (?P<space> [ \t]+ )
    | \#[^\n]* | .                                     # a comment, or anything else
    """,
    re.VERBOSE | re.DOTALL,
)


def limit_problem(text: str) -> tuple[str, int] | None:
    """(what is wrong, its line) for the first key of more than MAX_KEY_PARTS parts, or nesting deeper than
    MAX_NESTING; None when the text is within both limits."""
    parts = depth = 0
    after_dot = False
    for piece in _PIECES.finditer(text):
        kind = piece.lastgroup
        if kind == "space":
            continue
        if kind == "part":
            parts = parts + 1 if after_dot else 1
        depth = depth + 1 if kind == "open" else max(0, depth - 1) if kind == "close" else depth
        after_dot = kind == "dot"
        if parts > MAX_KEY_PARTS:
            return f"has a key of more than {MAX_KEY_PARTS} dotted parts", _line(text, piece)
        if depth > MAX_NESTING:
            return f"nests lists or tables more than {MAX_NESTING} deep", _line(text, piece)
    return None


def _line(text: str, piece: re.Match) -> int:
    return text.count("\n", 0, piece.start()) + 1
