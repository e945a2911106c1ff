"""`backfit report`'s page: one self-contained HTML file to show a health professional.

Everything is inline (the style, the charts as SVG): the page reads offline, loads nothing, and prints on one or
two A4 pages. Every name comes from a routine file or the history, so it is untrusted: each is shown literally
(`core.formatting.literal`) and escaped for HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from ..core.formatting import counted, literal
from ..core.outcome import amount
from ..core.wording import SAFETY_NOTE
from .report_figures import ReportFigures
from .svg_charts import pain_chart_svg, trend_svg, weeks_chart_svg

NO_RATINGS = "No ratings yet: backfit asks how your back is after each session."
STYLE = """
:root { color-scheme: light; }
body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; margin: 2em auto;
       max-width: 46em; padding: 0 1em; }
h1 { font-size: 1.5em; margin: 0; }
h2 { font-size: 1.1em; margin: 1.4em 0 0.4em; border-bottom: 1px solid #ccc; }
.period { color: #555; margin: 0.2em 0 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.15em 0.6em 0.15em 0; vertical-align: middle; }
th { font-weight: 600; border-bottom: 1px solid #999; }
td.n, th.n { text-align: right; }
tbody tr:nth-child(even) { background: #f4f4f4; }
.chart { width: 100%; height: auto; display: block; }
.chart .grid { stroke: #bbb; stroke-width: 1; }
.chart .axis, .chart .count { font-size: 11px; fill: #555; }
.bar { fill: #3a7d44; }
.pain-line { fill: none; stroke: #b5452b; stroke-width: 2; }
.pain-point { fill: #b5452b; }
.trend polyline { fill: none; stroke: #3a7d44; stroke-width: 1.5; }
.trend circle { fill: #3a7d44; }
.note, .empty { color: #555; }
.safety { border-left: 4px solid #b5452b; padding: 0.3em 0.8em; background: #fbf1ee; }
section { break-inside: avoid; }
@page { size: A4; margin: 14mm; }
@media print {
  body { font-size: 9pt; line-height: 1.3; margin: 0; max-width: none; padding: 0; }
  h2 { margin: 0.8em 0 0.3em; }
  th, td { padding-top: 0; padding-bottom: 0; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
"""


def text(value: str) -> str:
    """Untrusted text (a routine's or an exercise's name) as HTML that shows it literally."""
    return escape(literal(value))


def long_date(day: date) -> str:
    """`4 May 2026`."""
    return f"{day.day} {day:%B %Y}"


def report_html(figures: ReportFigures, pain: Sequence[tuple[date, float | None]]) -> str:
    """The whole page: the weeks' sessions, the routines done, each exercise's progress, the weekly pain ratings
    (`pain`, oldest week first; "No ratings yet" when none has a value) and the safety note."""
    weeks = len(figures.weeks)
    period = f"{counted(weeks, 'week')}, {long_date(figures.first_week)} to {long_date(figures.today)}"
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>backfit report: {period}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header><h1>backfit: back exercises done</h1>",
        f'<p class="period">{period}</p></header>',
        _sessions_section(figures),
        _exercises_section(figures),
        _pain_section(pain),
        f'<section id="safety"><h2>Safety</h2><p class="safety">{escape(SAFETY_NOTE)}</p></section>',
        "</body>",
        "</html>",
        "",
    ])  # fmt: skip


def _sessions_section(figures: ReportFigures) -> str:
    total = sum(count for _, count in figures.weeks)
    left = f", and {counted(figures.not_counted, 'session')} not counted" if figures.not_counted else ""
    parts = [
        '<section id="weeks"><h2>Routines done per week</h2>',
        f'<p class="note">{counted(total, "session")} done{left}: a session counts as done when at least half of its'
        " planned active time was.</p>",
        weeks_chart_svg(figures.weeks),
    ]
    if figures.routines:
        parts.append('<table id="routines"><thead><tr><th>Routine</th><th class="n">Sessions</th>'
                     '<th class="n">Weeks</th><th>Last done</th></tr></thead><tbody>')  # fmt: skip
        parts += [
            f'<tr><td>{text(r.name)}</td><td class="n">{r.sessions}</td><td class="n">{r.weeks}</td>'
            f"<td>{long_date(r.last)}</td></tr>"
            for r in figures.routines
        ]
        parts.append("</tbody></table>")
    else:
        parts.append('<p class="empty">No routine done in these weeks.</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _exercises_section(figures: ReportFigures) -> str:
    parts = ['<section id="exercises"><h2>Sets and holds per exercise</h2>']
    if not figures.exercises:
        parts.append('<p class="empty">No set done in these weeks.</p></section>')
        return "\n".join(parts)
    parts.append('<table><thead><tr><th>Exercise</th><th class="n">Sets done</th><th>First session</th>'
                 "<th>Latest session</th><th>Best</th><th>Each session's best</th></tr></thead><tbody>")  # fmt: skip
    for e in figures.exercises:
        best = amount(e.best, e.unit)
        parts.append(
            f'<tr><td>{text(e.name)}</td><td class="n">{e.sets_done}</td><td>{e.first}</td><td>{e.latest}</td>'
            f"<td>{best}</td><td>{trend_svg(e.trend, f'{literal(e.name)}: each session best, oldest first')}</td></tr>"
        )
    parts.append("</tbody></table></section>")
    return "\n".join(parts)


def _pain_section(pain: Sequence[tuple[date, float | None]]) -> str:
    rated = any(value is not None for _, value in pain)
    chart = pain_chart_svg(pain) if rated else f'<p class="empty" id="no-ratings">{NO_RATINGS}</p>'
    return (
        '<section id="pain"><h2>How the back felt</h2>'
        '<p class="note">Rated after each session (and before it, where asked), 0 = no pain, 10 = worst:'
        ' the median of each week.</p>'
        f"{chart}</section>"
    )
