"""A template's result is a short list of what changed for this client (#19, point 14):
it was a ten-line paragraph, mostly about a missing wall (an unticked box)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from bonecoach.ui.shell.main_window import MainWindow
from tests.ui.shell_fixtures import Dialogs


def test_a_new_client_s_template_result_is_a_short_list_without_a_missing_wall(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    from bonecoach.program.profile import ClientProfile

    client = shell_context.store.create_client("Eve Hart")
    window = MainWindow(shell_context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.clients.select_client(client.id, notify=True)
    profile_tab: Any = window.tabs["Profile"]
    form = profile_tab.form
    ticked = {k for k, box in form.equipment.items() if box.isChecked()}
    assert ticked == {"chair", "wall", "counter"}  # until the therapist says otherwise
    qtbot.keyClicks(form.edits["age"], "78")
    qtbot.keyClicks(form.edits["t_score_lowest"], "-2.9")
    qtbot.keyClicks(form.edits["tug_seconds"], "13.5")
    form.edits["falls_past_year"].selectAll()
    qtbot.keyClicks(form.edits["falls_past_year"], "1")
    assert profile_tab.save(), profile_tab.status.text()
    assert isinstance(shell_context.store.latest_profile(client.id).profile, ClientProfile)

    program_tab: Any = window.tabs["Program"]
    window.tab_widget.setCurrentWidget(program_tab)
    button = program_tab.templates_button
    chosen: list[str] = []

    def choose_first() -> None:  # the menu is open: pick its first template with the keyboard
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if not a.isSeparator())  # not a heading
        chosen.append(action.text())
        menu.setActiveAction(action)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(50, choose_first)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: program_tab.banner.isVisible())
    text = program_tab.banner.text()
    bullets = [line for line in text.splitlines() if line.startswith("• ")]
    assert chosen and chosen[0] in text
    assert 1 <= len(bullets) <= 6, text
    assert "wall" not in text and "kept, but the client lacks" not in text, text
    assert any(
        line.startswith("• Supported variant prescribed (Fall-risk flag)") for line in bullets
    )
