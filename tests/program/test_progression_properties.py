"""Properties of progression over arbitrary logs: never an excluded step, red flags block,
and every accepted suggestion yields a valid program."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from bonecoach.program.programs import Program
from bonecoach.program.progression import SuggestionKind, suggest
from bonecoach.program.sessions import ExerciseLog, RedFlag, SessionLog
from tests.program.progression_fixtures import LIB, PRESS, ROW, SQUAT, TANDEM, accept, program

PROGRAM = program(PRESS, SQUAT, ROW, TANDEM)
PROGRESSING = {SuggestionKind.PROGRESS_LOAD, SuggestionKind.STEP_UP, SuggestionKind.REDUCE_SUPPORT}


@st.composite
def entries(draw: st.DrawFn, exercise_id: str) -> ExerciseLog:
    sets = draw(st.integers(0, 3))
    timed = exercise_id == "tandem_stand"
    per_set = tuple(draw(st.lists(st.integers(0, 40), min_size=sets, max_size=sets)))
    return ExerciseLog(
        exercise_id=exercise_id,
        sets_done=sets,
        reps_per_set=None if timed or not sets else per_set,
        seconds_per_set=per_set if timed and sets else None,
        load_kg=5.0 if exercise_id == "dumbbell_press" else None,
        band_colour="red" if exercise_id == "band_row" else None,
        effort=draw(st.none() | st.integers(0, 10)),
        reps_in_reserve=draw(st.none() | st.integers(0, 4)),
        pain_during=draw(st.integers(0, 10)),
        pain_next_morning=draw(st.none() | st.integers(0, 10)),
        soreness_days=draw(st.none() | st.integers(0, 5)),
    )


@st.composite
def sessions(draw: st.DrawFn) -> list[SessionLog]:
    count = draw(st.integers(1, 5))
    logs = []
    for n in range(count):
        ids = draw(st.sets(st.sampled_from([i.exercise_id for i in PROGRAM.phases[0].items])))
        logs.append(
            SessionLog(
                date=dt.date(2026, 1, 1) + dt.timedelta(days=2 * n),
                entries=tuple(draw(entries(i)) for i in sorted(ids)),
                red_flags=tuple(draw(st.sets(st.sampled_from(list(RedFlag)), max_size=1))),
            )
        )
    return logs


@settings(deadline=None)
@given(
    sessions(), st.sets(st.sampled_from(["goblet_squat", "one_leg_stand", "sit_to_stand_hands"]))
)
def test_suggestions_are_safe_and_apply_cleanly(logs: list[SessionLog], excluded: set[str]) -> None:
    suggestions = suggest(PROGRAM, logs, LIB, excluded=excluded)
    flagged = any(log.red_flags for log in logs)
    for s in suggestions:
        assert s.new_exercise_id not in excluded
        assert s.evidence or s.kind is SuggestionKind.RED_FLAG
        if flagged:
            assert s.kind not in PROGRESSING
        new = accept(PROGRAM, s)
        assert Program.model_validate_json(new.model_dump_json()) == new
        assert (new == PROGRAM) is (not s.changes_program)
    per_exercise = [
        s.exercise_id
        for s in suggestions
        if s.exercise_id is not None and s.kind is not SuggestionKind.RED_FLAG
    ]
    assert len(per_exercise) == len(set(per_exercise))  # at most one suggestion per exercise
