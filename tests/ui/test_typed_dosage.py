"""What a therapist types into the dosage boxes is kept (#19, point 1).

Changing Sets and then *clicking* into Reps committed Sets, the program table was reset by
that commit, the dosage panel was disabled and filled again, and keyboard focus was left on
no widget: what was typed next went nowhere (reps stayed 12 after typing 10). The keys here
go to whatever widget has focus, as a keyboard's do, so a lost focus loses them here too.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from bonecoach.ui.tabs.program_tab import ProgramTab


def _type(qtbot: Any, text: str) -> None:
    """Keys to the focused widget, whichever it is (none: the keys are lost)."""
    focused = QApplication.focusWidget()
    assert focused is not None, "no widget has keyboard focus: typing goes nowhere"
    qtbot.keyClick(focused, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
    for character in text:
        focused = QApplication.focusWidget()
        assert focused is not None, "no widget has keyboard focus: typing goes nowhere"
        qtbot.keyClicks(focused, character)


def _click(qtbot: Any, box: Any) -> None:
    target: QWidget = box.lineEdit() if hasattr(box, "lineEdit") else box
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.rect().center())


def test_a_click_into_the_next_box_keeps_focus_and_what_is_typed(
    shown_tab: ProgramTab, qtbot: Any
) -> None:
    editor = shown_tab.editor
    row = next(i for i, item in enumerate(editor.model.items) if item.dosage.measure == "reps")
    editor.select_row(row)
    boxes = editor.dosage

    _click(qtbot, boxes.sets)
    _type(qtbot, "3")
    _click(qtbot, boxes.amount)  # commits Sets: the table updates
    assert QApplication.focusWidget() in (boxes.amount, boxes.amount.lineEdit())
    _type(qtbot, "10")
    _click(qtbot, boxes.notes)
    _type(qtbot, "Hold the counter")
    _click(qtbot, boxes.sets)  # the note is committed when it loses focus

    item = editor.model.items[row]
    assert (item.dosage.sets, item.dosage.reps) == (3, 10)
    assert item.notes == "Hold the counter"
    assert editor.selected_row() == row  # the same exercise still selected


@pytest.mark.parametrize(
    ("box", "typed", "named"),
    [
        ("amount", "500", "Reps: 500 is outside 1 to 100"),
        ("sets", "99", "Sets: 99 is outside"),
        ("effort", "15", "Effort out of 10: 15 is outside 0 to 10"),
    ],
)
def test_a_number_out_of_range_is_refused_at_the_field_not_changed(
    shown_tab: ProgramTab, qtbot: Any, box: str, typed: str, named: str
) -> None:
    """Typing 500 reps used to leave 50 (the keystroke past the range was dropped)."""
    editor = shown_tab.editor
    row = next(i for i, item in enumerate(editor.model.items) if item.dosage.measure == "reps")
    editor.select_row(row)
    before = editor.model.items[row]
    field = getattr(editor.dosage, box)
    _click(qtbot, field)
    _type(qtbot, typed)
    _click(qtbot, editor.dosage.notes)  # leaving the box commits it

    assert field.value() == int(typed)  # what was typed is shown, not a guess
    assert named in editor.dosage.problem.text() and "Nothing was changed" in (
        editor.dosage.problem.text()
    )
    assert editor.model.items[row] == before  # the program keeps its dose


def test_a_client_without_a_program_shows_no_dose_of_the_last_client(
    shown_tab: ProgramTab, context: Any
) -> None:
    """The disabled dosage panel of a client with no program showed the previous client's
    numbers and note (#19, point 5)."""
    editor = shown_tab.editor
    editor.select_row(0)
    editor.dosage.notes.setText("Only for the first client")
    assert editor.dosage.sets.text() != ""
    other = context.store.create_client("Second Client")
    assert shown_tab.save()
    shown_tab.set_client(other.id)

    boxes = editor.dosage
    assert not boxes.isEnabled()
    shown = [
        b.lineEdit().text()
        for b in (boxes.sets, boxes.amount, boxes.effort, boxes.rest, boxes.days)
    ]
    assert shown == [" "] * 5 and boxes.notes.text() == "" and not boxes.load_kg.isVisibleTo(boxes)
    # nor the first client's week 1 start date (therapist review of #19)
    assert editor.start.edit.text() == ""


def test_ctrl_s_or_closing_while_typing_keeps_the_typed_number(
    qtbot: Any, shell_context: Any, dialogs: Any
) -> None:
    """Therapist review of #19: Sets showed 4 after Ctrl+S but the program kept 3, and
    Ctrl+Q closed without asking; the box still had the cursor, so the 4 was never applied."""
    from bonecoach.app.templates import shipped_templates
    from bonecoach.ui.shell.main_window import MainWindow
    from tests.ui.shell_fixtures import add_client

    client_id = add_client(shell_context, "Ann Lee")
    window = MainWindow(shell_context)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.clients.select_client(client_id, notify=True)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    tab: Any = window.tabs["Program"]
    assert tab.apply_template(shipped_templates(shell_context.library)[0])
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = shell_context.store.latest_program(client_id)
    editor = tab.editor
    row = next(i for i, item in enumerate(editor.model.items) if item.dosage.measure == "reps")
    editor.select_row(row)
    before = editor.model.items[row].dosage.sets
    _click(qtbot, editor.dosage.sets)
    _type(qtbot, str(before + 1))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    newest = shell_context.store.latest_program(client_id)
    assert newest.number == saved.number + 1
    item = newest.program.phases[tab.editor.phase_index].items[row]
    assert item.dosage.sets == before + 1

    _click(qtbot, editor.dosage.sets)
    _type(qtbot, str(before + 2))
    from PySide6.QtWidgets import QMessageBox

    dialogs.question_answer = QMessageBox.StandardButton.Cancel
    asked = len(dialogs.asked)
    window.close()  # what Ctrl+Q does: asks, since the typed number is an unsaved change
    assert len(dialogs.asked) == asked + 1 and window.isVisible()


def test_an_unusual_dose_is_shown_at_the_field_and_asked_about_before_saving(
    shown_tab: ProgramTab, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#19, point 2: "9 sets of 50" was accepted for a 72-year-old after a vertebral
    fracture without a word; in range, so not refused, but worth a second look."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def answer(_parent: Any, _title: str, text: str, *a: Any, **k: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    editor = shown_tab.editor
    strength = {e.id for e in shown_tab.context.library.values() if e.category == "resistance"}
    row = next(
        i for i, item in enumerate(editor.model.items)
        if item.dosage.measure == "reps" and item.exercise_id in strength
    )  # fmt: skip
    editor.select_row(row)
    _click(qtbot, editor.dosage.sets)
    _type(qtbot, "9")
    _click(qtbot, editor.dosage.amount)
    _type(qtbot, "50")
    _click(qtbot, editor.dosage.notes)
    assert (editor.model.items[row].dosage.sets, editor.model.items[row].dosage.reps) == (9, 50)
    assert editor.dosage.unusual.isVisibleTo(editor.dosage)
    assert (
        "9 sets" in editor.dosage.unusual.text()
        and "50 repetitions" in editor.dosage.unusual.text()
    )

    saved_before = shown_tab.context.store.latest_program(shown_tab.client.client_id)  # type: ignore[union-attr]
    assert not shown_tab.save()  # asked, and the answer was No
    assert asked and "9 sets" in asked[-1]
    assert shown_tab.context.store.latest_program(shown_tab.client.client_id) == saved_before  # type: ignore[union-attr]


def test_the_dosage_boxes_stay_put_as_a_message_comes_and_goes(
    shown_tab: ProgramTab, qtbot: Any
) -> None:
    """Therapist review of #19: the pane jumped up and down as range messages appeared."""
    editor = shown_tab.editor
    row = next(i for i, item in enumerate(editor.model.items) if item.dosage.measure == "reps")
    editor.select_row(row)
    boxes = editor.dosage
    qtbot.wait(10)
    where = {b: b.mapTo(shown_tab, b.rect().topLeft()).y() for b in (boxes.sets, boxes.notes)}
    _click(qtbot, boxes.amount)
    _type(qtbot, "500")
    _click(qtbot, boxes.notes)  # commits: "Reps: 500 is outside 1 to 100"
    qtbot.wait(10)
    assert "500" in boxes.problem.text()
    assert {b: b.mapTo(shown_tab, b.rect().topLeft()).y() for b in where} == where  # no jump
