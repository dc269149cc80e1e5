"""Type sizes, spacing and paragraph styles for standard and large print.

Every style names our embedded font explicitly: a style left at reportlab's default would
pull in Helvetica, which is not embedded. Sizes follow docs/handout-layout.md: body 12 pt
(large 16 pt), headings 14-20 pt (large 20-26 pt), line spacing about 1.3, left-aligned.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, TableStyle

from bonecoach.handout.fonts import ATKINSON, Family, register_fonts

LINE_SPACING = 1.3
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


STANDARD = Scale(
    body=12,
    small=10.5,
    name=16,
    section=18,
    title=20,
    stop_label=22,
    picture_width=66 * mm,
    move_picture_height=40 * mm,
    tick_box=8.5 * mm,
    margin=16 * mm,
)
LARGE = Scale(
    body=16,
    small=13,
    name=24,
    section=24,
    title=26,
    stop_label=28,
    picture_width=120 * mm,
    move_picture_height=46 * mm,
    tick_box=11 * mm,
    margin=16 * mm,
)


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
                "alignment": TA_LEFT,
                "textColor": BLACK,
                "bulletFontName": family.regular,
                "bulletFontSize": size,
            }
            settings.update(kw)
            return ParagraphStyle(name, **settings)

        s = scale
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
