"""An unreviewed red flag shows over every tab and holds the handout until it is reviewed
(#19, point 4). Before, it was visible only on the Sessions tab, and the Handout tab
previewed, saved and printed a program for a client who had just been told to stop."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt

from bonecoach.ui.shell.main_window import MainWindow
from tests.ui.sessions_helpers import save_program
from tests.ui.shell_fixtures import Dialogs, add_client


def test_a_red_flag_shows_on_every_tab_and_holds_the_handout(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    client_id = add_client(shell_context, "Ann Lee")
    save_program(shell_context, client_id, ["goblet_squat"], date.today() - timedelta(days=10))
    window = MainWindow(shell_context)
    qtbot.addWidget(window)
    window.show()
    assert window.clients.select_client(client_id, notify=True)
    sessions: Any = window.tabs["Sessions"]
    handout: Any = window.tabs["Handout"]

    window.tab_widget.setCurrentWidget(sessions)
    sessions.form.day.setDate(QDate(date.today() - timedelta(days=1)))
    entries = sessions.form.entries
    assert entries.setData(entries.index(0, 4), "4", Qt.ItemDataRole.EditRole)
    qtbot.mouseClick(sessions.form.flags["new_back_pain"], Qt.MouseButton.LeftButton)
    assert sessions.save(), sessions.form.problems.text()

    for title in window.tabs:  # the banner sits over the tabs: visible whichever is shown
        window.tab_widget.setCurrentWidget(window.tabs[title])
        assert window.red_flag_banner.isVisible(), title
        assert "back pain" in window.red_flag_banner.text()
    window.tab_widget.setCurrentWidget(handout)
    assert not handout.save_button.isEnabled() and not handout.print_button.isEnabled()
    assert "Red flag not yet reviewed" in handout.preview.message.text()
    handout.export_pdf()
    assert not dialogs.asked  # no file dialog was opened
    assert shell_context.errors.shown[-1][0] == "No handout while a red flag is open"

    window.tab_widget.setCurrentWidget(sessions)
    sessions.suggestions_table.setCurrentIndex(sessions.suggestions.index(0, 0))
    dialogs.text_answer = ("Reviewed by GP: muscular strain, X-ray clear", True)
    assert sessions.dismiss_selected()
    assert not window.red_flag_banner.isVisible()
    assert handout.save_button.isEnabled()


def test_a_red_flag_marks_the_client_in_the_list_from_the_start(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    from bonecoach.program.sessions import ExerciseLog, SessionLog

    flagged = add_client(shell_context, "Ann Lee")
    calm = add_client(shell_context, "Bert Olsen")
    for client_id in (flagged, calm):
        save_program(shell_context, client_id, ["goblet_squat"], date.today() - timedelta(10))
    entry = ExerciseLog(exercise_id="goblet_squat", sets_done=1, reps_per_set=(8,))
    shell_context.store.save_session(
        flagged,
        SessionLog(date=date.today(), entries=(entry,), red_flags=("new_back_pain",)),
    )
    window = MainWindow(shell_context)  # tasks run at once in tests: the marks are there
    qtbot.addWidget(window)
    names = {window.clients.proxy.index(r, 0).data() for r in range(2)}
    assert names == {"⚠ Ann Lee", "Bert Olsen"}
