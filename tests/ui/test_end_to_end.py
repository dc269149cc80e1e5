"""The whole visit through the real main window: new client and profile, an exercise excluded
with its reason, a program from a template, an excluded exercise only with a written reason,
two logged sessions giving a progression suggestion that is accepted as a new version, and a
handout exported to a file (Ctrl+N, Ctrl+S and Ctrl+P as the therapist would press them)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

from bonecoach.ui.shell.main_window import MainWindow
from bonecoach.ui.shell.new_client_dialog import NewClientDialog
from bonecoach.ui.tabs.override_dialog import OverrideDialog
from tests.ui.shell_fixtures import Dialogs


def type_into(edit: Any, text: str) -> None:
    edit.setText(text)
    edit.textEdited.emit(text)


def test_a_whole_visit(
    qtbot: Any,
    shell_context: Any,
    dialogs: Dialogs,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    store = shell_context.store
    window = MainWindow(shell_context)
    qtbot.addWidget(window)
    window.show()

    # 1. New client (Ctrl+N), then the profile, saved with Ctrl+S.
    def fill_and_accept(dialog: NewClientDialog) -> int:
        dialog.name.setText("Maria Ortega")
        dialog.birth.setText("1951-04-12")
        dialog.clinic_id.setText("MO-311")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(NewClientDialog, "exec", fill_and_accept)
    window.menu_actions.new_client.trigger()
    client_id = window.client_id
    assert client_id is not None and window.current_tab_title() == "Profile"
    profile_tab: Any = window.tabs["Profile"]
    form = profile_tab.form
    for key, text in {
        "age": "74",
        "t_score_lowest": "-2.8",
        "vertebral_fractures": "1",
        "vertebral_fracture_date": "2026-02-02",
        "falls_past_year": "1",
        "tug_seconds": "13.5",
    }.items():
        type_into(form.edits[key], text)
    for key in ("chair", "counter", "resistance_band", "dumbbells", "step"):
        form.equipment[key].setChecked(True)
    assert "Case 2: one vertebral fracture" in profile_tab.summary.text()
    window.menu_actions.save.trigger()
    assert store.latest_profile(client_id).profile.t_score_lowest == -2.8
    assert not window.dirty_tabs()

    # 2. The Program tab screens the library: an exercise is excluded, with its reason.
    window.tab_widget.setCurrentWidget(window.tabs["Program"])
    program_tab: Any = window.tabs["Program"]
    screening = program_tab.client.screening
    excluded = next(i for i, r in screening.items() if r.verdict.value == "excluded")
    reason = screening[excluded].reasons[0]
    row = program_tab.library_model.row_of(excluded)
    assert program_tab.library_model.data(program_tab.library_model.index(row, 1)) == "Excluded"
    tooltip = program_tab.library_model.data(
        program_tab.library_model.index(row, 0), Qt.ItemDataRole.ToolTipRole
    )
    assert reason.text in tooltip

    # 3. Build from a template, then try to add the excluded exercise.
    from bonecoach.app.templates import shipped_templates

    template = next(t for t in shipped_templates(shell_context.library) if not t.clinic_only)
    assert program_tab.apply_template(template)
    monkeypatch.setattr(OverrideDialog, "ask", staticmethod(lambda *a, **k: None))
    assert not program_tab.editor.add_exercise(excluded)  # no reason, not added
    written = "Supervised in the clinic only; reviewed with her physician"
    monkeypatch.setattr(OverrideDialog, "ask", staticmethod(lambda *a, **k: written))
    assert program_tab.editor.add_exercise(excluded)
    window.menu_actions.save.trigger()
    first = store.latest_program(client_id)
    assert first is not None and first.number == 1
    overridden = [i for _p, _i, i in first.program.items() if i.exercise_id == excluded]
    assert overridden and overridden[0].override.reason == written

    # 4. Two sessions where the client finishes the top of the range easily.
    window.tab_widget.setCurrentWidget(window.tabs["Sessions"])
    sessions_tab: Any = window.tabs["Sessions"]
    entries = sessions_tab.form.entries
    target = next(
        r
        for r, row in enumerate(entries.rows)
        if row.measure == "reps"
        and shell_context.library[row.exercise_id].category.value == "resistance"
    )
    exercise_id = entries.rows[target].exercise_id
    for days_ago in (3, 1):
        sessions_tab.form.day.setDate(QDate(date.today() - timedelta(days=days_ago)))
        entries.setData(entries.index(target, 2), "12")
        entries.setData(entries.index(target, 4), "4")
        window.menu_actions.save.trigger()
    assert len(store.sessions(client_id)) == 2
    found = [s for s in sessions_tab.suggestions.rows if s.exercise_id == exercise_id]
    assert found and found[0].kind.value in ("progress_load", "step_up"), found
    row = sessions_tab.suggestions.rows.index(found[0])
    sessions_tab.suggestions_table.setCurrentIndex(sessions_tab.suggestions.index(row, 0))
    assert sessions_tab.accept_selected()
    second = store.latest_program(client_id)
    assert second.number == 2 and second.program != first.program

    # The Program tab shows the accepted version when opened again.
    window.tab_widget.setCurrentWidget(program_tab)
    assert program_tab.document.version_number == 2
    assert program_tab.document.program == second.program

    # 5. Export the handout (Ctrl+P) and find the file.
    out = tmp_path / "Maria handout.pdf"
    dialogs.save_path = str(out)
    window.menu_actions.export_handout.trigger()
    assert window.current_tab_title() == "Handout"
    assert out.exists() and out.read_bytes().startswith(b"%PDF")
    assert [h.file_name for h in store.handouts(second.id)] == [out.name]
    assert not dialogs.warnings, dialogs.warnings


def test_accepting_a_suggestion_asks_about_unsaved_program_edits(
    qtbot: Any, shell_context: Any, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.sessions_helpers import log_session, save_program
    from tests.ui.shell_fixtures import add_client

    client_id = add_client(shell_context, "Ann Lee")
    save_program(shell_context, client_id, ["goblet_squat"], date.today() - timedelta(days=10))
    window = MainWindow(shell_context)
    qtbot.addWidget(window)
    window.clients.select_client(client_id, notify=True)
    sessions: Any = window.tabs["Sessions"]
    log_session(sessions, date.today() - timedelta(days=3))
    log_session(sessions, date.today() - timedelta(days=1))
    program: Any = window.tabs["Program"]
    program.name_edit.setText("Renamed, not saved")
    program.name_edit.editingFinished.emit()
    assert window.dirty_tabs() == ["Program"]

    sessions.suggestions_table.setCurrentIndex(sessions.suggestions.index(0, 0))
    dialogs.question_answer = QMessageBox.StandardButton.Cancel
    assert not sessions.accept_selected()
    assert "unsaved changes in Program" in dialogs.asked[-1][1]
    assert shell_context.store.latest_program(client_id).number == 1

    dialogs.question_answer = QMessageBox.StandardButton.Save
    assert sessions.accept_selected()
    latest = shell_context.store.latest_program(client_id)
    assert latest.number == 3 and latest.program.name == "Renamed, not saved"  # both kept
