"""The renderer: deterministic SVG, every prop drawn, plain SVG only, PNG export."""

from __future__ import annotations

import re

import pytest

from bonecoach.art import exercise_svg, illustration_problems, svg_to_png
from bonecoach.art.props import PROP_PARAMS

from .conftest import SIT_TO_STAND

PROP_TABLES = {
    "floor": '{ kind = "floor" }',
    "chair": '{ kind = "chair", x = -40 }',
    "counter": '{ kind = "counter", x = 30 }',
    "table": '{ kind = "table", x = 30 }',
    "wall": '{ kind = "wall", x = 60 }',
    "step": '{ kind = "step", x = 20 }',
    "mat": '{ kind = "mat", x = -60 }',
    "bed": '{ kind = "bed", x = -60, height = 20 }',
    "pillow": '{ kind = "pillow", x = -60 }',
    "band": '{ kind = "band", from = [60, 100], to = "right_hand" }',
    "dumbbells": '{ kind = "dumbbells" }',
    "vest": '{ kind = "vest" }',
    "poles": '{ kind = "poles" }',
    "object": '{ kind = "object", x = 40 }',
    "door": '{ kind = "door", x = 40 }',
    "stairs": '{ kind = "stairs", x = 30 }',
    "car": '{ kind = "car", x = -40 }',
    "bike": '{ kind = "bike", x = -60 }',
    "rower": '{ kind = "rower", x = -80 }',
    "bar": '{ kind = "bar", at = [20, 210] }',
    "water": '{ kind = "water" }',
    "barbell": '{ kind = "barbell" }',
    "club": '{ kind = "club" }',
    "ball": '{ kind = "ball" }',
    "bag": '{ kind = "bag" }',
    "rope": '{ kind = "rope" }',
    "slope": '{ kind = "slope", x = 30 }',
}


def _standing(props: str) -> str:
    return f"""
[demo]
props = [{props}]
[demo.start]
[demo.end]
shoulder = 60
"""


def test_the_same_poses_give_the_same_bytes(write_poses) -> None:  # type: ignore[no-untyped-def]
    first = exercise_svg("sit_to_stand", write_poses(SIT_TO_STAND), title="Sit to stand")
    second = exercise_svg("sit_to_stand", write_poses(SIT_TO_STAND), title="Sit to stand")
    assert first == second
    assert first.encode() == second.encode()


def test_the_svg_has_a_title_for_screen_readers(write_poses) -> None:  # type: ignore[no-untyped-def]
    svg = exercise_svg("sit_to_stand", write_poses(SIT_TO_STAND), title="Sit <to> stand & sit")
    assert "<title>Sit &lt;to&gt; stand &amp; sit</title>" in svg
    default = exercise_svg("sit_to_stand", write_poses(SIT_TO_STAND))
    assert "<title>Sit to stand: start and end positions</title>" in default


def test_only_plain_svg_elements_are_used(write_poses) -> None:  # type: ignore[no-untyped-def]
    ills = write_poses(_standing(", ".join(PROP_TABLES.values())))
    svg = exercise_svg("demo", ills)
    tags = set(re.findall(r"<([a-zA-Z]+)", svg))
    assert tags <= {"svg", "title", "path", "line", "circle", "polygon"}
    assert "transform" not in svg and "opacity" not in svg and "<text" not in svg


@pytest.mark.parametrize("kind", sorted(PROP_PARAMS))
def test_each_prop_renders(kind: str, write_poses) -> None:  # type: ignore[no-untyped-def]
    table = PROP_TABLES[kind]
    ills = write_poses(_standing(table))
    assert illustration_problems(ills, ["demo"]) == []
    without = exercise_svg("demo", write_poses(_standing("")))
    with_prop = exercise_svg("demo", ills)
    if kind == "floor":  # the floor is always drawn: naming it changes nothing
        assert with_prop == without
    else:
        assert with_prop.count("<") > without.count("<"), f"{kind} added nothing"


def test_a_missing_exercise_raises_key_error(write_poses) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(KeyError, match="no_such_exercise"):
        exercise_svg("no_such_exercise", write_poses(SIT_TO_STAND))


def test_png_export_has_the_asked_width(write_poses, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    png = svg_to_png(exercise_svg("sit_to_stand", write_poses(SIT_TO_STAND)), 320)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage.fromData(png, "PNG")
    assert image.width() == 320
    assert 0 < image.height() < 320


def test_a_gaze_line_is_dashed_and_only_drawn_when_asked(write_poses) -> None:  # type: ignore[no-untyped-def]
    looking = write_poses("[look]\n[look.start]\n[look.end]\ngaze = true\nhead_turn = 60\n")
    plain = write_poses("[look]\n[look.start]\n[look.end]\nhead_turn = 60\n")
    assert exercise_svg("look", looking).count("stroke-dasharray") == 1
    assert "stroke-dasharray" not in exercise_svg("look", plain)


def test_an_illustration_with_no_drawable_pose_says_why(write_poses) -> None:  # type: ignore[no-untyped-def]
    ills = write_poses('[broken]\n[broken.start]\nbase = "handstand"\n')
    with pytest.raises(ValueError, match="unknown base pose 'handstand'"):
        exercise_svg("broken", ills)


def test_a_custom_exercise_can_be_posed_from_a_table() -> None:
    from bonecoach.art import parse_illustration

    table = {"props": [{"kind": "chair", "x": 0}], "start": {"base": "sit_chair", "x": -16}}
    table["end"] = {"x": 30}
    ill = parse_illustration("my_exercise", "custom", table)
    assert ill.problems == ()
    svg = exercise_svg("my_exercise", {"my_exercise": ill}, title="My exercise")
    assert "<title>My exercise</title>" in svg


def test_the_rower_seat_slides_and_the_machine_stays_in_the_frame(write_poses) -> None:  # type: ignore[no-untyped-def]
    from bonecoach.art.props import extent

    text = """
    [row]
    [row.start]
    props = [{{ kind = "rower", x = 0, seat = {seat} }}]
    base = "sit_floor"
    x = {seat}
    [row.end]
    props = [{{ kind = "rower", x = 0, seat = {seat} }}]
    base = "sit_floor"
    x = {seat}
    """
    back = write_poses(text.format(seat=0))["row"]
    forward = write_poses(text.format(seat=60))["row"]
    (seat_back,) = extent(back.poses[0][1].props[0], "side")
    (seat_forward,) = extent(forward.poses[0][1].props[0], "side")
    assert seat_forward[0] - seat_back[0] == pytest.approx(60)  # only the seat moves
    assert seat_back[2] == seat_forward[2] == 24.0
    svg = exercise_svg("row", write_poses(text.format(seat=0)))
    view_box = re.search(r'viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"', svg)
    assert view_box is not None
    assert float(view_box.group(3)) > 2 * 189  # each panel reaches the flywheel housing
    problems = illustration_problems(write_poses(text.format(seat=150)), ["row"])
    assert any("seat must be from -25 to 100" in p for p in problems)
