"""The exercise's details say which reason decides an exclusion, heaviest first, and have the
room to be read (#19, point 11): reasons were one undifferentiated list, cut off in a pane
about 300 px high."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from bonecoach.program.profile import ClientProfile
from bonecoach.program.screening import Verdict, screen
from bonecoach.ui.library.exercise_details import details_html
from bonecoach.ui.shell.main_window import MainWindow
from tests.ui.shell_fixtures import Dialogs

FRAGILE = {
    "sex": "female", "age": 82, "t_score_lowest": -3.4, "vertebral_fractures": 3,
    "vertebral_fracture_date": "2024-02-02", "hyperkyphosis": True, "back_pain": "mild",
    "frail": True, "falls_past_year": 2, "tug_seconds": 15.0, "equipment": ["chair"],
}  # fmt: skip


def test_the_deciding_reason_comes_first_and_milder_ones_after(shell_context: Any) -> None:
    profile = ClientProfile.model_validate(FRAGILE)
    exercise = shell_context.library["deadlift_heavy"]
    result = screen(profile, exercise)
    assert result.verdict is Verdict.EXCLUDED
    excluding, cautioning, _missing = result.weighed()
    assert excluding and cautioning  # both kinds fire for this client
    html = details_html(exercise, result)
    assert html.index("Excluded because:") < html.index(excluding[0].text[:30])
    assert html.index(excluding[0].text[:30]) < html.index("Also take care:")
    assert html.index("Also take care:") < html.index(cautioning[0].text[:30])


def test_the_details_pane_is_given_room_at_1366_by_768(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    client = shell_context.store.create_client("Fay Lund")
    shell_context.store.save_profile(client.id, ClientProfile.model_validate(FRAGILE))
    window = MainWindow(shell_context)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.clients.select_client(client.id, notify=True)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Program tab
    tab: Any = window.tabs["Program"]
    qtbot.waitUntil(lambda: tab.details.isVisible())
    assert tab.details.height() >= 380, tab.details.height()
    assert tab.details.width() >= 290, tab.details.width()
    assert tab.details.height() > tab.coverage.height()
