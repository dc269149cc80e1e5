"""The plain words of a dosage, which the handout prints and the program editor shows."""

from __future__ import annotations

import re

import pytest

from bonecoach.program.dosage import BandColour, Dosage
from bonecoach.program.dosage_words import (
    days_text,
    dosage_text,
    duration_text,
    effort_text,
    load_hint,
    suggested_days,
)
from bonecoach.program.vocabulary import Sides


def dose(**kw: object) -> Dosage:
    base: dict[str, object] = {"sets": 2, "rest_seconds": 60, "days_per_week": 3, "effort": 6}
    base.update(kw)
    return Dosage.model_validate(base)


def test_reps_read_as_sets_rest_and_days() -> None:
    assert dosage_text(dose(reps=10)) == "2 sets of 10 - rest 1 minute - 3 days a week"


def test_one_set_has_no_rest_and_reads_as_a_number_of_times() -> None:
    assert dosage_text(dose(sets=1, reps=8, days_per_week=1)) == "8 times - 1 day a week"
    assert dosage_text(dose(sets=1, reps=1, days_per_week=7)) == "Once - every day"


@pytest.mark.parametrize(
    ("reps", "sides", "words"),
    [
        (3, None, "3 times"),  # log roll out of bed
        (2, Sides.TOTAL, "2 times, once each side"),  # socks and shoes: one foot, then the other
        (8, Sides.TOTAL, "8 times, 4 each side"),
        (5, Sides.TOTAL, "5 times in total"),  # an odd count alternates sides
        (8, Sides.EACH, "8 times each side"),
        (1, Sides.EACH, "once each side"),
    ],
)
def test_a_single_set_of_a_one_sided_task_reads_naturally(
    reps: int, sides: Sides | None, words: str
) -> None:
    """A single set reads as a number of times, never "1 set of 2" (#16 review: putting on
    socks and shoes, log roll); with ``sides`` it says how the count falls on each side."""
    text = dosage_text(dose(sets=1, reps=reps, days_per_week=7), sides=sides)
    assert text == f"{words[0].upper()}{words[1:]} - every day"


@pytest.mark.parametrize("sides", [None, *Sides])
@pytest.mark.parametrize("reps", range(1, 21))
def test_no_single_set_is_worded_as_a_set(reps: int, sides: Sides | None) -> None:
    text = dosage_text(dose(sets=1, reps=reps), sides=sides).lower()
    assert "set" not in text and not re.search(r"\b1 time", text), text
    assert str(reps) in text or text.startswith("once"), text


def test_holds_minutes_and_every_day() -> None:
    hold = dose(sets=3, hold_seconds=10, rest_seconds=30, days_per_week=7)
    assert dosage_text(hold) == "Hold 10 seconds, 3 times - rest 30 seconds - every day"
    walk = dose(sets=1, minutes=30, rest_seconds=0, days_per_week=5)
    assert dosage_text(walk) == "30 minutes - 5 days a week"


def test_load_in_kg_and_band_colour() -> None:
    assert dosage_text(dose(reps=10, load_kg=2.5)).startswith("2 sets of 10 with 2.5 kg - ")
    assert dosage_text(dose(reps=12, load_kg=2.0)).startswith("2 sets of 12 with 2 kg - ")
    band = dose(reps=12, band_colour=BandColour.RED)
    assert dosage_text(band).startswith("2 sets of 12 with the red band - ")


def test_load_hint_only_where_the_dose_does_not_say_the_load() -> None:
    """#16 point 6: no "lift only 10-12 times" beside a prescribed load; worded by effort."""
    assert load_hint(dose(reps=10, load_kg=2.0), uses_weight=True) is None
    assert load_hint(dose(reps=8, band_colour=BandColour.RED), uses_band=True) is None
    assert load_hint(dose(reps=10, effort=5), uses_weight=True) == (
        "Choose a weight you could lift 4-5 more times at the end of each set"
    )
    assert load_hint(dose(reps=10, effort=8), uses_band=True) == (
        "Choose a band you could pull 1-2 more times at the end of each set"
    )
    assert load_hint(dose(reps=10)) is None  # body weight
    assert load_hint(dose(sets=1, reps=10, effort=5), uses_weight=True) == (
        "Choose a weight you could lift 4-5 more times at the end"  # one set: no "each set"
    )


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (1, "1 second"),
        (45, "45 seconds"),
        (60, "1 minute"),
        (90, "1 and a half minutes"),
        (120, "2 minutes"),
        (130, "2 minutes 10 seconds"),
    ],
)
def test_durations(seconds: int, words: str) -> None:
    assert duration_text(seconds) == words


def test_days_and_effort_words() -> None:
    assert days_text(7) == "every day"
    assert days_text(2) == "2 days a week"
    assert effort_text(6) == "How hard: 6 out of 10 (moderate)"
    assert effort_text(9) == "How hard: 9 out of 10 (very hard)"
    with pytest.raises(ValueError, match="effort"):
        effort_text(11)


def test_suggested_days_leave_rest_days_between_strength_days() -> None:
    assert suggested_days(3) == (0, 2, 4)
    assert suggested_days(2) == (0, 3)
    assert suggested_days(7) == tuple(range(7))
    for n in range(1, 8):
        assert len(suggested_days(n)) == n
