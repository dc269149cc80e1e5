"""The exercise's details say which reason decides an exclusion, heaviest first, and have the
room to be read (#19, point 11): reasons were one undifferentiated list, cut off in a pane
about 300 px high."""

from __future__ import annotations

from typing import Any

import pytest
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


@pytest.mark.parametrize(
    ("width", "height", "line"), [(1440, 900, "Walking with"), (1366, 768, "weighted")]
)
def test_library_thumbnails_are_big_enough_to_recognise_and_names_fit_beside_them(
    qtbot: Any, shell_context: Any, dialogs: Dialogs, width: int, height: int, line: str
) -> None:
    client = shell_context.store.create_client("Fay Lund")
    shell_context.store.save_profile(client.id, ClientProfile.model_validate(FRAGILE))
    window = MainWindow(shell_context)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.clients.select_client(client.id, notify=True)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # Program tab
    table = window.tabs["Program"].browser.table  # type: ignore[attr-defined]
    qtbot.waitUntil(table.isVisible)
    assert table.iconSize().height() >= 48  # 40 px figures could not be told apart
    # beside the picture, room for a line of the name: "Walking with" at 1440 x 900, at
    # least the longest single word of a name on the smaller screen
    room = table.columnWidth(0) - table.iconSize().width()
    assert room >= table.fontMetrics().horizontalAdvance(line) + 8, room
