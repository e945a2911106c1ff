"""Text big enough to read from the floor: a FIGlet font (pyfiglet) drawn in solid block elements,
scaled to the largest size that fits the widget.

A FIGlet font drawn in marks (`#`) is read as a bitmap, then each pixel is drawn as whole columns and half rows
(`█`, `▀`, `▄`), so the strokes stay solid at every scale and in any monospace font that has the
block elements (DejaVu Sans Mono, Menlo, the Nerd Fonts).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

Bitmap = tuple[tuple[bool, ...], ...]
HALVES = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


@dataclass(frozen=True)
class BlockFont:
    """A FIGlet font and the scales it may be drawn at, largest first: (columns, half rows) per pixel."""

    name: str
    scales: tuple[tuple[int, int], ...]


# banner3's digits are 7 pixels tall: from 4 rows to 35, a little wider as they grow.
FIGURES = BlockFont("banner3", scales=((5, 10), (4, 8), (3, 6), (3, 5), (2, 4), (2, 3), (1, 2), (1, 1)))
# 3x5's capitals are 5 pixels tall: words in 3 or 5 rows.
WORDS = BlockFont("3x5", scales=((2, 2), (1, 1)))


@lru_cache(maxsize=8)
def _figlet(name: str):
    from pyfiglet import Figlet  # only once a session starts: the menu does without it

    return Figlet(font=name, width=10_000)


@lru_cache(maxsize=256)
def bitmap(font: BlockFont, text: str) -> Bitmap:
    """`text` in `font` as rows of pixels, with no empty rows or columns around it."""
    rows = [[c != " " for c in line] for line in _figlet(font.name).renderText(text).split("\n")]
    width = max(map(len, rows), default=0)
    rows = [row + [False] * (width - len(row)) for row in rows]
    while rows and not any(rows[0]):
        rows.pop(0)
    while rows and not any(rows[-1]):
        rows.pop()
    used = [x for x in range(width) if any(row[x] for row in rows)]
    if not used:
        return ()
    return tuple(tuple(row[used[0] : used[-1] + 1]) for row in rows)


@lru_cache(maxsize=256)
def draw(font: BlockFont, text: str, scale: tuple[int, int]) -> tuple[str, ...]:
    """`text` in `font` at `scale`, as lines of block elements."""
    columns, half_rows = scale
    widened = [tuple(pixel for pixel in row for _ in range(columns)) for row in bitmap(font, text)]
    halves = [row for row in widened for _ in range(half_rows)]
    if len(halves) % 2:
        halves.append((False,) * len(halves[0]))
    return tuple("".join(HALVES[pair] for pair in zip(top, bottom)) for top, bottom in zip(halves[::2], halves[1::2]))


def fitting(font: BlockFont, text: str, width: int, height: int) -> tuple[str, ...] | None:
    """`text` at the largest scale of `font` that fits `width` × `height` cells, or None if none fits."""
    pixels = bitmap(font, text)
    rows, columns = len(pixels), len(pixels[0]) if pixels else 0
    for scale in font.scales:
        if columns * scale[0] <= width and (rows * scale[1] + 1) // 2 <= height:  # measured, not drawn
            return draw(font, text, scale)
    return None


class BigText(Widget):
    """A short text (a time, a count, a word) drawn as large as the widget allows, centred.

    Where even the smallest scale does not fit, the text is shown as it is, in bold. It draws its
    lines itself (Textual's line API), which costs a fraction of laying out a text once a second.
    """

    def __init__(self, font: BlockFont, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.font = font
        self.text = ""
        self._strips: tuple[tuple[str, Size], list[Strip]] | None = None  # for the text and size drawn

    def show(self, text: str) -> None:
        """Draw `text` instead; repaints only when it changed."""
        if text != self.text:
            self.text = text
            self.refresh()

    def drawn(self) -> tuple[str, ...]:
        """The lines drawn now, as text: as wide as the widget, centred both ways."""
        return tuple(strip.text for strip in self._drawn_strips())

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips = None  # a new phase's colour

    def render_line(self, y: int) -> Strip:
        return self._drawn_strips()[y]

    def _drawn_strips(self) -> list[Strip]:
        """The widget's lines, made once a frame rather than once a line."""
        key = (self.text, self.size)
        if self._strips is None or self._strips[0] != key:
            width, height = self.size
            lines = fitting(self.font, self.text, width, height)
            style = self.rich_style  # worked out from every ancestor's styles: once
            space = Style(bgcolor=style.bgcolor)
            if lines is None:
                lines, style = (self.text[:width],), style + Style(bold=True)
            top = max(height - len(lines), 0) // 2
            strips = [Strip.blank(width, space)] * top
            for line in lines:
                left, right = (width - len(line)) // 2, width - (width - len(line)) // 2 - len(line)
                strips.append(Strip([Segment(" " * left, space), Segment(line, style), Segment(" " * right, space)]))
            strips += [Strip.blank(width, space)] * (height - len(strips))
            self._strips = key, strips
        return self._strips[1]
