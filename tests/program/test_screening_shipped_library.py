"""Screening the shipped library: only facts that hold for any honestly tagged library."""

from __future__ import annotations

import pytest

from bonecoach.paths import resource
from bonecoach.program.exercise import Exercise
from bonecoach.program.exercise_traits import allowed_after_recent_fracture
from bonecoach.program.library import check_library
from bonecoach.program.profile import ClientProfile
from bonecoach.program.rules import Effect, rule
from bonecoach.program.screening import ScreeningResult, Verdict, screen_library
from bonecoach.program.vocabulary import Impact, Load, SpinalFlexion, SpinalRotation
from tests.program.screening_fixtures import (
    density_only,
    fall_risk_only,
    multiple_vf_kyphosis_pain,
    normal_density,
    one_vertebral_fracture,
    recent_vertebral_fracture,
)


@pytest.fixture(scope="module")
def exercises() -> list[Exercise]:
    library, _ = check_library(resource("library"))  # screen whatever loads cleanly
    assert len(library) > 0
    return library.exercises


def _screen(
    profile: ClientProfile, exercises: list[Exercise]
) -> list[tuple[Exercise, ScreeningResult]]:
    return list(zip(exercises, screen_library(profile, exercises), strict=True))


def _some(pairs: list[tuple[Exercise, ScreeningResult]], test: object) -> list[ScreeningResult]:
    """The results whose exercise passes ``test``; never none, so no check here is vacuous."""
    assert callable(test)
    found = [r for e, r in pairs if test(e)]
    assert found, "the shipped library has no exercise this check is about"
    return found


def test_loaded_flexion_and_forceful_twisting_are_excluded_with_osteoporosis(
    exercises: list[Exercise],
) -> None:
    risky = _some(
        _screen(density_only(), exercises),
        lambda e: (
            e.spinal_flexion is SpinalFlexion.LOADED or e.spinal_rotation is SpinalRotation.FORCEFUL
        ),
    )
    assert all(r.verdict is Verdict.EXCLUDED for r in risky), [r.exercise_id for r in risky]


@pytest.mark.parametrize("client", [one_vertebral_fracture(), fall_risk_only()])
def test_impact_above_walking_is_excluded_after_a_fracture_or_with_fall_risk(
    exercises: list[Exercise], client: ClientProfile
) -> None:
    jarring = _some(
        _screen(client, exercises), lambda e: e.impact in (Impact.MODERATE, Impact.HIGH)
    )
    assert all(r.verdict is Verdict.EXCLUDED for r in jarring), [r.exercise_id for r in jarring]


def test_heavy_lifts_are_excluded_without_clearance(exercises: list[Exercise]) -> None:
    heavy = _some(_screen(normal_density(), exercises), lambda e: e.load is Load.HEAVY)
    assert all(r.verdict is Verdict.EXCLUDED for r in heavy)


def test_supervised_only_exercises_are_never_plainly_allowed(exercises: list[Exercise]) -> None:
    for client in (normal_density(), density_only()):
        clinic = _some(_screen(client, exercises), lambda e: e.supervised_only)
        assert all(r.verdict is not Verdict.ALLOWED for r in clinic)


def test_recent_fracture_leaves_only_gentle_work_walking_and_movement_practice(
    exercises: list[Exercise],
) -> None:
    screened = _screen(recent_vertebral_fracture(), exercises)
    kept = [e.id for e, r in screened if r.verdict is not Verdict.EXCLUDED]
    for e, r in screened:
        if r.verdict is not Verdict.EXCLUDED:
            assert allowed_after_recent_fracture(e), e.id
    # not vacuous: walking and movement practice stay available (SSS/ROS: avoid immobilisation)
    assert {"brisk_walking", "step_to_turn", "hip_hinge_practice", "sit_and_stand_tall"} <= set(
        kept
    )


def test_most_protective_case_excludes_all_impact_work(exercises: list[Exercise]) -> None:
    risky = _some(
        _screen(multiple_vf_kyphosis_pain(), exercises),
        lambda e: (
            e.impact in (Impact.MODERATE, Impact.HIGH) or e.spinal_flexion is SpinalFlexion.LOADED
        ),
    )
    assert all(r.verdict is Verdict.EXCLUDED for r in risky), [r.exercise_id for r in risky]


def test_a_healthy_client_loses_only_clinic_lifts_and_drop_landings(
    exercises: list[Exercise],
) -> None:
    screened = _screen(normal_density(), exercises)
    assert any(r.verdict is Verdict.EXCLUDED for _, r in screened)
    assert sum(r.verdict is Verdict.ALLOWED for _, r in screened) > len(screened) // 2
    for e, r in screened:
        if r.verdict is Verdict.EXCLUDED:
            excluding = {x.rule for x in r.reasons if rule(x.rule).effect is Effect.EXCLUDE}
            assert excluding <= {
                "not_cleared_heavy",
                "not_cleared_drop_landing",
                "education_only",
            }, e.id


def test_every_verdict_in_the_library_is_explained(exercises: list[Exercise]) -> None:
    for client in (density_only(), one_vertebral_fracture(), recent_vertebral_fracture()):
        screened = _screen(client, exercises)
        assert any(r.verdict is not Verdict.ALLOWED for _, r in screened)
        for e, r in screened:
            assert r.exercise_id == e.id and r.name == e.name
            if r.verdict is not Verdict.ALLOWED:
                assert r.reasons and all(x.source for x in r.reasons), e.id
