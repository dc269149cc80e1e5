"""Every exercise of the shipped library has a valid illustration that renders."""

from __future__ import annotations

import pytest

from bonecoach.art import exercise_svg, illustration_problems, load_illustrations
from bonecoach.paths import resource
from bonecoach.program.library import check_library


@pytest.fixture(scope="module")
def shipped() -> tuple[list[str], dict]:  # type: ignore[type-arg]
    library, _ = check_library(resource("library"))
    return list(library), load_illustrations()


def test_every_library_exercise_has_poses_within_the_joint_limits(shipped) -> None:  # type: ignore[no-untyped-def]
    ids, illustrations = shipped
    assert len(ids) >= 90
    assert illustration_problems(illustrations, ids) == []


def test_every_shipped_illustration_renders_with_start_and_end(shipped) -> None:  # type: ignore[no-untyped-def]
    ids, illustrations = shipped
    for exercise_id in ids:
        ill = illustrations[exercise_id]
        phases = [phase for phase, _ in ill.poses]
        assert phases[0] == "start" and phases[-1] == "end", exercise_id
        svg = exercise_svg(exercise_id, illustrations, title=exercise_id)
        assert svg.startswith("<?xml") and f"<title>{exercise_id}</title>" in svg


def test_the_pose_guide_names_every_base_joint_and_prop() -> None:
    from bonecoach.art.presets import BASES
    from bonecoach.art.props import PROP_PARAMS
    from bonecoach.art.skeleton import BODY_LIMITS, SIDE_LIMITS

    guide = (resource("illustrations") / "README.md").read_text(encoding="utf-8")
    names = [*BASES, *PROP_PARAMS, *BODY_LIMITS, *SIDE_LIMITS]
    assert [n for n in names if f"`{n}`" not in guide] == []
