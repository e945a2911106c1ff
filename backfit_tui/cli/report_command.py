"""`backfit report`: the history's last weeks as one HTML page, written to a file or to stdout."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..core.formatting import counted
from ..core.weeks import local_day
from ..reports.report_figures import MAX_WEEKS, pain_points, report_figures, window_start
from ..reports.report_page import report_html
from ..store.atomic import NotARegularFile, write_atomically
from ..store.history.stats import pain_ratings
from .history_commands import open_history_to_read
from .say import error, say

DEFAULT_FILE = Path("backfit-report.html")
STDOUT = Path("-")


def weeks_argument(text: str) -> int:
    """`--weeks N`: a whole number of weeks from 1 to MAX_WEEKS, or argparse's usage error saying so."""
    try:
        weeks = int(text)
    except ValueError:
        weeks = 0
    if not 1 <= weeks <= MAX_WEEKS:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of weeks from 1 to {MAX_WEEKS}")
    return weeks


def report(weeks: int, destination: Path | None) -> int:
    """Write the page of the last `weeks` weeks to `destination`: a file (replaced if it is one), into a folder as
    DEFAULT_FILE, or to stdout for `-`; with no destination, to DEFAULT_FILE in the current folder. Anything else
    than a file (a pipe, a device) is left as it is, and said."""
    today = local_day(time.time(), None)
    store, since = open_history_to_read(), window_start(today, weeks, None)
    ratings = pain_ratings(store, None, since)
    figures = report_figures(store.sessions(since=since), today, weeks, None)
    page = report_html(figures, pain_points(ratings, today, weeks))
    if destination == STDOUT:
        sys.stdout.write(page)
        return 0
    destination = destination or DEFAULT_FILE
    target = destination / DEFAULT_FILE if destination.is_dir() else destination
    if not target.parent.exists():
        error(f"cannot write {target}: the folder {target.parent} does not exist;"
              " create it first or choose another path")  # fmt: skip
        return 1
    try:
        written = write_atomically(target, page)
    except NotARegularFile as err:
        redirect = f"backfit report --weeks {weeks} - > FILE"
        error(f"cannot write {target}: {err.strerror}", f"choose a file's path, or write to stdout: {redirect}")
        return 1
    except OSError as err:  # a read-only folder, a full disk
        error(f"cannot write {target}: {err.strerror or err}")
        return 1
    through = "" if written == target else f" (the file it links to, {written})"
    say(f"Wrote the last {counted(weeks, 'week')} to {target}{through}: open it in a browser, or print it.")
    return 0
