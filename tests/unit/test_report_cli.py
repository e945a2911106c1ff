"""`backfit report`: the page written to a file, a folder or stdout, its weeks, and what it will not write over."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from support.cli_helpers import backfit
from support.report_helpers import hold, keep, weeks_of_sessions

from backfit_tui.reports.report_page import NO_RATINGS
from backfit_tui.store.history.store import HistoryStore


@pytest.fixture
def history(data_dir):
    """Fourteen weeks of sessions up to today: more than the report shows by default."""
    store = HistoryStore(data_dir / "history.sqlite3")
    weeks_of_sessions(store, date.today(), 14)
    store.close()


@pytest.fixture
def here(tmp_path, monkeypatch):
    folder = tmp_path / "here"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def test_the_report_goes_to_backfit_report_html_in_the_current_folder(history, here, capsys):
    status, out, err = backfit(capsys, "report")
    assert status == 0 and err == ""
    assert out == "Wrote the last 12 weeks to backfit-report.html: open it in a browser, or print it.\n"
    page = (here / "backfit-report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count('class="bar"') == 12
    assert "Desk break" in page and "Floor stretch" in page and NO_RATINGS in page


def test_the_backs_ratings_in_the_history_are_the_charts_weekly_medians(data_dir, here, capsys):
    store = HistoryStore(data_dir / "history.sqlite3")
    monday = date.today() - timedelta(days=date.today().weekday())
    for days_ago, rating in ((7, 6), (7, 2), (0, 3)):  # last week's two sessions, and one this week
        session = keep(store, datetime.combine(monday - timedelta(days=days_ago), datetime.min.time()).replace(hour=9),
                       ("r", "R"), [hold(30, 1)])  # fmt: skip
        store.rate_after(session, rating)
    store.close()
    status, out, _ = backfit(capsys, "report", "--weeks", "4", "-")
    drawn = re.findall(r'class="pain-point" data-week="([0-9-]+)" data-pain="([0-9.]+)"', out)
    assert status == 0 and NO_RATINGS not in out
    assert drawn == [((monday - timedelta(weeks=1)).isoformat(), "4"), (monday.isoformat(), "3")]


def test_a_dash_writes_the_page_to_stdout_and_no_file(history, here, capsys):
    status, out, _ = backfit(capsys, "report", "--weeks", "4", "-")
    assert status == 0 and out.startswith("<!DOCTYPE html>") and out.count('class="bar"') == 4
    assert list(here.iterdir()) == []


def test_a_folder_gets_the_page_under_its_default_name_and_a_file_is_replaced(history, here, capsys):
    (here / "out").mkdir()
    assert backfit(capsys, "report", "out")[0] == 0
    assert (here / "out" / "backfit-report.html").stat().st_size > 1000
    old = here / "old.html"
    old.write_text("an older report")
    os.chmod(old, 0o600)
    assert backfit(capsys, "report", "--weeks", "1", "old.html")[0] == 0
    assert old.read_text().count('class="bar"') == 1 and (old.stat().st_mode & 0o777) == 0o600


@pytest.mark.parametrize("weeks", ["1", "104"])
def test_weeks_from_one_to_a_hundred_and_four(history, here, capsys, weeks):
    status, out, _ = backfit(capsys, "report", "--weeks", weeks, "-")
    assert status == 0 and out.count('class="bar"') == int(weeks)


@pytest.mark.parametrize("weeks", ["0", "105", "-3", "twelve", "1.5", ""])
def test_other_weeks_are_a_usage_error_that_says_what_is_allowed(here, capsys, weeks):
    with pytest.raises(SystemExit) as stop:
        backfit(capsys, "report", "--weeks", weeks)
    assert stop.value.code == 2
    assert f"argument --weeks: '{weeks}' is not a number of weeks from 1 to 104" in capsys.readouterr().err
    assert list(here.iterdir()) == []


def test_a_named_pipe_is_not_written_to_and_left_as_it_is(here, capsys):
    os.mkfifo(here / "pipe")
    status, _, err = backfit(capsys, "report", "pipe")
    assert status == 1
    assert err == ("backfit: cannot write pipe: it is a named pipe (FIFO), not a file\n"
                   "choose a file's path, or write to stdout: backfit report --weeks 12 - > FILE\n")  # fmt: skip
    assert [path.name for path in here.iterdir()] == ["pipe"]


def test_a_device_is_not_written_to(capsys):
    status, _, err = backfit(capsys, "report", "/dev/null")
    assert status == 1 and "cannot write /dev/null: it is a character device, not a file" in err


def test_a_folder_that_is_not_there_is_said(here, capsys):
    status, _, err = backfit(capsys, "report", "nowhere/report.html")
    assert status == 1
    assert err == "backfit: cannot write nowhere/report.html: the folder nowhere does not exist; create it first" \
        " or choose another path\n"


def test_without_a_history_the_page_says_nothing_was_done_and_no_history_is_made(data_dir, here, capsys):
    status, out, _ = backfit(capsys, "report", "-")
    assert status == 0 and "0 sessions done" in out and NO_RATINGS in out
    assert not (data_dir / "history.sqlite3").exists()


def test_a_hostile_name_from_the_history_reaches_the_page_escaped(data_dir, here, capsys):
    store = HistoryStore(data_dir / "history.sqlite3")
    yesterday = datetime.combine(date.today() - timedelta(days=1), datetime.min.time()).replace(hour=9)
    keep(store, yesterday, ("evil", "<b>Evil</b>\x1b[2J"), [replace(hold(30, 1), exercise_name="<i>x</i>")])
    store.close()
    out = backfit(capsys, "report", "-")[1]
    assert r"&lt;b&gt;Evil&lt;/b&gt;\x1b[2J" in out and "&lt;i&gt;x&lt;/i&gt;" in out
    assert "<b>" not in out and "<i>" not in out and "\x1b" not in out


def test_a_damaged_history_is_a_clear_error_and_no_page(data_dir, here, capsys):
    (data_dir / "history.sqlite3").write_text("garbage " * 200)
    status, _, err = backfit(capsys, "report")
    assert status == 1 and "history.sqlite3 cannot be used as the history" in err
    assert list(here.iterdir()) == []
