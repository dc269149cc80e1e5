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
    # Not a guideline: the client's own record (home equipment, precautions) checked against
    # the library's tags (clinical-guidance.md §1 "home equipment", "other precautions").
    PROFILE = "PROFILE"
