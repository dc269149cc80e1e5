"""Putting a posed body into the room: on the floor or a prop, at its place.

The body is moved sideways so its anchor point sits at the pose's ``x``, then lowered until
its lowest part touches whatever is under it (floor, chair seat, step, mat, bed), the way a
body would settle if it were dropped gently into the pose. Feet the pose "plants" then get
their knee bent or straightened until the sole meets the surface under it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from bonecoach.art.figure import project, section_radius
from bonecoach.art.geometry import Vec, add
from bonecoach.art.poses import Pose
from bonecoach.art.props import Prop, extent, surfaces
from bonecoach.art.skeleton import (
    SIDE_LIMITS,
    Body,
    Node,
    Part,
    flat_ankle,
    foot,
    limit_problems,
    pose_body,
)

UP: Vec = (0.0, 1.0, 0.0)
Tops = Sequence[tuple[float, float, float]]
TOUCH = 1.5  # cm: a planted foot further off its surface than this is "floating"


@dataclass(frozen=True)
class Placed:
    body: Body
    pose: Pose
    sides: dict[str, dict[str, float]] = field(default_factory=dict)  # final joint angles
    problems: tuple[str, ...] = ()

    def point(self, view: str, name: str) -> tuple[float, float]:
        return project(view, self.body.points[name])


def floor_height(x: float, tops: Tops) -> float:
    return max([0.0] + [h for x0, x1, h in tops if x0 <= x <= x1])


def _gap(view: str, nodes: Iterable[Node], shift: Vec, tops: Tops) -> float:
    """How far the lowest of ``nodes`` (moved by shift) is above the surface under it."""
    return min(
        n.point[1]
        + shift[1]
        - section_radius(view, n, UP)
        - floor_height(project(view, add(n.point, shift))[0], tops)
        for n in nodes
    )


def _moved(body: Body, shift: Vec) -> Body:
    parts = tuple(
        Part(
            p.name,
            p.side,
            tuple(Node(add(n.point, shift), n.depth, n.width, n.frame) for n in p.nodes),
        )
        for p in body.parts
    )
    return Body({k: add(v, shift) for k, v in body.points.items()}, parts, body.head_front)


def _level(body: dict[str, float], angles: dict[str, float]) -> float:
    """The ankle that keeps the sole level, within the ankle's range (a foot in the air
    that cannot be level just points as far as the ankle goes)."""
    low, high = SIDE_LIMITS["ankle"]
    return min(max(flat_ankle(body, angles), low), high)


def _with_knee(pose: Pose, angles: dict[str, float], side: str, knee: float) -> dict[str, float]:
    out = angles | {"knee": knee}
    if side in pose.flat:
        out["ankle"] = _level(pose.body, out)
    return out


def _solve_knee(
    pose: Pose, view: str, sides: dict[str, dict[str, float]], side: str, shift: Vec, tops: Tops
) -> float:
    """The knee angle nearest the posed one that puts this foot on its surface."""

    def gap(knee: float) -> float:
        angles = _with_knee(pose, sides[side], side, knee)
        return _gap(view, foot(pose.body, angles, side), shift, tops)

    low, high = SIDE_LIMITS["knee"]
    grid = [low + (high - low) * i / 31 for i in range(32)]
    values = [gap(k) for k in grid]
    roots = []
    for i in range(len(grid) - 1):
        (k0, g0), (k1, g1) = (grid[i], values[i]), (grid[i + 1], values[i + 1])
        if (g0 < 0) == (g1 < 0):
            continue
        for _ in range(14):
            mid = (k0 + k1) / 2
            gm = gap(mid)
            if (gm < 0) == (g0 < 0):
                k0, g0 = mid, gm
            else:
                k1 = mid
        root = (k0 + k1) / 2
        if abs(gap(root)) < 0.3:  # not a jump where the foot passes a prop's edge
            roots.append(root)
    posed = sides[side]["knee"]
    if roots:
        return min(roots, key=lambda k: abs(k - posed))
    best = min(range(len(grid)), key=lambda i: abs(values[i]))
    fine = [grid[best] + d / 2 for d in range(-12, 13)]
    return min((k for k in fine if low <= k <= high), key=lambda k: abs(gap(k)))


def _place_once(pose: Pose, view: str, props: Sequence[Prop]) -> Placed:
    tops = [t for prop in props for t in surfaces(prop, view)]
    sides = {s: dict(a) for s, a in pose.sides.items()}
    for side in pose.flat:
        sides[side]["ankle"] = _level(pose.body, sides[side])
    body = pose_body(pose.body, sides)
    anchor_x = project(view, body.points[pose.anchor])[0]
    dx = pose.x - anchor_x
    sideways: Vec = (dx, 0.0, 0.0) if view == "side" else (0.0, 0.0, -dx)
    nodes = [n for part in body.parts for n in part.nodes]
    shift = add(sideways, (0.0, -_gap(view, nodes, sideways, tops), 0.0))
    for _ in range(2):  # a planted leg too short to reach lowers the body, then re-solve
        for side in pose.plant:
            sides[side] = _with_knee(
                pose, sides[side], side, _solve_knee(pose, view, sides, side, shift, tops)
            )
        floating = [_gap(view, foot(pose.body, sides[s], s), shift, tops) for s in pose.plant]
        if not floating or max(floating) <= 0.5:
            break
        # lower the body, but never push the rest of it (not the planted legs) into the floor
        rest = [
            n
            for part in pose_body(pose.body, sides).parts
            if part.side not in pose.plant or not part.name.endswith("_leg")
            for n in part.nodes
        ]
        drop = min(max(floating), max(0.0, _gap(view, rest, shift, tops)))
        if drop <= 0.5:
            break
        shift = add(shift, (0.0, -drop, 0.0))
    body = _moved(pose_body(pose.body, sides), add(shift, (0.0, pose.lift, 0.0)))
    problems = list(limit_problems(pose.body, sides))
    for side in pose.plant if not pose.lift else ():
        gap = _gap(view, foot(pose.body, sides[side], side), shift, tops)
        if abs(gap) > TOUCH:
            where = "above" if gap > 0 else "into"
            problems.append(
                f"the {side} foot cannot be planted: it ends {abs(gap):.0f} cm {where} the surface"
            )
    sunk = _gap(view, [n for p in body.parts for n in p.nodes], (0.0, 0.0, 0.0), tops)
    if sunk < -TOUCH:
        problems.append(f"part of the body goes {-sunk:.0f} cm into the floor or a prop")
    return Placed(body, pose, sides, tuple(problems))


# -- what the body rests on -------------------------------------------------------------------
NEAR = 10.0  # cm: the body round a point (a buttock round the pelvis, a kneecap round the knee)
RESTING = {"pelvis": 6.0, "chest": 6.0, "waist": 6.0}  # the trunk's rounded outline
RESTING_LIMB = TOUCH + 1.0
_FOOT = ("heel", "toe")


def _contact_points(name: str) -> list[str]:
    side, _, rest = name.partition("_")
    if side in ("left", "right") and rest == "foot":
        return [f"{side}_{n}" for n in _FOOT]
    return [name]


def rest_gap(placed: Placed, view: str, name: str, tops: Tops) -> float:
    """How far the body round point ``name`` is above the surface under it (cm; the body's
    thickness taken off, so resting is about 0)."""
    best = float("inf")
    for point_name in _contact_points(name):
        point = placed.body.points[point_name]
        for part in placed.body.parts:
            for node in part.nodes:
                if max(abs(a - b) for a, b in zip(node.point, point, strict=True)) > NEAR:
                    continue
                x, y = project(view, node.point)
                best = min(best, y - section_radius(view, node, UP) - floor_height(x, tops))
    return best


def unrested(placed: Placed, view: str, props: Sequence[Prop]) -> list[tuple[str, float]]:
    """Each ``rests`` group with no point on a surface: (its nearest point, how far above)."""
    if placed.pose.lift:
        return []  # the airborne moment of a jump: nothing rests
    # every top, also of a prop drawn beside the body in a front view (the seat under a
    # seated figure whose feet stand in front of it)
    tops = [t for prop in props for t in extent(prop, view)]
    out = []
    for group in placed.pose.rests:
        gaps = {name: rest_gap(placed, view, name, tops) for name in group}
        over = {name: gap - RESTING.get(name, RESTING_LIMB) for name, gap in gaps.items()}
        name = min(over, key=lambda n: over[n])
        if over[name] > 0:
            out.append((name, gaps[name]))
    return out


def place(pose: Pose, view: str, props: Sequence[Prop]) -> Placed:
    """The pose in the room. A side-view pose left resting on the wrong point (hands on the
    mat, knees in the air) tips about the trunk, as a body settles, until what it should
    rest on does: the smallest tip that works, up to SETTLE_DEGREES."""
    placed = _place_once(pose, view, props)
    if view != "side" or not unrested(placed, view, props):
        return placed

    def worst(tip: float) -> tuple[float, Placed]:  # how far the worst group is off
        tipped = replace(pose, body=pose.body | {"trunk": pose.body.get("trunk", 0.0) + tip})
        attempt = _place_once(tipped, view, props)
        left = unrested(attempt, view, props)
        return (max((g for _, g in left), default=0.0), attempt)

    tips = sorted((d * 0.5 for d in range(-2 * SETTLE_DEGREES, 2 * SETTLE_DEGREES + 1)), key=abs)
    for tip in tips:
        left, attempt = worst(tip)
        if left == 0.0:
            return replace(attempt, pose=pose)
    return placed


SETTLE_DEGREES = 25
