"""The pictures as printed, measured in the PDF: each illustration is a form named after its
exercise, drawn once per use, so its size on the page can be read back."""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader

from bonecoach.app.demo_handout import demo_handout
from bonecoach.handout.frame import page_size
from bonecoach.handout.model import HandoutOptions
from bonecoach.handout.render import render_handout_bytes
from bonecoach.handout.styles import scale_for

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


def _frame_width(paper: str, large: bool) -> float:
    return page_size(paper)[0] - 2 * scale_for(large).margin


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("client", ["Chen", "Helen", "Robert"])
def test_pictures_are_big_enough_to_carry_the_instruction(
    client: str, paper: str, large: bool
) -> None:
    """#16 point 11: standard print's pictures were about 27 mm a frame and the "Moving
    safely every day" figures small. Every picture is drawn at least 44 mm tall (a standing
    person about 4 cm: the steps' picture 5 cm, or a little lower to leave the steps their
    room; large print 5 cm or more), unless it is a flat one (lying down, several steps in a
    row) drawn across the whole text width."""
    options = HandoutOptions(paper=paper, large_print=large)  # type: ignore[arg-type]
    doc = demo_handout(client=client, options=options)
    reader = PdfReader(BytesIO(render_handout_bytes(doc)))
    drawn = [box for page in reader.pages for box in pictures(page)]
    full = _frame_width(paper, large)
    least = 50 if large else 44
    sizes: list[tuple[str, float, float]] = []
    for exercise_id in [b.exercise_id for b in doc.blocks]:
        (box,) = [b for b in drawn if b.is_exercise(exercise_id)]
        sizes.append((exercise_id, box.width_mm, box.height_mm))
        assert box.height_mm >= least - 0.1 or box.width >= full - 0.5, (exercise_id, box)
    for move in doc.safe_moves:
        (box,) = [b for b in drawn if b.is_exercise(move.exercise_id)]
        sizes.append((move.exercise_id, box.width_mm, box.height_mm))
        assert box.height_mm >= 44 - 0.1 or box.width >= full - 0.5, (move.exercise_id, box)
    shown = ", ".join(f"{w:.0f}x{h:.0f}" for _id, w, h in sizes)
    print(f"pictures (mm) {client} {paper} {'large' if large else 'standard'}: {shown}")


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("client", ["Chen", "Dorothy", "Robert"])
def test_a_block_that_ends_its_page_shows_a_bigger_picture_on_the_same_pages(
    client: str, paper: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Most standard-print exercises end their page (the next one does not fit under them):
    their picture grows into the room left, up to 8 cm tall. Every exercise stays on the
    page it had, and the handout has as many pages."""
    from bonecoach.handout import blocks

    options = HandoutOptions(paper=paper)  # type: ignore[arg-type]
    doc = demo_handout(client=client, options=options)

    def layout() -> tuple[int, dict[str, int], dict[str, float]]:
        reader = PdfReader(BytesIO(render_handout_bytes(doc)))
        page_of: dict[str, int] = {}
        tall: dict[str, float] = {}
        for number, page in enumerate(reader.pages):
            for box in pictures(page):
                for block in doc.blocks:
                    if box.is_exercise(block.exercise_id):
                        page_of[block.exercise_id] = number
                        tall[block.exercise_id] = box.height_mm
        return len(reader.pages), page_of, tall

    pages, page_of, grown = layout()
    monkeypatch.setattr(blocks, "GROWN_HEIGHTS", ())
    plain_pages, plain_page_of, plain = layout()
    assert (pages, page_of) == (plain_pages, plain_page_of)
    assert all(grown[x] >= plain[x] - 0.1 for x in plain)
    assert all(h <= 80.1 for h in grown.values())
    bigger = [x for x in plain if grown[x] > plain[x] + 1]
    assert len(bigger) >= len(plain) // 3, (grown, plain)
    print(f"{client} {paper}: {len(bigger)} of {len(plain)} pictures grown")
