"""Sessions tab: log two sessions, get a progression suggestion, accept it (a new program
version), dismiss with a reason, red flags at the top, and bad cells shown in red."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt

from bonecoach.ui.tabs.sessions_tab import SessionsTab
from tests.ui.sessions_helpers import log_session, save_program, set_cell
from tests.ui.shell_fixtures import Dialogs, add_client


def select_first(tab: SessionsTab) -> None:
    tab.suggestions_table.setCurrentIndex(tab.suggestions.index(0, 0))


@pytest.fixture
def client(shell_context: Any) -> tuple[int, Any]:
    client_id = add_client(shell_context, "Ann Lee")
    start = date.today() - timedelta(days=10)
    version = save_program(shell_context, client_id, ["goblet_squat"], start)
    return client_id, version


def test_two_easy_sessions_give_a_suggestion_and_accepting_makes_a_version(
    qtbot: Any, shell_context: Any, client: tuple[int, Any], dialogs: Dialogs
) -> None:
    client_id, version = client
    tab = SessionsTab(shell_context)
    qtbot.addWidget(tab)
    changed: list[int] = []
    tab.program_changed.connect(changed.append)
    tab.set_client(client_id)
    row = tab.form.entries.rows[0]
    assert row.exercise_id == "goblet_squat"
    assert row.cells[1:4] == ["3", "12", "4 kg"]  # pre-filled from the program

    log_session(tab, date.today() - timedelta(days=3))
    assert tab.sessions.rowCount() == 1 and not tab.has_unsaved_changes()
    log_session(tab, date.today() - timedelta(days=1))
    assert tab.sessions.rowCount() == 2
    assert tab.sessions.index(0, 0).data() == (date.today() - timedelta(days=1)).isoformat()

    kinds = [s.kind.value for s in tab.suggestions.rows]
    assert kinds == ["progress_load"], kinds
    suggestion = tab.suggestions.rows[0]
    select_first(tab)
    assert tab.exercise.currentData() == "goblet_squat"  # the chart shows the evidence
    assert "4.5 kg" in tab.suggestions.change_text(suggestion)
    assert "Change: 3 sets of 8 with 4.5 kg" in tab.suggestions.index(0, 0).data()
    select_first(tab)
    assert tab.accept_button.isEnabled()
    assert tab.accept_selected()

    newest = shell_context.store.latest_program(client_id)
    assert newest.number == 2 and newest.program_id == version.program_id
    item = newest.program.phases[0].items[0]
    assert item.dosage.load_kg == 4.5 and item.dosage.reps == 8
    assert changed == [client_id]
    decided = shell_context.store.suggestions(client_id)
    assert [(r.suggestion.key, r.outcome, r.result_version_id) for r in decided] == [
        (suggestion.key, "accepted", newest.id)
    ]
    # decided: not offered again; the old logs now only say "hold" at the new dose
    assert [s.kind.value for s in tab.suggestions.rows] == ["hold"]
    assert suggestion.key not in {s.key for s in tab.suggestions.rows}
    assert tab.form.entries.rows[0].cells[2:4] == ["8", "4.5 kg"]  # form follows the new dose


def test_dismiss_needs_a_reason(
    qtbot: Any, shell_context: Any, client: tuple[int, Any], dialogs: Dialogs
) -> None:
    client_id, _version = client
    tab = SessionsTab(shell_context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    log_session(tab, date.today() - timedelta(days=3))
    log_session(tab, date.today() - timedelta(days=1))
    select_first(tab)
    dialogs.text_answer = ("   ", True)
    assert not tab.dismiss_selected()
    assert tab.context.errors.shown[-1][0] == "Not dismissed"
    dialogs.text_answer = ("Knee sore this week; keep the load", True)
    assert tab.dismiss_selected()
    (record,) = shell_context.store.suggestions(client_id)
    assert record.outcome == "dismissed" and record.outcome_reason.startswith("Knee sore")
    assert shell_context.store.latest_program(client_id).number == 1  # no change


def test_red_flag_is_shown_at_the_top_and_blocks_progression(
    qtbot: Any, shell_context: Any, client: tuple[int, Any], dialogs: Dialogs
) -> None:
    client_id, _version = client
    tab = SessionsTab(shell_context)
    qtbot.addWidget(tab)
    told: list[list[Any]] = []
    tab.red_flags_changed.connect(told.append)  # the window's banner over every tab
    tab.set_client(client_id)
    log_session(tab, date.today() - timedelta(days=3))
    tab.form.flags["new_back_pain"].setChecked(True)
    log_session(tab, date.today() - timedelta(days=1))
    assert told and "back pain" in told[-1][0].reason
    kinds = [s.kind.value for s in tab.suggestions.rows]
    assert kinds[0] == "red_flag" and "progress_load" not in kinds
    select_first(tab)
    assert not tab.accept_button.isEnabled() and tab.dismiss_button.isEnabled()
    assert "back pain" in tab.sessions.index(0, 4).data()

    dialogs.text_answer = ("Reviewed by GP: muscular strain, X-ray clear", True)
    assert tab.dismiss_selected()
    assert told[-1] == []


def test_bad_cells_are_marked_and_nothing_is_saved(
    qtbot: Any, shell_context: Any, client: tuple[int, Any], dialogs: Dialogs
) -> None:
    client_id, _version = client
    tab = SessionsTab(shell_context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    set_cell(tab, 0, 2, "12, 12")  # two numbers for three sets
    set_cell(tab, 0, 3, "purple band")
    set_cell(tab, 0, 5, "11")
    assert not tab.save()
    model = tab.form.entries
    assert model.problems == {
        (0, 2): "2 numbers for 3 sets",
        (0, 3): "kilograms, or a band colour (yellow, red, green, blue, black, silver, gold)",
        (0, 5): "must be 0 to 10",
    }
    assert model.data(model.index(0, 5), Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(model.index(0, 5), Qt.ItemDataRole.ToolTipRole) == "must be 0 to 10"
    assert "Pain: must be 0 to 10" in tab.form.problems.text()
    assert shell_context.store.sessions(client_id) == []


def test_progress_chart_specs(qtbot: Any, shell_context: Any, client: tuple[int, Any]) -> None:
    client_id, _version = client
    tab = SessionsTab(shell_context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    first, second = date.today() - timedelta(days=8), date.today() - timedelta(days=1)
    log_session(tab, first)
    set_cell(tab, 0, 6, "3")
    log_session(tab, second)
    load = tab.load_chart.spec
    assert load is not None and load.series[0].points == [(first, 4.0), (second, 4.0)]
    assert load.series[1].points == [(first, 144.0), (second, 144.0)]  # 3 x 12 x 4 kg
    pain = tab.pain_chart.spec
    assert pain is not None and pain.series[1].points == [(second, 3.0)]
    adherence = tab.adherence_chart.spec
    assert adherence is not None and sum(adherence.series[0].values) == 2
    tab.resize(1200, 800)
    tab.show()
    tab.chart_tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: tab.pain_chart.view is not None)
    assert tab.pain_chart.view.chart().series()[0].count() == 2


def test_a_logged_session_opens_read_only_with_escaped_notes(
    qtbot: Any, shell_context: Any, client: tuple[int, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from bonecoach.ui.tabs.session_detail import SessionDetailDialog

    client_id, _version = client
    tab = SessionsTab(shell_context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    tab.form.notes.setText("Knees <b>sore</b> & tired")
    tab.form.notes.textEdited.emit(tab.form.notes.text())
    log_session(tab, date.today() - timedelta(days=1))
    opened: list[SessionDetailDialog] = []
    monkeypatch.setattr(SessionDetailDialog, "exec", lambda d: opened.append(d) or 0)
    tab.open_session(tab.sessions.index(0, 0))
    (dialog,) = opened
    assert dialog.model.rows[0][:4] == ("Goblet squat to a chair", "3", "12, 12, 12", "4 kg")
    assert "&lt;b&gt;sore&lt;/b&gt; &amp; tired" in dialog.summary.text()


def test_accepting_says_what_changed_and_undo_puts_the_program_back(
    qtbot: Any, shell_context: Any, client: tuple[int, Any], dialogs: Dialogs
) -> None:
    """#19, point 13: accepting says what changed and can be undone (a new version: the
    accepted one stays in the history), and the suggestion comes back."""
    client_id, version = client
    tab = SessionsTab(shell_context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    tab.show()
    with qtbot.waitActive(tab):
        tab.activateWindow()
    log_session(tab, date.today() - timedelta(days=3))
    log_session(tab, date.today() - timedelta(days=1))
    [suggestion] = [s for s in tab.suggestions.rows if s.kind.value == "progress_load"]
    view = tab.suggestions_table
    first = tab.suggestions.index(0, 0)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(first).center()
    )
    qtbot.mouseClick(tab.accept_button, Qt.MouseButton.LeftButton)

    note = tab.accepted_note.text()
    assert note.startswith("Accepted: Progress") and "Goblet squat" in note, note
    assert "3 sets of 8 with 4.5 kg" in note and "program version 2" in note, note
    assert tab.undo_button.isVisible()
    qtbot.mouseClick(tab.undo_button, Qt.MouseButton.LeftButton)

    store = shell_context.store
    newest = store.latest_program(client_id)
    assert newest.number == 3 and newest.program == version.program  # back as it was
    assert [v.number for v in store.program_versions(newest.program_id)] == [1, 2, 3]
    assert suggestion.key in {s.key for s in tab.suggestions.rows}  # offered again
    assert [r.outcome for r in store.suggestions(client_id)] == ["pending"]
    assert tab.accepted_note.text().startswith("Undone: program version 3")
    assert not tab.undo_button.isVisible()


def test_accepting_a_stop_takes_the_painful_exercise_off_the_program_and_the_handout(
    qtbot: Any, shell_context: Any, client: tuple[int, Any], dialogs: Dialogs
) -> None:
    """Therapist review of #19: "Accepted: Stop exercise" left it in the program, so the
    client took it home on the handout."""
    from PySide6.QtCore import QDate

    from tests.ui.sessions_helpers import set_cell

    client_id, version = client
    tab = SessionsTab(shell_context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    tab.show()
    with qtbot.waitActive(tab):
        tab.activateWindow()
    tab.form.day.setDate(QDate(date.today() - timedelta(days=1)))
    set_cell(tab, 0, 5, "7")  # pain 7/10 during the goblet squat
    assert tab.save(), tab.form.problems.text()
    [stop] = [s for s in tab.suggestions.rows if s.kind.value == "stop_exercise"]
    view = tab.suggestions_table
    row = tab.suggestions.rows.index(stop)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton,
        pos=view.visualRect(tab.suggestions.index(row, 0)).center(),
    )  # fmt: skip
    qtbot.mouseClick(tab.accept_button, Qt.MouseButton.LeftButton)

    newest = shell_context.store.latest_program(client_id)
    assert newest.number == version.number + 1
    assert "goblet_squat" not in newest.program.exercise_ids()
    assert "out of the program" in tab.accepted_note.text()


def test_reset_asks_before_clearing_what_was_typed(
    qtbot: Any, shell_context: Any, client: tuple[int, Any], dialogs: Dialogs
) -> None:
    """#17, point 6: Reset cleared the grid without asking."""
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.sessions_helpers import set_cell

    client_id, _version = client
    tab = SessionsTab(shell_context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    set_cell(tab, 0, 4, "7")
    dialogs.question_answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    assert dialogs.asked and tab.form.entries.rows[0].cells[4] == "7"  # kept
    dialogs.question_answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(tab.reset_button, Qt.MouseButton.LeftButton)
    assert tab.form.entries.rows[0].cells[4] != "7" and not tab.has_unsaved_changes()


def test_a_client_without_a_program_is_told_to_build_one_first(
    qtbot: Any, shell_context: Any
) -> None:
    """#17, point 6: an empty grid with no hint."""
    client_id = add_client(shell_context, "Bea Moss")
    tab = SessionsTab(shell_context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.no_program.isVisible() and "Program tab" in tab.no_program.text()


def test_the_session_grid_refuses_500_repetitions_with_a_message(
    qtbot: Any, shell_context: Any, client: tuple[int, Any]
) -> None:
    """#19, point 2: the session grid accepted 500 reps."""
    client_id, _version = client
    tab = SessionsTab(shell_context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    set_cell(tab, 0, 2, "500")
    assert not tab.save()
    assert "reps must be between 0 and 100" in tab.form.problems.text()
    assert tab.sessions.rowCount() == 0  # nothing saved


def test_a_session_dated_before_the_program_started_is_asked_about(
    qtbot: Any, shell_context: Any, client: tuple[int, Any], dialogs: Dialogs
) -> None:
    """Therapist review of #19: back-dated sessions before the program's start were taken
    without a word (then read as weeks without a session)."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QMessageBox

    client_id, version = client
    tab = SessionsTab(shell_context)
    qtbot.addWidget(tab)
    tab.set_client(client_id)
    before = version.program.start_date - timedelta(days=5)
    tab.form.day.setDate(QDate(before))
    set_cell(tab, 0, 4, "5")
    dialogs.question_answer = QMessageBox.StandardButton.No
    assert not tab.save()
    assert dialogs.asked and "before the program started" in dialogs.asked[-1][1]
    assert tab.sessions.rowCount() == 0 and tab.has_unsaved_changes()  # kept to correct
    dialogs.question_answer = QMessageBox.StandardButton.Yes
    assert tab.save() and tab.sessions.rowCount() == 1
