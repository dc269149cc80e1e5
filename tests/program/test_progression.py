"""Progression suggestions (clinical-guidance.md §5), one test per rule, and accepting them."""

from __future__ import annotations

import pytest

from bonecoach.program.dosage import BandColour
from bonecoach.program.programs import (
    Override,
    ProgramItem,
)
from bonecoach.program.progression import (
    StaleSuggestion,
    SuggestionKind,
    red_flag_key,
    suggest,
)
from bonecoach.program.sessions import ExerciseLog, HandSupport, RedFlag
from bonecoach.program.vocabulary import SourceKey
from tests.program.program_fixtures import reps_log, session
from tests.program.progression_fixtures import (
    LIB,
    PRESS,
    ROW,
    SQUAT,
    TANDEM,
    accept,
    dose,
    easy_top,
    only,
    program,
)


def test_double_progression_raises_the_load_after_two_sessions_running() -> None:
    logs = [
        session("2026-01-05", easy_top("dumbbell_press", load_kg=5)),
        session("2026-01-08", reps_log("dumbbell_press", [12, 12], reps_in_reserve=2, load_kg=5)),
    ]
    s = only(suggest(program(PRESS), logs, LIB), "dumbbell_press")
    assert s.kind is SuggestionKind.PROGRESS_LOAD
    assert s.rule == "double_progression"
    assert s.source == (SourceKey.TFTF15, SourceKey.ACSM)
    assert s.new_dosage is not None
    assert (s.new_dosage.load_kg, s.new_dosage.reps) == (5.5, 8)  # +10%, back to 8 reps
    assert [e.date.isoformat() for e in s.evidence] == ["2026-01-05", "2026-01-08"]
    assert s.evidence[0].values["reps_per_set"] == [12, 12]
    assert s.evidence[0].values["effort"] == 4
    assert s.evidence[1].values["reps_in_reserve"] == 2


def test_one_session_at_the_top_is_not_enough() -> None:
    logs = [
        session("2026-01-05", easy_top("dumbbell_press", load_kg=5)),
        session("2026-01-08", reps_log("dumbbell_press", [12, 10], effort=7, load_kg=5)),
    ]
    s = only(suggest(program(PRESS), logs, LIB), "dumbbell_press")
    assert s.kind is SuggestionKind.HOLD
    assert s.new_dosage is None
    assert "1 of the last 2" in s.reason
    first_only = suggest(program(PRESS), logs[:1], LIB)
    assert only(first_only, "dumbbell_press").kind is SuggestionKind.HOLD


def test_top_reps_at_high_effort_do_not_count() -> None:
    logs = [
        session(d, reps_log("dumbbell_press", [12, 12], effort=8, load_kg=5))
        for d in ("2026-01-05", "2026-01-08")
    ]
    assert only(suggest(program(PRESS), logs, LIB), "dumbbell_press").kind is SuggestionKind.HOLD


def test_body_weight_work_steps_up_the_ladder() -> None:
    logs = [session(d, easy_top("sit_to_stand")) for d in ("2026-01-05", "2026-01-08")]
    s = only(suggest(program(SQUAT), logs, LIB), "sit_to_stand")
    assert s.kind is SuggestionKind.STEP_UP
    assert s.new_exercise_id == "goblet_squat"
    assert s.new_dosage is not None
    assert (s.new_dosage.sets, s.new_dosage.reps, s.new_dosage.days_per_week) == (2, 8, 3)


def test_step_up_never_proposes_an_excluded_exercise() -> None:
    logs = [session(d, easy_top("sit_to_stand")) for d in ("2026-01-05", "2026-01-08")]
    s = only(suggest(program(SQUAT), logs, LIB, excluded={"goblet_squat"}), "sit_to_stand")
    assert s.kind is SuggestionKind.HOLD
    assert s.new_exercise_id is None


def test_band_work_moves_to_the_next_colour() -> None:
    logs = [
        session(d, easy_top("band_row", band_colour="red")) for d in ("2026-01-05", "2026-01-08")
    ]
    s = only(suggest(program(ROW), logs, LIB), "band_row")
    assert s.kind is SuggestionKind.PROGRESS_LOAD
    assert s.new_dosage is not None
    assert (s.new_dosage.band_colour, s.new_dosage.reps) == (BandColour.GREEN, 8)


def test_pain_higher_next_morning_reduces_the_load() -> None:
    logs = [
        session("2026-01-05", easy_top("dumbbell_press", load_kg=5)),
        session(
            "2026-01-08", easy_top("dumbbell_press", load_kg=5, pain_during=2, pain_next_morning=4)
        ),
    ]
    s = only(suggest(program(PRESS), logs, LIB), "dumbbell_press")
    assert s.kind is SuggestionKind.REGRESS
    assert s.rule == "regress_next_morning_pain"
    assert s.source == (SourceKey.PMM,)
    assert s.new_dosage is not None and s.new_dosage.load_kg == 4.5
    assert [e.date.isoformat() for e in s.evidence] == ["2026-01-08"]
    assert s.evidence[0].values["pain_next_morning"] == 4


def test_long_soreness_steps_body_weight_work_down_the_ladder() -> None:
    logs = [session("2026-01-05", reps_log("sit_to_stand", [10, 10], effort=7, soreness_days=3))]
    s = only(suggest(program(SQUAT), logs, LIB), "sit_to_stand")
    assert (s.kind, s.rule) == (SuggestionKind.REGRESS, "regress_soreness")
    assert s.new_exercise_id == "sit_to_stand_hands"


def test_pain_above_five_during_stops_the_exercise() -> None:
    logs = [session("2026-01-05", reps_log("sit_to_stand", [10, 4], pain_during=6))]
    s = only(suggest(program(SQUAT), logs, LIB), "sit_to_stand")
    assert (s.kind, s.rule, s.source) == (
        SuggestionKind.STOP_EXERCISE,
        "stop_pain_during",
        (SourceKey.PMM,),
    )
    # accepting the stop takes the painful exercise out of the program (and so off the
    # handout): it used to stay in, printed as before
    assert s.changes_program
    stopped = accept(program(SQUAT, PRESS), s)
    assert [i.exercise_id for i in stopped.phases[0].items] == ["dumbbell_press"]
    five = [session("2026-01-05", reps_log("sit_to_stand", [10, 10], pain_during=5))]
    assert only(suggest(program(SQUAT), five, LIB), "sit_to_stand").kind is SuggestionKind.HOLD


def test_a_red_flag_blocks_progression_until_dismissed() -> None:
    logs = [
        session("2026-01-05", easy_top("dumbbell_press", load_kg=5)),
        session(
            "2026-01-08",
            easy_top("dumbbell_press", load_kg=5),
            red_flags=(RedFlag.NEW_BACK_PAIN,),
        ),
    ]
    suggestions = suggest(program(PRESS), logs, LIB)
    flag = suggestions[0]
    assert flag.kind is SuggestionKind.RED_FLAG
    assert flag.red_flag is RedFlag.NEW_BACK_PAIN
    assert flag.key == red_flag_key(logs[1].date, RedFlag.NEW_BACK_PAIN)
    assert flag.evidence[0].date == logs[1].date
    held = only(suggestions, "dumbbell_press")
    assert (held.kind, held.rule) == (SuggestionKind.HOLD, "red_flag_blocks_progression")
    assert not any(s.changes_program for s in suggestions)

    dismissed = suggest(program(PRESS), logs, LIB, dismissed_red_flags={flag.key})
    assert [s.kind for s in dismissed] == [SuggestionKind.PROGRESS_LOAD]


def test_regression_still_shows_while_a_red_flag_is_open() -> None:
    logs = [
        session(
            "2026-01-05",
            reps_log("dumbbell_press", [10, 10], load_kg=5, soreness_days=4),
            red_flags=(RedFlag.DIZZINESS,),
        )
    ]
    kinds = [s.kind for s in suggest(program(PRESS), logs, LIB)]
    assert kinds == [SuggestionKind.RED_FLAG, SuggestionKind.REGRESS]


def test_balance_reduces_hand_support_then_steps_up() -> None:
    held = [
        session(
            d,
            ExerciseLog(
                exercise_id="tandem_stand",
                sets_done=2,
                seconds_per_set=(30, 32),
                hand_support="one_hand",
            ),
        )
        for d in ("2026-01-05", "2026-01-07")
    ]
    s = only(suggest(program(TANDEM), held, LIB), "tandem_stand")
    assert (s.kind, s.rule) == (SuggestionKind.REDUCE_SUPPORT, "balance_progression")
    assert s.new_hand_support is HandSupport.FINGERTIP
    less = accept(program(TANDEM), s)
    assert less.phases[0].items[0].hand_support is HandSupport.FINGERTIP

    free = [
        session(
            d,
            ExerciseLog(
                exercise_id="tandem_stand",
                sets_done=2,
                seconds_per_set=(30, 30),
                hand_support="none",
            ),
        )
        for d in ("2026-01-09", "2026-01-11")
    ]
    s = only(suggest(less, held + free, LIB), "tandem_stand")
    assert (s.kind, s.new_exercise_id) == (SuggestionKind.STEP_UP, "one_leg_stand")

    short = [
        session(d, ExerciseLog(exercise_id="tandem_stand", sets_done=2, seconds_per_set=(30, 12)))
        for d in ("2026-01-05", "2026-01-07")
    ]
    assert only(suggest(program(TANDEM), short, LIB), "tandem_stand").kind is SuggestionKind.HOLD


def test_apply_suggestion_makes_a_new_program_and_refuses_stale_ones() -> None:
    logs = [session(d, easy_top("sit_to_stand")) for d in ("2026-01-05", "2026-01-08")]
    overridden = SQUAT.model_copy(update={"override": Override(reason="cleared by physician")})
    before = program(overridden)
    s = only(suggest(before, logs, LIB), "sit_to_stand")
    after = accept(before, s)
    (item,) = after.phases[0].items
    assert item.exercise_id == "goblet_squat"
    assert item.dosage == s.new_dosage
    assert item.override is None  # the override was for the old exercise
    assert before.phases[0].items[0].exercise_id == "sit_to_stand"
    with pytest.raises(StaleSuggestion):
        accept(after, s)  # the item is gone
    changed = program(SQUAT.model_copy(update={"dosage": dose(sets=3)}))
    with pytest.raises(StaleSuggestion, match="dosage"):
        accept(changed, s)


def test_apply_progress_load_keeps_the_exercise() -> None:
    logs = [session(d, easy_top("dumbbell_press", load_kg=5)) for d in ("2026-01-05", "2026-01-08")]
    s = only(suggest(program(PRESS), logs, LIB), "dumbbell_press")
    (item,) = accept(program(PRESS), s).phases[0].items
    assert item.exercise_id == "dumbbell_press"
    assert (item.dosage.load_kg, item.dosage.reps, item.dosage.sets) == (5.5, 8, 2)


def test_exercises_without_logs_get_no_suggestion() -> None:
    logs = [session("2026-01-05", easy_top("sit_to_stand"))]
    suggestions = suggest(program(SQUAT, PRESS), logs, LIB)
    assert [s.exercise_id for s in suggestions] == ["sit_to_stand"]


def test_regressing_the_lightest_load_goes_to_body_weight() -> None:
    light = ProgramItem(exercise_id="dumbbell_press", dosage=dose(load_kg=0.5))
    logs = [session("2026-01-05", reps_log("dumbbell_press", [10, 10], soreness_days=3))]
    s = only(suggest(program(light), logs, LIB), "dumbbell_press")
    assert s.kind is SuggestionKind.REGRESS
    assert s.new_dosage is not None and s.new_dosage.is_body_weight
    assert "body weight" in s.reason
