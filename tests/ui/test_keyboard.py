"""Tab moves between controls, arrows within lists and tables (#19, point 7).

Seen before: in the client list every second Tab opened the next client and focus never left
the list; the program table took a Tab per cell; the New client "Contact" box swallowed Tab.
The mechanism is two Qt defaults (QTableView's tab-key navigation, QPlainTextEdit's tab
character), so a walk over every view and text box of every window checks the class.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from bonecoach.ui.shell.main_window import MainWindow
from tests.ui.shell_fixtures import Dialogs, add_client


@pytest.fixture
def window(qtbot: Any, shell_context: Any, dialogs: Dialogs) -> MainWindow:
    for name in ("Ann Lee", "Bert Olsen", "Cora Diaz"):
        add_client(shell_context, name)
    shown = MainWindow(shell_context)
    qtbot.addWidget(shown)
    shown.show()
    with qtbot.waitActive(shown):
        shown.activateWindow()
    return shown


def _tab(qtbot: Any) -> QWidget:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Tab)
    after = QApplication.focusWidget()
    assert after is not None
    return after


def test_tab_leaves_the_client_list_and_never_opens_another_client(
    qtbot: Any, window: MainWindow
) -> None:
    table = window.clients.table
    first = window.clients.proxy.index(0, 0)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(first).center()
    )
    opened = window.client_id
    assert opened is not None and QApplication.focusWidget() is table
    after = _tab(qtbot)
    assert after is not table, "Tab stayed in the client list"
    assert window.client_id == opened  # no other client opened
    for _ in range(3):
        _tab(qtbot)
    assert window.client_id == opened


def test_tab_leaves_the_contact_box_of_a_new_client(qtbot: Any, shell_context: Any) -> None:
    from bonecoach.ui.shell.new_client_dialog import NewClientDialog

    dialog = NewClientDialog(shell_context)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    assert QApplication.focusWidget() is dialog.name  # the cursor starts in the first field
    qtbot.keyClicks(dialog.name, "Dee Park")
    for expected in (dialog.birth, dialog.clinic_id, dialog.contact):
        assert _tab(qtbot) is expected
    qtbot.keyClicks(dialog.contact, "555-0100")
    assert _tab(qtbot) is not dialog.contact
    assert dialog.contact.toPlainText() == "555-0100"  # no tab character typed into it


def test_each_tab_and_the_library_search_have_a_shortcut(qtbot: Any, window: MainWindow) -> None:
    first = window.context.store.list_clients()[0]  # type: ignore[union-attr]
    window.clients.select_client(first.id, notify=True)
    for key, title in ((Qt.Key.Key_2, "Program"), (Qt.Key.Key_3, "Sessions"),
                       (Qt.Key.Key_4, "Handout"), (Qt.Key.Key_1, "Profile")):  # fmt: skip
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.tab_widget.currentWidget() is window.tabs[title], title
        focused = QApplication.focusWidget()
        assert focused is not None and window.tabs[title].isAncestorOf(focused), title
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    program: Any = window.tabs["Program"]
    assert window.tab_widget.currentWidget() is program
    assert QApplication.focusWidget() is program.browser.search
    qtbot.keyClicks(program.browser.search, "squat")
    assert program.browser.search.text() == "squat"


def _keyboard_traps(root: QWidget) -> list[str]:
    found = []
    for view in root.findChildren(QAbstractItemView):
        if view.tabKeyNavigation():
            found.append(f"{type(view).__name__} {view.accessibleName()!r}: Tab moves in it")
    for box in [*root.findChildren(QPlainTextEdit), *root.findChildren(QTextEdit)]:
        if not box.isReadOnly() and not box.tabChangesFocus():
            found.append(f"{type(box).__name__} {box.accessibleName()!r}: swallows Tab")
    return found


def test_no_view_or_text_box_in_any_window_traps_tab(
    qtbot: Any, window: MainWindow, shell_context: Any
) -> None:
    from bonecoach.ui.library.library_manager import LibraryManagerDialog
    from bonecoach.ui.settings.settings_dialog import SettingsDialog
    from bonecoach.ui.shell.new_client_dialog import NewClientDialog

    roots: list[QWidget] = [
        window,
        NewClientDialog(shell_context),
        SettingsDialog(shell_context),
        LibraryManagerDialog(shell_context),
    ]
    for root in roots[1:]:
        qtbot.addWidget(root)
    traps = [f"{type(r).__name__}: {t}" for r in roots for t in _keyboard_traps(r)]
    assert not traps, traps


def test_the_window_takes_the_keyboard_back_when_its_dialog_closes(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a bare X screen the shortcuts (Ctrl+S, Ctrl+1-4) went nowhere after the New client
    dialog closed: no window manager made the main window active again."""
    from PySide6.QtWidgets import QDialog

    activated: list[bool] = []
    monkeypatch.setattr(window, "activateWindow", lambda: activated.append(True))
    monkeypatch.setattr(QApplication, "activeWindow", staticmethod(lambda: None))
    dialog = QDialog(window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.hide()
    qtbot.waitUntil(lambda: activated == [True], timeout=2000)
