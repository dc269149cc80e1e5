"""Charts for the profile history and the progress views, built only when first seen.

QtCharts is imported inside ``ChartPanel._render`` (never at module import) so the main
window shows without paying for it; a panel hidden in a tab renders when its tab opens.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from bonecoach.ui.widgets.plain import PlainLabel


@dataclass(frozen=True)
class Series:
    name: str
    points: list[tuple[date, float]] = field(default_factory=list)  # line charts
    values: list[float] = field(default_factory=list)  # bar charts, one per category
    right_axis: bool = False


@dataclass(frozen=True)
class ChartSpec:
    title: str
    series: list[Series]
    left_label: str = ""
    right_label: str = ""
    categories: list[str] | None = None  # set: a bar chart over these categories
    left_range: tuple[float, float] | None = None

    @property
    def empty(self) -> bool:
        return not any(s.points or s.values for s in self.series)


class ChartPanel(QWidget):
    """Shows a ``ChartSpec``; the chart is built lazily, on first show."""

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec: ChartSpec | None = None
        self._stale = False
        self.view: Any = None  # QChartView once rendered
        self.placeholder = PlainLabel(empty_text)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.placeholder)

    @property
    def spec(self) -> ChartSpec | None:
        return self._spec

    def set_spec(self, spec: ChartSpec | None) -> None:
        self._spec = spec
        self._stale = True
        if self.isVisible():
            self.render_now()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.render_now()

    def render_now(self) -> None:
        self._stale = False
        spec = self._spec
        if spec is None or spec.empty:
            if self.view is not None:
                self.view.hide()
            self.placeholder.show()
            return
        from PySide6.QtCharts import QChartView

        if self.view is None:
            self.view = QChartView()
            self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.view.setAccessibleName(spec.title)
            self._layout.addWidget(self.view)
        self.view.setChart(_build(spec))
        self.placeholder.hide()
        self.view.show()


def _at(day: date, hour: int) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(hour, 0))


def _stamp(day: date) -> float:
    return float(_at(day, 12).toMSecsSinceEpoch())


def _build(spec: ChartSpec) -> Any:
    from PySide6.QtCharts import (
        QBarCategoryAxis,
        QBarSeries,
        QBarSet,
        QChart,
        QDateTimeAxis,
        QLineSeries,
        QValueAxis,
    )

    chart = QChart()
    chart.setTitle(spec.title)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(chart.margins().__class__(4, 4, 4, 4))
    left = QValueAxis()
    left.setTitleText(spec.left_label)
    left.setLabelFormat("%g")
    chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
    if spec.categories is not None:
        bars = QBarSeries()
        for s in spec.series:
            bar_set = QBarSet(s.name)
            bar_set.append([float(v) for v in s.values])
            bars.append(bar_set)
        chart.addSeries(bars)
        x_axis = QBarCategoryAxis()
        x_axis.append(spec.categories)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        bars.attachAxis(x_axis)
        bars.attachAxis(left)
        values = [float(v) for s in spec.series for v in s.values]
        top = max(values, default=1.0)
        if all(v.is_integer() for v in values):  # counts (days a week): whole-number ticks,
            upper = max(1, math.ceil(top))  # never 1.925 / 3.85 / 5.775 days
            left.setRange(0, upper)
            left.setTickCount(upper + 1 if upper <= 8 else 5)
            if upper > 8:
                left.applyNiceNumbers()
            left.setLabelFormat("%d")
        else:
            left.setRange(0, max(1.0, top) * 1.1)
        return chart
    date_axis = QDateTimeAxis()
    date_axis.setTickCount(4)  # readable in a narrow panel
    chart.addAxis(date_axis, Qt.AlignmentFlag.AlignBottom)
    right = None
    if any(s.right_axis for s in spec.series):
        right = QValueAxis()
        right.setTitleText(spec.right_label)
        right.setLabelFormat("%g")
        chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
    days = [d for s in spec.series for d, _ in s.points]
    for s in spec.series:
        line = QLineSeries()
        line.setName(s.name)
        line.setPointsVisible(True)
        for day, value in s.points:
            line.append(_stamp(day), float(value))
        chart.addSeries(line)
        line.attachAxis(date_axis)
        line.attachAxis(right if s.right_axis and right is not None else left)
    first, last = min(days), max(days)
    date_axis.setFormat("d MMM" if (last - first).days < 300 else "MMM yyyy")
    if first == last:
        first = date.fromordinal(first.toordinal() - 3)
        last = date.fromordinal(last.toordinal() + 3)
    date_axis.setRange(_at(first, 0), _at(last, 23))
    _fit(left, [v for s in spec.series if not s.right_axis for _, v in s.points], spec.left_range)
    if right is not None:
        _fit(right, [v for s in spec.series if s.right_axis for _, v in s.points], None)
    return chart


def _fit(axis: Any, values: list[float], fixed: tuple[float, float] | None) -> None:
    if fixed is not None:
        axis.setRange(*fixed)
        axis.setTickCount(3)
        return
    if not values:
        axis.setRange(0, 1)
        return
    low, high = min(values), max(values)
    if all(float(v).is_integer() for v in values):  # reps, falls: whole-number labels
        bottom = math.floor(low - max(1.0, (high - low) * 0.15))
        bottom = max(0, bottom) if low >= 0 else bottom
        top = math.ceil(high + max(1.0, (high - low) * 0.15))
        top += (top - bottom) % 2  # an even span: the middle label is whole too
        axis.setRange(bottom, top)
        axis.setTickCount(3)
        axis.setLabelFormat("%d")
        return
    pad = max(0.5, (high - low) * 0.15)
    lower = max(0.0, low - pad) if low >= 0 else low - pad  # counts never go below 0
    axis.setRange(lower, high + pad)
    # three labels: the panels are short, and five crowded labels were elided to "..."
    axis.setTickCount(3)
    axis.applyNiceNumbers()  # round tick labels (2.5, 5, 7.5), not 17.2125
