"""Derived status (clinical-guidance.md §1): each with the finding and source behind it."""

from __future__ import annotations

import pytest

from bonecoach.program.assessment import (
    BoneStatus,
    FallTest,
    GuidelineCase,
    assess,
    chair_stand_norm,
)
from bonecoach.program.profile import Sex
from bonecoach.program.vocabulary import SourceKey
from tests.program.screening_fixtures import (
    density_only,
    fall_risk_only,
    make_profile,
    multiple_vf_kyphosis_pain,
    normal_density,
    one_vertebral_fracture,
    recent_vertebral_fracture,
)


@pytest.mark.parametrize(
    ("t_score", "status"),
    [
        (0.5, BoneStatus.NORMAL),
        (-1.0, BoneStatus.NORMAL),
        (-1.1, BoneStatus.LOW_BONE_MASS),
        (-2.4, BoneStatus.LOW_BONE_MASS),
        (-2.5, BoneStatus.OSTEOPOROSIS),
        (-4.0, BoneStatus.OSTEOPOROSIS),
    ],
)
def test_who_categories_from_the_lowest_t_score(t_score: float, status: BoneStatus) -> None:
    a = assess(make_profile(t_score_lowest=t_score))
    assert a.bone_status is status
    assert a.bone_status_reasons[0].source is SourceKey.WHO
    assert f"{t_score:g}" in a.bone_status_reasons[0].text


def test_no_t_score_is_treated_as_low_bone_mass_and_says_so() -> None:
    a = assess(make_profile(t_score_lowest=None))
    assert a.bone_status is BoneStatus.LOW_BONE_MASS
    assert not a.density_measured_normal
    assert "No T-score recorded" in a.bone_status_reasons[0].text


@pytest.mark.parametrize(
    ("major", "hip", "source"), [(20.0, None, SourceKey.BHOF), (10.0, 3.0, SourceKey.BHOF)]
)
def test_high_frax_counts_as_osteoporosis(
    major: float, hip: float | None, source: SourceKey
) -> None:
    a = assess(make_profile(t_score_lowest=-1.8, frax_major_percent=major, frax_hip_percent=hip))
    assert a.bone_status is BoneStatus.OSTEOPOROSIS
    assert a.high_fracture_risk
    assert any(f.source is source and "FRAX" in f.text for f in a.fracture_risk_reasons)


def test_frax_below_thresholds_changes_nothing() -> None:
    a = assess(make_profile(t_score_lowest=-1.8, frax_major_percent=19.9, frax_hip_percent=2.9))
    assert a.bone_status is BoneStatus.LOW_BONE_MASS
    assert not a.high_fracture_risk


def test_osteoporosis_plus_fragility_fracture_is_severe() -> None:
    a = assess(make_profile(t_score_lowest=-2.7, other_fragility_fractures=1))
    assert a.bone_status is BoneStatus.SEVERE
    assert "severe" in a.bone_status_reasons[-1].text


def test_fragility_fracture_with_low_bone_mass_is_osteoporosis() -> None:
    a = assess(make_profile(t_score_lowest=-1.5, other_fragility_fractures=1))
    assert a.bone_status is BoneStatus.OSTEOPOROSIS
    assert a.bone_status_reasons[-1].source is SourceKey.BHOF


def test_three_guideline_cases() -> None:
    assert assess(density_only()).guideline_case is GuidelineCase.DENSITY_ONLY
    assert assess(one_vertebral_fracture()).guideline_case is GuidelineCase.ONE_VERTEBRAL_FRACTURE
    worst = assess(multiple_vf_kyphosis_pain())
    assert worst.guideline_case is GuidelineCase.MULTIPLE_VF_KYPHOSIS_PAIN
    texts = " ".join(f.text for f in worst.case_reasons)
    assert any("back-extensor endurance" in f.text for f in worst.recommendations)
    assert "3 vertebral fractures" in texts
    assert "Hyperkyphosis" in texts
    assert "back pain" in texts


@pytest.mark.parametrize(
    "change",
    [
        {"hyperkyphosis": True},
        {"back_pain": "mild", "vertebral_fractures": 1},
        {"frail": True},
    ],
)
def test_kyphosis_pain_or_frailty_move_to_the_most_protective_case(
    change: dict[str, object],
) -> None:
    a = assess(make_profile(t_score_lowest=-2.0, **change))
    assert a.guideline_case is GuidelineCase.MULTIPLE_VF_KYPHOSIS_PAIN
    assert a.fracture_precautions


def test_fracture_precautions_for_vf_multiple_fractures_or_frailty() -> None:
    assert assess(one_vertebral_fracture()).fracture_precautions
    assert assess(
        make_profile(t_score_lowest=-2.0, other_fragility_fractures=2)
    ).fracture_precautions
    assert not assess(
        make_profile(t_score_lowest=-2.0, other_fragility_fractures=1)
    ).fracture_precautions
    assert not assess(density_only()).fracture_precautions


def test_recent_fracture_and_new_back_pain_are_recent_spinal_events() -> None:
    recent = assess(recent_vertebral_fracture())
    assert recent.recent_spinal_event
    assert "6 weeks ago" in recent.recent_spinal_event_reasons[0].text
    assert not assess(
        make_profile(vertebral_fractures=1, weeks_since_vertebral_fracture=12)
    ).recent_spinal_event
    pain = assess(make_profile(back_pain="new_unexplained"))
    assert pain.recent_spinal_event
    assert "back pain" in pain.recent_spinal_event_reasons[0].text


def test_unknown_fracture_date_is_not_recent_but_flagged_for_confirmation() -> None:
    a = assess(make_profile(vertebral_fractures=1, weeks_since_vertebral_fracture=None))
    assert not a.recent_spinal_event
    assert any("confirm" in f.text for f in a.recommendations)


def test_fall_risk_flags_name_the_test() -> None:
    a = assess(
        make_profile(
            age=75, falls_past_year=1, tug_seconds=12.0, chair_stands_30s=9, tandem_stance_10s=False
        )
    )
    assert [f.test for f in a.fall_risk_flags] == [
        FallTest.FALLS,
        FallTest.TUG,
        FallTest.CHAIR_STAND,
        FallTest.TANDEM_STANCE,
    ]
    assert all(f.source is SourceKey.CDC for f in a.fall_risk_flags)
    assert "norm of 10 for a female aged 75" in a.fall_risk_flags[2].text


def test_no_fall_risk_just_under_the_thresholds() -> None:
    a = assess(make_profile(age=75, tug_seconds=11.9, chair_stands_30s=10, tandem_stance_10s=None))
    assert a.fall_risk_flags == ()


@pytest.mark.parametrize(
    ("sex", "age", "norm"),
    [
        (Sex.FEMALE, 60, 12), (Sex.FEMALE, 69, 11), (Sex.FEMALE, 79, 10), (Sex.FEMALE, 84, 9),
        (Sex.FEMALE, 89, 8), (Sex.FEMALE, 94, 4), (Sex.MALE, 64, 14), (Sex.MALE, 74, 12),
        (Sex.MALE, 79, 11), (Sex.MALE, 80, 10), (Sex.MALE, 85, 8), (Sex.MALE, 90, 7),
        (Sex.MALE, 59, None), (Sex.FEMALE, 95, 4), (Sex.MALE, 101, 7),
    ],
)  # fmt: skip
def test_chair_stand_norm_table(sex: Sex, age: int, norm: int | None) -> None:
    assert chair_stand_norm(sex, age) == norm


def test_fixtures_have_the_intended_status() -> None:
    assert assess(normal_density()).high_impact_cleared
    fall = assess(fall_risk_only())
    assert fall.has_fall_risk and fall.bone_status is BoneStatus.NORMAL
    assert not fall.high_impact_cleared
    assert {f.test for f in fall.fall_risk_flags} == {FallTest.FALLS, FallTest.TUG}
    assert not assess(density_only()).high_impact_cleared


def test_supervision_recommended_after_a_fracture() -> None:
    a = assess(one_vertebral_fracture())
    assert any("supervision" in f.text for f in a.recommendations)
