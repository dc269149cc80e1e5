"""Screening the shipped library: only facts that hold for any honestly tagged library."""

from __future__ import annotations

import pytest

from bonecoach.paths import resource
from bonecoach.program.exercise import Exercise
from bonecoach.program.exercise_traits import is_back_extensor_hold, is_gentle_lying_or_seated
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


def test_loaded_flexion_and_forceful_twisting_are_excluded_with_osteoporosis(
    exercises: list[Exercise],
) -> None:
    for e, r in _screen(density_only(), exercises):
        if e.spinal_flexion is SpinalFlexion.LOADED or e.spinal_rotation is SpinalRotation.FORCEFUL:
            assert r.verdict is Verdict.EXCLUDED, e.id


@pytest.mark.parametrize("client", [one_vertebral_fracture(), fall_risk_only()])
def test_impact_above_walking_is_excluded_after_a_fracture_or_with_fall_risk(
    exercises: list[Exercise], client: ClientProfile
) -> None:
    for e, r in _screen(client, exercises):
        if e.impact in (Impact.MODERATE, Impact.HIGH):
            assert r.verdict is Verdict.EXCLUDED, e.id


def test_heavy_lifts_are_excluded_without_clearance(exercises: list[Exercise]) -> None:
    for e, r in _screen(normal_density(), exercises):
        if e.load is Load.HEAVY:
            assert r.verdict is Verdict.EXCLUDED, e.id


def test_supervised_only_exercises_are_never_plainly_allowed(exercises: list[Exercise]) -> None:
    for client in (normal_density(), density_only()):
        for e, r in _screen(client, exercises):
            if e.supervised_only:
                assert r.verdict is not Verdict.ALLOWED, e.id


def test_recent_fracture_leaves_only_gentle_lying_seated_and_back_extensor_work(
    exercises: list[Exercise],
) -> None:
    screened = _screen(recent_vertebral_fracture(), exercises)
    for e, r in screened:
        if r.verdict is not Verdict.EXCLUDED:
            assert is_gentle_lying_or_seated(e) or is_back_extensor_hold(e), e.id


def test_most_protective_case_excludes_all_impact_work(exercises: list[Exercise]) -> None:
    for e, r in _screen(multiple_vf_kyphosis_pain(), exercises):
        if e.impact in (Impact.MODERATE, Impact.HIGH) or e.spinal_flexion is SpinalFlexion.LOADED:
            assert r.verdict is Verdict.EXCLUDED, e.id


def test_a_healthy_client_loses_only_clinic_lifts_and_drop_landings(
    exercises: list[Exercise],
) -> None:
    for e, r in _screen(normal_density(), exercises):
        if r.verdict is Verdict.EXCLUDED:
            excluding = {x.rule for x in r.reasons if rule(x.rule).effect is Effect.EXCLUDE}
            assert excluding <= {"not_cleared_heavy", "not_cleared_drop_landing"}, e.id


def test_every_verdict_in_the_library_is_explained(exercises: list[Exercise]) -> None:
    for client in (density_only(), one_vertebral_fracture(), recent_vertebral_fracture()):
        for e, r in _screen(client, exercises):
            assert r.exercise_id == e.id and r.name == e.name
            if r.verdict is not Verdict.ALLOWED:
                assert r.reasons and all(x.source for x in r.reasons), e.id
