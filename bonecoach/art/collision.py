"""Does any part of the body pass through a prop?

A head through a chair seat, a forearm into the wall it should lean on, buttocks through a
chair's back: each is drawn without complaint by a renderer that only drops the body onto
the surface below it. Solid props are boxes in the picture plane (a counter's cabinet, a
step, a bed, a chair's seat and back in side view, a wall); a body outline circle sinking
into one by more than ``DEPTH`` cm is named. Props drawn ``beside`` or ``behind`` the figure
are not in its way.
"""

from __future__ import annotations

from collections.abc import Sequence

from bonecoach.art.figure import project, section_radius
from bonecoach.art.props import Prop, extent
from bonecoach.art.scene import UP, Placed

DEPTH = 4.0  # cm: an outline pressing into a cushion or a wall's surface is not a collision
Box = tuple[str, float, float, float, float]  # name, x from, x to, y from, y to


def solid_boxes(prop: Prop, view: str) -> list[Box]:
    if prop.params.get("beside") or prop.params.get("behind"):
        return []
    k = prop.kind
    tops = extent(prop, view)
    if k in ("counter", "step"):
        x0, x1, h = tops[0]
        return [(k, x0, x1, 0.0, h)]
    if k == "bed":
        x0, x1, h = tops[0]
        return [("bed", x0, x1, h - 12.0, h)]
    if k == "chair" and view == "side":
        x0, x1, seat = tops[0]
        back = x0 if prop["side"] == "left" else x1
        return [
            ("chair seat", x0, x1, seat - 4.0, seat),
            ("chair back", back - 3, back + 3, seat, seat + 42),
        ]
    if k == "wall":
        x = prop["x"]
        far = x + (14.0 if prop["side"] == "right" else -14.0)
        return [("wall", min(x, far), max(x, far), 0.0, 205.0)]
    return []


def collision_problems(placed: Placed, view: str, props: Sequence[Prop]) -> list[str]:
    boxes = [b for prop in props for b in solid_boxes(prop, view)]
    worst: dict[tuple[str, str], float] = {}
    for part in placed.body.parts:
        for node in part.nodes:
            x, y = project(view, node.point)
            across = (1.0, 0.0, 0.0) if view == "side" else (0.0, 0.0, 1.0)
            r_h = section_radius(view, node, across)  # the outline's half-width across
            r_v = section_radius(view, node, UP)  # and its half-height
            for name, x0, x1, y0, y1 in boxes:
                # how far the outline would have to move out of the box, sideways or up/down
                into_x = min(x + r_h - x0, x1 - (x - r_h))
                into_y = min(y + r_v - y0, y1 - (y - r_v))
                depth = min(into_x, into_y)
                key = (part.name.replace("_", " "), name)
                if depth > DEPTH and depth > worst.get(key, 0.0):
                    worst[key] = depth
    return [
        f"the {part} goes {depth:.0f} cm into the {name}" for (part, name), depth in worst.items()
    ]
