"""Findings of the second clinician review (#12/#13), each as the clinical fact.

A reviewer playing an osteoporosis specialist screened 21 profiles and drove progression with
session logs; these three were dangerous and each failed before its fix.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bonecoach.program.dosage import Dosage
from bonecoach.program.programs import ProgramItem
from bonecoach.program.progression import SuggestionKind, suggest
from bonecoach.program.screening import Verdict
from tests.program.review_fixtures import (
    DAY,
    held,
    library,
    log,
    one_phase,
    only,
    reps,
    screened,
)
from tests.program.screening_fixtures import make_profile

MOST_PROTECTIVE = make_profile(
    age=80, t_score_lowest=-3.3, vertebral_fractures=3,
    vertebral_fracture_date=dt.date(2024, 3, 1), hyperkyphosis=True, back_pain="mild",
    equipment=["weighted_vest", "chair", "counter"],
)  # fmt: skip
ONE_OLD_FRACTURE = make_profile(
    age=70, t_score_lowest=-2.6, vertebral_fractures=1,
    vertebral_fracture_date=dt.date(2024, 11, 1), equipment=["weighted_vest"],
)  # fmt: skip


def test_a_weighted_vest_is_excluded_in_the_most_protective_case_and_a_caution_after_a_fracture(
) -> None:  # fmt: skip
    vest = screened(MOST_PROTECTIVE)["weighted_vest_walking"]
    assert vest.verdict is Verdict.EXCLUDED
    assert "no weight carried on the spine" in " ".join(r.text for r in vest.reasons)
    after = screened(ONE_OLD_FRACTURE)["weighted_vest_walking"]
    assert after.verdict is Verdict.CAUTION
    assert any(r.rule == "fracture_worn_weight" for r in after.reasons)
    assert (
        screened(make_profile(t_score_lowest=-1.5, equipment=["weighted_vest"]))[
            "weighted_vest_walking"
        ].verdict
        is Verdict.ALLOWED
    )  # low bone mass alone: the vest adds bone-building load


HEAVY = ProgramItem(exercise_id="deadlift_heavy", dosage=Dosage(sets=5, reps=5, load_kg=40,
                    effort=8, rest_seconds=180, days_per_week=2))  # fmt: skip


def test_heavy_lifting_is_not_raised_on_the_first_session_after_a_break() -> None:
    done = reps(5, sets=5, load_kg=40, effort=8, form_ok=True)
    logs = [log(DAY, "deadlift_heavy", **done),
            log(DAY + dt.timedelta(days=43), "deadlift_heavy", **done)]  # fmt: skip
    s = only(suggest(one_phase(HEAVY), logs, library()), "deadlift_heavy")
    assert s.kind is SuggestionKind.HOLD and "after 6 weeks without it" in s.reason


@pytest.mark.parametrize("limit", [{"effort": 10}, {"effort": 8, "reps_in_reserve": 0}])
def test_heavy_lifting_done_at_the_limit_is_not_raised(limit: dict[str, int]) -> None:
    logs = [log(DAY, "deadlift_heavy", **reps(5, sets=5, load_kg=40, form_ok=True, **limit))]
    s = only(suggest(one_phase(HEAVY), logs, library()), "deadlift_heavy")
    assert s.kind is SuggestionKind.HOLD and "done at the limit" in s.reason


@pytest.mark.parametrize(
    "exercise_id", ["dumbbell_romanian_deadlift", "hip_hinge_pickup", "goblet_squat", "bridge",
                    "farmers_walk", "weighted_vest_walking"],
)  # fmt: skip
def test_worse_pain_the_morning_after_work_that_loads_the_back_is_a_red_flag(
    exercise_id: str,
) -> None:
    exercise = library()[exercise_id]
    dosage = Dosage.from_default(exercise.default_dosage)
    item = ProgramItem(exercise_id=exercise_id, dosage=dosage)
    seconds = dosage.hold_seconds or (dosage.minutes or 0) * 60
    amount = (
        reps(dosage.reps, sets=dosage.sets)
        if dosage.reps is not None
        else held(seconds, dosage.sets)
    )
    logs = [log(DAY, exercise_id, **amount, pain_during=0, pain_next_morning=6)]
    found = suggest(one_phase(item), logs, library())
    assert [s.red_flag.value for s in found if s.red_flag] == ["new_back_pain"], exercise_id
    assert not any(s.changes_program for s in found)


def test_hops_on_one_leg_and_rope_skipping_are_high_impact_not_home_work_with_osteoporosis(
) -> None:  # fmt: skip
    """The guidance names skipping and jumping as high impact; they were tagged moderate and
    came out allowed for osteoporosis without clearance (SSS: moderate is the level there)."""
    osteoporosis = screened(make_profile(t_score_lowest=-2.7))
    normal = screened(make_profile(t_score_lowest=0.2))
    for exercise_id in ("hops", "skipping_rope"):
        assert osteoporosis[exercise_id].verdict is Verdict.EXCLUDED, exercise_id
        assert normal[exercise_id].verdict is Verdict.ALLOWED, exercise_id
