"""The program being edited: an immutable ``Program`` plus undo, and a table of one phase.

``ProgramDraft`` holds the client's program as the domain keeps it (every edit is a domain
function returning a new Program) and says when it changed and whether it differs from the
saved version. ``PhaseItemsModel`` shows the items of one phase and handles drag and drop:
rows dragged within the table are reordered, exercise ids dropped from the library are added.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from bonecoach.program.dosage_words import dosage_text
from bonecoach.program.programs import Program, ProgramItem
from bonecoach.ui.library.library_model import BADGES, GREYED, MIME_TYPE, UNSCREENED
from bonecoach.ui.widgets.plain import as_written
from bonecoach.ui.widgets.table_model import RowTableModel

if TYPE_CHECKING:
    from bonecoach.program.exercise import Exercise
    from bonecoach.program.screening import ScreeningResult

Index = QModelIndex | QPersistentModelIndex
ROW_MIME = "application/x-bonecoach-program-row"
HEADERS = ("#", "Exercise", "Verdict", "Dosage")
NUMBER, NAME, VERDICT, DOSAGE = range(4)


class ProgramDraft(QObject):
    """The program on screen; ``changed`` after every edit, undo, load or clear."""

    changed = Signal()
    dirty_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.program: Program | None = None
        self.saved: Program | None = None
        self.version_number: int | None = None  # the stored version the edits are based on
        self._undo: list[Program | None] = []
        self._redo: list[Program | None] = []
        self._was_dirty = False

    def load(self, program: Program | None, version_number: int | None) -> None:
        self.program = self.saved = program
        self.version_number = version_number
        self._undo.clear()
        self._redo.clear()
        self._emit()

    def apply(self, program: Program) -> None:
        """Make ``program`` the current one (the previous stays undoable)."""
        if program == self.program:
            return
        self._undo.append(self.program)
        self._redo.clear()  # a new edit ends the redo line, as in every editor
        self.program = program
        self._emit()

    def undo(self) -> bool:
        if not self._undo:
            return False
        self._redo.append(self.program)
        self.program = self._undo.pop()
        self._emit()
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        self._undo.append(self.program)
        self.program = self._redo.pop()
        self._emit()
        return True

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def mark_saved(self, version_number: int) -> None:
        self.saved = self.program
        self.version_number = version_number
        self._emit()

    def revert(self) -> None:
        self.load(self.saved, self.version_number)

    @property
    def is_dirty(self) -> bool:
        return self.program != self.saved

    def _emit(self) -> None:
        self.changed.emit()
        if self.is_dirty != self._was_dirty:
            self._was_dirty = self.is_dirty
            self.dirty_changed.emit(self._was_dirty)


class PhaseItemsModel(RowTableModel):
    """The items of phase ``phase_index`` of the document's program, in the order done."""

    headers = HEADERS
    rows: list[ProgramItem]

    def __init__(self, document: ProgramDraft, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.phase_index = 0
        self.library: Mapping[str, Exercise] = {}
        self.screening: Mapping[str, ScreeningResult] = {}
        # Set by the editor: add dropped exercise ids at a row, and move a row to a row.
        self.on_drop_exercises: Callable[[list[str], int], None] | None = None
        self.on_move: Callable[[int, int], None] | None = None
        document.changed.connect(self.refresh)

    def set_context(
        self, library: Mapping[str, Exercise], screening: Mapping[str, ScreeningResult]
    ) -> None:
        self.library, self.screening = library, screening
        self.refresh()

    def set_phase(self, phase_index: int) -> None:
        self.phase_index = phase_index
        self.refresh()

    def refresh(self) -> None:
        self.set_rows(self._phase_items())

    def row_key(self, row: ProgramItem) -> object:
        # a dose or note changed keeps the item the same row (its selection and focus stay)
        return row.exercise_id

    @property
    def items(self) -> list[ProgramItem]:
        """The phase's items as shown (the rows, in the therapist's word)."""
        return self.rows

    def _phase_items(self) -> list[ProgramItem]:
        program = self.document.program
        if program is None or not 0 <= self.phase_index < len(program.phases):
            return []
        return list(program.phases[self.phase_index].items)

    def exercise_name(self, item: ProgramItem) -> str:
        exercise = self.library.get(item.exercise_id)
        return exercise.name if exercise is not None else f"{item.exercise_id} (not in library)"

    def dose_text(self, item: ProgramItem) -> str:
        """The dose as the handout prints it ("... each side" for one-sided work)."""
        exercise = self.library.get(item.exercise_id)
        return dosage_text(item.dosage, sides=exercise.sides if exercise is not None else None)

    def verdict(self, item: ProgramItem) -> str:
        result = self.screening.get(item.exercise_id)
        return str(result.verdict.value) if result is not None else UNSCREENED

    # -- table ----------------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        column = index.column()
        R = Qt.ItemDataRole
        verdict = self.verdict(item)
        if role == R.DisplayRole:
            if column == NUMBER:
                return str(index.row() + 1)
            if column == NAME:
                name = self.exercise_name(item)
                return f"{name} (override)" if item.override is not None else name
            if column == VERDICT:  # the same mark as in the library, and missing equipment
                return self.verdict_text(item)
            return self.dose_text(item)
        if role == R.ToolTipRole:
            return as_written(self._tooltip(item))
        if role == R.ForegroundRole and column == VERDICT:
            return QBrush(QColor(BADGES[verdict][2]))
        if role == R.BackgroundRole and column == VERDICT:
            return QBrush(QColor(BADGES[verdict][1]))
        if role == R.ForegroundRole and column == NAME and verdict == "excluded":
            return QBrush(GREYED)
        if role == R.AccessibleTextRole and column == NAME:
            return f"{index.row() + 1}. {self.exercise_name(item)}, {self.verdict_text(item)}"
        return None

    def verdict_text(self, item: ProgramItem) -> str:
        label = BADGES[self.verdict(item)][0]
        result = self.screening.get(item.exercise_id)
        if result is not None and result.unavailable:
            label += " · equipment missing"
        return label

    def _tooltip(self, item: ProgramItem) -> str:
        lines = [self.exercise_name(item), self.dose_text(item)]
        if item.notes:
            lines.append(f"Notes: {item.notes}")
        lines.append(f"Verdict: {self.verdict_text(item)}")
        result = self.screening.get(item.exercise_id)
        if result is not None:
            lines.extend(f"• {r.text}" for r in (*result.reasons, *result.unavailable))
        if item.override is not None:
            lines.append(f"Override reason: {item.override.reason}")
        if item.support_prescribed:
            lines.append("Support variant prescribed")
        return "\n".join(lines)

    # -- drag and drop --------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME, MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes})
        mime.setData(ROW_MIME, str(rows[0] if rows else -1).encode())
        return mime

    def canDropMimeData(self, data: QMimeData, *_args: Any) -> bool:
        return data.hasFormat(ROW_MIME) or data.hasFormat(MIME_TYPE)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self.items))
        if data.hasFormat(ROW_MIME) and self.on_move is not None:
            source = int(bytes(data.data(ROW_MIME).data()).decode() or -1)
            if 0 <= source < len(self.items):
                # Dropping below itself: the row leaves its place first, so one less.
                self.on_move(source, target - 1 if target > source else target)
            return False  # we moved it ourselves: the view must not remove the source row
        if data.hasFormat(MIME_TYPE) and self.on_drop_exercises is not None:
            ids = bytes(data.data(MIME_TYPE).data()).decode("utf-8").split()
            self.on_drop_exercises(ids, target)
            return True
        return False
