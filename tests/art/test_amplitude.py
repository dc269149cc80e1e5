"""#15 amplitude: where the steps limit a movement ("lift your head a few centimetres"), the
pose file says how far the point may move between panels, and a bigger drawn movement is
named. The case breaks a correct pose on purpose."""

from __future__ import annotations

from bonecoach.art import illustration_problems

HEAD_LIFT = """
[prone_head_lift]
limit = { head = 10 }
props = [{ kind = "mat", x = -100 }, { kind = "pillow", x = -18, length = 36, height = 9 }]
[prone_head_lift.start]
base = "prone"
[prone_head_lift.end]
base = "prone"
rests = ["pelvis", "feet"]
spine = -2
neck = -4
"""


def test_a_small_lift_within_its_limit_passes(write_poses) -> None:  # type: ignore[no-untyped-def]
    assert illustration_problems(write_poses(HEAD_LIFT), ["prone_head_lift"]) == []


def test_a_lift_far_bigger_than_the_steps_say_is_caught(write_poses) -> None:  # type: ignore[no-untyped-def]
    """The drawing the review found: 'a few centimetres' drawn as a big back bend."""
    text = HEAD_LIFT.replace("spine = -2\nneck = -4", "spine = -26\nneck = -12")
    problems = illustration_problems(write_poses(text), ["prone_head_lift"])
    assert any("the head moves" in p and "its limit is 10 cm" in p for p in problems), problems


def test_a_limit_must_name_body_points_and_centimetres(write_poses) -> None:  # type: ignore[no-untyped-def]
    text = HEAD_LIFT.replace("limit = { head = 10 }", 'limit = { nose = "a bit" }')
    problems = illustration_problems(write_poses(text), ["prone_head_lift"])
    assert any("limit must be a table of body points and cm" in p for p in problems), problems
