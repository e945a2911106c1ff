"""The report's charts as SVG: the pain trend's points, gaps and scale; the weeks' bars; an exercise's trend."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from backfit_tui.reports.svg_charts import pain_chart_svg, pain_y, trend_svg, weeks_chart_svg

SVG = "{http://www.w3.org/2000/svg}"
MONDAY = date(2026, 3, 2)


def weekly(*values):
    return [(MONDAY + timedelta(weeks=n), value) for n, value in enumerate(values)]


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # well-formed XML, as inline SVG in any browser


def test_each_rated_week_is_a_point_at_its_rating_and_says_it():
    chart = parsed(pain_chart_svg(weekly(6, 4.5, 0, 10)))
    points = chart.findall(f"{SVG}circle")
    assert [(p.get("data-week"), p.get("data-pain")) for p in points] == [
        ("2026-03-02", "6"), ("2026-03-09", "4.5"), ("2026-03-16", "0"), ("2026-03-23", "10")
    ]
    assert [float(p.get("cy")) for p in points] == [pain_y(6), pain_y(4.5), pain_y(0), pain_y(10)]
    assert [p.find(f"{SVG}title").text for p in points][1] == "Week of 9 Mar: 4.5"
    xs = [float(p.get("cx")) for p in points]
    assert xs == sorted(xs) and len(set(xs)) == 4


def test_a_higher_rating_is_higher_on_the_chart_and_the_scale_marks_0_5_and_10():
    assert pain_y(10) < pain_y(5) < pain_y(0)
    chart = parsed(pain_chart_svg(weekly(3)))
    grid = {line.get("data-rating"): float(line.get("y1")) for line in chart.findall(f"{SVG}line")}
    assert grid == {"0": pain_y(0), "5": pain_y(5), "10": pain_y(10)}


def test_a_week_without_a_rating_leaves_a_gap_in_the_line():
    chart = parsed(pain_chart_svg(weekly(6, 5, None, 3, 2, None, 1)))
    lines = [line.get("points").split() for line in chart.findall(f"{SVG}polyline")]
    assert [len(points) for points in lines] == [2, 2]  # the lone last week is a point, with no line
    assert len(chart.findall(f"{SVG}circle")) == 5


def test_twelve_weeks_name_every_other_monday_under_the_chart_and_the_last():
    labels = [t.text for t in parsed(pain_chart_svg(weekly(*[5] * 12))).findall(f"{SVG}text")][3:]
    assert labels == ["2 Mar", "16 Mar", "30 Mar", "13 Apr", "27 Apr", "18 May"]


TEXT_WIDTH = 7  # the most a character of the charts' 11 px labels takes, in the chart's units


def extent(label: ET.Element) -> tuple[float, float]:
    """Where a label's text begins and ends along the chart."""
    x, width = float(label.get("x")), len(label.text) * TEXT_WIDTH
    return {"start": (x, x + width), "middle": (x - width / 2, x + width / 2), "end": (x - width, x)}[
        label.get("text-anchor")]


@given(st.integers(1, 104), st.sampled_from([pain_chart_svg, weeks_chart_svg]))
def test_the_dates_under_a_chart_name_its_first_and_last_weeks_never_overlap_and_stay_inside(weeks, chart):
    svg = parsed(chart(weekly(*[5] * weeks)))
    labels = [t for t in svg.findall(f"{SVG}text") if t.get("class") == "axis" and " " in t.text]
    last = MONDAY + timedelta(weeks=weeks - 1)
    assert labels[0].text == "2 Mar" and labels[-1].text == f"{last.day} {last:%b}"
    extents = [extent(label) for label in labels]
    assert all(end + 4 <= begin for (_, end), (begin, _) in zip(extents, extents[1:]))
    assert extents[0][0] >= 0 and extents[-1][1] <= float(svg.get("viewBox").split()[2])


@given(st.lists(st.one_of(st.none(), st.integers(0, 20).map(lambda n: n / 2)), min_size=1, max_size=104))
def test_every_rating_is_drawn_inside_the_chart(values):
    chart = parsed(pain_chart_svg(weekly(*values)))
    _, _, width, height = map(float, chart.get("viewBox").split())
    for point in chart.findall(f"{SVG}circle"):
        assert 0 < float(point.get("cx")) < width and 0 < float(point.get("cy")) < height
    assert len(chart.findall(f"{SVG}circle")) == sum(v is not None for v in values)


def test_the_weeks_bars_are_as_tall_as_their_sessions_and_an_empty_week_has_no_count():
    chart = parsed(weeks_chart_svg(weekly(2, 0, 4)))
    bars = chart.findall(f"{SVG}rect")
    heights = [float(bar.get("height")) for bar in bars]
    assert heights[0] * 2 == heights[2] and heights[1] == 0
    assert [bar.get("data-sessions") for bar in bars] == ["2", "0", "4"]
    counts = [t.text for t in chart.findall(f"{SVG}text") if t.get("class") == "count"]
    assert counts == ["2", "4"]


def test_over_26_weeks_the_bars_say_their_counts_in_a_tooltip_only():
    chart = parsed(weeks_chart_svg(weekly(*[3] * 27)))
    assert [t for t in chart.findall(f"{SVG}text") if t.get("class") == "count"] == []
    assert chart.find(f"{SVG}rect").find(f"{SVG}title").text == "Week of 2 Mar: 3"


def test_weeks_without_any_session_draw_flat_bars():
    bars = parsed(weeks_chart_svg(weekly(0, 0))).findall(f"{SVG}rect")
    assert [float(bar.get("height")) for bar in bars] == [0, 0]


def test_a_trend_rises_with_its_values_and_its_label_is_escaped():
    svg = trend_svg([20, 25, 30], 'Plank "<b>"')
    ys = [float(y) for y in re.findall(r",([\d.]+)", parsed(svg).find(f"{SVG}polyline").get("points"))]
    assert ys[0] > ys[1] > ys[2]
    assert 'aria-label="Plank &quot;&lt;b&gt;&quot;"' in svg
    assert trend_svg([], "nothing") == ""
    assert parsed(trend_svg([30], "one")).find(f"{SVG}circle") is not None
