"""The shipped non-resistance library: enough of each kind, and tagged as the guidance says.

Qt-free. The shipped folder is read with ``check_library`` so that a temporary problem in a
file these tests do not cover (the resistance files) cannot hide what is checked here; the
files covered must themselves load without a single problem.
"""

from __future__ import annotations

import tomllib
from collections import Counter

import pytest

from bonecoach.paths import resource
from bonecoach.program.exercise import Exercise
from bonecoach.program.exercise_traits import is_gentle_walking
from bonecoach.program.library import Library, check_library
from bonecoach.program.vocabulary import (
    Category,
    FallRisk,
    Impact,
    SpinalFlexion,
    SpinalRotation,
)

NON_RESISTANCE_FILES = (
    "balance.toml",
    "posture.toml",
    "impact.toml",
    "aerobic.toml",
    "flexibility.toml",
    "safe_movement.toml",
    "avoid.toml",
)

# clinical-guidance.md §3: the movements excluded for low bone mass / osteoporosis.
AVOID_IDS = {
    "sit_up": Category.RESISTANCE,
    "crunch": Category.RESISTANCE,
    "toe_touch": Category.FLEXIBILITY,
    "weighted_trunk_rotation": Category.RESISTANCE,
    "golf_swing": Category.AEROBIC,
    "yoga_forward_fold": Category.FLEXIBILITY,
    "seated_twist": Category.FLEXIBILITY,
    "rowing_machine": Category.AEROBIC,
}
# The handout's "moving safely every day" page names these.
SAFE_MOVEMENT_IDS = (
    "hip_hinge_pickup",
    "log_roll_out_of_bed",
    "step_to_turn",
    "get_up_from_floor",
    "carry_shopping",
)
MINIMUMS = {
    Category.BALANCE: 13,
    Category.POSTURE: 9,
    Category.IMPACT: 9,
    Category.AEROBIC: 7,
    Category.FLEXIBILITY: 5,
    Category.SAFE_MOVEMENT: 7,
}


def _is_warned_against(e: Exercise) -> bool:
    return e.spinal_flexion is SpinalFlexion.LOADED or e.spinal_rotation is SpinalRotation.FORCEFUL


@pytest.fixture(scope="module")
def library() -> Library:
    folder = resource("library")
    found, problems = check_library(folder)
    ours = [str(p) for p in problems if p.file in NON_RESISTANCE_FILES]
    assert ours == []
    return found


@pytest.fixture(scope="module")
def ours(library: Library) -> list[Exercise]:
    """The exercises defined in the non-resistance files, in file order."""
    ids: list[str] = []
    for name in NON_RESISTANCE_FILES:
        data = tomllib.loads(resource("library", name).read_text(encoding="utf-8"))
        ids.extend(table["id"] for table in data["exercise"])
    return [library[i] for i in ids]


def test_each_non_resistance_category_has_its_minimum_of_recommendable_exercises(
    ours: list[Exercise],
) -> None:
    counts = Counter(e.category for e in ours if not _is_warned_against(e))
    short = {c.value: (counts[c], n) for c, n in MINIMUMS.items() if counts[c] < n}
    assert short == {}


def test_safe_movement_page_ids_exist_and_keep_the_spine_neutral(library: Library) -> None:
    for exercise_id in SAFE_MOVEMENT_IDS:
        e = library[exercise_id]
        assert e.category is Category.SAFE_MOVEMENT, exercise_id
        assert e.spinal_flexion is not SpinalFlexion.LOADED, exercise_id
        assert e.spinal_rotation is SpinalRotation.NONE, exercise_id
        assert not e.supervised_only, exercise_id


def test_avoid_list_is_present_with_honest_tags(library: Library) -> None:
    for exercise_id, category in AVOID_IDS.items():
        e = library[exercise_id]
        assert e.category is category, exercise_id
        assert _is_warned_against(e), exercise_id
        assert {"TFTF15", "SSS", "BHOF"} <= set(e.sources), exercise_id
    flexion = {i for i in AVOID_IDS if library[i].spinal_flexion is SpinalFlexion.LOADED}
    rotation = {i for i in AVOID_IDS if library[i].spinal_rotation is SpinalRotation.FORCEFUL}
    assert {"sit_up", "crunch", "toe_touch", "yoga_forward_fold", "rowing_machine"} <= flexion
    assert {"weighted_trunk_rotation", "golf_swing", "seated_twist"} <= rotation


def test_every_exercise_in_avoid_file_is_warned_against(library: Library) -> None:
    data = tomllib.loads(resource("library", "avoid.toml").read_text(encoding="utf-8"))
    ids = [t["id"] for t in data["exercise"]]
    assert len(ids) >= len(AVOID_IDS) + 2
    assert [i for i in ids if not _is_warned_against(library[i])] == []


def test_only_avoid_file_holds_warned_against_movements(ours: list[Exercise]) -> None:
    data = tomllib.loads(resource("library", "avoid.toml").read_text(encoding="utf-8"))
    avoid_ids = {t["id"] for t in data["exercise"]}
    assert [e.id for e in ours if _is_warned_against(e) and e.id not in avoid_ids] == []


@pytest.mark.parametrize("exercise_id", ["swimming", "stationary_cycling"])
def test_non_weight_bearing_aerobic_is_impact_none_and_says_so(
    library: Library, exercise_id: str
) -> None:
    e = library[exercise_id]
    assert e.category is Category.AEROBIC
    assert e.impact is Impact.NONE
    assert "no bone-building stimulus" in e.summary
    assert "heart" in e.summary


def test_every_non_low_fall_risk_exercise_has_a_support_variant(library: Library) -> None:
    missing = [
        e.id for e in library.values() if e.fall_risk is not FallRisk.LOW and not e.support_variant
    ]
    assert missing == []
    assert any(e.fall_risk is FallRisk.HIGH for e in library.values())


def test_flexibility_stretches_keep_the_spine_out_of_end_range(ours: list[Exercise]) -> None:
    stretches = [
        e for e in ours if e.category is Category.FLEXIBILITY and not _is_warned_against(e)
    ]
    bent = [
        e.id
        for e in stretches
        if e.spinal_flexion is not SpinalFlexion.NONE
        or e.spinal_rotation is not SpinalRotation.NONE
    ]
    assert bent == []


def test_dosage_follows_guidance_section_4(ours: list[Exercise]) -> None:
    wrong: list[str] = []
    for e in ours:
        if _is_warned_against(e):
            continue
        d = e.default_dosage
        if e.category is Category.BALANCE:
            ok = d.days_per_week == 7 and d.reps is None
        elif e.category is Category.POSTURE:
            ok = d.days_per_week == 7 and d.hold_seconds is not None and 3 <= d.hold_seconds <= 5
        elif e.category is Category.IMPACT:
            home = d.reps is not None and d.reps <= 20 and 4 <= d.days_per_week <= 5
            ok = home or e.supervised_only
        elif e.category is Category.AEROBIC:
            ok = d.minutes is not None and d.minutes >= 10 and 5 <= d.effort <= 7
            # walking as pain allows after a vertebral fracture: short, easy bouts (SSS, ROS)
            ok = ok or (is_gentle_walking(e) and e.level == 1 and d.effort <= 4)
        else:
            ok = True
        if not ok:
            wrong.append(f"{e.id}: {d}")
    assert wrong == []


def test_drop_landings_are_supervised_only(ours: list[Exercise]) -> None:
    high = [e for e in ours if e.impact is Impact.HIGH and "drop" in e.id]
    assert high
    assert all(e.supervised_only for e in high)


@pytest.mark.parametrize(
    "ladder",
    [
        ["feet_together_stand", "semi_tandem_stand", "tandem_stand", "one_leg_stand"],
        ["heel_drops", "stamp_marching", "low_jumps", "hops"],
        ["supine_towel_press", "prone_head_lift", "prone_arm_leg_lift", "superman_lift"],
        ["hip_hinge_practice", "hip_hinge_pickup", "golfers_lift"],
    ],
)
def test_ladders_climb_from_easiest_to_hardest(library: Library, ladder: list[str]) -> None:
    for exercise_id in ladder:
        assert [e.id for e in library.ladder(exercise_id)] == ladder
    levels = [library[i].level for i in ladder]
    assert levels == sorted(set(levels))


def test_impact_ladder_rises_in_impact(library: Library) -> None:
    order = list(Impact)
    impacts = [order.index(e.impact) for e in library.ladder("heel_drops")]
    assert impacts == sorted(impacts)
    assert impacts[0] < impacts[-1]
