"""The exercise library as a table for one client: thumbnail, name, verdict badge, level.

Each row is a ``LibraryRow`` built once per client: the exercise, its screening result, and
everything the filter needs already lower-cased and turned into sets, so that refiltering
5,000 rows per keystroke never calls back into the domain (see library_filter.py).
Excluded exercises are greyed, with every reason and its source in the tooltip.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from bonecoach.program.exercise import Exercise
from bonecoach.ui.widgets.plain import as_written
from bonecoach.ui.widgets.table_model import RowTableModel

if TYPE_CHECKING:
    from bonecoach.program.screening import ScreeningResult
    from bonecoach.ui.library.thumbnails import ThumbnailCache

Index = QModelIndex | QPersistentModelIndex
EXERCISE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
VERDICT_ROLE = Qt.ItemDataRole.UserRole + 2
MIME_TYPE = "application/x-bonecoach-exercise-id"
HEADERS = ("Exercise", "Verdict", "Level")
NAME, VERDICT, LEVEL = range(3)
UNSCREENED = "not screened"

# Calm badge colours: a tinted background with dark text stays readable and prints in grey.
BADGES: dict[str, tuple[str, str, str]] = {  # verdict -> (label, background, text)
    "allowed": ("Allowed", "#dcefe0", "#1e4d2b"),
    "caution": ("Caution", "#fbecc8", "#5c4300"),
    "excluded": ("Excluded", "#f3d9d6", "#7a211a"),
    UNSCREENED: ("Not screened", "#e8eaed", "#3c4043"),
}
GREYED = QColor("#80868b")


def words(value: str) -> str:
    """A vocabulary value as the therapist reads it: "resistance_band" -> "resistance band"."""
    return value.replace("_", " ")


@dataclass(frozen=True, slots=True)
class LibraryRow:
    exercise: Exercise
    result: ScreeningResult | None
    verdict: str
    search: str  # lower-cased name, summary, id and tags: what the search box matches
    category: str
    position: str
    level: str
    regions: frozenset[str]
    equipment: frozenset[str]  # "none" for exercises that need nothing

    @property
    def excluded(self) -> bool:
        return self.verdict == "excluded"


def make_row(exercise: Exercise, result: ScreeningResult | None) -> LibraryRow:
    regions = frozenset(r.value for r in exercise.regions)
    equipment = frozenset(e.value for e in exercise.equipment) or frozenset({"none"})
    tags = [exercise.category.value, exercise.position.value, *regions, *equipment]
    search = " ".join([exercise.name, exercise.summary, exercise.id, *map(words, tags)])
    return LibraryRow(
        exercise=exercise,
        result=result,
        verdict=str(result.verdict.value) if result is not None else UNSCREENED,
        search=search.casefold(),
        category=exercise.category.value,
        position=exercise.position.value,
        level=str(exercise.level),
        regions=regions,
        equipment=equipment,
    )


def make_rows(
    exercises: Iterable[Exercise], results: Mapping[str, ScreeningResult] | None = None
) -> list[LibraryRow]:
    """Rows for ``exercises`` with their results by exercise id (None: no client yet)."""
    found = results or {}
    return [make_row(e, found.get(e.id)) for e in exercises]


def tooltip_for(row: LibraryRow) -> str:
    lines = [f"{row.exercise.name} (level {row.level}): {row.exercise.summary}"]
    result = row.result
    if result is not None and result.reasons:
        label = BADGES[row.verdict][0]
        lines.append(f"{label} for this client because:")
        lines.extend(f"• {r.text} [{r.source}]" for r in result.reasons)
    if result is not None and result.modification:
        lines.append(f"Modification: {result.modification}")
    return "\n".join(lines)


class LibraryModel(RowTableModel):
    """Rows of the library for the current client; ``set_rows`` replaces them all."""

    headers = HEADERS
    rows: list[LibraryRow]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._thumbnails: ThumbnailCache | None = None
        self.thumbnail_size = 52  # big enough to recognise the movement (40 was not)

    def set_thumbnails(self, cache: ThumbnailCache | None) -> None:
        self._thumbnails = cache

    def row_of(self, exercise_id: str) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.exercise.id == exercise_id), None)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        R = Qt.ItemDataRole
        if role == R.DisplayRole:
            if column == NAME:
                return row.exercise.name
            if column == VERDICT:
                return BADGES[row.verdict][0]
            return row.level
        if role == R.ToolTipRole:
            return as_written(tooltip_for(row))
        if role == R.TextAlignmentRole and column == LEVEL:
            return Qt.AlignmentFlag.AlignCenter
        if role == R.ForegroundRole:
            if column == VERDICT:
                return QBrush(QColor(BADGES[row.verdict][2]))
            return QBrush(GREYED) if row.excluded else None
        if role == R.BackgroundRole and column == VERDICT:
            return QBrush(QColor(BADGES[row.verdict][1]))
        if role == R.DecorationRole and column == NAME and self._thumbnails is not None:
            return self._thumbnails.icon(row.exercise.id, self.thumbnail_size)
        if role == R.AccessibleTextRole:
            return f"{row.exercise.name}, {BADGES[row.verdict][0]}"
        if role == EXERCISE_ID_ROLE:
            return row.exercise.id
        if role == VERDICT_ROLE:
            return row.verdict
        return None

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = []
        for index in indexes:
            exercise_id = self.rows[index.row()].exercise.id
            if exercise_id not in ids:
                ids.append(exercise_id)
        mime = QMimeData()
        mime.setData(MIME_TYPE, "\n".join(ids).encode("utf-8"))
        return mime
