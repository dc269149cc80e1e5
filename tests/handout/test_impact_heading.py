"""Impact work prints under a heading of its own, as the week table lists it on its own
days (#16, point 12: it printed under "Strong" while the table scheduled it separately)."""

from __future__ import annotations

from bonecoach.program.library import Library

from .conftest import make_document, make_program


def test_impact_has_its_own_heading_matching_the_week_table(library: Library) -> None:
    program = make_program(library, ("sit_to_stand", "heel_drops", "semi_tandem_stand"))
    [phase] = make_document(library, program).phases
    titles = {g.title: [b.exercise_id for b in g.blocks] for g in phase.groups}
    strong = next(t for t in titles if t.startswith("Strong"))
    impact = next(t for t in titles if t.startswith("Impact"))
    assert titles[strong] == ["sit_to_stand"] and titles[impact] == ["heel_drops"]
    assert [r.label for r in phase.week][:2] == ["Strength", "Impact (bone loading)"]
