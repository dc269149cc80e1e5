"""Archived custom exercises in the library manager: hidden by default, listed (greyed) with
"Show archived", restorable, and back in the app's library and the Program tab after."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox

from bonecoach.ui.library.library_manager import LibraryManagerDialog

COPY = "sit_to_stand_custom"


@pytest.fixture
def dialog(qtbot: Any, context: Any, monkeypatch: pytest.MonkeyPatch) -> LibraryManagerDialog:
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    widget = LibraryManagerDialog(context)
    qtbot.addWidget(widget)
    return widget


def listed(dialog: LibraryManagerDialog) -> dict[str, Any]:
    items = (dialog.list.item(i) for i in range(dialog.list.count()))
    return {item.data(Qt.ItemDataRole.UserRole): item for item in items}


def archived_copy(dialog: LibraryManagerDialog) -> None:
    dialog.select("sit_to_stand")
    dialog.duplicate()
    dialog.form.fields["name"].setText("Sit to stand, slow lowering")
    assert dialog.save_current(), dialog.problems.text()
    dialog.select(COPY)
    dialog.delete_button.click()


def test_archived_is_hidden_shown_with_the_toggle_and_restorable(
    qtbot: Any, dialog: LibraryManagerDialog, context: Any
) -> None:
    archived_copy(dialog)
    assert COPY not in context.library and COPY not in listed(dialog)

    dialog.show_archived.setChecked(True)
    item = listed(dialog)[COPY]
    assert item.text() == "Sit to stand, slow lowering  (archived)"
    assert item.foreground().color() == Qt.GlobalColor.gray
    assert "(archived)" not in listed(dialog)["sit_to_stand"].text()  # built-ins untouched
    dialog.select(COPY)
    assert dialog.current is not None and dialog.current.id == COPY
    assert "Archived custom exercise" in dialog.state.text()
    assert dialog.restore_button.isEnabled()
    assert not dialog.delete_button.isEnabled() and not dialog.save_button.isEnabled()
    assert not dialog.duplicate_button.isEnabled()
    assert not dialog.form.fields["name"].isEnabled()  # read-only until restored

    with qtbot.waitSignal(dialog.library_changed, timeout=1000):
        dialog.restore_button.click()
    assert context.library[COPY].name == "Sit to stand, slow lowering"
    stored = context.store.custom_exercise(COPY)
    assert not stored.archived and stored.version == 3
    assert listed(dialog)[COPY].text() == "Sit to stand, slow lowering  (custom)"
    assert dialog.current is not None and dialog.current.id == COPY
    assert dialog.save_button.isEnabled() and not dialog.restore_button.isEnabled()
    dialog.show_archived.setChecked(False)
    assert COPY in listed(dialog)  # a restored one is an ordinary custom exercise again
    audit = [(a.action, a.who) for a in context.store.audit_entries() if a.detail == COPY]
    assert audit[:2] == [("unarchive", "Test Therapist"), ("archive", "Test Therapist")]


def test_restored_exercise_is_back_in_the_program_tab(
    qtbot: Any, dialog: LibraryManagerDialog, context: Any, client_id: int
) -> None:
    from bonecoach.ui.tabs.program_tab import ProgramTab

    tab = ProgramTab(context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    archived_copy(dialog)
    tab.library_changed()  # what the window does after the manager closes
    assert tab.library_model.row_of(COPY) is None

    dialog.show_archived.setChecked(True)
    dialog.select(COPY)
    dialog.restore()
    tab.library_changed()
    row = tab.library_model.row_of(COPY)
    assert row is not None
    assert tab.library_model.rows[row].verdict == tab.client.screening["sit_to_stand"].verdict


def test_built_ins_are_never_archived_or_restored(dialog: LibraryManagerDialog) -> None:
    dialog.show_archived.setChecked(True)
    assert not any("(archived)" in item.text() for item in listed(dialog).values())
    dialog.select("bridge")
    assert not dialog.restore_button.isEnabled() and not dialog.delete_button.isEnabled()
    dialog.restore()  # even called directly: nothing happens
    dialog.delete()
    assert "read-only" in dialog.state.text()


def test_a_restore_refused_as_stale_is_explained_and_shows_what_is_stored(
    dialog: LibraryManagerDialog, context: Any
) -> None:
    archived_copy(dialog)
    dialog.show_archived.setChecked(True)
    dialog.select(COPY)
    # another workstation restores it (and renames it) while this dialog shows it archived
    seen = context.store.custom_exercise(COPY)
    back = context.store.restore_custom_exercise(COPY, expected_version=seen.version, by="Sam")
    renamed = back.exercise.model_copy(update={"name": "Renamed elsewhere"})
    context.store.save_custom_exercise(
        renamed, back.picture, expected_version=back.version, by="Sam"
    )

    dialog.restore()
    [(title, message)] = context.errors.shown
    assert title == "Custom exercise not restored" and "Sam" in message
    assert context.library[COPY].name == "Renamed elsewhere"  # what is stored now
    assert listed(dialog)[COPY].text() == "Renamed elsewhere  (custom)"


def test_list_buttons_have_their_own_mnemonics(dialog: LibraryManagerDialog) -> None:
    texts = [b.text() for b in dialog.findChildren(QAbstractButton) if "&" in b.text()]
    keys = [re.search(r"&(\w)", t).group(1).lower() for t in texts]  # type: ignore[union-attr]
    assert len(keys) == len(set(keys)) and {"h", "r", "a"} <= set(keys), texts
