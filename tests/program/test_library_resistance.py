"""The shipped resistance library: ladders, home-safe coverage and the supervised LIFTMOR lifts.

Loads the real library folder. Problems in other library files are reported by their own
tests; here only problems naming the resistance files fail.
"""

from __future__ import annotations

import itertools
import tomllib

import pytest

from bonecoach.paths import resource
from bonecoach.program.exercise import Exercise
from bonecoach.program.library import Library, check_library
from bonecoach.program.vocabulary import (
    Category,
    FallRisk,
    Impact,
    Load,
    Region,
    SourceKey,
    SpinalFlexion,
    SpinalRotation,
)

RESISTANCE_FILES = ("legs.toml", "upper_body.toml", "supervised.toml")

REQUIRED_LADDERS = [
    ["wall_push_up", "counter_push_up", "knee_push_up", "floor_push_up"],
    ["sit_to_stand_hands", "sit_to_stand", "goblet_squat", "dumbbell_squat"],
]
MORE_LADDERS = [
    ["step_up_low", "step_up", "step_up_dumbbell"],
    ["calf_raise_seated", "calf_raise", "calf_raise_single_leg"],
    ["bridge", "bridge_band", "single_leg_bridge"],
    ["seated_band_row", "standing_band_row", "supported_dumbbell_row"],
    ["grip_squeeze", "farmers_hold", "farmers_walk"],
]
SUPERVISED_LIFTS = {
    "deadlift_heavy": Category.RESISTANCE,
    "back_squat_heavy": Category.RESISTANCE,
    "overhead_press_heavy": Category.RESISTANCE,
    "jumping_chin_up_drop_landing": Category.IMPACT,
}


@pytest.fixture(scope="module")
def library() -> Library:
    loaded, problems = check_library(resource("library"))
    ours = [str(p) for p in problems if p.file in RESISTANCE_FILES]
    assert ours == []
    return loaded


@pytest.fixture(scope="module")
def our_exercises(library: Library) -> list[Exercise]:
    ids: list[str] = []
    for name in RESISTANCE_FILES:
        data = tomllib.loads(resource("library", name).read_text(encoding="utf-8"))
        ids.extend(entry["id"] for entry in data["exercise"])
    return [library[i] for i in ids]


def _home_resistance(exercises: list[Exercise]) -> list[Exercise]:
    return [e for e in exercises if e.category is Category.RESISTANCE and not e.supervised_only]


@pytest.mark.parametrize("rungs", REQUIRED_LADDERS + MORE_LADDERS, ids=lambda r: r[0])
def test_ladder_runs_in_order_with_rising_levels(library: Library, rungs: list[str]) -> None:
    # The ladder is the same whichever rung it is looked up from.
    for rung in rungs:
        assert [e.id for e in library.ladder(rung)] == rungs
    levels = [library[r].level for r in rungs]
    assert levels == sorted(set(levels)), f"levels must strictly rise: {levels}"
    for lower, upper in itertools.pairwise(rungs):
        assert library[lower].harder == upper
        assert library[upper].easier == lower


def test_at_least_27_home_safe_resistance_exercises(our_exercises: list[Exercise]) -> None:
    home = _home_resistance(our_exercises)
    assert len(home) >= 27
    assert all(e.load is not Load.HEAVY for e in home)


def test_home_resistance_covers_every_region_the_guideline_asks_for(
    our_exercises: list[Exercise],
) -> None:
    # TFTF15: at least one exercise each for legs, arms, chest, shoulders and back.
    covered = {r for e in _home_resistance(our_exercises) for r in e.regions}
    wanted = {Region.LEGS, Region.ARMS, Region.CHEST, Region.SHOULDERS, Region.BACK, Region.WRIST}
    assert wanted <= covered


def test_home_resistance_dosage_is_within_the_guideline(our_exercises: list[Exercise]) -> None:
    for e in _home_resistance(our_exercises):
        d = e.default_dosage
        assert 1 <= d.sets <= 3, e.id
        assert 2 <= d.days_per_week <= 3, e.id
        assert 5 <= d.effort <= 8, e.id
        if d.reps is not None:
            assert 8 <= d.reps <= 12, e.id
        else:
            assert d.hold_seconds is not None, e.id


def test_supervised_lifts_are_heavy_supervised_and_cite_liftmor(library: Library) -> None:
    for exercise_id, category in SUPERVISED_LIFTS.items():
        e = library[exercise_id]
        assert e.category is category
        assert e.load is Load.HEAVY
        assert e.supervised_only
        assert SourceKey.LIFTMOR in e.sources
    landing = library["jumping_chin_up_drop_landing"]
    assert landing.impact is Impact.HIGH
    assert landing.fall_risk is not FallRisk.LOW


def test_no_loaded_flexion_or_forceful_twisting_in_resistance_files(
    our_exercises: list[Exercise],
) -> None:
    for e in our_exercises:
        assert e.spinal_flexion is not SpinalFlexion.LOADED, e.id
        assert e.spinal_rotation is not SpinalRotation.FORCEFUL, e.id


def test_every_exercise_has_a_movement_specific_stop_line_and_sources(
    our_exercises: list[Exercise],
) -> None:
    stop_lines = [e.stop_if for e in our_exercises]
    assert all(line.startswith("Stop if") for line in stop_lines)
    assert len(set(stop_lines)) > len(stop_lines) * 0.9, "stop lines should not be boilerplate"
    assert all(e.sources for e in our_exercises)
