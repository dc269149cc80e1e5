"""Phase edits in the program editor: copy forward, add, rename, remove, start date."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QInputDialog, QMessageBox

from bonecoach.ui.tabs.program_tab import ProgramTab


@pytest.fixture
def tab(qtbot: Any, context: Any, client_id: int) -> ProgramTab:
    widget = ProgramTab(context)
    qtbot.addWidget(widget)
    widget.set_client(client_id)
    widget.new_blank_program()
    return widget


def allowed(tab: ProgramTab, n: int) -> list[str]:
    screening = tab.client.screening  # type: ignore[union-attr]
    return [i for i, r in screening.items() if r.verdict.value == "allowed"][:n]


def test_copy_previous_phase_forward(tab: ProgramTab) -> None:
    ids = allowed(tab, 2)
    for exercise_id in ids:
        tab.editor.add_exercise(exercise_id)
    tab.editor.phase.setCurrentIndex(1)
    assert tab.editor.model.rowCount() == 0
    tab.editor.phase_button.copy_previous()
    assert [i.exercise_id for i in tab.editor.model.items] == ids
    tab.editor.phase.setCurrentIndex(0)
    tab.editor.phase_button.copy_previous()  # nothing before the first phase: explained
    assert tab.context.errors.shown[-1][0] == "Phase not changed"


def test_add_rename_remove_phases(tab: ProgramTab, monkeypatch: pytest.MonkeyPatch) -> None:
    tab.editor.phase.setCurrentIndex(0)
    tab.editor.phase_button.add_after()
    program = tab.document.program
    assert program is not None
    assert [(p.start_week, p.end_week) for p in program.phases] == [
        (1, 4), (5, 8), (9, 12), (13, 16)
    ]  # fmt: skip
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Settle in", True)))
    tab.editor.phase_button.rename()
    assert tab.document.program.phases[0].name == "Settle in"  # type: ignore[union-attr]
    assert tab.editor.phase.itemText(0) == "Settle in"
    tab.editor.add_exercise(allowed(tab, 1)[0])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.editor.phase_button.remove()
    assert len(tab.document.program.phases) == 3  # type: ignore[union-attr]
    assert tab.document.undo() and len(tab.document.program.phases) == 4  # type: ignore[union-attr]


def test_start_date_is_set_and_editable(tab: ProgramTab) -> None:
    program = tab.document.program
    assert program is not None and program.start_date == dt.date.today()
    tab.editor.start.setDate(QDate(2027, 1, 4))
    assert tab.document.program.start_date == dt.date(2027, 1, 4)  # type: ignore[union-attr]
