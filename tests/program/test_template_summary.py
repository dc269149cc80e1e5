"""A template's changes for a client, grouped into a few lines a therapist reads at a glance."""

from __future__ import annotations

from bonecoach.paths import resource
from bonecoach.program.library import load_library
from bonecoach.program.profile import ClientProfile
from bonecoach.program.template_summary import summarise_changes
from bonecoach.program.templates import instantiate, load_templates


def test_a_faller_without_a_wall_gets_one_line_per_kind_of_change() -> None:
    library = load_library(resource("library"))
    templates = {t.id: t for t in load_templates(resource("templates"), library)}
    profile = ClientProfile.model_validate(
        {"sex": "female", "age": 74, "t_score_lowest": -2.8, "vertebral_fractures": 1,
         "vertebral_fracture_date": "2026-02-02", "falls_past_year": 1, "tug_seconds": 13.5,
         "equipment": ["chair", "counter", "resistance_band"]}
    )  # fmt: skip
    _program, changes = instantiate(templates["bone_building_foundations"], profile, library)
    assert len(changes) > 20  # one per item per phase
    lines = summarise_changes(changes, library, profile.equipment)
    assert len(lines) == 5, lines
    assert lines[0].startswith("Check first: this template is meant for Case 1")
    assert "Swapped for a safer exercise: Stamp marching → Heel drops" in lines[2]
    assert lines[3].startswith("Supported variant prescribed (Fall-risk flag): Sit to stand")
    assert lines[4].startswith("Equipment the profile does not list: dumbbells (5 exercises)")
    assert lines[4].count("wall") == 1


def test_a_template_that_suits_the_client_says_nothing() -> None:
    library = load_library(resource("library"))
    templates = {t.id: t for t in load_templates(resource("templates"), library)}
    profile = ClientProfile.model_validate(
        {"sex": "female", "age": 62, "t_score_lowest": -1.8,
         "equipment": ["chair", "counter", "wall", "dumbbells", "step", "resistance_band"]}
    )  # fmt: skip
    _program, changes = instantiate(templates["bone_building_foundations"], profile, library)
    assert summarise_changes(changes, library, profile.equipment) == []


def test_an_exercise_no_longer_in_the_library_is_not_called_excluded() -> None:
    """A clinic template naming a custom exercise since archived: left out because the
    library lacks it, which is no safety verdict."""
    library = load_library(resource("library"))
    template = next(t for t in load_templates(resource("templates"), library))
    gone = dict(library)
    first = template.phases[0].items[0].exercise_id
    del gone[first]
    profile = ClientProfile.model_validate(
        {"sex": "female", "age": 62, "t_score_lowest": -1.8,
         "equipment": ["chair", "counter", "wall", "dumbbells", "step", "resistance_band"]}
    )  # fmt: skip
    _program, changes = instantiate(template, profile, gone)
    lines = summarise_changes(changes, gone, profile.equipment)
    [line] = [ln for ln in lines if first in ln]
    assert line.startswith("Left out, no longer in the library (archived or removed):"), line
    assert not any(ln.startswith("Left out (excluded") and first in ln for ln in lines)
