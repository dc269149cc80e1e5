"""A date box that takes a typed date: 2026-11-18, 20261118 or 2026/11/18.

QDateEdit edits a date section by section: after a click the keys went into whichever
section held the cursor, and "20261118" or "2026-11-18" typed over a selected date left it
unchanged (#19, point 10). Back-dating five sessions from a paper log means typing five
dates, so this box reads the whole text when the therapist presses Enter or leaves it, says
at once what is wrong with a date it cannot read, and opens the calendar on Alt+Down or F4
(or its button) for those who prefer to pick.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QWidget,
)

from bonecoach.ui.widgets.plain import as_written

_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_PARTS = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
FORMAT = "yyyy-MM-dd"
HINT = "Type a date (2026-11-18 or 20261118) or press Alt+Down for a calendar"


def read_date(text: str) -> tuple[date | None, str | None]:
    """(date, None) from what was typed, or (None, the problem in words)."""
    text = text.strip()
    found = _COMPACT.match(text) or _PARTS.match(text)
    if not text or found is None:
        return None, "type the date as year-month-day, e.g. 2026-11-18 or 20261118"
    try:
        return date(*(int(part) for part in found.groups())), None
    except ValueError:
        return None, f"{text} is not a date on the calendar"


class DateField(QWidget):
    """``dateChanged(QDate)`` when a new valid date is typed or picked; ``problem()`` names
    a date that was typed but cannot be used (the last good date is not silently kept)."""

    dateChanged = Signal(QDate)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date = QDate.currentDate()
        self._low = QDate(1900, 1, 1)
        self._high = QDate(7999, 12, 31)
        self._problem: str | None = None
        self.edit = QLineEdit(self._date.toString(FORMAT))
        self.edit.setAccessibleName(name)
        self.edit.setPlaceholderText("YYYY-MM-DD")
        self.edit.setMaxLength(10)
        self.edit.setToolTip(
            "Type a date (2026-11-18 or 20261118) or press Alt+Down for a calendar"
        )
        self.edit.editingFinished.connect(self._typed)
        self.edit.installEventFilter(self)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setAccessibleName(f"{name}: calendar")
        self.button.setToolTip("Pick from a calendar (Alt+Down)")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the next field
        self.button.clicked.connect(self.open_calendar)
        self.calendar = QCalendarWidget()
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        width = self.edit.fontMetrics().horizontalAdvance("2026-11-188") + 16
        self.edit.setMinimumWidth(width)

    # the QDateEdit calls the rest of the app uses
    def date(self) -> QDate:
        return self._date

    def setDate(self, value: QDate) -> None:
        self._set(value, emit=value != self._date)

    def show_no_date(self) -> None:
        """Blank (nothing to date): never the date left from another client's record."""
        self.edit.blockSignals(True)
        self.edit.clear()
        self.edit.blockSignals(False)
        self._show_problem(None)

    def setMaximumDate(self, value: QDate) -> None:
        self._high = value
        self.calendar.setMaximumDate(value)

    def setMinimumDate(self, value: QDate) -> None:
        self._low = value
        self.calendar.setMinimumDate(value)

    def problem(self) -> str | None:
        """What is wrong with the typed text, or None when the box holds a usable date."""
        self._typed()  # text typed but not yet confirmed counts too
        return self._problem

    def open_calendar(self) -> None:
        self.calendar.setSelectedDate(self._date)
        below = self.edit.mapToGlobal(QPoint(0, self.edit.height()))
        self.calendar.move(below)
        self.calendar.show()
        self.calendar.setFocus()

    def eventFilter(self, watched: object, event: object) -> bool:
        if watched is self.edit and isinstance(event, QKeyEvent):
            alt_down = event.key() == Qt.Key.Key_Down and (
                event.modifiers() & Qt.KeyboardModifier.AltModifier
            )
            if event.type() == QKeyEvent.Type.KeyPress and (
                alt_down or event.key() == Qt.Key.Key_F4
            ):
                self.open_calendar()
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _typed(self) -> None:
        text = self.edit.text()
        if text == self._date.toString(FORMAT) and self._problem is None:
            return
        day, problem = read_date(text)
        if day is not None:
            typed = QDate(day.year, day.month, day.day)
            if typed > self._high:
                problem = f"{text.strip()} is after {self._high.toString(FORMAT)}"
                if self._high == QDate.currentDate():
                    problem = f"{text.strip()} is in the future"
            elif typed < self._low:
                problem = f"{text.strip()} is before {self._low.toString(FORMAT)}"
            else:
                self._show_problem(None)
                self._set(typed, emit=typed != self._date)
                return
        self._show_problem(problem)

    def _picked(self, value: QDate) -> None:
        self.calendar.hide()
        self._show_problem(None)
        self._set(value, emit=value != self._date)
        self.edit.setFocus()

    def _set(self, value: QDate, *, emit: bool) -> None:
        self._date = value
        self.edit.setText(value.toString(FORMAT))
        self._show_problem(None)
        if emit:
            self.dateChanged.emit(value)

    def _show_problem(self, problem: str | None) -> None:
        self._problem = problem
        self.edit.setStyleSheet("" if problem is None else "QLineEdit { background: #fbe3e1; }")
        self.edit.setToolTip(  # the problem quotes what was typed: never read as markup
            as_written(problem or HINT)
        )
