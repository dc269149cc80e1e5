"""#15 support check: in every panel the body rests on what it should (knees on the mat when
kneeling, the seat under a sitting figure, chest, hips and legs when lying face down), and a
pose that floats is named with the body point and how far. Each case breaks a correct pose
on purpose and sees the check fail."""

from __future__ import annotations

from bonecoach.art import illustration_problems, load_illustrations
from bonecoach.paths import resource

from .conftest import SIT_TO_STAND

HALF_KNEEL_ON_A_CHAIR = """
[get_up_from_floor]
props = [{ kind = "mat", x = -40 }, { kind = "chair", x = 75, side = "right" }]
[get_up_from_floor.start]
base = "quadruped"
x = 10
[get_up_from_floor.end]
base = "half_kneel"
x = 20
"""


def test_the_shipped_drawings_all_rest_on_what_they_should() -> None:
    ills = load_illustrations(resource("illustrations"))
    problems = [p for p in illustration_problems(ills, list(ills)) if "should rest" in p]
    assert problems == []


def test_a_good_pose_rests(write_poses) -> None:  # type: ignore[no-untyped-def]
    assert illustration_problems(write_poses(SIT_TO_STAND), ["sit_to_stand"]) == []


def test_a_half_kneel_with_its_front_foot_on_the_chair_seat_is_caught(write_poses) -> None:  # type: ignore[no-untyped-def]
    """The drawing the review found: the figure floats at seat height, one foot on the seat."""
    problems = illustration_problems(write_poses(HALF_KNEEL_ON_A_CHAIR), ["get_up_from_floor"])
    assert any(
        "end: the right knee should rest on the floor or a prop but is" in p for p in problems
    ), problems


def test_a_sitting_figure_without_its_seat_is_caught(write_poses) -> None:  # type: ignore[no-untyped-def]
    """The chair is moved away: the feet on the floor hold the figure up in mid-air."""
    text = SIT_TO_STAND.replace(
        'props = [{ kind = "chair", x = 0 }]', 'props = [{ kind = "chair", x = 90 }]'
    )
    problems = illustration_problems(write_poses(text), ["sit_to_stand"])
    assert any("start: the pelvis should rest" in p for p in problems), problems


def test_what_a_pose_says_it_rests_on_is_checked(write_poses) -> None:  # type: ignore[no-untyped-def]
    """A standing figure said to lean on its hands (as on a counter) with no counter there."""
    text = SIT_TO_STAND.replace('base = "stand"\n', 'base = "stand"\nrests = ["feet", "hands"]\n')
    problems = illustration_problems(write_poses(text), ["sit_to_stand"])
    assert any(
        "end: the left hand should rest" in p or "end: the right hand should rest" in p
        for p in problems
    ), problems


def test_a_rests_list_must_name_body_points(write_poses) -> None:  # type: ignore[no-untyped-def]
    text = SIT_TO_STAND.replace('base = "stand"\n', 'base = "stand"\nrests = ["elbows!"]\n')
    problems = illustration_problems(write_poses(text), ["sit_to_stand"])
    assert any("'rests' must be a list of body points" in p for p in problems), problems
