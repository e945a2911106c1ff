"""Drawing a figure on a grid of terminal pixels: bones as thick lines, a round head, the floor.

Sizes are worked out in cell widths, a cell being twice as tall as it is wide, so a head is round
and a line as thick one way as the other whatever the pixels' shape.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

from .body import Point
from .cells import Pixels
from .figure import Figure, Scene, scene

CELL_ASPECT = 2.0  # a terminal cell's height over its width
SAMPLES_PER_STEP = 4  # frames between two keyframes looked at when framing a figure
HEAD_RING_AT = 7.0  # a head at least this many line widths across is drawn as a ring; a smaller ring reads as a box


@dataclass
class Grid:
    """Lit pixels on a grid `width` by `height`; `spilled` counts those that fell outside it."""

    width: int
    height: int
    pixel_width: float  # in cell widths
    pixel_height: float
    lit: set[tuple[int, int]] = field(default_factory=set)
    spilled: int = 0
    floor: bool = False  # the last row of cells is the floor, a thin line under the body

    def capsule(self, a: Point, b: Point, radius: float) -> None:
        """Light every pixel whose centre is within `radius` of the segment a-b (in cell widths)."""
        (ax, ay), (bx, by) = a, b
        first_x, last_x = self._span(min(ax, bx) - radius, max(ax, bx) + radius, self.pixel_width)
        first_y, last_y = self._span(min(ay, by) - radius, max(ay, by) + radius, self.pixel_height)
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy
        for j in range(first_y, last_y + 1):
            cy = (j + 0.5) * self.pixel_height
            for i in range(first_x, last_x + 1):
                cx = (i + 0.5) * self.pixel_width
                t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((cx - ax) * dx + (cy - ay) * dy) / length2))
                if math.hypot(cx - ax - t * dx, cy - ay - t * dy) <= radius + 1e-9:
                    self._light(i, j)

    def ring(self, centre: Point, radius: float, width: float) -> None:
        """Light the pixels within `width` / 2 of the circle about `centre`."""
        outer = radius + width / 2
        first_x, last_x = self._span(centre[0] - outer, centre[0] + outer, self.pixel_width)
        first_y, last_y = self._span(centre[1] - outer, centre[1] + outer, self.pixel_height)
        for j in range(first_y, last_y + 1):
            for i in range(first_x, last_x + 1):
                off = math.hypot((i + 0.5) * self.pixel_width - centre[0], (j + 0.5) * self.pixel_height - centre[1])
                if abs(off - radius) <= width / 2 + 1e-9:
                    self._light(i, j)

    @staticmethod
    def _span(low: float, high: float, size: float) -> tuple[int, int]:
        return math.floor(low / size), math.ceil(high / size)

    def _light(self, i: int, j: int) -> None:
        if 0 <= i < self.width and 0 <= j < self.height:
            self.lit.add((i, j))
        else:
            self.spilled += 1


@dataclass(frozen=True)
class _Frame:
    """Where the world goes on the grid: x and height in cm to x and y (down) in cell widths."""

    scale: float
    left: float
    floor_y: float

    def place(self, point: Point) -> Point:
        return (self.left + point[0] * self.scale, self.floor_y - point[1] * self.scale)


def rasterize(figure: Figure, fraction: float, cols: int, rows: int, pixels: Pixels, thickness: float = 1.0) -> Grid:
    """The figure `fraction` of the way through its keyframes, drawn to fill `cols` by `rows` cells.

    `thickness` is the width of a line in pixels (of the pixels' longer side). The figure keeps one
    size and place through all its frames, so a move never makes it jump.
    """
    shown = scene(figure, fraction)
    body_rows = rows - 1 if shown.floor else rows
    grid = Grid(cols * pixels.across, body_rows * pixels.down, 1 / pixels.across, CELL_ASPECT / pixels.down)
    grid.floor = shown.floor
    line = thickness * max(grid.pixel_width, grid.pixel_height)
    frame = _framing(figure, cols, body_rows * CELL_ASPECT, line)
    if frame is None:
        return grid
    for a, b in shown.body.bones:
        grid.capsule(frame.place(shown.body.points[a]), frame.place(shown.body.points[b]), line / 2)
    for a, b in shown.lines:
        grid.capsule(frame.place(a), frame.place(b), min(grid.pixel_width, grid.pixel_height) / 2)
    head, radius = frame.place(shown.body.head), shown.body.head_radius * frame.scale
    if 2 * radius >= HEAD_RING_AT * line:
        grid.ring(head, radius - line / 2, line)
    else:
        grid.capsule(head, head, radius)
    return grid


def _framing(figure: Figure, width: float, height: float, line: float) -> _Frame | None:
    """The one scale and place that fit every frame of the figure in the box, its lowest line on the bottom."""
    low_x, high_x, high_y = _extent(figure)
    margin = line / 2 + 1e-6
    room_x, room_y = width - 2 * margin, height - 2 * margin
    if room_x <= 0 or room_y <= 0:
        return None
    scale = min(room_x / (high_x - low_x), room_y / high_y)
    left = (width - (high_x - low_x) * scale) / 2 - low_x * scale
    return _Frame(scale, left, height - margin)


@lru_cache(maxsize=64)
def _extent(figure: Figure) -> tuple[float, float, float]:
    """The lowest and highest x, and the highest point, of any frame of `figure`, props and head included."""
    xs: list[float] = []
    top = 1.0
    steps = (len(figure.keyframes) - 1) * SAMPLES_PER_STEP
    for n in range(steps + 1):
        shown: Scene = scene(figure, n / steps)
        body = shown.body
        points = [*body.points.values(), *(p for line in shown.lines for p in line)]
        xs += [x for x, _ in points] + [body.head[0] - body.head_radius, body.head[0] + body.head_radius]
        top = max(top, body.head[1] + body.head_radius, *(y for _, y in points))
    return min(xs), max(xs), top
