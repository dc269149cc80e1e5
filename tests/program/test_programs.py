"""Programs: phases of items, overrides for excluded exercises, pure editing functions."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from bonecoach.program.dosage import Dosage
from bonecoach.program.programs import (
    OverrideRequired,
    Phase,
    Program,
    add_item,
    blank_program,
    move_item,
    remove_item,
    set_dosage,
    set_notes,
    set_phases,
    update_item,
)
from bonecoach.program.screening import Verdict, screen
from tests.program.program_fixtures import density_only, exercise, normal_density

CRUNCH = exercise("crunch", spinal_flexion="loaded", position="lying", regions=["core"])
SQUAT = exercise(
    "chair_squat",
    position="standing",
    fall_risk="moderate",
    support_variant="Hold the back of a chair with both hands.",
)
ROW = exercise("band_row", regions=["back", "arms"], equipment=["resistance_band"])


def test_blank_program_has_consecutive_week_phases() -> None:
    program = blank_program("Mrs Lee", (4, 4, 4))
    assert [(p.name, p.start_week, p.end_week) for p in program.phases] == [
        ("Weeks 1-4", 1, 4),
        ("Weeks 5-8", 5, 8),
        ("Weeks 9-12", 9, 12),
    ]


def test_adding_an_excluded_exercise_needs_a_written_reason() -> None:
    profile = density_only()
    result = screen(profile, CRUNCH)
    assert result.verdict is Verdict.EXCLUDED
    program = blank_program("P")
    with pytest.raises(OverrideRequired) as caught:
        add_item(program, 0, CRUNCH, result)
    assert caught.value.exercise_id == "crunch"
    assert caught.value.reasons == result.reasons
    with pytest.raises(OverrideRequired):
        add_item(program, 0, CRUNCH, result, override_reason="   ")

    added = add_item(
        program,
        0,
        CRUNCH,
        result,
        override_reason="Physician-cleared, supervised",
        override_by="JK",
    )
    item = added.phases[0].items[0]
    assert item.override is not None
    assert item.override.reason == "Physician-cleared, supervised"
    assert item.override.by == "JK"
    assert item.override.excluded_by == tuple(r.rule for r in result.reasons)
    assert program.phases[0].items == ()  # the original is untouched


def test_allowed_exercise_needs_no_override_and_gets_the_default_dose() -> None:
    result = screen(normal_density(), ROW)
    assert result.verdict is Verdict.ALLOWED
    program = add_item(blank_program("P"), 1, ROW, result)
    item = program.phases[1].items[0]
    assert item.override is None
    assert item.dosage == Dosage.from_default(ROW.default_dosage)
    assert not item.support_prescribed


def test_a_support_caution_prescribes_the_support_variant() -> None:
    profile = density_only(falls_past_year=2)
    result = screen(profile, SQUAT)
    assert result.verdict is Verdict.CAUTION
    program = add_item(blank_program("P"), 0, SQUAT, result)
    assert program.phases[0].items[0].support_prescribed


def test_screening_result_must_match_the_exercise() -> None:
    with pytest.raises(ValueError, match="not 'band_row'"):
        add_item(blank_program("P"), 0, ROW, screen(normal_density(), SQUAT))


def test_same_exercise_twice_in_a_phase_is_refused() -> None:
    result = screen(normal_density(), ROW)
    program = add_item(blank_program("P"), 0, ROW, result)
    with pytest.raises(ValueError, match="already in phase"):
        add_item(program, 0, ROW, result)
    assert len(add_item(program, 1, ROW, result).phases[1].items) == 1


def build() -> Program:
    profile = normal_density()
    program = blank_program("P")
    for e in (ROW, SQUAT, exercise("bridge")):
        program = add_item(program, 0, e, screen(profile, e))
    return program


def test_move_remove_set_dosage_and_notes_return_new_programs() -> None:
    program = build()
    moved = move_item(program, 0, 2, 0)
    assert [i.exercise_id for i in moved.phases[0].items] == ["bridge", "band_row", "chair_squat"]
    removed = remove_item(moved, 0, 1)
    assert [i.exercise_id for i in removed.phases[0].items] == ["bridge", "chair_squat"]
    dose = Dosage(sets=3, reps=8, load_kg=4, effort=7, rest_seconds=90, days_per_week=2)
    dosed = set_dosage(removed, 0, 1, dose)
    assert dosed.phases[0].items[1].dosage == dose
    noted = set_notes(dosed, 0, 0, "  slow on the way down ")
    assert noted.phases[0].items[0].notes == "slow on the way down"
    assert [i.exercise_id for i in program.phases[0].items] == ["band_row", "chair_squat", "bridge"]
    with pytest.raises(IndexError):
        remove_item(program, 0, 7)
    with pytest.raises(IndexError):
        remove_item(program, 5, 0)


def test_phases_must_not_overlap_and_end_after_they_start() -> None:
    with pytest.raises(ValidationError) as caught:
        Phase(name="Bad", start_week=5, end_week=2)
    assert caught.value.errors()[0]["loc"] == ("end_week",)
    first = Phase(name="A", start_week=1, end_week=4)
    with pytest.raises(ValidationError, match="starts in week 3"):
        set_phases(blank_program("P"), [first, Phase(name="B", start_week=3, end_week=8)])


def test_override_reason_must_be_written() -> None:
    with pytest.raises(ValidationError) as caught:
        Program.model_validate(
            {
                "name": "P",
                "phases": [
                    {
                        "name": "A",
                        "start_week": 1,
                        "end_week": 4,
                        "items": [
                            {
                                "exercise_id": "crunch",
                                "dosage": {
                                    "sets": 1,
                                    "reps": 8,
                                    "effort": 5,
                                    "rest_seconds": 60,
                                    "days_per_week": 2,
                                },
                                "override": {"reason": " "},
                            }
                        ],
                    }
                ],
            }
        )
    assert caught.value.errors()[0]["loc"] == ("phases", 0, "items", 0, "override", "reason")


def test_json_round_trip_keeps_everything() -> None:
    program = build().model_copy(update={"start_date": dt.date(2026, 1, 5)})
    again = Program.model_validate_json(program.model_dump_json())
    assert again == program


def test_phase_for_a_date_uses_the_start_date() -> None:
    program = blank_program("P", (4, 4, 4), start_date=dt.date(2026, 1, 5))
    assert program.phase_for(dt.date(2026, 1, 5)) == 0
    assert program.phase_for(dt.date(2026, 2, 1)) == 0  # day 27, week 4
    assert program.phase_for(dt.date(2026, 2, 2)) == 1  # week 5
    assert program.phase_for(dt.date(2026, 6, 1)) == 2  # after the end: the last phase


def test_update_item_revalidates_changes() -> None:
    program = build()
    updated = update_item(program, 0, 1, support_prescribed=True, hand_support="one_hand")
    item = updated.phases[0].items[1]
    assert item.support_prescribed
    assert item.hand_support == "one_hand"
    with pytest.raises(ValidationError) as caught:
        update_item(program, 0, 1, hand_support="three_hands")
    assert caught.value.errors()[0]["loc"] == ("hand_support",)
