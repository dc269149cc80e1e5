"""The program side of the Program tab: phase chooser, the phase's items, and their dosage.

Keyboard: Delete removes the selected item, Ctrl+Up / Ctrl+Down move it; Edit > Undo
(Ctrl+Z) and Redo (Ctrl+Shift+Z) work anywhere on the tab.
Exercises arrive from the library by Enter, double-click or drag; an excluded one only with a
written override reason (``OverrideDialog.ask``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bonecoach.program import programs as program_rules
from bonecoach.program.dose_checks import unusual_dose
from bonecoach.program.screening import NEVER_PRESCRIBED, Verdict
from bonecoach.ui.tabs.dosage_editor import DosageEditor
from bonecoach.ui.tabs.override_dialog import OverrideDialog
from bonecoach.ui.tabs.phase_tools import PhaseButton
from bonecoach.ui.tabs.program_draft import PhaseItemsModel, ProgramDraft
from bonecoach.ui.widgets.date_field import DateField
from bonecoach.ui.widgets.plain import PlainLabel

if TYPE_CHECKING:
    from bonecoach.program.dosage import Dosage
    from bonecoach.program.exercise import Exercise
    from bonecoach.program.screening import Reason, ScreeningResult


class Unscreened:
    """Stands in for a screening result when the client has no profile yet."""

    def __init__(self, exercise_id: str) -> None:
        self.exercise_id = exercise_id
        self.verdict = "not screened"
        self.reasons: tuple[Reason, ...] = ()
        self.modification: str | None = None


class ProgramEditor(QWidget):
    item_selected = Signal(str)  # exercise id of the selected program item
    problem = Signal(str, object)  # title, exception: for the error reporter

    def __init__(self, document: ProgramDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.library: Mapping[str, Exercise] = {}
        self.screening: Mapping[str, ScreeningResult] = {}
        self.therapist: str | None = None
        self.model = PhaseItemsModel(document, self)
        self.model.on_drop_exercises = self._dropped
        self.model.on_move = self._move_to

        self.phase = QComboBox()
        self.phase.setAccessibleName("Program phase")
        self.phase.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.phase.setMinimumContentsLength(4)
        self.phase.currentIndexChanged.connect(self._phase_changed)
        phase_label = PlainLabel("&Phase")
        phase_label.setBuddy(self.phase)

        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName("Exercises in this phase")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)  # dosage words wrap onto a second line, never cut
        # Rows as tall as their words (a phase holds a few dozen items at most).
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # The verdict as narrow as its longest word: "equipment missing" wraps under it, so
        # the dosage keeps its room (it wrapped onto four lines at 1366 x 768).
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        metrics = self.table.fontMetrics()
        words = ("Excluded", "Allowed", "Caution", "equipment", "missing", "Verdict")
        header.resizeSection(2, max(metrics.horizontalAdvance(w) for w in words) + 16)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.remove_button = QPushButton("Remove")
        self.up_button = QPushButton("Move up")
        self.down_button = QPushButton("Move down")
        self.remove_button.setToolTip("Remove the selected exercise (Delete)")
        self.up_button.setToolTip("Move the selected exercise up (Ctrl+Up)")
        self.down_button.setToolTip("Move the selected exercise down (Ctrl+Down)")
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        for keys, slot in (
            (QKeySequence.StandardKey.Delete, self.remove_selected),
            ("Ctrl+Up", lambda: self.move_selected(-1)),
            ("Ctrl+Down", lambda: self.move_selected(1)),
        ):  # Ctrl+Z and Ctrl+Shift+Z are the window's Edit menu (a second one here was ambiguous)
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

        self.dosage = DosageEditor()
        self.dosage.item_edited.connect(self._item_edited)

        self.phase_button = PhaseButton(
            document, lambda: self.phase_index, lambda t, e: self.problem.emit(t, e)
        )
        self.start = DateField("Program start date (week 1)")  # typed or picked
        self.start.button.setToolTip(
            "Week 1 starts on this date; the handout prints the phase of today"
        )
        self.start.dateChanged.connect(self._start_changed)
        top = QHBoxLayout()
        top.addWidget(phase_label)
        top.addWidget(self.phase, 1)
        top.addWidget(self.phase_button)
        buttons = QHBoxLayout()
        for b in (self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        # the start date on a row of its own under the buttons: the phase name gets the
        # whole top row (at 1366x768 it was cut to "Weeks 1-4: protect and m"), and this
        # column stays narrow enough for the library's names beside it
        start_label = PlainLabel("Week 1 &starts")
        start_label.setBuddy(self.start)
        start_row = QHBoxLayout()
        start_row.addWidget(start_label)
        start_row.addWidget(self.start)
        start_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(start_row)
        layout.addWidget(self.dosage)
        document.changed.connect(self._program_changed)
        self._program_changed()

    # -- state ----------------------------------------------------------------------------
    @property
    def phase_index(self) -> int:
        return max(0, self.phase.currentIndex())

    def set_client_data(
        self, library: Mapping[str, Exercise], screening: Mapping[str, ScreeningResult]
    ) -> None:
        self.library, self.screening = library, screening
        self.model.set_context(library, screening)

    def _program_changed(self) -> None:
        program = self.document.program
        names = [] if program is None else [p.name for p in program.phases]
        current = [self.phase.itemText(i) for i in range(self.phase.count())]
        if names != current:
            keep = self.phase.currentIndex()
            self.phase.blockSignals(True)
            self.phase.clear()
            self.phase.addItems(names)
            self.phase.setCurrentIndex(min(max(keep, 0), len(names) - 1))
            self.phase.blockSignals(False)
            self.model.set_phase(self.phase_index)
        has = program is not None
        for widget in (self.table, self.remove_button, self.up_button, self.down_button,
                       self.phase_button, self.start):  # fmt: skip
            widget.setEnabled(has)
        if program is not None and program.start_date is not None:
            self.start.blockSignals(True)
            self.start.setDate(QDate(program.start_date))
            self.start.blockSignals(False)
        elif program is None:  # no program: no start date, not the last client's
            self.start.show_no_date()
        self._row_changed(self.table.currentIndex(), QModelIndex())

    def _start_changed(self, day: QDate) -> None:
        program = self.document.program
        if program is not None and program.start_date != day.toPython():
            self.document.apply(program.model_copy(update={"start_date": day.toPython()}))

    def _phase_changed(self, index: int) -> None:
        self.model.set_phase(max(0, index))
        self.document.changed.emit()  # the coverage checklist follows the phase shown

    def selected_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else None

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 1),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row() if current.isValid() else None
        item = None if row is None or row >= len(self.model.items) else self.model.items[row]
        exercise = None if item is None else self.library.get(item.exercise_id)
        self.dosage.show_item(item, has_support=bool(exercise and exercise.support_variant))
        self.dosage.show_unusual(
            unusual_dose(exercise, item.dosage) if item is not None and exercise else []
        )
        if item is not None:
            self.item_selected.emit(item.exercise_id)

    # -- edits ----------------------------------------------------------------------------
    def add_exercise(self, exercise_id: str, position: int | None = None) -> bool:
        """Add to the phase shown; excluded exercises need an override reason. True if added."""
        program = self.document.program
        exercise = self.library.get(exercise_id)
        if program is None or exercise is None:
            return False
        if program.phases[self.phase_index].index_of(exercise_id) is not None:
            self.problem.emit("Already in this phase", f"{exercise.name} is already in this phase.")
            return False
        result = self.screening.get(exercise_id) or Unscreened(exercise_id)
        if any(r.rule in NEVER_PRESCRIBED for r in result.reasons):
            self.problem.emit(
                "Not for a program",
                f"{exercise.name} is in the library only to show what to avoid and why; "
                "it is never prescribed.",
            )
            return False
        reason = None
        if result.verdict is Verdict.EXCLUDED:
            reason = OverrideDialog.ask(exercise.name, result.reasons, self)
            if reason is None:
                return False
        try:
            changed = program_rules.add_item(
                program,
                self.phase_index,
                exercise,
                result,
                override_reason=reason,
                override_by=self.therapist,
                position=position,
            )
        except ValueError as exc:
            self.problem.emit("Cannot add the exercise", exc)
            return False
        self.document.apply(changed)
        self.select_row(position if position is not None else self.model.rowCount() - 1)
        return True

    def _dropped(self, exercise_ids: list[str], row: int) -> None:
        for offset, exercise_id in enumerate(exercise_ids):
            self.add_exercise(exercise_id, row + offset)

    def remove_selected(self) -> None:
        row, program = self.selected_row(), self.document.program
        if row is None or program is None:
            return
        self.document.apply(program_rules.remove_item(program, self.phase_index, row))
        self.select_row(min(row, self.model.rowCount() - 1))

    def move_selected(self, step: int) -> None:
        row = self.selected_row()
        if row is not None:
            self._move_to(row, row + step)

    def _move_to(self, source: int, target: int) -> None:
        program = self.document.program
        if program is None or not 0 <= target < self.model.rowCount() or source == target:
            return
        self.document.apply(program_rules.move_item(program, self.phase_index, source, target))
        self.select_row(target)

    def unusual_doses(self) -> list[str]:
        """Every unusual dose of the program, "Phase: Exercise: what", for a last look."""
        program = self.document.program
        found = []
        for phase in program.phases if program is not None else ():
            for item in phase.items:
                exercise = self.library.get(item.exercise_id)
                for warning in unusual_dose(exercise, item.dosage) if exercise else []:
                    found.append(f"{phase.name}: {exercise.name if exercise else ''}: {warning}")
        return found

    def _item_edited(self, dosage: Dosage, notes: str, support: bool) -> None:
        row, program = self.selected_row(), self.document.program
        if row is None or program is None:
            return
        item = program.phases[self.phase_index].items[row]
        updated = item.model_copy(
            update={"dosage": dosage, "notes": notes, "support_prescribed": support}
        )
        if updated != item:
            self.document.apply(program_rules.replace_item(program, self.phase_index, row, updated))
            self.select_row(row)
