"""The Sessions tab's progress charts: load and volume per exercise, adherence, pain."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QTabWidget, QVBoxLayout, QWidget

from bonecoach.ui.tabs import progress_charts as charts
from bonecoach.ui.tabs.charts import ChartPanel


class ProgressView(QTabWidget):
    def __init__(self, name_of: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_of = name_of
        self.points: Sequence[Any] = ()
        self.exercise = QComboBox()
        self.exercise.setAccessibleName("Exercise to chart")
        self.exercise.currentIndexChanged.connect(lambda _i: self._exercise_chart())
        self.load_chart = ChartPanel("Log sessions to see load and volume over time.")
        load_page = QWidget()
        load_layout = QVBoxLayout(load_page)
        load_layout.addWidget(self.exercise)
        load_layout.addWidget(self.load_chart, 1)
        self.adherence_chart = ChartPanel("Log sessions to see adherence per week.")
        self.pain_chart = ChartPanel("Log sessions to see the pain trend.")
        self.addTab(load_page, "Load and volume")
        self.addTab(self.adherence_chart, "Adherence")
        self.addTab(self.pain_chart, "Pain")

    def show_history(self, history: Any, program: Any) -> None:
        """Charts for a ClientHistory (None: empty) and the program it is measured against."""
        logs = [r.log for r in history.sessions] if history else []
        self.points = history.progress if history else ()
        self.adherence_chart.set_spec(
            charts.weekly_adherence(logs, charts.planned_days(program)) if logs else None
        )
        self.pain_chart.set_spec(charts.pain_trend(logs) if logs else None)
        self.exercise.blockSignals(True)
        self.exercise.clear()
        for exercise_id in sorted({p.exercise_id for p in self.points}):
            self.exercise.addItem(self.name_of(exercise_id), exercise_id)
        self.exercise.blockSignals(False)
        self._exercise_chart()

    def show_exercise(self, exercise_id: str) -> None:
        index = self.exercise.findData(exercise_id)
        if index >= 0:
            self.exercise.setCurrentIndex(index)

    def _exercise_chart(self) -> None:
        exercise_id = self.exercise.currentData()
        if exercise_id is None:
            self.load_chart.set_spec(None)
            return
        spec = charts.exercise_progress(self.points, exercise_id, self.name_of(exercise_id))
        self.load_chart.set_spec(spec)
