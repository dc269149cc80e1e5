"""Reuse (#17, point 4): another client's program copied for this client, screened as a
template is, so nothing excluded for this client arrives without an override."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from bonecoach.program.profile import ClientProfile
from bonecoach.program.screening import Verdict, screen
from bonecoach.ui.tabs.program_tab import ProgramTab
from tests.ui.sessions_helpers import save_program
from tests.ui.shell_fixtures import RECENT_FRACTURE, Dialogs, add_client


def test_a_copied_program_is_screened_for_the_new_client(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    store, library = shell_context.store, shell_context.library
    source = add_client(shell_context, "Ann Lee")  # osteoporosis, one fall, fit
    save_program(
        shell_context, source, ["goblet_squat", "tandem_stand", "wall_push_up"],
        date.today() - timedelta(days=30),
    )  # fmt: skip
    target = store.create_client("Bea Moss").id
    profile = ClientProfile.model_validate(RECENT_FRACTURE)
    store.save_profile(target, profile)
    tab = ProgramTab(shell_context)
    qtbot.addWidget(tab)
    tab.set_client(target)
    tab.show()
    with qtbot.waitActive(tab):
        tab.activateWindow()
    dialogs.item_answer = ("Ann Lee: Strength (version 1)", True)

    def choose_copy() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.text() == "Another client's program…")
        menu.setActiveAction(action)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(50, choose_copy)
    qtbot.mouseClick(tab.templates_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.document.program is not None)

    program = tab.document.program
    assert program is not None and program.name == "Strength"
    for _phase, _index, item in program.items():
        verdict = screen(profile, library[item.exercise_id]).verdict
        assert verdict is not Verdict.EXCLUDED, item.exercise_id
    assert "goblet_squat" not in {i.exercise_id for _p, _i, i in program.items()}
    banner = tab.banner.text()
    assert banner.startswith("Copied “Strength” from Ann Lee.") and "• " in banner, banner
    assert tab.has_unsaved_changes()  # saved as this client's own program only on Save
