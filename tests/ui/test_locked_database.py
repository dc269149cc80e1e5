"""#14 point 8, the app's side: while another workstation holds the database (a long import,
a restore), a save waits a moment, then says so in plain words and keeps what was typed;
saving again once the other is done works."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from bonecoach.problems import LOCKED
from bonecoach.store import database
from bonecoach.ui.shell.main_window import MainWindow
from tests.ui.shell_fixtures import Dialogs, add_client


@pytest.fixture
def window(qtbot: Any, shell_context: Any, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_SECONDS", 0.3)
    shell_context.store.engine.dispose()  # new connections wait 0.3 s, not 10
    ann = add_client(shell_context, "Ann Lee")
    win = MainWindow(shell_context)
    qtbot.addWidget(win)
    win.clients.select_client(ann, notify=True)
    return win


def _held_elsewhere(window: MainWindow) -> sqlite3.Connection:
    other = sqlite3.connect(window.context.store.sqlite_path, isolation_level=None)  # type: ignore[union-attr]
    other.execute("BEGIN IMMEDIATE")  # another workstation's long write
    return other


def test_a_profile_save_while_another_writes_keeps_the_form_and_says_why(
    window: MainWindow, qtbot: Any, dialogs: Dialogs
) -> None:
    tab: Any = window.tabs["Profile"]
    age = tab.form.edits["age"]
    age.selectAll()
    qtbot.keyClicks(age, "79")
    other = _held_elsewhere(window)
    try:
        assert not tab.save()
    finally:
        other.execute("ROLLBACK")
        other.close()
    title, text = dialogs.warnings[-1]
    assert title
    assert text.startswith(LOCKED) and "sqlite3" not in text and "BEGIN" not in text, text
    assert age.text() == "79" and tab.has_unsaved_changes()  # nothing typed is lost
    assert tab.save()
    store = window.context.store  # type: ignore[union-attr]
    assert store.latest_profile(window.client_id).profile.age == 79


def test_a_program_save_while_another_writes_keeps_the_program(
    window: MainWindow, qtbot: Any, dialogs: Dialogs
) -> None:
    from tests.store import factories

    ann = window.client_id
    program = factories.program()
    known = window.context.library  # type: ignore[union-attr]
    phase = program.phases[0]
    items = tuple(i for i in phase.items if i.exercise_id in known)
    program = program.model_copy(update={"phases": (phase.model_copy(update={"items": items}),)})
    window.context.store.save_program(ann, program)  # type: ignore[union-attr]
    window.open_client(None, ask=False)
    window.open_client(ann, ask=False)
    tab: Any = window.tabs["Program"]
    tab.name_edit.setText("Morning strength")
    tab.name_edit.editingFinished.emit()
    assert tab.has_unsaved_changes()
    other = _held_elsewhere(window)
    try:
        assert not tab.save()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert dialogs.warnings[-1][1].startswith(LOCKED)
    assert tab.name_edit.text() == "Morning strength" and tab.has_unsaved_changes()
