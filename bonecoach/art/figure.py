"""Drawing a posed body: project it for the view and paint outline-and-fill shapes.

Each part is drawn as overlapping tapered capsules: first all of them thickly stroked in ink,
then all of them filled without a stroke, so the part shows one clean outer contour and no
lines inside it. Parts are painted far to near, and far-side limbs get a darker fill.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from bonecoach.art.geometry import Vec, column, dot
from bonecoach.art.skeleton import Body, Node, Part
from bonecoach.art.svg import FILL, FILL_FAR, INK, Canvas, Capsule, Point

VIEWS = ("side", "front")
OUTLINE = 1.8  # visible outline width, world units (cm)


def project(view: str, p: Vec) -> Point:
    """Screen point (x right, y up): side view looks at the figure's right side."""
    return (p[0], p[1]) if view == "side" else (-p[2], p[1])


def depth(view: str, p: Vec) -> float:
    """Larger is nearer the viewer."""
    return p[2] if view == "side" else p[0]


def _lift(view: str, screen: Point) -> Vec:
    """A screen direction as a world direction."""
    return (screen[0], screen[1], 0.0) if view == "side" else (0.0, screen[1], -screen[0])


def section_radius(view: str, node: Node, across: Vec) -> float:
    """Half-thickness of a (possibly elliptic) section seen across ``across``."""
    if node.depth == node.width:
        return node.depth
    u = dot(column(node.frame, 0), across)
    w = dot(column(node.frame, 2), across)
    return math.hypot(node.depth * u, node.width * w)


@dataclass(frozen=True)
class Shape:
    """One projected part: polygons (each a capsule) and its paint."""

    name: str
    depth: float
    capsules: tuple[Capsule, ...]
    far: bool
    fill: str | None = None  # overrides the figure's fill (e.g. a weighted vest)
    polygons: tuple[tuple[Point, ...], ...] = ()  # e.g. the nose

    def extent(self) -> tuple[float, float, float]:
        """Leftmost, rightmost and highest point of the shape."""
        xs = [
            x
            for a, ra, b, rb in self.capsules
            for x in (a[0] - ra, a[0] + ra, b[0] - rb, b[0] + rb)
        ]
        ys = [y for a, ra, b, rb in self.capsules for y in (a[1] + ra, b[1] + rb)]
        xs += [p[0] for poly in self.polygons for p in poly]
        ys += [p[1] for poly in self.polygons for p in poly]
        return min(xs), max(xs), max(ys)


def part_shape(view: str, part: Part, trunk_depth: float) -> Shape:
    nodes = part.nodes
    capsules: list[Capsule] = []
    if len(nodes) == 1:
        c = project(view, nodes[0].point)
        capsules.append((c, nodes[0].depth, c, nodes[0].depth))
    for a, b in itertools.pairwise(nodes):
        pa, pb = project(view, a.point), project(view, b.point)
        length = math.hypot(pb[0] - pa[0], pb[1] - pa[1])
        across = _lift(
            view,
            (0.0, 1.0) if length < 1e-6 else ((pa[1] - pb[1]) / length, (pb[0] - pa[0]) / length),
        )
        capsules.append((pa, section_radius(view, a, across), pb, section_radius(view, b, across)))
    mean_depth = sum(depth(view, n.point) for n in nodes) / len(nodes)
    bias = {"neck": -0.5, "head": 0.5}.get(part.name, 0.0)
    # a limb clearly behind the trunk is shaded; seen from the front only when far behind
    behind = 4.0 if view == "side" else 15.0
    far = part.side is not None and mean_depth < trunk_depth - behind
    return Shape(part.name, mean_depth + bias, tuple(capsules), far)


def body_shapes(view: str, body: Body) -> list[Shape]:
    """The body's parts projected, in painting order (far first)."""
    trunk = next(p for p in body.parts if p.name == "trunk")
    trunk_depth = sum(depth(view, n.point) for n in trunk.nodes) / len(trunk.nodes)
    shapes = [part_shape(view, part, trunk_depth) for part in body.parts]
    tip = nose(view, body)
    if tip is not None:
        shapes = [
            Shape(s.name, s.depth, s.capsules, s.far, polygons=(tip,)) if s.name == "head" else s
            for s in shapes
        ]
    order = {part.name: i for i, part in enumerate(body.parts)}
    return sorted(shapes, key=lambda s: (round(s.depth, 3), order[s.name]))


def nose(view: str, body: Body) -> tuple[Point, ...] | None:
    """A small nose on the head's outline so a side view shows where the figure faces."""
    front = project(view, body.head_front)
    size = math.hypot(*front)
    if size < 0.6:
        return None
    fx, fy = front[0] / size, front[1] / size
    cx, cy = project(view, body.points["head"])
    r = 10.0

    # in the head's own axes: forward (fx, fy), up (-fy, fx)
    def at(ahead: float, up: float) -> Point:
        return (cx + r * (fx * ahead - fy * up), cy + r * (fy * ahead + fx * up))

    base_a, tip, base_b = at(0.75, 0.4), at(1.35, -0.05), at(0.8, -0.35)
    return (base_a, tip, base_b)


def draw_shape(canvas: Canvas, shape: Shape, offset: Point = (0.0, 0.0)) -> None:
    fill = shape.fill or (FILL_FAR if shape.far else FILL)
    dx, dy = offset
    capsules = [
        ((a[0] + dx, a[1] + dy), ra, (b[0] + dx, b[1] + dy), rb) for a, ra, b, rb in shape.capsules
    ]
    polygons = [[(x + dx, y + dy) for x, y in poly] for poly in shape.polygons]
    outline = " ".join(canvas.capsule_data(*c) for c in capsules)
    # ink first, a stroke twice the outline wide; the fill then covers its inner half and
    # every line where two capsules of the part overlap
    canvas.path(outline, "none", INK, 2 * OUTLINE)
    for poly in polygons:
        canvas.polygon(poly, INK, INK, 2 * OUTLINE)
    canvas.path(outline, fill)
    for poly in polygons:
        canvas.polygon(poly, fill)
