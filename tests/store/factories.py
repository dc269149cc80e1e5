"""Domain objects for the storage tests: small, but using every field the store maps."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from bonecoach.program.dosage import BandColour, Dosage
from bonecoach.program.exercise import Exercise
from bonecoach.program.picture import CustomPicture
from bonecoach.program.profile import ClientProfile
from bonecoach.program.programs import Override, Phase, Program, ProgramItem
from bonecoach.program.progression import Evidence, Suggestion, SuggestionKind
from bonecoach.program.sessions import (
    ExerciseLog,
    HandSupport,
    RedFlag,
    SessionLog,
    SessionSetting,
)
from bonecoach.program.templates import Template
from bonecoach.program.vocabulary import Equipment, Precaution, SourceKey

if TYPE_CHECKING:
    from bonecoach.store.store import Store


def profile(**changes: object) -> ClientProfile:
    data: dict[str, object] = {
        "sex": "female",
        "age": 72,
        "t_score_lowest": -2.8,
        "frax_major_percent": 24.0,
        "frax_hip_percent": 4.1,
        "vertebral_fractures": 1,
        "vertebral_fracture_date": "2025-12-01",
        "falls_past_year": 1,
        "tug_seconds": 12.5,
        "chair_stands_30s": 9,
        "tandem_stance_10s": False,
        "equipment": (Equipment.CHAIR, Equipment.RESISTANCE_BAND),
        "precautions": (Precaution.KNEE_OSTEOARTHRITIS,),
    }
    data.update(changes)
    return ClientProfile.model_validate(data)


def program(name: str = "After a vertebral fracture", *, reps: int = 10) -> Program:
    return Program(
        name=name,
        start_date=dt.date(2025, 3, 3),
        phases=(
            Phase(
                name="Weeks 1-4",
                start_week=1,
                end_week=4,
                items=(
                    ProgramItem(
                        exercise_id="sit_to_stand",
                        dosage=Dosage(
                            sets=2, reps=reps, effort=6, rest_seconds=60, days_per_week=3
                        ),
                        notes="Use the kitchen chair <b>& not the sofa</b>",
                    ),
                    ProgramItem(
                        exercise_id="seated_band_row",
                        dosage=Dosage(
                            sets=2,
                            reps=12,
                            band_colour=BandColour.RED,
                            effort=5,
                            rest_seconds=60,
                            days_per_week=2,
                        ),
                    ),
                    ProgramItem(
                        exercise_id="tandem_stand",
                        dosage=Dosage(
                            sets=3, hold_seconds=20, effort=4, rest_seconds=30, days_per_week=7
                        ),
                        support_prescribed=True,
                        hand_support=HandSupport.ONE_HAND,
                    ),
                ),
            ),
            Phase(
                name="Weeks 5-8",
                start_week=5,
                end_week=8,
                items=(
                    ProgramItem(
                        exercise_id="goblet_squat",
                        dosage=Dosage(
                            sets=3, reps=8, load_kg=4.5, effort=7, rest_seconds=90, days_per_week=2
                        ),
                        override=Override(
                            reason="Supervised in clinic first; she is confident",
                            by="Pat Physio",
                            excluded_by=("heavy_not_cleared",),
                        ),
                    ),
                    ProgramItem(
                        exercise_id="brisk_walking",
                        dosage=Dosage(
                            sets=1, minutes=30, effort=5, rest_seconds=0, days_per_week=5
                        ),
                    ),
                ),
            ),
        ),
    )


def session_log(day: dt.date = dt.date(2025, 3, 5), *, reps: int = 10) -> SessionLog:
    return SessionLog(
        date=day,
        setting=SessionSetting.CLINIC,
        notes='Felt good; "stiff" in the morning',
        red_flags=(RedFlag.DIZZINESS,),
        entries=(
            ExerciseLog(
                exercise_id="sit_to_stand",
                sets_done=2,
                reps_per_set=(reps, reps - 1),
                effort=6,
                reps_in_reserve=2,
                pain_during=1,
                pain_next_morning=2,
                notes="slow down",
            ),
            ExerciseLog(
                exercise_id="seated_band_row",
                sets_done=2,
                reps_per_set=(12, 12),
                band_colour=BandColour.RED,
                effort=5,
            ),
            ExerciseLog(
                exercise_id="goblet_squat",
                sets_done=3,
                reps_per_set=(8, 8, 7),
                load_kg=4.5,
                effort=7,
                soreness_days=1,
            ),
            ExerciseLog(
                exercise_id="tandem_stand",
                sets_done=3,
                seconds_per_set=(20, 18, 15),
                hand_support=HandSupport.ONE_HAND,
            ),
            ExerciseLog(exercise_id="brisk_walking", sets_done=0, notes="rain"),
        ),
    )


def suggestion(key: str = "progress:goblet_squat") -> Suggestion:
    current = Dosage(sets=3, reps=12, load_kg=4.5, effort=5, rest_seconds=90, days_per_week=2)
    return Suggestion(
        key=key,
        kind=SuggestionKind.PROGRESS_LOAD,
        exercise_id="goblet_squat",
        phase_index=1,
        rule="double_progression",
        source=(SourceKey.TFTF15, SourceKey.ACSM),
        reason="12 reps with effort 5/10 in two sessions running",
        evidence=(
            Evidence(
                date=dt.date(2025, 3, 5),
                exercise_id="goblet_squat",
                values={"reps_per_set": [12, 12, 12], "effort": 5, "load_kg": 4.5, "form_ok": True},
            ),
        ),
        current_dosage=current,
        new_dosage=current.with_changes(load_kg=5.0, reps=8),
    )


def full_client(store: Store) -> int:
    """A client with every kind of record: profiles, program versions, handouts, sessions,
    suggestions (one decided). Returns its id."""
    client = store.create_client(
        'Zoë "Smith" <b>& Sons</b>', date_of_birth=dt.date(1948, 2, 29), clinic_id="Z-1"
    )
    store.save_profile(client.id, profile(), recorded_on=dt.date(2025, 12, 15))
    store.save_profile(client.id, profile(falls_past_year=3), note="after a fall")
    first = store.save_program(client.id, program())
    second = store.save_program(
        client.id, program(reps=12), program_id=first.program_id, based_on=1
    )
    other = store.save_program(client.id, program("Posture daily"))
    store.record_handout(first.id, paper="letter", large_print=False, file_name="a.pdf")
    store.record_handout(second.id, paper="a4", large_print=True)
    store.save_session(client.id, session_log(), program_version_id=first.id)
    store.save_session(client.id, session_log(dt.date(2025, 3, 8)))
    store.save_session(client.id, session_log(dt.date(2025, 3, 10)), program_version_id=other.id)
    [decided] = store.save_suggestions(client.id, [suggestion()], program_version_id=first.id)
    store.record_suggestion_outcome(decided.id, accepted=True, result_version_id=second.id)
    store.save_suggestions(client.id, [suggestion("other")])
    return client.id


def custom(exercise_id: str = "towel_squeeze", **changes: Any) -> Exercise:
    """A custom copy of a shipped exercise under a new id (ladder links dropped)."""
    from bonecoach.store.custom_exercises import shipped_library

    base = shipped_library()["sit_to_stand"].model_dump(mode="json")
    base.update(id=exercise_id, name="Sit to stand, slow lowering", easier=None, harder=None)
    base.update(changes)
    return Exercise.model_validate(base)


POSED = CustomPicture("poses", start="sit_chair", end="stand")


def clinic_template(
    template_id: str = "clinic_tuesday_group", name: str = "Tuesday group"
) -> Template:
    """A clinic's own template, made from ``program()``."""
    from bonecoach.program.clinic_templates import template_from_program

    return template_from_program(
        program(),
        template_id=template_id,
        name=name,
        summary="Our Tuesday class, as a home program.",
        intended_for="Members of the Tuesday class after their first assessment.",
    )
