"""What each client precaution rules out, by what a movement asks of the body.

A precaution is matched to the demands an exercise makes (it holds a weight, takes weight on
the hands, kneels, bends the hip past a right angle, lifts the arms overhead...), so every
exercise that kneels is caught for a knee replacement, not only the ones someone remembered to
list. The library's ``avoid_with`` stays for the few cases no demand describes (a jump for
pelvic-floor weakness, a head tilt for dizziness); `rules.py` reads it.

Sources: surgical precautions and medical conditions are the client's own record (PROFILE);
blood pressure follows the ACSM/AHA advice on exercise with hypertension; neuropathy and
visual impairment are STEADI fall-risk factors (CDC).
"""

from __future__ import annotations

from collections.abc import Callable

from bonecoach.program.exercise import Exercise
from bonecoach.program.exercise_traits import (
    ABOVE_WALKING,
    BALANCE,
    FALL_HIGH,
    FALL_LOW,
    IMPACT_WORK,
)
from bonecoach.program.rule_model import ClientFacts, Effect, Rule
from bonecoach.program.vocabulary import Demand, Precaution, SourceKey

_DEMANDS = "all_demands"


def _has(*demands: Demand) -> Callable[[Exercise, ClientFacts], bool]:
    wanted = frozenset(demands)

    def catches(e: Exercise, _c: ClientFacts) -> bool:
        return not wanted.isdisjoint(e.all_demands)

    return catches


def _with(precaution: Precaution) -> Callable[[ClientFacts], bool]:
    return lambda c: precaution in c.precautions


def _hand_arthritis_change(e: Exercise, _c: ClientFacts) -> str:
    if Demand.WEIGHT_ON_HANDS in e.all_demands:
        return (
            "Lean on your fists or forearms rather than flat hands, or use the wall version; "
            "stop if the finger or wrist joints ache."
        )
    return (
        "Use a lighter weight with a thick or padded grip, or a band with loops; stop if the "
        "finger or wrist joints ache."
    )


def _stenosis_change(e: Exercise, _c: ClientFacts) -> str:
    if Demand.WALKING in e.all_demands:
        return (
            "Rest when the legs ache or tingle; walking with poles or a trolley, leaning "
            "slightly forward, often helps."
        )
    return "Keep the back extension small; stop if leg pain, numbness or tingling comes on."


def _hypertension_catches(e: Exercise, _c: ClientFacts) -> bool:
    return Demand.SUSTAINED_HOLD in e.all_demands or e.default_dosage.effort >= 7


PRECAUTION_RULES: tuple[Rule, ...] = (
    Rule(
        id="precaution_wrist_fracture",
        condition="recent wrist fracture (recorded, or a wrist or arm fracture dated under "
        "12 weeks ago); holds a weight, or takes weight on the hands",
        effect=Effect.EXCLUDE,
        reason="Recent wrist or arm fracture: no gripping weights or leaning on the hands "
        "until it has healed.",
        sources=(SourceKey.PROFILE,),
        for_client=_with(Precaution.WRIST_FRACTURE_RECENT),
        catches=_has(Demand.GRIPS_WEIGHT, Demand.WEIGHT_ON_HANDS),
        reads=(_DEMANDS,),
    ),
    Rule(
        id="precaution_hand_arthritis",
        condition="hand arthritis; holds a weight, or takes weight on the hands",
        effect=Effect.CAUTION,
        reason="Hand arthritis: grip and weight on the hands are kept light.",
        sources=(SourceKey.PROFILE,),
        for_client=_with(Precaution.HAND_ARTHRITIS),
        catches=_has(Demand.GRIPS_WEIGHT, Demand.WEIGHT_ON_HANDS),
        modification=_hand_arthritis_change,
        reads=(_DEMANDS,),
    ),
    Rule(
        id="precaution_knee_replacement",
        condition="knee replacement; kneeling (incl. getting down to the floor)",
        effect=Effect.EXCLUDE,
        reason="Knee replacement: no kneeling.",
        sources=(SourceKey.PROFILE,),
        for_client=_with(Precaution.KNEE_REPLACEMENT),
        catches=_has(Demand.KNEELING),
        reads=(_DEMANDS,),
    ),
    Rule(
        id="precaution_posterior_hip",
        condition="hip replacement, posterior approach; the hip bends past a right angle or "
        "the legs cross",
        effect=Effect.EXCLUDE,
        reason="Hip replacement (posterior approach): no bending the hip past a right angle "
        "and no crossing the legs, until the surgeon lifts these precautions.",
        sources=(SourceKey.PROFILE,),
        for_client=_with(Precaution.HIP_REPLACEMENT_POSTERIOR),
        catches=_has(Demand.DEEP_HIP_FLEXION, Demand.HIP_CROSSING),
        reads=(_DEMANDS,),
    ),
    Rule(
        id="precaution_anterior_hip",
        condition="hip replacement, anterior approach; the hip is taken back past straight",
        effect=Effect.EXCLUDE,
        reason="Hip replacement (anterior approach): no taking the leg back past straight, "
        "until the surgeon lifts this precaution.",
        sources=(SourceKey.PROFILE,),
        for_client=_with(Precaution.HIP_REPLACEMENT_ANTERIOR),
        catches=_has(Demand.HIP_EXTENSION),
        reads=(_DEMANDS,),
    ),
    Rule(
        id="precaution_shoulder",
        condition="shoulder impingement; the arms or a load go overhead",
        effect=Effect.EXCLUDE,
        reason="Shoulder impingement: no lifting the arms or a load overhead; work below "
        "shoulder height.",
        sources=(SourceKey.PROFILE,),
        for_client=_with(Precaution.SHOULDER_IMPINGEMENT),
        catches=_has(Demand.OVERHEAD),
        reads=(_DEMANDS,),
    ),
    Rule(
        id="precaution_blood_pressure",
        condition="uncontrolled high blood pressure; a sustained hold (10 s or more) or "
        "high-effort work (7/10 or more)",
        effect=Effect.CAUTION,
        reason="Uncontrolled blood pressure: no breath-holding, short holds, moderate effort "
        "(and medical clearance before starting).",
        sources=(SourceKey.ACSM,),
        for_client=_with(Precaution.UNCONTROLLED_HYPERTENSION),
        catches=_hypertension_catches,
        modification="Breathe out on the effort and never hold your breath; keep holds short "
        "and the effort moderate (5-6 out of 10).",
        reads=(_DEMANDS, "default_dosage.effort"),
    ),
    Rule(
        id="precaution_spinal_stenosis",
        condition="spinal stenosis; strenuous or end-range back extension, lying face down, "
        "or walking for exercise",
        effect=Effect.CAUTION,
        reason="Spinal stenosis: back extension and long walks can bring on leg symptoms.",
        sources=(SourceKey.PROFILE,),
        for_client=_with(Precaution.SPINAL_STENOSIS),
        catches=_has(Demand.SPINAL_EXTENSION, Demand.PRONE, Demand.WALKING),
        modification=_stenosis_change,
        reads=(_DEMANDS,),
    ),
    Rule(
        id="precaution_neuropathy",
        condition="peripheral neuropathy; impact work or walking for exercise",
        effect=Effect.CAUTION,
        reason="Peripheral neuropathy: the feet may not feel an injury.",
        sources=(SourceKey.CDC,),
        for_client=_with(Precaution.PERIPHERAL_NEUROPATHY),
        catches=lambda e, c: e.category is IMPACT_WORK or Demand.WALKING in e.all_demands,
        modification="Wear supportive shoes, and check your feet every day for marks or blisters.",
        reads=("category", _DEMANDS),
    ),
    Rule(
        id="precaution_vision",
        condition="visual impairment; balance work or any exercise with a fall risk",
        effect=Effect.CAUTION,
        reason="Visual impairment: balance depends more on good light and a clear floor.",
        sources=(SourceKey.CDC,),
        for_client=_with(Precaution.VISUAL_IMPAIRMENT),
        catches=lambda e, c: e.category is BALANCE or e.fall_risk is not FALL_LOW,
        modification="Good light, a clear floor and the counter within reach; keep your eyes open.",
        reads=("category", "fall_risk"),
    ),
    Rule(
        id="precaution_anticoagulation",
        condition="on anticoagulants (blood thinners); high fall risk, moderate or high "
        "impact, or getting down to the floor",
        effect=Effect.CAUTION,
        reason="On blood thinners: a fall or knock can bleed seriously.",
        sources=(SourceKey.PROFILE,),
        for_client=_with(Precaution.ANTICOAGULATION),
        catches=lambda e, c: (
            e.fall_risk is FALL_HIGH
            or e.impact in ABOVE_WALKING
            or Demand.FLOOR_TRANSFER in e.all_demands
        ),
        modification="Keep support within reach, and tell your therapist about any fall or "
        "knock to the head.",
        reads=("fall_risk", "impact", _DEMANDS),
    ),
    Rule(
        id="precaution_dizziness",
        condition="dizziness; getting down to the floor or lying face down",
        effect=Effect.CAUTION,
        reason="Dizziness: changes of position are slow.",
        sources=(SourceKey.PROFILE,),
        for_client=_with(Precaution.DIZZINESS),
        catches=_has(Demand.FLOOR_TRANSFER, Demand.PRONE),
        modification="Change position slowly, and sit for a moment before standing up.",
        reads=(_DEMANDS,),
    ),
)

# The precautions each demand-based rule above answers for, for the audit test and reviewers.
PRECAUTIONS_BY_DEMAND: dict[Precaution, frozenset[Demand]] = {
    Precaution.WRIST_FRACTURE_RECENT: frozenset({Demand.GRIPS_WEIGHT, Demand.WEIGHT_ON_HANDS}),
    Precaution.HAND_ARTHRITIS: frozenset({Demand.GRIPS_WEIGHT, Demand.WEIGHT_ON_HANDS}),
    Precaution.KNEE_REPLACEMENT: frozenset({Demand.KNEELING}),
    Precaution.HIP_REPLACEMENT_POSTERIOR: frozenset({Demand.DEEP_HIP_FLEXION, Demand.HIP_CROSSING}),
    Precaution.HIP_REPLACEMENT_ANTERIOR: frozenset({Demand.HIP_EXTENSION}),
    Precaution.SHOULDER_IMPINGEMENT: frozenset({Demand.OVERHEAD}),
    Precaution.SPINAL_STENOSIS: frozenset({Demand.SPINAL_EXTENSION, Demand.PRONE, Demand.WALKING}),
    Precaution.DIZZINESS: frozenset({Demand.FLOOR_TRANSFER, Demand.PRONE}),
}
