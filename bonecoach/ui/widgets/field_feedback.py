"""Small shared widgets: a field with its validation message, readable labels for codes."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bonecoach.ui.widgets.plain import PlainLabel, as_written

INVALID_STYLE = "border: 2px solid #b3261e; border-radius: 3px; background: #fdf1f0;"
ERROR_TEXT_STYLE = "color: #b3261e;"

_LABELS = {
    "resistance_band": "Resistance band",
    "hip_replacement_posterior": "Hip replacement (posterior)",
    "hip_replacement_anterior": "Hip replacement (anterior)",
    "wrist_fracture_recent": "Recent wrist fracture",
    "uncontrolled_hypertension": "Uncontrolled blood pressure",
    "pelvic_floor_weakness": "Pelvic floor weakness",
}


def choice_label(code: str) -> str:
    """A vocabulary code in words: ``knee_osteoarthritis`` -> ``Knee osteoarthritis``."""
    return _LABELS.get(code, code.replace("_", " ").capitalize())


class ElidedMessage(PlainLabel):
    """One line of text that ends in "…" when it does not fit; the whole text is its
    tooltip. Its height never changes, so showing a message never moves the fields below."""

    def __init__(self) -> None:
        super().__init__()
        self.full = ""
        self.setWordWrap(False)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)  # never widens the form
        policy.setRetainSizeWhenHidden(True)  # the line is kept while there is no message
        self.setSizePolicy(policy)
        self.setFixedHeight(self.fontMetrics().height() + 2)

    def set_message(self, text: str) -> None:
        self.full = text
        self.setToolTip(as_written(text))
        self._elide()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        from PySide6.QtCore import Qt

        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self.full, Qt.TextElideMode.ElideRight, self.width()))


class FieldFeedback(QWidget):
    """Wraps an input; ``set_problem(text)`` turns it red with the reason under it.

    The reason sits on a line kept for it (``inline``), so a message appearing or going never
    shifts the fields below: the next click lands where the therapist aimed (it used to move
    the form by a wrapped message's height). A long form passes ``inline=False`` and lists
    its problems in one place instead; the field is still marked and carries the reason as
    its tooltip and accessible description.
    """

    def __init__(self, field: QWidget, parent: QWidget | None = None, *, inline: bool = True):
        super().__init__(parent)
        self.field = field
        self._problem: str | None = None
        self.inline = inline
        self.message = ElidedMessage()
        self.message.setParent(self)  # never a window of its own, shown or not
        self.message.setStyleSheet(ERROR_TEXT_STYLE)
        self.message.hide()
        self._tooltip = field.toolTip()
        self._style = field.styleSheet()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        if inline:
            layout.addWidget(self.message)
        self.setFocusProxy(field)

    @property
    def problem(self) -> str | None:
        return self._problem

    def set_problem(self, problem: str | None) -> None:
        if problem == self._problem:
            return
        self._problem = problem
        self.message.set_message(problem or "")
        self.message.setVisible(bool(problem) and self.inline)
        self.field.setStyleSheet(f"{self._style} {INVALID_STYLE}" if problem else self._style)
        self.field.setToolTip(as_written(problem or self._tooltip))
        description = self.field.accessibleDescription().split(" — invalid:")[0]
        self.field.setAccessibleDescription(
            f"{description} — invalid: {problem}" if problem else description
        )


def readonly_table(model: Any, name: str) -> QTableView:
    """A calm read-only table: whole rows selected, no grid, compact rows, last column wide."""
    view = QTableView()
    view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
    view.setModel(model)
    view.setAccessibleName(name)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view
