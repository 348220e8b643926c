"""The pictures of `signal`, drawn in text (pure: no typer, no rich): the inner solar system to
scale, and the one-way delay across the synodic cycle. Braille dots (2 x 4 to a cell) where the
terminal's encoding has them, one ASCII dot to a cell elsewhere. A picture is rows of runs:
(text, colour name or None); views.py gives the names their styles.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from datetime import datetime

    from lostcli.ephemeris import Point, Sky

Run = tuple[str, str | None]
Row = list[Run]

# Braille: the bit of each dot in a cell, by (column, row).
_BITS = ((0x01, 0x02, 0x04, 0x40), (0x08, 0x10, 0x20, 0x80))
# The orbits' shapes (semi-major axis in AU, eccentricity, longitude of perihelion in degrees),
# J2000, from JPL's "Keplerian Elements for Approximate Positions of the Major Planets": the
# planets themselves are placed from the ephemeris, and lie on these curves to within a dot.
ORBITS = {
    "earth": (1.00000261, 0.01671123, 102.93768193),
    "mars": (1.52371034, 0.09339410, -23.94362959),
}
REACH_AU = 1.70  # the picture's radius: past Mars's aphelion (1.666 AU)


class Canvas:
    """Cells of dots, each cell with one colour (the last drawn), and characters laid over them."""

    def __init__(self, width: int, height: int, braille: bool) -> None:
        self.width, self.height, self.braille = width, height, braille
        self.sx, self.sy = (2, 4) if braille else (1, 1)  # dots to a cell
        self.bits = [[0] * width for _ in range(height)]
        self.colours: list[list[str | None]] = [[None] * width for _ in range(height)]
        self.marks: dict[tuple[int, int], tuple[str, str]] = {}
        self.shaded: set[int] = set()  # columns with a background

    @property
    def dots(self) -> tuple[int, int]:
        return self.width * self.sx, self.height * self.sy

    def dot(self, x: float, y: float, colour: str) -> None:
        """A dot at (x, y) in dots from the top left; outside the canvas, nothing."""
        col, row = int(x), int(y)
        if 0 <= col < self.width * self.sx and 0 <= row < self.height * self.sy:
            cx, cy = col // self.sx, row // self.sy
            self.bits[cy][cx] |= _BITS[col % self.sx][row % self.sy] if self.braille else 1
            self.colours[cy][cx] = colour

    def line(self, a: Point, b: Point, colour: str, every: int = 1) -> None:
        steps = max(1, int(max(abs(b[0] - a[0]), abs(b[1] - a[1]))))
        for n in range(0, steps + 1, every):
            self.dot(a[0] + (b[0] - a[0]) * n / steps, a[1] + (b[1] - a[1]) * n / steps, colour)

    def mark(self, x: float, y: float, char: str, colour: str) -> None:
        """A character over the cell of dot (x, y)."""
        cx, cy = int(x) // self.sx, int(y) // self.sy
        if 0 <= cx < self.width and 0 <= cy < self.height:
            self.marks[cx, cy] = (char, colour)

    def rows(self) -> list[Row]:
        out = []
        for cy in range(self.height):
            row: Row = []
            for cx in range(self.width):
                char, colour = self.marks.get((cx, cy), (self._cell(cx, cy), self.colours[cy][cx]))
                if cx in self.shaded and char == " ":
                    char, colour = ("░" if self.braille else ":"), "shaded"
                if row and row[-1][1] == colour:
                    row[-1] = (row[-1][0] + char, colour)
                else:
                    row.append((char, colour))
            out.append(row)
        return out

    def _cell(self, cx: int, cy: int) -> str:
        bits = self.bits[cy][cx]
        if self.braille:
            return chr(0x2800 + bits) if bits else " "
        return "." if bits else " "


def orbits(sky: Sky, width: int, braille: bool) -> list[Row]:
    """The inner solar system seen from the north, to scale: the Sun, both orbits, Earth (E) and
    Mars (M) now, the path of a message sent now, and both planets at the next closest
    approach (+) and the next conjunction (x)."""
    canvas = Canvas(width, width // 2, braille)  # a cell is twice as high as it is wide
    w, h = canvas.dots
    scale = (w / 2 - 1) / REACH_AU
    aspect = canvas.sy / canvas.sx / 2  # braille dots are square; an ASCII cell is one tall dot

    def at(p: Point) -> Point:
        return w / 2 + p[0] * scale, h / 2 - p[1] * scale * aspect

    for name, (a, e, perihelion) in ORBITS.items():
        samples = int(2 * math.pi * a * scale * 1.2)  # a little more than a dot a dot
        for n in range(samples):
            nu = 2 * math.pi * n / samples
            r = a * (1 - e * e) / (1 + e * math.cos(nu))
            angle = nu + math.radians(perihelion)
            canvas.dot(*at((r * math.cos(angle), r * math.sin(angle))), f"{name} orbit")
    canvas.line(at(sky.earth), at(sky.mars_on_arrival), "message", every=2)
    for pair, char, colour in (
        (sky.closest, "+", "closest"),
        (sky.conjunction, "x", "conjunction"),
    ):
        for planet in pair:
            canvas.mark(*at(planet), char, colour)
    canvas.mark(*at((0.0, 0.0)), "*", "sun")
    canvas.mark(*at(sky.earth), "E", "earth")
    canvas.mark(*at(sky.mars), "M", "mars")
    return canvas.rows()


class Chart(NamedTuple):
    rows: list[Row]
    top_minutes: int


def delays(sky: Sky, now: datetime, width: int, height: int, braille: bool) -> Chart:
    """The one-way delay from conjunction to conjunction, with now marked (a vertical line) and
    the blackouts shaded; the vertical scale runs from 0 to the next whole five minutes."""
    canvas = Canvas(width, height, braille)
    w, h = canvas.dots
    first, last = sky.delays[0][0], sky.delays[-1][0]
    span = (last - first).total_seconds()
    top = 5 * math.ceil(max(s for _, s in sky.delays) / 300)

    def x(when: datetime) -> float:
        return (when - first).total_seconds() / span * (w - 1)

    def y(seconds: float) -> float:
        return (h - 1) - seconds / 60 / top * (h - 1)

    for window in sky.blackouts:
        lo, hi = max(0.0, x(window.start)), min(w - 1.0, x(window.end))
        canvas.shaded.update(range(int(lo) // canvas.sx, int(hi) // canvas.sx + 1))
    for (t0, s0), (t1, s1) in zip(sky.delays, sky.delays[1:], strict=False):
        canvas.line((x(t0), y(s0)), (x(t1), y(s1)), "delay")
    if first <= now <= last:
        for row in range(h):
            if braille:
                canvas.dot(x(now), row, "now")
            else:  # a dot would look like the curve's
                canvas.mark(x(now), row, "|", "now")
    return Chart(canvas.rows(), top)
