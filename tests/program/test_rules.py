"""One test (or more) per rule of the safety table (clinical-guidance.md §3)."""

from __future__ import annotations

from typing import Any

import pytest

from bonecoach.program.exercise import Exercise
from bonecoach.program.profile import ClientProfile
from bonecoach.program.rules import RULES, Effect, rule
from bonecoach.program.screening import EQUIPMENT_MODIFICATION, Verdict, screen, screen_library
from bonecoach.program.vocabulary import SourceKey
from tests.program.screening_fixtures import (
    density_only,
    fall_risk_only,
    make_exercise,
    make_profile,
    multiple_vf_kyphosis_pain,
    normal_density,
    one_vertebral_fracture,
    recent_vertebral_fracture,
    weeks_ago,
)

SEVERITY = {Verdict.ALLOWED: 0, Verdict.CAUTION: 1, Verdict.EXCLUDED: 2}
EFFECT_VERDICT = {Effect.EXCLUDE: Verdict.EXCLUDED, Effect.CAUTION: Verdict.CAUTION}

FLOOR_PICKUP: dict[str, Any] = {
    "position": "standing",
    "category": "safe_movement",
    "name": "Pick up a box",
    "summary": "Pick up a light box from the floor with a hip hinge.",
    "demands": ["lifts_from_floor"],
}
GENTLE_DOSE = {"sets": 2, "reps": 10, "rest_seconds": 60, "days_per_week": 3, "effort": 4}
WALK: dict[str, Any] = {
    "category": "aerobic",
    "position": "standing",
    "impact": "low",
    "demands": ["walking"],
    "default_dosage": {
        "sets": 1,
        "minutes": 20,
        "rest_seconds": 0,
        "days_per_week": 5,
        "effort": 4,
    },
}


def _hip_fracture(weeks: int) -> ClientProfile:
    return make_profile(
        t_score_lowest=-2.6,
        other_fragility_fractures=1,
        other_fracture_date=weeks_ago(weeks),
        other_fracture_site="hip_or_pelvis",
    )


def _with(*precautions: str) -> ClientProfile:
    return make_profile(precautions=list(precautions))


AEROBIC: dict[str, Any] = {
    "category": "aerobic",
    "position": "standing",
    "impact": "low",
    "default_dosage": {
        "sets": 1,
        "minutes": 20,
        "rest_seconds": 0,
        "days_per_week": 5,
        "effort": 7,
    },
}

# rule id -> (a client it concerns, an exercise it catches, a client it does not concern)
CASES: dict[str, tuple[ClientProfile, Exercise, ClientProfile]] = {
    "loaded_flexion": (
        density_only(),
        make_exercise(spinal_flexion="loaded"),
        normal_density(),
    ),
    "forceful_twisting": (
        make_profile(t_score_lowest=-1.5),
        make_exercise(spinal_rotation="forceful"),
        normal_density(),
    ),
    "floor_lifting": (
        density_only(),
        make_exercise(**FLOOR_PICKUP),
        make_profile(t_score_lowest=-2.0),
    ),
    "fracture_no_impact": (
        one_vertebral_fracture(),
        make_exercise(category="impact", impact="moderate", position="standing"),
        density_only(),
    ),
    "fracture_heavy_load": (
        make_profile(
            t_score_lowest=-2.8,
            vertebral_fractures=1,
            cleared_for_supervised_high_intensity=True,
        ),
        make_exercise(load="heavy", position="standing"),
        make_profile(t_score_lowest=-2.8, cleared_for_supervised_high_intensity=True),
    ),
    "fracture_moderate_aerobic": (
        make_profile(frail=True),
        make_exercise(**AEROBIC),
        density_only(),
    ),
    "protective_case_no_impact": (
        multiple_vf_kyphosis_pain(),
        make_exercise(category="impact", impact="low", position="standing"),
        one_vertebral_fracture(),
    ),
    "protective_case_loaded_flexion": (
        make_profile(hyperkyphosis=True),  # normal density: only this rule excludes flexion
        make_exercise(spinal_flexion="loaded"),
        normal_density(),
    ),
    "protective_case_position": (
        multiple_vf_kyphosis_pain(),
        make_exercise(position="seated"),
        one_vertebral_fracture(),
    ),
    "recent_fracture_gentle_only": (
        recent_vertebral_fracture(),
        make_exercise(position="standing"),
        one_vertebral_fracture(),
    ),
    "fall_risk_no_impact": (
        fall_risk_only(),
        make_exercise(impact="moderate", position="standing"),
        normal_density(),
    ),
    "fall_risk_high_support": (
        fall_risk_only(),
        make_exercise(fall_risk="high", category="balance", position="standing"),
        normal_density(),
    ),
    "fall_risk_moderate_support": (
        make_profile(tandem_stance_10s=False),
        make_exercise(fall_risk="moderate", position="standing"),
        normal_density(),
    ),
    "not_cleared_heavy": (
        normal_density(),
        make_exercise(load="heavy"),
        make_profile(cleared_for_supervised_high_intensity=True),
    ),
    "not_cleared_drop_landing": (
        normal_density(),
        make_exercise(impact="high", supervised_only=True, demands=["drop_landing"]),
        make_profile(cleared_for_supervised_high_intensity=True),
    ),
    "supervised_only": (
        make_profile(cleared_for_supervised_high_intensity=True),
        make_exercise(supervised_only=True),
        # every client is concerned; the "other" client is checked separately below
        make_profile(cleared_for_supervised_high_intensity=True),
    ),
    "high_impact_build_up": (
        density_only(),
        make_exercise(impact="high", position="standing", category="impact"),
        normal_density(),
    ),
    "lower_intensity_first": (
        make_profile(new_to_strength_training=True),
        make_exercise(load="moderate"),
        normal_density(),
    ),
    "education_only": (
        normal_density(),
        make_exercise(education_only=True),
        # every client is concerned; checked separately below
        normal_density(),
    ),
    "protective_or_frail_heavy": (
        make_profile(t_score_lowest=-2.8, frail=True, cleared_for_supervised_high_intensity=True),
        make_exercise(load="heavy", position="standing"),
        make_profile(
            t_score_lowest=-2.8, vertebral_fractures=1, cleared_for_supervised_high_intensity=True
        ),
    ),
    "recent_fracture_as_pain_allows": (
        recent_vertebral_fracture(),
        make_exercise(**WALK),
        one_vertebral_fracture(),
    ),
    "recent_hip_fracture": (_hip_fracture(4), make_exercise(load="moderate"), _hip_fracture(20)),
    "recent_hip_fracture_weight_bearing": (
        _hip_fracture(4),
        make_exercise(position="standing"),
        _hip_fracture(20),
    ),
    "fracture_gentle_impact": (
        one_vertebral_fracture(),
        make_exercise(category="impact", impact="low", position="standing"),
        density_only(),
    ),
    "protective_case_prone_overhead": (
        multiple_vf_kyphosis_pain(),
        make_exercise(position="lying", demands=["prone"]),
        one_vertebral_fracture(),
    ),
    "protective_case_worn_weight": (
        multiple_vf_kyphosis_pain(),
        make_exercise(position="standing", equipment=["weighted_vest"]),
        one_vertebral_fracture(),
    ),
    "fracture_worn_weight": (
        one_vertebral_fracture(),
        make_exercise(position="standing", equipment=["weighted_vest"]),
        density_only(),
    ),
    "osteoporosis_high_impact": (
        density_only(),
        make_exercise(impact="high", position="standing", category="impact"),
        make_profile(t_score_lowest=-2.0),
    ),
    "fall_risk_floor_transfer": (
        fall_risk_only(),
        make_exercise(position="kneeling", demands=["floor_transfer"]),
        normal_density(),
    ),
    "walking_aid": (
        make_profile(falls_past_year=2),
        make_exercise(**WALK),
        make_profile(falls_past_year=1),
    ),
    "back_pain_caution": (
        make_profile(back_pain="mild"),
        make_exercise(load="moderate"),
        normal_density(),
    ),
    "precaution_wrist_fracture": (
        _with("wrist_fracture_recent"),
        make_exercise(equipment=["dumbbells"]),
        _with("knee_osteoarthritis"),
    ),
    "precaution_hand_arthritis": (
        _with("hand_arthritis"),
        make_exercise(demands=["weight_on_hands"]),
        _with("knee_osteoarthritis"),
    ),
    "precaution_knee_replacement": (
        _with("knee_replacement"),
        make_exercise(position="kneeling"),
        _with("knee_osteoarthritis"),
    ),
    "precaution_posterior_hip": (
        _with("hip_replacement_posterior"),
        make_exercise(demands=["deep_hip_flexion"]),
        _with("hip_replacement_anterior"),
    ),
    "precaution_anterior_hip": (
        _with("hip_replacement_anterior"),
        make_exercise(demands=["hip_extension"]),
        _with("hip_replacement_posterior"),
    ),
    "precaution_shoulder": (
        _with("shoulder_impingement"),
        make_exercise(demands=["overhead"]),
        _with("knee_osteoarthritis"),
    ),
    "precaution_blood_pressure": (
        _with("uncontrolled_hypertension"),
        make_exercise(**{**AEROBIC, "category": "resistance"}),
        _with("knee_osteoarthritis"),
    ),
    "precaution_spinal_stenosis": (
        _with("spinal_stenosis"),
        make_exercise(**WALK),
        _with("knee_osteoarthritis"),
    ),
    "precaution_neuropathy": (
        _with("peripheral_neuropathy"),
        make_exercise(category="impact", impact="low", position="standing"),
        _with("knee_osteoarthritis"),
    ),
    "precaution_vision": (
        _with("visual_impairment"),
        make_exercise(category="balance", position="standing"),
        _with("knee_osteoarthritis"),
    ),
    "precaution_anticoagulation": (
        _with("anticoagulation"),
        make_exercise(fall_risk="high", position="standing"),
        _with("knee_osteoarthritis"),
    ),
    "precaution_dizziness": (
        _with("dizziness"),
        make_exercise(position="lying", demands=["prone"]),
        _with("knee_osteoarthritis"),
    ),
    "precaution": (
        make_profile(precautions=["knee_osteoarthritis"]),
        make_exercise(avoid_with=["knee_osteoarthritis", "dizziness"]),
        make_profile(precautions=["shoulder_impingement"]),
    ),
    "missing_equipment": (
        make_profile(equipment=["chair"]),
        make_exercise(equipment=["chair", "dumbbells"]),
        make_profile(equipment=["chair", "dumbbells"]),
    ),
}


def _rules_of(profile: ClientProfile, exercise: Exercise) -> list[str]:
    result = screen(profile, exercise)
    return [r.rule for r in result.reasons] + [r.rule for r in result.unavailable]


def test_every_rule_has_a_case() -> None:
    assert set(CASES) == {r.id for r in RULES}


def test_rule_ids_are_unique_and_every_rule_has_a_source_and_words() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for r in RULES:
        assert r.sources and all(isinstance(s, SourceKey) for s in r.sources)
        assert len(r.condition) > 20 and len(r.reason) > 20


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_catches_its_case(rule_id: str) -> None:
    client, exercise, _ = CASES[rule_id]
    result = screen(client, exercise)
    # a set: missing equipment is reported both in reasons and in unavailable
    found = {r for r in (*result.reasons, *result.unavailable) if r.rule == rule_id}
    assert len(found) == 1, [r.rule for r in result.reasons]
    assert found.pop().source == rule(rule_id).source
    effect = rule(rule_id).effect
    if effect in EFFECT_VERDICT:
        assert SEVERITY[result.verdict] >= SEVERITY[EFFECT_VERDICT[effect]]


@pytest.mark.parametrize("rule_id", sorted(set(CASES) - {"supervised_only", "education_only"}))
def test_rule_spares_a_client_without_the_condition(rule_id: str) -> None:
    _, exercise, other = CASES[rule_id]
    assert rule_id not in _rules_of(other, exercise)


def test_safe_exercise_is_allowed_for_every_fixture() -> None:
    lying = make_exercise(position="lying", category="posture", default_dosage=GENTLE_DOSE)
    for client in (density_only(), one_vertebral_fracture(), recent_vertebral_fracture()):
        result = screen(client, lying)
        assert result.verdict is Verdict.ALLOWED
        assert result.usable_at_home


# --- wording and modifications ----------------------------------------------------------


def test_spine_exclusions_offer_the_safer_swap() -> None:
    flexion = screen(density_only(), make_exercise(spinal_flexion="loaded"))
    assert flexion.verdict is Verdict.EXCLUDED
    assert "hip hinge" in flexion.reasons[0].text
    twist = screen(density_only(), make_exercise(spinal_rotation="forceful"))
    assert "step to turn" in twist.reasons[0].text and "partial rotation" in twist.reasons[0].text
    assert twist.reasons[0].source == "TFTF15, SSS, BHOF"


def test_unloaded_flexion_and_gentle_rotation_are_allowed_with_osteoporosis() -> None:
    move = make_exercise(spinal_flexion="unloaded", spinal_rotation="gentle")
    assert screen(density_only(), move).verdict is Verdict.ALLOWED


def test_floor_lifting_is_a_caution_teaching_the_hip_hinge() -> None:
    result = screen(density_only(), make_exercise(**FLOOR_PICKUP))
    assert result.verdict is Verdict.CAUTION
    assert result.modification is not None and "hip hinge" in result.modification
    lying = make_exercise(position="lying", summary="Lie on the floor and lift your hips.")
    assert screen(density_only(), lying).verdict is Verdict.ALLOWED
    # the rule reads the tag, never the wording: a pick-up without the tag is not caught
    untagged = make_exercise(**{**FLOOR_PICKUP, "demands": []})
    assert "floor_lifting" not in [r.rule for r in screen(density_only(), untagged).reasons]


def test_after_a_vertebral_fracture_walking_stays_allowed_and_jogging_goes() -> None:
    vf = one_vertebral_fracture()
    walking = make_exercise(category="aerobic", impact="low", position="standing")
    assert screen(vf, walking).verdict is Verdict.ALLOWED
    for impact in ("moderate", "high"):
        jog = make_exercise(impact=impact, position="standing")
        assert screen(vf, jog).verdict is Verdict.EXCLUDED


def test_heavy_load_after_fracture_is_a_caution_about_form_when_cleared() -> None:
    client, exercise, _ = CASES["fracture_heavy_load"]
    result = screen(client, exercise)
    assert result.verdict is Verdict.CAUTION
    assert result.modification is not None and "form" in result.modification


def test_most_protective_case_prefers_lying_and_standing() -> None:
    client = multiple_vf_kyphosis_pain()
    assert screen(client, make_exercise(position="lying")).verdict is Verdict.ALLOWED
    assert screen(client, make_exercise(position="standing")).verdict is Verdict.ALLOWED
    seated = screen(client, make_exercise(position="seated"))
    assert seated.verdict is Verdict.CAUTION
    assert seated.modification is not None and "Sitting" in seated.modification
    walking = make_exercise(category="aerobic", impact="low", position="standing")
    assert screen(client, walking).verdict is Verdict.ALLOWED


@pytest.mark.parametrize(
    ("changes", "verdict"),
    [
        ({"position": "lying"}, Verdict.ALLOWED),
        ({"position": "seated"}, Verdict.ALLOWED),
        ({"position": "standing", "category": "posture"}, Verdict.ALLOWED),  # back-extensor hold
        ({"position": "standing"}, Verdict.EXCLUDED),
        ({"position": "seated", "spinal_rotation": "gentle"}, Verdict.EXCLUDED),
        ({"position": "lying", "load": "moderate"}, Verdict.EXCLUDED),
        ({"position": "kneeling", "category": "posture"}, Verdict.EXCLUDED),
        ({"position": "lying", "spinal_flexion": "unloaded"}, Verdict.EXCLUDED),
        ({"position": "lying", "level": 3}, Verdict.EXCLUDED),  # not low level
        ({"position": "lying", "default_dosage": {**GENTLE_DOSE, "effort": 7}}, Verdict.EXCLUDED),
        ({"position": "lying", "demands": ["prone", "spinal_extension"]}, Verdict.EXCLUDED),
        ({"position": "lying", "demands": ["prone"]}, Verdict.CAUTION),
        (WALK, Verdict.CAUTION),
        ({"position": "standing", "category": "safe_movement"}, Verdict.CAUTION),
        (
            {"position": "standing", "category": "balance", "demands": ["static_balance"]},
            Verdict.CAUTION,
        ),
        ({"position": "standing", "category": "impact", "impact": "low"}, Verdict.EXCLUDED),
    ],
)
def test_recent_fracture_allows_gentle_work_walking_and_movement_practice(
    changes: dict[str, Any], verdict: Verdict
) -> None:
    changes = {"default_dosage": GENTLE_DOSE, **changes}
    assert screen(recent_vertebral_fracture(), make_exercise(**changes)).verdict is verdict


def test_new_unexplained_back_pain_acts_like_a_recent_fracture() -> None:
    client = make_profile(back_pain="new_unexplained")
    result = screen(client, make_exercise(position="standing"))
    assert result.verdict is Verdict.EXCLUDED
    assert "recent_fracture_gentle_only" in [r.rule for r in result.reasons]


def test_fall_risk_caution_prints_the_support_variant_and_names_the_tests() -> None:
    client = fall_risk_only()
    balance = make_exercise(
        fall_risk="high", position="standing", support_variant="Stand in a corner of the counter."
    )
    result = screen(client, balance)
    assert result.verdict is Verdict.CAUTION
    assert result.modification == "Stand in a corner of the counter."
    jog = screen(client, make_exercise(impact="moderate", position="standing"))
    assert jog.verdict is Verdict.EXCLUDED
    assert "Timed Up and Go" in jog.reasons[0].text and "falls" in jog.reasons[0].text
    walk = make_exercise(category="aerobic", impact="low", position="standing")
    assert screen(client, walk).verdict is Verdict.ALLOWED


def test_same_support_variant_is_printed_once() -> None:
    client = make_profile(falls_past_year=1)
    ex = make_exercise(fall_risk="high", support_variant="Hold the counter.")
    assert screen(client, ex).modification == "Hold the counter."


def test_heavy_lifts_need_clearance_and_stay_clinic_only() -> None:
    heavy = make_exercise(load="heavy", position="standing")
    not_cleared = screen(normal_density(), heavy)
    assert not_cleared.verdict is Verdict.EXCLUDED
    assert {r.source for r in not_cleared.reasons} == {"LIFTMOR"}
    cleared = screen(make_profile(cleared_for_supervised_high_intensity=True), heavy)
    assert cleared.verdict is Verdict.CAUTION
    assert cleared.modification is not None and "home handout" in cleared.modification
    assert not cleared.usable_at_home


def test_high_impact_is_allowed_outright_only_with_normal_density_and_no_risk() -> None:
    jumps = make_exercise(impact="high", position="standing", category="impact")
    assert screen(normal_density(), jumps).verdict is Verdict.ALLOWED
    assert screen(make_profile(t_score_lowest=None), jumps).verdict is Verdict.CAUTION
    # osteoporosis: high impact is not home work unless cleared for supervised training
    assert screen(density_only(), jumps).verdict is Verdict.EXCLUDED
    cleared = make_profile(age=66, t_score_lowest=-2.6, cleared_for_supervised_high_intensity=True)
    assert screen(cleared, jumps).verdict is Verdict.CAUTION
    assert screen(fall_risk_only(), jumps).verdict is Verdict.EXCLUDED
    assert screen(one_vertebral_fracture(), jumps).verdict is Verdict.EXCLUDED


def test_precaution_exclusion_names_the_precaution() -> None:
    client, exercise, _ = CASES["precaution"]
    result = screen(client, exercise)
    assert result.verdict is Verdict.EXCLUDED
    assert "knee osteoarthritis" in result.reasons[0].text
    assert "dizziness" not in result.reasons[0].text


# --- missing equipment: the switchable soft filter --------------------------------------


def test_missing_equipment_is_a_caution_with_the_filter_on() -> None:
    client = make_profile(equipment=["chair"])
    ex = make_exercise(equipment=["chair", "dumbbells"])
    on = screen(client, ex)
    assert on.verdict is Verdict.CAUTION
    assert on.modification == EQUIPMENT_MODIFICATION
    assert [r.rule for r in on.reasons] == ["missing_equipment"]
    assert "dumbbells" in on.unavailable[0].text and "chair" not in on.unavailable[0].text
    assert not on.usable_at_home


def test_switching_the_equipment_filter_off_leaves_only_safety() -> None:
    client = make_profile(equipment=[])
    off = screen(client, make_exercise(equipment=["dumbbells"]), check_equipment=False)
    assert off.verdict is Verdict.ALLOWED
    assert off.reasons == () and off.modification is None
    assert [r.rule for r in off.unavailable] == ["missing_equipment"]


def test_missing_equipment_never_softens_an_exclusion() -> None:
    client = make_profile(t_score_lowest=-2.0, equipment=[])
    result = screen(client, make_exercise(spinal_flexion="loaded", equipment=["mat"]))
    assert result.verdict is Verdict.EXCLUDED
    assert result.modification is None
    assert [r.rule for r in result.reasons] == ["loaded_flexion", "missing_equipment"]


# --- combining rules ----------------------------------------------------------------------


def test_strictest_effect_wins_and_every_reason_is_kept() -> None:
    client = make_profile(t_score_lowest=-2.0, falls_past_year=1)
    ex = make_exercise(spinal_flexion="loaded", fall_risk="high", position="standing")
    result = screen(client, ex)
    assert result.verdict is Verdict.EXCLUDED
    assert [r.rule for r in result.reasons] == ["loaded_flexion", "fall_risk_high_support"]
    assert result.modification is None


def test_modifications_of_several_cautions_are_joined() -> None:
    client = make_profile(falls_past_year=1, new_to_strength_training=True)
    ex = make_exercise(fall_risk="moderate", load="moderate", support_variant="Hold a chair.")
    result = screen(client, ex)
    assert result.verdict is Verdict.CAUTION
    assert result.modification is not None
    assert result.modification.startswith("Hold a chair.")
    assert "Start lighter" in result.modification


def test_screen_library_keeps_order_and_matches_screen() -> None:
    client = one_vertebral_fracture()
    exercises = [
        make_exercise("a_move", spinal_flexion="loaded"),
        make_exercise("b_move"),
        make_exercise("c_move", fall_risk="moderate"),
    ]
    results = screen_library(client, exercises)
    assert [r.exercise_id for r in results] == ["a_move", "b_move", "c_move"]
    assert results == [screen(client, e) for e in exercises]
