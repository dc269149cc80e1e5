"""The pictures as printed, measured in the PDF: each illustration is a form named after its
exercise, drawn once per use, so its size on the page can be read back."""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader

from bonecoach.app.demo_handout import demo_handout
from bonecoach.handout.render import render_handout_bytes

from .pdf_geometry import pictures


def test_each_illustration_is_one_form_named_after_its_exercise() -> None:
    doc = demo_handout(client="Chen")
    reader = PdfReader(BytesIO(render_handout_bytes(doc)))
    drawn = [box for page in reader.pages for box in pictures(page)]
    ids = [b.exercise_id for b in doc.blocks] + [m.exercise_id for m in doc.safe_moves]
    assert len(drawn) == len(ids)
    for exercise_id in ids:
        assert sum(box.is_exercise(exercise_id) for box in drawn) == 1, exercise_id
    forms = {
        name
        for page in reader.pages
        for name, ref in page["/Resources"].get_object().get("/XObject", {}).items()
        if ref.get_object()["/Subtype"] == "/Form"
    }
    assert len(forms) == len(ids)
