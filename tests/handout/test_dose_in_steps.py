"""On the printed page the steps give the same "how many" as the dose band (#16, point 5)."""

from __future__ import annotations

import re

from bonecoach.program.dosage import Dosage
from bonecoach.program.dose_in_text import conflicts
from bonecoach.program.library import Library
from bonecoach.program.programs import ProgramItem

from .conftest import make_document, make_program, pdf_text


def _text(library: Library, items: tuple[ProgramItem, ...]) -> str:
    program = make_program(library, ())
    phase = program.phases[0].model_copy(update={"items": items})
    return pdf_text(make_document(library, program.model_copy(update={"phases": (phase,)})))


def test_a_prescribed_hold_is_the_hold_in_the_steps_and_walked_steps_are_about(
    library: Library,
) -> None:
    hold_8 = Dosage(sets=8, hold_seconds=8, rest_seconds=5, days_per_week=7, effort=4)
    two_minutes = Dosage(sets=2, minutes=2, rest_seconds=30, days_per_week=7, effort=4)
    text = _text(
        library,
        (
            ProgramItem(exercise_id="prone_head_lift", dosage=hold_8),
            ProgramItem(exercise_id="side_stepping", dosage=two_minutes),
        ),
    )
    assert "Hold 8 seconds" in text  # the band
    assert "Hold for 8 seconds" in text and "3 to 5 seconds" not in text  # the steps
    assert "Take about ten steps" in text and "Take ten steps" not in text


def test_a_one_sided_exercise_prints_each_side_or_in_total_in_its_band(
    library: Library,
) -> None:
    reps = Dosage(sets=2, reps=8, rest_seconds=60, days_per_week=3, effort=6)
    text = _text(
        library,
        (
            ProgramItem(exercise_id="calf_raise_single_leg", dosage=reps),
            ProgramItem(exercise_id="single_leg_bridge", dosage=reps),
        ),
    )
    assert "2 sets of 8 each side" in text  # all on one leg, then all on the other
    assert "2 sets of 8 in total" in text  # "switch legs halfway"


def test_timed_work_at_a_short_prescription_prints_no_longer_warm_up_or_walks(
    library: Library,
) -> None:
    """#16 review: brisk walking at 15 minutes printed a 5-minute warm-up and "three
    10-minute walks"; cycling at 10 minutes "about 5 minutes to warm up"; side stepping at
    "2 minutes, 2 times" stopped after ten steps each way."""
    walk = Dosage(sets=1, minutes=15, rest_seconds=0, days_per_week=5, effort=5)
    ride = Dosage(sets=1, minutes=10, rest_seconds=0, days_per_week=5, effort=5)
    two_minutes = Dosage(sets=2, minutes=2, rest_seconds=30, days_per_week=7, effort=4)
    text = " ".join(
        _text(
            library,
            (
                ProgramItem(exercise_id="brisk_walking", dosage=walk),
                ProgramItem(exercise_id="stationary_cycling", dosage=ride),
                ProgramItem(exercise_id="side_stepping", dosage=two_minutes),
            ),
        ).split()
    )
    assert "15 minutes - 5 days a week" in text and "10 minutes - 5 days a week" in text
    assert not re.search(r"\b5 minutes", text), "a 5-minute warm-up in 10 or 15 minutes"
    assert "10-minute" not in text and "30-minute" not in text
    assert "split up" not in text  # 15 minutes cannot be split into 10-minute bouts
    assert "Pedal easily for the first minute or two to warm up." in text
    assert "part of the time set" in text
    assert "Keep going to the right and back to the left for the time set." in text


def _shipped_notes(library: Library) -> list[tuple[str, str, Dosage]]:
    """(where, note, dose) for every note in the shipped templates and demo programs."""
    from bonecoach.paths import resource
    from bonecoach.program.templates import load_templates
    from bonecoach.store.exchange import load_demo_documents

    found = []
    for template in load_templates(resource("templates"), library):
        for phase in template.phases:
            for t_item in phase.items:
                dose = t_item.dosage or Dosage.from_default(
                    library[t_item.exercise_id].default_dosage
                )
                found.append((f"{template.id}/{t_item.exercise_id}", t_item.notes, dose))
    for document in load_demo_documents():
        for entry in document.programs:
            for version in entry.versions:
                for phase in version.program.phases:
                    for item in phase.items:
                        where = f"{document.client.name}/{item.exercise_id}"
                        found.append((where, item.notes, item.dosage))
    return [f for f in found if f[1]]


def test_no_shipped_note_contradicts_the_dose_beside_it(library: Library) -> None:
    """#16 review: the demo's stationary cycling, "10 minutes" in one go, carried the note
    "short bouts"; a therapist's note prints as written, so the shipped ones are checked."""
    notes = _shipped_notes(library)
    assert len(notes) >= 10
    assert [(w, n) for w, n, dose in notes if conflicts(n, dose)] == []
    single = Dosage(sets=1, minutes=10, rest_seconds=0, days_per_week=5, effort=5)
    assert conflicts("Sit upright; short bouts, as pain allows.", single) == ["short bouts"]
