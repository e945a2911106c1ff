"""Figures of the exercises: a 2-D body, its poses, and drawings of it as lines of text."""

from __future__ import annotations

from .body import JOINTS, Pose, View, along, between, mirror, skeleton
from .cells import Pixels, to_text
from .figure import Figure, Prop, ShownSide, scene
from .postures import POSTURES
from .raster import rasterize


def draw(figure: Figure, fraction: float, cols: int, rows: int, pixels: Pixels = Pixels.HALF) -> tuple[str, ...]:
    """The figure `fraction` (0..1) of the way from its start to its end pose, as `rows` lines of `cols` cells."""
    grid = rasterize(figure, fraction, cols, rows, pixels)
    return to_text(grid.lit, cols, rows, pixels, floor=grid.floor)


__all__ = ["JOINTS", "POSTURES", "Figure", "Pixels", "Pose", "Prop", "ShownSide", "View", "along", "between",
           "draw", "mirror", "rasterize", "scene", "skeleton", "to_text"]  # fmt: skip
