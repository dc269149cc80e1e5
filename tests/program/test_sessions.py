"""Session logs: validated per exercise, with field-named errors and a red-flag vocabulary."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from bonecoach.program.sessions import RED_FLAGS, ExerciseLog, RedFlag, SessionLog
from bonecoach.program.vocabulary import SourceKey

GOOD: dict[str, Any] = {
    "exercise_id": "sit_to_stand",
    "sets_done": 2,
    "reps_per_set": [10, 9],
    "load_kg": None,
    "effort": 6,
    "pain_during": 1,
    "pain_next_morning": 2,
    "soreness_days": 1,
    "notes": "Felt steady.",
}


def error_locs(**changes: Any) -> list[tuple[Any, ...]]:
    with pytest.raises(ValidationError) as caught:
        ExerciseLog.model_validate({**GOOD, **changes})
    return [e["loc"] for e in caught.value.errors()]


def test_a_good_entry_validates() -> None:
    entry = ExerciseLog.model_validate(GOOD)
    assert entry.reps_per_set == (10, 9)
    assert entry.pain_next_morning == 2


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("effort", 11),
        ("pain_during", -1),
        ("pain_next_morning", 12),
        ("sets_done", 11),
        ("load_kg", -1),
        ("soreness_days", -2),
        ("band_colour", "purple"),
        ("reps_per_set", [10, 101]),
        ("exercise_id", "Sit To Stand"),
    ],
)
def test_out_of_range_values_name_their_field(field: str, value: Any) -> None:
    assert error_locs(**{field: value}) == [(field,)]


def test_sets_must_match_the_per_set_list() -> None:
    with pytest.raises(ValidationError) as caught:
        ExerciseLog.model_validate({**GOOD, "sets_done": 3})
    (error,) = caught.value.errors()
    assert error["loc"] == ("seconds_per_set",)
    assert "reps_per_set lists 2 set(s) but sets_done is 3" in error["msg"]


def test_reps_and_seconds_together_are_refused() -> None:
    assert error_locs(seconds_per_set=[30, 30]) == [("seconds_per_set",)]


def test_sets_done_need_reps_or_seconds_but_a_skipped_exercise_does_not() -> None:
    assert error_locs(reps_per_set=None) == [("seconds_per_set",)]
    skipped = ExerciseLog(exercise_id="sit_to_stand", sets_done=0, notes="knee sore")
    assert skipped.sets_done == 0


def test_timed_entry() -> None:
    entry = ExerciseLog(exercise_id="tandem_stand", sets_done=2, seconds_per_set=(30, 25))
    assert entry.seconds_per_set == (30, 25)


def test_session_refuses_duplicates_future_dates_and_repeated_flags() -> None:
    entry = ExerciseLog.model_validate(GOOD)
    with pytest.raises(ValidationError) as caught:
        SessionLog(date=dt.date(2026, 1, 5), entries=(entry, entry))
    assert caught.value.errors()[0]["loc"] == ("entries",)
    with pytest.raises(ValidationError) as caught:
        SessionLog(date=dt.date.today() + dt.timedelta(days=30))
    assert caught.value.errors()[0]["loc"] == ("date",)
    with pytest.raises(ValidationError) as caught:
        SessionLog.model_validate({"date": "2026-01-05", "red_flags": ["chest_pain", "chest_pain"]})
    assert caught.value.errors()[0]["loc"] == ("red_flags",)
    with pytest.raises(ValidationError) as caught:
        SessionLog.model_validate({"date": "2026-01-05", "red_flags": ["headache"]})
    assert caught.value.errors()[0]["loc"] == ("red_flags", 0)


def test_session_records_red_flags_and_finds_entries() -> None:
    log = SessionLog.model_validate(
        {
            "date": "2026-01-05",
            "setting": "clinic",
            "entries": [GOOD],
            "red_flags": ["new_back_pain", "height_loss_or_stoop"],
        }
    )
    assert log.red_flags == (RedFlag.NEW_BACK_PAIN, RedFlag.HEIGHT_LOSS_OR_STOOP)
    assert log.entry("sit_to_stand") is not None
    assert log.entry("bridge") is None
    assert SessionLog.model_validate_json(log.model_dump_json()) == log


def test_every_red_flag_has_a_description_and_source() -> None:
    assert set(RED_FLAGS) == set(RedFlag)
    for info in RED_FLAGS.values():
        assert info.symptom and info.concern
        assert info.source is SourceKey.IOF
    assert "vertebral fracture" in RED_FLAGS[RedFlag.HEIGHT_LOSS_OR_STOOP].concern
