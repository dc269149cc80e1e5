"""A hold is prescribed as "10 holds of 5 seconds", not "10 sets" (#19, point 15): the count
box is named after the measure the therapist chose."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from bonecoach.ui.tabs.program_draft import NAME
from bonecoach.ui.tabs.program_tab import ProgramTab


def test_the_count_is_named_holds_bouts_or_sets_after_the_measure(
    qtbot: Any, context: Any, client_id: int
) -> None:
    from bonecoach.app.templates import shipped_templates

    tab = ProgramTab(context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    assert tab.apply_template(shipped_templates(context.library)[0])
    tab.show()
    with qtbot.waitActive(tab):
        tab.activateWindow()
    editor = tab.editor
    hold = next(
        i for i, item in enumerate(editor.model.items) if item.dosage.measure == "hold_seconds"
    )
    table = editor.table
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(editor.model.index(hold, NAME)).center(),
    )
    boxes = editor.dosage
    assert boxes.labels["Sets"].text() == "Holds"
    assert boxes.labels["Each set"].text() == "Each hold"
    assert boxes.sets.accessibleName() == "Holds"
    qtbot.mouseClick(boxes.measure, Qt.MouseButton.LeftButton)  # choose Minutes by keyboard
    qtbot.keyClick(boxes.measure, Qt.Key.Key_Escape)
    boxes.measure.setFocus()
    qtbot.keyClick(boxes.measure, Qt.Key.Key_Down)
    assert boxes.measure.currentData() == "minutes"
    assert boxes.labels["Sets"].text() == "Bouts"
    qtbot.keyClick(boxes.measure, Qt.Key.Key_Up)
    qtbot.keyClick(boxes.measure, Qt.Key.Key_Up)
    assert boxes.measure.currentData() == "reps"
    assert boxes.labels["Sets"].text() == "Sets"
