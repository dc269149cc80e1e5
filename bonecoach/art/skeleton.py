"""The figure's skeleton: joint angles in, 3D body points and limb shapes out.

Angles are anatomical, in degrees, measured from the upright standing position:
flexion positive (hip and shoulder forward, knee and elbow bent, back rounded), extension
negative. Limb lengths never change, and every angle has a limit a real older body reaches,
so a pose that bends a knee backwards is caught as an error, not drawn.

Whole-body orientation: ``trunk`` pitches the pelvis forward (90 = face down, -90 = lying on
the back), ``roll`` turns the body about its long axis (lying on a side), ``lean`` tips the
whole straight body sideways (to its right +; seen in a front view, e.g. leaning on a wall),
``turn`` about the vertical axis.
"""

from __future__ import annotations

from dataclasses import dataclass

from bonecoach.art.geometry import IDENTITY, Mat, Vec, add, apply, mul, rot_x, rot_y, rot_z

SIDES = ("left", "right")

# Whole-body joints: name -> (lowest, highest) degrees.
BODY_LIMITS: dict[str, tuple[float, float]] = {
    "trunk": (-180.0, 180.0),
    "roll": (-180.0, 180.0),
    "lean": (-45.0, 45.0),
    "turn": (-180.0, 180.0),
    "spine": (-30.0, 100.0),  # total over the three spine joints
    "side_bend": (-40.0, 40.0),
    "twist": (-50.0, 50.0),
    "neck": (-45.0, 70.0),
    # the chin tuck, in cm (not degrees): the head slides straight back along the line of the
    # shoulders, staying level (the neck's S straightens; no nod, no tip)
    "retract": (0.0, 6.0),
    "head_turn": (-80.0, 80.0),  # positive looks to the right
    "neck_side": (-45.0, 45.0),  # ear towards the right shoulder positive
    "hinge": (-30.0, 110.0),  # not a joint: tips the trunk forward at both hips
}
# Joints each side has: name -> (lowest, highest) degrees.
SIDE_LIMITS: dict[str, tuple[float, float]] = {
    "hip": (-30.0, 135.0),
    "hip_abduct": (-25.0, 60.0),
    "hip_rotate": (-45.0, 60.0),  # external rotation positive
    "knee": (0.0, 155.0),  # never bent backwards
    "ankle": (-50.0, 30.0),  # dorsiflexion positive, toes pointed negative
    "shoulder": (-60.0, 180.0),
    "shoulder_abduct": (-15.0, 180.0),
    "shoulder_rotate": (-60.0, 90.0),  # external rotation positive (forearm turns outwards)
    "elbow": (0.0, 150.0),  # never bent backwards
    "wrist": (-80.0, 90.0),  # positive turns the hand the way the elbow bends
    # the forearm turned palm-down: 0 the palm faces the way the elbow bends (palm up with the
    # forearm on the thigh), 90 the thumb leads, 180 the palm faces the other way (palm down)
    "pronation": (0.0, 180.0),
}

# Segment lengths in centimetres (an adult about 168 cm tall).
THIGH = 42.0
SHANK = 41.0
HIP_DROP = 4.0  # hip joints sit a little below the pelvis centre
HIP_HALF_WIDTH = 9.0
SPINE_SEGMENTS = (18.0, 16.0, 14.0)  # lumbar, lower thoracic, upper thoracic
SPINE_SHARE = (0.3, 0.35, 0.35)  # how a whole-back bend spreads over the spine joints
NECK = 7.0
HEAD_RADIUS = 10.0
SHOULDER_DROP = 4.0
SHOULDER_HALF_WIDTH = 16.0
UPPER_ARM = 29.0
FOREARM = 25.0
HAND = 8.0
FINGERS_BASE: Vec = (0.0, -HAND, 0.0)  # the hand point (knuckles), from the wrist
FINGERS: Vec = (2.2, -HAND - 1.0, 0.0)  # curled fingers: on the palm side (+x) of the hand
FINGERS_RADIUS = 2.6
HEEL: Vec = (-4.0, -4.0, 0.0)  # from the ankle, in the foot's frame
TOE: Vec = (17.0, -5.2, 0.0)
HEEL_RADIUS = 3.2
TOE_RADIUS = 2.0


@dataclass(frozen=True)
class Node:
    """A point of a limb outline: its centre and its half-thickness.

    ``depth`` and ``width`` are the half-thickness along the frame's x (front-back) and z
    (side-side) axes; limbs are round (equal), the trunk is an ellipse.
    """

    point: Vec
    depth: float
    width: float
    frame: Mat = IDENTITY


@dataclass(frozen=True)
class Part:
    """One body part drawn as a chain of tapered capsules (or a ball when one node)."""

    name: str  # e.g. "trunk", "head", "left_leg", "right_arm"
    side: str | None
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Body:
    points: dict[str, Vec]
    parts: tuple[Part, ...]
    head_front: Vec  # unit vector the face points to (for the nose in side views)


def _round(point: Vec, radius: float) -> Node:
    return Node(point, radius, radius)


def _spine(angles: dict[str, float], root: Mat) -> tuple[list[Vec], list[Mat]]:
    points: list[Vec] = [(0.0, 0.0, 0.0)]
    frames: list[Mat] = [root]
    frame = root
    for length, share in zip(SPINE_SEGMENTS, SPINE_SHARE, strict=True):
        bend = mul(rot_z(-angles["spine"] * share), rot_x(angles["side_bend"] * share))
        frame = mul(frame, mul(bend, rot_y(-angles["twist"] * share)))
        points.append(add(points[-1], apply(frame, (0.0, length, 0.0))))
        frames.append(frame)
    return points, frames


def _leg(side: str, a: dict[str, float], pelvis: Mat) -> tuple[dict[str, Vec], Part]:
    sign = 1.0 if side == "right" else -1.0
    hip = apply(pelvis, (0.0, -HIP_DROP, sign * HIP_HALF_WIDTH))
    thigh = mul(pelvis, rot_z(a["hip"]))
    thigh = mul(thigh, mul(rot_x(-sign * a["hip_abduct"]), rot_y(-sign * a["hip_rotate"])))
    knee = add(hip, apply(thigh, (0.0, -THIGH, 0.0)))
    shank = mul(thigh, rot_z(-a["knee"]))
    ankle = add(knee, apply(shank, (0.0, -SHANK, 0.0)))
    foot = mul(shank, rot_z(a["ankle"]))
    heel = add(ankle, apply(foot, HEEL))
    toe = add(ankle, apply(foot, TOE))
    # the toes' width, seen only from the front
    toe_out = add(ankle, apply(foot, (TOE[0], TOE[1], sign * 4.0)))
    toe_in = add(ankle, apply(foot, (TOE[0], TOE[1], -sign * 2.0)))
    points = {"hip": hip, "knee": knee, "ankle": ankle, "heel": heel, "toe": toe}
    nodes = (
        _round(hip, 7.5),
        _round(knee, 5.2),
        _round(ankle, 3.5),
        _round(heel, HEEL_RADIUS),
        _round(toe_out, TOE_RADIUS),
        _round(toe_in, TOE_RADIUS),
        _round(heel, HEEL_RADIUS),
        _round(ankle, 3.5),
    )
    return points, Part(f"{side}_leg", side, nodes)


def _arm(side: str, a: dict[str, float], chest: Mat, base: Vec) -> tuple[dict[str, Vec], Part]:
    sign = 1.0 if side == "right" else -1.0
    shoulder = add(base, apply(chest, (0.0, -SHOULDER_DROP, sign * SHOULDER_HALF_WIDTH)))
    upper = mul(chest, mul(rot_z(a["shoulder"]), rot_x(-sign * a["shoulder_abduct"])))
    upper = mul(upper, rot_y(-sign * a["shoulder_rotate"]))
    elbow = add(shoulder, apply(upper, (0.0, -UPPER_ARM, 0.0)))
    fore = mul(upper, rot_z(a["elbow"]))
    wrist = add(elbow, apply(fore, (0.0, -FOREARM, 0.0)))
    turned = mul(fore, rot_y(sign * a.get("pronation", 0.0)))
    hand_frame = mul(turned, rot_z(a["wrist"]))
    hand = add(wrist, apply(hand_frame, FINGERS_BASE))
    # the fingers curl a little toward the palm, so a close-up shows which way it faces
    fingers = add(wrist, apply(hand_frame, FINGERS))
    points = {
        "shoulder": shoulder,
        "elbow": elbow,
        "wrist": wrist,
        "hand": hand,
        "fingers": fingers,
        # 1 cm from the wrist toward the palm: shows which way the forearm is turned
        "palm": add(wrist, apply(turned, (1.0, 0.0, 0.0))),
    }
    nodes = (
        _round(shoulder, 5.2),
        _round(elbow, 3.9),
        _round(wrist, 2.9),
        _round(hand, 3.4),
        _round(fingers, FINGERS_RADIUS),
    )
    return points, Part(f"{side}_arm", side, nodes)


def _root(a: dict[str, float]) -> Mat:
    pitch = a["trunk"] + a.get("hinge", 0.0)
    lean = a.get("lean", 0.0)
    return mul(rot_y(a["turn"]), mul(rot_x(lean), mul(rot_z(-pitch), rot_y(a["roll"]))))


def foot(body_angles: dict[str, float], angles: dict[str, float], side: str) -> tuple[Node, ...]:
    """Just one leg's heel and toe (cheap, for solving a knee so the foot reaches the floor)."""
    hinged = angles | {"hip": angles["hip"] + body_angles.get("hinge", 0.0)}
    return _leg(side, hinged, _root(body_angles))[1].nodes[3:6]


def flat_ankle(body_angles: dict[str, float], angles: dict[str, float]) -> float:
    """The ankle angle that keeps the sole level (side-plane poses)."""
    pitch = body_angles["trunk"] + body_angles.get("hinge", 0.0)
    return pitch - (angles["hip"] + body_angles.get("hinge", 0.0)) + angles["knee"]


def pose_body(body_angles: dict[str, float], side_angles: dict[str, dict[str, float]]) -> Body:
    """Forward kinematics: the body with its pelvis centre at the origin."""
    a = body_angles
    hinge = a.get("hinge", 0.0)
    root = _root(a)
    spine, frames = _spine(a, root)
    pelvis, waist, chest, neck_base = spine
    tilt = a.get("neck_side", 0.0) * 0.5
    neck_frame = mul(frames[3], mul(rot_z(-a["neck"] * 0.5), rot_x(tilt)))
    head_base = add(neck_base, apply(neck_frame, (0.0, NECK, 0.0)))
    head_base = add(head_base, apply(frames[3], (-a.get("retract", 0.0), 0.0, 0.0)))
    head_frame = mul(
        neck_frame, mul(mul(rot_z(-a["neck"] * 0.5), rot_x(tilt)), rot_y(-a.get("head_turn", 0.0)))
    )
    head = add(head_base, apply(head_frame, (1.5, 9.0, 0.0)))
    points: dict[str, Vec] = {
        "pelvis": pelvis,
        "waist": waist,
        "chest": chest,
        "neck": neck_base,
        "head": head,
    }
    trunk = Part(
        "trunk",
        None,
        (
            # the seat sits a little behind and below the hip line, the chest a little forward
            Node(add(pelvis, apply(frames[1], (-3.0, -3.5, 0.0))), 11.5, 16.0, frames[1]),
            Node(pelvis, 12.0, 16.5, frames[1]),
            Node(add(waist, apply(frames[2], (0.5, 0.0, 0.0))), 10.5, 13.5, frames[2]),
            Node(add(chest, apply(frames[3], (1.5, 0.0, 0.0))), 12.0, 16.0, frames[3]),
            # the shoulder line, a little below the neck, so the top of the trunk is no hood; set
            # back so the upper back runs on in line with the chest (a bulge reads as rounding)
            Node(add(neck_base, apply(frames[3], (-1.0, -5.0, 0.0))), 9.5, 14.0, frames[3]),
        ),
    )
    neck_part = Part("neck", None, (_round(neck_base, 5.0), _round(head_base, 4.5)))
    head_part = Part("head", None, (_round(head, HEAD_RADIUS),))
    parts = [trunk, neck_part, head_part]
    for side in SIDES:
        hinged = side_angles[side] | {"hip": side_angles[side]["hip"] + hinge}
        leg_points, leg = _leg(side, hinged, root)
        arm_points, arm = _arm(side, side_angles[side], frames[3], neck_base)
        for name, point in {**leg_points, **arm_points}.items():
            points[f"{side}_{name}"] = point
        parts.extend((leg, arm))
    for name in ("hip", "knee", "ankle", "heel", "toe", "shoulder", "elbow", "wrist", "hand"):
        left, right = points[f"left_{name}"], points[f"right_{name}"]
        points[name] = (
            (left[0] + right[0]) / 2,
            (left[1] + right[1]) / 2,
            (left[2] + right[2]) / 2,
        )
    for side in ("left_", "right_", ""):
        heel, toe = points[f"{side}heel"], points[f"{side}toe"]
        points[f"{side}foot"] = ((heel[0] + toe[0]) / 2, (heel[1] + toe[1]) / 2, heel[2])
    return Body(points, tuple(parts), apply(head_frame, (1.0, 0.0, 0.0)))


def limit_problems(
    body_angles: dict[str, float], side_angles: dict[str, dict[str, float]]
) -> list[str]:
    """Every angle outside its joint's range, in words."""
    problems = []
    hinge = body_angles.get("hinge", 0.0)
    for side, angles in side_angles.items():
        hip = angles.get("hip", 0.0) + hinge
        low, high = SIDE_LIMITS["hip"]
        if hinge and not low <= hip <= high:
            problems.append(
                f"{side} hip with the hinge = {hip:g} is outside its range {low:g} to {high:g}"
            )
    for name, value in body_angles.items():
        low, high = BODY_LIMITS[name]
        if not low <= value <= high:
            problems.append(f"{name} = {value:g} is outside its range {low:g} to {high:g}")
    for side, angles in side_angles.items():
        for name, value in angles.items():
            if name == "hip" and hinge:  # checked above with the hinge added
                continue
            low, high = SIDE_LIMITS[name]
            if not low <= value <= high:
                problems.append(
                    f"{side} {name} = {value:g} is outside its range {low:g} to {high:g}"
                )
    return problems
