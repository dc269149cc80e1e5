"""The client profile JSON: every key required, strict types, errors that name the field."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bonecoach.program.profile import (
    PROFILE_KEYS,
    BackPain,
    ClientProfile,
    ProfileError,
    Sex,
    parse_profile_json,
    profile_to_json,
)
from bonecoach.program.vocabulary import Equipment, Precaution
from tests.program.screening_fixtures import one_vertebral_fracture

EXAMPLE = (
    Path(__file__).resolve().parents[2] / "resources/examples/profile-one-vertebral-fracture.json"
)

ISSUE_KEYS = {
    "sex", "age", "t_score_lowest", "frax_major_percent", "frax_hip_percent",
    "vertebral_fractures", "vertebral_fracture_date", "other_fragility_fractures",
    "other_fracture_date", "other_fracture_site", "falls_past_year", "fall_with_injury",
    "tug_seconds", "chair_stands_30s", "tandem_stance_10s", "hyperkyphosis",
    "back_pain", "frail", "new_to_strength_training", "cleared_for_supervised_high_intensity",
    "equipment", "precautions",
}  # fmt: skip


def _valid() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(profile_to_json(one_vertebral_fracture()))
    return data


def _problems(data: dict[str, Any]) -> list[tuple[str | None, str]]:
    with pytest.raises(ProfileError) as raised:
        parse_profile_json(json.dumps(data))
    return raised.value.problems


def test_the_json_keys_are_exactly_those_of_the_issue() -> None:
    assert set(PROFILE_KEYS) == ISSUE_KEYS


def test_the_shipped_example_parses() -> None:
    profile = parse_profile_json(EXAMPLE.read_text(encoding="utf-8"))
    assert profile.sex is Sex.FEMALE
    assert profile.vertebral_fractures == 1
    assert Equipment.RESISTANCE_BAND in profile.equipment
    assert profile.precautions == (Precaution.KNEE_OSTEOARTHRITIS,)


def test_round_trip_through_json_keeps_every_field() -> None:
    original = one_vertebral_fracture()
    assert parse_profile_json(profile_to_json(original)) == original


def test_unknown_key_is_named() -> None:
    problems = _problems({**_valid(), "t_score": -2.0})
    assert problems == [("t_score", "unknown field")]


def test_missing_key_is_named_not_defaulted() -> None:
    data = _valid()
    del data["hyperkyphosis"]
    assert _problems(data) == [("hyperkyphosis", "missing field")]


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("age", 17, "at least 18"),
        ("age", 111, "at most 110"),
        ("t_score_lowest", -6.5, "at least -6.0"),
        ("t_score_lowest", 4.5, "at most 4.0"),
        ("frax_major_percent", 101, "at most 100"),
        ("frax_hip_percent", -1, "at least 0"),
        ("vertebral_fractures", -1, "at least 0"),
        ("falls_past_year", -2, "at least 0"),
        ("chair_stands_30s", -1, "at least 0"),
        ("tug_seconds", 0, "more than 0"),
    ],
)
def test_out_of_range_values_name_field_and_bound(field: str, value: Any, words: str) -> None:
    problems = _problems({**_valid(), field: value})
    assert len(problems) == 1
    named, problem = problems[0]
    assert named == field
    assert words in problem and repr(value) in problem


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("age", "72"),
        ("age", 72.5),
        ("hyperkyphosis", 1),
        ("tandem_stance_10s", "yes"),
        ("sex", "woman"),
        ("back_pain", "severe"),
        ("equipment", "chair"),
    ],
)
def test_wrong_types_and_values_are_named(field: str, value: Any) -> None:
    problems = _problems({**_valid(), field: value})
    assert [f for f, _ in problems] == [field]


def test_every_bad_field_is_reported_at_once() -> None:
    data = {**_valid(), "age": 5, "sex": "x", "colour": "blue", "equipment": ["chair", "sofa"]}
    fields = {f for f, _ in _problems(data)}
    assert fields == {"age", "sex", "colour", "equipment.1"}
    with pytest.raises(ProfileError) as raised:
        parse_profile_json(json.dumps(data))
    message = str(raised.value)
    assert "field 'colour': unknown field" in message
    assert "field 'equipment.1': unknown value 'sofa'" in message


def test_a_fracture_date_without_a_fracture_is_an_error_in_the_therapists_words() -> None:
    problems = _problems({**_valid(), "vertebral_fractures": 0})
    assert problems[0][0] == "vertebral_fracture_date"
    assert problems[0][1] == "a fracture date needs at least one vertebral fracture recorded"


def test_fracture_date_may_be_unknown() -> None:
    profile = parse_profile_json(json.dumps({**_valid(), "vertebral_fracture_date": None}))
    assert profile.vertebral_fractures == 1
    assert profile.vertebral_fracture_date is None


@pytest.mark.parametrize(
    ("changes", "field", "problem"),
    [
        ({"vertebral_fracture_date": "14/01/2026"}, "vertebral_fracture_date", "a date"),
        ({"vertebral_fracture_date": "0001-01-01"}, "vertebral_fracture_date", "plausible"),
        (
            {"other_fragility_fractures": 1, "other_fracture_date": "2026-01-14"},
            "other_fracture_site",
            "say where",
        ),
        (
            {"other_fragility_fractures": 1, "other_fracture_site": "hip_or_pelvis"},
            "other_fracture_site",
            "give the date",
        ),
        (
            {"other_fracture_date": "2026-01-14", "other_fracture_site": "hip_or_pelvis"},
            "other_fracture_date",
            "at least one other fracture",
        ),
        ({"falls_past_year": 0, "fall_with_injury": True}, "fall_with_injury", "at least one"),
    ],
)
def test_fracture_dates_and_injurious_falls_are_checked(
    changes: dict[str, Any], field: str, problem: str
) -> None:
    problems = _problems({**_valid(), **changes})
    assert any(f == field and problem in p for f, p in problems), problems


def test_an_old_profile_file_with_weeks_is_read_as_a_date_counted_back_from_its_day() -> None:
    old = (Path(__file__).resolve().parents[1] / "fixtures/release-0.1").joinpath(
        "profile-one-vertebral-fracture.json"
    )
    text = old.read_text(encoding="utf-8")
    assert '"weeks_since_vertebral_fracture": 30' in text
    profile = parse_profile_json(text, recorded_on=date(2026, 3, 2))
    assert profile.vertebral_fracture_date == date(2025, 8, 4)  # 30 weeks before
    assert profile.other_fracture_date is None and profile.fall_with_injury is False
    # without the day it was recorded, its fracture date cannot be known: refused, named
    with pytest.raises(ProfileError) as raised:
        parse_profile_json(text)
    assert ("weeks_since_vertebral_fracture", "unknown field") in raised.value.problems


def test_hip_risk_above_major_risk_is_an_error() -> None:
    problems = _problems({**_valid(), "frax_major_percent": 10, "frax_hip_percent": 12})
    assert [f for f, _ in problems] == ["frax_hip_percent"]


def test_repeated_equipment_is_an_error() -> None:
    problems = _problems({**_valid(), "equipment": ["chair", "chair"]})
    assert [f for f, _ in problems] == ["equipment"]


@pytest.mark.parametrize("text", ["", "[1, 2]", "{not json"])
def test_not_a_json_object_is_an_error(text: str) -> None:
    with pytest.raises(ProfileError):
        parse_profile_json(text)


def test_profile_is_frozen_and_python_callers_get_defaults() -> None:
    profile = ClientProfile(sex=Sex.MALE, age=70)
    assert profile.back_pain is BackPain.NONE and profile.equipment == ()
    with pytest.raises(ValueError):
        profile.age = 71  # type: ignore[misc]
