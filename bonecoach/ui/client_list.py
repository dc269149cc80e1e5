"""The client list on the left: type-ahead search by name or clinic id, archived hidden.

``ClientListModel`` adapts plain client records (anything with ``id``, ``name``,
``clinic_id`` and ``archived``) with one ``set_rows``; ``ClientFilter`` does the search and the
archived toggle; ``ClientListPanel`` is the widget the main window docks on the left.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ARCHIVED_ROLE = Qt.ItemDataRole.UserRole + 2
HEADERS = ("Name", "Clinic ID")


class ClientListModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, client_id: int) -> Any | None:
        row = self.row_of(client_id)
        return None if row is None else self._rows[row]

    def row_of(self, client_id: int) -> int | None:
        for i, row in enumerate(self._rows):
            if row.id == client_id:
                return i
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
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
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if model.data(index, ARCHIVED_ROLE) and not self._show_archived:
            return False
        if not self._text:
            return True
        name = str(model.data(index) or "").casefold()
        clinic_id = str(model.data(model.index(source_row, 1, source_parent)) or "").casefold()
        return all(word in name or word in clinic_id for word in self._text.split())


class ClientListPanel(QWidget):
    """Search box, client table, "Show archived", New and Archive buttons."""

    client_chosen = Signal(object)  # int | None: the user picked a client (the window may veto)
    new_requested = Signal()
    archive_requested = Signal(int, bool)  # client id, archive (True) or restore (False)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ClientListModel(self)
        self.proxy = ClientFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.sort(0)
        self._current: int | None = None
        self._silent = False

        self.search = QLineEdit(placeholderText="Search name or clinic ID")
        self.search.setAccessibleName("Search clients")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._choose_first_match)

        self.table = QTableView()
        self.table.setAccessibleName("Clients")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.show_archived = QCheckBox("Show archived")
        self.show_archived.toggled.connect(self._toggle_archived)
        self.new_button = QPushButton("New client…")
        self.new_button.clicked.connect(self.new_requested)
        self.archive_button = QPushButton("Archive")
        self.archive_button.setEnabled(False)
        self.archive_button.clicked.connect(self._archive_clicked)

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.archive_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.show_archived)
        layout.addLayout(buttons)
        self.setTabOrder(self.search, self.table)

    @property
    def current_client(self) -> int | None:
        return self._current

    def set_clients(self, rows: Sequence[Any]) -> None:
        """Replace the list, keeping the current client selected if it is still shown."""
        keep = self._current
        self._silent = True
        try:
            self.model.set_rows(rows)
            self.proxy.sort(self.table.horizontalHeader().sortIndicatorSection())
        finally:
            self._silent = False
        self.select_client(keep, notify=False)

    def select_client(self, client_id: int | None, notify: bool = False) -> bool:
        """Select ``client_id`` in the table (showing archived if needed); False if unknown."""
        row = None if client_id is None else self.model.row_of(client_id)
        archived = row is not None and self.model.data(self.model.index(row, 0), ARCHIVED_ROLE)
        if archived and not self.show_archived.isChecked():
            self.show_archived.setChecked(True)
        self._silent = not notify
        try:
            selection = self.table.selectionModel()
            proxy_index = (
                QModelIndex() if row is None else self.proxy.mapFromSource(self.model.index(row, 0))
            )
            if proxy_index.isValid():
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                )
                selection.setCurrentIndex(proxy_index, flags)
                self.table.scrollTo(proxy_index)
            else:
                selection.clear()
                if not notify:
                    self.mark_current(None)
        finally:
            self._silent = False
        if proxy_index.isValid() and not notify:
            self.mark_current(client_id)
        return proxy_index.isValid()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def mark_current(self, client_id: int | None) -> None:
        """The client the window shows (set by the window once it agreed to switch)."""
        self._current = client_id
        archived = False
        if client_id is not None:
            row = self.model.row_of(client_id)
            archived = row is not None and bool(
                self.model.data(self.model.index(row, 0), ARCHIVED_ROLE)
            )
        self.archive_button.setEnabled(client_id is not None)
        self.archive_button.setText("Restore" if archived else "Archive")

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._silent:
            return
        if not current.isValid():  # filtered away: keep showing the current client
            return
        client_id = current.data(ID_ROLE)
        if client_id == self._current:
            return
        self.client_chosen.emit(client_id)

    def _choose_first_match(self) -> None:
        if self.proxy.rowCount() > 0:
            self.table.setFocus()
            first = self.proxy.index(0, 0)
            self.table.selectionModel().setCurrentIndex(
                first,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _search_changed(self, text: str) -> None:
        # Filtering moves or drops the selected row; that must not switch the client.
        self._silent = True
        try:
            self.proxy.set_text(text)
        finally:
            self._silent = False
        self._reselect_current()

    def _reselect_current(self) -> None:
        if self._current is None:
            return
        row = self.model.row_of(self._current)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self._silent = True
            try:
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            finally:
                self._silent = False

    def _toggle_archived(self, show: bool) -> None:
        self._silent = True
        try:
            self.proxy.set_show_archived(show)
        finally:
            self._silent = False
        self._reselect_current()

    def _archive_clicked(self) -> None:
        if self._current is None:
            return
        row = self.model.row_of(self._current)
        archived = row is not None and bool(
            self.model.data(self.model.index(row, 0), ARCHIVED_ROLE)
        )
        self.archive_requested.emit(self._current, not archived)
