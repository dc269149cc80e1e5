"""The safety rule table of clinical-guidance.md §3, as data.

Each rule says which clients it concerns (a predicate over the prepared client), which
exercises it catches (a predicate over the exercise and the client), its effect, the sentence
the therapist reads, its source keys and, for cautions, the modification to print. Screening
walks this table; `bonecoach rules` prints it for a clinical reviewer. To change a rule,
change its row here. A reason names what fired for this client ("One vertebral fracture:
..."), never a list of triggers the client may not have.

The exercise traits the table tests are defined in exercise_traits.py; what each precaution
rules out is the table in precaution_rules.py, by the demands a movement makes (holds a
weight, kneels, bends the hip deeply...), not by hand-listed exercises.
"""

from __future__ import annotations

from collections.abc import Callable

from bonecoach.program.assessment import TUG_VERY_SLOW_SECONDS
from bonecoach.program.exercise import Exercise
from bonecoach.program.exercise_traits import (
    ABOVE_WALKING,
    AEROBIC,
    FALL_HIGH,
    FALL_MODERATE,
    FLEX_LOADED,
    FLOOR_TRANSFER,
    IMPACT_HIGH,
    IMPACT_LOW,
    IMPACT_WORK,
    KNEELING,
    LOAD_BODYWEIGHT,
    LOAD_HEAVY,
    LOAD_MODERATE,
    ROT_FORCEFUL,
    SAFE_MOVEMENT,
    SEATED,
    STANDING,
    allowed_after_recent_fracture,
    is_drop_landing,
    is_walking,
    lifts_from_floor,
    needs_floor_transfer,
    recent_fracture_modification,
)
from bonecoach.program.precaution_rules import PRECAUTION_RULES
from bonecoach.program.rule_model import (
    AttributeIn,
    ClientFacts,
    Effect,
    Rule,
    attribute_in,
)
from bonecoach.program.vocabulary import Demand, SourceKey

__all__ = ["RULES", "AttributeIn", "ClientFacts", "Effect", "Rule", "attribute_in", "rule"]


def _support(e: Exercise, _c: ClientFacts) -> str:
    return e.support_variant or "Keep a counter or wall within reach."


def _protective_position(e: Exercise, _c: ClientFacts) -> str:
    if e.position is SEATED:
        # no "sit against a backrest": some seated exercises are done away from the back
        return (
            "Sitting loads the spine more than lying or standing: sit tall, keep sets short, "
            "or choose a lying or standing version."
        )
    return (
        "Getting down to the floor and kneeling load the spine: use a lying version on a bed "
        "or a standing version instead if this is hard."
    )


def _floor_transfer_modification(e: Exercise, _c: ClientFacts) -> str:
    if e.category is SAFE_MOVEMENT:
        return (
            "Practise getting down and up with the therapist first, with a sturdy chair to hold, "
            "before trying it at home."
        )
    return (
        "Do it on a firm bed, or choose the counter or wall version; if the floor is needed, "
        "get down and up with a sturdy chair as practised with the therapist."
    )


def _missing_equipment(e: Exercise, c: ClientFacts) -> str:
    missing = [q.value.replace("_", " ") for q in e.equipment if q not in c.equipment]
    return f"Needs {', '.join(missing)}, which the client does not have at home."


def _precaution_detail(e: Exercise, c: ClientFacts) -> str:
    tags = [p.value.replace("_", " ") for p in e.avoid_with if p in c.precautions]
    return f"Marked unsuitable with {', '.join(tags)}, which the client has."


def _fall_risk_detail(e: Exercise, c: ClientFacts) -> str:
    return (
        f"Fall-risk flag ({c.fall_tests}): strength and balance come before impact; "
        "moderate and high impact wait until the flag clears."
    )


def _fall_support_detail(e: Exercise, c: ClientFacts) -> str:
    return f"Fall-risk flag ({c.fall_tests}): done only in its supported variant."


def _fracture_trigger(c: ClientFacts) -> str:
    return c.assessment.fracture_precaution_trigger or "Fracture precautions"


def _no_impact_detail(e: Exercise, c: ClientFacts) -> str:
    return f"{_fracture_trigger(c)}: impact above brisk walking is not advised."


def _heavy_load_detail(e: Exercise, c: ClientFacts) -> str:
    return (
        f"{_fracture_trigger(c)}: form and alignment come before load; heavy lifting only "
        "under physiotherapist supervision."
    )


def _moderate_aerobic_detail(e: Exercise, c: ClientFacts) -> str:
    return f"{_fracture_trigger(c)}: aerobic work at moderate intensity only."


def _gentle_impact_detail(e: Exercise, c: ClientFacts) -> str:
    return f"{_fracture_trigger(c)}: only gentle, low impact; no jarring."


def _protective_detail(what: str) -> Callable[[Exercise, ClientFacts], str]:
    def detail(e: Exercise, c: ClientFacts) -> str:
        return f"Most protective case ({c.protective_case_words}): {what}"

    return detail


def _protective_or_frail_heavy(e: Exercise, c: ClientFacts) -> str:
    return (
        f"Most protective case ({c.protective_case_words}): heavy lifting and drop landings "
        "are excluded whatever the clearance; the evidence for them is in screened women "
        "without this picture. A therapist who disagrees writes an override."
    )


def _lower_intensity_detail(e: Exercise, c: ClientFacts) -> str:
    whys = []
    if c.profile.new_to_strength_training:
        whys.append("New to strength training")
    if c.assessment.high_fracture_risk:
        whys.append("High fracture risk")
    return f"{' and '.join(whys)}: learn the technique at a lower intensity first."


def _lower_intensity_client(c: ClientFacts) -> bool:
    return c.profile.new_to_strength_training or c.assessment.high_fracture_risk is True


def _walking_aid_client(c: ClientFacts) -> bool:
    tug = c.profile.tug_seconds
    return c.profile.falls_past_year >= 2 or (tug is not None and tug >= TUG_VERY_SLOW_SECONDS)


def _walking_aid_detail(e: Exercise, c: ClientFacts) -> str:
    p = c.profile
    why = (
        f"{p.falls_past_year} falls in the past year"
        if p.falls_past_year >= 2
        else f"Timed Up and Go {p.tug_seconds:g} s"
    )
    return f"{why}: walk with a walking aid or poles, on even ground."


def _floor_lift_client(c: ClientFacts) -> bool:
    a = c.assessment
    return a.osteoporosis_level or a.most_protective or c.profile.frail


def _floor_lift_detail(e: Exercise, c: ClientFacts) -> str:
    a = c.assessment
    why = (
        "Osteoporosis or high fracture risk"
        if a.osteoporosis_level
        else f"Most protective case ({c.protective_case_words})"
    )
    return f"{why}: lifting to or from the floor loads the spine; teach the hip hinge first."


def _recent_window_detail(e: Exercise, c: ClientFacts) -> str:
    return (
        f"{_recent_event_words(c)}: only gentle, low-effort work, walking as pain allows, "
        "safe-movement practice and counter-supported balance until the client is reviewed."
    )


def _recent_event_words(c: ClientFacts) -> str:
    a = c.assessment
    if a.recent_fracture_until is not None:
        return f"Vertebral fracture under 12 weeks ago (until {a.recent_fracture_until:%d %B %Y})"
    return "New unexplained back pain"


def _recent_window_modification(e: Exercise, c: ClientFacts) -> str:
    return recent_fracture_modification(e) or "Gentle, low effort; stop if the back hurts."


def _back_pain_catches(e: Exercise, c: ClientFacts) -> bool:
    return (
        e.impact in ABOVE_WALKING
        or e.load in (LOAD_MODERATE, LOAD_HEAVY)
        or Demand.SPINAL_EXTENSION in e.all_demands
    )


def _recent_hip_catches(e: Exercise, c: ClientFacts) -> bool:
    return (
        e.category is IMPACT_WORK
        or e.impact in ABOVE_WALKING
        or e.load in (LOAD_MODERATE, LOAD_HEAVY)
        or e.fall_risk is FALL_HIGH
        or needs_floor_transfer(e)
        or Demand.KNEELING in e.all_demands
    )


_SPINE_SOURCES = (SourceKey.TFTF15, SourceKey.SSS, SourceKey.BHOF)
_FRACTURE_SOURCES = (SourceKey.SSS, SourceKey.TFTF14, SourceKey.TFTF15)
_DEMANDS = "all_demands"
# what the recent-fracture traits read (see exercise_traits.allowed_after_recent_fracture)
_RECENT_READS = (
    "category",
    "position",
    "impact",
    "spinal_flexion",
    "spinal_rotation",
    "load",
    "fall_risk",
    "supervised_only",
    "level",
    "default_dosage.effort",
    _DEMANDS,
)


def _protective(c: ClientFacts) -> bool:
    return c.assessment.most_protective


RULES: tuple[Rule, ...] = (
    Rule(
        id="education_only",
        condition="any client; a movement kept only to show what to avoid",
        effect=Effect.EXCLUDE,
        reason="Shown only to explain what to avoid and why: never prescribed, whatever the "
        "profile.",
        sources=_SPINE_SOURCES,
        for_client=lambda c: True,
        catches=attribute_in("education_only", True),
        overridable=False,
    ),
    Rule(
        id="loaded_flexion",
        condition="low bone mass or osteoporosis (any case); loaded or end-range spinal flexion",
        effect=Effect.EXCLUDE,
        reason="Loaded or end-range bending of the spine (sit-ups, crunches, toe touches, "
        "rounded-back lifting, forward folds) can crush a weak vertebra. Safer swap: a hip "
        "hinge with a straight back.",
        sources=_SPINE_SOURCES,
        for_client=lambda c: c.assessment.low_bone_mass_or_worse,
        catches=attribute_in("spinal_flexion", FLEX_LOADED),
    ),
    Rule(
        id="forceful_twisting",
        condition="low bone mass or osteoporosis (any case); forceful or end-range spinal rotation",
        effect=Effect.EXCLUDE,
        reason="Forceful or end-range twisting of the spine (golf swing, weighted trunk "
        "rotation, seated twists) can fracture a weak vertebra. Safer swap: step to turn, or "
        "a slow partial rotation.",
        sources=_SPINE_SOURCES,
        for_client=lambda c: c.assessment.low_bone_mass_or_worse,
        catches=attribute_in("spinal_rotation", ROT_FORCEFUL),
    ),
    Rule(
        id="protective_or_frail_heavy",
        condition="most protective case or frailty, whatever the clearance; heavy (>= 80% "
        "1RM) lift or drop landing",
        effect=Effect.EXCLUDE,
        reason="Most protective case or frailty: heavy lifting and drop landings are "
        "excluded whatever the clearance.",
        sources=(SourceKey.LIFTMOR, SourceKey.TFTF15, SourceKey.SSS),
        for_client=lambda c: c.assessment.most_protective or c.profile.frail,
        catches=lambda e, c: e.load is LOAD_HEAVY or is_drop_landing(e),
        detail=_protective_or_frail_heavy,
        reads=("load", _DEMANDS),
    ),
    Rule(
        id="recent_fracture_gentle_only",
        condition="vertebral fracture in the last 12 weeks, or new unexplained back pain; "
        "anything but gentle low-effort lying or seated work, back-extensor holds, walking, "
        "spine-sparing movement practice and static balance at a counter (so impact, load, "
        "floor transfers and strenuous or end-range extension are excluded)",
        effect=Effect.EXCLUDE,
        reason="Recent vertebral fracture or new unexplained back pain: gentle work only "
        "until reviewed.",
        sources=(SourceKey.SSS, SourceKey.ROS),
        for_client=lambda c: c.assessment.recent_spinal_event,
        catches=lambda e, c: not allowed_after_recent_fracture(e),
        detail=_recent_window_detail,
        reads=_RECENT_READS,
    ),
    Rule(
        id="recent_fracture_as_pain_allows",
        condition="vertebral fracture in the last 12 weeks, or new unexplained back pain; "
        "walking, movement practice, balance at a counter or face-down work that is allowed "
        "in that window",
        effect=Effect.CAUTION,
        reason="Recent vertebral fracture or new unexplained back pain: as pain allows.",
        sources=(SourceKey.SSS, SourceKey.ROS),
        for_client=lambda c: c.assessment.recent_spinal_event,
        catches=lambda e, c: (
            allowed_after_recent_fracture(e) and recent_fracture_modification(e) is not None
        ),
        detail=lambda e, c: f"{_recent_event_words(c)}: as pain allows, with support.",
        modification=_recent_window_modification,
        reads=_RECENT_READS,
    ),
    Rule(
        id="recent_hip_fracture",
        condition="hip or pelvic fracture in the last 12 weeks; impact, moderate or heavy "
        "load, high fall risk, kneeling or floor transfers",
        effect=Effect.EXCLUDE,
        reason="Hip or pelvic fracture under 12 weeks ago: weight bearing as the fracture "
        "team allows; no impact, load or floor work until they clear it.",
        sources=(SourceKey.SSS,),
        for_client=lambda c: c.assessment.recent_hip_or_pelvic_fracture,
        catches=_recent_hip_catches,
        reads=("category", "impact", "load", "fall_risk", _DEMANDS),
    ),
    Rule(
        id="recent_hip_fracture_weight_bearing",
        condition="hip or pelvic fracture in the last 12 weeks; standing exercise",
        effect=Effect.CAUTION,
        reason="Hip or pelvic fracture under 12 weeks ago: only as much weight through the "
        "leg as the fracture team allows.",
        sources=(SourceKey.SSS,),
        for_client=lambda c: c.assessment.recent_hip_or_pelvic_fracture,
        catches=attribute_in("position", STANDING),
        modification="Put only as much weight through the injured side as the fracture team "
        "allows; use your walking aid or the counter.",
    ),
    Rule(
        id="floor_lifting",
        condition="osteoporosis (incl. high FRAX risk or a fragility fracture), the most "
        "protective case, or frailty; lifting to or from the floor",
        effect=Effect.CAUTION,
        reason="Lifting to or from the floor loads the spine: teach the hip hinge first.",
        sources=(SourceKey.TFTF15,),
        for_client=_floor_lift_client,
        catches=lambda e, c: lifts_from_floor(e),
        modification="Use the hip hinge: bend at the hips and knees with a straight back, "
        "keep the load close to the body, and do not round the back.",
        detail=_floor_lift_detail,
        reads=(_DEMANDS,),
    ),
    Rule(
        id="fracture_no_impact",
        condition="one or more vertebral fractures, multiple low-trauma fractures, frailty "
        "or the most protective case; moderate or high impact",
        effect=Effect.EXCLUDE,
        reason="After a vertebral fracture, with several low-trauma fractures or with "
        "frailty, impact above brisk walking is not advised.",
        sources=_FRACTURE_SOURCES,
        for_client=lambda c: c.assessment.fracture_precautions,
        catches=attribute_in("impact", *ABOVE_WALKING),
        detail=_no_impact_detail,
        reads=("impact",),
    ),
    Rule(
        id="fracture_gentle_impact",
        condition="one or more vertebral fractures, multiple low-trauma fractures, frailty "
        "or the most protective case; low-impact exercise done for its impact (heel drops, "
        "marching)",
        effect=Effect.CAUTION,
        reason="After a fracture: only gentle, low impact.",
        sources=(SourceKey.SSS, SourceKey.BHOF),
        for_client=lambda c: c.assessment.fracture_precautions,
        catches=lambda e, c: e.category is IMPACT_WORK and e.impact is IMPACT_LOW,
        detail=_gentle_impact_detail,
        modification="Gentle: a small drop or step with soft knees, no jarring thump.",
        reads=("category", "impact"),
    ),
    Rule(
        id="fracture_heavy_load",
        condition="one or more vertebral fractures, multiple low-trauma fractures, frailty "
        "or the most protective case; heavy (>= 80% 1RM) exercise",
        effect=Effect.CAUTION,
        reason="After fractures or with frailty, form and alignment come before load.",
        sources=_FRACTURE_SOURCES,
        for_client=lambda c: c.assessment.fracture_precautions,
        catches=attribute_in("load", LOAD_HEAVY),
        detail=_heavy_load_detail,
        modification="Perfect form and alignment first; build load slowly under "
        "physiotherapist supervision.",
        reads=("load",),
    ),
    Rule(
        id="fracture_moderate_aerobic",
        condition="one or more vertebral fractures, multiple low-trauma fractures, frailty "
        "or the most protective case; aerobic exercise with a default effort of 7/10 or more "
        "(a program's prescribed effort is checked by coverage)",
        effect=Effect.CAUTION,
        reason="After fractures or with frailty, aerobic work is at moderate intensity only.",
        sources=(SourceKey.TFTF15, SourceKey.SSS),
        for_client=lambda c: c.assessment.fracture_precautions,
        catches=lambda e, c: e.category is AEROBIC and e.default_dosage.effort >= 7,
        detail=_moderate_aerobic_detail,
        modification="Keep to a moderate effort (5-6 out of 10): able to talk but not sing.",
        reads=("category", "default_dosage.effort"),
    ),
    Rule(
        id="protective_case_no_impact",
        condition="most protective case; impact exercise, or any moderate or high impact",
        effect=Effect.EXCLUDE,
        reason="Most protective case: no impact work (walking is fine).",
        sources=(SourceKey.TFTF15,),
        for_client=_protective,
        catches=lambda e, c: e.category is IMPACT_WORK or e.impact in ABOVE_WALKING,
        detail=_protective_detail("no impact work (walking is fine)."),
        reads=("category", "impact"),
    ),
    Rule(
        id="protective_case_loaded_flexion",
        condition="most protective case; loaded or end-range spinal flexion",
        effect=Effect.EXCLUDE,
        reason="Most protective case: no loaded bending of the spine.",
        sources=(SourceKey.TFTF15,),
        for_client=_protective,
        catches=attribute_in("spinal_flexion", FLEX_LOADED),
        detail=_protective_detail(
            "no loaded bending of the spine. Safer swap: back-extensor work or a hip hinge."
        ),
        reads=("spinal_flexion",),
    ),
    Rule(
        id="protective_case_position",
        condition="most protective case; exercise done seated, kneeling or getting down to "
        "the floor",
        effect=Effect.CAUTION,
        reason="Most protective case: prefer lying on the back, then standing, then sitting.",
        sources=(SourceKey.TFTF15,),
        for_client=_protective,
        catches=lambda e, c: (
            e.position in (SEATED, KNEELING, FLOOR_TRANSFER) or needs_floor_transfer(e)
        ),
        detail=_protective_detail(
            "prefer the least-loaded positions: lying on the back, then standing, then sitting."
        ),
        modification=_protective_position,
        reads=("position", _DEMANDS),
    ),
    Rule(
        id="protective_case_prone_overhead",
        condition="most protective case; lying face down, or a load taken overhead",
        effect=Effect.CAUTION,
        reason="Most protective case: face-down work and overhead loading need care.",
        sources=(SourceKey.TFTF15,),
        for_client=_protective,
        catches=lambda e, c: (
            Demand.PRONE in e.all_demands
            or (Demand.OVERHEAD in e.all_demands and e.load is not LOAD_BODYWEIGHT)
        ),
        detail=_protective_detail("face-down work and overhead loading need care."),
        modification=lambda e, c: (
            "Only if lying face down is comfortable, with a pillow under the tummy; stop if "
            "the back hurts."
            if Demand.PRONE in e.all_demands
            else "Keep the weight light and the back upright, or press forward at chest "
            "height instead."
        ),
        reads=("load", _DEMANDS),
    ),
    Rule(
        id="protective_case_worn_weight",
        condition="most protective case; a weight worn on the trunk (weighted vest)",
        effect=Effect.EXCLUDE,
        reason="Most protective case: no weight carried on the spine, such as a weighted vest.",
        sources=(SourceKey.TFTF15,),
        for_client=_protective,
        catches=lambda e, c: Demand.WEARS_WEIGHT in e.all_demands,
        detail=_protective_detail(
            "no weight carried on the spine, such as a weighted vest: keep to the least-loaded "
            "positions. Safer swap: brisk walking without the vest."
        ),
        reads=(_DEMANDS,),
    ),
    Rule(
        id="fracture_worn_weight",
        condition="one or more vertebral fractures, multiple low-trauma fractures, frailty "
        "or the most protective case; a weight worn on the trunk (weighted vest)",
        effect=Effect.CAUTION,
        reason="After fractures or with frailty, a weight worn on the spine needs the "
        "therapist's check of posture first.",
        sources=(SourceKey.TFTF15,),
        for_client=lambda c: c.assessment.fracture_precautions,
        catches=lambda e, c: Demand.WEARS_WEIGHT in e.all_demands,
        modification="Only after the therapist has checked posture under the vest: start very "
        "light, for part of the walk; take it off if it makes you stoop or your back aches.",
        reads=(_DEMANDS,),
    ),
    Rule(
        id="osteoporosis_high_impact",
        condition="osteoporosis (incl. high FRAX risk or a fragility fracture), not cleared "
        "for supervised high-intensity training; high impact",
        effect=Effect.EXCLUDE,
        reason="Osteoporosis: high impact is not home work unless cleared for supervised "
        "training; moderate impact is the level to build to.",
        sources=(SourceKey.SSS, SourceKey.BHOF),
        for_client=lambda c: (
            c.assessment.osteoporosis_level and not c.profile.cleared_for_supervised_high_intensity
        ),
        catches=attribute_in("impact", IMPACT_HIGH),
    ),
    Rule(
        id="fall_risk_no_impact",
        condition="any fall-risk flag (falls, TUG >= 12 s, chair stand below norm, tandem "
        "stance < 10 s, frailty, neuropathy, visual impairment); moderate or high impact",
        effect=Effect.EXCLUDE,
        reason="Fall-risk flag: strength and balance come before impact; moderate and high "
        "impact wait until the flag clears.",
        sources=(SourceKey.SSS, SourceKey.CDC),
        for_client=lambda c: c.assessment.has_fall_risk,
        catches=attribute_in("impact", *ABOVE_WALKING),
        detail=_fall_risk_detail,
        reads=("impact",),
    ),
    Rule(
        id="fall_risk_high_support",
        condition="any fall-risk flag; exercise with a high fall risk without support",
        effect=Effect.CAUTION,
        reason="Fall-risk flag: this exercise is done only in its supported variant, with a "
        "counter or wall within reach.",
        sources=(SourceKey.SSS, SourceKey.CDC),
        for_client=lambda c: c.assessment.has_fall_risk,
        catches=attribute_in("fall_risk", FALL_HIGH),
        detail=_fall_support_detail,
        modification=_support,
        reads=("fall_risk", "support_variant"),
    ),
    Rule(
        id="fall_risk_moderate_support",
        condition="any fall-risk flag; exercise with a moderate fall risk without support",
        effect=Effect.CAUTION,
        reason="Fall-risk flag: use the supported variant until balance improves.",
        sources=(SourceKey.SSS, SourceKey.CDC),
        for_client=lambda c: c.assessment.has_fall_risk,
        catches=attribute_in("fall_risk", FALL_MODERATE),
        detail=_fall_support_detail,
        modification=_support,
        reads=("fall_risk", "support_variant"),
    ),
    Rule(
        id="fall_risk_floor_transfer",
        condition="any fall-risk flag; exercise that starts by getting down to the floor",
        effect=Effect.CAUTION,
        reason="Fall-risk flag: getting down to the floor and up again is itself a fall risk.",
        sources=(SourceKey.SSS, SourceKey.CDC),
        for_client=lambda c: c.assessment.has_fall_risk,
        catches=lambda e, c: needs_floor_transfer(e),
        detail=lambda e, c: (
            f"Fall-risk flag ({c.fall_tests}): getting down to the floor and "
            "up again is itself a fall risk."
        ),
        modification=_floor_transfer_modification,
        reads=("category", _DEMANDS),
    ),
    Rule(
        id="walking_aid",
        condition="2 or more falls in the past year, or Timed Up and Go of 20 s or more; "
        "walking for exercise",
        effect=Effect.CAUTION,
        reason="Repeated falls or a very slow Timed Up and Go: walk with a walking aid or "
        "poles, on even ground.",
        sources=(SourceKey.CDC, SourceKey.SSS),
        for_client=_walking_aid_client,
        catches=lambda e, c: is_walking(e),
        detail=_walking_aid_detail,
        modification="Walk with your walking aid or poles, on even, well-lit ground.",
        reads=(_DEMANDS,),
    ),
    Rule(
        id="not_cleared_heavy",
        condition="not cleared for supervised high-intensity training; heavy (>= 80% 1RM) exercise",
        effect=Effect.EXCLUDE,
        reason="Heavy (80% or more of one-repetition maximum) lifting needs clearance for "
        "supervised high-intensity training, which the client does not have.",
        sources=(SourceKey.LIFTMOR,),
        for_client=lambda c: not c.profile.cleared_for_supervised_high_intensity,
        catches=attribute_in("load", LOAD_HEAVY),
    ),
    Rule(
        id="not_cleared_drop_landing",
        condition="not cleared for supervised high-intensity training; drop landing",
        effect=Effect.EXCLUDE,
        reason="Drop landings need clearance for supervised high-intensity training, which "
        "the client does not have.",
        sources=(SourceKey.LIFTMOR,),
        for_client=lambda c: not c.profile.cleared_for_supervised_high_intensity,
        catches=lambda e, c: is_drop_landing(e),
        reads=(_DEMANDS,),
    ),
    Rule(
        id="supervised_only",
        condition="any client; supervised-only exercise",
        effect=Effect.CAUTION,
        reason="Supervised clinic sessions only: never on a home handout.",
        sources=(SourceKey.LIFTMOR,),
        for_client=lambda c: True,
        catches=attribute_in("supervised_only", True),
        modification="Clinic sessions only, with a therapist supervising; leave it off the "
        "home handout.",
    ),
    Rule(
        id="high_impact_build_up",
        condition="bone density not measured normal, or any fracture or fall-risk flag "
        "(normal density with neither allows high impact outright, BHOF); high-impact exercise",
        effect=Effect.CAUTION,
        reason="High impact is allowed outright only with normal bone density, no fracture "
        "and no fall risk; otherwise build up to it.",
        sources=(SourceKey.BHOF, SourceKey.SSS),
        for_client=lambda c: not c.assessment.high_impact_cleared,
        catches=attribute_in("impact", IMPACT_HIGH),
        modification="Build up over weeks from moderate impact (heel drops, stepping, low "
        "jumps) before high jumps.",
    ),
    Rule(
        id="lower_intensity_first",
        condition="new to strength training, or high fracture risk; moderate or heavy load",
        effect=Effect.CAUTION,
        reason="New to strength training or at high fracture risk: learn the technique at a "
        "lower intensity first.",
        sources=(SourceKey.TFTF15, SourceKey.SSS),
        for_client=_lower_intensity_client,
        catches=attribute_in("load", LOAD_MODERATE, LOAD_HEAVY),
        detail=_lower_intensity_detail,
        modification="Start lighter than the default and raise the load once the technique "
        "is secure.",
        reads=("load",),
    ),
    Rule(
        id="back_pain_caution",
        condition="back pain (mild, or new); moderate or high impact, moderate or heavy load, "
        "or strenuous spinal extension",
        effect=Effect.CAUTION,
        reason="Back pain: spinal loading and impact are gentle, and anything that makes the "
        "pain worse stops.",
        sources=(SourceKey.TFTF15,),
        for_client=lambda c: c.assessment.back_pain,
        catches=_back_pain_catches,
        modification="Keep it gentle; stop if the back pain grows during it or the next "
        "morning, and tell the therapist.",
        reads=("impact", "load", _DEMANDS),
    ),
    *PRECAUTION_RULES,
    Rule(
        id="precaution",
        condition="the exercise is tagged unsuitable (avoid_with) for a precaution the client has",
        effect=Effect.EXCLUDE,
        reason="Marked unsuitable for one of the client's precautions.",
        sources=(SourceKey.PROFILE,),
        for_client=lambda c: bool(c.precautions),
        catches=lambda e, c: not c.precautions.isdisjoint(e.avoid_with),
        reads=("avoid_with",),
        detail=_precaution_detail,
    ),
    Rule(
        id="missing_equipment",
        condition="the exercise needs equipment the client does not have at home (a soft "
        "filter the therapist can switch off)",
        effect=Effect.UNAVAILABLE,
        reason="Needs equipment the client does not have at home.",
        sources=(SourceKey.PROFILE,),
        for_client=lambda c: True,
        catches=lambda e, c: not c.equipment.issuperset(e.equipment),
        reads=("equipment",),
        detail=_missing_equipment,
    ),
)


def rule(rule_id: str) -> Rule:
    for r in RULES:
        if r.id == rule_id:
            return r
    raise KeyError(rule_id)
