"""One logged session, read-only: what was done per exercise, pain, notes and red flags."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from bonecoach.program.sessions import RED_FLAGS, SessionSetting
from bonecoach.ui.widgets.field_feedback import readonly_table
from bonecoach.ui.widgets.plain import RichLabel, as_written
from bonecoach.ui.widgets.table_model import RowTableModel

Index = QModelIndex | QPersistentModelIndex

HEADERS = ("Exercise", "Sets", "Each set", "Load", "Effort", "Pain", "Next AM", "Notes")


def _dash(value: Any) -> str:
    return "—" if value is None or value == "" else str(value)


def duration_text(seconds: int) -> str:
    """30 minutes of walking as "30 min", a 45-second hold as "45 s"."""
    return f"{seconds // 60} min" if seconds >= 120 and seconds % 60 == 0 else f"{seconds} s"


def entry_cells(entry: Any, name: str) -> tuple[str, ...]:
    if entry.reps_per_set is not None:
        each = ", ".join(str(r) for r in entry.reps_per_set)
    elif entry.seconds_per_set is not None:
        each = ", ".join(duration_text(s) for s in entry.seconds_per_set)
    else:
        each = "skipped" if entry.sets_done == 0 else "—"
    load = f"{entry.load_kg:g} kg" if entry.load_kg is not None else (entry.band_colour or "—")
    return (
        name,
        str(entry.sets_done),
        each,
        str(load),
        _dash(entry.effort),
        str(entry.pain_during),
        _dash(entry.pain_next_morning),
        entry.notes,
    )


class EntriesModel(RowTableModel):
    headers = HEADERS

    def __init__(self, log: Any, name_of: Callable[[str], str], parent: Any = None) -> None:
        super().__init__(parent)
        self.rows = [entry_cells(e, name_of(e.exercise_id)) for e in log.entries]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        return None


class SessionDetailDialog(QDialog):
    def __init__(
        self, record: Any, name_of: Callable[[str], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        log = record.log
        self.setWindowTitle(f"Session of {log.date.isoformat()}")
        where = "in the clinic" if log.setting is SessionSetting.CLINIC else "at home"
        lines = [
            f"<b>{log.date:%A %d %B %Y}</b>, {where}; logged by {escape(record.saved_by or '—')}"
        ]
        if log.red_flags:
            flags = "; ".join(RED_FLAGS[f].symptom for f in log.red_flags)
            lines.append(f"<span style='color:#b3261e'><b>Red flags:</b> {flags}</span>")
        if log.notes:
            lines.append(f"<b>Notes:</b> {escape(log.notes)}")
        self.summary = summary = RichLabel("<br>".join(lines))
        summary.setTextFormat(Qt.TextFormat.RichText)
        summary.setWordWrap(True)
        self.model = EntriesModel(log, name_of, self)
        table = readonly_table(self.model, "Exercises in this session")
        # what the therapist chose to do with it: "correct", "move" or "delete" (None: close)
        self.action: str | None = None
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for label, action, tip in (
            ("Correct…", "correct", "Open it in the form to change what was wrong"),
            ("Move to another client…", "move", "It was logged to the wrong client"),
            ("Delete…", "delete", "It should not have been logged"),
        ):
            button = buttons.addButton(label, QDialogButtonBox.ButtonRole.ActionRole)
            button.setToolTip(as_written(f"{tip}; the old entry is kept in the history"))
            button.clicked.connect(lambda _c=False, a=action: self._choose(a))
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        self.resize(820, 420)

    def _choose(self, action: str) -> None:
        self.action = action
        self.accept()
