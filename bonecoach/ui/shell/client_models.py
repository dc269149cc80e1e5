"""The client list's item model and filter: plain client records in, type-ahead search by name
or clinic id, archived clients hidden unless asked (tested without any widget).

These two are on screen before the first paint, so they avoid PySide6's ``Qt`` namespace:
touching any of its enums (``Qt.ItemDataRole``, ``Qt.Orientation``...) builds the Python
classes of all of them, about 14 ms, a seventh of a bare window's whole start. Hence a
QStandardItemModel (its data and headers stay in C++, so no Python override is called with
a ``Qt`` enum while the table lays out) and roles as the plain ints Qt defines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QWidget

from bonecoach.ui.widgets.plain import as_written

Index = QModelIndex | QPersistentModelIndex
_USER_ROLE = 256  # Qt.ItemDataRole.UserRole
ID_ROLE = _USER_ROLE + 1
ARCHIVED_ROLE = _USER_ROLE + 2
_CASE_INSENSITIVE = 0  # Qt.CaseSensitivity.CaseInsensitive
HEADERS = ("Name", "Clinic ID", "Visit", "Review")  # last visit; program review due
LAST_VISIT, REVIEW = 2, 3


class ClientListModel(QStandardItemModel):
    """One row per client record (anything with ``id``, ``name``, ``clinic_id``, ``archived``);
    ``rows`` keeps the records themselves for the filter and for lookups."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setHorizontalHeaderLabels(list(HEADERS))
        self.rows: list[Any] = []
        self._row_of: dict[int, int] = {}
        self.flagged: set[int] = set()  # clients with a red flag not yet reviewed
        self.overview: dict[int, Any] = {}  # ClientOverview by id: last visit, review due

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace every row in one reset (not a signal per row: 1,000 clients at start-up)."""
        self.beginResetModel()
        blocked = self.blockSignals(True)
        try:
            self.setRowCount(0)
            self.rows = list(rows)
            self._row_of = {row.id: i for i, row in enumerate(self.rows)}
            italic = None
            for row in self.rows:
                name = QStandardItem(f"{row.name} (archived)" if row.archived else row.name)
                name.setData(row.id, ID_ROLE)
                name.setData(bool(row.archived), ARCHIVED_ROLE)
                name.setToolTip(as_written(f"{row.name}, clinic id {row.clinic_id or 'none'}"))
                if row.archived:
                    italic = italic or _italic_font()
                    name.setFont(italic)
                self.appendRow(
                    [name, QStandardItem(row.clinic_id or ""), QStandardItem(), QStandardItem()]
                )
        finally:
            self.blockSignals(blocked)
        self.endResetModel()
        self._show_flags()
        self._show_overview()

    def set_overview(self, overview: dict[int, Any], today: Any = None) -> None:
        """Last visit and review due, per client (ClientOverview by id; partial updates
        merge); the red flags among them mark the names."""
        self.overview.update(overview)
        flagged = {i for i, o in overview.items() if o.red_flag}
        self.flagged = (self.flagged - set(overview)) | flagged
        self._show_flags()
        # only the rows that changed: after a session is saved, one client of maybe 1,000
        self._show_overview(today, [r for i in overview if (r := self.row_of(i)) is not None])

    def _show_overview(self, today: Any = None, rows: Sequence[int] | None = None) -> None:
        import datetime as dt

        from PySide6.QtGui import QBrush, QColor

        day = today or dt.date.today()
        for i in range(len(self.rows)) if rows is None else rows:
            row = self.rows[i]
            seen = self.overview.get(row.id)
            visit = seen.last_visit if seen else None
            review = seen.review_on if seen else None
            visit_item, review_item = self.item(i, LAST_VISIT), self.item(i, REVIEW)
            visit_item.setText(_short(visit, day) if visit else "")
            visit_item.setToolTip(
                as_written(f"Last session logged {visit:%d %B %Y}" if visit else "")
            )
            if review is None:
                review_item.setText("")
                review_item.setData(None, 9)
                review_item.setToolTip("")
                continue
            due = review <= day
            review_item.setText(
                "overdue" if review < day else ("today" if due else _short(review, day))
            )
            review_item.setData(QBrush(QColor("#a3261c")) if due else None, 9)
            review_item.setToolTip(
                as_written(
                    f"Program review {'was due' if review < day else 'due'} {review:%d %B %Y} "
                    "(the handout's 'Review on')"
                )
            )

    def set_flagged(self, client_ids: set[int]) -> None:
        """Mark the clients with a red flag to review: it follows the client into the list."""
        self.flagged = set(client_ids)
        self._show_flags()

    def _show_flags(self) -> None:
        from PySide6.QtGui import QBrush, QColor

        for i, row in enumerate(self.rows):
            item = self.item(i, 0)
            flagged = row.id in self.flagged
            base = f"{row.name} (archived)" if row.archived else str(row.name)
            text = f"⚠ {base}" if flagged else base
            if item.text() != text:
                item.setText(text)
                # the theme's colour unless flagged (9 is Qt.ItemDataRole.ForegroundRole)
                item.setData(QBrush(QColor("#a3261c")) if flagged else None, 9)
                note = " — red flag to review" if flagged else ""
                clinic = row.clinic_id or "none"
                item.setToolTip(as_written(f"{row.name}, clinic id {clinic}{note}"))

    def record(self, client_id: int) -> Any | None:
        row = self.row_of(client_id)
        return None if row is None else self.rows[row]

    def row_of(self, client_id: int) -> int | None:
        return self._row_of.get(client_id)


def _short(day: Any, today: Any) -> str:
    """ "2 Dec" this year, "2 Dec 2025" another."""
    text = f"{day.day} {day:%b}"
    return text if day.year == today.year else f"{text} {day.year}"


def _italic_font() -> Any:
    from PySide6.QtGui import QFont  # only when there are archived clients

    font = QFont()
    font.setItalic(True)
    return font


class ClientFilter(QSortFilterProxyModel):
    """Matches the search text against name or clinic id; hides archived unless asked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._show_archived = False
        # Set through the property system, which takes Qt's int (see the module note).
        self.setProperty("sortCaseSensitivity", _CASE_INSENSITIVE)

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


def client_heading(record: Any, today: Any = None) -> str:
    """The line naming the client over every tab: name, age (from the date of birth) and
    clinic ID, so the record on screen is never mistaken for the one highlighted."""
    import datetime as dt

    parts = [str(record.name)]
    born = record.date_of_birth
    if isinstance(born, str):
        try:
            born = dt.date.fromisoformat(born)
        except ValueError:
            born = None
    if isinstance(born, dt.date):
        day = today or dt.date.today()
        age = day.year - born.year - ((day.month, day.day) < (born.month, born.day))
        parts.append(f"{age} years (born {born.strftime('%-d %b %Y')})")
    if record.clinic_id:
        parts.append(f"clinic ID {record.clinic_id}")
    return "  ·  ".join(parts)
