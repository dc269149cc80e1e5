"""Client profiles for the guideline's cases and small synthetic exercises for rule tests."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from bonecoach.program.exercise import Exercise
from bonecoach.program.profile import ClientProfile
from bonecoach.program.vocabulary import Equipment
from tests.program.library_fixtures import exercise_table

ALL_EQUIPMENT = [e.value for e in Equipment]


def make_exercise(exercise_id: str = "test_move", **changes: Any) -> Exercise:
    """A valid exercise (seated, no flexion, rotation or impact, low fall risk) with changes."""
    table = exercise_table(exercise_id, **changes)
    if table["fall_risk"] != "low" and table["support_variant"] is None:
        table["support_variant"] = "Hold a counter with both hands."
    if table["load"] == "heavy":
        table["supervised_only"] = True
    return Exercise.model_validate(table)


def weeks_ago(weeks: int, on: date | None = None) -> str:
    """The ISO date ``weeks`` whole weeks before ``on`` (default: today)."""
    return ((on or date.today()) - timedelta(weeks=weeks)).isoformat()


def make_profile(**changes: Any) -> ClientProfile:
    """A healthy client (normal measured density, no fracture, no fall risk), then changes.

    ``weeks_since_vertebral_fracture=N`` is a shorthand for a fracture date N weeks before
    today (screening and assessment work fracture age out on the day, today by default).
    """
    weeks = changes.pop("weeks_since_vertebral_fracture", None)
    if weeks is not None:
        changes["vertebral_fracture_date"] = weeks_ago(weeks)
    base: dict[str, Any] = {
        "sex": "female",
        "age": 58,
        "t_score_lowest": 0.2,
        "frax_major_percent": None,
        "frax_hip_percent": None,
        "vertebral_fractures": 0,
        "vertebral_fracture_date": None,
        "other_fragility_fractures": 0,
        "other_fracture_date": None,
        "other_fracture_site": None,
        "falls_past_year": 0,
        "fall_with_injury": False,
        "tug_seconds": 7.0,
        "chair_stands_30s": 16,
        "tandem_stance_10s": True,
        "hyperkyphosis": False,
        "back_pain": "none",
        "frail": False,
        "new_to_strength_training": False,
        "cleared_for_supervised_high_intensity": False,
        "equipment": ALL_EQUIPMENT,
        "precautions": [],
    }
    base.update(changes)
    return ClientProfile.model_validate(base)


# The guideline's three cases (TFTF15) and the other fixtures the issue names.
def density_only() -> ClientProfile:
    return make_profile(age=66, t_score_lowest=-2.6)


def one_vertebral_fracture() -> ClientProfile:
    return make_profile(
        age=72, t_score_lowest=-2.8, vertebral_fractures=1, weeks_since_vertebral_fracture=40
    )


def multiple_vf_kyphosis_pain() -> ClientProfile:
    return make_profile(
        age=78,
        t_score_lowest=-3.4,
        vertebral_fractures=3,
        weeks_since_vertebral_fracture=60,
        hyperkyphosis=True,
        back_pain="mild",
    )


def fall_risk_only() -> ClientProfile:
    # normal density and no fracture, but two falls and a slow Timed Up and Go
    return make_profile(age=80, t_score_lowest=-0.4, falls_past_year=2, tug_seconds=13.5)


def recent_vertebral_fracture() -> ClientProfile:
    return make_profile(
        age=69, t_score_lowest=-2.9, vertebral_fractures=1, weeks_since_vertebral_fracture=6
    )


def normal_density() -> ClientProfile:
    return make_profile()
