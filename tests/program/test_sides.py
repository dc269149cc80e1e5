"""A one-sided exercise says whether its count is for each side or in total (#16, point 7):
"2 sets of 10" for a single-leg bridge left the client to guess."""

from __future__ import annotations

import re

import pytest

from bonecoach.paths import resource
from bonecoach.program.dosage import Dosage
from bonecoach.program.dosage_words import dosage_text
from bonecoach.program.library import load_library
from bonecoach.program.vocabulary import Sides

LIBRARY = load_library(resource("library"))
# steps that send the client to the other side: the count must say which way it is meant
OTHER_SIDE = re.compile(
    r"switch (?:legs|sides|arms|the leading leg)|change (?:sides|legs|feet|hands|arms)"
    r"|turn (?:a)?round (?:and|for)"
    r"|(?:repeat|stretch)(?: \w+){0,3} the other|then (?:stand on|lead with) the other"
    r"|repeat with the (?:left|right)|halfway|lead with the left|with the left\.",
    re.IGNORECASE,
)


@pytest.mark.parametrize("exercise", LIBRARY.values(), ids=lambda e: e.id)
def test_an_exercise_done_on_each_side_declares_how_its_count_is_meant(exercise: object) -> None:
    steps = " ".join(exercise.steps)  # type: ignore[attr-defined]
    if OTHER_SIDE.search(steps) and not exercise.education_only:  # type: ignore[attr-defined]
        assert exercise.sides is not None, (exercise.id, OTHER_SIDE.search(steps))  # type: ignore[attr-defined]
    if "halfway" in steps.lower():
        assert exercise.sides is Sides.TOTAL, exercise.id  # type: ignore[attr-defined]


def test_there_are_one_sided_exercises_of_both_kinds() -> None:
    kinds = {e.sides for e in LIBRARY.values()}
    assert {Sides.EACH, Sides.TOTAL} <= kinds


def test_the_dose_line_says_each_side_or_in_total() -> None:
    reps = Dosage(sets=2, reps=8, rest_seconds=60, days_per_week=3, effort=6)
    assert dosage_text(reps, sides=Sides.EACH).startswith("2 sets of 8 each side - ")
    assert dosage_text(reps, sides=Sides.TOTAL).startswith("2 sets of 8 in total - ")
    hold = Dosage(sets=3, hold_seconds=20, rest_seconds=15, days_per_week=7, effort=3)
    assert dosage_text(hold, sides=Sides.EACH).startswith("Hold 20 seconds, 3 times each side")
    assert dosage_text(reps) == "2 sets of 8 - rest 1 minute - 3 days a week"
