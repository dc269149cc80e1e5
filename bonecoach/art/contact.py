"""Do the hands rest on the support the steps tell the client to hold?

An older adult copies the picture: if the steps say "rest your fingertips on the counter" or
"keep one hand on the rail" and the drawn hands hover above it (or there is no rail at all),
the picture teaches balancing without support. When an exercise's steps put a hand on a
counter, table, chair or rail, every panel (but the airborne moment of a jump) must show a
hand on one: on a top it is over (from a grip just under the edge to just on it), or on a
stair rail's line.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

from bonecoach.art.figure import project, section_radius
from bonecoach.art.poses import Illustration
from bonecoach.art.props import Prop, extent
from bonecoach.art.scene import NEAR, UP, Placed, place

_SUPPORT = r"(counter|rail|banister|chair back|back of (a|the) chair|worktop|sink|table)"
SAYS_HOLD = re.compile(
    r"(hand|hands|fingertips|fingers|hold|holding|grip)[^.]{0,40}"
    + _SUPPORT
    + "|"
    + _SUPPORT
    + r"[^.]{0,30}(hand|hands|fingertips|fingers|hold)",
    re.IGNORECASE,
)
HOLDABLE = {"counter", "table", "chair", "step", "stairs"}
# the steps lift the hands a little off the support on purpose ("lift your hands a little
# above the counter"): after the first panel they may hover that far
LIFTS_HANDS = re.compile(r"lift your hands[^.]{0,30}(off|above)", re.IGNORECASE)
HOVER = 15.0
# a support offered with the body as the other choice ("a table or your thigh") is optional
OR_BODY = re.compile(_SUPPORT + r" or (your|the) (thigh|lap|knee)", re.IGNORECASE)
GRIP_BELOW = 25.0  # cm: a hand gripping the front edge sits below the top
ON_TOP = 3.0
ON_RAIL = 6.0


def _rail(prop: Prop) -> tuple[tuple[float, float], tuple[float, float]]:
    """The stair rail's line, as props.draw_furniture draws it."""
    sign = 1.0 if prop["side"] == "right" else -1.0
    last = extent(prop, "side")[-1][2]
    start = (prop["x"] - sign * 20, 90.0)
    end = (prop["x"] + sign * prop["going"] * (prop["steps"] - 0.5), 90.0 + last)
    return start, end


def _to_segment(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / (dx * dx + dy * dy)))
    return math.dist(p, (ax + t * dx, ay + t * dy))


def hand_off_support(placed: Placed, view: str, props: Iterable[Prop]) -> float:
    """0 when a hand rests on a holdable prop, else how far the nearest hand is (cm)."""
    holdable = [p for p in props if p.kind in HOLDABLE]
    best = math.inf
    for hand in ("left_hand", "right_hand"):
        centre = placed.body.points[hand]
        for part in placed.body.parts:
            for node in part.nodes:
                if math.dist(node.point, centre) > NEAR / 2:
                    continue
                x, y = project(view, node.point)
                r = section_radius(view, node, UP)
                for prop in holdable:
                    if prop.kind == "stairs" and view == "side":
                        d = _to_segment((x, y), *_rail(prop)) - r
                        best = min(best, 0.0 if d <= ON_RAIL else d)
                        continue
                    for x0, x1, h in extent(prop, view):
                        if not x0 - 3 <= x <= x1 + 3:
                            best = min(best, min(abs(x - x0), abs(x - x1)) + abs(y - h))
                            continue
                        gap = y - r - h
                        if -GRIP_BELOW <= gap <= ON_TOP:
                            return 0.0
                        best = min(best, gap - ON_TOP if gap > 0 else -gap - GRIP_BELOW)
    return best


# what each piece of the exercise's equipment is drawn as
DRAWN_AS: dict[str, set[str]] = {
    "resistance_band": {"band"},
    "dumbbells": {"dumbbells"},
    "chair": {"chair", "car"},
    "counter": {"counter", "table"},
    "wall": {"wall", "door"},
    "step": {"step", "stairs"},
    "mat": {"mat", "bed"},
    "weighted_vest": {"vest"},
    "walking_poles": {"poles"},
}


def equipment_problems(ill: Illustration, equipment: Iterable[object]) -> list[str]:
    """Every piece of the exercise's equipment is in the drawing (a wall angel with no wall
    teaches arm waving; a counter to hold that is not drawn is not held)."""
    kinds = {p.kind for p in ill.props} | {p.kind for _, pose in ill.poses for p in pose.props}
    return [
        f"its equipment includes {str(item).replace('_', ' ')}, which the drawing does not show"
        for item in equipment
        if not DRAWN_AS.get(str(item), {str(item)}) & kinds
    ]


FACES = re.compile(
    r"(stand|standing|sit|sitting)[^.]{0,20} facing (a|the) (kitchen )?counter", re.I
)


def orientation_problems(ill: Illustration, steps: Sequence[str]) -> list[str]:
    """A counter the steps have the client face, in a front view, is drawn in front of the
    figure (``facing = true``): drawn behind, it reads as standing with one's back to it."""
    if ill.view != "front" or not FACES.search(" ".join(steps)):
        return []
    counters = [p for p in ill.props if p.kind == "counter"]
    if counters and not any(p.params.get("facing") for p in counters):
        return ["the steps face a counter, but the front view draws it behind the figure "
                "(give the counter facing = true)"]  # fmt: skip
    return []


def contact_problems(ill: Illustration, steps: Sequence[str]) -> list[str]:
    text = " ".join(steps)
    said = SAYS_HOLD.search(text)
    in_water = any(p.kind == "water" for p in ill.props)  # its rail is for getting in
    if said is None or OR_BODY.search(text) or in_water:
        return []
    what = next(g for g in said.groups() if g and g.lower() in _WORDS).lower()
    hover = HOVER if LIFTS_HANDS.search(text) else 0.0
    problems = []
    for index, (phase, pose) in enumerate(ill.poses):
        if pose.lift:
            continue
        props = [*ill.props, *pose.props]
        off = hand_off_support(place(pose, ill.view, props), ill.view, props)
        if off > (hover if index else 0.0):
            where = "" if math.isinf(off) else f" (the nearest is {off:.0f} cm off)"
            problems.append(
                f"{phase}: the steps put a hand on the {what}, but no hand rests on one{where}"
            )
    return problems


_WORDS = {
    "counter", "rail", "banister", "chair back", "back of a chair", "back of the chair",
    "worktop", "sink", "table",
}  # fmt: skip
