"""The profile history: one row per saved profile version (date, T-score, falls, TUG)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from bonecoach.ui.tabs.charts import ChartSpec, Series
from bonecoach.ui.widgets.plain import as_written
from bonecoach.ui.widgets.table_model import RowTableModel

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Recorded", "T-score", "Falls", "TUG (s)")


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


class ProfileHistoryModel(RowTableModel):
    """Newest first, over ProfileVersionRecord-like rows."""

    headers = HEADERS

    def set_rows(self, rows: Sequence[Any]) -> None:
        super().set_rows(sorted(rows, key=lambda r: (r.recorded_on, r.saved_at), reverse=True))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.recorded_on.isoformat(),
                _number(row.t_score_lowest),
                str(row.falls_past_year),
                _number(row.tug_seconds),
            )[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (1, 2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            saved = f"Saved {row.saved_at:%Y-%m-%d} by {row.saved_by or 'unknown'}"
            return as_written(f"{saved}\n{row.note}" if row.note else saved)
        return None


def history_chart(rows: Sequence[Any]) -> ChartSpec:
    ordered = sorted(rows, key=lambda r: (r.recorded_on, r.saved_at))
    t_scores = [(r.recorded_on, r.t_score_lowest) for r in ordered if r.t_score_lowest is not None]
    tug = [(r.recorded_on, r.tug_seconds) for r in ordered if r.tug_seconds is not None]
    falls = [(r.recorded_on, float(r.falls_past_year)) for r in ordered]
    return ChartSpec(
        title="Profile history",
        series=[
            Series("T-score", points=t_scores),
            Series("TUG (s)", points=tug, right_axis=True),
            Series("Falls", points=falls, right_axis=True),
        ],
        left_label="T-score",
        right_label="s / falls",
    )
