"""The pose format and the skeleton: limits, constant limbs, feet on the floor, clear errors."""

from __future__ import annotations

import math

import pytest

from bonecoach.art import illustration_problems
from bonecoach.art.poses import parse_pose
from bonecoach.art.presets import BASES
from bonecoach.art.props import parse_prop
from bonecoach.art.scene import place
from bonecoach.art.skeleton import FOREARM, SHANK, THIGH, UPPER_ARM

from .conftest import SIT_TO_STAND


def _distance(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    return math.dist(a, b)


def test_a_knee_bent_backwards_breaks_the_joint_limit(write_poses) -> None:  # type: ignore[no-untyped-def]
    ills = write_poses(SIT_TO_STAND.replace("x = 30\n", "x = 30\nknee = -15\n"), "legs.toml")
    problems = illustration_problems(ills, ["sit_to_stand"])
    assert any(
        p.startswith("legs.toml: exercise 'sit_to_stand': end:")
        and "left knee = -15 is outside its range 0 to 155" in p
        for p in problems
    ), problems


def test_an_elbow_bent_the_wrong_way_is_caught(write_poses) -> None:  # type: ignore[no-untyped-def]
    text = SIT_TO_STAND.replace("x = 30\n", "x = 30\nright = { elbow = -20 }\n")
    problems = illustration_problems(write_poses(text), ["sit_to_stand"])
    assert [p for p in problems if "right elbow = -20" in p]
    assert not [p for p in problems if "left elbow" in p]


def test_a_good_pose_has_no_problems(write_poses) -> None:  # type: ignore[no-untyped-def]
    assert illustration_problems(write_poses(SIT_TO_STAND), ["sit_to_stand"]) == []


def test_missing_poses_unknown_props_and_keys_are_named(write_poses) -> None:  # type: ignore[no-untyped-def]
    text = """
[wobble]
props = [{ kind = "trampoline", x = 0 }]
[wobble.start]
base = "handstand"
[other]
[other.start]
elbows = 30
left = { knee = "bent" }
[other.end]
"""
    problems = illustration_problems(write_poses(text, "bad.toml"), ["wobble", "other", "absent"])
    expected = [
        "bad.toml: exercise 'wobble': unknown prop kind 'trampoline'",
        "bad.toml: exercise 'wobble': start: unknown base pose 'handstand'",
        "bad.toml: exercise 'wobble': no end pose",
        "bad.toml: exercise 'other': start: unknown key 'elbows'",
        "bad.toml: exercise 'other': start: left knee must be a number",
        "exercise 'absent': has no poses",
    ]
    for fragment in expected:
        assert any(fragment in p for p in problems), (fragment, problems)


def test_an_illustration_for_an_unknown_exercise_is_reported(write_poses) -> None:  # type: ignore[no-untyped-def]
    problems = illustration_problems(write_poses(SIT_TO_STAND), [])
    assert problems == ["poses.toml: exercise 'sit_to_stand': not in the library"]


@pytest.mark.parametrize("base", sorted(BASES))
def test_limbs_keep_their_length_in_every_base_pose(base: str) -> None:
    problems: list[str] = []
    pose = parse_pose({"base": base, "left": {"elbow": 40}}, "start", problems)
    assert pose is not None and problems == []
    placed = place(pose, "side", [])
    assert placed.problems == ()
    p = placed.body.points
    for side in ("left", "right"):
        assert _distance(p[f"{side}_hip"], p[f"{side}_knee"]) == pytest.approx(THIGH)
        assert _distance(p[f"{side}_knee"], p[f"{side}_ankle"]) == pytest.approx(SHANK)
        assert _distance(p[f"{side}_shoulder"], p[f"{side}_elbow"]) == pytest.approx(UPPER_ARM)
        assert _distance(p[f"{side}_elbow"], p[f"{side}_wrist"]) == pytest.approx(FOREARM)


def test_a_seated_figure_rests_on_the_seat_with_both_feet_flat_on_the_floor() -> None:
    problems: list[str] = []
    pose = parse_pose({"base": "sit_chair", "x": -16}, "start", problems)
    chair, _ = parse_prop({"kind": "chair", "x": 0}, lambda _name: True)
    assert pose is not None and chair is not None
    placed = place(pose, "side", [chair])
    p = placed.body.points
    for side in ("left", "right"):
        heel, toe = p[f"{side}_heel"], p[f"{side}_toe"]
        assert heel[1] - 3.2 == pytest.approx(0.0, abs=0.6)  # heel on the floor
        assert toe[1] - 2.0 == pytest.approx(0.0, abs=0.6)  # sole level
    assert p["pelvis"][1] - 12.5 == pytest.approx(45.0, abs=1.5)  # on the seat


def test_a_standing_figure_is_grounded_and_upright() -> None:
    pose = parse_pose({}, "start", [])
    assert pose is not None
    p = place(pose, "side", []).body.points
    assert min(p["left_heel"][1], p["right_heel"][1]) - 3.2 == pytest.approx(0.0, abs=0.01)
    assert p["head"][1] > 150
    assert abs(p["head"][0] - p["ankle"][0]) < 6


def test_a_foot_that_cannot_reach_the_floor_is_reported(write_poses) -> None:  # type: ignore[no-untyped-def]
    text = """
[reach]
[reach.start]
[reach.end]
plant = ["left"]
left = { hip = 90, knee = 0 }
right = { hip = 0 }
"""
    problems = illustration_problems(write_poses(text), ["reach"])
    assert any("end: the left foot cannot be planted" in p for p in problems), problems


def test_a_variant_states_only_what_differs_with_like(write_poses) -> None:  # type: ignore[no-untyped-def]
    text = (
        SIT_TO_STAND
        + """
[sit_to_stand_dumbbell]
like = "sit_to_stand"
props = [{ kind = "chair", x = 0 }, { kind = "dumbbells" }]
end = { right = { elbow = 30 } }

[loop_a]
like = "loop_b"
[loop_b]
like = "loop_a"
"""
    )
    ills = write_poses(text)
    variant = ills["sit_to_stand_dumbbell"]
    assert [k.kind for k in variant.props] == ["chair", "dumbbells"]
    (start, end) = (dict(variant.poses)["start"], dict(variant.poses)["end"])
    assert start.base == "sit_chair" and start.x == -16
    assert end.base == "stand" and end.x == 30 and end.sides["right"]["elbow"] == 30
    assert end.sides["left"]["elbow"] == 10  # the stand base's own value stays
    problems = illustration_problems(
        ills, ["sit_to_stand", "sit_to_stand_dumbbell", "loop_a", "loop_b"]
    )
    assert any("exercise 'loop_a': like: 'loop_a' leads back to itself" in p for p in problems)


def test_lift_puts_a_jumping_figure_in_the_air() -> None:
    grounded = parse_pose({}, "start", [])
    airborne = parse_pose({"lift": 12}, "middle", [])
    assert grounded is not None and airborne is not None
    low = place(grounded, "side", []).body.points["left_heel"][1]
    high = place(airborne, "side", []).body.points["left_heel"][1]
    assert high - low == pytest.approx(12.0)


def test_a_counter_beside_the_figure_does_not_hold_its_feet_up() -> None:
    pose = parse_pose({"x": 0}, "start", [])
    in_front, _ = parse_prop({"kind": "step", "x": -30, "depth": 60}, lambda _n: True)
    beside, _ = parse_prop(
        {"kind": "counter", "x": -30, "height": 89, "beside": True}, lambda _n: True
    )
    assert pose is not None and in_front is not None and beside is not None
    on_step = place(pose, "side", [in_front]).body.points["left_heel"][1]
    by_counter = place(pose, "side", [beside]).body.points["left_heel"][1]
    assert on_step - by_counter == pytest.approx(15.0)  # the step's height; the counter: none


def test_sitting_on_the_side_of_a_bed_beside_the_figure(write_poses) -> None:  # type: ignore[no-untyped-def]
    """A bed seen from its long side, the client sitting on its near edge facing us: the legs
    hang in front of the bed, so its top must not hold the feet up (they stand on the floor),
    yet it is still what the seat rests on. Without ``beside`` the feet land on the bed."""
    text = """
[sit_on_bed]
[sit_on_bed.start]
props = [{ kind = "bed", x = 60, side = "left", height = 50, length = 190, beside = true }]
base = "sit_chair"
x = -20
turn = -60
[sit_on_bed.end]
props = [{ kind = "bed", x = 60, side = "left", height = 50, length = 190 }]
base = "sit_chair"
x = -20
turn = -60
"""
    ills = write_poses(text)
    problems = illustration_problems(ills, ["sit_on_bed"])
    assert not [p for p in problems if p.startswith("poses.toml: exercise 'sit_on_bed': start")]
    assert any("end: the pelvis should rest" in p for p in problems), problems
    (_, beside), (_, on_top) = ills["sit_on_bed"].poses
    props = [*ills["sit_on_bed"].props, *beside.props]
    p = place(beside, "side", props).body.points
    assert min(p["left_heel"][1], p["right_heel"][1]) - 3.2 == pytest.approx(0.0, abs=0.6)
    assert p["pelvis"][1] > 50  # at the bed's top, not dropped below it
    q = place(on_top, "side", [*ills["sit_on_bed"].props, *on_top.props]).body.points
    assert min(q["left_heel"][1], q["right_heel"][1]) > 50  # on the bed: what beside prevents


def test_retract_slides_the_head_straight_back_without_tipping_it() -> None:
    """The chin tuck (#15): the head moves back and stays level; a nod could only tip it."""
    from bonecoach.art.skeleton import limit_problems, pose_body

    def pose(retract: float):  # type: ignore[no-untyped-def]
        parsed = parse_pose({"base": "sit_chair", "retract": retract}, "end", [])
        assert parsed is not None
        return parsed

    sitting = pose_body(pose(0.0).body, pose(0.0).sides)
    tucked = pose_body(pose(4.5).body, pose(4.5).sides)
    back = sitting.points["head"][0] - tucked.points["head"][0]
    assert back == pytest.approx(4.5)  # straight back, not down
    assert tucked.points["head"][1] == pytest.approx(sitting.points["head"][1])
    assert tucked.head_front == pytest.approx(sitting.head_front)  # the eyes stay level
    assert tucked.points["neck"] == sitting.points["neck"]  # the shoulders do not move
    too_far = pose(50.0)
    assert any("retract = 50 is outside its range 0 to 6" in p
               for p in limit_problems(too_far.body, too_far.sides))  # fmt: skip
