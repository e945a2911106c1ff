"""Text big enough to read from the floor: a FIGlet font (pyfiglet) drawn in solid block elements,
scaled to the largest size that fits the widget.

A FIGlet font drawn in marks (`#`) is read as a bitmap, then each pixel is drawn as whole columns and half rows
(`█`, `▀`, `▄`), so the strokes stay solid at every scale. On the screen a whole cell of ink is a
space on the ink's colour, and an upper half the lower half block reversed: many terminal fonts
(DejaVu Sans Mono in xterm) draw the block elements a pixel short of the cell's top, which left a
line of background between the rows of every stroke.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

Bitmap = tuple[tuple[bool, ...], ...]
HALVES = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


@dataclass(frozen=True)
class BlockFont:
    """A FIGlet font and the scales it may be drawn at, largest first: (columns, half rows) per pixel.

    With a `letter_gap`, letters are set that many columns apart (and words `WORD_SPACE` apart)
    instead of as the font spaces them.
    """

    name: str
    scales: tuple[tuple[int, int], ...]
    letter_gap: int | None = None


WORD_SPACE = 3  # columns of a space between words, in a font set with a letter gap

# banner3's digits are 7 pixels tall: from 4 rows to 35, a little wider as they grow.
FIGURES = BlockFont("banner3", scales=((5, 10), (4, 8), (3, 6), (3, 5), (2, 4), (2, 3), (1, 2), (1, 1)))
# 6x9's capitals are 6 pixels tall, words in 3 or 6 rows; its W, M and N are 5, 5 and 4 columns wide and
# unlike (3x5's read as H). Set a column apart, RESUMING IN 3 fits a band 80 columns wide.
WORDS = BlockFont("6x9", scales=((2, 2), (1, 1)), letter_gap=1)


@lru_cache(maxsize=8)
def _figlet(name: str):
    from pyfiglet import Figlet  # only once a session starts: the menu does without it

    return Figlet(font=name, width=10_000)


def _figlet_rows(name: str, text: str) -> list[list[bool]]:
    """`text` as FIGlet sets it in font `name`: rows of pixels, all as wide as the widest."""
    rows = [[c != " " for c in line] for line in _figlet(name).renderText(text).split("\n")]
    width = max(map(len, rows), default=0)
    return [row + [False] * (width - len(row)) for row in rows]


def _letter_by_letter(name: str, text: str, gap: int) -> list[list[bool]]:
    """`text` in font `name`, each letter cut to its ink and set `gap` columns from the next.

    A space, or a letter the font lacks, is `WORD_SPACE` columns of nothing.
    """
    height = _figlet(name).Font.height
    rows: list[list[bool]] = [[] for _ in range(height)]
    for char in text:
        glyph = _figlet_rows(name, char)[:height]
        inked = [x for x in range(len(glyph[0])) if any(row[x] for row in glyph)]
        if len(glyph) < height or not inked:
            glyph, inked = [[False] * WORD_SPACE] * height, range(WORD_SPACE)
        if rows[0]:
            rows = [row + [False] * gap for row in rows]
        rows = [row + part[inked[0] : inked[-1] + 1] for row, part in zip(rows, glyph)]
    return rows


@lru_cache(maxsize=256)
def bitmap(font: BlockFont, text: str) -> Bitmap:
    """`text` in `font` as rows of pixels, with no empty rows or columns around it."""
    if font.letter_gap is None:
        rows = _figlet_rows(font.name, text)
    else:
        rows = _letter_by_letter(font.name, text, font.letter_gap)
    width = max(map(len, rows), default=0)
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


def painted(line: str, style: Style, paper: Style) -> list[Segment]:
    """A line of block elements as segments in `style`'s colour on `paper`: a whole cell and an upper half
    are painted by the cell's background (a reversed space, a reversed lower half), so every row of ink
    reaches the cell's top. Not bold: in 16 colours bold brightens a glyph's colour but not a background's.
    """
    ink = style + Style(bold=False)
    inverse = ink + Style(reverse=True)
    looks = {"█": (" ", inverse), "▀": ("▄", inverse), "▄": ("▄", ink), " ": (" ", paper)}
    segments = []
    for block, run in groupby(line):
        glyph, look = looks.get(block, (block, ink))  # any other character (a figure's thin floor) as itself
        segments.append(Segment(glyph * len(list(run)), look))
    return segments


class BigText(Widget):
    """A short text (a time, a count, a word) drawn as large as the widget allows, centred.

    Where even the smallest scale does not fit, the text is shown as it is, in bold. It draws its
    lines itself (Textual's line API), which costs a fraction of laying out a text once a second.
    """

    def __init__(self, font: BlockFont, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.font = font
        self.text = ""
        self._drawn: tuple[tuple[str, Size], list[str], list[Strip]] | None = None  # text and size, lines, strips

    def show(self, text: str) -> None:
        """Draw `text` instead; repaints only when it changed."""
        if text != self.text:
            self.text = text
            self.refresh()

    def drawn(self) -> tuple[str, ...]:
        """The lines drawn now, as text in block elements: as wide as the widget, centred both ways."""
        return tuple(self._drawn_lines()[0])

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._drawn = None  # a new phase's colour

    def render_line(self, y: int) -> Strip:
        return self._drawn_lines()[1][y]

    def _drawn_lines(self) -> tuple[list[str], list[Strip]]:
        """The widget's lines, as text and as strips, made once a frame rather than once a line."""
        key = (self.text, self.size)
        if self._drawn is None or self._drawn[0] != key:
            width, height = self.size
            style = self.rich_style  # worked out from every ancestor's styles: once
            space = Style(bgcolor=style.bgcolor)
            blocks = fitting(self.font, self.text, width, height)
            if blocks is None:
                lines, segments = [self.text[:width]], [[Segment(self.text[:width], style + Style(bold=True))]]
            else:
                lines, segments = list(blocks), [painted(line, style, space) for line in blocks]
            top = max(height - len(lines), 0) // 2
            texts, strips = [" " * width] * top, [Strip.blank(width, space)] * top
            for line, line_segments in zip(lines, segments):
                left, right = (width - len(line)) // 2, width - (width - len(line)) // 2 - len(line)
                texts.append(" " * left + line + " " * right)
                strips.append(Strip([Segment(" " * left, space), *line_segments, Segment(" " * right, space)]))
            texts += [" " * width] * (height - len(texts))
            strips += [Strip.blank(width, space)] * (height - len(strips))
            self._drawn = key, texts, strips
        return self._drawn[1], self._drawn[2]
