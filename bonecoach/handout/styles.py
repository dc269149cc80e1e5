"""Type sizes, spacing, line length and paragraph styles for standard and large print.

Every style names our embedded font explicitly: a style left at reportlab's default would
pull in Helvetica, which is not embedded. Sizes follow docs/handout-layout.md and RNIB clear
print: body 12 pt (large print 18 pt, the top of RNIB's 16-18), headings 14-20 pt (large
20-26 pt), line spacing 1.45, left-aligned, and lines of 60-70 characters: no paragraph is set
wider than its style's ``measure``, however wide the page or the space it lands in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, TableStyle
from reportlab.platypus import Paragraph as _Paragraph

from bonecoach.handout.fonts import ATKINSON, Family, register_fonts

# RNIB clear print: leading about 1.4-1.5 times the type size (1.3 made lines run together).
LINE_SPACING = 1.45
# The longest line a paragraph may set, in ems of its type size: Atkinson Hyperlegible averages
# 0.44 em a character, so 29 em is about 66 characters (the longest library line comes to 68);
# a wider font (DejaVu) gets fewer characters, never more. 12 pt: 12.3 cm of a 18 cm frame.
MEASURE_EM = 29
# Light enough to photocopy without turning into a grey smudge.
BAND_GREY = colors.Color(0.90, 0.90, 0.90)
LIGHT_GREY = colors.Color(0.95, 0.95, 0.95)
BLACK = colors.black
WHITE = colors.white


@dataclass(frozen=True)
class Scale:
    body: float
    small: float  # header, footer, table labels
    name: float  # an exercise's name
    section: float  # "Your exercises", "Moving safely every day"
    title: float  # the program name on page 1
    stop_label: float
    picture_width: float  # points; large print's picture over the text
    move_picture_height: float  # "Moving safely every day"
    tick_box: float  # log sheet box side, points
    margin: float
    large: bool = False  # large print


STANDARD = Scale(
    body=12,
    small=10.5,
    name=16,
    section=18,
    title=20,
    stop_label=22,
    picture_width=66 * mm,
    move_picture_height=50 * mm,
    tick_box=8.5 * mm,
    margin=16 * mm,
)
LARGE = Scale(
    body=18,
    small=13,
    name=24,
    section=24,
    title=26,
    stop_label=28,
    picture_width=120 * mm,
    move_picture_height=60 * mm,
    tick_box=11 * mm,
    margin=16 * mm,
    large=True,
)


class Paragraph(_Paragraph):
    """A reportlab Paragraph that never sets its lines wider than its style's ``measure``
    (points; left-aligned, so the space past it stays empty on the right).

    A frame 18 cm wide set 12 pt lines of 100 characters; the RNIB's clear print asks 60-70.
    The clamp works wherever the paragraph lands: across the page, beside a picture, in a box
    or a table cell.
    """

    def _measured(self, width: float) -> float:
        measure = getattr(self.style, "measure", None)
        return width if measure is None else min(width, float(measure))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return super().wrap(self._measured(availWidth), availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return super().split(self._measured(availWidth), availHeight)


def gap(height: float) -> Flowable:
    """Space between two things that goes at the top of a page (a Spacer's would stay: a
    page ending exactly on the STOP box started the next one with it, then broke, blank)."""
    space = Spacer(1, 0)
    space.spaceBefore = height
    return space


def measure_of(flowables: Sequence[Flowable]) -> float | None:
    """The widest ``measure`` among these flowables' styles (None: none has one): how wide
    a box or column round them need be."""
    found = [getattr(getattr(f, "style", None), "measure", None) for f in flowables]
    widths = [float(m) for m in found if m is not None]
    return max(widths) if widths else None


def literal(text: str, style: ParagraphStyle) -> Paragraph:
    """``text`` printed as written: escaped, so a name like ``<b>& Sons`` is never markup."""
    return Paragraph(escape(text), style)


def scale_for(large_print: bool) -> Scale:
    return LARGE if large_print else STANDARD


class Styles:
    """The named paragraph styles of one handout."""

    def __init__(self, scale: Scale, family: Family = ATKINSON) -> None:
        register_fonts(family)
        self.scale = scale
        self.family = family

        def style(name: str, size: float, *, bold: bool = False, **kw: object) -> ParagraphStyle:
            settings: dict[str, object] = {
                "fontName": family.bold if bold else family.regular,
                "fontSize": size,
                "leading": round(size * LINE_SPACING, 1),
                "measure": size * MEASURE_EM,
                "alignment": TA_LEFT,
                "textColor": BLACK,
                "bulletFontName": family.regular,
                "bulletFontSize": size,
                # never a paragraph's last line alone at the top of a page
                "allowWidows": 0,
            }
            settings.update(kw)
            return ParagraphStyle(name, **settings)

        s = scale
        # the longest line of body text, in points (see MEASURE_EM)
        self.measure = s.body * MEASURE_EM
        self.body = style("body", s.body, spaceAfter=s.body * 0.4)
        self.body_tight = style("body_tight", s.body)
        self.body_bold = style("body_bold", s.body, bold=True)
        self.small = style("small", s.small)
        self.small_bold = style("small_bold", s.small, bold=True)
        self.title = style("title", s.title, bold=True, spaceAfter=s.body * 0.5)
        self.section = style(
            "section", s.section, bold=True, spaceBefore=s.body * 0.3, spaceAfter=s.body * 0.5
        )
        self.group = style("group", s.name, bold=True, spaceBefore=s.body * 0.2, spaceAfter=4)
        self.name = style("name", s.name, bold=True, spaceAfter=s.body * 0.2)
        self.band = style("band", s.body, bold=True)
        self.band_detail = style("band_detail", s.body)
        self.label = style("label", s.body, bold=True, spaceBefore=s.body * 0.3, spaceAfter=0)
        self.aside = style("aside", s.body, spaceBefore=s.body * 0.3)
        indent = s.body * 1.6
        self.step = style("step", s.body, leftIndent=indent, bulletIndent=0, spaceAfter=1)
        self.stop = style("stop", s.body, bold=True)
        self.stop_label = style("stop_label", s.stop_label, bold=True, textColor=WHITE)
        self.table = style("table", s.small)
        self.table_bold = style("table_bold", s.small, bold=True)
        self.cell_center = style("cell_center", s.small, bold=True, alignment=1)
        # "Your week" and the log sheet's exercise names: body size, the client reads them
        self.cell = style("cell", s.body)
        self.cell_bold = style("cell_bold", s.body, bold=True)
        self.cell_mark = style("cell_mark", s.body, bold=True, alignment=1)

    def table_style(self, commands: list[tuple[object, ...]]) -> TableStyle:
        """A TableStyle whose cells use our font (reportlab's cell default is Helvetica)."""
        base: list[tuple[object, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), self.family.regular),
            ("TEXTCOLOR", (0, 0), (-1, -1), BLACK),
        ]
        return TableStyle(base + commands)
