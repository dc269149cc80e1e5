"""The Program tab end to end with a real store: screening shown, templates, override,
live coverage, saving versions and the stale-save refusal."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from bonecoach.ui.tabs.override_dialog import OverrideDialog
from bonecoach.ui.tabs.program_tab import ProgramTab


@pytest.fixture
def tab(qtbot: Any, context: Any, client_id: int) -> ProgramTab:
    widget = ProgramTab(context)
    qtbot.addWidget(widget)
    widget.set_client(client_id)
    return widget


def excluded_id(tab: ProgramTab) -> str:
    assert tab.client is not None
    return next(i for i, r in tab.client.screening.items() if r.verdict.value == "excluded")


def test_excluded_exercise_shows_its_reason_in_table_and_details(tab: ProgramTab) -> None:
    exercise_id = excluded_id(tab)
    result = tab.client.screening[exercise_id]  # type: ignore[union-attr]
    model = tab.library_model
    row = model.row_of(exercise_id)
    assert model.data(model.index(row, 1)) == "Excluded"
    assert result.reasons[0].text in model.data(model.index(row, 0), 3)
    tab.show_details(exercise_id)
    html = tab.details.shown_text()
    assert "Excluded because:" in html and result.reasons[0].source in html
    assert tab.context.library[exercise_id].stop_if.split()[0] in html


def test_build_from_template_then_save_a_version(tab: ProgramTab, context: Any) -> None:
    from bonecoach.app.templates import shipped_templates

    template = shipped_templates(context.library)[0]
    assert tab.apply_template(template)
    program = tab.document.program
    assert program is not None and any(True for _ in program.items())
    # nothing the client is excluded from came in without an override
    for _p, _i, item in program.items():
        verdict = tab.client.screening[item.exercise_id].verdict.value  # type: ignore[union-attr]
        assert verdict != "excluded" or item.override is not None
    assert tab.banner.isVisibleTo(tab) and template.name in tab.banner.text()
    assert tab.has_unsaved_changes()
    assert tab.save()
    assert not tab.has_unsaved_changes()
    stored = context.store.latest_program(tab.client.client_id)  # type: ignore[union-attr]
    assert stored.number == 1 and stored.program == program


def test_excluded_exercise_needs_a_written_reason(
    tab: ProgramTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab.new_blank_program()
    exercise_id = excluded_id(tab)
    asked: list[str] = []

    def cancel(name: str, reasons: Any, parent: Any = None) -> None:
        asked.append(name)
        return None

    monkeypatch.setattr(OverrideDialog, "ask", staticmethod(cancel))
    assert not tab.editor.add_exercise(exercise_id)
    assert asked and tab.editor.model.rowCount() == 0

    monkeypatch.setattr(
        OverrideDialog, "ask", staticmethod(lambda *a, **k: "Supervised in clinic by me")
    )
    assert tab.editor.add_exercise(exercise_id)
    item = tab.document.program.phases[0].items[0]  # type: ignore[union-attr]
    assert item.exercise_id == exercise_id
    assert item.override is not None and item.override.reason == "Supervised in clinic by me"
    assert item.override.by == "Test Therapist"
    assert "(override)" in tab.editor.model.data(tab.editor.model.index(0, 1))


def test_override_dialog_ok_disabled_until_reason_written(qtbot: Any) -> None:
    from bonecoach.program.screening import Reason

    dialog = OverrideDialog("Sit-up", [Reason("no_flexion", "Loaded spinal flexion", "TFTF15")])
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.reason_edit.setPlainText("   ")
    assert not dialog.ok_button.isEnabled()
    dialog.reason_edit.setPlainText("Cleared by her physician")
    assert dialog.ok_button.isEnabled() and dialog.reason() == "Cleared by her physician"


def test_coverage_updates_live_and_editing_keys(tab: ProgramTab) -> None:
    tab.new_blank_program()
    assert tab.coverage.line_state("muscle_group_arms") is False
    screening = tab.client.screening  # type: ignore[union-attr]
    arms = next(
        e.id
        for e in tab.context.library.values()
        if e.category.value == "resistance"
        and "arms" in {r.value for r in e.regions}
        and screening[e.id].verdict.value == "allowed"
    )
    assert tab.editor.add_exercise(arms)
    assert tab.coverage.line_state("muscle_group_arms") is True
    other = next(i for i, r in screening.items() if r.verdict.value == "allowed" and i != arms)
    assert tab.editor.add_exercise(other)
    tab.editor.select_row(1)
    tab.editor.move_selected(-1)
    assert [i.exercise_id for i in tab.editor.model.items] == [other, arms]
    tab.editor.remove_selected()
    assert [i.exercise_id for i in tab.editor.model.items] == [arms]
    assert tab.document.undo()
    assert len(tab.editor.model.items) == 2


def test_dosage_edit_changes_the_item(tab: ProgramTab) -> None:
    tab.new_blank_program()
    screening = tab.client.screening  # type: ignore[union-attr]
    allowed = next(i for i, r in screening.items() if r.verdict.value == "allowed")
    tab.editor.add_exercise(allowed)
    tab.editor.select_row(0)
    tab.editor.dosage.sets.setValue(3)
    item = tab.document.program.phases[0].items[0]  # type: ignore[union-attr]
    assert item.dosage.sets == 3
    assert "3 sets" in tab.editor.model.data(tab.editor.model.index(0, 3)).lower() or (
        item.dosage.measure != "reps"
    )


def test_stale_save_is_explained_and_edits_kept(
    tab: ProgramTab, context: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.new_blank_program()
    assert tab.save()
    # another workstation saves version 2 meanwhile
    record = context.store.latest_program(tab.client.client_id)  # type: ignore[union-attr]
    context.store.save_program(
        record.client_id, record.program, program_id=record.program_id, based_on=1, by="Bo"
    )
    screening = tab.client.screening  # type: ignore[union-attr]
    tab.editor.add_exercise(next(i for i, r in screening.items() if r.verdict.value == "allowed"))
    assert not tab.save()
    title, text = context.errors.shown[-1]
    assert title == "Program not saved" and "Bo" in text
    assert tab.has_unsaved_changes()


def test_enter_in_library_adds_and_drops_reorder(tab: ProgramTab, qtbot: Any) -> None:
    from PySide6.QtCore import QModelIndex, Qt

    from bonecoach.ui.library.library_model import MIME_TYPE

    tab.new_blank_program()
    screening = tab.client.screening  # type: ignore[union-attr]
    allowed = [i for i, r in screening.items() if r.verdict.value == "allowed"][:3]
    browser = tab.browser
    browser.search.setText(tab.context.library[allowed[0]].name)
    browser.table.setCurrentIndex(browser.proxy.index(0, 0))
    qtbot.keyClick(browser.table, Qt.Key.Key_Return)
    assert [i.exercise_id for i in tab.editor.model.items] == [allowed[0]]

    # a drag from the library carries exercise ids; dropping on row 0 inserts there
    model = tab.editor.model
    library_model = tab.library_model
    rows = [library_model.index(library_model.row_of(i), 0) for i in allowed[1:]]
    mime = library_model.mimeData(rows)
    assert mime.hasFormat(MIME_TYPE)
    assert model.dropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, QModelIndex())
    assert [i.exercise_id for i in model.items] == [allowed[1], allowed[2], allowed[0]]

    # dragging row 0 below the last row moves it to the end
    move = model.mimeData([model.index(0, 1)])
    model.dropMimeData(move, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert [i.exercise_id for i in model.items] == [allowed[2], allowed[0], allowed[1]]


def test_items_excluded_after_a_profile_change_are_flagged(
    tab: ProgramTab, context: Any, client_id: int
) -> None:
    from datetime import date

    from bonecoach.program.exercise_traits import allowed_after_recent_fracture
    from tests.ui.program_fixtures import OSTEOPOROSIS

    screening = tab.client.screening  # type: ignore[union-attr]
    standing = next(
        i
        for i, r in screening.items()
        if r.verdict.value == "allowed"
        and context.library[i].position.value == "standing"
        and not allowed_after_recent_fracture(context.library[i])
    )
    tab.new_blank_program()
    tab.editor.add_exercise(standing)
    assert tab.save()
    # a new vertebral fracture two weeks ago: only gentle work, walking and movement practice
    two_weeks_ago = (dt.date.today() - dt.timedelta(weeks=2)).isoformat()
    recent = {**OSTEOPOROSIS, "vertebral_fractures": 2, "vertebral_fracture_date": two_weeks_ago}
    from bonecoach.program.profile import ClientProfile

    context.store.save_profile(
        client_id, ClientProfile.model_validate(recent), recorded_on=date(2026, 11, 20)
    )
    tab.set_client(client_id)
    assert tab.client.screening[standing].verdict.value == "excluded"  # type: ignore[union-attr]
    assert tab.banner.isVisibleTo(tab)
    assert context.library[standing].name in tab.banner.text()


def test_delete_and_ctrl_arrows_in_the_program_table(tab: ProgramTab, qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    tab.new_blank_program()
    screening = tab.client.screening  # type: ignore[union-attr]
    ids = [i for i, r in screening.items() if r.verdict.value == "allowed"][:3]
    for exercise_id in ids:
        tab.editor.add_exercise(exercise_id)
    tab.show()
    tab.activateWindow()
    table = tab.editor.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    tab.editor.select_row(2)
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [i.exercise_id for i in tab.editor.model.items] == [ids[0], ids[2], ids[1]]
    assert tab.editor.selected_row() == 1
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [i.exercise_id for i in tab.editor.model.items] == [ids[0], ids[1]]


def test_equipment_switch_and_template_menu(tab: ProgramTab, context: Any) -> None:
    screening = tab.client.screening  # type: ignore[union-attr]
    # a caution only because the client lacks its equipment
    lacking = next(
        i for i, r in screening.items() if r.unavailable and set(r.reasons) == set(r.unavailable)
    )
    tab.browser.check_equipment.setChecked(False)
    assert tab.client.screening[lacking].verdict.value == "allowed"  # type: ignore[union-attr]
    row = tab.library_model.row_of(lacking)
    assert tab.library_model.rows[row].verdict == "allowed"
    tab.browser.check_equipment.setChecked(True)
    assert tab.client.screening[lacking].verdict.value == "caution"  # type: ignore[union-attr]

    tab.templates_button.fill()
    # the sections ("Built-in templates", "Your clinic's") are headings, not choices
    actions = [a for a in tab.templates_button.templates_menu.actions() if not a.isSeparator()]
    assert len(actions) >= 3
    actions[0].trigger()
    assert tab.document.program is not None and tab.document.program.name == actions[0].text()
