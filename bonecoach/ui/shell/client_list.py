"""The client list on the left: type-ahead search by name or clinic id, archived hidden.

``ClientListModel`` adapts plain client records (anything with ``id``, ``name``,
``clinic_id`` and ``archived``) with one ``set_rows``; ``ClientFilter`` does the search and the
archived toggle; ``ClientListPanel`` is the widget the main window docks on the left.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
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

from bonecoach.ui.shell.client_models import ARCHIVED_ROLE, ID_ROLE, ClientFilter, ClientListModel

__all__ = ["ARCHIVED_ROLE", "ID_ROLE", "ClientFilter", "ClientListModel", "ClientListPanel"]


class _ClientTable(QTableView):
    """The list's table, saying when its width changes (its columns are fitted to it)."""

    resized = Signal()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.resized.emit()


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
        # Clients arrive in name order; the proxy sorts only when a header is clicked
        # (sorting 1,000 rows through Python costs more than the whole window's first paint).
        self._current: int | None = None
        self._silent = False

        self.search = QLineEdit(placeholderText="Search name or clinic ID")
        self.search.setAccessibleName("Search clients")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._choose_first_match)

        self.table = _ClientTable()
        self.table.resized.connect(self._fit_columns)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAccessibleName("Clients")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)  # not measured per row
        metrics = self.fontMetrics()
        # the width each column asks for; the name keeps room for a usual name, so in a
        # narrow list the extras go (last visit first, then review, then clinic ID), never it
        self._widths = {1: metrics.horizontalAdvance("Clinic ID") + 14}
        self._widths |= {c: metrics.horizontalAdvance("overdue") + 12 for c in (2, 3)}
        self._name_room = metrics.horizontalAdvance("Margaret Okafor") + 12
        for column, width in self._widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
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

    def _fit_columns(self) -> None:
        room = self.table.viewport().width() - self._name_room
        for column in (1, 3, 2):  # kept in this order while there is room
            fits = room >= self._widths[column]
            self.table.setColumnHidden(column, not fits)
            if fits:
                self.table.horizontalHeader().resizeSection(column, self._widths[column])
                room -= self._widths[column]

    @property
    def current_client(self) -> int | None:
        return self._current

    def set_clients(self, rows: Sequence[Any]) -> None:
        """Replace the list, keeping the current client selected if it is still shown."""
        keep = self._current
        self._silent = True
        try:
            self.model.set_rows(rows)
            column = self.table.horizontalHeader().sortIndicatorSection()
            # the user sorted by a column: keep that
            if self.table.isSortingEnabled() and 0 <= column < 2:
                self.proxy.sort(column, self.table.horizontalHeader().sortIndicatorOrder())
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
                if not notify and client_id is None:  # hidden by the search: still shown
                    self.mark_current(None)
        finally:
            self._silent = False
        if proxy_index.isValid() and not notify:
            self.mark_current(client_id)
        return proxy_index.isValid()

    def enable_sorting(self) -> None:
        """Sort by a column when its header is clicked; until then the list keeps the name
        order it arrived in. Called once the window is up: it is the first use of the ``Qt``
        enums (see client_models), which would otherwise delay the first paint."""
        from PySide6.QtCore import Qt

        if self.table.isSortingEnabled():
            return
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

    def focus_search(self) -> None:
        from PySide6.QtCore import Qt

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
        """After a filter: the row highlighted is the client on screen, or none is.

        Filtering the shown client away used to leave Qt's current row on whichever row
        remained (another client highlighted under this one's record), and a click on that
        row then opened nobody, as it was already "current"."""
        row = None if self._current is None else self.model.row_of(self._current)
        index = QModelIndex() if row is None else self.proxy.mapFromSource(self.model.index(row, 0))
        self._silent = True
        try:
            selection = self.table.selectionModel()
            if index.isValid():
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            else:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
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
