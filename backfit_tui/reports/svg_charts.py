"""Charts drawn as inline SVG for the report page: the pain trend, sessions per week, an exercise's trend.

Each is a pure function of plain values that returns SVG text, so the page stays one self-contained file
that reads offline and prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

PAIN_WIDTH, PAIN_HEIGHT = 640, 150
PAIN_TOP, PAIN_BOTTOM = 10, 120  # the y of a rating of 10, and of 0
PAIN_LEFT, PAIN_RIGHT = 36, 612  # the x of the first week's point, and of the last
PAIN_SCALE = (0, 5, 10)  # the ratings the chart marks with a line
WEEKS_WIDTH, WEEKS_HEIGHT = 640, 110
WEEKS_TOP, WEEKS_BOTTOM = 16, 84  # the y of the tallest bar's top, and of the bars' feet
COUNTED_BARS = 26  # at most, for each bar's count to fit over it; more say theirs in a tooltip only
DATE_LABELS = 6  # at most, under a chart, so that they never overlap
TREND_WIDTH, TREND_HEIGHT = 90, 18


def day_label(day: date) -> str:
    """`4 May`: a week's Monday under a chart."""
    return f"{day.day} {day:%b}"


def _xs(count: int, left: float, right: float) -> list[float]:
    """`count` x positions spread evenly from `left` to `right` (one alone in the middle)."""
    if count == 1:
        return [(left + right) / 2]
    step = (right - left) / (count - 1)
    return [round(left + n * step, 1) for n in range(count)]


def _labelled(count: int) -> set[int]:
    """Which of `count` weeks get a date under the chart: the first, the last, and evenly between, none too near
    the last."""
    every = max(1, -(-count // DATE_LABELS))
    return {n for n in range(0, count, every) if count - 1 - n >= every} | {count - 1}


def _date_labels(days: Sequence[date], xs: Sequence[float], y: float) -> list[str]:
    """The dates under a chart, the first starting at its week and the last ending at its week, inside the chart."""
    shown = _labelled(len(days))
    last = len(days) - 1
    anchors = {0: "start", last: "end"} if last else {}
    return [
        f'<text x="{x}" y="{y}" text-anchor="{anchors.get(n, "middle")}" class="axis">{day_label(day)}</text>'
        for n, (day, x) in enumerate(zip(days, xs))
        if n in shown
    ]


def pain_y(rating: float) -> float:
    """The y of a rating from 0 (no pain) to 10 (worst) on the pain chart."""
    return round(PAIN_BOTTOM - rating / 10 * (PAIN_BOTTOM - PAIN_TOP), 1)


def pain_chart_svg(points: Sequence[tuple[date, float | None]]) -> str:
    """The weekly pain ratings, oldest week first, as a line over a 0 to 10 scale; a week without a rating
    (None) leaves a gap in the line. Each point carries its week and rating (`data-week`, `data-pain`) and says
    them as a tooltip."""
    xs = _xs(len(points), PAIN_LEFT, PAIN_RIGHT)
    radius = round(min(4, (PAIN_RIGHT - PAIN_LEFT) / len(points) / 2.5), 1)  # points that never overlap
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart pain-chart" viewBox="0 0 {PAIN_WIDTH} {PAIN_HEIGHT}"'
        ' role="img" aria-label="Pain after sessions, weekly median, 0 = no pain, 10 = worst">'
    ]
    for rating in PAIN_SCALE:
        y = pain_y(rating)
        parts.append(f'<line class="grid" data-rating="{rating}" x1="{PAIN_LEFT - 6}" y1="{y}" x2="{PAIN_RIGHT}"'
                     f' y2="{y}"/>')  # fmt: skip
        parts.append(f'<text x="{PAIN_LEFT - 10}" y="{y + 4}" text-anchor="end" class="axis">{rating}</text>')
    for run in _runs([(x, value) for x, (_, value) in zip(xs, points)]):
        if len(run) > 1:
            line = " ".join(f"{x},{pain_y(value)}" for x, value in run)
            parts.append(f'<polyline class="pain-line" points="{line}"/>')
    for x, (week, value) in zip(xs, points):
        if value is not None:
            parts.append(f'<circle class="pain-point" data-week="{week.isoformat()}" data-pain="{value:g}" cx="{x}"'
                         f' cy="{pain_y(value)}" r="{radius}"><title>Week of {day_label(week)}: {value:g}</title>'
                         "</circle>")  # fmt: skip
    parts += _date_labels([week for week, _ in points], xs, PAIN_HEIGHT - 8)
    parts.append("</svg>")
    return "".join(parts)


def _runs(points: Sequence[tuple[float, float | None]]) -> list[list[tuple[float, float]]]:
    """The points in runs of weeks that all have a value, split where one has none."""
    runs: list[list[tuple[float, float]]] = [[]]
    for x, value in points:
        if value is None:
            runs.append([])
        else:
            runs[-1].append((x, value))
    return [run for run in runs if run]


def weeks_chart_svg(weeks: Sequence[tuple[date, int]]) -> str:
    """Sessions per week as bars, oldest week first, each bar's count over it (none over an empty week)."""
    slot = (WEEKS_WIDTH - 20) / max(len(weeks), 1)
    xs = _xs(len(weeks), 10 + slot / 2, WEEKS_WIDTH - 10 - slot / 2)
    tallest = max((count for _, count in weeks), default=0) or 1
    width = round(max(slot * 0.7, 1), 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart weeks-chart" viewBox="0 0 {WEEKS_WIDTH} {WEEKS_HEIGHT}"'
        ' role="img" aria-label="Sessions per week">',
        f'<line class="grid" x1="10" y1="{WEEKS_BOTTOM}" x2="{WEEKS_WIDTH - 10}" y2="{WEEKS_BOTTOM}"/>',
    ]
    for x, (week, count) in zip(xs, weeks):
        height = round(count / tallest * (WEEKS_BOTTOM - WEEKS_TOP), 1)
        top = WEEKS_BOTTOM - height
        parts.append(f'<rect class="bar" data-week="{week.isoformat()}" data-sessions="{count}" x="{x - width / 2:.1f}"'
                     f' y="{top}" width="{width}" height="{height}"><title>Week of {day_label(week)}: {count}'
                     "</title></rect>")  # fmt: skip
        if count and len(weeks) <= COUNTED_BARS:
            parts.append(f'<text x="{x}" y="{top - 3}" text-anchor="middle" class="count">{count}</text>')
    parts += _date_labels([week for week, _ in weeks], xs, WEEKS_HEIGHT - 8)
    parts.append("</svg>")
    return "".join(parts)


def trend_svg(values: Sequence[float], label: str) -> str:
    """A small line of `values`, oldest first, lowest at the foot; the last one marked; `label` says what it is."""
    if not values:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or 1
    xs = _xs(len(values), 4, TREND_WIDTH - 4)
    ys = [round(TREND_HEIGHT - 3 - (v - low) / span * (TREND_HEIGHT - 6), 1) for v in values]
    line = " ".join(f"{x},{y}" for x, y in zip(xs, ys))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="trend" viewBox="0 0 {TREND_WIDTH} {TREND_HEIGHT}"'
        f' width="{TREND_WIDTH}" height="{TREND_HEIGHT}" role="img" aria-label="{escape(label)}">'
        f'<polyline points="{line}"/><circle cx="{xs[-1]}" cy="{ys[-1]}" r="2.5"/></svg>'
    )
