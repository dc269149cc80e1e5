"""A stable geometric summary of every shipped drawing, to notice a drawing that changes.

For each exercise and panel: where the key body points land (cm, rounded to 2 cm in the
picture plane) and the props drawn. Stored in drawings.json beside this file; a change to a
pose, a base pose or the placement shows up as a difference in the test, and is accepted by
regenerating the file on purpose:

    uv run python -m tests.art.drawing_summary
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bonecoach.art import load_illustrations
from bonecoach.art.figure import project
from bonecoach.art.scene import place
from bonecoach.paths import resource

STORED = Path(__file__).with_name("drawings.json")
POINTS = ("head", "chest", "pelvis", "left_hand", "right_hand", "left_knee", "right_knee",
          "left_heel", "right_heel", "left_toe", "right_toe")  # fmt: skip


def _round(value: float) -> int:
    return round(value / 2.0) * 2


def summary() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for exercise_id, ill in sorted(load_illustrations(resource("illustrations")).items()):
        panels = {}
        for phase, pose in ill.poses:
            placed = place(pose, ill.view, [*ill.props, *pose.props])
            panels[phase] = {
                name: [_round(v) for v in project(ill.view, placed.body.points[name])]
                for name in POINTS
            }
        props = sorted(p.kind for p in ill.props)
        out[exercise_id] = {"view": ill.view, "props": props, "panels": panels}
    return out


if __name__ == "__main__":
    STORED.write_text(json.dumps(summary(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {STORED}")
