"""The side panel about one exercise: picture, summary, verdict with reasons and sources,
dosage, steps, tips and the "Stop if" line, as the client will read them."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from bonecoach.program.dosage_words import dosage_text
from bonecoach.ui.library.library_model import BADGES, UNSCREENED, words
from bonecoach.ui.library.thumbnails import ASPECT
from bonecoach.ui.widgets.plain import RichLabel

if TYPE_CHECKING:
    from bonecoach.program.exercise import Exercise
    from bonecoach.program.screening import Reason, ScreeningResult
    from bonecoach.ui.library.thumbnails import ThumbnailCache


class PictureView(QWidget):
    """Draws the exercise's picture at whatever width the panel has, keeping its shape."""

    def __init__(self, cache: ThumbnailCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cache = cache
        self.exercise_id: str | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumHeight(90)

    def set_exercise(self, exercise_id: str | None) -> None:
        self.exercise_id = exercise_id
        self.setVisible(exercise_id is not None)
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(90, width // ASPECT)

    def sizeHint(self) -> QSize:
        return QSize(280, 140)

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self.exercise_id is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        self.cache._paint(painter, self.exercise_id, QRectF(self.rect()))
        painter.end()


def _reason_item(reason: Reason) -> str:
    source = f" <span style='color:#5f6368'>[{escape(reason.source)}]</span>"
    return f"<li>{escape(reason.text)}{source}</li>"


def _reasons_html(result: ScreeningResult, label: str) -> str:
    """Heaviest first: the reason that decides an exclusion stands apart from milder ones."""
    excluding, cautioning, missing = result.weighed()
    parts = []
    if excluding:
        deciding, *also = excluding
        parts.append(f"<p><b>Excluded because:</b></p><ul>{_reason_item(deciding)}</ul>")
        if also:
            parts.append(
                "<p><b>Also excluding:</b></p><ul>" + "".join(map(_reason_item, also)) + "</ul>"
            )
    if cautioning:
        title = "Also take care:" if excluding else f"Why {label.lower()}:"
        parts.append(f"<p><b>{title}</b></p><ul>{''.join(map(_reason_item, cautioning))}</ul>")
    if missing and result.reasons:
        parts.append("<p><b>Equipment:</b></p><ul>" + "".join(map(_reason_item, missing)) + "</ul>")
    return "".join(parts)


def details_html(exercise: Exercise, result: ScreeningResult | None) -> str:
    e = exercise
    verdict = UNSCREENED if result is None else str(result.verdict.value)
    label, background, ink = BADGES[verdict]
    parts = [
        f"<h3 style='margin:0'>{escape(e.name)}</h3>",
        f"<p>{escape(e.summary)}</p>",
        f"<p><span style='background:{background}; color:{ink}'>&nbsp;{label}&nbsp;</span>"
        f"&nbsp; {escape(words(e.category.value).capitalize())}, level {e.level}, "
        f"{escape(words(e.position.value))}</p>",
    ]
    if result is not None and result.reasons:
        parts.append(_reasons_html(result, label))
    if result is not None and result.modification:
        parts.append(f"<p><b>Modification:</b> {escape(result.modification)}</p>")
    if result is None:
        parts.append("<p style='color:#5f6368'>Not screened: this client has no profile yet.</p>")
    equipment = ", ".join(words(q.value) for q in e.equipment) or "none"
    parts.append(
        f"<p><b>Starting dose:</b> {escape(dosage_text(e.default_dosage))}<br>"
        f"<b>Equipment:</b> {escape(equipment)}</p>"
    )
    steps = "".join(f"<li>{escape(s)}</li>" for s in e.steps)
    tips = "".join(f"<li>{escape(t)}</li>" for t in e.tips)
    parts.append(f"<p><b>Steps</b></p><ol>{steps}</ol><p><b>Tips</b></p><ul>{tips}</ul>")
    parts.append(f"<p><b>Stop if:</b> {escape(e.stop_if)}</p>")
    if e.support_variant:
        parts.append(f"<p><b>With support:</b> {escape(e.support_variant)}</p>")
    if e.supervised_only:
        parts.append("<p><b>Supervised sessions only</b>: never printed on a home handout.</p>")
    ladder = [f"easier: {e.easier}" if e.easier else "", f"harder: {e.harder}" if e.harder else ""]
    if any(ladder):
        parts.append(f"<p style='color:#5f6368'>{escape('; '.join(x for x in ladder if x))}</p>")
    return "".join(parts)


class ExerciseDetails(QScrollArea):
    def __init__(self, cache: ThumbnailCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName("Exercise details")
        body = QWidget()
        self.picture = PictureView(cache)
        self.text = RichLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.picture)
        layout.addWidget(self.text, 1)
        self.setWidget(body)
        self.show_exercise(None, None)

    def show_exercise(self, exercise: Exercise | None, result: ScreeningResult | None) -> None:
        if exercise is None:
            self.picture.set_exercise(None)
            self.text.setText(
                "<p style='color:#5f6368'>Select an exercise to see its picture, steps, "
                "tips and why it suits this client or not.</p>"
            )
            return
        self.picture.set_exercise(exercise.id)
        self.text.setText(details_html(exercise, result))

    def shown_text(self) -> str:
        return self.text.text()
