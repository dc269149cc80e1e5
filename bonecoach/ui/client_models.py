"""The client list's item model and filter: plain client records in, type-ahead search by name
or clinic id, archived clients hidden unless asked (tested without any widget)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from bonecoach.ui.table_model import RowTableModel

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ARCHIVED_ROLE = Qt.ItemDataRole.UserRole + 2
HEADERS = ("Name", "Clinic ID")


class ClientListModel(RowTableModel):
    headers = HEADERS

    def record(self, client_id: int) -> Any | None:
        row = self.row_of(client_id)
        return None if row is None else self.rows[row]

    def row_of(self, client_id: int) -> int | None:
        for i, row in enumerate(self.rows):
            if row.id == client_id:
                return i
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return f"{row.name} (archived)" if row.archived else row.name
            return row.clinic_id or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name}, clinic id {row.clinic_id or 'none'}"
        if role == Qt.ItemDataRole.FontRole and row.archived:
            font = QFont()
            font.setItalic(True)
            return font
        if role == ID_ROLE:
            return row.id
        if role == ARCHIVED_ROLE:
            return bool(row.archived)
        return None


class ClientFilter(QSortFilterProxyModel):
    """Matches the search text against name or clinic id; hides archived unless asked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._show_archived = False
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_text(self, text: str) -> None:
        self._refilter("_text", text.strip().casefold())

    def set_show_archived(self, show: bool) -> None:
        self._refilter("_show_archived", show)

    def _refilter(self, name: str, value: object) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10; invalidateFilter is deprecated
            self.beginFilterChange()
            setattr(self, name, value)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            setattr(self, name, value)
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        # Reads the record directly (not through data()): a keystroke refilters every client.
        model = self.sourceModel()
        if not isinstance(model, ClientListModel):
            return True
        row = model.rows[source_row]
        if row.archived and not self._show_archived:
            return False
        if not self._text:
            return True
        haystack = f"{row.name}\n{row.clinic_id or ''}".casefold()
        return all(word in haystack for word in self._text.split())
