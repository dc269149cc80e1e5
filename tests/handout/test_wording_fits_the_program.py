"""Wording chosen from what the program holds (#16, point 14): a posture-only program was
told about "your strength and balance exercises"; the therapist's own handout said "do this
only if your therapist says so"."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

from pypdf import PdfReader

from bonecoach.app.demo_handout import shipped_library
from bonecoach.handout.build import build_handout_document
from bonecoach.handout.model import Clinic, Therapist
from bonecoach.handout.pages import your_exercises
from bonecoach.handout.render import render_handout_bytes
from bonecoach.program.dosage import Dosage
from bonecoach.program.programs import Phase, Program, ProgramItem


def _text(ids: tuple[str, ...]) -> str:
    library = shipped_library()
    items = tuple(
        ProgramItem(exercise_id=i, dosage=Dosage.from_default(library[i].default_dosage))
        for i in ids
    )
    program = Program(
        name="P", start_date=dt.date(2026, 12, 7),
        phases=(Phase(name="Weeks 1-4", start_week=1, end_week=4, items=items),),
    )  # fmt: skip
    doc = build_handout_document(
        "Ann Lee", program, library, therapist=Therapist("Pat Kim", "PT"),
        clinic=Clinic("Riverside", "555-0142"), today=dt.date(2026, 12, 7),
    )  # fmt: skip
    pdf = PdfReader(BytesIO(render_handout_bytes(doc)))
    return " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)


def test_a_posture_program_is_not_told_about_strength_and_balance_work() -> None:
    text = _text(("chin_tuck", "thoracic_extension_towel", "standing_tall_drill"))
    assert "your strength and balance exercises" not in text
    assert "does not replace the exercises in this program" in text
    assert "only if your therapist says so" not in text  # prescribed: the therapist said so


def test_the_words_follow_the_kinds_of_work() -> None:
    assert your_exercises({"resistance", "balance", "posture"}) == (
        "your strength and balance exercises"
    )
    assert your_exercises({"balance"}) == "your balance exercises"
    assert your_exercises({"posture"}) == "the exercises in this program"
