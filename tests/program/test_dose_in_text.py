"""The prescribed dose is the one answer to "how many" (#16, point 5): the numbers printed in
an exercise's steps and tips never contradict the dose printed in its band."""

from __future__ import annotations

import pytest

from bonecoach.paths import resource
from bonecoach.program.dosage import Dosage
from bonecoach.program.dose_in_text import conflicts, fit_to_dose
from bonecoach.program.library import load_library

LIBRARY = load_library(resource("library"))


def _doses(default: Dosage) -> list[Dosage]:
    """The default and prescriptions a therapist might give instead."""
    changed: list[Dosage] = [default]
    if default.hold_seconds:
        changed += [default.model_copy(update={"hold_seconds": s}) for s in (3, 8, 45)]
    if default.reps:
        changed += [default.model_copy(update={"reps": r}) for r in (5, 15)]
    if default.minutes:
        changed += [default.model_copy(update={"minutes": m}) for m in (1, 10, 45)]
    return changed


@pytest.mark.parametrize("exercise", LIBRARY.values(), ids=lambda e: e.id)
def test_no_number_in_the_steps_or_tips_contradicts_the_printed_dose(exercise: object) -> None:
    for dose in _doses(Dosage.from_default(exercise.default_dosage)):  # type: ignore[attr-defined]
        for text in (*exercise.steps, *exercise.tips):  # type: ignore[attr-defined]
            fitted = fit_to_dose(text, dose)
            assert conflicts(fitted, dose) == [], (exercise.id, dose, fitted)  # type: ignore[attr-defined]


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


def test_a_tempo_in_a_counted_exercise_is_the_movement_not_a_dose() -> None:
    reps = Dosage(sets=2, reps=10, rest_seconds=60, days_per_week=3, effort=6)
    text = "Sit back down slowly, taking three seconds, until you just touch the seat."
    assert fit_to_dose(text, reps) == text and conflicts(text, reps) == []
