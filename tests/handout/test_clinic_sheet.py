"""The clinic sheet of a program with no supervised-only exercise says so, the right way round."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from bonecoach.handout.build import build_handout_document
from bonecoach.handout.render import render_handout
from bonecoach.program.library import Library

from .conftest import CLINIC, HOME_IDS, MARKUP_NAME, THERAPIST, collapse, make_program, simple_svg


def test_an_empty_clinic_sheet_points_to_the_home_program(library: Library, tmp_path: Path) -> None:
    program = make_program(library, HOME_IDS)  # nothing supervised-only
    doc = build_handout_document(
        MARKUP_NAME, program, library, therapist=THERAPIST, clinic=CLINIC, clinic_sheet=True
    )
    out = tmp_path / "clinic.pdf"
    render_handout(doc, out, pictures=simple_svg)
    text = collapse(" ".join(p.extract_text() for p in PdfReader(out).pages))
    assert "There are no clinic-only exercises in this part of your program" in text
    # not the home handout's wording, which would tell the client the opposite
    assert "There are no home exercises" not in text
    assert "will do your exercises with you in the clinic" not in text
