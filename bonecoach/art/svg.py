"""A minimal SVG writer that uses only what QSvgRenderer and svglib both draw.

Paths of straight segments and circular arcs, circles and lines; solid fills and strokes
(one dash pattern); no transforms, gradients, opacity, markers or text. Numbers are rounded
to 0.1 so that the same drawing always gives the same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

from bonecoach.art.clip import capsule_polygon, clip_polygon, clip_polyline, clip_segment

Point = tuple[float, float]
Capsule = tuple[Point, float, Point, float]  # two circles (centre, radius) and their hull

INK = "#1d2329"  # outlines: near-black, prints the same in black and white
FILL = "#e4ebf1"  # the figure's light fill
FILL_FAR = "#a9b6c2"  # limbs on the far side, so two legs never merge into one shape
PROP_INK = "#4a5259"
PROP_FILL = "#f7f7f5"
PROP_SHADE = "#d3d5d6"


def num(value: float) -> str:
    text = "%.1f" % value  # noqa: UP031 (the fastest way, and this runs a lot)
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def circle_points(
    center: Point, radius: float, start: float = 0.0, sweep: float = 360.0
) -> list[Point]:
    """Points along an arc (degrees, counter-clockwise in y-up coordinates)."""
    steps = max(2, math.ceil(abs(sweep) / 15.0))
    return [
        (
            center[0] + radius * math.cos(math.radians(start + sweep * i / steps)),
            center[1] + radius * math.sin(math.radians(start + sweep * i / steps)),
        )
        for i in range(steps + (0 if abs(sweep) >= 360 else 1))
    ]


class Canvas:
    """Collects SVG elements in world coordinates (cm, y up) and writes the document."""

    def __init__(self, left: float, bottom: float, width: float, height: float) -> None:
        self.left, self.bottom, self.width, self.height = left, bottom, width, height
        self.elements: list[str] = []
        self.clip_x: tuple[float, float] | None = None  # keeps long props inside their panel
        # a close-up panel: every shape is cut to this box (left, bottom, right, top)
        self.clip_box: tuple[float, float, float, float] | None = None

    def _xy(self, p: Point) -> str:
        if self.clip_x is not None:
            p = (min(max(p[0], self.clip_x[0]), self.clip_x[1]), p[1])
        return f"{num(p[0] - self.left)},{num(self.bottom + self.height - p[1])}"

    def polygon(
        self, points: Sequence[Point], fill: str, stroke: str | None = None, width: float = 0.0
    ) -> None:
        if self.clip_box is not None:
            points = clip_polygon(points, self.clip_box)
            if not points:
                return
        d = "M" + " L".join(self._xy(p) for p in points) + " Z"
        self.elements.append(f'<path d="{d}" {_paint(fill, stroke, width)}/>')

    def capsule_data(self, a: Point, ra: float, b: Point, rb: float) -> str:
        """Path data for the hull of two circles: two arcs and two lines, always turning
        the same way, so several of them in one path fill as their union (nonzero rule)."""
        if self.clip_box is not None:  # cut polygons, all turning the same way too
            cut = clip_polygon(capsule_polygon(a, ra, b, rb), self.clip_box)
            return "M" + " L".join(self._xy(p) for p in cut) + " Z" if cut else ""
        dx, dy = b[0] - a[0], b[1] - a[1]
        dist = math.hypot(dx, dy)
        if dist <= abs(ra - rb) + 1e-6:  # one circle holds the other: a circle
            c, r = (a, ra) if ra >= rb else (b, rb)
            p, q = (c[0] + r, c[1]), (c[0] - r, c[1])
            rr = num(r)
            return f"M{self._xy(p)} A{rr},{rr} 0 1 0 {self._xy(q)} A{rr},{rr} 0 1 0 {self._xy(p)} Z"
        heading = math.atan2(dy, dx)
        spread = math.acos((ra - rb) / dist)

        def on(c: Point, r: float, angle: float) -> str:
            return self._xy((c[0] + r * math.cos(angle), c[1] + r * math.sin(angle)))

        front_large = "1" if 2 * spread > math.pi else "0"
        back_large = "1" if 2 * spread < math.pi else "0"
        return (
            f"M{on(b, rb, heading - spread)} "
            f"A{num(rb)},{num(rb)} 0 {front_large} 0 {on(b, rb, heading + spread)} "
            f"L{on(a, ra, heading + spread)} "
            f"A{num(ra)},{num(ra)} 0 {back_large} 0 {on(a, ra, heading - spread)} Z"
        )

    def path(self, d: str, fill: str, stroke: str | None = None, width: float = 0.0) -> None:
        if not d.strip():
            return
        self.elements.append(f'<path d="{d}" {_paint(fill, stroke, width)}/>')

    def polyline(
        self, points: Sequence[Point], stroke: str, width: float, dash: str | None = None
    ) -> None:
        runs = [list(points)] if self.clip_box is None else clip_polyline(points, self.clip_box)
        if not runs:
            return
        d = " ".join("M" + " L".join(self._xy(p) for p in run) for run in runs)
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        self.elements.append(f'<path d="{d}" {_paint("none", stroke, width)}{extra}/>')

    def circle(
        self, center: Point, radius: float, fill: str, stroke: str | None = None, width: float = 0.0
    ) -> None:
        if self.clip_box is not None:
            x0, y0, x1, y1 = self.clip_box
            (px, py), r = center, radius
            if not (x0 <= px - r and px + r <= x1 and y0 <= py - r and py + r <= y1):
                self.polygon(circle_points(center, radius), fill, stroke, width)
                return
        cx, cy = self._xy(center).split(",")
        self.elements.append(
            f'<circle cx="{cx}" cy="{cy}" r="{num(radius)}" {_paint(fill, stroke, width)}/>'
        )

    def line(self, a: Point, b: Point, stroke: str, width: float) -> None:
        if self.clip_box is not None:
            cut = clip_segment(a, b, self.clip_box)
            if cut is None:
                return
            a, b = cut
        x1, y1 = self._xy(a).split(",")
        x2, y2 = self._xy(b).split(",")
        self.elements.append(
            f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" {_paint("none", stroke, width)}/>'
        )

    def extend(self, elements: Iterable[str]) -> None:
        self.elements.extend(elements)

    def document(self, title: str, scale: float = 2.0) -> str:
        w, h = num(self.width), num(self.height)
        head = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" '
            f'width="{num(self.width * scale)}" height="{num(self.height * scale)}" '
            f'viewBox="0 0 {w} {h}">\n'
            f"<title>{escape(title)}</title>\n"
        )
        return head + "\n".join(self.elements) + "\n</svg>\n"


def _paint(fill: str, stroke: str | None, width: float) -> str:
    if stroke is None:
        return f'fill={quoteattr(fill)} stroke="none"'
    return (
        f'fill={quoteattr(fill)} stroke={quoteattr(stroke)} stroke-width="{num(width)}" '
        'stroke-linejoin="round" stroke-linecap="round"'
    )
