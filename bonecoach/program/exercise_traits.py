"""Exercise traits the safety rules test, named once (clinical-guidance.md §2 attributes).

- "lifting to or from the floor": a standing resistance or safe-movement exercise whose name
  or summary says it picks something up, or lifts from or to the floor (the library has no
  attribute for it; a dedicated tag would be better).
- "drop landing": high impact that is supervised-only or whose id names a drop.
- "gentle lying or seated work": lying or seated, no impact, no spinal flexion or rotation,
  body weight or light load, low fall risk, not supervised-only; "back-extensor holds":
  posture work with no impact, flexion or rotation, body weight or light load, not kneeling
  or on the floor.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bonecoach.program.exercise import Exercise
from bonecoach.program.vocabulary import (
    Category,
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
IMPACT_WORK = Category.IMPACT
POSTURE = Category.POSTURE
RESISTANCE = Category.RESISTANCE
SAFE_MOVEMENT = Category.SAFE_MOVEMENT


ABOVE_WALKING = frozenset({IMPACT_MODERATE, IMPACT_HIGH})
EASY_LOADS = frozenset({LOAD_BODYWEIGHT, LOAD_LIGHT})
LIFTING_CATEGORIES = frozenset({RESISTANCE, SAFE_MOVEMENT})


_FLOOR_LIFT = re.compile(r"\bpick(s|ing)?\b.*\bup\b|\b(from|to) the floor\b")


@lru_cache(maxsize=4096)
def _says_floor_lift(text: str) -> bool:
    return bool(_FLOOR_LIFT.search(text.lower()))


def lifts_from_floor(e: Exercise) -> bool:
    if e.position is not STANDING or e.category not in LIFTING_CATEGORIES:
        return False
    return _says_floor_lift(e.name) or _says_floor_lift(e.summary)


def is_drop_landing(e: Exercise) -> bool:
    return e.impact is IMPACT_HIGH and (e.supervised_only or "drop" in e.id)


def is_gentle_lying_or_seated(e: Exercise) -> bool:
    return (
        e.position in (LYING, SEATED)
        and e.impact is IMPACT_NONE
        and e.spinal_flexion is FLEX_NONE
        and e.spinal_rotation is ROT_NONE
        and e.load in EASY_LOADS
        and e.fall_risk is FALL_LOW
        and not e.supervised_only
    )


# what the two tests above read
GENTLE_TRAITS = (
    "position",
    "impact",
    "spinal_flexion",
    "spinal_rotation",
    "load",
    "fall_risk",
    "supervised_only",
    "category",
)


def is_back_extensor_hold(e: Exercise) -> bool:
    return (
        e.category is POSTURE
        and e.impact is IMPACT_NONE
        and e.spinal_flexion is FLEX_NONE
        and e.spinal_rotation is ROT_NONE
        and e.load in EASY_LOADS
        and e.position not in (KNEELING, FLOOR_TRANSFER)
        and not e.supervised_only
    )
