"""The one table-model base: a plain list of rows under a fixed tuple of column headers.

Every list on screen (clients, profile history, library, program items, sessions) is a flat
table of records replaced all at once, so ``set_rows`` resets the model rather than emitting
row-by-row changes. Subclasses set ``headers`` and implement ``data()``. ``rows`` stays a plain
list attribute: filters read it directly on every keystroke (see library_filter.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowTableModel(QAbstractTableModel):
    headers: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace the rows. When they are the same records in the same order (``row_key``),
        only their cells are redrawn: a reset would clear the selection and the current row,
        and the panel showing that row would be emptied under the therapist's hands, taking
        keyboard focus with it (what was typed next went nowhere)."""
        rows = list(rows)
        old = [self.row_key(r) for r in self.rows]
        if self.rows and None not in old and old == [self.row_key(r) for r in rows]:
            changed = [i for i, (a, b) in enumerate(zip(self.rows, rows, strict=True)) if a != b]
            self.rows = rows
            if changed:
                last = max(0, self.columnCount() - 1)
                self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], last))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_key(self, row: Any) -> object | None:
        """What makes ``row`` the same record after an update (None: rows have no identity,
        and every update resets the table)."""
        return None

    def row_at(self, row: int) -> Any:
        return self.rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None
