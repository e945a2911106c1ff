"""Turning a grid of pixels into lines of text, each cell one character of block or braille dots."""

from __future__ import annotations

from collections.abc import Set
from enum import Enum

# A cell's 2 x 2 quadrants as bits (top left 1, top right 2, bottom left 4, bottom right 8), drawn.
_QUADRANTS = " ▘▝▀▖▌▞▛▗▚▐▜▄▙▟█"
_HALVES = " ▀▄█"  # top 1, bottom 2
FLOOR = "▔"  # a line an eighth of a cell thick: the body's lines, half a cell, stand out from it
# Braille: the bit of each dot of a 2 x 4 cell, by (column, row), as Unicode numbers them.
_BRAILLE_BITS = {(0, 0): 0x01, (0, 1): 0x02, (0, 2): 0x04, (1, 0): 0x08, (1, 1): 0x10, (1, 2): 0x20,
                 (0, 3): 0x40, (1, 3): 0x80}  # fmt: skip


class Pixels(Enum):
    """The pixels a cell is split into: half blocks (bold), quadrants, or braille dots (finest)."""

    HALF = (1, 2)
    QUADRANT = (2, 2)
    BRAILLE = (2, 4)

    def __init__(self, across: int, down: int) -> None:
        self.across = across
        self.down = down

    def character(self, bits: int) -> str:
        """The cell whose lit pixels are `bits` (bit n: pixel n, row by row from the top left)."""
        if self is Pixels.HALF:
            return _HALVES[bits]
        if self is Pixels.QUADRANT:
            return _QUADRANTS[bits]
        dots = sum(bit for (col, row), bit in _BRAILLE_BITS.items() if bits >> (row * 2 + col) & 1)
        return chr(0x2800 + dots) if dots else " "  # a blank braille cell is not a space in every font


def to_text(lit: Set[tuple[int, int]], cols: int, rows: int, pixels: Pixels, floor: bool = False) -> tuple[str, ...]:
    """The `rows` lines of `cols` cells that show the lit pixels (x, y), y counted down from the top.

    With `floor`, the last line is the floor: a thin line along the top of its cells, under the pixels.
    """
    if floor:
        return (*to_text(lit, cols, rows - 1, pixels), FLOOR * cols)
    cells = [[0] * cols for _ in range(rows)]
    for x, y in lit:
        col, across = divmod(x, pixels.across)
        row, down = divmod(y, pixels.down)
        cells[row][col] |= 1 << (down * pixels.across + across)
    return tuple("".join(pixels.character(bits) for bits in line) for line in cells)
