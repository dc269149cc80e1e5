"""Exercise traits the safety rules test, named once (clinical-guidance.md §2 attributes).

Traits read the library's attributes and written demands (`Exercise.all_demands`), never an
exercise's id or wording, so a custom exercise tagged the same way is screened the same way.

- "gentle lying or seated work": lying or seated, no impact, no spinal flexion, rotation or
  strenuous extension, body weight or light load, low fall risk, low level (1-2) and low
  effort (5/10 or less), not supervised-only; "back-extensor holds": posture work with no
  impact, flexion, rotation or strenuous extension, body weight or light load, not kneeling
  or on the floor.
- "allowed in the first 12 weeks after a vertebral fracture" (or with new unexplained back
  pain): gentle lying or seated work, back-extensor holds, walking, spine-sparing movement
  training and static balance at a counter, each at body weight, low level and low effort,
  with no impact above walking and no floor transfer (clinical-guidance.md §3).
"""

from __future__ import annotations

from bonecoach.program.exercise import Exercise
from bonecoach.program.vocabulary import (
    Category,
    Demand,
    FallRisk,
    Impact,
    Load,
    Position,
    SpinalFlexion,
    SpinalRotation,
)

# Enum members bound to names once: looking one up on its class costs ~70 ns in Python
# 3.11, and screening 5,000 exercises does it hundreds of thousands of times.
FLEX_LOADED = SpinalFlexion.LOADED
FLEX_NONE = SpinalFlexion.NONE
ROT_FORCEFUL = SpinalRotation.FORCEFUL
ROT_NONE = SpinalRotation.NONE
IMPACT_HIGH = Impact.HIGH
IMPACT_MODERATE = Impact.MODERATE
IMPACT_LOW = Impact.LOW
IMPACT_NONE = Impact.NONE
LOAD_HEAVY = Load.HEAVY
LOAD_MODERATE = Load.MODERATE
LOAD_BODYWEIGHT = Load.BODYWEIGHT
LOAD_LIGHT = Load.LIGHT
FALL_HIGH = FallRisk.HIGH
FALL_MODERATE = FallRisk.MODERATE
FALL_LOW = FallRisk.LOW
STANDING = Position.STANDING
SEATED = Position.SEATED
LYING = Position.LYING
KNEELING = Position.KNEELING
FLOOR_TRANSFER = Position.FLOOR_TRANSFER
AEROBIC = Category.AEROBIC
BALANCE = Category.BALANCE
IMPACT_WORK = Category.IMPACT
POSTURE = Category.POSTURE
RESISTANCE = Category.RESISTANCE
SAFE_MOVEMENT = Category.SAFE_MOVEMENT


ABOVE_WALKING = frozenset({IMPACT_MODERATE, IMPACT_HIGH})
EASY_LOADS = frozenset({LOAD_BODYWEIGHT, LOAD_LIGHT})
GENTLE_MAX_LEVEL = 2
GENTLE_MAX_EFFORT = 5


def lifts_from_floor(e: Exercise) -> bool:
    return Demand.LIFTS_FROM_FLOOR in e.all_demands


def is_drop_landing(e: Exercise) -> bool:
    return Demand.DROP_LANDING in e.all_demands


def needs_floor_transfer(e: Exercise) -> bool:
    return Demand.FLOOR_TRANSFER in e.all_demands


def is_walking(e: Exercise) -> bool:
    return Demand.WALKING in e.all_demands


def _low_level_and_effort(e: Exercise) -> bool:
    return e.level <= GENTLE_MAX_LEVEL and e.default_dosage.effort <= GENTLE_MAX_EFFORT


def _spares_the_spine(e: Exercise) -> bool:
    return (
        e.spinal_flexion is FLEX_NONE
        and e.spinal_rotation is ROT_NONE
        and Demand.SPINAL_EXTENSION not in e.all_demands
        and not e.supervised_only
    )


def is_gentle_lying_or_seated(e: Exercise) -> bool:
    return (
        e.position in (LYING, SEATED)
        and e.impact is IMPACT_NONE
        and _spares_the_spine(e)
        and e.load in EASY_LOADS
        and e.fall_risk is FALL_LOW
        and _low_level_and_effort(e)
    )


def is_back_extensor_hold(e: Exercise) -> bool:
    return (
        e.category is POSTURE
        and e.impact is IMPACT_NONE
        and _spares_the_spine(e)
        and e.load in EASY_LOADS
        and e.position not in (KNEELING, FLOOR_TRANSFER)
        and not needs_floor_transfer(e)
    )


def is_spine_sparing_training(e: Exercise) -> bool:
    """Practice of a safe way to move (hip hinge, step to turn, sit and stand tall)."""
    return (
        e.category is SAFE_MOVEMENT
        and e.impact is IMPACT_NONE
        and e.load is LOAD_BODYWEIGHT
        and _spares_the_spine(e)
        and not needs_floor_transfer(e)
        and not lifts_from_floor(e)
    )


def is_static_balance(e: Exercise) -> bool:
    return (
        Demand.STATIC_BALANCE in e.all_demands
        and e.impact is IMPACT_NONE
        and e.load is LOAD_BODYWEIGHT
        and _spares_the_spine(e)
    )


def is_gentle_walking(e: Exercise) -> bool:
    return (
        is_walking(e)
        and e.impact in (IMPACT_NONE, IMPACT_LOW)
        and e.load is LOAD_BODYWEIGHT
        and _spares_the_spine(e)
    )


def allowed_after_recent_fracture(e: Exercise) -> bool:
    """In the first 12 weeks after a vertebral fracture (clinical-guidance.md §3)."""
    if not _low_level_and_effort(e):
        return False
    return (
        is_gentle_lying_or_seated(e)
        or is_back_extensor_hold(e)
        or is_gentle_walking(e)
        or is_spine_sparing_training(e)
        or is_static_balance(e)
    )


def recent_fracture_modification(e: Exercise) -> str | None:
    """How an exercise allowed in the first weeks after a fracture is done, or None when
    it is gentle lying, seated or back-extensor work that needs no change."""
    if is_gentle_walking(e):
        return "Short, gentle walks on even ground, as pain allows; stop if the back pain grows."
    if is_static_balance(e):
        return (
            "Both hands resting on the counter the whole time; stop if it hurts or you feel "
            "unsteady."
        )
    if is_spine_sparing_training(e):
        return "Practise slowly, a few times, as pain allows."
    if Demand.PRONE in e.all_demands:
        return "Only if lying face down is comfortable; stop if the back hurts."
    return None
