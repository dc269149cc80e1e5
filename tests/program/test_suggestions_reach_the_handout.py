"""What a therapist accepts reaches the program the client takes home (therapist review of
#19): an accepted stop left the painful exercise on the handout, and a regression after a
break changed the phase of the last logs, weeks ago, not the phase printed today."""

from __future__ import annotations

import datetime as dt

from bonecoach.program.programs import Phase, Program
from bonecoach.program.progression import suggest
from bonecoach.program.suggestions import SuggestionKind
from tests.program.program_fixtures import reps_log, session
from tests.program.progression_fixtures import LIB, PRESS, SQUAT, accept, dose, only

START = dt.date(2026, 9, 7)


def two_phases() -> Program:
    later = SQUAT.model_copy(update={"dosage": dose(reps=12, sets=3)})
    return Program(
        name="P",
        start_date=START,
        phases=(
            Phase(name="Weeks 1-4", start_week=1, end_week=4, items=(SQUAT, PRESS)),
            Phase(name="Weeks 5-8", start_week=5, end_week=8, items=(later, PRESS)),
        ),
    )


def test_an_accepted_stop_takes_the_exercise_out_of_this_phase_and_the_later_ones() -> None:
    logs = [session("2026-09-08", reps_log("sit_to_stand", [10, 4], pain_during=7))]
    s = only(suggest(two_phases(), logs, LIB, on=dt.date(2026, 9, 9)), "sit_to_stand")
    assert s.kind is SuggestionKind.STOP_EXERCISE and s.changes_program
    after = accept(two_phases(), s)
    for phase in after.phases:
        assert [i.exercise_id for i in phase.items] == ["dumbbell_press"], phase.name


def test_a_suggestion_after_a_break_changes_the_phase_the_client_does_today() -> None:
    logs = [
        session("2026-09-08", reps_log("sit_to_stand", [10, 10], effort=6)),
        session("2026-09-11", reps_log("sit_to_stand", [10, 10], effort=6)),
    ]
    today = START + dt.timedelta(weeks=5, days=2)  # week 6: the second phase; a 5-week break
    program = two_phases()
    assert program.phase_for(today) == 1
    s = only(suggest(program, logs, LIB, on=today), "sit_to_stand")
    assert s.phase_index == 1
    assert s.current_dosage == program.phases[1].items[0].dosage  # today's dose, not the old
    assert s.kind is SuggestionKind.REGRESS and s.changes_program
    after = accept(program, s)
    assert after.phases[0] == program.phases[0]  # the past phase is left as it was
    assert after.phases[1].items[0].dosage == s.new_dosage  # today's phase, as printed
