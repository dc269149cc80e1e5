"""The Program tab fits a 1366 x 768 laptop screen whatever it says: a long banner (a
template's changes, a long template name) wraps or is cut, and never widens the window past
the screen (seen: 1465 px, and 1670 px for a 120-character name)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from bonecoach.program.profile import ClientProfile
from bonecoach.ui.shell.main_window import MainWindow
from tests.ui.shell_fixtures import RECENT_FRACTURE, Dialogs


def test_a_long_banner_never_widens_the_window_past_a_laptop_screen(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    from bonecoach.app.templates import shipped_templates

    client = shell_context.store.create_client("Maria Guadalupe Fernández-Castellanos de la Vega")
    shell_context.store.save_profile(client.id, ClientProfile.model_validate(RECENT_FRACTURE))
    window = MainWindow(shell_context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.clients.select_client(client.id, notify=True)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    tab: Any = window.tabs["Program"]
    template = shipped_templates(shell_context.library)[1]
    long_name = template.model_copy(update={"name": "X" * 120})
    assert tab.apply_template(long_name)
    qtbot.waitUntil(lambda: tab.banner.isVisible())
    for _ in range(3):
        qtbot.wait(20)
    assert window.minimumSizeHint().width() <= 1366, window.minimumSizeHint()
    assert window.minimumWidth() <= 1366 and window.width() <= 1366, window.width()
