"""A validation message never moves the fields, and says everything (#19, point 9).

Before, a message appeared under the bad field: the fields below moved down by its height,
so the next click landed in the wrong field, and a wrapped message was cut off. Problems were
also shown one round at a time (a range was checked only once every box parsed).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from bonecoach.ui.shell.main_window import MainWindow
from tests.ui.shell_fixtures import Dialogs, add_client


def _where(widgets: dict[str, QWidget], top: QWidget) -> dict[str, QPoint]:
    return {key: w.mapTo(top, QPoint(0, 0)) for key, w in widgets.items()}


def _type(qtbot: Any, box: QWidget, text: str) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    assert QApplication.focusWidget() is box, f"the click went to {QApplication.focusWidget()}"
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, text)


def test_profile_problems_never_move_the_fields_and_all_show_at_once(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    client_id = add_client(shell_context, "Ann Lee")
    window = MainWindow(shell_context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.clients.select_client(client_id, notify=True)
    tab: Any = window.tabs["Profile"]
    window.tab_widget.setCurrentWidget(tab)
    edits = tab.form.edits
    before = _where(edits, window)

    _type(qtbot, edits["tug_seconds"], "abc")
    _type(qtbot, edits["age"], "300")
    _type(qtbot, edits["t_score_lowest"], "-9")
    qtbot.waitUntil(lambda: "must be" in tab.status.text())

    assert _where(edits, window) == before  # nothing moved
    _type(qtbot, edits["chair_stands_30s"], "12")  # the click lands where it was aimed
    status = tab.status.text()
    assert "Fix the 3 fields marked in red" in status, status
    assert "Age (years): must be at most 110 (got 300)" in status
    assert "Lowest T-score: must be at least -6.0 (got -9.0)" in status
    assert "Timed Up and Go (s): must be a number" in status
    label = tab.status  # the whole list fits once the layout has settled: never cut off
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()), timeout=2000)
    assert not tab.save_button.isEnabled()


def test_a_new_client_message_keeps_the_next_field_in_place(qtbot: Any, shell_context: Any) -> None:
    from bonecoach.ui.shell.new_client_dialog import NewClientDialog

    dialog = NewClientDialog(shell_context)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    fields = {"name": dialog.name, "birth": dialog.birth, "clinic": dialog.clinic_id}
    before = _where(fields, dialog)
    _type(qtbot, dialog.birth, "1950-02-30 and some words that make the message long")
    assert dialog.feedback["date_of_birth"].problem
    assert _where(fields, dialog) == before
    _type(qtbot, dialog.clinic_id, "C-9")  # lands in the clinic ID box, not the message
    message = dialog.feedback["date_of_birth"].message
    assert message.toolTip() and message.full == dialog.feedback["date_of_birth"].problem


def test_a_message_kept_out_of_the_form_never_becomes_a_window_of_its_own(qtbot: Any) -> None:
    """Seen on a real X screen: a profile field's message, out of the form's layout and
    without a parent, opened as a bare window at the top-left corner of the screen."""
    from PySide6.QtWidgets import QLineEdit

    from bonecoach.ui.widgets.field_feedback import FieldFeedback

    for inline in (True, False):
        box = QLineEdit()
        feedback = FieldFeedback(box, inline=inline)
        qtbot.addWidget(feedback)
        feedback.show()
        feedback.set_problem("must be a number")
        assert not feedback.message.isWindow()
        assert feedback.message.isVisible() is inline
        assert box.toolTip() == "must be a number"
