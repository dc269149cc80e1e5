"""Wording chosen from what the program holds (#16, point 14): a posture-only program was
told about "your strength and balance exercises"; the therapist's own handout said "do this
only if your therapist says so"."""

from __future__ import annotations

from bonecoach.handout.pages import your_exercises
from bonecoach.program.library import Library

from .conftest import make_document, make_program, pdf_text


def test_a_posture_program_is_not_told_about_strength_and_balance_work(
    library: Library,
) -> None:
    posture = ("chin_tuck", "thoracic_extension_towel", "standing_tall_drill")
    text = pdf_text(make_document(library, make_program(library, posture)))
    assert "your strength and balance exercises" not in text
    assert "does not replace the exercises in this program" in text
    assert "only if your therapist says so" not in text  # prescribed: the therapist said so


def test_the_words_follow_the_kinds_of_work() -> None:
    assert your_exercises({"resistance", "balance", "posture"}) == (
        "your strength and balance exercises"
    )
    assert your_exercises({"balance"}) == "your balance exercises"
    assert your_exercises({"posture"}) == "the exercises in this program"
