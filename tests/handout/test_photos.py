"""A custom exercise's photo prints on the handout where an illustration would, at the same
size rules; a damaged photo leaves the exercise without a picture, never without a handout."""

from __future__ import annotations

import logging
from io import BytesIO
from typing import Any

import pytest
from PIL import Image, ImageDraw
from pypdf import PageObject, PdfReader
from reportlab.lib.units import mm

from bonecoach.handout import blocks
from bonecoach.handout.blocks import SIDE_HEIGHT
from bonecoach.handout.model import HandoutDocument, HandoutOptions
from bonecoach.handout.photos import MAX_SIDE, DamagedPhoto, photo_picture
from bonecoach.handout.pictures import PictureCache
from bonecoach.handout.render import render_handout_bytes
from bonecoach.handout.styles import STANDARD
from bonecoach.program.library import Library
from bonecoach.program.programs import Program

from .conftest import collapse, make_document, simple_svg

PHOTO_PNG = "sit_to_stand"  # a landscape PNG photo stands in for its illustration
PHOTO_JPEG = "calf_raise"  # a portrait JPEG


def photo(width: int, height: int, kind: str, *, alpha: bool = False, **save: Any) -> bytes:
    """A real picture: a pale background with a dark figure, as PNG or JPEG bytes."""
    image = Image.new("RGBA" if alpha else "RGB", (width, height), (200, 225, 250, 128))
    draw = ImageDraw.Draw(image)
    draw.ellipse((width * 0.4, height * 0.1, width * 0.6, height * 0.3), fill="black")
    draw.rectangle((width * 0.45, height * 0.3, width * 0.55, height * 0.9), fill="black")
    out = BytesIO()
    image.save(out, kind, **save)
    return out.getvalue()


def damaged_png() -> bytes:
    """A PNG whose header is fine (the store's check passes it) but whose pixels are cut off."""
    return photo(120, 90, "PNG")[:-60]


def _images(page: PageObject) -> list[tuple[float, float, float, float]]:
    """(x, y, width, height) in points of each image drawn on the page."""
    xobjects = page["/Resources"].get("/XObject", {})
    found: list[tuple[float, float, float, float]] = []

    def visit(op: bytes, args: list[Any], cm: list[float], tm: list[float]) -> None:
        if op == b"Do" and xobjects[args[0]].get_object()["/Subtype"] == "/Image":
            found.append((cm[4], cm[5], cm[0], cm[3]))

    page.extract_text(visitor_operand_before=visit)
    return found


def _lines(page: PageObject) -> list[tuple[str, float, float]]:
    """(text, x, y) of each piece of text on the page, y of its baseline."""
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((collapse(text), x, y))

    page.extract_text(visitor_text=visit)
    return found


def _render(
    library: Library, program: Program, photos: dict[str, bytes], large: bool = False
) -> tuple[HandoutDocument, PdfReader]:
    doc = make_document(library, program, HandoutOptions(large_print=large))
    data = render_handout_bytes(doc, pictures=simple_svg, photos=photos)
    return doc, PdfReader(BytesIO(data))


def _page_of(doc: HandoutDocument, reader: PdfReader, exercise_id: str) -> PageObject:
    block = next(b for b in doc.blocks if b.exercise_id == exercise_id)
    heading = f"{block.number}. {collapse(block.name)}"
    return next(p for p in reader.pages if heading in collapse(p.extract_text()))


def _text_at(page: PageObject, start: str) -> tuple[float, float]:
    return next((x, y) for text, x, y in _lines(page) if text.startswith(start))


PHOTOS = {
    PHOTO_PNG: photo(400, 300, "PNG", alpha=True),
    PHOTO_JPEG: photo(300, 450, "JPEG", quality=85),
}


def test_standard_print_puts_each_photo_on_the_right_of_its_steps_as_tall_as_an_illustration(
    library: Library, program: Program, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the pictures of blocks that end their page as drawn first (their growing into the
    # page's room, the same for photos: test_picture_sizes.py)
    monkeypatch.setattr(blocks, "GROWN_HEIGHTS", ())
    doc, reader = _render(library, program, PHOTOS)
    # the SVG illustrations are drawn as vectors: the only images are the two photos
    assert sum(len(_images(p)) for p in reader.pages) == 2
    for exercise_id, aspect in ((PHOTO_PNG, 4 / 3), (PHOTO_JPEG, 2 / 3)):
        page = _page_of(doc, reader, exercise_id)
        # both may share a page: this one's is the one of its shape
        [(x, y, width, height)] = [i for i in _images(page) if abs(i[2] / i[3] - aspect) < 0.01]
        assert height == pytest.approx(SIDE_HEIGHT, abs=0.5)
        block = next(b for b in doc.blocks if b.exercise_id == exercise_id)
        _name_x, name_y = _text_at(page, f"{block.number}. {collapse(block.name)}")
        step_x, step_y = _text_at(page, collapse(block.steps[0])[:20])
        assert name_y > y + height  # the name above the photo
        # the first step beside it, on its left, clear of it (#16 point 10: text wrapped
        # round a picture on the left started its lines in two places)
        assert step_x < x - 60 * mm  # room for the steps' words on the photo's left
        assert x + width == pytest.approx(float(page.mediabox.width) - STANDARD.margin)
        assert y < step_y < y + height


def test_large_print_puts_a_big_photo_above_the_text(library: Library, program: Program) -> None:
    doc, reader = _render(library, program, PHOTOS, large=True)
    for exercise_id in (PHOTO_PNG, PHOTO_JPEG):
        page = _page_of(doc, reader, exercise_id)
        [(x, y, width, height)] = _images(page)
        block = next(b for b in doc.blocks if b.exercise_id == exercise_id)
        _name_x, name_y = _text_at(page, f"{block.number}. {collapse(block.name)}")
        _band_x, band_y = _text_at(page, collapse(block.dosage)[:10])
        assert band_y < y < y + height < name_y  # under the name, over the dosage band
        assert height >= SIDE_HEIGHT  # bigger than in standard print
        assert x > 0 and x + width < float(page.mediabox.width)


def test_jpeg_goes_in_as_it_is_and_png_keeps_its_pixels(library: Library, program: Program) -> None:
    doc, reader = _render(library, program, PHOTOS)
    images: dict[int, Any] = {}  # by pixel width
    for exercise_id in (PHOTO_PNG, PHOTO_JPEG):
        page = _page_of(doc, reader, exercise_id)
        for x in page["/Resources"]["/XObject"].values():
            image = x.get_object()
            if image["/Subtype"] == "/Image":
                images[image["/Width"]] = image
    jpeg, png = images[300], images[400]
    assert "/DCTDecode" in _filters(jpeg) and jpeg["/Height"] == 450
    assert "/DCTDecode" not in _filters(png) and png["/Height"] == 300


def _filters(image: Any) -> list[str]:
    found = image["/Filter"]
    return [str(f) for f in found] if isinstance(found, list) else [str(found)]


@pytest.mark.parametrize("large", [False, True])
def test_a_damaged_photo_prints_the_exercise_without_a_picture(
    library: Library, program: Program, large: bool, caplog: pytest.LogCaptureFixture
) -> None:
    photos = {PHOTO_PNG: damaged_png(), PHOTO_JPEG: b"\xff\xd8\xff" + b"\x00" * 40}
    with caplog.at_level(logging.WARNING, logger="bonecoach.handout.pictures"):
        doc, reader = _render(library, program, photos, large=large)
    for exercise_id in (PHOTO_PNG, PHOTO_JPEG):
        page = _page_of(doc, reader, exercise_id)  # its name is printed
        assert _images(page) == []
        block = next(b for b in doc.blocks if b.exercise_id == exercise_id)
        assert collapse(block.steps[0]) in collapse(page.extract_text())
        assert f"no photo for exercise '{exercise_id}'" in caplog.text


def test_photos_are_read_only_for_exercises_that_have_one(
    monkeypatch: pytest.MonkeyPatch, library: Library, program: Program
) -> None:
    from bonecoach.handout import pictures

    decoded: list[int] = []
    real = pictures.photo_picture

    def counting(data: bytes) -> Any:
        decoded.append(len(data))
        return real(data)

    monkeypatch.setattr(pictures, "photo_picture", counting)
    cache = PictureCache(simple_svg, {PHOTO_PNG: PHOTOS[PHOTO_PNG], "not_in_program": b"x"})
    render_handout_bytes(make_document(library, program), pictures=cache)
    assert decoded == [len(PHOTOS[PHOTO_PNG])]  # once, though drawn on a page and measured


def test_a_phone_photo_is_turned_upright_and_cut_to_print_size() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was held upright: turn 90 degrees clockwise to show it
    turned = photo_picture(photo(3000, 2000, "JPEG", exif=exif.tobytes()))
    assert turned.height == MAX_SIDE  # was the width: now upright
    assert turned.width == pytest.approx(MAX_SIDE * 2 / 3, abs=1)
    big_png = photo_picture(photo(2400, 600, "PNG"))
    assert (big_png.width, big_png.height) == (MAX_SIDE, MAX_SIDE // 4)


@pytest.mark.parametrize(
    "data",
    [
        damaged_png(),
        photo(300, 200, "JPEG")[:-400],
        b"GIF89a" + b"\x00" * 40,
        b"",
        photo(30, 20, "BMP"),
    ],
    ids=["cut-off PNG", "cut-off JPEG", "GIF", "empty", "BMP"],
)
def test_what_is_not_a_whole_png_or_jpeg_is_refused(data: bytes) -> None:
    with pytest.raises(DamagedPhoto):
        photo_picture(data)
