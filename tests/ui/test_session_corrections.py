"""Correcting, moving and deleting a logged session from the Sessions tab (#17, point 1): a
past session opened read-only with only Close; now it can be corrected in the form, moved to
the right client or deleted, with a reason, the old entry kept in the history."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from bonecoach.ui.tabs.session_detail import SessionDetailDialog
from bonecoach.ui.tabs.sessions_tab import SessionsTab
from tests.ui.sessions_helpers import log_session, save_program, set_cell
from tests.ui.shell_fixtures import Dialogs, add_client


@pytest.fixture
def tab(qtbot: Any, shell_context: Any, dialogs: Dialogs) -> SessionsTab:
    client_id = add_client(shell_context, "Ann Lee")
    save_program(shell_context, client_id, ["goblet_squat"], date.today() - timedelta(days=20))
    shown = SessionsTab(shell_context)
    qtbot.addWidget(shown)
    shown.set_client(client_id)
    shown.show()
    with qtbot.waitActive(shown):
        shown.activateWindow()
    log_session(shown, date.today() - timedelta(days=3), effort="9")  # effort mistyped
    return shown


def _open_and_choose(
    qtbot: Any, tab: SessionsTab, monkeypatch: pytest.MonkeyPatch, label: str
) -> None:
    def press(dialog: SessionDetailDialog) -> int:
        button = next(b for b in dialog.findChildren(type(tab.save_button)) if b.text() == label)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(SessionDetailDialog, "exec", press)
    view = tab.sessions_table  # the newest session, opened with Enter as its tooltip says
    view.setFocus()
    view.setCurrentIndex(tab.sessions.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)


def test_a_session_is_corrected_in_the_form_and_the_old_one_is_kept(
    qtbot: Any, tab: SessionsTab, shell_context: Any, dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    store = shell_context.store
    [wrong] = store.sessions(tab.client_id)
    _open_and_choose(qtbot, tab, monkeypatch, "Correct…")
    assert tab.add_box.title().startswith("Correcting the session of")
    assert tab.form.entries.rows[0].cells[4] == "9"  # as it was logged
    set_cell(tab, 0, 4, "4")
    dialogs.text_answer = ("effort typed as 9, it was 4", True)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)

    [fixed] = store.sessions(tab.client_id)
    assert fixed.id != wrong.id and fixed.log.entries[0].effort == 4
    history = store.sessions(tab.client_id, include_withdrawn=True)
    old = next(s for s in history if s.id == wrong.id)
    assert old.withdrawn is not None and old.withdrawn.reason == "effort typed as 9, it was 4"
    assert tab.sessions.rowCount() == 1 and tab.add_box.title() == "Add a session"


def test_a_session_moves_to_the_right_client(
    qtbot: Any, tab: SessionsTab, shell_context: Any, dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    store = shell_context.store
    bea = add_client(shell_context, "Bea Moss")
    dialogs.item_answer = ("Bea Moss", True)
    dialogs.text_answer = ("her log sheet", True)
    _open_and_choose(qtbot, tab, monkeypatch, "Move to another client…")
    assert store.sessions(tab.client_id) == [] and tab.sessions.rowCount() == 0
    assert len(store.sessions(bea)) == 1


def test_a_session_is_deleted_with_a_reason_and_kept_in_the_history(
    qtbot: Any, tab: SessionsTab, shell_context: Any, dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    store = shell_context.store
    dialogs.text_answer = ("", False)  # cancelled: nothing happens
    _open_and_choose(qtbot, tab, monkeypatch, "Delete…")
    assert len(store.sessions(tab.client_id)) == 1
    dialogs.text_answer = ("a practice entry", True)
    _open_and_choose(qtbot, tab, monkeypatch, "Delete…")
    assert store.sessions(tab.client_id) == [] and tab.sessions.rowCount() == 0
    [kept] = store.sessions(tab.client_id, include_withdrawn=True)
    assert kept.withdrawn is not None and kept.withdrawn.reason == "a practice entry"
