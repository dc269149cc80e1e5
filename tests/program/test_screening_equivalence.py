"""The quick screener remembers decisions per combination of the attributes each rule
declares it reads; if a rule read an undeclared attribute, some pair of exercises differing
only there would be screened wrongly. Check every combination of the safety attributes for
a client whom every rule concerns."""

from __future__ import annotations

import itertools

from bonecoach.program.rules import RULES, Client
from bonecoach.program.screening import Screener, screen_naively
from bonecoach.program.vocabulary import (
    Category,
    FallRisk,
    Impact,
    Load,
    Position,
    SpinalFlexion,
    SpinalRotation,
)
from tests.program.screening_fixtures import make_exercise, make_profile

EVERY_RULE_CLIENT = make_profile(
    age=81,
    t_score_lowest=-3.1,
    vertebral_fractures=2,
    weeks_since_vertebral_fracture=8,
    falls_past_year=2,
    hyperkyphosis=True,
    new_to_strength_training=True,
    precautions=["knee_osteoarthritis"],
    equipment=["chair"],
)


def test_the_client_is_concerned_by_every_rule() -> None:
    client = Client.prepare(EVERY_RULE_CLIENT)
    assert all(r.for_client(client) for r in RULES)


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
