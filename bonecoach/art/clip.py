"""Cutting drawing geometry to a rectangle, for close-up panels.

SVG clip paths are not used: svglib and the handout's fast path do not both draw them, and
Qt does not clip to the view box, so a close-up must hold no point outside its box. Shapes
are therefore cut here: polygons with Sutherland-Hodgman (exact for convex shapes such as a
limb's capsule), lines with Liang-Barsky.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # left, bottom, right, top


def _cut(
    points: list[Point], keep: Callable[[Point], bool], cross: Callable[[Point, Point], Point]
) -> list[Point]:
    out: list[Point] = []
    if not points:
        return out
    prev = points[-1]
    for p in points:
        p_in, prev_in = keep(p), keep(prev)
        if p_in:
            if not prev_in:
                out.append(cross(prev, p))
            out.append(p)
        elif prev_in:
            out.append(cross(prev, p))
        prev = p
    return out


def clip_polygon(points: Sequence[Point], box: Box) -> list[Point]:
    """The part of a polygon inside ``box`` (empty when none); keeps its turning direction."""
    x0, y0, x1, y1 = box
    pts = list(points)

    def at_x(x: float) -> Callable[[Point, Point], Point]:
        def cross(a: Point, b: Point) -> Point:
            t = (x - a[0]) / (b[0] - a[0])
            return (x, a[1] + t * (b[1] - a[1]))

        return cross

    def at_y(y: float) -> Callable[[Point, Point], Point]:
        def cross(a: Point, b: Point) -> Point:
            t = (y - a[1]) / (b[1] - a[1])
            return (a[0] + t * (b[0] - a[0]), y)

        return cross

    pts = _cut(pts, lambda p: p[0] >= x0, at_x(x0))
    pts = _cut(pts, lambda p: p[0] <= x1, at_x(x1))
    pts = _cut(pts, lambda p: p[1] >= y0, at_y(y0))
    pts = _cut(pts, lambda p: p[1] <= y1, at_y(y1))
    return pts if len(pts) >= 3 else []


def clip_segment(a: Point, b: Point, box: Box) -> tuple[Point, Point] | None:
    """The part of segment a-b inside ``box``, or None."""
    x0, y0, x1, y1 = box
    dx, dy = b[0] - a[0], b[1] - a[1]
    low, high = 0.0, 1.0
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return None
    return (a[0] + low * dx, a[1] + low * dy), (a[0] + high * dx, a[1] + high * dy)


def clip_polyline(points: Sequence[Point], box: Box) -> list[list[Point]]:
    """The runs of a polyline inside ``box``."""
    runs: list[list[Point]] = []
    for a, b in itertools.pairwise(points):
        cut = clip_segment(a, b, box)
        if cut is None:
            continue
        if runs and runs[-1][-1] == cut[0]:
            runs[-1].append(cut[1])
        else:
            runs.append([cut[0], cut[1]])
    return runs


def inside(points: Sequence[Point], box: Box) -> bool:
    x0, y0, x1, y1 = box
    return all(x0 <= x <= x1 and y0 <= y <= y1 for x, y in points)


def capsule_polygon(a: Point, ra: float, b: Point, rb: float) -> list[Point]:
    """The hull of two circles as a counter-clockwise polygon (y up)."""
    samples = [
        (c[0] + r * math.cos(2 * math.pi * i / 32), c[1] + r * math.sin(2 * math.pi * i / 32))
        for c, r in ((a, ra), (b, rb))
        for i in range(32)
    ]
    return convex_hull(samples)


def convex_hull(points: Sequence[Point]) -> list[Point]:
    """Andrew's monotone chain: counter-clockwise, no repeated end point."""
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def turn(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    for p in pts:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[Point] = []
    for p in reversed(pts):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]
