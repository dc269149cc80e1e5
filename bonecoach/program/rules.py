"""The safety rule table of clinical-guidance.md §3, as data.

Each rule says which clients it concerns (a predicate over the prepared client), which
exercises it catches (a predicate over the exercise and the client), its effect, the sentence
the therapist reads, its source keys and, for cautions, the modification to print. Screening
walks this table; `bonecoach rules` prints it for a clinical reviewer. To change a rule,
change its row here.

The exercise traits the table tests (floor lifting, drop landing, gentle work) are defined
in exercise_traits.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from bonecoach.program.assessment import Assessment, GuidelineCase, assess
from bonecoach.program.exercise import Exercise
from bonecoach.program.exercise_traits import (
    ABOVE_WALKING,
    AEROBIC,
    FALL_HIGH,
    FALL_MODERATE,
    FLEX_LOADED,
    FLOOR_TRANSFER,
    GENTLE_TRAITS,
    IMPACT_HIGH,
    IMPACT_WORK,
    KNEELING,
    LOAD_HEAVY,
    LOAD_MODERATE,
    ROT_FORCEFUL,
    SEATED,
    is_back_extensor_hold,
    is_drop_landing,
    is_gentle_lying_or_seated,
    lifts_from_floor,
)
from bonecoach.program.profile import ClientProfile
from bonecoach.program.vocabulary import (
    Equipment,
    Precaution,
    SourceKey,
)


class Effect(StrEnum):
    EXCLUDE = "exclude"
    CAUTION = "caution"
    UNAVAILABLE = "unavailable"  # not a safety verdict: the home lacks the equipment


@dataclass(frozen=True, slots=True)
class Client:
    """A profile prepared once for screening many exercises."""

    profile: ClientProfile
    assessment: Assessment
    equipment: frozenset[Equipment]
    precautions: frozenset[Precaution]
    fall_tests: str  # e.g. "falls, TUG": the tests that raised a fall-risk flag

    @classmethod
    def prepare(cls, profile: ClientProfile, assessment: Assessment | None = None) -> Client:
        assessment = assessment if assessment is not None else assess(profile)
        return cls(
            profile=profile,
            assessment=assessment,
            equipment=frozenset(profile.equipment),
            precautions=frozenset(profile.precautions),
            fall_tests=", ".join(_TEST_WORDS[f.test] for f in assessment.fall_risk_flags),
        )


_TEST_WORDS = {
    "falls": "falls in the past year",
    "tug": "Timed Up and Go",
    "chair_stand": "30-second chair stand",
    "tandem_stance": "tandem stance",
}


@dataclass(frozen=True, slots=True)
class AttributeIn:
    """Catches an exercise whose ``attribute`` has one of ``values``."""

    attribute: str
    values: frozenset[object]

    def __call__(self, exercise: Exercise, client: Client) -> bool:
        return getattr(exercise, self.attribute) in self.values


def attribute_in(attribute: str, *values: object) -> AttributeIn:
    if attribute not in Exercise.model_fields:
        raise ValueError(f"exercises have no attribute {attribute!r}")
    return AttributeIn(attribute, frozenset(values))


ClientTest = Callable[[Client], bool]
ExerciseTest = AttributeIn | Callable[[Exercise, Client], bool]
Wording = str | Callable[[Exercise, Client], str]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    condition: str  # client and exercise condition, in words, for the reviewer
    effect: Effect
    reason: str  # what the therapist reads (when ``detail`` is None)
    sources: tuple[SourceKey, ...]
    for_client: ClientTest
    catches: ExerciseTest
    modification: Wording | None = None  # cautions: what to print on the handout
    detail: Callable[[Exercise, Client], str] | None = None  # reason that names specifics
    # The exercise attributes that ``catches`` and ``detail`` read (for a given client).
    # Screening decides such a rule once per distinct combination of their values, which
    # keeps a 5,000-exercise library well under a frame. None: called for every exercise.
    reads: tuple[str, ...] | None = None

    @property
    def attributes_read(self) -> tuple[str, ...] | None:
        if isinstance(self.catches, AttributeIn):
            return (self.catches.attribute,)
        return self.reads

    @property
    def source(self) -> str:
        return ", ".join(s.value for s in self.sources)

    def reason_for(self, exercise: Exercise, client: Client) -> str:
        return self.detail(exercise, client) if self.detail is not None else self.reason

    def modification_for(self, exercise: Exercise, client: Client) -> str | None:
        if self.modification is None or isinstance(self.modification, str):
            return self.modification
        return self.modification(exercise, client)


def _support(e: Exercise, _c: Client) -> str:
    return e.support_variant or "Keep a counter or wall within reach."


def _protective_position(e: Exercise, _c: Client) -> str:
    if e.position is SEATED:
        return (
            "Sitting loads the spine more than lying or standing: sit tall against a backrest, "
            "keep sets short, or use a lying or standing version."
        )
    return (
        "Getting down to the floor and kneeling load the spine: use a lying version on a bed "
        "or a standing version instead if this is hard."
    )


def _missing_equipment(e: Exercise, c: Client) -> str:
    missing = [q.value.replace("_", " ") for q in e.equipment if q not in c.equipment]
    return f"Needs {', '.join(missing)}, which the client does not have at home."


def _precaution_detail(e: Exercise, c: Client) -> str:
    tags = [p.value.replace("_", " ") for p in e.avoid_with if p in c.precautions]
    return f"Marked unsuitable with {', '.join(tags)}, which the client has."


def _fall_risk_detail(e: Exercise, c: Client) -> str:
    return (
        f"Fall-risk flag ({c.fall_tests}): strength and balance come before impact; "
        "moderate and high impact wait until the flag clears."
    )


_SPINE_SOURCES = (SourceKey.TFTF15, SourceKey.SSS, SourceKey.BHOF)
_FRACTURE_SOURCES = (SourceKey.SSS, SourceKey.TFTF14, SourceKey.TFTF15)


RULES: tuple[Rule, ...] = (
    Rule(
        id="loaded_flexion",
        condition="low bone mass or osteoporosis (any case); exercise with loaded or "
        "end-range spinal flexion",
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
        condition="low bone mass or osteoporosis (any case); exercise with forceful or "
        "end-range spinal rotation",
        effect=Effect.EXCLUDE,
        reason="Forceful or end-range twisting of the spine (golf swing, weighted trunk "
        "rotation, seated twists) can fracture a weak vertebra. Safer swap: step to turn, or "
        "a slow partial rotation.",
        sources=_SPINE_SOURCES,
        for_client=lambda c: c.assessment.low_bone_mass_or_worse,
        catches=attribute_in("spinal_rotation", ROT_FORCEFUL),
    ),
    Rule(
        id="floor_lifting",
        condition="osteoporosis (incl. FRAX high risk or a fragility fracture); standing "
        "exercise that lifts or picks something up to or from the floor",
        effect=Effect.CAUTION,
        reason="With osteoporosis, lifting to or from the floor loads the spine: teach the "
        "hip hinge first.",
        sources=(SourceKey.TFTF15,),
        for_client=lambda c: c.assessment.osteoporosis_level,
        catches=lambda e, c: lifts_from_floor(e),
        modification="Use the hip hinge: bend at the hips and knees with a straight back, "
        "keep the load close to the body, and do not round the back.",
    ),
    Rule(
        id="fracture_no_impact",
        condition="one or more vertebral fractures, multiple low-trauma fractures, frailty "
        "or the most protective case; exercise with moderate or high impact",
        effect=Effect.EXCLUDE,
        reason="After a vertebral fracture, with several low-trauma fractures or with "
        "frailty, impact above brisk walking is not advised.",
        sources=_FRACTURE_SOURCES,
        for_client=lambda c: c.assessment.fracture_precautions,
        catches=attribute_in("impact", *ABOVE_WALKING),
    ),
    Rule(
        id="fracture_heavy_load",
        condition="one or more vertebral fractures, multiple low-trauma fractures, frailty "
        "or the most protective case; heavy (>= 80% 1RM) exercise",
        effect=Effect.CAUTION,
        reason="After fractures or with frailty, form and alignment come before load: "
        "heavy lifting only under physiotherapist supervision.",
        sources=_FRACTURE_SOURCES,
        for_client=lambda c: c.assessment.fracture_precautions,
        catches=attribute_in("load", LOAD_HEAVY),
        modification="Perfect form and alignment first; build load slowly under "
        "physiotherapist supervision.",
    ),
    Rule(
        id="fracture_moderate_aerobic",
        condition="one or more vertebral fractures, multiple low-trauma fractures, frailty "
        "or the most protective case; aerobic exercise with a default effort of 7/10 or more",
        effect=Effect.CAUTION,
        reason="After fractures or with frailty, aerobic work is at moderate intensity only.",
        sources=(SourceKey.TFTF15, SourceKey.SSS),
        for_client=lambda c: c.assessment.fracture_precautions,
        catches=lambda e, c: e.category is AEROBIC and e.default_dosage.effort >= 7,
        modification="Keep to a moderate effort (5-6 out of 10): able to talk but not sing.",
    ),
    Rule(
        id="protective_case_no_impact",
        condition="most protective case (several vertebral fractures, hyperkyphosis, back "
        "pain or frailty); impact exercise, or any moderate or high impact",
        effect=Effect.EXCLUDE,
        reason="With several vertebral fractures, hyperkyphosis, back pain or frailty: no "
        "impact work (walking is fine).",
        sources=(SourceKey.TFTF15,),
        for_client=lambda c: c.assessment.guideline_case is GuidelineCase.MULTIPLE_VF_KYPHOSIS_PAIN,
        catches=lambda e, c: e.category is IMPACT_WORK or e.impact in ABOVE_WALKING,
        reads=("category", "impact"),
    ),
    Rule(
        id="protective_case_loaded_flexion",
        condition="most protective case; exercise with loaded or end-range spinal flexion",
        effect=Effect.EXCLUDE,
        reason="With several vertebral fractures, hyperkyphosis, back pain or frailty: no "
        "loaded bending of the spine. Safer swap: back-extensor work or a hip hinge.",
        sources=(SourceKey.TFTF15,),
        for_client=lambda c: c.assessment.guideline_case is GuidelineCase.MULTIPLE_VF_KYPHOSIS_PAIN,
        catches=attribute_in("spinal_flexion", FLEX_LOADED),
    ),
    Rule(
        id="protective_case_position",
        condition="most protective case; exercise done seated, kneeling or getting down to "
        "the floor",
        effect=Effect.CAUTION,
        reason="With several vertebral fractures, hyperkyphosis or back pain, prefer the "
        "least-loaded positions: lying on the back, then standing, then sitting.",
        sources=(SourceKey.TFTF15,),
        for_client=lambda c: c.assessment.guideline_case is GuidelineCase.MULTIPLE_VF_KYPHOSIS_PAIN,
        catches=attribute_in("position", SEATED, KNEELING, FLOOR_TRANSFER),
        modification=_protective_position,
    ),
    Rule(
        id="recent_fracture_gentle_only",
        condition="vertebral fracture in the last 12 weeks, or new unexplained back pain; "
        "any exercise that is not gentle lying or seated work or a back-extensor hold",
        effect=Effect.EXCLUDE,
        reason="Vertebral fracture in the last 12 weeks or new unexplained back pain: only "
        "gentle lying and seated work and back-extensor holds until the client is reviewed.",
        sources=(SourceKey.SSS,),
        for_client=lambda c: c.assessment.recent_spinal_event,
        catches=lambda e, c: not (is_gentle_lying_or_seated(e) or is_back_extensor_hold(e)),
        reads=GENTLE_TRAITS,
    ),
    Rule(
        id="fall_risk_no_impact",
        condition="any fall-risk flag (falls, TUG >= 12 s, chair stand below norm, tandem "
        "stance < 10 s); exercise with moderate or high impact",
        effect=Effect.EXCLUDE,
        reason="Fall-risk flag: strength and balance come before impact; moderate and high "
        "impact wait until the flag clears.",
        sources=(SourceKey.SSS, SourceKey.CDC),
        for_client=lambda c: c.assessment.has_fall_risk,
        catches=attribute_in("impact", *ABOVE_WALKING),
        detail=_fall_risk_detail,
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
        modification=_support,
    ),
    Rule(
        id="fall_risk_moderate_support",
        condition="any fall-risk flag; exercise with a moderate fall risk without support",
        effect=Effect.CAUTION,
        reason="Fall-risk flag: use the supported variant until balance improves.",
        sources=(SourceKey.SSS, SourceKey.CDC),
        for_client=lambda c: c.assessment.has_fall_risk,
        catches=attribute_in("fall_risk", FALL_MODERATE),
        modification=_support,
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
        condition="not cleared for supervised high-intensity training; drop landing (high "
        "impact, supervised-only or named a drop)",
        effect=Effect.EXCLUDE,
        reason="Drop landings need clearance for supervised high-intensity training, which "
        "the client does not have.",
        sources=(SourceKey.LIFTMOR,),
        for_client=lambda c: not c.profile.cleared_for_supervised_high_intensity,
        catches=lambda e, c: is_drop_landing(e),
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
        id="new_to_strength",
        condition="new to strength training or sedentary; moderate or heavy load",
        effect=Effect.CAUTION,
        reason="New to strength training: learn the technique at a lower intensity first.",
        sources=(SourceKey.TFTF15, SourceKey.SSS),
        for_client=lambda c: c.profile.new_to_strength_training,
        catches=attribute_in("load", LOAD_MODERATE, LOAD_HEAVY),
        modification="Start lighter than the default and raise the load once the technique "
        "is secure.",
    ),
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
