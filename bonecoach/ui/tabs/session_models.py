"""Table models for the Sessions tab: the logged sessions and the pending suggestions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from bonecoach.program.dosage_words import dosage_text
from bonecoach.program.sessions import RED_FLAGS
from bonecoach.program.suggestions import SuggestionKind
from bonecoach.ui.widgets.table_model import RowTableModel

Index = QModelIndex | QPersistentModelIndex
RED = QColor("#b3261e")

KIND_WORDS = {
    "progress_load": "Progress load",
    "step_up": "Step up",
    "reduce_support": "Less support",
    "regress": "Regress",
    "hold": "Hold",
    "stop_exercise": "Stop exercise",
    "red_flag": "RED FLAG",
}


class SessionsModel(RowTableModel):
    """Logged sessions, newest first (SessionRecord rows)."""

    headers = ("Date", "Where", "Done", "Max pain", "Red flags", "Notes")

    def set_rows(self, rows: Sequence[Any]) -> None:
        super().set_rows(sorted(rows, key=lambda r: (r.log.date, r.id), reverse=True))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        log = self.rows[index.row()].log
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            done = sum(1 for e in log.entries if e.sets_done > 0)
            pains = [e.pain_during for e in log.entries] + [
                e.pain_next_morning for e in log.entries if e.pain_next_morning is not None
            ]
            return (
                log.date.isoformat(),
                log.setting.value.capitalize(),
                f"{done} of {len(log.entries)}",
                f"{max(pains)}/10" if pains else "—",
                ", ".join(RED_FLAGS[f].symptom for f in log.red_flags) or "",
                log.notes,
            )[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 4 and log.red_flags:
            return QBrush(RED)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(
                f"{e.exercise_id}: {e.sets_done} sets, effort {e.effort}, pain {e.pain_during}"
                for e in log.entries
            )
        return None


# Actionable first: a red flag, then what would change the program, then holds.
KIND_ORDER = ("red_flag", "stop_exercise", "regress", "progress_load", "step_up", "reduce_support")
GREY = QColor("#6b6b6b")


class SuggestionsModel(RowTableModel):
    """Pending suggestions (domain Suggestion rows), one readable card per row."""

    headers = ("Suggestion",)

    def __init__(self, name_of: Callable[[str], str], parent: Any = None) -> None:
        super().__init__(parent)
        self.name_of = name_of

    def set_rows(self, rows: Sequence[Any]) -> None:
        def order(s: Any) -> int:
            kind = s.kind.value
            return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)

        super().set_rows(sorted(rows, key=order))

    def change_text(self, s: Any) -> str:
        if s.kind is SuggestionKind.STOP_EXERCISE:
            return "take it out of the program (this phase and the later ones) until reviewed"
        parts = []
        if s.new_exercise_id:
            parts.append(f"switch to {self.name_of(s.new_exercise_id)}")
        if s.new_dosage is not None:
            parts.append(dosage_text(s.new_dosage))
        if s.new_hand_support is not None:
            parts.append(f"hand support: {s.new_hand_support.value.replace('_', ' ')}")
        return "; ".join(parts) or "no change to the program"

    def card_text(self, s: Any) -> str:
        title = KIND_WORDS.get(s.kind.value, s.kind.value)
        if s.exercise_id:
            title += f" — {self.name_of(s.exercise_id)}"
        lines = [title]
        if s.changes_program:
            lines.append(f"Change: {self.change_text(s)}")
        lines.append(f"Why: {s.reason}")
        return "\n".join(lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.card_text(s)
        if role == Qt.ItemDataRole.ForegroundRole:
            if s.kind is SuggestionKind.RED_FLAG:
                return QBrush(RED)
            if s.kind is SuggestionKind.HOLD:
                return QBrush(GREY)
        if role == Qt.ItemDataRole.ToolTipRole:
            evidence = "\n".join(
                f"{e.date.isoformat()}: "
                + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in e.values.items())
                for e in s.evidence
            )
            sources = ", ".join(str(x) for x in s.source)  # the guideline, not a rule's key
            return f"Sources: {sources}\nSessions behind it:\n{evidence}".strip()
        return None
