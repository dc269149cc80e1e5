"""The quick screener remembers decisions per combination of the attributes each rule
declares it reads; if a rule read an undeclared attribute, some pair of exercises differing
only there would be screened wrongly. Check every combination of the safety attributes for
a client whom every rule concerns."""

from __future__ import annotations

import itertools

import pytest

from bonecoach.program.rules import RULES, ClientFacts
from bonecoach.program.screening import Screener, screen_naively
from bonecoach.program.vocabulary import (
    Category,
    Demand,
    FallRisk,
    Impact,
    Load,
    Position,
    Precaution,
    SpinalFlexion,
    SpinalRotation,
)
from tests.program.screening_fixtures import make_exercise, make_profile, weeks_ago

EVERY_RULE_CLIENT = make_profile(
    age=81,
    t_score_lowest=-3.1,
    vertebral_fractures=2,
    weeks_since_vertebral_fracture=8,
    other_fragility_fractures=1,
    other_fracture_date=weeks_ago(4),
    other_fracture_site="hip_or_pelvis",
    falls_past_year=2,
    hyperkyphosis=True,
    back_pain="mild",
    new_to_strength_training=True,
    precautions=[p.value for p in Precaution],
    equipment=["chair"],
)
DEMAND_SETS = [
    (),
    (Demand.FLOOR_TRANSFER,),
    (Demand.WALKING,),
    (Demand.STATIC_BALANCE,),
    (Demand.PRONE, Demand.SPINAL_EXTENSION),
    (Demand.OVERHEAD, Demand.GRIPS_WEIGHT),
    (Demand.LIFTS_FROM_FLOOR, Demand.DEEP_HIP_FLEXION),
    (Demand.DROP_LANDING, Demand.HIP_EXTENSION),
    (Demand.WEIGHT_ON_HANDS, Demand.HIP_CROSSING),
]


def test_the_client_is_concerned_by_every_rule() -> None:
    client = ClientFacts.prepare(EVERY_RULE_CLIENT)
    assert all(r.for_client(client) for r in RULES)


@pytest.mark.slow  # every combination: about 13 s
def test_every_attribute_combination_screens_as_the_plain_table_walk() -> None:
    base = make_exercise(
        "floor_pickup",
        name="Pick up a box",
        summary="Pick up a light box from the floor.",
        fall_risk="moderate",
        support_variant="Hold a counter.",
        avoid_with=["knee_osteoarthritis"],
        equipment=["chair", "mat"],
    )
    exercises = []
    for combo in itertools.product(
        Category, SpinalFlexion, SpinalRotation, Impact, FallRisk, Load, Position, (False, True)
    ):
        category, flexion, rotation, impact, fall_risk, load, position, supervised = combo
        if load is Load.HEAVY and not supervised:
            continue  # not a valid exercise
        exercises.append(
            base.model_copy(
                update={
                    "category": category,
                    "spinal_flexion": flexion,
                    "spinal_rotation": rotation,
                    "impact": impact,
                    "fall_risk": fall_risk,
                    "load": load,
                    "position": position,
                    "supervised_only": supervised,
                }
            )
        )
    for check_equipment in (True, False):
        quick = Screener(EVERY_RULE_CLIENT, check_equipment=check_equipment).screen_all(exercises)
        for exercise, result in zip(exercises, quick, strict=True):
            plain = screen_naively(EVERY_RULE_CLIENT, exercise, check_equipment=check_equipment)
            assert result == plain, exercise


def test_demands_level_and_effort_combinations_screen_as_the_plain_table_walk() -> None:
    """The rules that read demands, level and effort, against the plain walk."""
    base = make_exercise("move", fall_risk="moderate", support_variant="Hold a counter.")
    exercises = []
    for demands, category, impact, load, position, level, effort in itertools.product(
        DEMAND_SETS,
        (Category.POSTURE, Category.SAFE_MOVEMENT, Category.AEROBIC, Category.IMPACT),
        (Impact.NONE, Impact.LOW, Impact.HIGH),
        (Load.BODYWEIGHT, Load.MODERATE),
        (Position.LYING, Position.STANDING, Position.SEATED),
        (1, 3),
        (4, 7),
    ):
        dosage = base.default_dosage.model_copy(update={"effort": effort})
        changes = {
            "demands": demands,
            "category": category,
            "impact": impact,
            "load": load,
            "position": position,
            "level": level,
            "default_dosage": dosage,
        }
        exercises.append(base.model_copy(update=changes))
    quick = Screener(EVERY_RULE_CLIENT).screen_all(exercises)
    for exercise, result in zip(exercises, quick, strict=True):
        assert result == screen_naively(EVERY_RULE_CLIENT, exercise), exercise.model_dump()
