"""The row highlighted in the client list and the record on screen always agree, and the
record names its client (#19, point 3).

Seen before: with Ann's record open, typing the first letters of Bert's name left only his
row, highlighted, while Ann's sessions stayed on screen; clicking his row then opened nobody
(it was already Qt's current row). The work area never said whose record it was.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from bonecoach.ui.shell.main_window import MainWindow
from tests.ui.shell_fixtures import add_client


@pytest.fixture
def window(qtbot: Any, shell_context: Any) -> MainWindow:
    add_client(shell_context, "Ann Lee", "A-1")
    add_client(shell_context, "Bert Olsen", "B-2")
    win = MainWindow(shell_context)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _highlighted(window: MainWindow) -> list[str]:
    rows = window.clients.table.selectionModel().selectedRows()
    return [str(index.data()) for index in rows]


def _click_row(qtbot: Any, window: MainWindow, name: str) -> None:
    table = window.clients.table
    proxy = window.clients.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == name)
    rect = table.visualRect(proxy.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_search_never_highlights_one_client_over_another_s_record(
    window: MainWindow, qtbot: Any
) -> None:
    _click_row(qtbot, window, "Ann Lee")
    assert window.client_header.text().startswith("Ann Lee")
    assert "clinic ID A-1" in window.client_header.text() and "years" in window.client_header.text()

    qtbot.mouseClick(window.clients.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.clients.search, "ber")  # Ann filtered away, Bert left
    assert _highlighted(window) == []  # not Bert's row under Ann's record
    assert window.client_header.text().startswith("Ann Lee")

    _click_row(qtbot, window, "Bert Olsen")  # a click on his row opens him
    assert window.client_header.text().startswith("Bert Olsen")
    assert _highlighted(window) == ["Bert Olsen"]

    window.clients.search.clear()  # both shown again: still Bert, and only Bert
    assert _highlighted(window) == ["Bert Olsen"]
    assert window.client_header.text().startswith("Bert Olsen")


def test_cancelling_a_switch_over_unsaved_edits_keeps_the_row_of_the_record_shown(
    window: MainWindow, qtbot: Any, dialogs: Any
) -> None:
    """Therapist review of #19: after Cancel the clicked client's row stayed highlighted
    under the first client's record, and once the search was cleared no row was."""
    from PySide6.QtWidgets import QMessageBox

    _click_row(qtbot, window, "Ann Lee")
    profile: Any = window.tabs["Profile"]
    qtbot.mouseClick(profile.note, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(profile.note, "unsaved words")
    assert profile.has_unsaved_changes()
    dialogs.question_answer = QMessageBox.StandardButton.Cancel

    qtbot.mouseClick(window.clients.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.clients.search, "ber")
    _click_row(qtbot, window, "Bert Olsen")  # asks about Ann's edits: Cancel
    qtbot.wait(50)
    assert window.client_header.text().startswith("Ann Lee")
    assert _highlighted(window) == ["Ann Lee"]  # her row again, the search cleared for it

    _click_row(qtbot, window, "Bert Olsen")  # without a search: the same
    qtbot.wait(50)
    assert window.client_header.text().startswith("Ann Lee")
    assert _highlighted(window) == ["Ann Lee"]


def test_the_program_tab_says_when_its_verdicts_are_for_the_saved_profile(
    window: MainWindow, qtbot: Any
) -> None:
    """Therapist review of #19: two vertebral fractures typed on the Profile tab (not yet
    saved) left dancing "Allowed" on the Program tab, with nothing to say why."""
    _click_row(qtbot, window, "Ann Lee")
    profile: Any = window.tabs["Profile"]
    program: Any = window.tabs["Program"]
    qtbot.mouseClick(profile.note, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(profile.note, "two fractures seen on the new X-ray")
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert program.profile_notice.isVisible()
    assert "saved profile" in program.profile_notice.text()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # saved now
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert not program.profile_notice.isVisible()
