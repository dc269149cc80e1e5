"""Program edits can be undone, redone and discarded (#17, point 3): the Program tab had no
Discard, Ctrl+Z did nothing and there was no Edit menu."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from bonecoach.ui.shell.main_window import MainWindow
from tests.ui.sessions_helpers import save_program
from tests.ui.shell_fixtures import Dialogs, add_client


def test_ctrl_z_undoes_ctrl_shift_z_redoes_and_discard_goes_back_to_the_saved_version(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    client_id = add_client(shell_context, "Ann Lee")
    save_program(
        shell_context, client_id, ["goblet_squat", "tandem_stand"], date.today() - timedelta(5)
    )
    window = MainWindow(shell_context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.clients.select_client(client_id, notify=True)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    tab: Any = window.tabs["Program"]
    editor = tab.editor
    names = lambda: [i.exercise_id for i in editor.model.items]  # noqa: E731
    assert names() == ["goblet_squat", "tandem_stand"]
    assert not tab.discard_button.isEnabled()

    editor.select_row(0)
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert names() == ["tandem_stand"] and tab.discard_button.isEnabled()
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert names() == ["goblet_squat", "tandem_stand"]
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(editor.table, Qt.Key.Key_Z, shift_ctrl)
    assert names() == ["tandem_stand"]

    dialogs.question_answer = QMessageBox.StandardButton.Cancel
    window.menu_actions.discard.trigger()
    assert names() == ["tandem_stand"]  # cancelled: the edit stays
    dialogs.question_answer = QMessageBox.StandardButton.Discard
    window.menu_actions.discard.trigger()
    assert dialogs.asked[-1][0] == "Discard changes?"
    assert names() == ["goblet_squat", "tandem_stand"] and not tab.has_unsaved_changes()
    assert not tab.discard_button.isEnabled()
    assert [a.text() for a in window.menuBar().actions()][:3] == ["&File", "&Edit", "&Client"]


def test_discarding_a_never_saved_program_says_so_and_clears_what_it_said(
    shown_tab: Any, dialogs: Dialogs
) -> None:
    dialogs.question_answer = QMessageBox.StandardButton.Discard
    assert shown_tab.banner.isVisible()  # "Made from …"
    assert shown_tab.ask_discard()
    [(_title, question)] = dialogs.asked
    assert question.startswith("Discard this program? It was never saved")
    assert shown_tab.document.program is None
    assert not shown_tab.banner.isVisible()
