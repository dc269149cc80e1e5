"""Settings round-trip, the database location test, first-run demo load, the task runner."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bonecoach.ui.settings.settings_dialog import SettingsDialog
from bonecoach.ui.shell.welcome import WelcomeDialog
from tests.ui.shell_fixtures import Dialogs


def test_settings_round_trip(qtbot: Any, shell_context: Any, tmp_path: Path) -> None:
    from bonecoach.store.settings import load_settings

    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    dialog = SettingsDialog(shell_context)
    qtbot.addWidget(dialog)
    dialog.clinic_name.setText("Riverside Physio")
    dialog.clinic_address.setPlainText("1 River Road\nSpringfield")
    dialog.clinic_phone.setText("555-0101")
    dialog.logo_path.setText(str(logo))
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
    dialog.large_print.setChecked(True)
    dialog.backup_folder.setText(str(tmp_path / "backups"))
    qtbot.keyClicks(dialog.therapists.name, "Pat Kim")
    qtbot.keyClicks(dialog.therapists.credentials, "DPT")
    dialog.therapists.add.click()
    assert dialog.therapists.default_name() == "Pat Kim"
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted

    saved = load_settings().settings
    assert (saved.clinic_name, saved.clinic_phone, saved.paper_size) == (
        "Riverside Physio",
        "555-0101",
        "a4",
    )
    assert saved.clinic_address == "1 River Road\nSpringfield" and saved.large_print
    assert saved.logo_path == str(logo) and saved.default_therapist == "Pat Kim"
    assert shell_context.settings == saved and shell_context.therapist_name == "Pat Kim"
    assert [t.name for t in shell_context.store.therapists()] == ["Pat Kim"]

    again = SettingsDialog(shell_context)  # opens with what was saved
    qtbot.addWidget(again)
    assert again.clinic_name.text() == "Riverside Physio"
    assert again.paper.currentData() == "a4" and again.large_print.isChecked()
    assert again.therapists.default_name() == "Pat Kim"


def test_bad_logo_and_untested_database_block_saving(
    qtbot: Any, shell_context: Any, tmp_path: Path
) -> None:
    dialog = SettingsDialog(shell_context)
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    dialog.logo_path.setText(str(tmp_path / "missing.png"))
    assert dialog.logo_feedback.problem == "file not found" and not save.isEnabled()
    dialog.logo_path.clear()
    assert save.isEnabled()

    not_a_db = tmp_path / "notes.sqlite3"
    not_a_db.write_text("this is not a database")
    dialog.database.setText(str(not_a_db))
    assert not save.isEnabled() and "Test" in dialog.database_status.text()
    assert not dialog.test_database()
    assert dialog.database_feedback.problem and not save.isEnabled()

    fresh = tmp_path / "clinic.sqlite3"
    dialog.database.setText(str(fresh))
    assert dialog.test_database() and save.isEnabled()
    assert "does not exist yet" in dialog.database_status.text()
    dialog.accept()
    assert shell_context.settings.database_url == f"sqlite:///{fresh}"
    # created empty on Save, set up at the next start: a file named in the settings that is
    # missing at start-up is a drive not connected, refused rather than started empty
    assert fresh.exists() and fresh.stat().st_size == 0


def test_first_run_loads_the_demo_clients(qtbot: Any, shell_context: Any, dialogs: Dialogs) -> None:
    from bonecoach.ui.shell.main_window import MainWindow

    window = MainWindow(shell_context)
    qtbot.addWidget(window)
    assert window.clients.model.rowCount() == 0
    welcome = WelcomeDialog(shell_context, window)
    qtbot.addWidget(welcome)
    welcome.clinic_name.setText("Hillside Clinic")
    welcome.therapist.setText("Sam Roe")
    welcome.demo_button.click()
    assert welcome.choice == "demo"
    names = [c.name for c in shell_context.store.list_clients()]
    assert len(names) >= 3
    assert window.clients.model.rowCount() == len(names)
    assert window.client_id is not None  # the first demo client is opened
    assert shell_context.settings.clinic_name == "Hillside Clinic"
    assert shell_context.settings.default_therapist == "Sam Roe"


def test_start_empty_still_saves_so_the_panel_shows_once(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    from bonecoach.store.settings import settings_path

    welcome = WelcomeDialog(shell_context)
    qtbot.addWidget(welcome)
    welcome.empty_button.click()
    assert welcome.choice == "empty" and settings_path().exists()
    assert shell_context.store.list_clients() == []


def test_task_runner_delivers_results_and_errors_on_the_ui_thread(
    qtbot: Any, dialogs: Dialogs
) -> None:
    import threading

    from bonecoach.ui.core.errors import ErrorReporter
    from bonecoach.ui.core.tasks import TaskRunner

    runner = TaskRunner(ErrorReporter())
    seen: list[Any] = []
    busy: list[bool] = []
    runner.busy_changed.connect(lambda b, _label: busy.append(b))

    def work(x: int) -> tuple[int, str]:
        return x * 2, threading.current_thread().name

    runner.run(work, 21, on_done=lambda r: seen.append((r, threading.current_thread().name)))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    (value, worker_thread), ui_thread = seen[0]
    assert value == 42 and worker_thread != ui_thread == threading.main_thread().name
    assert busy == [True, False]

    def fail() -> None:
        raise OSError("disk full")

    runner.run(fail, label="Backing up…")
    qtbot.waitUntil(lambda: bool(dialogs.warnings), timeout=5000)
    assert dialogs.warnings[0][0] == "Backing up failed"
    assert "disk full" in dialogs.warnings[0][1]


def test_enter_in_the_welcome_panel_starts_empty_not_with_demo_clients(
    qtbot: Any, shell_context: Any
) -> None:
    """#19, point 8: Enter after typing the details loaded the demo into the real records."""
    from PySide6.QtCore import Qt

    from bonecoach.ui.shell.welcome import WelcomeDialog

    welcome = WelcomeDialog(shell_context)
    qtbot.addWidget(welcome)
    welcome.show()
    qtbot.keyClicks(welcome.clinic_name, "Riverside Physio")
    qtbot.keyClick(welcome.clinic_name, Qt.Key.Key_Return)
    assert welcome.choice == "empty"
    assert shell_context.store.list_clients() == []
    assert "demo" in welcome.demo_button.text() and "5" in welcome.demo_button.text()


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("sqlite:///:memory:", "kept only in memory"),
        ("postgresql://clinic:p@ss-s3cret@db.example/bonecoach", "Write an '@'"),
        ("mysql://clinic:s3cret@db.example/bonecoach", "BoneCoach opens a SQLite file"),
    ],
)
def test_settings_refuse_a_location_the_next_start_would_refuse(
    qtbot: Any, shell_context: Any, typed: str, said: str
) -> None:
    """The dialog and the start share one URL check (#18: the dialog repeated the store's
    database logic, and let an in-memory database or a second '@' through)."""
    dialog = SettingsDialog(shell_context)
    qtbot.addWidget(dialog)
    dialog.database.setFocus()
    qtbot.keyClicks(dialog.database, typed)
    assert not dialog.test_database()
    problem = dialog.database_feedback.problem or ""
    assert said in problem and "s3cret" not in problem, problem
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    assert not save.isEnabled()
