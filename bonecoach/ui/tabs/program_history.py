"""Program history: every saved version with its date, therapist, what changed from the one
before and whether it was printed; show any version, compare two, or start a new version
from an old one (#17, point 2). Nothing is overwritten: a version started from an old one is
saved as the next version."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bonecoach.program.dosage_words import dosage_text
from bonecoach.program.program_diff import compare
from bonecoach.ui.widgets.plain import PlainLabel

if TYPE_CHECKING:
    from bonecoach.ui.core.context import AppContext

COLUMNS = ("Version", "Saved", "By", "Changes from the one before", "Printed")


class ProgramHistoryDialog(QDialog):
    """``chosen`` is the version record to start a new version from, once accepted."""

    def __init__(self, context: AppContext, program_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Program history")
        self.context = context
        store = context.store
        self.versions = store.program_versions(program_id)  # oldest first
        self.printed = {v.id: store.handouts(v.id) for v in self.versions}
        self.chosen: Any | None = None

        self.table = QTableWidget(len(self.versions), len(COLUMNS))
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName("Program versions")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        newest_first = list(reversed(self.versions))
        for row, version in enumerate(newest_first):
            index = self.versions.index(version)
            change = (
                "first version"
                if index == 0
                else compare(self.versions[index - 1].program, version.program).summary()
            )
            prints = self.printed[version.id]
            cells = (
                str(version.number),
                version.saved_at.strftime("%d %b %Y %H:%M"),
                version.saved_by or "—",
                change,
                f"{len(prints)} time(s), last {prints[-1].printed_at:%d %b %Y}" if prints else "",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.currentCellChanged.connect(lambda *_: self.show_selected())

        self.against = QComboBox()
        self.against.setAccessibleName("Compare with version")
        self.against.addItem("the version before", None)
        for version in newest_first:
            self.against.addItem(f"version {version.number}", version.number)
        self.against.currentIndexChanged.connect(lambda _i: self.show_selected())
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName("The version and what changed")
        self.start_button = QPushButton("Start a new version from this one")
        self.start_button.setToolTip(
            "Put this version in the Program tab; saving it makes the next version"
        )
        self.start_button.clicked.connect(self._start_from)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        compare_row = QHBoxLayout()
        compare_row.addWidget(PlainLabel("Compare with"))
        compare_row.addWidget(self.against)
        compare_row.addStretch(1)
        compare_row.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(compare_row)
        layout.addWidget(self.detail, 3)
        layout.addWidget(buttons)
        self.resize(820, 560)
        if self.versions:
            self.table.setCurrentCell(0, 0)

    def selected(self) -> Any | None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.versions):
            return None
        return list(reversed(self.versions))[row]

    def show_selected(self) -> None:
        version = self.selected()
        if version is None:
            self.detail.clear()
            return
        self.detail.setPlainText(self._describe(version))

    def _describe(self, version: Any) -> str:
        library = self.context.library

        def name(exercise_id: str) -> str:
            exercise = library.get(exercise_id)
            return exercise.name if exercise is not None else exercise_id

        lines = [f"Version {version.number}: {version.program.name}"]
        for phase in version.program.phases:
            lines.append(f"\n{phase.name}")
            lines += [f"  • {name(i.exercise_id)}: {dosage_text(i.dosage)}" for i in phase.items]
        other = self._compared_with(version)
        if other is not None:
            diff = compare(other.program, version.program)
            lines.append(f"\nChanges from version {other.number}: {diff.summary()}")
            for change in diff.items:
                parts = f" ({', '.join(change.details)})" if change.details else ""
                lines.append(
                    f"  {change.what}: {name(change.exercise_id)}{parts} in {change.phase}"
                )
        for handout in self.printed[version.id]:
            lines.append(f"\nPrinted {handout.printed_at:%d %b %Y} by {handout.printed_by or '—'}")
        return "\n".join(lines)

    def _compared_with(self, version: Any) -> Any | None:
        number = self.against.currentData()
        if number is None:
            index = self.versions.index(version)
            return self.versions[index - 1] if index > 0 else None
        return next((v for v in self.versions if v.number == number), None)

    def _start_from(self) -> None:
        self.chosen = self.selected()
        if self.chosen is not None:
            self.accept()
