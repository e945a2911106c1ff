"""`backfit report`'s page in a real browser, headless Chromium: it renders without an error, loads nothing from
anywhere, shows hostile names as text, draws the ratings where they belong, and prints on at most two A4 pages."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from support.history_helpers import routine_done_as_planned
from support.report_helpers import hold, keep, weeks_of_sessions

from backfit_tui.cli import command as cli
from backfit_tui.reports.report_figures import report_figures, window_start
from backfit_tui.reports.report_page import report_html
from backfit_tui.store.history.store import HistoryStore
from backfit_tui.store.routines.catalog import load_catalog

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
A4_PAGE = re.compile(rb"/Type\s*/Page(?!s)")
HOSTILE = "<img src=x onerror=alert(1)> \x1b[31m"


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (the test extra has it)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)  # the system's: playwright downloads none
        yield browser
        browser.close()


class Opened:
    """A page opened in the browser, with every console error, script error and request it made."""

    def __init__(self, browser, path) -> None:
        self.page = browser.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.url = path.as_uri()
        self.page.goto(self.url)

    def printed_pages(self) -> int:
        return len(A4_PAGE.findall(self.page.pdf(format="A4", prefer_css_page_size=True)))


def history_up_to_today(data_dir, weeks: int) -> None:
    store = HistoryStore(data_dir / "history.sqlite3")
    weeks_of_sessions(store, date.today(), weeks)
    yesterday = datetime.combine(date.today() - timedelta(days=1), datetime.min.time()).replace(hour=9)
    keep(store, yesterday, ("evil", HOSTILE), [replace(hold(30, 1), exercise_name=HOSTILE)])
    store.close()


@pytest.mark.parametrize("weeks", [12, 104])
def test_the_page_backfit_report_writes_renders_cleanly_and_prints_on_two_a4_pages_at_most(
    browser, data_dir, tmp_path, capsys, weeks
):
    history_up_to_today(data_dir, weeks)
    written = tmp_path / "report.html"
    assert cli.main(["report", "--weeks", str(weeks), str(written)]) == 0
    opened = Opened(browser, written)
    page = opened.page
    assert opened.errors == []
    assert opened.requests == [opened.url]  # nothing from anywhere else: no style, font, image or script
    assert page.locator("h2").all_inner_texts() == ["Routines done per week", "Sets and holds per exercise",
                                                    "How the back felt", "Safety"]  # fmt: skip
    assert page.locator("rect.bar").count() == weeks
    assert page.locator("#no-ratings").is_visible()
    routines = page.locator("#routines td:first-child").all_text_contents()
    assert sorted(routines) == sorted(["Desk break", "Floor stretch", r"<img src=x onerror=alert(1)> \x1b[31m"])
    assert page.locator("img, script").count() == 0
    assert 1 <= opened.printed_pages() <= 2


def test_the_charts_points_in_the_rendered_page_are_the_ratings_given(browser, tmp_path):
    store = HistoryStore(tmp_path / "history.sqlite3")
    today = date(2026, 5, 27)
    weeks_of_sessions(store, today, 12)
    figures = report_figures(store.sessions(since=window_start(today, 12, None)), today, 12, None)
    ratings = [6, 5.5, 6, None, 4, 4.5, 3, 3, 3.5, 2, 0, 10]
    written = tmp_path / "report.html"
    written.write_text(report_html(figures, [(monday, r) for (monday, _), r in zip(figures.weeks, ratings)]))
    opened = Opened(browser, written)
    assert opened.errors == []
    drawn = opened.page.evaluate("""() => {
        const middle = (element) => { const box = element.getBoundingClientRect(); return [box.x + box.width / 2,
                                                                                            box.y + box.height / 2]; };
        const scale = (rating) => middle(document.querySelector(`.pain-chart line[data-rating="${rating}"]`))[1];
        return {none: scale(0), worst: scale(10), points: [...document.querySelectorAll(".pain-point")].map(
            (point) => [point.dataset.week, ...middle(point)])};
    }""")
    rated = [(monday.isoformat(), r) for (monday, _), r in zip(figures.weeks, ratings) if r is not None]
    assert [week for week, _, _ in drawn["points"]] == [week for week, _ in rated]
    read_back = [10 * (drawn["none"] - y) / (drawn["none"] - drawn["worst"]) for _, _, y in drawn["points"]]
    assert read_back == pytest.approx([r for _, r in rated], abs=0.05)
    xs = [x for _, x, _ in drawn["points"]]
    assert xs == sorted(xs)
    assert opened.page.locator(".pain-point title").first.text_content() == f"Week of {figures.weeks[0][0].day}" \
        f" {figures.weeks[0][0]:%b}: 6"


def test_the_fullest_page_still_prints_on_two_a4_pages(browser, tmp_path):
    """Every bundled routine (and so nearly every exercise of the library) done twice a week for two years,
    every week rated."""
    store = HistoryStore(tmp_path / "history.sqlite3")
    today = date(2026, 5, 27)
    first = datetime(2024, 6, 10, 7)
    routines = [entry.routine for entry in load_catalog().entries if entry.routine is not None]
    for day in range(0, 104 * 7, 3):
        routine = routines[day % len(routines)]
        keep(store, first + timedelta(days=day), (routine.id, routine.name), routine_done_as_planned(routine))
    figures = report_figures(store.sessions(), today, 104, None)
    assert len(figures.routines) == len(routines) and len(figures.exercises) >= 20
    written = tmp_path / "report.html"
    written.write_text(report_html(figures, [(monday, (n % 11) * 1.0) for n, (monday, _) in enumerate(figures.weeks)]))
    opened = Opened(browser, written)
    assert opened.errors == []
    assert opened.printed_pages() <= 2
