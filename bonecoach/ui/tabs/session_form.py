"""Add a session: date, clinic or home, per-exercise rows pre-filled from the program, red
flags and notes. ``log()`` returns a validated SessionLog or the problems to fix."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bonecoach.program.sessions import RED_FLAGS
from bonecoach.ui.tabs.session_entries import (
    COLUMNS,
    EntryRow,
    SessionEntryModel,
    row_from_item,
    row_from_log,
)
from bonecoach.ui.widgets.date_field import DateField
from bonecoach.ui.widgets.field_feedback import ERROR_TEXT_STYLE
from bonecoach.ui.widgets.plain import PlainLabel, as_written


class SessionForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edited = False
        self._program: Any = None
        self._names: dict[str, str] = {}
        self.day = DateField("Session date")  # typed (20261118) or picked (Alt+Down)
        self.day.setMaximumDate(QDate.currentDate())  # a session is logged after it happened
        self.day.dateChanged.connect(self._date_changed)
        self.setting = QComboBox()
        self.setting.addItem("Home (from the log sheet)", "home")
        self.setting.addItem("Clinic", "clinic")
        self.setting.setAccessibleName("Where")
        self.setting.currentIndexChanged.connect(lambda _i: self._edit())
        self.notes = QLineEdit(placeholderText="Session notes (optional)")
        self.notes.setAccessibleName("Session notes")
        self.notes.textEdited.connect(lambda _t: self._edit())
        self.entries = SessionEntryModel(self)
        self.entries.edited.connect(self._edit)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setModel(self.entries)
        self.table.setAccessibleName("Exercises done in this session")
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.flags: dict[str, QCheckBox] = {}
        for flag, info in RED_FLAGS.items():
            box = QCheckBox(info.symptom)
            box.setToolTip(as_written(f"Possible {info.concern.removeprefix('possible ')}"))
            self.flags[flag.value] = box
        flag_box = QGroupBox("Red flags reported (stop, review; no progression)")
        grid = QGridLayout(flag_box)
        for i, box in enumerate(self.flags.values()):
            box.toggled.connect(lambda _c: self._edit())
            grid.addWidget(box, i // 2, i % 2)
        self.problems = PlainLabel()
        self.problems.setStyleSheet(ERROR_TEXT_STYLE)
        self.problems.setWordWrap(True)
        self.problems.hide()

        top = QHBoxLayout()
        top.addWidget(PlainLabel("Date"))
        top.addWidget(self.day)
        top.addWidget(self.setting)
        top.addWidget(self.notes, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(flag_box)
        layout.addWidget(self.problems)

    @property
    def edited(self) -> bool:
        return self._edited

    def load(self, program: Any, names: dict[str, str], day: date | None = None) -> None:
        """Pre-fill from the program phase the date falls in (``program`` may be None)."""
        self._program = program
        self._names = names
        self.day.blockSignals(True)
        day = day or date.today()
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.day.blockSignals(False)
        self.setting.setCurrentIndex(0)
        self.notes.clear()
        for box in self.flags.values():
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self._fill()
        self.problems.hide()
        self._edited = False
        self.changed.emit()

    def load_log(self, program: Any, names: dict[str, str], log: Any) -> None:
        """Fill the form with a logged session, to correct it: its date, place, notes, red
        flags and every entry as it was logged."""
        self.load(program, names, log.date)
        self.setting.setCurrentIndex(max(0, self.setting.findData(log.setting.value)))
        self.notes.setText(log.notes)
        for key, box in self.flags.items():
            box.blockSignals(True)
            box.setChecked(key in {str(f.value) for f in log.red_flags})
            box.blockSignals(False)
        self.entries.set_rows(
            [row_from_log(entry, names.get(entry.exercise_id, entry.exercise_id))
             for entry in log.entries]
        )  # fmt: skip
        self._edited = False
        self.changed.emit()

    def _fill(self) -> None:
        rows: list[EntryRow] = []
        if self._program is not None:
            phase = self._program.phases[self._program.phase_for(self.day.date().toPython())]
            rows = [
                row_from_item(item, self._names.get(item.exercise_id, item.exercise_id))
                for item in phase.items
            ]
        self.entries.set_rows(rows)

    def _date_changed(self) -> None:
        if not self._edited:  # a different phase may apply; keep what was typed otherwise
            self._fill()
        self._edit()

    def _edit(self) -> None:
        self._edited = True
        self.changed.emit()

    def log(self) -> tuple[Any, list[str]]:
        """(SessionLog, []) when valid, else (None, problems in words)."""
        from pydantic import ValidationError

        from bonecoach.program.sessions import SessionLog

        entries, cell_problems = self.entries.logs()
        problems = [
            f"{self.entries.rows[r].name}, {COLUMNS[c]}: {text}"
            for (r, c), text in sorted(cell_problems.items())
        ]
        day_problem = self.day.problem()
        if day_problem:
            problems.insert(0, f"Date: {day_problem}")
        log = None
        if not problems:
            try:
                log = SessionLog(
                    date=self.day.date().toPython(),
                    setting=self.setting.currentData(),
                    entries=tuple(entries),
                    red_flags=tuple(k for k, box in self.flags.items() if box.isChecked()),
                    notes=self.notes.text().strip(),
                )
            except ValidationError as exc:
                problems = [
                    f"{'.'.join(str(p) for p in e['loc'])}: "
                    f"{str(e['msg']).removeprefix('Value error, ')}"
                    for e in exc.errors()
                ]
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        return log, problems
