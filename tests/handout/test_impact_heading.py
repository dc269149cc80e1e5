"""Impact work prints under a heading of its own, as the week table lists it on its own
days (#16, point 12: it printed under "Strong" while the table scheduled it separately)."""

from __future__ import annotations

import datetime as dt

from bonecoach.app.demo_handout import shipped_library
from bonecoach.handout.build import build_handout_document
from bonecoach.handout.model import Clinic, Therapist
from bonecoach.program.dosage import Dosage
from bonecoach.program.programs import Phase, Program, ProgramItem


def test_impact_has_its_own_heading_matching_the_week_table() -> None:
    library = shipped_library()
    items = tuple(
        ProgramItem(exercise_id=i, dosage=Dosage.from_default(library[i].default_dosage))
        for i in ("sit_to_stand", "heel_drops", "semi_tandem_stand")
    )
    program = Program(
        name="P", start_date=dt.date(2026, 12, 7),
        phases=(Phase(name="Weeks 1-4", start_week=1, end_week=4, items=items),),
    )  # fmt: skip
    doc = build_handout_document(
        "Ann Lee", program, library, therapist=Therapist("Pat Kim", "PT"),
        clinic=Clinic("Riverside", "555-0142"), today=dt.date(2026, 12, 7),
    )  # fmt: skip
    [phase] = doc.phases
    titles = {g.title: [b.exercise_id for b in g.blocks] for g in phase.groups}
    strong = next(t for t in titles if t.startswith("Strong"))
    impact = next(t for t in titles if t.startswith("Impact"))
    assert titles[strong] == ["sit_to_stand"] and titles[impact] == ["heel_drops"]
    assert [r.label for r in phase.week][:2] == ["Strength", "Impact (bone loading)"]
