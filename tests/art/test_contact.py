"""#15 contact check: when the steps put a hand on a counter, table, chair or rail, every
panel shows a hand resting on one. Each case breaks a correct drawing on purpose."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from bonecoach.art import illustration_problems, load_illustrations
from bonecoach.paths import resource
from bonecoach.program.library import load_library

AT_THE_COUNTER = """
[calf_raise]
props = [{ kind = "counter", x = 33, height = 89 }]
[calf_raise.start]
shoulder = 42
elbow = 10
wrist = -65
[calf_raise.end]
ankle = -38
shoulder = 30
elbow = 10
wrist = -50
"""


def _exercise(steps: list[str]) -> Any:
    """Only what the drawing checks read: steps and equipment."""
    return SimpleNamespace(steps=steps, equipment=())


STEPS = {"calf_raise": _exercise(["Stand facing a counter, fingertips resting on it.", "Rise up."])}


def test_the_shipped_drawings_show_the_hands_the_steps_ask_for() -> None:
    library = load_library(resource("library"))
    ills = load_illustrations(resource("illustrations"))
    problems = [p for p in illustration_problems(ills, list(library), dict(library)) if "hand" in p]
    assert problems == []


def test_hands_on_the_counter_pass(write_poses) -> None:  # type: ignore[no-untyped-def]
    assert illustration_problems(write_poses(AT_THE_COUNTER), ["calf_raise"], STEPS) == []


def test_hands_hovering_above_the_counter_are_caught(write_poses) -> None:  # type: ignore[no-untyped-def]
    """The drawing the review found: up on the toes, the hands lift off the counter."""
    text = AT_THE_COUNTER.replace("ankle = -38\nshoulder = 30\n", "ankle = -38\nshoulder = 42\n")
    problems = illustration_problems(write_poses(text), ["calf_raise"], STEPS)
    assert any(
        "end: the steps put a hand on the counter, but no hand rests on one (the nearest is" in p
        for p in problems
    ), problems


def test_a_rail_the_steps_ask_for_but_the_drawing_lacks_is_caught(write_poses) -> None:  # type: ignore[no-untyped-def]
    text = """
[step_up]
props = [{ kind = "step", x = 20, height = 18 }]
[step_up.start]
plant = true
[step_up.end]
anchor = "left_ankle"
x = 31
plant = true
"""
    steps = {"step_up": _exercise(["Stand facing a step, one hand lightly on the rail.", "Up."])}
    problems = illustration_problems(write_poses(text), ["step_up"], steps)
    assert sum("the steps put a hand on the rail" in p for p in problems) == 2, problems


def test_steps_that_lift_the_hands_on_purpose_allow_a_small_hover(write_poses) -> None:  # type: ignore[no-untyped-def]
    text = AT_THE_COUNTER.replace("ankle = -38\nshoulder = 30\n", "ankle = 0\nshoulder = 42\n")
    text = text.replace("elbow = 10\nwrist = -50", "elbow = 35\nwrist = -30")
    lifted = {"calf_raise": _exercise(["Stand facing a counter, hands resting on it.",
                             "Lift your hands a little above the counter and hold."])}  # fmt: skip
    assert illustration_problems(write_poses(text), ["calf_raise"], lifted) == []
    assert illustration_problems(write_poses(text), ["calf_raise"], STEPS) != []


def test_equipment_the_drawing_leaves_out_is_caught(write_poses) -> None:  # type: ignore[no-untyped-def]
    """The wall angel had no wall: the picture taught arm waving."""
    text = """
[wall_angel]
view = "front"
[wall_angel.start]
shoulder_abduct = 85
[wall_angel.end]
shoulder_abduct = 150
"""
    exercise = SimpleNamespace(steps=["Stand with your back against a wall."], equipment=["wall"])
    problems = illustration_problems(write_poses(text), ["wall_angel"], {"wall_angel": exercise})
    assert any("its equipment includes wall, which the drawing does not show" in p
               for p in problems), problems  # fmt: skip
    with_wall = text.replace(
        'view = "front"\n', 'view = "front"\nprops = [{ kind = "wall", x = 0, behind = true }]\n'
    )
    assert (
        illustration_problems(write_poses(with_wall), ["wall_angel"], {"wall_angel": exercise})
        == []
    )


def test_a_counter_the_client_faces_drawn_behind_a_front_view_figure_is_caught(write_poses) -> None:  # type: ignore[no-untyped-def]
    """It read as standing with one's back to the counter."""
    text = """
[side_stepping]
view = "front"
props = [{ kind = "counter", x = -45, length = 90, height = 89, beside = true }]
[side_stepping.start]
shoulder = 42
elbow = 10
wrist = -65
[side_stepping.end]
shoulder = 42
elbow = 10
wrist = -65
"""
    exercise = _exercise(["Stand facing a kitchen counter, hands resting on it."])
    problems = illustration_problems(
        write_poses(text), ["side_stepping"], {"side_stepping": exercise}
    )
    assert any("draws it behind the figure" in p for p in problems), problems
    facing = text.replace("beside = true }", "beside = true, facing = true }")
    problems = illustration_problems(
        write_poses(facing), ["side_stepping"], {"side_stepping": exercise}
    )
    assert not [p for p in problems if "behind the figure" in p], problems
