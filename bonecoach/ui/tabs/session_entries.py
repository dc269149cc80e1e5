"""The editable per-exercise rows of a new session, pre-filled from the program.

Cells hold what the therapist typed; ``logs()`` turns the rows into validated ExerciseLog
objects, or problems keyed by (row, column) so the bad cells can be shown in red.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from bonecoach.program.dosage import BandColour
from bonecoach.ui.widgets.plain import as_written

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Exercise", "Sets", "Per set", "Load", "Effort", "Pain", "Pain next AM", "Notes")
TIPS = (
    "",
    "Sets done (0 if skipped)",
    "Reps, seconds or minutes in each set, as prescribed: one number for every set, or one "
    "per set: 12, 12, 10",
    "Kilograms (e.g. 3 or 3 kg), a band colour (e.g. red), or blank for body weight",
    "Effort 0-10 (blank if not asked)",
    "Pain during, 0-10",
    "Pain the next morning, 0-10 (blank if not known)",
    "Notes",
)
FIELD_COLUMN = {
    "sets_done": 1,
    "reps_per_set": 2,
    "seconds_per_set": 2,
    "load_kg": 3,
    "band_colour": 3,
    "effort": 4,
    "pain_during": 5,
    "pain_next_morning": 6,
    "notes": 7,
}
INVALID = QColor("#fbe3e1")


@dataclass
class EntryRow:
    exercise_id: str
    name: str
    measure: str  # "reps", "seconds" (holds) or "minutes" (walking, cycling: stored as seconds)
    cells: list[str] = field(default_factory=lambda: [""] * len(COLUMNS))


def row_from_item(item: Any, name: str) -> EntryRow:
    """Pre-fill one row from a ProgramItem: the prescribed dose, pain 0."""
    d = item.dosage
    if d.reps is not None:
        measure, per_set = "reps", str(d.reps)
    elif d.hold_seconds is not None:
        measure, per_set = "seconds", f"{d.hold_seconds} s"
    else:  # 30 minutes of walking reads "30 min", not "1800 s"
        measure, per_set = "minutes", f"{d.minutes or 0} min"
    load = f"{d.load_kg:g} kg" if d.load_kg is not None else (d.band_colour or "")
    cells = [name, str(d.sets), per_set, str(load), str(d.effort), "0", "", ""]
    return EntryRow(item.exercise_id, name, measure, cells)


def row_from_log(entry: Any, name: str) -> EntryRow:
    """One row as it was logged (to correct a session): sets, each set, load, effort, pain."""
    if entry.reps_per_set is not None:
        measure, per_set = "reps", ", ".join(str(r) for r in entry.reps_per_set)
    elif entry.seconds_per_set is not None:
        measure, per_set = "seconds", ", ".join(f"{s} s" for s in entry.seconds_per_set)
    else:
        measure, per_set = "reps", ""
    load = f"{entry.load_kg:g} kg" if entry.load_kg is not None else (entry.band_colour or "")
    effort = "" if entry.effort is None else str(entry.effort)
    morning = "" if entry.pain_next_morning is None else str(entry.pain_next_morning)
    cells = [name, str(entry.sets_done), per_set, str(load), effort, str(entry.pain_during),
             morning, entry.notes]  # fmt: skip
    return EntryRow(entry.exercise_id, name, measure, cells)


def _int(text: str, low: int, high: int, blank: int | None) -> tuple[int | None, str | None]:
    text = text.strip()
    if not text:
        return blank, None
    if not re.fullmatch(r"\d+", text):
        return None, "must be a whole number"
    value = int(text)
    if not low <= value <= high:
        return None, f"must be {low} to {high}"
    return value, None


def parse_load(text: str) -> tuple[dict[str, Any], str | None]:
    text = text.strip().lower()
    if not text or text in ("bw", "body weight", "bodyweight"):
        return {}, None
    colour = text.removesuffix("band").strip()
    if colour in {c.value for c in BandColour}:
        return {"band_colour": colour}, None
    number = text.removesuffix("kg").strip().replace(",", ".")
    try:
        return {"load_kg": float(number)}, None
    except ValueError:
        colours = ", ".join(c.value for c in BandColour)
        return {}, f"kilograms, or a band colour ({colours})"


_TIME_UNITS = {"min": 60, "mins": 60, "minute": 60, "minutes": 60, "m": 60}
_TIME_UNITS |= {"s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1}
_REP_UNITS = {"rep": 1, "reps": 1}


def parse_per_set(
    text: str, sets: int, measure: str = "reps"
) -> tuple[tuple[int, ...] | None, str | None]:
    """The count of each set: reps, or seconds (a minutes row's numbers are minutes, a
    seconds row's seconds; "90 s" or "2 min" say which)."""
    units = _REP_UNITS if measure == "reps" else _TIME_UNITS
    default = 60 if measure == "minutes" else 1
    values: list[int] = []
    for part in re.split(r"[,;]", text.lower()):
        if not part.strip():
            continue
        found = re.fullmatch(r"\s*(\d+)\s*([a-z]*)\s*", part)
        if found is None or (found.group(2) and found.group(2) not in units):
            example = {"reps": "12 or 12, 12, 10", "seconds": "30 or 30 s"}.get(
                measure, "30 or 30 min"
            )
            return None, f"whole numbers only, e.g. {example}"
        values.append(int(found.group(1)) * units.get(found.group(2), default))
    numbers = values
    if sets == 0:
        return None, None
    if not numbers:
        return None, "how many in each set?"
    counted = tuple(numbers)
    if len(counted) == 1:
        counted = counted * sets
    if len(counted) != sets:
        return None, f"{len(counted)} numbers for {sets} sets"
    return counted, None


class SessionEntryModel(QAbstractTableModel):
    edited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[EntryRow] = []
        self.problems: dict[tuple[int, int], str] = {}

    def set_rows(self, rows: Sequence[EntryRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.problems = {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return as_written(TIPS[section]) or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if index.column() == 0 else base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.rows[row].cells[col]
        problem = self.problems.get((row, col))
        if role == Qt.ItemDataRole.ToolTipRole:
            return as_written(problem or (TIPS[col] or self.rows[row].name))
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return QBrush(INVALID)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() == 0:
            return False
        self.rows[index.row()].cells[index.column()] = str(value)
        self.dataChanged.emit(index, index)
        self.edited.emit()
        return True

    def logs(self) -> tuple[list[Any], dict[tuple[int, int], str]]:
        """(ExerciseLog list, problems by (row, column)); marks the bad cells."""
        from pydantic import ValidationError

        from bonecoach.program.sessions import ExerciseLog

        logs: list[Any] = []
        problems: dict[tuple[int, int], str] = {}
        for r, row in enumerate(self.rows):
            found: dict[int, str] = {}
            c = row.cells
            sets, p = _int(c[1], 0, 10, None)
            if p or sets is None:
                found[1] = p or "required"
            per_set, p = parse_per_set(c[2], sets or 0, row.measure)
            if p and sets is not None:
                found[2] = p
            load, p = parse_load(c[3])
            if p:
                found[3] = p
            effort, p = _int(c[4], 0, 10, None)
            pain, p2 = _int(c[5], 0, 10, 0)
            morning, p3 = _int(c[6], 0, 10, None)
            for col, problem in ((4, p), (5, p2), (6, p3)):
                if problem:
                    found[col] = problem
            if not found:
                key = "reps_per_set" if row.measure == "reps" else "seconds_per_set"
                data = {
                    "exercise_id": row.exercise_id,
                    "sets_done": sets,
                    key: per_set,
                    "effort": effort,
                    "pain_during": pain,
                    "pain_next_morning": morning,
                    "notes": c[7].strip(),
                    **load,
                }
                try:
                    logs.append(ExerciseLog.model_validate(data))
                except ValidationError as exc:
                    for error in exc.errors():
                        name = str(error["loc"][0]) if error["loc"] else "notes"
                        message = str(error["msg"]).removeprefix("Value error, ")
                        found.setdefault(FIELD_COLUMN.get(name, 1), message)
            problems.update({(r, col): text for col, text in found.items()})
        self.problems = problems
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1)
            )
        return logs, problems
