"""The summary on its own, over the menu: how a session ended, planned against done, what changed since last time,
its colours in a 16-colour terminal, and its fit from 60×20 to 120×40."""

from __future__ import annotations

import re

import pytest
from rich.color import ColorSystem
from support.fake_clock import FakeClock
from support.tui_helpers import SHORT, make_app
from textual.color import Color
from textual.strip import Strip

from backfit_tui.core.engine import Session, Status
from backfit_tui.core.formatting import NO_BREAK_SPACE
from backfit_tui.core.timeline import PhaseKind
from backfit_tui.store.history.stats import SessionNews
from backfit_tui.store.locations import bundled_routines_dir
from backfit_tui.store.routines.catalog import load_catalog
from backfit_tui.store.routines.routine_files import load_routine
from backfit_tui.tui.screens.summary import SummaryScreen

RED = {1, 9}  # the 16-colour palette's red and bright red: the error colour, whatever the theme
SIZES = [(60, 20), (80, 24), (120, 40)]
NEWS = SessionNews("Since last time: Child's pose 4 s (was 3 s, a new best), 1 more set of Bird dog.",
                   ("That makes 3 sessions this week: the goal is met.",))  # fmt: skip


def ran(path=SHORT, skips: int = 0, leave_after: float | None = None) -> Session:
    """A session of the routine at `path` with its first `skips` sets skipped at once, the rest done in full;
    left after `leave_after` seconds of the clock if given, the set under way kept as far as it went."""
    clock = FakeClock()
    session = Session(load_routine(path, load_catalog().library), clock, get_ready=0)
    session.start()
    for _ in range(skips):
        session.skip()
        while session.phase.kind is not PhaseKind.WORK:
            session.skip()  # past the rest, to the next set
    while session.status is not Status.FINISHED and (leave_after is None or clock.now < 1000 + leave_after):
        clock.advance(0.5)
        session.update()
        if session.counts_reps:
            session.mark_done()
    session.leave()
    return session


async def shown(pilot, session: Session, news: SessionNews | None = NEWS) -> SummaryScreen:
    pilot.app.push_screen(SummaryScreen(session.routine, session.record(), news))
    await pilot.pause()
    return pilot.app.screen


def theme_color(pilot, name: str) -> Color:
    return Color.parse(pilot.app.theme_variables[name])


def text_of(screen: SummaryScreen, selector: str) -> str:
    return str(screen.query_one(selector).render())


def strips(pilot) -> list[Strip]:
    """The screen's rows as the terminal is sent them, the app's filters applied, before colours are fitted to the
    terminal's."""
    return pilot.app.screen._compositor.render_strips()


def rows(pilot) -> list[str]:
    """The screen's text, row by row."""
    return ["".join(segment.text for segment in strip) for strip in strips(pilot)]


def cells(pilot) -> list[list[str]]:
    """The screen's text, row by row, cut into cells where two spaces or more part them."""
    return [re.split(r" {2,}", row.strip()) for row in rows(pilot)]


async def test_a_finished_session_reads_as_a_success_with_each_step_planned_against_done():
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        summary = await shown(pilot, ran())
        title = summary.query_one("#summary-title")
        assert text_of(summary, "#summary-title") == "Well done — Short test routine finished"
        assert title.has_class("well-done") and title.styles.color == theme_color(pilot, "success")
        table = cells(pilot)
        assert ["exercise", "planned", "done"] in table
        for step in (["Child's pose", "2 × 4 s", "2 × 4 s"], ["Cat-cow", "2 breaths", "2 breaths"],
                     ["Seated twist", "2 s each side", "2 s each side"], ["Bird dog", "2 reps each side", "2 reps each side"]):  # fmt: skip
            assert step in table
        assert text_of(summary, "#summary-since") == NEWS.since_last_time
        assert text_of(summary, "#summary-improved") == NEWS.improved[0]


async def test_skipped_sets_are_said_in_words_in_the_warning_colour():
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        await shown(pilot, ran(skips=1))
        assert ["Child's pose", "2 × 4 s", "4 s · 1 set skipped"] in cells(pilot)  # on the step's own row
        skipped = [segment for strip in strips(pilot) for segment in strip if segment.text == "1 set skipped"]
        assert [s.style.color for s in skipped] == [theme_color(pilot, "text-warning").rich_color]


async def test_a_session_left_early_reads_neutrally():
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        summary = await shown(pilot, ran(leave_after=7), news=None)
        title = summary.query_one("#summary-title")
        assert text_of(summary, "#summary-title") == "Left early — Short test routine"
        assert title.styles.color == pilot.app.screen.styles.color  # the text's own colour
        assert not summary.query("#summary-since")  # no history, no news


@pytest.mark.parametrize("session", [{"skips": 3}, {"leave_after": 10}], ids=["finished-with-skips", "left-early"])
async def test_nothing_in_the_summary_is_red_in_a_16_colour_terminal(session):
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        summary = await shown(pilot, ran(**session))
        region = summary.query_one("#summary").region
        reds = [
            (segment.text, color)
            for strip in strips(pilot)[region.y : region.bottom]
            for segment in strip
            for color in (segment.style.color, segment.style.bgcolor)
            if color is not None and color.downgrade(ColorSystem.STANDARD).number in RED
        ]  # fmt: skip
        shown_text = "".join(rows(pilot))
        assert ("skipped" in shown_text or "not reached" in shown_text) and reds == []


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_the_summary_fits_with_its_key_hints_in_view(size):
    session = ran(bundled_routines_dir() / "six-strengtheners.toml", skips=1)
    async with make_app(load_catalog()).run_test(size=size) as pilot:
        await shown(pilot, session)
        screen = rows(pilot)
        assert "Menu" in screen[-1] and "Repeat" in screen[-1]
        assert any("Well done — Six back strengtheners finished" in row for row in screen)
        assert not any(row.rstrip().endswith(("each", "×")) for row in screen)  # no dosage broken over two rows


async def test_left_early_the_summary_shows_every_step_of_the_plan_and_the_set_left_partway():
    async with make_app(load_catalog()).run_test(size=(80, 24)) as pilot:
        await shown(pilot, ran(leave_after=7), news=None)  # set 1 held, the rest, and 1 s of set 2
        table = [[cell.replace(NO_BREAK_SPACE, " ") for cell in row] for row in cells(pilot)]
        assert ["Child's pose", "2 × 4 s", "4 s, 1 of 4 s (partial)"] in table
        assert ["Band pull-apart", "3 reps", "not reached"] in table
        assert ["1 of 6 sets done, 1 partial · active 5 s"] in table


@pytest.mark.parametrize("width", range(50, 81, 2))
async def test_the_goal_line_never_parts_a_duration(width):
    session = ran(bundled_routines_dir() / "six-strengtheners.toml", leave_after=120)
    async with make_app(load_catalog()).run_test(size=(width, 30)) as pilot:
        summary = await shown(pilot, session, news=None)
        region = summary.query_one("#summary-goal").region
        lines = [row.strip() for row in rows(pilot)[region.y : region.bottom]]
        assert "min" in " ".join(lines)
        parted = [(a, b) for a, b in zip(lines, lines[1:]) if re.search(r"\b(min|h|\d)$", a) and re.match(r"\d|s\b|min\b", b)]
        assert parted == []
