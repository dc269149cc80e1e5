"""Exercise pictures for the PDF: SVG from `bonecoach.art`, or a custom exercise's photo,
converted once per build.

Converting SVG is the slow part of a handout, so each exercise's picture is converted once
per build and then drawn at whatever width a block needs. The art's own plain SVG goes
through the fast converter (`svgfast`); anything else (custom pictures) through svglib, with
any text inside switched to our embedded font, so no standard font reaches the PDF. A custom
exercise with a photo prints the photo (`photos`) in the same box an illustration would get;
photos are decoded only for the exercises that have one.

The art's illustrations go into the PDF once each, as a form (XObject) named after the
exercise, placed at the size each use needs: the PDF says where every picture is and how big
(what the layout tests measure), and a picture printed twice is stored once. (svglib's
drawings, which may hold text, are drawn in place: text inside a form is read back at the
form's own coordinates, not the page's.)
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Callable, Mapping
from io import BytesIO
from typing import Any, TypeAlias

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.platypus import Flowable

from bonecoach.handout.fonts import BOLD, REGULAR, register_fonts
from bonecoach.handout.photos import PhotoPicture, photo_picture
from bonecoach.handout.svgfast import PlainPicture, plain_svg_picture

log = logging.getLogger(__name__)

SvgSource = Callable[[str], str]
# reportlab's Drawing is untyped (Any to mypy): the alias is spelled out for it
Picture: TypeAlias = "Drawing | PlainPicture | PhotoPicture"


def art_source(illustrations: Any = None) -> SvgSource:
    """The real illustrations: `bonecoach.art.exercise_svg` (start and end side by side).

    The pose files are read once, on the first picture asked for, not once per exercise.
    """
    from bonecoach.art import exercise_svg, load_illustrations

    loaded: list[Any] = [illustrations]

    def source(exercise_id: str) -> str:
        if loaded[0] is None:
            loaded[0] = load_illustrations()
        return str(exercise_svg(exercise_id, loaded[0]))

    return source


def _use_our_font(node: Any) -> None:
    if isinstance(node, String):
        name = str(getattr(node, "fontName", "") or "")
        node.fontName = BOLD if "bold" in name.lower() else REGULAR
    elif isinstance(node, Group | Drawing):
        for child in node.contents:
            _use_our_font(child)


class PictureCache:
    """Converted pictures by exercise id, for one build (or one app session).

    ``photos`` are custom exercises' photo bytes (PNG or JPEG) by exercise id: such an
    exercise prints its photo instead of asking ``source`` for an illustration.
    """

    def __init__(self, source: SvgSource | None, photos: Mapping[str, bytes] | None = None) -> None:
        register_fonts()
        self._source = source
        self._photos: dict[str, bytes] = dict(photos or {})
        self._drawings: dict[str, Picture | None] = {}

    def drawing(self, exercise_id: str) -> Picture | None:
        if exercise_id not in self._drawings:
            self._drawings[exercise_id] = self._convert(exercise_id)
        return self._drawings[exercise_id]

    def _convert(self, exercise_id: str) -> Picture | None:
        if exercise_id in self._photos:
            return self._photo(exercise_id)
        if self._source is None:
            return None
        try:
            svg = self._source(exercise_id)
            plain = plain_svg_picture(svg)
            if plain is not None:
                return plain
            from svglib.svglib import svg2rlg

            drawing = svg2rlg(BytesIO(svg.encode("utf-8")))
        except Exception as exc:  # a missing picture must not stop the client's handout
            log.warning("no illustration for exercise %r: %s", exercise_id, exc)
            return None
        if drawing is None or drawing.width <= 0 or drawing.height <= 0:
            log.warning("empty illustration for exercise %r", exercise_id)
            return None
        _use_our_font(drawing)
        # renderPDF starts every drawing with its initial font: Helvetica unless told.
        drawing.initialFontName = REGULAR
        return drawing

    def _photo(self, exercise_id: str) -> PhotoPicture | None:
        try:
            return photo_picture(self._photos[exercise_id])
        except Exception as exc:  # a damaged photo must not stop the client's handout
            log.warning("no photo for exercise %r: %s", exercise_id, exc)
            return None

    def aspect(self, exercise_id: str) -> float | None:
        """Width over height of the exercise's picture; None when it has none."""
        drawing = self.drawing(exercise_id)
        return None if drawing is None else drawing.width / drawing.height

    def flowable(
        self, exercise_id: str, width: float, max_height: float | None = None
    ) -> ScaledDrawing | None:
        drawing = self.drawing(exercise_id)
        if drawing is None:
            return None
        return ScaledDrawing(drawing, width, max_height, name=form_name(exercise_id))


FORM_PREFIX = "Picture_"


def form_name(exercise_id: str) -> str:
    """The PDF form an exercise's illustration is stored in: "Picture_<id>_<checksum>" (the id
    in letters, digits and "_" only; the checksum keeps "a-b" and "a_b" apart)."""
    plain = re.sub(r"[^A-Za-z0-9_]", "_", exercise_id)
    return f"{FORM_PREFIX}{plain}_{zlib.crc32(exercise_id.encode()):08x}"


class ScaledDrawing(Flowable):
    """Draws a shared picture scaled to a width (and at most a height), keeping its shape.

    With a ``name``, an illustration of the art is drawn into a PDF form of that name the
    first time and the form is placed each time (a photo is an image already, placed the same
    way; an svglib drawing is drawn in place)."""

    def __init__(
        self,
        drawing: Picture,
        width: float,
        max_height: float | None = None,
        *,
        name: str | None = None,
    ) -> None:
        super().__init__()
        self.name = name
        factor = width / drawing.width
        if max_height is not None and drawing.height * factor > max_height:
            factor = max_height / drawing.height
        self.drawing = drawing
        self.factor = factor
        self.width = drawing.width * factor
        self.height = drawing.height * factor
        self.hAlign = "CENTER"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    # ImageAndFlowables (text flowing beside, then under, a picture) asks these of its image.
    def _restrictSize(self, aW: float, aH: float) -> tuple[float, float]:
        return self.width, self.height

    def _unRestrictSize(self) -> None:
        return None

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.scale(self.factor, self.factor)
        if self.name is None or not isinstance(self.drawing, PlainPicture):
            self._draw_picture()
        else:
            if not canvas.hasForm(self.name):
                canvas.beginForm(self.name, 0, 0, self.drawing.width, self.drawing.height)
                self._draw_picture()
                canvas.endForm()
            canvas.doForm(self.name)
        canvas.restoreState()

    def _draw_picture(self) -> None:
        """The picture at its own size, its lower left corner at the origin."""
        canvas = self.canv
        if isinstance(self.drawing, PlainPicture | PhotoPicture):
            self.drawing.draw_on(canvas)
        else:
            canvas.saveState()
            clip = canvas.beginPath()
            clip.rect(0, 0, self.drawing.width, self.drawing.height)
            canvas.clipPath(clip, stroke=0, fill=0)
            renderPDF.draw(self.drawing, canvas, 0, 0, showBoundary=False)
            canvas.restoreState()
