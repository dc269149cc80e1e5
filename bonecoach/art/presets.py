"""Named base poses that a pose starts from before its own angle changes.

Each base gives every joint it changes from upright standing (missing joints are 0), and the
body point that the pose's ``x`` places (``anchor``).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Base:
    body: dict[str, float] = field(default_factory=dict)
    both: dict[str, float] = field(default_factory=dict)  # each side gets these
    left: dict[str, float] = field(default_factory=dict)
    right: dict[str, float] = field(default_factory=dict)
    anchor: str = "ankle"
    flat: bool = False  # soles level with the floor unless the pose gives an ankle angle
    plant: bool = False  # knees bend or straighten so both feet reach the floor
    # what bears the weight: one point of each group must rest on the floor or a prop
    rests: tuple[tuple[str, ...], ...] = ()


_ARMS_DOWN = {"shoulder": 4.0, "elbow": 10.0}

BASES: dict[str, Base] = {
    "stand": Base(both=_ARMS_DOWN, flat=True, rests=(("left_foot", "right_foot"),)),
    "sit_chair": Base(
        both={"hip": 84.0, "knee": 84.0, "shoulder": 18.0, "elbow": 55.0},
        anchor="pelvis",
        flat=True,
        plant=True,
        rests=(("pelvis",),),
    ),
    "sit_floor": Base(
        body={"spine": 10.0},
        both={"hip": 80.0, "shoulder": 10.0, "elbow": 10.0},
        anchor="pelvis",
        rests=(("pelvis",),),
    ),
    "supine": Base(
        body={"trunk": -90.0},
        both={"shoulder": 5.0, "ankle": -20.0},
        anchor="pelvis",
        rests=(("pelvis",), ("chest",)),
    ),
    "crook_lying": Base(
        body={"trunk": -90.0},
        both={"hip": 50.0, "knee": 95.0, "shoulder": 5.0},
        anchor="pelvis",
        flat=True,
        plant=True,
        rests=(("pelvis",), ("chest",), ("left_foot", "right_foot")),
    ),
    "prone": Base(
        # draped over the tummy pillow the steps ask for: hips and spine a little bent, so
        # chest, hips and legs all lie down (a straight body see-saws on the pillow)
        body={"trunk": 90.0, "neck": -10.0, "spine": 5.0},
        both={"hip": 10.0, "shoulder": 0.0, "ankle": -45.0},
        anchor="pelvis",
        rests=(("pelvis",), ("chest",), ("left_knee", "right_knee", "left_foot", "right_foot")),
    ),
    "quadruped": Base(
        body={"trunk": 98.0, "neck": -20.0},
        both={"hip": 88.0, "knee": 105.0, "ankle": -45.0, "shoulder": 82.0, "wrist": 85.0},
        anchor="pelvis",
        rests=(("left_knee", "right_knee"), ("left_hand", "right_hand")),
    ),
    "side_lying": Base(
        body={"trunk": -90.0, "roll": -90.0},
        both={"hip": 25.0, "knee": 30.0},
        left={"shoulder": 5.0, "elbow": 10.0},
        right={"shoulder": 90.0, "elbow": 60.0},
        anchor="pelvis",
        # lying on one side: the hip or the knees bear it (the pelvis point is mid-body)
        rests=(
            ("pelvis", "left_hip", "right_hip", "left_knee", "right_knee"),
            ("left_knee", "right_knee", "left_foot", "right_foot"),  # the legs lie too
        ),
    ),
    "kneel": Base(
        both={"knee": 90.0, "ankle": -45.0, **_ARMS_DOWN},
        anchor="knee",
        rests=(("left_knee", "right_knee"),),
    ),
    "half_kneel": Base(
        both=_ARMS_DOWN,
        left={"hip": 90.0, "knee": 90.0},
        right={"hip": -5.0, "knee": 90.0, "ankle": -45.0},
        anchor="right_knee",
        rests=(("right_knee",), ("left_foot",)),
    ),
}
