"""Dosage validation: nonsense is refused with an error that names the field."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from bonecoach.program.dosage import BandColour, Dosage, DosageError, parse_dosage
from bonecoach.program.exercise import DefaultDosage

GOOD: dict[str, Any] = {
    "sets": 2,
    "reps": 10,
    "effort": 6,
    "rest_seconds": 60,
    "days_per_week": 3,
}


def error_fields(**changes: Any) -> dict[str, str]:
    with pytest.raises(DosageError) as caught:
        parse_dosage({**GOOD, **changes})
    return caught.value.problems


def test_a_plain_body_weight_dose_is_valid() -> None:
    dosage = parse_dosage(GOOD)
    assert dosage.is_body_weight
    assert dosage.measure == "reps"


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("sets", 0, "greater than or equal to 1"),
        ("sets", 11, "less than or equal to 10"),
        ("load_kg", -2.5, "greater than or equal to 0"),
        ("load_kg", 301, "less than or equal to 300"),
        ("days_per_week", 40, "less than or equal to 7"),
        ("effort", 11, "less than or equal to 10"),
        ("rest_seconds", -1, "greater than or equal to 0"),
        ("reps", 0, "greater than or equal to 1"),
        ("band_colour", "purple", "'yellow'"),
    ],
)
def test_nonsense_values_name_their_field(field: str, value: Any, words: str) -> None:
    problems = error_fields(**{field: value})
    assert list(problems) == [field]
    assert words in problems[field]


def test_two_measures_are_refused_on_reps() -> None:
    problems = error_fields(hold_seconds=30)
    assert problems == {
        "reps": "give only one of reps, hold_seconds or minutes (got reps, hold_seconds)"
    }


def test_no_measure_is_refused() -> None:
    problems = error_fields(reps=None)
    assert problems == {"reps": "give one of reps, hold_seconds or minutes"}


def test_kg_and_band_together_are_refused_on_band_colour() -> None:
    problems = error_fields(load_kg=5, band_colour="red")
    assert list(problems) == ["band_colour"]
    assert "not both" in problems["band_colour"]


def test_unknown_field_is_named() -> None:
    assert error_fields(weight=5) == {"weight": "unknown field"}


def test_pydantic_error_loc_names_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        Dosage(sets=0, reps=10, effort=5, rest_seconds=30, days_per_week=3)
    assert [e["loc"] for e in caught.value.errors()] == [("sets",)]


def test_from_default_copies_the_library_dose() -> None:
    default = DefaultDosage(sets=1, hold_seconds=30, rest_seconds=30, days_per_week=7, effort=4)
    dosage = Dosage.from_default(default)
    assert (dosage.sets, dosage.hold_seconds, dosage.days_per_week) == (1, 30, 7)
    assert dosage.measure == "hold_seconds"
    assert dosage.is_body_weight


def test_with_changes_switches_measure_and_load_and_revalidates() -> None:
    dosage = parse_dosage({**GOOD, "load_kg": 4})
    timed = dosage.with_changes(minutes=10)
    assert (timed.reps, timed.minutes, timed.load_kg) == (None, 10, 4)
    banded = dosage.with_changes(band_colour=BandColour.GREEN)
    assert (banded.load_kg, banded.band_colour) == (None, BandColour.GREEN)
    with pytest.raises(ValidationError):
        dosage.with_changes(sets=0)


def test_band_order_goes_lightest_to_heaviest() -> None:
    assert BandColour.YELLOW.heavier() is BandColour.RED
    assert BandColour.YELLOW.lighter() is None
    assert BandColour.GOLD.heavier() is None


def test_work_time_counts_sets_and_estimates_reps() -> None:
    assert parse_dosage({**GOOD, "reps": None, "minutes": 15}).work_seconds_per_session() == 1800
    assert parse_dosage({**GOOD, "reps": None, "hold_seconds": 30}).work_seconds_per_session() == 60
    assert parse_dosage(GOOD).work_seconds_per_session() == 2 * 10 * 4.0
