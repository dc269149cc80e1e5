"""Value-axis labels stay readable in the short chart panels (#19, polish): five ticks in a
panel about 190 px high were elided to "..." and the T-score could not be read."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCharts import QChartView, QValueAxis

from bonecoach.ui.tabs.charts import ChartSpec, Series, _build


@pytest.mark.parametrize(
    "spec",
    [
        ChartSpec(
            title="Profile history",
            series=[
                Series("T-score", points=[(date(2026, 12, 4), -2.9)]),
                Series("TUG (s)", points=[(date(2026, 12, 4), 12.5)], right_axis=True),
            ],
            left_label="T-score",
            right_label="s / falls",
        ),
        ChartSpec(
            title="Pain",
            series=[Series("During", points=[(date(2026, 11, d), d % 4) for d in (2, 9, 16)])],
            left_label="0-10",
            left_range=(0, 10),
        ),
    ],
    ids=["profile history", "pain"],
)
def test_each_value_label_has_room_for_its_line(qtbot: Any, spec: ChartSpec) -> None:
    chart = _build(spec)
    view = QChartView(chart)
    qtbot.addWidget(view)
    view.resize(380, 190)  # about the profile tab's history panel at 1366 x 768
    view.show()
    qtbot.waitExposed(view)
    axes = [a for a in chart.axes() if isinstance(a, QValueAxis)]
    assert axes
    line = view.fontMetrics().height()
    for axis in axes:
        gap = chart.plotArea().height() / max(1, axis.tickCount() - 1)
        assert gap >= 1.5 * line, (axis.titleText(), axis.tickCount(), gap, line)


def test_whole_numbers_get_whole_number_labels(qtbot: Any) -> None:
    """Eight reps, twice, read 7.5 / 8 / 8.5 reps."""
    spec = ChartSpec(
        title="Bridge: load and volume",
        series=[Series("Total reps", points=[(date(2026, 11, 28), 8), (date(2026, 12, 1), 8)])],
        left_label="reps",
    )
    chart = _build(spec)
    [axis] = [a for a in chart.axes() if isinstance(a, QValueAxis)]
    lo, hi, ticks = axis.min(), axis.max(), axis.tickCount()
    labels = [lo + i * (hi - lo) / (ticks - 1) for i in range(ticks)]
    assert all(float(v).is_integer() for v in labels), labels
    assert lo <= 8 <= hi and axis.labelFormat() == "%d"
