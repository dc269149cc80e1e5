"""Doses a therapist should look at twice before they are printed.

The dosage boxes take any number in their range (a slip of the keyboard is refused there),
but "9 sets of 50" is in range and was accepted for a 72-year-old after a vertebral
fracture. These are not refusals: a therapist may mean an unusual dose. They are warnings,
shown beside the dose and asked about before a program is saved, worded for the kind of
exercise against the dosage targets of the guidance (clinical-guidance.md §4).
"""

from __future__ import annotations

from bonecoach.program.coverage import IMPACTS_PER_DAY
from bonecoach.program.dosage import Dosage
from bonecoach.program.exercise import Exercise
from bonecoach.program.vocabulary import Category

STRENGTH_SETS = 4  # TFTF15: 1-3 sets (a fourth at most)
STRENGTH_REPS = 20  # TFTF15: 8-12 reps; up to 15-20 while learning, never a long endurance set
HOLD_SECONDS = 60
SESSION_MINUTES = 60


def unusual_dose(exercise: Exercise, dose: Dosage) -> list[str]:
    """What is unusual about ``dose`` for this kind of exercise, in the therapist's words
    (empty when nothing is)."""
    found: list[str] = []
    kind = exercise.category
    if kind is Category.RESISTANCE and dose.reps is not None:
        if dose.sets > STRENGTH_SETS and not exercise.supervised_only:  # LIFTMOR: 5 x 5
            found.append(f"{dose.sets} sets: strength work is 1-3 sets (TFTF15)")
        if dose.reps > STRENGTH_REPS:
            found.append(f"{dose.reps} repetitions a set: strength work is 8-12 (TFTF15)")
        if dose.reps < 5 and not exercise.supervised_only:
            found.append(f"{dose.reps} repetitions a set is heavy work, for supervised sessions")
    if kind is Category.IMPACT and dose.reps is not None:
        impacts = dose.sets * dose.reps
        if impacts > IMPACTS_PER_DAY + 10:
            found.append(
                f"{impacts} impacts a session: build to about {IMPACTS_PER_DAY} a day (SSS)"
            )
    if dose.hold_seconds is not None and dose.hold_seconds > HOLD_SECONDS:
        found.append(f"holds of {dose.hold_seconds} seconds: longer than a minute")
    if dose.minutes is not None and dose.sets * dose.minutes > SESSION_MINUTES:
        found.append(f"{dose.sets * dose.minutes} minutes a session: more than an hour")
    if dose.effort >= 9 and not exercise.supervised_only:
        found.append(f"effort {dose.effort} out of 10 is all-out: not for work at home")
    return found
