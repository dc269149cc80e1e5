"""The Settings dialog's Therapists page: changes wait for Save, Cancel stores nothing, a
refused save stores nothing and keeps the dialog open, names are checked as typed."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QLabel

from bonecoach.store.settings import load_settings
from bonecoach.ui.settings.settings_dialog import SettingsDialog
from tests.ui.shell_fixtures import Dialogs


def stored(context: Any) -> list[tuple[str, str, str, bool]]:
    return [
        (t.name, t.credentials, t.contact, t.active)
        for t in context.store.therapists(include_inactive=True)
    ]


def open_dialog(qtbot: Any, context: Any) -> SettingsDialog:
    dialog = SettingsDialog(context)
    qtbot.addWidget(dialog)
    return dialog


def type_therapist(qtbot: Any, dialog: SettingsDialog, name: str, credentials: str = "") -> None:
    page = dialog.therapists
    page.start_new()
    qtbot.keyClicks(page.name, name)
    qtbot.keyClicks(page.credentials, credentials)
    page.add.click()


def select(dialog: SettingsDialog, name: str) -> None:
    page = dialog.therapists
    [row] = [i for i, r in enumerate(page.edits.rows) if r.name == name]
    page.list.setCurrentRow(row)


def test_add_then_cancel_stores_nothing(qtbot: Any, shell_context: Any) -> None:
    shell_context.store.add_therapist("Pat Kim", "PT")
    before, audit = stored(shell_context), len(shell_context.store.audit_entries())
    dialog = open_dialog(qtbot, shell_context)
    type_therapist(qtbot, dialog, "Sam Roe", "DPT")
    select(dialog, "Pat Kim")
    dialog.therapists.toggle.click()  # deactivate
    assert "Sam Roe, DPT (new, not saved yet)" in [
        dialog.therapists.list.item(i).text() for i in range(dialog.therapists.list.count())
    ]
    dialog.reject()
    assert stored(shell_context) == before
    assert len(shell_context.store.audit_entries()) == audit

    again = open_dialog(qtbot, shell_context)  # opens with what is stored, not what was typed
    assert [r.name for r in again.therapists.edits.rows] == ["Pat Kim"]


def test_add_edit_remove_then_save_stores_exactly_those_changes(
    qtbot: Any, shell_context: Any
) -> None:
    store = shell_context.store
    store.add_therapist("Pat Kim", "PT")
    store.add_therapist("Sam Roe", "DPT", "sam@clinic.example")
    store.add_therapist("Lee Wu", "PTA")
    audit = len(store.audit_entries())
    dialog = open_dialog(qtbot, shell_context)
    page = dialog.therapists

    type_therapist(qtbot, dialog, "Ana Diaz", "PT, DPT")
    type_therapist(qtbot, dialog, "Temp Person")
    select(dialog, "Temp Person")
    assert page.toggle.text() == "Re&move"
    page.toggle.click()  # added in the dialog: simply gone
    select(dialog, "Pat Kim")
    assert page.details.title() == "Edit Pat Kim" and page.name.text() == "Pat Kim"
    page.name.clear()
    qtbot.keyClicks(page.name, "Pat Kimura")
    qtbot.keyClicks(page.contact, "pat@clinic.example")
    page.add.click()
    select(dialog, "Sam Roe")
    page.toggle.click()  # deactivate: kept for old handouts and the audit trail
    assert store.therapists(include_inactive=True)[0].name == "Lee Wu"  # nothing stored yet

    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert stored(shell_context) == [
        ("Ana Diaz", "PT, DPT", "", True),
        ("Lee Wu", "PTA", "", True),  # untouched
        ("Pat Kimura", "PT", "pat@clinic.example", True),
        ("Sam Roe", "DPT", "sam@clinic.example", False),
    ]
    entries = store.audit_entries()[: len(store.audit_entries()) - audit]
    assert sorted((e.action, e.detail, e.who) for e in entries) == [
        ("add", "Ana Diaz", "Test Therapist"),
        ("update", "Pat Kimura", "Test Therapist"),
        ("update", "Sam Roe", "Test Therapist"),
    ]


def test_the_default_therapist_is_one_that_exists_after_saving(
    qtbot: Any, shell_context: Any
) -> None:
    dialog = open_dialog(qtbot, shell_context)
    page = dialog.therapists
    type_therapist(qtbot, dialog, "Pat Kim", "PT")
    type_therapist(qtbot, dialog, "Sam Roe")
    assert page.default_name() == "Pat Kim"  # the first one added
    page.default.setCurrentIndex(page.default.findData("Sam Roe"))
    select(dialog, "Sam Roe")
    page.name.clear()
    qtbot.keyClicks(page.name, "Samantha Roe")
    page.add.click()
    assert page.default_name() == "Samantha Roe"  # a rename carries the choice along
    dialog.accept()

    saved = load_settings().settings
    assert saved.default_therapist == "Samantha Roe"
    active = {t.name for t in shell_context.store.therapists()}
    assert saved.default_therapist in active and shell_context.therapist_name == "Samantha Roe"

    # deactivating who uses this computer leaves nobody chosen rather than a stale name
    again = open_dialog(qtbot, shell_context)
    select(again, "Samantha Roe")
    again.therapists.toggle.click()
    assert again.therapists.default_name() == ""
    again.accept()
    assert load_settings().settings.default_therapist == ""


def test_names_are_checked_as_typed(qtbot: Any, shell_context: Any) -> None:
    shell_context.store.add_therapist("Pat Kim")
    dialog = open_dialog(qtbot, shell_context)
    page = dialog.therapists
    assert not page.add.isEnabled() and page.name_feedback.problem is None  # empty: quiet
    qtbot.keyClicks(page.name, "   ")
    assert not page.add.isEnabled()
    page.name.clear()
    qtbot.keyClicks(page.name, "pat  KIM")
    assert not page.add.isEnabled()
    assert page.name_feedback.problem == "Name: 'Pat Kim' is already in the list"
    page.name.clear()
    qtbot.keyClicks(page.name, "Pat Kimura")
    assert page.add.isEnabled() and page.name_feedback.problem is None

    select(dialog, "Pat Kim")  # editing: a blank name is an error now
    page.name.clear()
    assert page.name_feedback.problem == "Name: a therapist needs a name"
    assert not page.add.isEnabled()
    page.new_button.click()  # back to adding: empty details, nothing selected, no complaint
    assert page.list.currentItem() is None and page.details.title() == "Add a therapist"
    assert page.name.text() == "" and page.name_feedback.problem is None


def test_typed_but_not_added_blocks_save(qtbot: Any, shell_context: Any, dialogs: Dialogs) -> None:
    dialog = open_dialog(qtbot, shell_context)
    qtbot.keyClicks(dialog.therapists.name, "Pat Kim")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    [(title, text)] = dialogs.warnings
    assert title == "Settings not saved" and "not added yet" in text
    assert "Add therapist" in text and dialog.pages.currentWidget() is dialog.therapists
    assert stored(shell_context) == []


def test_a_refused_save_keeps_the_dialog_open_and_stores_nothing(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    store = shell_context.store
    store.add_therapist("Pat Kim", "PT")
    dialog = open_dialog(qtbot, shell_context)
    type_therapist(qtbot, dialog, "Ana Diaz")
    select(dialog, "Pat Kim")
    dialog.therapists.toggle.click()
    dialog.clinic_name.setText("Riverside Physio")
    # meanwhile another workstation adds a therapist of the same name
    store.add_therapist("Ana Diaz", by="Sam Other")
    before = stored(shell_context)

    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    [(title, text)] = dialogs.warnings
    assert title == "Therapists not saved (nothing was changed)"
    assert "name: there is already a therapist called 'Ana Diaz'" in text
    assert stored(shell_context) == before  # Pat Kim still active
    assert load_settings().settings.clinic_name != "Riverside Physio"
    assert dialog.therapists.has_changes()  # still there to fix


def test_every_control_on_the_page_has_its_own_mnemonic(qtbot: Any, shell_context: Any) -> None:
    shell_context.store.add_therapist("Pat Kim")
    dialog = open_dialog(qtbot, shell_context)
    for state in ("new", "selected"):
        if state == "selected":
            select(dialog, "Pat Kim")
        texts = [w.text() for w in dialog.therapists.findChildren(QAbstractButton)]
        texts += [w.text() for w in dialog.therapists.findChildren(QLabel) if w.buddy()]
        keys = [m.group(1).lower() for t in texts if (m := re.search(r"&(\w)", t))]
        assert len(keys) == len(set(keys)) == len(texts), texts


def test_enter_in_a_detail_field_adds_rather_than_saving(qtbot: Any, shell_context: Any) -> None:
    from PySide6.QtCore import Qt

    dialog = open_dialog(qtbot, shell_context)
    dialog.show()
    page = dialog.therapists
    dialog.pages.setCurrentWidget(page)
    qtbot.keyClicks(page.name, "Pat Kim")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    assert dialog.isVisible() and [r.name for r in page.edits.rows] == ["Pat Kim"]
    assert page.name.text() == "" and stored(shell_context) == []
