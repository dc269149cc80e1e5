"""Date boxes take a typed date (#19, point 10): after a click, "20261118" or
"2026-11-18" typed with the keyboard changed nothing in the old section-by-section box, and
back-dating sessions from a paper log was fiddly. A date that cannot be used is named and
nothing is saved; Alt+Down opens the calendar."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bonecoach.ui.tabs.sessions_tab import SessionsTab
from tests.ui.sessions_helpers import save_program
from tests.ui.shell_fixtures import Dialogs, add_client


@pytest.fixture
def tab(qtbot: Any, shell_context: Any, dialogs: Dialogs) -> SessionsTab:
    client_id = add_client(shell_context, "Ann Lee")
    save_program(shell_context, client_id, ["goblet_squat"], date.today() - timedelta(days=30))
    shown = SessionsTab(shell_context)
    qtbot.addWidget(shown)
    shown.set_client(client_id)
    shown.show()
    with qtbot.waitActive(shown):
        shown.activateWindow()
    return shown


def _type_date(qtbot: Any, tab: SessionsTab, text: str) -> None:
    """Click into the date box as a person does, select what is there, type, press Enter."""
    box = tab.form.day.edit
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    focused = QApplication.focusWidget()
    assert focused is box, f"the click left focus on {focused}"
    qtbot.keyClick(focused, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focused, text)
    qtbot.keyClick(focused, Qt.Key.Key_Return)


@pytest.mark.parametrize("style", ["%Y%m%d", "%Y-%m-%d", "%Y/%m/%d"])
def test_a_typed_date_is_the_session_date(
    qtbot: Any, tab: SessionsTab, shell_context: Any, style: str
) -> None:
    day = date.today() - timedelta(days=9)
    _type_date(qtbot, tab, day.strftime(style))
    assert tab.form.day.date().toPython() == day
    assert tab.save(), tab.form.problems.text()
    assert [s.log.date for s in shell_context.store.sessions(tab.client_id)] == [day]


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("2026-02-30", "2026-02-30 is not a date on the calendar"),
        ("18 Nov", "type the date as year-month-day"),
        ((date.today() + timedelta(days=3)).isoformat(), "is in the future"),
    ],
)
def test_a_date_that_cannot_be_used_is_named_and_nothing_is_saved(
    qtbot: Any, tab: SessionsTab, shell_context: Any, typed: str, said: str
) -> None:
    _type_date(qtbot, tab, typed)
    assert not tab.save()
    assert said in tab.form.problems.text() and tab.form.problems.isVisible()
    assert shell_context.store.sessions(tab.client_id) == []


def test_alt_down_opens_the_calendar_and_a_pick_sets_the_date(qtbot: Any, tab: SessionsTab) -> None:
    box = tab.form.day.edit
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    qtbot.keyClick(box, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = tab.form.day.calendar
    assert calendar.isVisible()
    day = date.today() - timedelta(days=2)
    calendar.setSelectedDate(day)
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert tab.form.day.date().toPython() == day


def test_the_profile_and_program_dates_take_typed_dates_too(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    """The same section-by-section box held the profile's 'recorded on' and the program's
    start: the class of fault, fixed in every date box of the app."""
    from bonecoach.ui.shell.main_window import MainWindow

    client_id = add_client(shell_context, "Bo Chan")
    save_program(shell_context, client_id, ["goblet_squat"], date.today() - timedelta(days=30))
    window = MainWindow(shell_context)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.clients.select_client(client_id, notify=True)
    profile_tab: Any = window.tabs["Profile"]
    window.tab_widget.setCurrentWidget(profile_tab)
    recorded = date.today() - timedelta(days=4)
    _type_into(qtbot, profile_tab.recorded_on.edit, recorded.strftime("%Y%m%d"))
    profile_tab.note.setFocus()
    qtbot.keyClicks(profile_tab.note, "typed date")
    assert profile_tab.save(), profile_tab.status.text()
    assert shell_context.store.latest_profile(client_id).recorded_on == recorded

    program_tab: Any = window.tabs["Program"]
    window.tab_widget.setCurrentWidget(program_tab)
    start = date.today() + timedelta(days=6)  # a program may start next week
    _type_into(qtbot, program_tab.editor.start.edit, start.isoformat())
    assert program_tab.save()
    assert shell_context.store.latest_program(client_id).program.start_date == start


def _type_into(qtbot: Any, box: Any, text: str) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    assert QApplication.focusWidget() is box
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)
