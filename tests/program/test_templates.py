"""Templates: loading with field-named problems, shipped ids exist, instantiation screens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bonecoach.paths import resource
from bonecoach.program.coverage import program_coverage
from bonecoach.program.library import Library, load_library
from bonecoach.program.screening import Verdict, screen
from bonecoach.program.templates import (
    ChangeKind,
    TemplateError,
    check_templates,
    instantiate,
    load_templates,
)
from tests.program.program_fixtures import (
    density_only,
    exercise,
    library,
    normal_density,
    recent_vertebral_fracture,
)

REQUIRED_NAMES = {
    "Bone-building foundations (density only)",
    "After a vertebral fracture",
    "Falls first: strength and balance",
    "Posture and back extensors daily",
    "Supervised high-intensity (clinic only)",
}


@pytest.fixture(scope="module")
def shipped_library() -> Library:
    return load_library(resource("library"))


def test_shipped_templates_load_and_name_only_library_exercises(shipped_library: Library) -> None:
    templates, problems = check_templates(resource("templates"), shipped_library)
    assert [str(p) for p in problems] == []
    assert {t.name for t in templates} >= REQUIRED_NAMES
    for template in templates:
        ids = template.exercise_ids()
        assert ids, template.id
        assert [i for i in ids if i not in shipped_library] == []


def test_only_the_supervised_template_is_clinic_only(shipped_library: Library) -> None:
    templates = load_templates(resource("templates"), shipped_library)
    assert {t.id for t in templates if t.clinic_only} == {"supervised_high_intensity"}


def test_recent_vertebral_fracture_swaps_and_drops_and_reports_why(
    shipped_library: Library,
) -> None:
    (template,) = [
        t for t in load_templates(resource("templates")) if t.id == "after_vertebral_fracture"
    ]
    profile = recent_vertebral_fracture()
    program, changes = instantiate(template, profile, shipped_library)

    # nothing excluded for this client on the day its phase starts survives without an override
    assert program.start_date is not None
    for p, _, item in program.items():
        on = program.start_date + dt.timedelta(weeks=program.phases[p].start_week - 1)
        result = screen(profile, shipped_library[item.exercise_id], on=on)
        assert result.verdict is not Verdict.EXCLUDED
        assert item.override is None
    kinds = {c.kind for c in changes}
    assert {ChangeKind.DROPPED, ChangeKind.REVIEW} <= kinds
    for change in changes:
        if change.kind in (ChangeKind.SWAPPED, ChangeKind.DROPPED):
            assert change.reasons, change
            assert all(r.source for r in change.reasons)
            kept = {i.exercise_id for i in program.phases[change.phase_index].items}
            assert change.exercise_id not in kept or change.replacement_id is not None
    for change in (c for c in changes if c.kind is ChangeKind.SWAPPED):
        assert change.replacement_id is not None
        ladder = [e.id for e in shipped_library.ladder(change.exercise_id)]
        assert ladder.index(change.replacement_id) < ladder.index(change.exercise_id)
    # the back-extensor isometrics of the first phase are kept
    first = {i.exercise_id for i in program.phases[0].items}
    assert {"supine_towel_press", "seated_back_extensor_hold"} <= first
    assert program.template_id == "after_vertebral_fracture"


def test_a_normal_density_client_keeps_the_foundations_template(shipped_library: Library) -> None:
    (template,) = [
        t for t in load_templates(resource("templates")) if t.id == "bone_building_foundations"
    ]
    program, changes = instantiate(template, normal_density(), shipped_library)
    assert [c for c in changes if c.kind in (ChangeKind.SWAPPED, ChangeKind.DROPPED)] == []
    assert [len(p.items) for p in program.phases] == [len(p.items) for p in template.phases]
    first = template.phases[0].items[0]
    assert program.phases[0].items[0].dosage == first.dosage


def tiny_library() -> Library:
    return library(
        exercise("easy_squat", harder="hard_squat", equipment=["chair"]),
        exercise(
            "hard_squat",
            level=2,
            easier="easy_squat",
            spinal_flexion="loaded",
            equipment=["chair"],
        ),
        exercise("crunch", spinal_flexion="loaded", position="lying"),
        exercise("bridge", position="lying", equipment=[]),
    )


def write(directory: Path, name: str, body: str) -> None:
    (directory / name).write_text(body, encoding="utf-8")


TEMPLATE = """
id = "tiny"
name = "Tiny"
summary = "A tiny template for tests."
intended_for = "Tests."
sources = ["TFTF15"]

[[phases]]
name = "Weeks 1-4"
start_week = 1
end_week = 4

[[phases.items]]
exercise_id = "hard_squat"
dosage = { sets = 3, reps = 8, effort = 7, rest_seconds = 90, days_per_week = 2 }
notes = "Slow."

[[phases.items]]
exercise_id = "crunch"

[[phases.items]]
exercise_id = "ghost"
"""


def test_swap_walks_down_the_ladder_and_drop_when_nothing_is_safer(tmp_path: Path) -> None:
    write(tmp_path, "tiny.toml", TEMPLATE)
    (template,) = load_templates(tmp_path)
    lib = tiny_library()
    program, changes = instantiate(template, density_only(), lib)
    assert [i.exercise_id for i in program.phases[0].items] == ["easy_squat"]
    swapped, dropped_crunch, dropped_ghost = changes
    assert (swapped.kind, swapped.exercise_id, swapped.replacement_id) == (
        ChangeKind.SWAPPED,
        "hard_squat",
        "easy_squat",
    )
    # the safer rung gets its own library dose, not the template's dose for the harder one
    assert program.phases[0].items[0].dosage.sets == lib["easy_squat"].default_dosage.sets
    assert program.phases[0].items[0].notes == ""
    assert (dropped_crunch.kind, dropped_crunch.replacement_id) == (ChangeKind.DROPPED, None)
    assert [r.rule for r in dropped_crunch.reasons] == ["loaded_flexion"]
    assert (dropped_ghost.kind, dropped_ghost.detail) == (ChangeKind.DROPPED, "not in the library")


def test_missing_equipment_is_kept_but_reported(tmp_path: Path) -> None:
    write(tmp_path, "tiny.toml", TEMPLATE)
    (template,) = load_templates(tmp_path)
    profile = normal_density(equipment=[])
    program, changes = instantiate(template, profile, tiny_library())
    assert "hard_squat" in {i.exercise_id for i in program.phases[0].items}
    unavailable = [c for c in changes if c.kind is ChangeKind.UNAVAILABLE]
    assert {c.exercise_id for c in unavailable} == {"hard_squat", "crunch"}  # both need a chair
    assert all(c.reasons for c in unavailable)
    _, off = instantiate(template, profile, tiny_library(), check_equipment=False)
    assert not [c for c in off if c.kind is ChangeKind.UNAVAILABLE]


def test_loading_problems_name_file_and_field(tmp_path: Path) -> None:
    write(tmp_path, "a.toml", TEMPLATE.replace("sets = 3", "sets = 0"))
    write(tmp_path, "b.toml", TEMPLATE.replace('id = "tiny"', 'id = "other"\ncolour = "red"'))
    write(tmp_path, "c.toml", "this is = not toml [")
    templates, problems = check_templates(tmp_path, tiny_library())
    assert templates == []
    found = {(p.file, p.field) for p in problems}
    assert ("a.toml", "phases.0.items.0.dosage.sets") in found
    assert ("b.toml", "colour") in found
    assert any(p.file == "c.toml" and "cannot be read" in p.problem for p in problems)


def test_unknown_ids_are_problems_when_a_library_is_given(tmp_path: Path) -> None:
    write(tmp_path, "tiny.toml", TEMPLATE)
    assert check_templates(tmp_path)[1] == []
    with pytest.raises(TemplateError) as caught:
        load_templates(tmp_path, tiny_library())
    (problem,) = caught.value.problems
    assert (problem.file, problem.field) == ("tiny.toml", "phases.0.items.2.exercise_id")
    assert "unknown exercise id 'ghost'" in str(problem)


def test_overlapping_phases_and_duplicate_items_are_refused(tmp_path: Path) -> None:
    twice = TEMPLATE + '\n[[phases.items]]\nexercise_id = "crunch"\n'
    write(tmp_path, "twice.toml", twice)
    overlap = TEMPLATE + '\n[[phases]]\nname = "B"\nstart_week = 3\nend_week = 6\n'
    overlap += '[[phases.items]]\nexercise_id = "crunch"\n'
    write(tmp_path, "overlap.toml", overlap.replace('"tiny"', '"tiny2"'))
    problems = {(p.file, p.field): p.problem for p in check_templates(tmp_path)[1]}
    assert "crunch" in problems[("twice.toml", "phases.0.items")]
    assert "overlaps" in problems[("overlap.toml", "phases")]


def test_foundations_meets_every_guideline_line_for_a_density_only_client(
    shipped_library: Library,
) -> None:
    (template,) = [
        t for t in load_templates(resource("templates")) if t.id == "bone_building_foundations"
    ]
    profile = density_only()
    program, _ = instantiate(template, profile, shipped_library)
    results = {e.id: screen(profile, e) for e in shipped_library.values()}
    checklists = program_coverage(program, shipped_library, screening=results)
    for checklist in checklists[:-1]:  # impact builds towards about 50 a day by the last phase
        unmet = [line.id for line in checklist.lines if not line.met]
        assert unmet in ([], ["impact_dose"]), checklist.phase_name
    assert [line.id for line in checklists[-1].lines if not line.met] == []
    assert checklists[-1].line("impact_dose").actual >= 50
