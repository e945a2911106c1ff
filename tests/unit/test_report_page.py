"""The report page: its figures from a real history, its weeks, an empty history, and hostile names shown literally."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from html.parser import HTMLParser

import pytest
from support.report_helpers import hold, keep, reps_each_side, weeks_of_sessions

from backfit_tui.core.wording import SAFETY_NOTE
from backfit_tui.reports.report_figures import pain_points, report_figures, window_start
from backfit_tui.reports.report_page import NO_RATINGS, report_html
from backfit_tui.store.history.store import HistoryStore

TODAY = date(2026, 5, 27)  # a Wednesday


@pytest.fixture
def store(tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    yield store
    store.close()


def figures_of(store, weeks=12, today=TODAY):
    return report_figures(store.sessions(since=window_start(today, weeks, None)), today, weeks, None)


def test_twelve_weeks_count_the_sessions_done_each_week_and_the_routines(store):
    weeks_of_sessions(store, TODAY, 12)
    figures = figures_of(store)
    assert figures.first_week == date(2026, 3, 9)
    assert [monday for monday, _ in figures.weeks] == [date(2026, 3, 9) + timedelta(weeks=n) for n in range(12)]
    # a desk break every Monday; the floor routine on Thursdays, left early every third week; this week's is to come
    assert [count for _, count in figures.weeks] == [2, 2, 1, 2, 2, 1, 2, 2, 1, 2, 2, 1]
    assert figures.not_counted == 3
    assert [(r.name, r.sessions, r.weeks, r.last) for r in figures.routines] == [
        ("Desk break", 12, 12, date(2026, 5, 25)), ("Floor stretch", 8, 8, date(2026, 5, 21))
    ]


def test_each_exercise_shows_its_sets_done_and_its_first_and_latest_sessions(store):
    weeks_of_sessions(store, TODAY, 12)
    bird_dog, plank = figures_of(store).exercises
    assert (plank.name, plank.unit, plank.sets_done, plank.first, plank.latest, plank.best) == (
        "Plank", "seconds", 12 * 2 + 8, "2 × 20 s", "2 × 42 s", 42
    )
    assert plank.trend[:3] == (20, 20, 22)  # the Monday's and Thursday's sessions of each week
    assert (bird_dog.sets_done, bird_dog.first, bird_dog.latest, bird_dog.best) == (16, "2 × 6 each side",
                                                                                   "2 × 9 each side", 9)


def test_a_set_with_one_side_skipped_is_no_set_done_as_the_summary_counts_it(store):
    left, right = reps_each_side(8, 1)
    keep(store, datetime(2026, 5, 25, 9), ("r", "R"), [left, replace(right, skipped=True, achieved=0.0), *reps_each_side(9, 2)])
    bird_dog = next(e for e in figures_of(store).exercises if e.name == "Bird dog")
    assert (bird_dog.sets_done, bird_dog.latest) == (1, "9 reps each side")


def test_a_set_skipped_or_left_partway_is_no_set_done_and_the_lesser_side_is_what_each_side_did(store):
    left, right = reps_each_side(8, 1)
    partial = replace(hold(12, 2), partial=True)
    sets = [hold(30, 1), hold(30, 3, skipped=True), partial, left, replace(right, achieved=6)]
    keep(store, datetime(2026, 5, 25, 9), ("r", "R"), sets)
    plank = next(e for e in figures_of(store).exercises if e.name == "Plank")
    bird_dog = next(e for e in figures_of(store).exercises if e.name == "Bird dog")
    assert (plank.sets_done, plank.latest) == (1, "30 s")
    assert (bird_dog.sets_done, bird_dog.latest, bird_dog.best) == (1, "6 reps each side", 8)


@pytest.mark.parametrize("weeks", [1, 4, 104])
def test_the_report_covers_exactly_its_weeks(store, weeks):
    weeks_of_sessions(store, TODAY, 110)
    figures = figures_of(store, weeks)
    assert len(figures.weeks) == weeks and figures.weeks[-1][0] == date(2026, 5, 25)
    assert figures.first_week == date(2026, 5, 25) - timedelta(weeks=weeks - 1)
    assert sum(r.sessions for r in figures.routines) == sum(count for _, count in figures.weeks)
    page = report_html(figures, [])
    assert f"{weeks} week" in page and page.count('class="bar"') == weeks


def test_a_session_before_the_first_week_is_left_out(store):
    keep(store, datetime(2026, 5, 17, 23, 59), ("old", "Old routine"), [hold(30, 1)])  # the Sunday before
    keep(store, datetime(2026, 5, 18, 0, 1), ("new", "New routine"), [hold(30, 1)])
    assert [r.name for r in figures_of(store, weeks=2).routines] == ["New routine"]


def test_an_empty_history_says_so_in_each_section(store):
    page = report_html(figures_of(store), pain_points([], TODAY, 12))
    assert "0 sessions done" in page
    assert "No routine done in these weeks." in page
    assert "No set done in these weeks." in page
    assert NO_RATINGS in page and "pain-chart" not in page
    assert SAFETY_NOTE in page


def test_the_ratings_are_drawn_once_there_are_some(store):
    weeks_of_sessions(store, TODAY, 12)
    figures = figures_of(store)
    pain = [(monday, 5 - n / 3) for n, (monday, _) in enumerate(figures.weeks)]
    page = report_html(figures, pain)
    assert NO_RATINGS not in page and page.count('class="pain-point"') == 12
    assert NO_RATINGS in report_html(figures, [(monday, None) for monday, _ in figures.weeks])


def test_the_page_loads_nothing_from_anywhere(store):
    weeks_of_sessions(store, TODAY, 12)
    page = report_html(figures_of(store), [])
    assert not re.search(r"<(script|link|img|iframe|object)\b|\bsrc=|\bhref=|url\(|@import", page)


HOSTILE_NAMES = {
    "<script>document.title='pwned'</script>": "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;",
    '"><img src=x onerror=alert(1)>': "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
    "Red \x1b[31m alert \u202e": r"Red \x1b[31m alert \u202e",
    "Fish &amp; chips": "Fish &amp;amp; chips",
}


class Elements(HTMLParser):
    """Every element's tag and its text, as a browser's parser reads the page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_hostile_routine_or_exercise_name_is_shown_literally_and_never_read_as_html(store, name):
    keep(store, datetime(2026, 5, 25, 9), ("evil", name), [replace(hold(30, 1), exercise_name=name)])
    page = report_html(figures_of(store), [])
    assert page.count(HOSTILE_NAMES[name]) >= 2  # the routine's row and the exercise's
    elements = Elements()
    elements.feed(page)
    assert not {"script", "img"} & set(elements.tags)
    assert "\x1b" not in page and "\u202e" not in page
