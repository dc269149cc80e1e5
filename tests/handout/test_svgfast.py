"""The fast converter draws the art's plain SVG exactly as svglib does, and declines the rest."""

from __future__ import annotations

import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from reportlab.graphics import renderPDF
from reportlab.pdfgen.canvas import Canvas
from svglib.svglib import svg2rlg

from bonecoach.handout.svgfast import plain_svg_picture

PLAIN = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="200" height="100" '
    'viewBox="0 0 100 50"><title>Test: start and end</title>'
    '<path d="M5,45 L45,45 L25,5 Z" fill="#f7f7f5" stroke="#4a5259" stroke-width="1.3" '
    'stroke-linejoin="round" stroke-linecap="round"/>'
    '<path d="M55.5,5 L95,5 L95,45 L55.5,45 Z" fill="black"/>'
    '<line x1="50" y1="0" x2="50" y2="50" stroke="#000" stroke-width="2"/>'
    '<circle cx="75" cy="25" r="10" fill="white" stroke="black"/>'
    '<path d="M10,20 A6,6 0 0 0 22,20 L30,8 A4,4 0 1 0 24,4 Z" fill="#a9b6c2" '
    'stroke="#1d2329" stroke-width="1.5"/>'
    '<path d="M60,48 A20,10 30 1 1 90,30" fill="none" stroke="black" stroke-width="1" '
    'stroke-dasharray="3,2"/>'
    "</svg>"
)


def test_plain_svg_becomes_pdf_operators() -> None:
    picture = plain_svg_picture(PLAIN)
    assert picture is not None
    assert (picture.width, picture.height) == (100, 50)
    ops = picture.operators.splitlines()
    assert len(ops) == 6  # one line of operators per shape
    assert ops[0].endswith("5 45 m 45 45 l 25 5 l h B")  # filled and stroked
    assert "1.3 w 1 j 1 J" in ops[0]
    assert ops[1].endswith("h f")  # filled only
    assert ops[2].endswith("50 0 m 50 50 l S")  # a line is only stroked
    assert " c " in ops[3]  # the circle as Bezier curves
    assert ops[4].count(" c") >= 2 and ops[4].endswith("h B")  # arcs as Bezier curves
    assert "[3 2] 0 d" in ops[5] and ops[5].endswith(" S")  # dashed, stroked only


@pytest.mark.parametrize(
    "svg",
    [
        PLAIN.replace("L45,45", "C45,45 40,40 30,30"),  # a curve
        PLAIN.replace("A6,6 0 0 0 22,20", "a6,6 0 0 0 12,0"),  # a relative arc
        PLAIN.replace("A6,6 0 0 0 22,20", "A6,6 0 0 22,20"),  # an arc short of numbers
        PLAIN.replace("M5,45", "m5,45"),  # relative move
        PLAIN.replace('fill="black"', 'style="fill:black"'),  # CSS style
        PLAIN.replace("<title>", '<g transform="scale(2)"/><title>'),  # groups, transforms
        PLAIN.replace("</svg>", '<text x="1" y="1">Start</text></svg>'),  # text
        PLAIN.replace('fill="black"', 'fill="url(#grad)"'),  # gradients
        PLAIN.replace('viewBox="0 0 100 50"', ""),  # no viewBox
        "not svg at all",
    ],
)
def test_anything_else_is_left_to_svglib(svg: str) -> None:
    assert plain_svg_picture(svg) is None


def _raster(draw, tmp_path: Path, name: str) -> Image.Image:  # type: ignore[no-untyped-def]
    pdf = tmp_path / f"{name}.pdf"
    canvas = Canvas(str(pdf), pagesize=(200, 100))
    draw(canvas)
    canvas.showPage()
    canvas.save()
    subprocess.run(
        ["pdftoppm", "-png", "-r", "144", "-singlefile", str(pdf), str(tmp_path / name)],
        check=True,
    )
    return Image.open(tmp_path / f"{name}.png").convert("L")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
def test_draws_the_same_pixels_as_svglib(tmp_path: Path) -> None:
    picture = plain_svg_picture(PLAIN)
    drawing = svg2rlg(BytesIO(PLAIN.encode()))
    assert picture is not None and drawing is not None

    def fast(canvas: Canvas) -> None:
        canvas.scale(200 / picture.width, 200 / picture.width)
        picture.draw_on(canvas)

    def slow(canvas: Canvas) -> None:
        canvas.scale(200 / drawing.width, 200 / drawing.width)
        renderPDF.draw(drawing, canvas, 0, 0)

    a, b = _raster(fast, tmp_path, "fast"), _raster(slow, tmp_path, "slow")
    assert a.size == b.size
    diff = ImageChops.difference(a, b)
    changed = diff.point(lambda v: 255 if v > 64 else 0).histogram()[255]
    assert changed <= a.size[0] * a.size[1] * 0.002, f"{changed} pixels differ"
    assert a.getextrema() == (0, 255)  # something was drawn


def test_the_art_illustrations_take_the_fast_path() -> None:
    from bonecoach.art import exercise_svg, load_illustrations

    illustrations = load_illustrations()
    some = sorted(illustrations)[::12]  # a spread across the library
    assert some, "the art package has no illustrations"
    for exercise_id in some:
        assert plain_svg_picture(exercise_svg(exercise_id, illustrations)) is not None, exercise_id
