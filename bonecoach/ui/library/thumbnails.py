"""Exercise pictures for the screen: SVG illustrations (or a custom exercise's photo), cached.

Nothing is drawn until a view asks for a row's picture, so opening the app and the library
stays fast; each picture is drawn once per size. The SVG is the same one the handout prints
(``bonecoach.art.exercise_svg``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRectF, QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap

if TYPE_CHECKING:
    from bonecoach.ui.core.context import AppContext

log = logging.getLogger(__name__)
ASPECT = 2  # illustrations are start and end side by side: about twice as wide as high


class ThumbnailCache:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        context.clinic_library.load_custom_pictures(context.store)
        self._svg: dict[str, bytes | None] = {}
        self._icons: dict[tuple[str, int], QIcon] = {}

    def photo(self, exercise_id: str) -> bytes | None:
        """A custom exercise's photo bytes, if it has one (kept in the clinic library)."""
        return self.context.photos.get(exercise_id)

    def svg(self, exercise_id: str) -> bytes | None:
        """The illustration SVG, or None if the exercise has no poses."""
        if exercise_id not in self._svg:
            self._svg[exercise_id] = self._make_svg(exercise_id)
        return self._svg[exercise_id]

    def _make_svg(self, exercise_id: str) -> bytes | None:
        from bonecoach.art import exercise_svg

        exercise = self.context.library.get(exercise_id)
        title = f"{exercise.name}: start and end positions" if exercise else None
        try:
            return exercise_svg(exercise_id, self.context.illustrations, title=title).encode()
        except KeyError:
            return None
        except Exception:  # a broken pose must not break the library list
            log.exception("cannot draw the illustration of %s", exercise_id)
            return None

    def forget(self, exercise_id: str) -> None:
        """Drop cached pictures after a custom exercise's picture changed."""
        self._svg.pop(exercise_id, None)
        for key in [k for k in self._icons if k[0] == exercise_id]:
            del self._icons[key]

    def icon(self, exercise_id: str, size: int | QSize) -> QIcon:
        height = size.height() if isinstance(size, QSize) else int(size)
        key = (exercise_id, height)
        if key not in self._icons:
            self._icons[key] = QIcon(self.pixmap(exercise_id, QSize(ASPECT * height, height)))
        return self._icons[key]

    def pixmap(self, exercise_id: str, size: QSize) -> QPixmap:
        """The picture fitted into ``size`` on white, centred; a blank tile if there is none."""
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            self._paint(painter, exercise_id, QRectF(0, 0, size.width(), size.height()))
        finally:
            painter.end()
        return QPixmap.fromImage(image)

    def _paint(self, painter: QPainter, exercise_id: str, box: QRectF) -> None:
        photo = self.photo(exercise_id)
        if photo is not None:
            picture = QImage.fromData(photo)
            if not picture.isNull():
                painter.drawImage(fit(box, picture.width(), picture.height()), picture)
                return
        data = self.svg(exercise_id)
        if data is None:
            # A quiet empty tile: a missing picture should not shout in every row.
            painter.fillRect(box.adjusted(2, 2, -2, -2), QColor("#f1f3f4"))
            return
        from PySide6.QtSvg import QSvgRenderer

        renderer = QSvgRenderer(QByteArray(data))
        natural = renderer.defaultSize()
        renderer.render(painter, fit(box, natural.width(), natural.height()))


def fit(box: QRectF, width: float, height: float) -> QRectF:
    """The largest rectangle of ``width``:``height`` centred in ``box``."""
    if width <= 0 or height <= 0:
        return box
    scale = min(box.width() / width, box.height() / height)
    w, h = width * scale, height * scale
    return QRectF(box.x() + (box.width() - w) / 2, box.y() + (box.height() - h) / 2, w, h)


def thumbnail_cache(context: AppContext) -> ThumbnailCache:
    """The one cache of this app (shared by the Program tab and the library manager)."""
    if context.thumbnails is None:
        context.thumbnails = ThumbnailCache(context)
    return context.thumbnails
