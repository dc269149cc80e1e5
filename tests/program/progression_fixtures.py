"""What the progression tests share: a small library, doses and programs built from it."""

from __future__ import annotations

from typing import Any

from bonecoach.program.dosage import Dosage
from bonecoach.program.programs import (
    Phase,
    Program,
    ProgramItem,
)
from bonecoach.program.progression import (
    RULES,
    Suggestion,
    apply_suggestion,
)
from bonecoach.program.screening import screen
from bonecoach.program.sessions import ExerciseLog, HandSupport
from tests.program.program_fixtures import exercise, library, normal_density, reps_log

LIB = library(
    exercise("sit_to_stand_hands", harder="sit_to_stand"),
    exercise("sit_to_stand", level=2, easier="sit_to_stand_hands", harder="goblet_squat"),
    exercise("goblet_squat", level=3, easier="sit_to_stand", equipment=["dumbbells"]),
    exercise("band_row", regions=["back"], equipment=["resistance_band"]),
    exercise("dumbbell_press", regions=["shoulders"], equipment=["dumbbells"]),
    exercise(
        "tandem_stand",
        category="balance",
        level=2,
        harder="one_leg_stand",
        default_dosage={
            "sets": 2,
            "hold_seconds": 30,
            "rest_seconds": 30,
            "days_per_week": 7,
            "effort": 4,
        },
    ),
    exercise(
        "one_leg_stand",
        category="balance",
        level=3,
        easier="tandem_stand",
        default_dosage={
            "sets": 3,
            "hold_seconds": 10,
            "rest_seconds": 30,
            "days_per_week": 7,
            "effort": 5,
        },
    ),
)


# a client every exercise of LIB is allowed for (accepting a step-up screens the new one)
SCREENING = {e.id: screen(normal_density(), e) for e in LIB.values()}


def accept(before: Program, suggestion: Suggestion) -> Program:
    return apply_suggestion(before, suggestion, LIB, SCREENING)


def dose(**kw: Any) -> Dosage:
    base: dict[str, Any] = {"sets": 2, "effort": 6, "rest_seconds": 60, "days_per_week": 3}
    if not {"reps", "hold_seconds", "minutes"} & set(kw):
        base["reps"] = 10
    return Dosage.model_validate({**base, **kw})


def program(*items: ProgramItem) -> Program:
    return Program(
        name="P", phases=(Phase(name="Weeks 1-4", start_week=1, end_week=4, items=items),)
    )


PRESS = ProgramItem(exercise_id="dumbbell_press", dosage=dose(load_kg=5))
SQUAT = ProgramItem(exercise_id="sit_to_stand", dosage=dose())
ROW = ProgramItem(exercise_id="band_row", dosage=dose(band_colour="red"))
TANDEM = ProgramItem(
    exercise_id="tandem_stand",
    dosage=dose(reps=None, hold_seconds=30, days_per_week=7),
    hand_support=HandSupport.ONE_HAND,
)


def only(suggestions: list[Suggestion], exercise_id: str) -> Suggestion:
    (found,) = [s for s in suggestions if s.exercise_id == exercise_id]
    assert found.rule in RULES
    assert found.source == RULES[found.rule].source
    return found


def easy_top(exercise_id: str, **kw: Any) -> ExerciseLog:
    return reps_log(exercise_id, [12, 12], effort=4, **kw)
