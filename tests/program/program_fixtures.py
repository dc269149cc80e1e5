"""Small libraries, profiles and logs for the program, coverage and progression tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bonecoach.program.exercise import Exercise
from bonecoach.program.library import Library
from bonecoach.program.profile import ClientProfile
from bonecoach.program.sessions import ExerciseLog, SessionLog
from tests.program.library_fixtures import exercise_table

ALL_EQUIPMENT = (
    "resistance_band",
    "dumbbells",
    "chair",
    "counter",
    "wall",
    "step",
    "mat",
    "weighted_vest",
    "walking_poles",
)


def exercise(exercise_id: str, **changes: Any) -> Exercise:
    return Exercise.model_validate(exercise_table(exercise_id, **changes))


def library(*exercises: Exercise) -> Library:
    return Library(list(exercises))


def normal_density(**changes: Any) -> ClientProfile:
    data: dict[str, Any] = {"sex": "female", "age": 62, "t_score_lowest": -0.5}
    data["equipment"] = ALL_EQUIPMENT
    return ClientProfile.model_validate({**data, **changes})


def density_only(**changes: Any) -> ClientProfile:
    return normal_density(t_score_lowest=-2.7, **changes)


def recent_vertebral_fracture(**changes: Any) -> ClientProfile:
    return normal_density(
        age=74,
        t_score_lowest=-3.1,
        vertebral_fractures=1,
        vertebral_fracture_date=dt.date.today() - dt.timedelta(weeks=6),
        **changes,
    )


def session(day: str, *entries: ExerciseLog, **changes: Any) -> SessionLog:
    return SessionLog(date=dt.date.fromisoformat(day), entries=entries, **changes)


def reps_log(exercise_id: str, reps: list[int], **changes: Any) -> ExerciseLog:
    return ExerciseLog(
        exercise_id=exercise_id, sets_done=len(reps), reps_per_set=tuple(reps), **changes
    )
