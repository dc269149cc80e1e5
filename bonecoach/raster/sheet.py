"""A contact sheet: every exercise's illustration in a grid with its name, for review.

Drawn with Qt (QSvgRenderer onto a QImage for PNG, onto a QPdfWriter for PDF), imported
lazily. Every drawing uses the same centimetres-to-pixels scale unless it is too big for its
cell, so the figures can be compared for size at a glance; a close-up is shown as much bigger
as it asks to be (its width attribute over its view box).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bonecoach.raster.png import ensure_gui_app

COLUMNS = 4
CELL_W, CELL_H, LABEL_H, PAD = 560.0, 280.0, 44.0, 14.0
PX_PER_CM = 1.25  # the common scale; wide drawings shrink below it to fit
PDF_COLUMNS, PDF_ROWS = 3, 7

_VIEWBOX = re.compile(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"')
_WIDTH = re.compile(r'<svg [^>]*width="([0-9.]+)"')
SVG_UNITS_PER_CM = 2.0  # what the renderer writes as width for 1 cm at its normal size


def _magnified(svg: str, w_cm: float) -> float:
    """How much bigger than the common scale the drawing asks to be shown (a close-up)."""
    match = _WIDTH.search(svg)
    if not match or w_cm <= 0:
        return 1.0
    return max(1.0, float(match.group(1)) / (SVG_UNITS_PER_CM * w_cm))


STEPS_W = 520.0  # with --steps: a text column beside each drawing
STEPS_COLUMNS, STEPS_PDF_COLUMNS = 2, 1


def _paint_steps(painter: Any, steps: str, x: float, y: float, scale: float) -> None:
    """The exercise's steps in small type, beside its drawing, to check one against the other."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont

    font = QFont("DejaVu Sans")
    font.setPixelSize(max(7, round(12 * scale)))
    painter.setFont(font)
    painter.setPen(QColor("#222222"))
    painter.drawText(
        QRectF(x, y + PAD * scale, (STEPS_W - PAD) * scale, (CELL_H + LABEL_H - 2 * PAD) * scale),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
        steps,
    )


def _paint_cell(
    painter: Any, svg: str, label: str, x: float, y: float, scale: float, steps: str = ""
) -> None:
    from PySide6.QtCore import QByteArray, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QPen
    from PySide6.QtSvg import QSvgRenderer

    match = _VIEWBOX.search(svg)
    w_cm, h_cm = (float(match.group(1)), float(match.group(2))) if match else (100.0, 100.0)
    area_w, area_h = (CELL_W - 2 * PAD) * scale, (CELL_H - 2 * PAD) * scale
    px = min(PX_PER_CM * scale * _magnified(svg, w_cm), area_w / w_cm, area_h / h_cm)
    draw_w, draw_h = w_cm * px, h_cm * px
    left = x + PAD * scale + (area_w - draw_w) / 2
    top = y + PAD * scale + (area_h - draw_h)  # floors line up along the row
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    renderer.render(painter, QRectF(left, top, draw_w, draw_h))
    painter.setPen(QPen(QColor("#c8c8c8"), max(1.0, scale)))
    width = CELL_W + (STEPS_W if steps else 0.0)
    painter.drawRect(QRectF(x, y, width * scale, (CELL_H + LABEL_H) * scale))
    if steps:
        _paint_steps(painter, steps, x + CELL_W * scale, y, scale)
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(8, round(15 * scale)))
    painter.setFont(font)
    painter.setPen(QColor("#111111"))
    painter.drawText(
        QRectF(x + PAD * scale, y + CELL_H * scale, (CELL_W - 2 * PAD) * scale, LABEL_H * scale),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap),
        label,
    )


def sheet_png(items: Sequence[tuple[str, str]], steps: Sequence[str] = ()) -> bytes:
    """(label, svg) pairs as one PNG grid; with ``steps`` (one text per item), each drawing
    has its steps beside it."""
    ensure_gui_app()
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter

    columns = STEPS_COLUMNS if steps else COLUMNS
    cell_w = CELL_W + (STEPS_W if steps else 0.0)
    rows = max(1, math.ceil(len(items) / columns))
    image = QImage(
        round(columns * cell_w), round(rows * (CELL_H + LABEL_H)), QImage.Format.Format_RGB32
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    for i, (label, svg) in enumerate(items):
        row, col = divmod(i, columns)
        text = steps[i] if steps else ""
        _paint_cell(painter, svg, label, col * cell_w, row * (CELL_H + LABEL_H), 1.0, text)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(buffer.data().data())


def sheet_pdf(items: Sequence[tuple[str, str]], path: Path, steps: Sequence[str] = ()) -> None:
    """(label, svg) pairs as an A4 PDF, PDF_COLUMNS x PDF_ROWS per page (with ``steps``, one
    drawing and its steps per row)."""
    ensure_gui_app()
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(150)
    writer.setTitle("BoneCoach exercise library: contact sheet")
    painter = QPainter(writer)
    page_w = writer.width()
    columns = STEPS_PDF_COLUMNS if steps else PDF_COLUMNS
    cell_w = CELL_W + (STEPS_W if steps else 0.0)
    scale = page_w / (columns * cell_w)
    per_page = columns * PDF_ROWS
    for i, (label, svg) in enumerate(items):
        if i and i % per_page == 0:
            writer.newPage()
        row, col = divmod(i % per_page, columns)
        text = steps[i] if steps else ""
        _paint_cell(
            painter,
            svg,
            label,
            col * cell_w * scale,
            row * (CELL_H + LABEL_H) * scale,
            scale,
            text,
        )
    painter.end()
