"""The guideline coverage checklist of the phase being edited, redrawn on every program change.

Each line says what the guideline asks (clinical-guidance.md §4), what this phase gives, and
whether that meets it; the tooltip holds the detail and the sources.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from bonecoach.program.assessment import assess
from bonecoach.program.coverage import CoverageLine, PhaseCoverage, phase_coverage
from bonecoach.program.profile import ClientProfile
from bonecoach.ui.widgets.plain import PlainLabel, RichLabel, as_written

if TYPE_CHECKING:
    from bonecoach.program.exercise import Exercise
    from bonecoach.program.programs import Program
    from bonecoach.program.screening import ScreeningResult

MARKS = {  # met -> (mark, colour, word for screen readers)
    True: ("✔", "#1e6b34", "met"),
    False: ("✘", "#a3261c", "not met"),
    None: ("?", "#5f6368", "cannot be judged"),
}


def amount_text(line: CoverageLine) -> str:
    """ "3 of 2 days/week", or for a "none allowed" line just "1 exercises not allowed"."""
    if line.target == 0:
        return f"{line.actual:g} {line.unit}"
    return f"{line.actual:g} of {line.target:g} {line.unit}"


class CoveragePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = PlainLabel("No program yet.")
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Guideline coverage checklist")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.list.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = RichLabel("<b>Guideline coverage</b>")
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.coverage: PhaseCoverage | None = None

    def update_from(
        self,
        program: Program | None,
        phase_index: int,
        library: Mapping[str, Exercise],
        screening: Mapping[str, ScreeningResult] | None,
        profile: ClientProfile | None = None,
    ) -> None:
        """Recompute the checklist for one phase (cheap: a few dozen items at most); with
        the client's profile, aerobic intensity is checked after a fracture."""
        if program is None or not 0 <= phase_index < len(program.phases):
            self.coverage = None
            self.summary.setText("No program yet.")
            self.list.clear()
            return
        self.coverage = phase_coverage(
            program.phases[phase_index],
            library,
            screening=screening or None,
            assessment=None if profile is None else assess(profile),
            phase_index=phase_index,
        )
        self._show(self.coverage)

    def _show(self, coverage: PhaseCoverage) -> None:
        met = sum(1 for line in coverage.lines if line.met)
        self.summary.setText(f"{coverage.phase_name}: {met} of {len(coverage.lines)} targets met.")
        self.list.clear()
        for line in coverage.lines:
            mark, colour, word = MARKS[line.met]
            item = QListWidgetItem(f"{mark}  {line.label} — {amount_text(line)}")
            item.setForeground(QBrush(QColor(colour)))
            sources = ", ".join(s.value for s in line.source)
            item.setToolTip(as_written(f"{line.label}: {word}.\n{line.detail}\nSource: {sources}"))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{line.label}: {word}")
            item.setData(Qt.ItemDataRole.UserRole, line.id)
            self.list.addItem(item)

    def line_state(self, line_id: str) -> bool | None:
        """Whether ``line_id`` is met now (for tests and the save check)."""
        if self.coverage is None:
            raise LookupError("no coverage shown")
        return self.coverage.line(line_id).met
