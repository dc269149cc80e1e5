"""The drawings teach the back the library prescribes: straight where flexion is "none".

Osteoporosis guidance (TFTF15 table 5, SSS) is to lean from the hips with a straight back;
a safe exercise drawn with a rounded back, or the head dropped toward the knees while
leaning, teaches the movement the handout warns against. The avoid-list exercises with
loaded flexion must show the rounding, since the contrast is the point of showing them.

Angles are measured on the placed skeleton (its body points), not read from the pose file,
so a pose cannot look straight in the file and be drawn rounded.
"""

from __future__ import annotations

import math

import pytest

from bonecoach.art import Illustration, load_illustrations
from bonecoach.art.geometry import Vec
from bonecoach.art.scene import Placed, place
from bonecoach.paths import resource
from bonecoach.program.library import load_library
from bonecoach.program.vocabulary import SpinalFlexion

STRAIGHT = 10.0  # degrees of rounding a "straight" back may show (a relaxed sitting back)
ROUNDED = 20.0  # degrees a drawing of loaded flexion must show at least, to be seen
LEANING = (20.0, 75.0)  # a trunk this far off vertical leans forward (more is lying) ...
HEAD_DOWN = 10.0  # ... in which the head may nod at most this much toward the knees
GAZE_DOWN = 35.0  # leaning from the hips, the face looks ahead or slightly down, not at the knees


def _sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def _flexion(lower: Vec, upper: Vec, across: Vec) -> float:
    """Signed angle from segment ``lower`` to segment ``upper``: forward bending positive.

    ``across`` points from the left side of the body to the right; bending forward turns
    the upper segment clockwise about it (see skeleton: flexion is rot_z(-angle)).
    """
    cross = (
        lower[1] * upper[2] - lower[2] * upper[1],
        lower[2] * upper[0] - lower[0] * upper[2],
        lower[0] * upper[1] - lower[1] * upper[0],
    )
    along = sum(a * b for a, b in zip(lower, upper, strict=True))
    size = math.hypot(*across)
    turn = sum(c * s for c, s in zip(cross, across, strict=True)) / size
    return -math.degrees(math.atan2(turn, along))


def back_rounding(placed: Placed) -> float:
    """How far the spine is rounded: the lumbar segment to the upper-thoracic one."""
    p = placed.body.points
    across = _sub(p["right_hip"], p["left_hip"])
    return _flexion(_sub(p["waist"], p["pelvis"]), _sub(p["neck"], p["chest"]), across)


def head_nod(placed: Placed) -> float:
    """How far the head is bent forward from the line of the upper back."""
    p = placed.body.points
    across = _sub(p["right_hip"], p["left_hip"])
    return _flexion(_sub(p["neck"], p["chest"]), _sub(p["head"], p["neck"]), across)


def gaze_down(placed: Placed) -> float:
    """How far below the horizon the face points, in degrees."""
    x, y, z = placed.body.head_front
    return math.degrees(math.atan2(-y, math.hypot(x, z)))


def lean(placed: Placed) -> float:
    """The trunk's angle from vertical (pelvis to neck), in degrees."""
    p = placed.body.points
    dx, dy, dz = _sub(p["neck"], p["pelvis"])
    return math.degrees(math.atan2(math.hypot(dx, dz), dy))


def _placed(ill: Illustration) -> list[tuple[str, Placed]]:
    return [(phase, place(pose, ill.view, [*ill.props, *pose.props])) for phase, pose in ill.poses]


@pytest.fixture(scope="module")
def drawn() -> dict[str, tuple[SpinalFlexion, list[tuple[str, Placed]]]]:
    library = load_library(resource("library"))
    illustrations = load_illustrations()
    return {
        e.id: (e.spinal_flexion, _placed(illustrations[e.id]))
        for e in library.values()
        if e.id in illustrations
    }


def test_the_measures_read_a_posed_skeleton_the_right_way_round(write_poses) -> None:  # type: ignore[no-untyped-def]
    ills = write_poses(
        """
        [a]
        [a.start]
        spine = 40
        neck = 30
        [a.middle]
        [a.end]
        spine = -20
        hinge = 45
        neck = -20
        """
    )
    (_, rounded), (_, upright), (_, arched) = _placed(ills["a"])
    # lumbar to upper-thoracic segment: the two upper spine joints' share of the bend
    assert back_rounding(rounded) == pytest.approx(40 * 0.7, abs=0.5)
    assert back_rounding(upright) == pytest.approx(0, abs=0.1)
    assert head_nod(rounded) > 20 > HEAD_DOWN > head_nod(upright) > 0  # the face is forward
    assert lean(upright) == pytest.approx(0, abs=0.1)
    assert lean(rounded) < 30
    assert back_rounding(arched) == pytest.approx(-20 * 0.7, abs=0.5)
    assert head_nod(arched) < 0
    assert lean(arched) > 30


def test_exercises_without_spinal_flexion_are_drawn_with_a_straight_back(drawn) -> None:  # type: ignore[no-untyped-def]
    rounded = [
        f"{eid} {phase}: back rounded {back_rounding(placed):.0f} degrees"
        for eid, (flexion, poses) in drawn.items()
        if flexion is SpinalFlexion.NONE
        for phase, placed in poses
        if back_rounding(placed) > STRAIGHT
    ]
    assert rounded == []


def test_a_forward_lean_keeps_the_head_in_line_looking_ahead(drawn) -> None:  # type: ignore[no-untyped-def]
    dropped = [
        f"{eid} {phase}: leaning {lean(placed):.0f}, head nodded {head_nod(placed):.0f} degrees"
        for eid, (flexion, poses) in drawn.items()
        if flexion is SpinalFlexion.NONE
        for phase, placed in poses
        if LEANING[0] < lean(placed) < LEANING[1] and head_nod(placed) > HEAD_DOWN
    ]
    assert dropped == []


def test_leaning_from_the_hips_the_face_looks_ahead_not_at_the_knees(drawn) -> None:  # type: ignore[no-untyped-def]
    """A trunk tipped to the horizontal (past LEANING, as in a golfer's lift) keeps the head in
    line with it: looking ahead from there would crank the neck back, so it is not asked."""
    down = [
        f"{eid} {phase}: hinged {placed.pose.body['hinge']:g}, looks {gaze_down(placed):.0f} down"
        for eid, (flexion, poses) in drawn.items()
        if flexion is SpinalFlexion.NONE
        for phase, placed in poses
        if placed.pose.body["hinge"] >= LEANING[0]
        and lean(placed) < LEANING[1]
        and gaze_down(placed) > GAZE_DOWN
    ]
    assert down == []


def test_a_straight_spine_is_drawn_with_a_straight_back_line() -> None:
    """The trunk outline itself must not bulge behind the line from seat to shoulders: a
    convex upper back reads as rounding even when every spine joint is straight."""
    from bonecoach.art.figure import section_radius
    from bonecoach.art.geometry import apply
    from bonecoach.art.presets import BASES
    from bonecoach.art.skeleton import SIDE_LIMITS, pose_body

    body_angles = {"trunk": 0.0, "roll": 0.0, "turn": 0.0, "spine": 0.0, "side_bend": 0.0}
    body_angles |= {"twist": 0.0, "neck": 0.0, "head_turn": 0.0, "neck_side": 0.0}
    for hinge in (0.0, 45.0):
        sides = {
            s: {n: 0.0 for n in SIDE_LIMITS} | BASES["sit_chair"].both for s in ("left", "right")
        }
        body = pose_body(body_angles | {"hinge": hinge}, sides)
        trunk = next(p for p in body.parts if p.name == "trunk")
        backs = []
        for node in trunk.nodes[1:]:  # from the pelvis up (the seat sits behind on purpose)
            behind = apply(node.frame, (-1.0, 0.0, 0.0))
            r = section_radius("side", node, behind)
            backs.append((node.point[0] + behind[0] * r, node.point[1] + behind[1] * r))
        (x0, y0), (x1, y1) = backs[0], backs[-1]
        length = math.hypot(x1 - x0, y1 - y0)
        for x, y in backs[1:-1]:
            # positive: behind the line from the pelvis to the shoulders (a hump)
            out = ((x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)) / length
            assert out < 0.5, (hinge, (x, y))


def test_the_avoid_list_shows_the_rounded_back_it_warns_against(drawn) -> None:  # type: ignore[no-untyped-def]
    loaded = {
        eid: poses for eid, (flexion, poses) in drawn.items() if flexion is SpinalFlexion.LOADED
    }
    assert {"sit_up", "crunch", "toe_touch", "yoga_forward_fold"} <= set(loaded)
    straight = [
        eid for eid, poses in loaded.items() if max(back_rounding(p) for _, p in poses) < ROUNDED
    ]
    assert straight == []
