"""Where things are on a handout's pages, read back from the PDF with pypdf: each picture's
box, and the lines of text with their position, size and length.

Plain helpers (no fixtures): the layout tests measure line length, line spacing, where lines
start and how big the pictures are drawn with them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pypdf import PageObject
from reportlab.pdfbase.pdfmetrics import stringWidth

from bonecoach.handout.fonts import ATKINSON, DEJAVU, register_fonts
from bonecoach.handout.pictures import FORM_PREFIX

PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class Box:
    """A picture as drawn: its XObject's name and its box on the page, in points."""

    name: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def width_mm(self) -> float:
        return self.width / PT_PER_MM

    @property
    def height_mm(self) -> float:
        return self.height / PT_PER_MM

    def is_exercise(self, exercise_id: str) -> bool:
        """An illustration's form is named after its exercise (`pictures.form_name`)."""
        plain = "".join(c if c.isalnum() or c == "_" else "_" for c in exercise_id)
        return self.name.startswith(f"/FormXob.{FORM_PREFIX}{plain}_")


def pictures(page: PageObject) -> list[Box]:
    """Every form (an illustration) and image (a photo) drawn on the page, in drawing order."""
    xobjects = page["/Resources"].get_object().get("/XObject", {})
    found: list[Box] = []

    def visit(op: bytes, args: list[Any], cm: list[float], tm: list[float]) -> None:
        if op != b"Do":
            return
        xobject = xobjects[args[0]].get_object()
        if xobject["/Subtype"] == "/Image":
            bbox = [0.0, 0.0, 1.0, 1.0]
        elif xobject["/Subtype"] == "/Form":
            bbox = [float(v) for v in xobject["/BBox"]]
        else:
            return
        corners = [(bbox[0], bbox[1]), (bbox[2], bbox[1]), (bbox[0], bbox[3]), (bbox[2], bbox[3])]
        xs = [x * cm[0] + y * cm[2] + cm[4] for x, y in corners]
        ys = [x * cm[1] + y * cm[3] + cm[5] for x, y in corners]
        found.append(Box(str(args[0]), min(xs), min(ys), max(xs), max(ys)))

    page.extract_text(visitor_operand_before=visit)
    return found


@dataclass
class Line:
    """Text set on one baseline in one go: a paragraph's line, a bullet, a table cell."""

    x0: float
    x1: float
    y: float
    size: float  # the type size most of its characters are set in
    text: str = ""
    sizes: dict[float, int] = field(default_factory=dict)

    @property
    def chars(self) -> int:
        """Its length in characters, as a reader counts them (spaces between words too)."""
        return len(" ".join(self.text.split()))


_FONTS = {
    "AtkinsonHyperlegible-Regular": ATKINSON.regular,
    "AtkinsonHyperlegible-Bold": ATKINSON.bold,
    "AtkinsonHyperlegible-Italic": ATKINSON.italic,
    "AtkinsonHyperlegible-BoldItalic": ATKINSON.bold_italic,
    "DejaVuSans": DEJAVU.regular,
    "DejaVuSans-Bold": DEJAVU.bold,
}


def _font(font: Any) -> str:
    base = str(font.get("/BaseFont", "")) if font is not None else ""
    base = base.lstrip("/").split("+")[-1].replace("-PlainZero", "")
    return _FONTS.get(base, ATKINSON.regular)


def text_lines(page: PageObject) -> list[Line]:
    """The page's text as lines, in the order it is drawn.

    Pieces on the same baseline that follow each other closely (a bold label, then plain
    words) join into one line; a wider gap (a bullet and its text, table cells) starts
    another. Widths come from the fonts' own metrics.
    """
    register_fonts(ATKINSON)
    register_fonts(DEJAVU)
    lines: list[Line] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        shown = text.rstrip("\n")
        if not shown.strip():
            return
        scale = abs(tm[0]) * abs(cm[0]) or 1.0
        at = round(size * scale, 1)
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        width = stringWidth(shown, _font(font), size) * scale
        last = lines[-1] if lines else None
        # a piece set straight after another in the same line (a change of font) reports the
        # line's start, not its own: it goes on from where the piece before ended
        follows = last is not None and abs(last.y - y) < 0.5
        if follows and last is not None and abs(x - last.x0) < 0.5:
            last.text += shown
            last.x1 += width
        elif follows and last is not None and -1 <= x - last.x1 <= 0.6 * at:
            last.text += shown
            last.x1 = x + width
        else:
            last = Line(x0=x, x1=x + width, y=y, size=at)
            last.text = shown
            lines.append(last)
        last.sizes[at] = last.sizes.get(at, 0) + len(shown.strip())
        last.size = max(last.sizes, key=lambda s: last.sizes[s])

    page.extract_text(visitor_text=visit)
    return lines
