"""Durations are shown and typed in minutes where the program prescribes minutes (#19,
point 15): 30 minutes of walking read "1800 s" and had to be typed in seconds."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from bonecoach.ui.tabs.sessions_tab import SessionsTab
from tests.ui.sessions_helpers import save_program
from tests.ui.shell_fixtures import Dialogs, add_client


def _type_into_cell(qtbot: Any, tab: SessionsTab, row: int, column: int, text: str) -> None:
    """Double-click the cell, as a person does, and type with the keyboard."""
    table = tab.form.table
    index = tab.form.entries.index(row, column)
    table.scrollTo(index)
    where = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table, "no cell editor opened"
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)  # committed (queued)


def test_walking_minutes_are_shown_and_typed_in_minutes_and_holds_in_seconds(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    client_id = add_client(shell_context, "Ann Lee")
    start = date.today() - timedelta(days=10)
    save_program(shell_context, client_id, ["brisk_walking", "tandem_stand"], start)
    tab = SessionsTab(shell_context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    tab.show()
    with qtbot.waitActive(tab):
        tab.activateWindow()
    rows = {r.exercise_id: i for i, r in enumerate(tab.form.entries.rows)}
    walking, stand = rows["brisk_walking"], rows["tandem_stand"]
    minutes = shell_context.library["brisk_walking"].default_dosage.minutes
    assert tab.form.entries.rows[walking].cells[2] == f"{minutes} min"
    assert tab.form.entries.rows[stand].cells[2].endswith(" s")

    tab.form.day.setDate(QDate(date.today() - timedelta(days=1)))
    _type_into_cell(qtbot, tab, walking, 2, "25")  # minutes, as the column shows
    _type_into_cell(qtbot, tab, stand, 2, "20 s")
    assert tab.save(), tab.form.problems.text()

    [saved] = shell_context.store.sessions(client_id)
    logged = {e.exercise_id: e for e in saved.log.entries}
    assert logged["brisk_walking"].seconds_per_set == (25 * 60,) * logged["brisk_walking"].sets_done
    assert set(logged["tandem_stand"].seconds_per_set) == {20}
    shown = tab.sessions.index(0, 0)
    assert shown.isValid()


def test_a_duration_in_the_wrong_unit_is_named_at_the_cell(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    client_id = add_client(shell_context, "Ann Lee")
    save_program(shell_context, client_id, ["brisk_walking"], date.today() - timedelta(days=10))
    tab = SessionsTab(shell_context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    tab.show()
    with qtbot.waitActive(tab):
        tab.activateWindow()
    _type_into_cell(qtbot, tab, 0, 2, "half an hour")
    assert not tab.save()
    assert tab.form.entries.problems[(0, 2)] == "whole numbers only, e.g. 30 or 30 min"
