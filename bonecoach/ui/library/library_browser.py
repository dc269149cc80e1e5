"""The library side of the Program tab: search box, facet filters, "hide excluded", the table.

Enter or double-click on a row asks to add that exercise (``add_requested``); rows can also be
dragged onto the program. Selecting a row shows its details (``exercise_selected``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bonecoach.program.vocabulary import Category, Equipment, Position, Region
from bonecoach.ui.library.library_filter import LibraryFilter
from bonecoach.ui.library.library_model import (
    BADGES,
    EXERCISE_ID_ROLE,
    HEADERS,
    LEVEL,
    NAME,
    VERDICT,
    LibraryModel,
    LibraryRow,
    words,
)
from bonecoach.ui.widgets.plain import PlainLabel, RichLabel

ANY = "Any"


def facet_choices() -> dict[str, list[tuple[str, str]]]:
    """facet -> [(label, value)] offered in its drop-down, after "Any"."""

    def listed(values: Sequence[str]) -> list[tuple[str, str]]:
        return [(words(v).capitalize(), v) for v in values]

    return {
        "category": listed([c.value for c in Category]),
        "region": listed([r.value for r in Region]),
        "position": listed([p.value for p in Position]),
        "equipment": [("No equipment", "none"), *listed([e.value for e in Equipment])],
        "level": [(f"Level {n}", str(n)) for n in range(1, 5)],
        "verdict": [(BADGES[v][0], v) for v in ("allowed", "caution", "excluded")],
    }


class LibraryTable(QTableView):
    """The table; Enter adds the current exercise (the view would otherwise start editing)."""

    activated_row = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class LibraryBrowser(QWidget):
    add_requested = Signal(str)  # exercise id
    exercise_selected = Signal(str)  # exercise id

    def __init__(self, model: LibraryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._refiltering = False
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(model)

        self.search = QLineEdit(placeholderText="Search exercises (name, body area, equipment)")
        self.search.setAccessibleName("Search the exercise library")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self._filter(self.proxy.set_search, text))
        self.search.returnPressed.connect(self._focus_first)

        self.facets: dict[str, QComboBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        for i, (facet, choices) in enumerate(facet_choices().items()):
            combo = QComboBox()
            # Narrow by default: the widest value must not force the whole tab wider.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(5)
            combo.addItem(ANY, None)
            for label, value in choices:
                combo.addItem(label, value)
            combo.setAccessibleName(f"Filter by {facet}")
            combo.currentIndexChanged.connect(lambda _i, f=facet: self._facet_changed(f))
            caption = PlainLabel(facet.capitalize())
            caption.setBuddy(combo)
            row, col = divmod(i, 2)
            grid.addWidget(caption, row, col * 2)
            grid.addWidget(combo, row, col * 2 + 1)
            self.facets[facet] = combo
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.hide_excluded = QCheckBox("Hide excluded")
        self.hide_excluded.toggled.connect(
            lambda hide: self._filter(self.proxy.set_hide_excluded, hide)
        )
        self.check_equipment = QCheckBox("Flag missing equipment")
        self.check_equipment.setChecked(True)
        self.check_equipment.setToolTip(
            "On: exercises needing home equipment the client lacks are a caution. "
            "Switch off for work done in the clinic."
        )
        self.count = PlainLabel()
        self.count.setAccessibleName("Number of exercises shown")
        # context help: what the verdicts mean and where their rules come from (the guide)
        self.verdict_help = RichLabel(
            "<a href='#verdicts'>What do allowed, caution and excluded mean?</a>"
        )
        self.verdict_help.setAccessibleName("What the verdicts mean")
        self.verdict_help.linkActivated.connect(self._open_verdict_help)

        self.table = LibraryTable()
        self.table.setAccessibleName("Exercise library")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.table.setIconSize(QSize(2 * model.thumbnail_size, model.thumbnail_size))
        self.table.setWordWrap(True)  # long names take two lines of the fixed-height row
        # by pixel (smooth with tall rows); a filter change snaps back to a whole row
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        vertical = self.table.verticalHeader()
        vertical.hide()
        # Fixed row heights: the view never measures 5,000 rows after a refilter.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(model.thumbnail_size + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        # Widths from the known labels, measured once: ResizeToContents would sample up to
        # 1,000 rows through Python data() calls after every refilter (most of a keystroke).
        metrics = self.table.fontMetrics()
        pad = 2 * metrics.averageCharWidth()  # the names need the room
        for column, labels in ((VERDICT, [b[0] for b in BADGES.values()]), (LEVEL, ["Level"])):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            width = max(metrics.horizontalAdvance(text) for text in [*labels, HEADERS[column]])
            header.resizeSection(column, width + pad)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated_row.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.proxy.layoutChanged.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addLayout(grid)
        toggles = QHBoxLayout()
        toggles.addWidget(self.hide_excluded)
        toggles.addWidget(self.check_equipment)
        toggles.addStretch(1)
        layout.addLayout(toggles)
        layout.addWidget(self.table, 1)
        # one under the other: side by side they set the pane's narrowest width
        layout.addWidget(self.count)
        layout.addWidget(self.verdict_help)
        self._update_count()

    def _facet_changed(self, facet: str) -> None:
        value = self.facets[facet].currentData()
        self._filter(self.proxy.set_facet, facet, None if value is None else [value])

    def _filter(self, change: Callable[..., None], *args: Any) -> None:
        """Apply a filter change without moving the selection to another exercise: the one
        the therapist chose stays selected and in view, or, filtered out, nothing is (Qt
        would otherwise make a neighbouring row current and show its details)."""
        chosen = self._current_id()
        self._refiltering = True
        try:
            change(*args)
            row = self._proxy_row(chosen) if chosen else None
            selection = self.table.selectionModel()
            if row is None:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), selection.SelectionFlag.NoUpdate)
            else:
                index = self.proxy.index(row, NAME)
                flags = selection.SelectionFlag.ClearAndSelect | selection.SelectionFlag.Rows
                selection.setCurrentIndex(index, flags)
        finally:
            self._refiltering = False
        # once the view has laid out the new rows (it does so on the next turn)
        QTimer.singleShot(0, self._settle)

    def _settle(self) -> None:
        """The chosen exercise in view, and the list resting on a whole row, never half."""
        self.table.updateGeometries()  # the scroll range of the new rows, now
        index = self.table.currentIndex()
        if index.isValid():
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        bar = self.table.verticalScrollBar()
        step = self.table.verticalHeader().defaultSectionSize()
        if step > 0 and bar.value() % step:
            bar.setValue(bar.value() // step * step)

    def _current_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        found = index.siblingAtColumn(NAME).data(EXERCISE_ID_ROLE)
        return str(found) if found else None

    def _proxy_row(self, exercise_id: str) -> int | None:
        source = self.model.row_of(exercise_id)
        if source is None:
            return None
        index = self.proxy.mapFromSource(self.model.index(source, NAME))
        return index.row() if index.isValid() else None

    def _open_verdict_help(self, _link: str = "") -> None:
        from bonecoach.ui.widgets.guide import show_guide

        self.guide = show_guide(self.window(), "verdicts")

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total} exercises shown")

    def _focus_first(self) -> None:
        if self.proxy.rowCount():
            self.table.setFocus()
            self.table.setCurrentIndex(self.proxy.index(0, NAME))

    def _activated(self, index: QModelIndex) -> None:
        exercise_id = index.siblingAtColumn(NAME).data(EXERCISE_ID_ROLE)
        if exercise_id:
            self.add_requested.emit(exercise_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._refiltering:  # the filter moved it, not the therapist
            return
        exercise_id = current.siblingAtColumn(NAME).data(EXERCISE_ID_ROLE)
        if exercise_id:
            self.exercise_selected.emit(exercise_id)

    def current_row(self) -> LibraryRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index).row())
