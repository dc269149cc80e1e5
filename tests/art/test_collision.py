"""#15 collision check: no part of the body passes through a prop (a counter's cabinet, a
step, a bed, a chair's seat or back, a wall). Each case breaks a correct pose on purpose."""

from __future__ import annotations

import math

from bonecoach.art import illustration_problems

from .conftest import SIT_TO_STAND

AT_A_COUNTER = """
[calf_raise]
props = [{ kind = "counter", x = 33, height = 89 }]
[calf_raise.start]
x = 0
[calf_raise.end]
x = 0
"""
LEANING_ON_A_WALL = """
[wall_side_plank]
view = "front"
props = [{ kind = "wall", x = 45 }]
[wall_side_plank.start]
left = { shoulder_abduct = 80, elbow = 95 }
[wall_side_plank.end]
anchor = "right_ankle"
x = -20
lean = -16
left = { shoulder_abduct = 76, elbow = 100 }
"""


def test_correct_poses_pass(write_poses) -> None:  # type: ignore[no-untyped-def]
    assert illustration_problems(write_poses(AT_A_COUNTER), ["calf_raise"]) == []
    assert illustration_problems(write_poses(LEANING_ON_A_WALL), ["wall_side_plank"]) == []
    assert illustration_problems(write_poses(SIT_TO_STAND), ["sit_to_stand"]) == []


def test_a_forearm_pushed_into_the_wall_is_caught(write_poses) -> None:  # type: ignore[no-untyped-def]
    """The drawing the check found: leaning in, the forearm went 7 cm into the wall."""
    text = LEANING_ON_A_WALL.replace("x = -20", "x = -24")
    problems = illustration_problems(write_poses(text), ["wall_side_plank"])
    assert any("end: the left arm goes" in p and "into the wall" in p for p in problems), problems


def test_a_figure_sitting_through_the_chair_back_is_caught(write_poses) -> None:  # type: ignore[no-untyped-def]
    text = SIT_TO_STAND.replace("x = -16", "x = -34")
    problems = illustration_problems(write_poses(text), ["sit_to_stand"])
    assert any("start: the trunk goes" in p and "chair back" in p for p in problems), problems


def test_the_car_wheel_is_clear_of_the_legs_and_drawn_whole() -> None:
    """#15: getting into a car drew the legs through the front wheel (it stood just in front
    of the seat), and a wheel outside the picture was squeezed onto its edge."""
    from bonecoach.art import load_illustrations
    from bonecoach.art.figure import project
    from bonecoach.art.props import CAR_WHEEL, car_wheel
    from bonecoach.art.render import _bounds
    from bonecoach.art.scene import place

    ill = load_illustrations()["car_transfer"]
    car = next(p for p in ill.props if p.kind == "car")
    centre = (car_wheel(car), 30.0)
    panels = []
    for phase, pose in ill.poses:
        props = [*ill.props, *pose.props]
        placed = place(pose, ill.view, props)
        panels.append((placed, props))
        for part in placed.body.parts:
            if not part.name.endswith("_leg"):
                continue
            for node in part.nodes:
                gap = math.dist(project(ill.view, node.point), centre) - node.depth - CAR_WHEEL
                assert gap > 0, (phase, part.name, gap)
    left, right, _ = _bounds(panels, ill.view)
    assert left <= centre[0] - CAR_WHEEL and centre[0] + CAR_WHEEL <= right
