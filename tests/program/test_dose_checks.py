"""Unusual doses, by kind of exercise (#19, point 2): none in the shipped templates and
library defaults, the slips a therapist can make in each kind."""

from __future__ import annotations

from bonecoach.paths import resource
from bonecoach.program.dosage import Dosage
from bonecoach.program.dose_checks import unusual_dose
from bonecoach.program.library import load_library
from bonecoach.program.templates import load_templates

LIBRARY = load_library(resource("library"))


def test_the_shipped_defaults_and_templates_are_not_unusual() -> None:
    for e in LIBRARY.values():
        assert unusual_dose(e, Dosage.from_default(e.default_dosage)) == [], e.id
    templates = load_templates(resource("templates"), LIBRARY)
    for t in templates.values() if isinstance(templates, dict) else templates:
        for phase in t.phases:
            for item in phase.items:
                e = LIBRARY[item.exercise_id]
                dose = item.dosage or Dosage.from_default(e.default_dosage)
                assert unusual_dose(e, dose) == [], (t.id, e.id)


def test_the_slips_of_each_kind_are_named() -> None:
    squat = LIBRARY["sit_to_stand"]
    nine_by_fifty = Dosage(sets=9, reps=50, rest_seconds=60, days_per_week=3, effort=6)
    said = unusual_dose(squat, nine_by_fifty)
    assert any("9 sets" in s for s in said) and any("50 repetitions" in s for s in said)
    jumps = LIBRARY["low_jumps"]
    hundred = Dosage(sets=5, reps=20, rest_seconds=60, days_per_week=4, effort=6)
    assert any("100 impacts" in s for s in unusual_dose(jumps, hundred))
    walk = LIBRARY["brisk_walking"]
    three_hours = Dosage(sets=3, minutes=60, rest_seconds=0, days_per_week=5, effort=5)
    assert any("180 minutes" in s for s in unusual_dose(walk, three_hours))
    all_out = Dosage(sets=2, reps=10, rest_seconds=60, days_per_week=3, effort=10)
    assert any("all-out" in s for s in unusual_dose(squat, all_out))
    heavy = LIBRARY["deadlift_heavy"]  # LIFTMOR 5 x 5, supervised: usual
    five_by_five = Dosage(sets=5, reps=5, rest_seconds=180, days_per_week=2, effort=8)
    assert unusual_dose(heavy, five_by_five) == []
