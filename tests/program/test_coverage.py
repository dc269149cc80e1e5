"""Guideline coverage (clinical-guidance.md §4): each line met or not, with the numbers."""

from __future__ import annotations

from typing import Any

from bonecoach.program.coverage import phase_coverage, program_coverage
from bonecoach.program.dosage import Dosage
from bonecoach.program.programs import Phase, ProgramItem, blank_program, insert_item
from bonecoach.program.screening import screen
from bonecoach.program.vocabulary import SourceKey
from tests.program.program_fixtures import (
    density_only,
    exercise,
    library,
    normal_density,
    recent_vertebral_fracture,
)

LIB = library(
    exercise("squat", regions=["legs", "hip"]),
    exercise("band_row", regions=["back", "arms"]),
    exercise("wall_push", regions=["chest", "arms"]),
    exercise("band_press", regions=["shoulders"]),
    exercise("prone_lift", category="posture", regions=["back", "spine"], position="lying"),
    exercise("tandem", category="balance", regions=["legs"]),
    exercise("walk", category="aerobic", impact="low"),
    exercise("jumps", category="impact", impact="high", regions=["legs", "hip"]),
)


def dose(**kw: Any) -> Dosage:
    base: dict[str, Any] = {"sets": 2, "effort": 6, "rest_seconds": 60, "days_per_week": 3}
    if not {"reps", "hold_seconds", "minutes"} & set(kw):
        base["reps"] = 10
    return Dosage.model_validate({**base, **kw})


def phase(*items: tuple[str, Dosage]) -> Phase:
    return Phase(
        name="Weeks 1-4",
        start_week=1,
        end_week=4,
        items=tuple(ProgramItem(exercise_id=i, dosage=d) for i, d in items),
    )


FULL = phase(
    ("squat", dose()),
    ("band_row", dose()),
    ("wall_push", dose(sets=3, reps=8)),
    ("band_press", dose(reps=12)),
    # 10 holds of 5 s with 30 s rests: 50 + 9 x 30 = 320 s, over the 5 minutes a day
    ("prone_lift", dose(sets=10, reps=None, hold_seconds=5, rest_seconds=30, days_per_week=7)),
    ("tandem", dose(sets=1, reps=None, minutes=18, days_per_week=7)),
    ("walk", dose(sets=1, reps=None, minutes=30, days_per_week=5)),
)


def test_a_complete_phase_meets_every_line_with_its_numbers() -> None:
    cov = phase_coverage(FULL, LIB, screening={})
    assert cov.all_met, [line for line in cov.lines if not line.met]
    days = cov.line("resistance_days")
    assert (days.actual, days.target, days.unit) == (3, 2, "days/week")
    assert cov.line("balance_minutes").actual == 126.0  # 18 min x 7 days
    assert cov.line("aerobic_minutes").actual == 150.0
    assert cov.line("back_extensors_daily").actual == 7
    assert cov.line("muscle_group_arms").actual == 2
    assert cov.line("muscle_group_back").actual == 2  # band row and the back-extensor lift
    assert cov.line("resistance_sets_reps").actual == 4
    for line in cov.lines:
        assert line.source and all(isinstance(s, SourceKey) for s in line.source)


def test_missing_pieces_are_not_met_with_actual_and_target() -> None:
    thin = phase(
        ("squat", dose(days_per_week=1, sets=4, reps=15)),
        ("tandem", dose(sets=1, reps=None, minutes=10, days_per_week=3)),
        ("walk", dose(sets=1, reps=None, minutes=8, days_per_week=7)),
    )
    cov = phase_coverage(thin, LIB)
    met = {line.id: line.met for line in cov.lines}
    assert met["resistance_days"] is False
    assert cov.line("resistance_days").actual == 1
    assert met["muscle_group_legs"] is True
    for group in ("arms", "chest", "shoulders", "back"):
        assert met[f"muscle_group_{group}"] is False
        assert cov.line(f"muscle_group_{group}").actual == 0
    sets_reps = cov.line("resistance_sets_reps")
    assert (sets_reps.met, sets_reps.actual, sets_reps.target) == (False, 0, 1)
    assert "squat (4 x 15)" in sets_reps.detail
    assert (cov.line("balance_minutes").actual, met["balance_minutes"]) == (30.0, False)
    assert (cov.line("balance_daily").actual, met["balance_daily"]) == (3, False)
    assert met["back_extensors_daily"] is False
    # 8-minute walks are shorter than a 10-minute bout and do not count
    assert (cov.line("aerobic_days").actual, met["aerobic_days"]) == (0, False)
    assert not cov.all_met


def test_impact_line_needs_the_clients_screening() -> None:
    with_jumps = phase(("jumps", dose(sets=1, reps=20, days_per_week=5)))
    unknown = phase_coverage(with_jumps, LIB).line("impact_allowed")
    assert unknown.met is None
    assert "jumps" in unknown.detail

    allowed = {"jumps": screen(normal_density(), LIB["jumps"])}
    assert phase_coverage(with_jumps, LIB, screening=allowed).line("impact_allowed").met is True

    for profile in (density_only(falls_past_year=1), recent_vertebral_fracture()):
        results = {"jumps": screen(profile, LIB["jumps"])}
        line = phase_coverage(with_jumps, LIB, screening=results).line("impact_allowed")
        assert (line.met, line.actual, line.target) == (False, 1, 0)
        assert "jumps" in line.detail


def test_program_coverage_gives_one_checklist_per_phase() -> None:
    program = blank_program("P", (4, 4))
    for p, i in enumerate(FULL.items[:1]):
        program = insert_item(program, p, i)
    checklists = program_coverage(program, LIB)
    assert [c.phase_index for c in checklists] == [0, 1]
    assert checklists[0].line("muscle_group_legs").met is True
    assert checklists[1].line("muscle_group_legs").met is False
