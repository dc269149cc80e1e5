"""Standard-print layout: whole items beside the picture, two exercises a page, clear edges."""

from __future__ import annotations

from itertools import pairwise
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


def _placed(body: PictureBeside, width: float) -> list[tuple[object, bool, float, float]]:
    body.canv = Canvas("unused.pdf")
    body.wrap(width, 1000)
    return body._placed


def test_items_go_wholly_beside_or_under_the_picture() -> None:
    """The picture on the right; each step wholly beside it (shorter lines) or wholly under
    it, all starting at the same left edge."""
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
    beside = [p for p in placed if p[1]]
    under = [p for p in placed if not p[1]]
    assert beside and under
    assert placed[: len(beside)] == beside  # beside first, then under
    for item, _beside, top, width in beside:
        _w, h = item.wrap(width, 1000)
        assert top + h <= 40 * mm + overhang  # ends by the picture's foot, give or take
        assert width == pytest.approx(180 * mm - 86 * mm)
    for _item, _beside, top, width in under:
        assert top >= 40 * mm  # nothing under the picture starts beside it
        assert width == 180 * mm
    assert body.height > 40 * mm

    at: list[float] = []
    for item, *_rest in placed:
        item.drawOn = lambda canvas, x, y, _sW=0, at=at: at.append(x)  # type: ignore[method-assign]
    picture_at: list[float] = []
    picture.drawOn = lambda canvas, x, y, _sW=0: picture_at.append(x)  # type: ignore[method-assign]
    body.draw()
    assert at == [0.0] * len(steps)  # one left edge, beside the picture and under it
    assert picture_at == [pytest.approx(100 * mm)]  # the picture at the right edge


def test_good_form_label_sits_beside_its_tips() -> None:
    styles = Styles(STANDARD)
    tips = [Paragraph(t, styles.step, bulletText="•") for t in ("Sit tall.", "Breathe out.")]
    label = Paragraph("Good form", styles.label)
    item = Labelled(label, tips, 30 * mm)
    _w, h = item.wrap(150 * mm, 1000)
    # two tip lines, no extra line for the label
    assert h == pytest.approx(2 * styles.step.leading + 2 * styles.step.spaceAfter, abs=1)


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("art", [False, True])
def test_an_exercise_starts_a_page_only_when_it_does_not_fit_under_the_one_before(
    render_pdf: RenderPdf, library: Library, program: Program, paper: str, art: bool
) -> None:
    """Clear print (#16, point 9: lines of 60-70 characters, 1.45 line spacing) makes an
    exercise longer than half a Letter page, so most no longer share one two by two. They
    still share wherever they fit: a page ends before an exercise only when the room left
    under the one before is less than that exercise needs (its headings to its Stop box),
    give or take what text lines do not show (the Stop box's padding and border, the space
    after a block and above a heading's letters: about 12 mm)."""
    from bonecoach.handout.frame import FrameText

    from .pdf_geometry import text_lines

    options = HandoutOptions(paper=paper)  # type: ignore[arg-type]
    from bonecoach.handout.pictures import PictureCache, art_source

    pdf = render_pdf(options, pictures=PictureCache(art_source())) if art else render_pdf(options)
    doc = make_document(library, program)
    names = [f"{b.number}. {collapse(b.name)}" for b in doc.blocks]
    frame = FrameText("", "", "", "", None, STANDARD)
    body = STANDARD.body
    pages = [
        [line for line in text_lines(page) if line.size >= body and line.y > frame.bottom_space]
        for page in pdf.reader.pages
    ]
    # the exercises' pages: before the closing pages (the log sheet names them again)
    pages = pages[: next(i for i, p in enumerate(pages) if p[0].text == "Moving safely every day")]
    on_page = [[n for n in names if any(line.text == n for line in lines)] for lines in pages]
    printed = [name for names_on in on_page for name in names_on]
    assert sorted(printed, key=names.index) == names  # each exercise on one page
    checked = 0
    for i, (this, following) in enumerate(pairwise(pages)):
        if not on_page[i] or not on_page[i + 1] or following[0].size == body:
            continue  # a page of exercises, then one that starts with an exercise's headings
        free = min(line.y - 0.25 * line.size for line in this) - frame.bottom_space
        stop = next(k for k, line in enumerate(following) if line.text.startswith("Stop"))
        end = stop
        while end + 1 < len(following) and following[end + 1].x0 == following[stop].x0:
            end += 1  # the Stop box's further lines
        top = following[0].y + 0.8 * following[0].size
        needed = top - (following[end].y - 0.25 * body)
        assert free < needed + 15 * mm, (i + 1, free / mm, needed / mm, on_page[i + 1])
        checked += 1
    assert checked >= 5


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
