"""The prescribed dose is the one answer to "how many" (#16, point 5): the numbers printed in
an exercise's steps and tips never contradict the dose printed in its band."""

from __future__ import annotations

import pytest

from bonecoach.paths import resource
from bonecoach.program.dosage import Dosage
from bonecoach.program.dose_in_text import conflicts, fit_tips, fit_to_dose, steps_conflicts
from bonecoach.program.exercise import Exercise
from bonecoach.program.library import load_library

LIBRARY = load_library(resource("library"))


# prescriptions a therapist might give instead of the default (#16 review: brisk walking at
# 15 minutes, stationary cycling at 10 printed the default's 5-minute warm-up)
HOLDS = (3, 5, 8, 10, 30, 45, 60)
REPS = (1, 3, 5, 8, 12, 15, 20)
MINUTES = (1, 2, 5, 10, 15, 20, 30, 45, 60)
SETS = (1, 2, 3)


def _doses(default: Dosage) -> list[Dosage]:
    """The default and prescriptions a therapist might give instead."""
    changed: list[Dosage] = [default]
    for sets in SETS:
        if default.hold_seconds:
            changed += [default.model_copy(update={"hold_seconds": s, "sets": sets}) for s in HOLDS]
        if default.reps:
            changed += [default.model_copy(update={"reps": r, "sets": sets}) for r in REPS]
        if default.minutes:
            changed += [default.model_copy(update={"minutes": m, "sets": sets}) for m in MINUTES]
    return changed


@pytest.mark.parametrize("exercise", LIBRARY.values(), ids=lambda e: e.id)
def test_no_number_in_the_steps_or_tips_contradicts_the_printed_dose(exercise: Exercise) -> None:
    for dose in _doses(Dosage.from_default(exercise.default_dosage)):
        for text in (
            *(fit_to_dose(s, dose) for s in exercise.steps),
            *fit_tips(exercise.tips, dose),
        ):
            assert conflicts(text, dose) == [], (exercise.id, dose, text)


TIMED = [e for e in LIBRARY.values() if e.default_dosage.minutes and not e.education_only]


@pytest.mark.parametrize("exercise", TIMED, ids=lambda e: e.id)
def test_timed_steps_keep_going_for_the_time_set_which_includes_any_warm_up(
    exercise: Exercise,
) -> None:
    """#16 review: side stepping at "2 minutes, 2 times" described ten steps each way and
    stopped; brisk walking added a warm-up and a cool-down to the time set."""
    for dose in _doses(Dosage.from_default(exercise.default_dosage)):
        steps = [fit_to_dose(s, dose) for s in exercise.steps]
        assert steps_conflicts(steps, dose) == [], (exercise.id, dose, steps)


def test_there_is_timed_work_with_a_warm_up_to_check() -> None:
    assert len(TIMED) >= 20
    warm = [e.id for e in TIMED if "warm" in " ".join(e.steps).lower()]
    assert {"brisk_walking", "stationary_cycling", "hill_walking"} <= set(warm)


# the wordings the reviewer found on printed handouts, and the prescriptions beside them
REVIEWED = [
    ("Start with 5 minutes at an easy pace to warm up.", 15),
    ("Walks can be split up: three 10-minute walks count the same as one 30-minute walk.", 15),
    ("Walks can be split up: three 10-minute walks count the same as one 30-minute walk.", 30),
    ("Pedal easily for 5 minutes to warm up.", 10),
    ("Ease off for the last few minutes before getting off carefully.", 10),
    ("Warm up with 5 minutes of easy walking on the flat.", 45),
]


@pytest.mark.parametrize(("text", "minutes"), REVIEWED)
def test_the_reviewed_minute_counts_are_conflicts(text: str, minutes: int) -> None:
    dose = Dosage(sets=1, minutes=minutes, rest_seconds=0, days_per_week=5, effort=5)
    assert conflicts(text, dose) != []


def test_a_warm_up_is_sized_to_the_prescribed_time() -> None:
    def at(minutes: int, sets: int = 1) -> Dosage:
        return Dosage(sets=sets, minutes=minutes, rest_seconds=0, days_per_week=5, effort=5)

    warm = "Pedal easily for the first few minutes to warm up."
    assert fit_to_dose(warm, at(30)) == warm
    assert fit_to_dose(warm, at(10)) == "Pedal easily for the first minute or two to warm up."
    assert fit_to_dose(warm, at(3)) == "Pedal easily for the first few moments to warm up."
    cool = "Cool down with a few minutes of easy walking."
    assert fit_to_dose(cool, at(5)) == "Cool down with a minute or two of easy walking."
    grow = "Add a minute or two each week as the pain settles."  # a step up, not a part
    assert fit_to_dose(grow, at(2)) == grow and conflicts(grow, at(2)) == []
    assert conflicts("Walk for 30 minutes.", at(30)) == []  # the prescribed time itself


def test_a_tip_that_splits_the_time_is_printed_only_where_the_split_keeps_10_minute_bouts() -> None:
    split = "Walks can be split up: two shorter walks in the day count the same."
    often = "A little and often is better than one long walk while your back is healing."
    walk = Dosage(sets=1, minutes=30, rest_seconds=0, days_per_week=5, effort=5)
    assert fit_tips([split, often], walk) == (split,)
    assert fit_tips([split, often], walk.model_copy(update={"minutes": 15})) == ()
    three = walk.model_copy(update={"minutes": 5, "sets": 3})
    assert fit_tips([split, often], three) == (often,)


def test_there_were_numbers_to_fit() -> None:
    """The check above is not vacuous: the library's text does carry dose numbers."""
    found = [
        (e.id, t)
        for e in LIBRARY.values()
        for t in (*e.steps, *e.tips)
        if conflicts(t, Dosage.from_default(e.default_dosage))
    ]
    assert len(found) >= 10, found


def test_a_hold_follows_the_prescription_and_counts_are_marked_about() -> None:
    held = Dosage(sets=8, hold_seconds=8, rest_seconds=5, days_per_week=7, effort=4)
    assert fit_to_dose("Hold for 3 to 5 seconds, then lower slowly.", held) == (
        "Hold for 8 seconds, then lower slowly."
    )
    timed = Dosage(sets=2, minutes=2, rest_seconds=30, days_per_week=7, effort=4)
    assert (
        fit_to_dose("Take ten steps to the right.", timed) == "Take about ten steps to the right."
    )
    assert fit_to_dose("Every two or three steps, turn your head.", timed) == (
        "Every two or three steps, turn your head."
    )


def test_a_count_of_repetitions_is_the_prescribed_count_and_adjectives_do_not_hide_counts() -> None:
    reps = Dosage(sets=2, reps=15, rest_seconds=60, days_per_week=3, effort=6)
    tip = "Raise the weight only when 12 good repetitions feel easy."
    assert conflicts(tip, reps) == ["12 good repetitions"]
    assert fit_to_dose(tip, reps) == "Raise the weight only when 15 good repetitions feel easy."
    assert conflicts("Repeat about 10 times.", reps) == ["about 10 times"]  # "about" is no excuse
    assert conflicts("Do it two or three times a day.", reps) == []  # a frequency
    timed = Dosage(sets=2, minutes=1, rest_seconds=30, days_per_week=7, effort=4)
    heels = "Walk forward ten small steps on your heels."
    assert conflicts(heels, timed) == ["ten small steps"]
    assert fit_to_dose(heels, timed) == "Walk forward about ten small steps on your heels."


def test_a_tempo_in_a_counted_exercise_is_the_movement_not_a_dose() -> None:
    reps = Dosage(sets=2, reps=10, rest_seconds=60, days_per_week=3, effort=6)
    text = "Sit back down slowly, taking three seconds, until you just touch the seat."
    assert fit_to_dose(text, reps) == text and conflicts(text, reps) == []
