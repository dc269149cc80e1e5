"""The clinical review of issue #12, point by point, as clinical facts on the shipped library:
a realistic profile in, a verdict and the reason behind it out.

Each test names the point it answers. Profiles are people, not fixtures tuned to one rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import pytest

from bonecoach.paths import resource
from bonecoach.program.assessment import GuidelineCase, assess
from bonecoach.program.library import Library, load_library
from bonecoach.program.profile import ClientProfile
from bonecoach.program.programs import NotPrescribable, OverrideRequired, make_item
from bonecoach.program.screening import ScreeningResult, Verdict, screen_library
from bonecoach.program.vocabulary import SourceKey
from tests.program.screening_fixtures import make_profile, weeks_ago

HEAVY = ("back_squat_heavy", "deadlift_heavy", "overhead_press_heavy")
DROPS = ("jumping_chin_up_drop_landing", "step_drop_landing")


@cache
def library() -> Library:
    return load_library(resource("library"))


def screened(profile: ClientProfile) -> Mapping[str, ScreeningResult]:
    return {r.exercise_id: r for r in screen_library(profile, library().values())}


def rules_of(result: ScreeningResult) -> set[str]:
    return {r.rule for r in result.reasons}


def frail_82_three_fractures_cleared() -> ClientProfile:
    return make_profile(
        age=82,
        t_score_lowest=-3.3,
        vertebral_fractures=3,
        weeks_since_vertebral_fracture=70,
        hyperkyphosis=True,
        back_pain="mild",
        frail=True,
        cleared_for_supervised_high_intensity=True,
    )


def liftmor_candidate() -> ClientProfile:
    """A screened woman of about 65 with low bone mass: the LIFTMOR population."""
    return make_profile(
        age=65,
        t_score_lowest=-2.2,
        frax_major_percent=14.0,
        frax_hip_percent=1.8,
        cleared_for_supervised_high_intensity=True,
    )


# 1 -----------------------------------------------------------------------------------------
def test_1_heavy_lifts_and_drop_landings_are_excluded_for_the_most_fragile_whatever_clearance():
    results = screened(frail_82_three_fractures_cleared())
    for exercise_id in HEAVY + DROPS:
        assert results[exercise_id].verdict is Verdict.EXCLUDED, exercise_id
        assert "protective_or_frail_heavy" in rules_of(results[exercise_id])
    frail_only = screened(make_profile(age=80, t_score_lowest=-1.6, frail=True,
                                       cleared_for_supervised_high_intensity=True))  # fmt: skip
    assert all(frail_only[i].verdict is Verdict.EXCLUDED for i in HEAVY)
    # the population LIFTMOR studied keeps them, supervised, as a caution
    candidate = screened(liftmor_candidate())
    assert all(candidate[i].verdict is Verdict.CAUTION for i in HEAVY)
    assert all(not candidate[i].usable_at_home for i in HEAVY)


# 2 -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "profile",
    [
        make_profile(age=70, t_score_lowest=-2.8, vertebral_fractures=1,
                     weeks_since_vertebral_fracture=5),
        make_profile(age=70, t_score_lowest=-1.9, back_pain="new_unexplained"),
    ],
    ids=["vertebral fracture 5 weeks ago", "new unexplained back pain"],
)  # fmt: skip
def test_2_after_a_recent_fracture_walking_and_movement_practice_stay_and_strain_goes(
    profile: ClientProfile,
) -> None:
    r = screened(profile)
    kept = ("short_gentle_walk", "brisk_walking", "step_to_turn", "hip_hinge_practice",
            "sit_and_stand_tall", "car_transfer", "counter_supported_stand",
            "seated_balance_reach", "supine_towel_press", "seated_back_extensor_hold")  # fmt: skip
    assert [i for i in kept if r[i].verdict is Verdict.EXCLUDED] == []
    walk = r["short_gentle_walk"]
    assert walk.verdict is Verdict.CAUTION and "as pain allows" in (walk.modification or "")
    stand = r["feet_together_stand"]
    assert stand.verdict is Verdict.CAUTION and "Both hands" in (stand.modification or "")
    strenuous = ("superman_lift", "single_leg_bridge", "prone_arm_leg_lift",
                 "thoracic_extension_towel", "heel_drops", "goblet_squat", "get_down_to_floor",
                 "bird_dog", "jog_on_the_spot")  # fmt: skip
    assert [i for i in strenuous if r[i].verdict is not Verdict.EXCLUDED] == []


# 3 -----------------------------------------------------------------------------------------
def test_3_frailty_raises_a_fall_risk_flag_so_hard_balance_needs_support() -> None:
    frail = make_profile(age=88, t_score_lowest=-2.0, frail=True, tug_seconds=10.0,
                         chair_stands_30s=12, tandem_stance_10s=True)  # fmt: skip
    assert [f.test.value for f in assess(frail).fall_risk_flags] == ["frailty"]
    r = screened(frail)
    for exercise_id in ("one_leg_stand", "tandem_stand", "tandem_walk"):
        assert r[exercise_id].verdict is Verdict.CAUTION, exercise_id
        assert r[exercise_id].modification == library()[exercise_id].support_variant


# 4 -----------------------------------------------------------------------------------------
def test_4_exercises_that_start_on_the_floor_are_a_caution_for_a_faller() -> None:
    man_of_90 = make_profile(sex="male", age=90, t_score_lowest=-1.5, tug_seconds=15.0)
    r = screened(man_of_90)
    for exercise_id in ("bird_dog", "four_point_arm_reach", "knee_push_up", "floor_push_up",
                        "get_down_to_floor"):  # fmt: skip
        assert r[exercise_id].verdict is not Verdict.ALLOWED, exercise_id
        assert "fall_risk_floor_transfer" in rules_of(r[exercise_id]), exercise_id
    assert "firm bed" in (r["bird_dog"].modification or "")


# 5 -----------------------------------------------------------------------------------------
def test_5_high_fracture_risk_starts_loaded_work_at_a_lower_intensity() -> None:
    seasoned = make_profile(age=68, t_score_lowest=-3.0)  # not new to strength training
    r = screened(seasoned)
    for exercise_id in ("goblet_squat", "dumbbell_squat", "dumbbell_romanian_deadlift"):
        assert r[exercise_id].verdict is Verdict.CAUTION, exercise_id
        [why] = [x for x in r[exercise_id].reasons if x.rule == "lower_intensity_first"]
        assert why.text.startswith("High fracture risk:")
        assert "New to strength" not in why.text


# 6 -----------------------------------------------------------------------------------------
def test_6_without_frax_fracture_risk_is_not_known_and_frax_is_asked_for() -> None:
    ninety = assess(make_profile(age=90, t_score_lowest=-1.8))
    assert ninety.high_fracture_risk is None
    prompts = [f for f in ninety.recommendations if f.text.startswith("Record FRAX")]
    assert len(prompts) == 1 and prompts[0].source is SourceKey.BHOF
    known_low = assess(make_profile(t_score_lowest=-1.8, frax_major_percent=9.0,
                                    frax_hip_percent=1.0))  # fmt: skip
    assert known_low.high_fracture_risk is False
    high = assess(make_profile(t_score_lowest=-1.8, frax_major_percent=9.0, frax_hip_percent=3.5))
    assert high.high_fracture_risk is True
    assert all(f.source is SourceKey.BHOF for f in high.bone_status_reasons if "FRAX" in f.text)


# 7 -----------------------------------------------------------------------------------------
def test_7_precautions_follow_what_the_movement_demands_not_a_hand_kept_list() -> None:
    wrist = screened(make_profile(precautions=["wrist_fracture_recent"]))
    gripping = ("dumbbell_biceps_curl", "seated_dumbbell_press", "goblet_squat",
                "step_up_dumbbell", "farmers_hold", "get_down_to_floor", "bird_dog")  # fmt: skip
    for exercise_id in gripping:
        assert wrist[exercise_id].verdict is Verdict.EXCLUDED, exercise_id
    # a wrist or arm fracture dated 5 weeks ago acts the same way without the tag
    dated = screened(make_profile(other_fragility_fractures=1, other_fracture_date=weeks_ago(5),
                                  other_fracture_site="wrist_or_arm"))  # fmt: skip
    assert dated["dumbbell_biceps_curl"].verdict is Verdict.EXCLUDED
    knee = screened(make_profile(precautions=["knee_replacement"]))
    kneeling = [e.id for e in library().values() if "kneeling" in e.all_demands]
    assert {"bird_dog", "four_point_arm_reach", "knee_push_up", "low_cupboard_reach"} <= set(
        kneeling
    )
    assert [i for i in kneeling if knee[i].verdict is not Verdict.EXCLUDED] == []
    hip = screened(make_profile(precautions=["hip_replacement_posterior"]))
    assert hip["sit_and_stand_tall"].verdict is hip["sit_to_stand"].verdict is Verdict.EXCLUDED


# 8 -----------------------------------------------------------------------------------------
def test_8_uncontrolled_blood_pressure_asks_for_clearance_and_cautions_holds_and_strain() -> None:
    profile = make_profile(age=70, t_score_lowest=-2.0, precautions=["uncontrolled_hypertension"])
    assert any("medical clearance" in f.text for f in assess(profile).recommendations)
    r = screened(profile)
    for exercise_id in ("wall_sit", "farmers_hold", "wall_side_plank", "dumbbell_squat"):
        assert "precaution_blood_pressure" in rules_of(r[exercise_id]), exercise_id
        assert "never hold your breath" in (r[exercise_id].modification or "")


# 9 -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "profile",
    [make_profile(age=84, tug_seconds=22.0), make_profile(age=84, falls_past_year=3)],
    ids=["TUG 22 s", "3 falls"],
)
def test_9_walking_with_a_very_slow_tug_or_repeated_falls_carries_walking_aid_advice(
    profile: ClientProfile,
) -> None:
    walk = screened(profile)["brisk_walking"]
    assert walk.verdict is Verdict.CAUTION
    assert "walking aid or poles" in (walk.modification or "")
    assert screened(make_profile(age=84, falls_past_year=1))["brisk_walking"].verdict is (
        Verdict.ALLOWED
    )


# 10 ----------------------------------------------------------------------------------------
def test_10_impact_is_tagged_as_bhof_rates_it_and_gentle_after_a_fracture() -> None:
    lib = library()
    assert lib["stair_climbing"].impact.value == lib["dancing"].impact.value == "moderate"
    vf = screened(make_profile(age=72, t_score_lowest=-2.8, vertebral_fractures=1,
                               weeks_since_vertebral_fracture=40))  # fmt: skip
    heel = vf["heel_drops"]
    assert heel.verdict is Verdict.CAUTION and "soft knees" in (heel.modification or "")
    assert vf["stair_climbing"].verdict is vf["dancing"].verdict is Verdict.EXCLUDED
    osteoporosis = screened(make_profile(age=64, t_score_lowest=-2.7))
    assert osteoporosis["jump_in_place"].verdict is Verdict.EXCLUDED
    assert osteoporosis["low_jumps"].verdict is not Verdict.EXCLUDED  # moderate impact is the aim


# 11 ----------------------------------------------------------------------------------------
def test_11_mild_back_pain_alone_is_a_prompt_and_a_caution_not_the_protective_case() -> None:
    profile = make_profile(age=63, t_score_lowest=-1.7, back_pain="mild")
    a = assess(profile)
    assert a.guideline_case is GuidelineCase.DENSITY_ONLY
    assert any(f.text.startswith("Mild back pain: assess it") for f in a.recommendations)
    r = screened(profile)
    assert r["marching_on_the_spot"].verdict is not Verdict.EXCLUDED
    assert "back_pain_caution" in rules_of(r["goblet_squat"])


# 12 ----------------------------------------------------------------------------------------
def test_12_movements_kept_to_show_what_to_avoid_are_never_prescribable() -> None:
    avoid = [e for e in library().values() if e.education_only]
    assert {"bending_to_floor_rounded_back", "sit_up", "toe_touch"} <= {e.id for e in avoid}
    healthy = screened(make_profile(age=55, t_score_lowest=0.5))
    for e in avoid:
        result = healthy[e.id]
        assert result.verdict is Verdict.EXCLUDED and not result.prescribable, e.id
        with pytest.raises(NotPrescribable):
            make_item(e, result, override_reason="I know best", override_by="PT")
    # an ordinary exclusion still takes a written override
    heavy = healthy["deadlift_heavy"]
    with pytest.raises(OverrideRequired):
        make_item(library()["deadlift_heavy"], heavy)
    assert make_item(library()["deadlift_heavy"], heavy, override_reason="cleared by MD").override


# 13 ----------------------------------------------------------------------------------------
def test_13_floor_lifting_prone_and_overhead_loading_in_the_protective_case_or_frailty() -> None:
    kyphotic = screened(make_profile(age=77, t_score_lowest=-1.8, hyperkyphosis=True))
    frail = screened(make_profile(age=86, t_score_lowest=-1.5, frail=True))
    for r in (kyphotic, frail):
        for exercise_id in ("hip_hinge_pickup", "golfers_lift"):
            assert "floor_lifting" in rules_of(r[exercise_id]), exercise_id
    assert "protective_case_prone_overhead" in rules_of(kyphotic["prone_head_lift"])
    assert "protective_case_prone_overhead" in rules_of(kyphotic["seated_dumbbell_press"])


# 14 ----------------------------------------------------------------------------------------
def test_14_reasons_name_what_fired_and_modifications_keep_to_the_steps() -> None:
    frail = screened(make_profile(age=86, t_score_lowest=-1.5, frail=True))
    [impact] = [x for x in frail["jog_on_the_spot"].reasons if x.rule == "fracture_no_impact"]
    assert impact.text.startswith("Frailty:") and "vertebral" not in impact.text
    three = screened(frail_82_three_fractures_cleared())
    [case] = [x for x in three["jog_on_the_spot"].reasons if x.rule == "protective_case_no_impact"]
    assert "3 vertebral fractures" in case.text and "multiple_vf" not in case.text
    label = assess(make_profile(t_score_lowest=-0.8, frax_major_percent=25.0,
                                frax_hip_percent=2.0)).bone_status_label  # fmt: skip
    assert label == "Normal bone density; high fracture risk (FRAX): managed as osteoporosis"
    hold = three["seated_back_extensor_hold"]
    assert hold.verdict is Verdict.CAUTION
    assert "backrest" not in (hold.modification or "")
    assert "front of a sturdy chair" in library()["seated_back_extensor_hold"].steps[0]


# 15 ----------------------------------------------------------------------------------------
def test_15_the_oldest_have_a_chair_stand_norm_and_under_50_a_t_score_does_not_diagnose():
    ninety_six = assess(make_profile(age=96, chair_stands_30s=3))
    assert [f.test.value for f in ninety_six.fall_risk_flags] == ["chair_stand"]
    young = assess(make_profile(age=45, t_score_lowest=-2.8))
    assert young.bone_status.value == "low_bone_mass"
    assert "Osteoporosis" not in young.bone_status_label
    assert young.bone_status_reasons[0].source is SourceKey.ISCD
    assert "Z-score" in young.bone_status_reasons[0].text


# 16 ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("profile", "words", "source"),
    [
        (make_profile(back_pain="new_unexplained"), "medical review", SourceKey.SSS),
        (make_profile(falls_past_year=2), "multifactorial falls assessment", SourceKey.CDC),
        (make_profile(falls_past_year=1, fall_with_injury=True), "multifactorial",
         SourceKey.CDC),
    ],
    ids=["new back pain", "two falls", "an injurious fall"],
)  # fmt: skip
def test_16_referral_prompts(profile: ClientProfile, words: str, source: SourceKey) -> None:
    referrals = assess(profile).referrals
    assert [f.source for f in referrals if words in f.text] == [source]
    assert assess(make_profile(falls_past_year=1)).referrals == ()


# the new content ---------------------------------------------------------------------------
def test_the_new_exercises_are_in_the_library_with_their_sources() -> None:
    lib = library()
    new = ("short_gentle_walk", "seated_balance_reach", "counter_supported_stand",
           "dumbbell_romanian_deadlift", "band_pull_down", "wall_side_plank")  # fmt: skip
    for exercise_id in new:
        e = lib[exercise_id]
        assert e.sources and e.steps and e.tips and e.stop_if, exercise_id
    assert lib["band_pull_down"].category.value == "resistance"
    assert "back" in {r.value for r in lib["band_pull_down"].regions}
    assert lib["wall_side_plank"].spinal_flexion.value == "none"


def test_new_precautions_are_wired_to_rules() -> None:
    r = screened(make_profile(precautions=["spinal_stenosis"]))
    assert "precaution_spinal_stenosis" in rules_of(r["superman_lift"])
    r = screened(make_profile(precautions=["peripheral_neuropathy"]))
    assert "precaution_neuropathy" in rules_of(r["heel_drops"])
    assert "fall_risk_no_impact" in rules_of(r["low_jumps"])  # neuropathy is a fall-risk flag
    r = screened(make_profile(precautions=["visual_impairment"]))
    assert "precaution_vision" in rules_of(r["feet_together_stand"])
    r = screened(make_profile(precautions=["anticoagulation"]))
    assert "precaution_anticoagulation" in rules_of(r["one_leg_stand"])
    hip = screened(make_profile(t_score_lowest=-2.6, other_fragility_fractures=1,
                                other_fracture_date=weeks_ago(3),
                                other_fracture_site="hip_or_pelvis"))  # fmt: skip
    assert hip["goblet_squat"].verdict is Verdict.EXCLUDED
    assert "recent_hip_fracture_weight_bearing" in rules_of(hip["calf_raise"])
