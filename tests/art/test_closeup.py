"""Close-ups (zoom), the forearm's turn (palm up or down) and the squeezed ball."""

from __future__ import annotations

import re

import pytest

from bonecoach.art import exercise_svg, illustration_problems
from bonecoach.art.clip import clip_polygon, clip_polyline, clip_segment, convex_hull
from bonecoach.art.scene import place

WRIST_CURL = """
[curl]
{zoom}
props = [{{ kind = "chair", x = 0 }}, {{ kind = "dumbbells", at = "right_hand" }}]
[curl.start]
base = "sit_chair"
x = -14
right = {{ shoulder = 35, elbow = 45, wrist = -45{turn} }}
[curl.end]
base = "sit_chair"
x = -14
right = {{ shoulder = 35, elbow = 45, wrist = 45{turn} }}
"""
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _view_box(svg: str) -> tuple[float, float]:
    match = re.search(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"', svg)
    assert match
    return float(match.group(1)), float(match.group(2))


def _coordinates(svg: str) -> list[tuple[float, float]]:
    """Every x,y the drawing uses (path points, line ends, circle extents)."""
    points = []
    for d in re.findall(r' d="([^"]+)"', svg):
        numbers = [float(n) for n in NUMBER.findall(d)]
        if "A" in d:  # arcs: radius and flags break the pairs; none in a close-up
            raise AssertionError("a close-up has arcs, which are not cut")
        points += list(zip(numbers[::2], numbers[1::2], strict=True))
    for x1, y1, x2, y2 in re.findall(
        r'x1="([-\d.]+)" y1="([-\d.]+)" x2="([-\d.]+)" y2="([-\d.]+)"', svg
    ):
        points += [(float(x1), float(y1)), (float(x2), float(y2))]
    for cx, cy, r in re.findall(r'cx="([-\d.]+)" cy="([-\d.]+)" r="([-\d.]+)"', svg):
        c, rr = (float(cx), float(cy)), float(r)
        points += [(c[0] - rr, c[1] - rr), (c[0] + rr, c[1] + rr)]
    return points


def test_a_close_up_is_drawn_bigger_and_nothing_leaves_its_view_box(write_poses) -> None:  # type: ignore[no-untyped-def]
    whole = write_poses(WRIST_CURL.format(zoom="", turn=""))
    near = write_poses(
        WRIST_CURL.format(zoom='zoom = { around = "right_hand", margin = 30 }', turn="")
    )
    assert illustration_problems(near, ["curl"]) == []
    whole_w, whole_h = _view_box(exercise_svg("curl", whole))
    svg = exercise_svg("curl", near)
    w, h = _view_box(svg)
    # the box is the hand's path plus 30 cm each way: much smaller than the seated figure,
    # so the same print size shows the hand bigger
    assert h < whole_h * 0.6 and w < whole_w * 0.75
    # Qt does not clip to the view box: every point must already lie inside it
    outside = [
        (x, y) for x, y in _coordinates(svg) if not (-0.1 <= x <= w + 0.1 and -0.1 <= y <= h + 0.1)
    ]
    assert outside == []


def test_a_zoom_must_name_a_body_point_and_a_sensible_margin(write_poses) -> None:  # type: ignore[no-untyped-def]
    bad = write_poses(WRIST_CURL.format(zoom='zoom = { around = "elbows", margin = 500 }', turn=""))
    problems = " ".join(illustration_problems(bad, ["curl"]))
    assert "zoom: around 'elbows' is not a body point" in problems
    worse = write_poses(WRIST_CURL.format(zoom='zoom = { around = "hand", margin = 500 }', turn=""))
    assert "zoom: margin must be" in " ".join(illustration_problems(worse, ["curl"]))


def _palm_side(ills, phase: int) -> float:  # type: ignore[no-untyped-def]
    """Height of the palm side of the forearm above the wrist (positive: palm up)."""
    ill = ills["curl"]
    placed = place(ill.poses[phase][1], ill.view, list(ill.props))
    return placed.point("side", "right_palm")[1] - placed.point("side", "right_wrist")[1]


def test_palm_up_and_palm_down_differ_and_the_hand_bends_toward_the_palm(write_poses) -> None:  # type: ignore[no-untyped-def]
    up = write_poses(WRIST_CURL.format(zoom="", turn=""))
    down = write_poses(WRIST_CURL.format(zoom="", turn=", pronation = 180"))
    assert _palm_side(up, 0) > 0.5 and _palm_side(down, 0) < -0.5
    # the same wrist flexion lifts a palm-up hand and lowers a palm-down one
    for ills, sign in ((up, 1.0), (down, -1.0)):
        ill = ills["curl"]
        end = place(ill.poses[1][1], ill.view, list(ill.props))
        rise = end.point("side", "right_hand")[1] - end.point("side", "right_wrist")[1]
        assert rise * sign > 0
    shaded = exercise_svg(
        "curl", write_poses(WRIST_CURL.format(zoom='zoom = { around = "right_hand" }', turn=""))
    )
    assert 'stroke="#5d6872"' in shaded  # the palm band, only in close-ups
    assert 'stroke="#5d6872"' not in exercise_svg("curl", up)


def test_a_squeezed_ball_is_flatter_and_the_squeeze_is_checked(write_poses) -> None:  # type: ignore[no-untyped-def]
    text = """
    [grip]
    props = [{{ kind = "chair", x = 0 }}, {{ kind = "ball", size = 12, squeeze = {s} }}]
    [grip.start]
    base = "sit_chair"
    [grip.end]
    base = "sit_chair"
    """
    round_svg = exercise_svg("grip", write_poses(text.format(s=0)))
    flat_svg = exercise_svg("grip", write_poses(text.format(s=0.5)))
    assert "<circle" in round_svg and 'r="6"' in round_svg
    assert 'r="6"' not in flat_svg
    problems = illustration_problems(write_poses(text.format(s=0.9)), ["grip"])
    assert any("squeeze must be from 0 to 0.6" in p for p in problems)


def test_clipping_keeps_the_inside_and_drops_the_outside() -> None:
    box = (0.0, 0.0, 10.0, 10.0)
    square = [(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0)]
    cut = clip_polygon(square, box)
    assert sorted(cut) == sorted([(0.0, 0.0), (5.0, 0.0), (5.0, 5.0), (0.0, 5.0)])
    assert clip_polygon([(20.0, 20.0), (30.0, 20.0), (25.0, 30.0)], box) == []
    assert clip_segment((-10.0, 5.0), (20.0, 5.0), box) == ((0.0, 5.0), (10.0, 5.0))
    assert clip_segment((-10.0, -5.0), (-1.0, 20.0), box) is None
    runs = clip_polyline([(-5.0, 5.0), (5.0, 5.0), (15.0, 5.0), (15.0, 8.0), (5.0, 8.0)], box)
    assert runs == [[(0.0, 5.0), (5.0, 5.0), (10.0, 5.0)], [(10.0, 8.0), (5.0, 8.0)]]
    # inner and edge-midpoint points are left out
    hull = convex_hull([(0.0, 0.0), (1.0, 1.0), (2.0, 0.0), (1.0, 0.5), (0.0, 2.0)])
    assert hull == [(0.0, 0.0), (2.0, 0.0), (0.0, 2.0)]


@pytest.mark.parametrize("exercise_id", ["wrist_curl", "reverse_wrist_curl", "grip_squeeze"])
def test_the_small_hand_movements_of_the_library_are_close_ups(exercise_id: str) -> None:
    from bonecoach.art import load_illustrations

    ill = load_illustrations()[exercise_id]
    assert ill.zoom is not None and ill.zoom.around == "right_hand"


def test_below_cuts_the_legs_of_a_bed_from_a_lying_exercise(write_poses) -> None:  # type: ignore[no-untyped-def]
    text = """
    [lying]
    {zoom}
    props = [{{ kind = "bed", x = 105, side = "left", length = 210 }}]
    [lying.start]
    base = "crook_lying"
    [lying.end]
    base = "crook_lying"
    """
    whole = exercise_svg("lying", write_poses(text.format(zoom="")))
    cut_svg = exercise_svg(
        "lying",
        write_poses(text.format(zoom='zoom = { around = "pelvis", margin = 130, below = 30 }')),
    )
    (w0, h0), (w1, h1) = _view_box(whole), _view_box(cut_svg)
    assert w1 == pytest.approx(w0, abs=10)  # the whole body is still there, end to end
    assert h1 < h0 - 20  # but not the bed's legs: wider for its height, so drawn bigger
    assert 'stroke="#5d6872"' not in cut_svg  # no palm shading unless the hands are the subject


def test_a_close_up_asks_to_be_shown_bigger_than_the_common_scale(write_poses) -> None:  # type: ignore[no-untyped-def]
    from bonecoach.raster.sheet import _magnified

    whole = exercise_svg("curl", write_poses(WRIST_CURL.format(zoom="", turn="")))
    near = exercise_svg(
        "curl", write_poses(WRIST_CURL.format(zoom='zoom = { around = "right_hand" }', turn=""))
    )
    assert _magnified(whole, _view_box(whole)[0]) == pytest.approx(1.0, abs=0.01)
    assert 1.5 < _magnified(near, _view_box(near)[0]) <= 3.0


def _plate_centre(svg: str) -> tuple[float, float]:
    """Where the end-on dumbbell plate is drawn (its fill, in the first panel)."""
    match = re.search(r'<circle cx="([-\d.]+)" cy="([-\d.]+)" r="5.5" fill="#59636b"', svg)
    assert match, "a close-up of the hand shows the dumbbell end on"
    return float(match.group(1)), float(match.group(2))


def test_a_close_up_puts_the_dumbbell_in_the_palm(write_poses) -> None:  # type: ignore[no-untyped-def]
    zoom = 'zoom = { around = "right_hand" }'
    # the hand straight in both panels, so both pictures have the same box
    straight = WRIST_CURL.replace("wrist = -45", "wrist = 0").replace("wrist = 45", "wrist = 0")
    up = exercise_svg("curl", write_poses(straight.format(zoom=zoom, turn="")))
    down = exercise_svg("curl", write_poses(straight.format(zoom=zoom, turn=", pronation = 180")))
    # the forearm lies level-ish on the thigh: the palm-up hand holds its dumbbell on top, the
    # palm-down one underneath (SVG y runs down)
    assert _plate_centre(up)[1] < _plate_centre(down)[1] - 5
    # a whole-body picture keeps the dumbbell seen from the side, its bar across the hand
    whole = exercise_svg("curl", write_poses(WRIST_CURL.format(zoom="", turn="")))
    assert 'r="5.5" fill="#59636b"' not in whole
