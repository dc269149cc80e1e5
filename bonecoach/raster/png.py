"""PNG export of an SVG through Qt (the only Qt use in the renderer, imported lazily)."""

from __future__ import annotations

import os


def ensure_gui_app() -> None:
    """Qt paints text and images only with an application object; make one if needed.

    It is a QApplication (not the lighter QGuiApplication) so that the app's widgets, or a
    test run that shows widgets later in the same process, can still use it.
    """
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QApplication([])


def svg_to_png(svg: str, width_px: int) -> bytes:
    """The SVG drawn on a white background, ``width_px`` wide, as PNG bytes."""
    if width_px < 1 or width_px > 20000:
        raise ValueError(f"width_px must be between 1 and 20000, not {width_px}")
    ensure_gui_app()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        raise ValueError("the SVG could not be read")
    box = renderer.viewBoxF()
    height_px = max(1, round(width_px * box.height() / box.width()))
    image = QImage(width_px, height_px, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, width_px, height_px))
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(buffer.data().data())
