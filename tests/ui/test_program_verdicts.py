"""Program rows carry the same verdict mark as the library, and say when equipment is
missing (#19, point 12): the program table showed no verdict, so a caution or an overridden
exclusion looked like any other row."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from bonecoach.ui.tabs.program_draft import NAME, VERDICT
from bonecoach.ui.tabs.program_tab import ProgramTab


@pytest.fixture
def tab(qtbot: Any, context: Any, client_id: int) -> ProgramTab:
    shown = ProgramTab(context)
    qtbot.addWidget(shown)
    shown.set_client(client_id)
    shown.new_blank_program()
    shown.show()
    with qtbot.waitActive(shown):
        shown.activateWindow()
    return shown


def _add_by_search(qtbot: Any, tab: ProgramTab, name: str) -> str:
    """Type the name in the library search, click the row, press Enter: the row's verdict."""
    browser = tab.browser
    browser.hide_excluded.setChecked(False)
    if browser.check_equipment.isChecked():
        browser.check_equipment.setChecked(False)  # show what needs equipment too
    qtbot.mouseClick(browser.search, Qt.MouseButton.LeftButton)
    qtbot.keyClick(browser.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(browser.search, name)
    proxy = browser.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == name)
    table = browser.table
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(proxy.index(row, 0)).center(),
    )
    qtbot.keyClick(table, Qt.Key.Key_Return)
    return str(proxy.index(row, 1).data())


def test_each_program_row_shows_the_verdict_the_library_shows(
    qtbot: Any, tab: ProgramTab, context: Any
) -> None:
    screening = tab.client.screening  # type: ignore[union-attr]
    by_verdict: dict[str, str] = {}
    for exercise_id, result in screening.items():
        exercise = context.library[exercise_id]
        if result.verdict.value in ("allowed", "caution") and not result.unavailable:
            by_verdict.setdefault(result.verdict.value, exercise.name)
    needs_kit = next(
        context.library[i].name
        for i, r in screening.items()
        if r.unavailable and r.verdict.value != "excluded"
    )
    names = [by_verdict["allowed"], by_verdict["caution"], needs_kit]
    shown_in_library = [_add_by_search(qtbot, tab, name) for name in names]

    model = tab.editor.model
    rows = {
        model.index(r, NAME).data(): model.index(r, VERDICT).data() for r in range(model.rowCount())
    }
    assert set(rows) == set(names), rows
    for name, library_mark in zip(names, shown_in_library, strict=True):
        assert rows[name].startswith(library_mark), (name, rows[name], library_mark)
    assert rows[by_verdict["caution"]].startswith("Caution")
    assert rows[needs_kit].endswith("equipment missing")
    assert "equipment missing" not in rows[by_verdict["allowed"]]
