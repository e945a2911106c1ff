"""`backfit exercises ID`: one exercise of the library as a page, its figure's start and end side by side.

Imported only for that command, so `list` and `status` load no figures.
"""

from __future__ import annotations

import difflib
import textwrap

from ..core.exercise_page import exercise_lines
from ..core.plan import RICH_STYLES
from ..store.routines.catalog import Catalog
from ..store.routines.figures import load_bundled_figures
from .say import error


def exercise_page(catalog: Catalog, exercise_id: str) -> int:
    """Print the exercise `exercise_id` of the library as a page; 1, after naming the closest id, if none has it."""
    exercise = catalog.library.get(exercise_id)
    if exercise is None:
        close = difflib.get_close_matches(exercise_id, list(catalog.library), n=1, cutoff=0.6)
        hint = f'did you mean "{close[0]}"?' if close else "`backfit exercises` lists them."
        error(f'no exercise "{exercise_id}" in the library; {hint}')
        return 1
    from rich.text import Text

    from .console import stdout_console

    figures, problem = load_bundled_figures(catalog.library)
    if problem:
        error(problem)
    console = stdout_console()
    for line in exercise_lines(exercise, figures.get(exercise.id), console.width):
        # Wrapped here rather than by Rich, so a wrapped row stands under its line's text, past its bullet.
        rows = [line.text] if line.style == "figure" else textwrap.wrap(line.text, console.width,
                                                                          subsequent_indent=" " * line.hang)
        for row in rows or [""]:
            console.print(Text(row, style=RICH_STYLES[line.style]), no_wrap=True, crop=False)
    return 0
