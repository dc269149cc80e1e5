"""The controlled vocabularies shared by the library, the client profile and the rules.

Values are the exact strings used in library files, profile JSON and `--json` output.
"""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    RESISTANCE = "resistance"
    BALANCE = "balance"
    POSTURE = "posture"
    IMPACT = "impact"
    AEROBIC = "aerobic"
    FLEXIBILITY = "flexibility"
    SAFE_MOVEMENT = "safe_movement"


class SpinalFlexion(StrEnum):
    NONE = "none"
    UNLOADED = "unloaded"
    LOADED = "loaded"  # loaded or end-range flexion


class SpinalRotation(StrEnum):
    NONE = "none"
    GENTLE = "gentle"
    FORCEFUL = "forceful"  # forceful or end-range twisting


class Impact(StrEnum):
    NONE = "none"
    LOW = "low"  # walking
    MODERATE = "moderate"  # jogging, stepping, low jumps
    HIGH = "high"  # jumps, drop landings


class FallRisk(StrEnum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class Load(StrEnum):
    BODYWEIGHT = "bodyweight"
    LIGHT = "light"
    MODERATE = "moderate"
    HEAVY = "heavy"  # >= 80% of one-repetition maximum


class Position(StrEnum):
    LYING = "lying"
    SEATED = "seated"
    STANDING = "standing"
    KNEELING = "kneeling"
    FLOOR_TRANSFER = "floor_transfer"


class Region(StrEnum):
    HIP = "hip"
    SPINE = "spine"
    WRIST = "wrist"
    LEGS = "legs"
    ARMS = "arms"
    CHEST = "chest"
    SHOULDERS = "shoulders"
    BACK = "back"
    CORE = "core"
    WHOLE_BODY = "whole_body"


class Equipment(StrEnum):
    RESISTANCE_BAND = "resistance_band"
    DUMBBELLS = "dumbbells"
    CHAIR = "chair"
    COUNTER = "counter"
    WALL = "wall"
    STEP = "step"
    MAT = "mat"
    WEIGHTED_VEST = "weighted_vest"
    WALKING_POLES = "walking_poles"


class Sides(StrEnum):
    """How a one-sided exercise's count is meant: the dose for each side, or in total."""

    EACH = "each_side"  # all the repetitions on one side, then all on the other
    TOTAL = "in_total"  # the count covers both sides: half on each (or alternating)


class Demand(StrEnum):
    """What a movement asks of the body beyond the main attributes; precautions and some
    safety rules read these (clinical-guidance.md §2-3). Some follow from other attributes
    and need not be written (see `Exercise.all_demands`)."""

    GRIPS_WEIGHT = "grips_weight"  # holds a weight in the hand (dumbbell, bar, bags, pole)
    WEIGHT_ON_HANDS = "weight_on_hands"  # leans or pushes through the hands or wrists
    KNEELING = "kneeling"
    FLOOR_TRANSFER = "floor_transfer"  # starts or ends by getting down to the floor
    DEEP_HIP_FLEXION = "deep_hip_flexion"  # the hip bends past a right angle
    HIP_CROSSING = "hip_crossing"  # a leg crosses the midline
    HIP_EXTENSION = "hip_extension"  # the hip is taken back past standing straight
    OVERHEAD = "overhead"  # the arms, or a load, go above the head
    PRONE = "prone"  # lying face down
    SPINAL_EXTENSION = "spinal_extension"  # lifting the trunk against gravity, or end-range
    SUSTAINED_HOLD = "sustained_hold"  # a held effort of 10 s or more (breath-holding risk)
    WALKING = "walking"  # walking for exercise, outdoors or indoors
    STATIC_BALANCE = "static_balance"  # standing still on a narrowed base
    LIFTS_FROM_FLOOR = "lifts_from_floor"  # picks a load up from, or puts it down to, the floor
    DROP_LANDING = "drop_landing"  # steps or drops down from a height onto both feet
    WEARS_WEIGHT = "wears_weight"  # a weight worn on the trunk (a weighted vest) loads the spine


class Precaution(StrEnum):
    """Client precautions an exercise can be unsuitable for (`avoid_with`)."""

    HIP_REPLACEMENT_POSTERIOR = "hip_replacement_posterior"
    HIP_REPLACEMENT_ANTERIOR = "hip_replacement_anterior"
    KNEE_REPLACEMENT = "knee_replacement"
    KNEE_OSTEOARTHRITIS = "knee_osteoarthritis"
    SHOULDER_IMPINGEMENT = "shoulder_impingement"
    WRIST_FRACTURE_RECENT = "wrist_fracture_recent"
    HAND_ARTHRITIS = "hand_arthritis"
    ANKLE_INSTABILITY = "ankle_instability"
    PELVIC_FLOOR_WEAKNESS = "pelvic_floor_weakness"
    DIZZINESS = "dizziness"
    UNCONTROLLED_HYPERTENSION = "uncontrolled_hypertension"
    SPINAL_STENOSIS = "spinal_stenosis"
    PERIPHERAL_NEUROPATHY = "peripheral_neuropathy"
    VISUAL_IMPAIRMENT = "visual_impairment"
    ANTICOAGULATION = "anticoagulation"


class SourceKey(StrEnum):
    """Guideline keys of docs/clinical-guidance.md that rules and tags cite."""

    TFTF14 = "TFTF14"
    TFTF15 = "TFTF15"
    SSS = "SSS"
    LIFTMOR = "LIFTMOR"
    BHOF = "BHOF"
    CDC = "CDC"
    WHO = "WHO"
    PMM = "PMM"
    IOF = "IOF"
    ACSM = "ACSM"
    ISCD = "ISCD"  # International Society for Clinical Densitometry official positions
    ROS = "ROS"  # Royal Osteoporosis Society advice after a vertebral fracture
    # Not a guideline: the client's own record (home equipment, precautions) checked against
    # the library's tags (clinical-guidance.md §1 "home equipment", "other precautions").
    PROFILE = "PROFILE"
