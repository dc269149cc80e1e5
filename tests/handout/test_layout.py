"""Standard-print layout: whole items beside the picture, two exercises a page, clear edges."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Spacer

from bonecoach.handout.beside import Labelled, PictureBeside
from bonecoach.handout.model import HandoutOptions
from bonecoach.handout.styles import STANDARD, Styles
from bonecoach.program.library import Library
from bonecoach.program.programs import Program

from .conftest import RenderPdf, collapse, make_document


def _placed(body: PictureBeside, width: float) -> list[tuple[object, float, float, float]]:
    body.canv = Canvas("unused.pdf")
    body.wrap(width, 1000)
    return body._placed


def test_items_go_wholly_beside_or_under_the_picture() -> None:
    styles = Styles(STANDARD)
    steps = [
        Paragraph(f"Step {i}: " + "bend at the hips with a long back " * 3, styles.step)
        for i in range(6)
    ]
    picture = Spacer(80 * mm, 40 * mm)
    overhang = 8
    body = PictureBeside(picture, steps, gutter=6 * mm, gap_under=4, overhang=overhang)
    placed = _placed(body, 180 * mm)
    assert [p[0] for p in placed] == steps  # every step once, in order
    beside = [p for p in placed if p[1] > 0]
    under = [p for p in placed if p[1] == 0]
    assert beside and under
    assert placed[: len(beside)] == beside  # beside first, then under
    for item, _x, top, width in beside:
        _w, h = item.wrap(width, 1000)
        assert top + h <= 40 * mm + overhang  # ends by the picture's foot, give or take
        assert width == pytest.approx(180 * mm - 86 * mm)
    for _item, _x, top, width in under:
        assert top >= 40 * mm  # nothing under the picture starts beside it
        assert width == 180 * mm
    assert body.height > 40 * mm


def test_good_form_label_sits_beside_its_tips() -> None:
    styles = Styles(STANDARD)
    tips = [Paragraph(t, styles.step, bulletText="•") for t in ("Sit tall.", "Breathe out.")]
    label = Paragraph("Good form", styles.label)
    item = Labelled(label, tips, 30 * mm)
    _w, h = item.wrap(150 * mm, 1000)
    # two tip lines, no extra line for the label
    assert h == pytest.approx(2 * styles.step.leading + 2 * styles.step.spaceAfter, abs=1)


def test_standard_print_puts_two_exercises_on_most_pages(
    render_pdf: RenderPdf, library: Library, program: Program
) -> None:
    doc = make_document(library, program)
    for paper in ("letter", "a4"):
        pages = render_pdf(HandoutOptions(paper=paper)).page_texts()
        end = next(i for i, page in enumerate(pages) if "Moving safely every day" in page)
        per_page = [
            sum(1 for b in doc.blocks if f"{b.number}. {collapse(b.name)}" in page)
            for page in pages[:end]
        ]
        with_exercises = [n for n in per_page if n]
        assert sum(with_exercises) == len(doc.blocks)
        assert len(with_exercises) <= math.ceil(len(doc.blocks) / 2) + 1, (paper, per_page)


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("large", [False, True])
def test_text_keeps_10_mm_clear_of_the_paper_edge(
    render_pdf: RenderPdf, paper: str, large: bool
) -> None:
    """Home printers clip the edges: header and footer sit in the margins, not on the edge."""
    pdf = render_pdf(HandoutOptions(paper=paper, large_print=large))
    for page in pdf.reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        spots: list[tuple[float, float, float]] = []

        def visit(
            text: str, cm: list, tm: list, font: object, size: float, spots: list = spots
        ) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                spots.append((x, y, size * abs(tm[0]) * abs(cm[0])))

        page.extract_text(visitor_text=visit)
        assert spots
        for x, y, size in spots:
            assert x >= 10 * mm and 0 <= x <= width - 10 * mm
            assert y - 0.25 * size >= 10 * mm  # descenders too
            assert y + 0.8 * size <= height - 10 * mm


def test_an_exercise_longer_than_a_page_still_prints(
    library: Library, program: Program, tmp_path: Path
) -> None:
    """A custom exercise with very many steps flows on over the next page, no error."""
    from dataclasses import replace

    from bonecoach.handout.render import render_handout

    from .conftest import simple_svg

    doc = make_document(library, program)
    phase = doc.phases[0]
    group = phase.groups[0]
    long_block = replace(group.blocks[0], steps=tuple(f"Step number {i} " * 6 for i in range(60)))
    groups = (replace(group, blocks=(long_block, *group.blocks[1:])), *phase.groups[1:])
    doc = replace(doc, phases=(replace(phase, groups=groups),))
    out = tmp_path / "long.pdf"
    render_handout(doc, out, pictures=simple_svg)
    text = collapse(" ".join(p.extract_text() for p in PdfReader(out).pages))
    assert "Step number 59" in text and collapse(group.blocks[1].name) in text


def test_without_pictures_the_safe_moves_share_one_page(render_pdf: RenderPdf) -> None:
    pages = render_pdf(pictures=None).page_texts()
    start = next(i for i, page in enumerate(pages) if "Moving safely every day" in page)
    assert "Carrying" in pages[start]  # the last of the four moves, on the same page


def test_stop_label_stays_one_word_in_dejavu(
    library: Library, program: Program, tmp_path: Path
) -> None:
    from dataclasses import replace

    from bonecoach.handout.render import render_handout

    from .conftest import simple_svg

    doc = replace(make_document(library, program), client_name="Σοφία Ивановa")
    out = tmp_path / "dejavu.pdf"
    render_handout(doc, out, pictures=simple_svg)
    first = PdfReader(out).pages[0].extract_text()
    assert "STOP" in first.split()
