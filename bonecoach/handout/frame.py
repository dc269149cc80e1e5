"""The page frame: paper, margins, header and footer, "page X of Y" on every page.

The header (clinic on the left; "Home exercise program for <client>" and the date on the
right) is drawn when a page starts, the footer (client name, page X of Y, the clinic's phone)
when the document is saved, once the page count is known. Both are drawn with canvas calls,
which print text literally, so names need no escaping here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from bonecoach.handout.fonts import ATKINSON, Family
from bonecoach.handout.styles import BLACK, Scale

PORTRAIT = "portrait"
LANDSCAPE = "landscape"


EDGE = 10.5 * mm  # header and footer text: never closer to the paper's edge
RULE_GAP = 3 * mm  # between the header or footer rule and the page's content


def page_size(paper: str) -> tuple[float, float]:
    return {"letter": LETTER, "a4": A4}[paper]


@dataclass(frozen=True)
class FrameText:
    clinic_name: str
    client_name: str
    date_line: str  # "Program of 3 March 2026"
    phone: str
    logo_path: Path | None
    scale: Scale
    family: Family = ATKINSON
    title: str = ""  # header, right: "Home exercise program for <client>"

    # Header and footer sit in the top and bottom margins, no closer than EDGE to the paper's
    # edge (home printers clip about 5 mm): the exercises get that much more of each page.
    @property
    def header_baseline(self) -> float:
        """Distance from the top edge to the header's first baseline."""
        return EDGE + self.scale.small

    @property
    def header_rule(self) -> float:
        """Distance from the top edge to the rule under the header's two lines."""
        return self.header_baseline + self.scale.small * 1.3 + 2.5 * mm

    @property
    def footer_rule(self) -> float:
        """Distance from the bottom edge to the rule over the footer line."""
        return EDGE + self.scale.small + 1.5 * mm

    @property
    def top_space(self) -> float:
        return max(self.scale.margin, self.header_rule + RULE_GAP)

    @property
    def bottom_space(self) -> float:
        return max(self.scale.margin, self.footer_rule + RULE_GAP)


def _draw_fitted(
    canvas: Canvas,
    text: str,
    font: str,
    size: float,
    width: float,
    x: float,
    y: float,
    *,
    right: bool = False,
) -> None:
    """Draw ``text`` in ``width``: a little smaller if it must (not under 9 pt), then cut."""
    natural = stringWidth(text, font, size)
    if natural > width:
        size = max(9.0, size * width / natural)
    canvas.setFont(font, size)
    text = _fit(text, font, size, width)
    if right:
        canvas.drawRightString(x, y, text)
    else:
        canvas.drawString(x, y, text)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Shorten ``text`` with an ellipsis so it fits ``width`` (long clinic or client names)."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _draw_header(canvas: Canvas, doc: BaseDocTemplate, ft: FrameText) -> None:
    width, height = canvas._pagesize
    m = ft.scale.margin
    size = ft.scale.small
    line = size * 1.3
    top = height - EDGE
    regular, bold = ft.family.regular, ft.family.bold
    canvas.saveState()
    left_x = m
    if ft.logo_path is not None and ft.logo_path.is_file():
        logo_h = line * 2
        try:
            canvas.drawImage(
                str(ft.logo_path),
                m,
                top - logo_h,
                width=logo_h * 2.5,
                height=logo_h,
                preserveAspectRatio=True,
                anchor="w",
                mask="auto",
            )
            left_x = m + logo_h * 2.5 + 3 * mm
        except Exception:  # an unreadable logo must not stop the handout
            left_x = m
    # The client's name gets the larger share: it is whose sheet this is.
    left_w = (width - 2 * m) * 0.38 - (left_x - m)
    right_w = (width - 2 * m) * 0.6
    canvas.setFillColor(BLACK)
    _draw_fitted(canvas, ft.clinic_name, bold, size, left_w, left_x, top - size)
    right = width - m
    title = ft.title or f"Home exercise program for {ft.client_name}"
    _draw_fitted(canvas, title, bold, size, right_w, right, top - size, right=True)
    _draw_fitted(canvas, ft.date_line, regular, size, right_w, right, top - size - line, right=True)
    canvas.setLineWidth(0.8)
    rule_y = height - ft.header_rule
    canvas.line(m, rule_y, width - m, rule_y)
    canvas.restoreState()


def _draw_footer(canvas: Canvas, ft: FrameText, page: int, pages: int) -> None:
    width, _height = canvas._pagesize
    m = ft.scale.margin
    size = ft.scale.small
    y = EDGE + 0.25 * size  # the baseline: descenders stay clear of the edge
    third = (width - 2 * m) / 3
    regular, bold = ft.family.regular, ft.family.bold
    canvas.saveState()
    canvas.setFillColor(BLACK)
    canvas.setLineWidth(0.8)
    canvas.line(m, ft.footer_rule, width - m, ft.footer_rule)
    _draw_fitted(canvas, ft.client_name, regular, size, third - 3 * mm, m, y)
    canvas.setFont(bold, size)
    canvas.drawCentredString(width / 2, y, f"Page {page} of {pages}")
    call = f"Questions? Call {ft.phone or '_______________'}"  # none set: written in by hand
    _draw_fitted(canvas, call, regular, size, third - 3 * mm, width - m, y, right=True)
    canvas.restoreState()


def canvas_maker(ft: FrameText) -> Callable[..., Canvas]:
    """A Canvas class that holds pages back until the end to print "page X of Y"."""

    class HandoutCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Our font as the canvas default: else every page starts by naming Helvetica.
            # (BaseDocTemplate passes None explicitly, hence no setdefault.)
            kwargs["initialFontName"] = kwargs.get("initialFontName") or ft.family.regular
            kwargs["initialFontSize"] = kwargs.get("initialFontSize") or ft.scale.body
            kwargs["lang"] = kwargs.get("lang") or "en"
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                _draw_footer(self, ft, number, pages)
                Canvas.showPage(self)
            Canvas.save(self)

    return HandoutCanvas


class HandoutDocTemplate(BaseDocTemplate):
    """Portrait pages; landscape ones for a log sheet whose week is wider than a portrait
    page (none at our sizes: the log sheet is portrait too)."""

    def __init__(
        self, target: Any, ft: FrameText, paper: str, *, first: str = PORTRAIT, **kwargs: Any
    ) -> None:
        size = page_size(paper)
        super().__init__(
            target,
            pagesize=size,
            leftMargin=ft.scale.margin,
            rightMargin=ft.scale.margin,
            topMargin=ft.scale.margin,
            bottomMargin=ft.scale.margin,
            initialFontName=ft.family.regular,
            initialFontSize=ft.scale.body,
            lang="en",
            **kwargs,
        )
        self.frame_text = ft
        templates = [
            self._template(PORTRAIT, size, ft),
            self._template(LANDSCAPE, landscape(size), ft),
        ]
        # the first page's orientation: portrait, or the log sheet's for a log sheet alone
        templates.sort(key=lambda t: t.id != first)
        self.addPageTemplates(templates)

    @staticmethod
    def _template(name: str, size: tuple[float, float], ft: FrameText) -> PageTemplate:
        w, h = size
        m = ft.scale.margin
        frame = Frame(
            m,
            ft.bottom_space,
            w - 2 * m,
            h - ft.top_space - ft.bottom_space,
            id=f"{name}-body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        return PageTemplate(
            id=name,
            frames=[frame],
            pagesize=size,
            onPage=lambda canvas, doc: _draw_header(canvas, doc, ft),
        )

    def frame_size(self, name: str = PORTRAIT) -> tuple[float, float]:
        for template in self.pageTemplates:
            if template.id == name:
                frame = template.frames[0]
                return frame._width, frame._height
        raise KeyError(name)
