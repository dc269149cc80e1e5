"""#14 point 1, the app's side: a window is told when another window or workstation restored
a backup, and never goes on showing a client whose id now belongs to someone else."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bonecoach.store.backup import take_backup
from bonecoach.store.sqlite_restore import restore
from bonecoach.store.store import Store
from bonecoach.ui.shell.main_window import MainWindow
from tests.ui.shell_fixtures import Dialogs, add_client


def _window(qtbot: Any, context: Any) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    return window


def _restore_elsewhere(context: Any, backup: Path) -> None:
    """What another workstation's `bonecoach restore` does to the shared database file."""
    restore(backup, context.store.sqlite_path, context.store.backup_folder)


def test_a_restore_elsewhere_is_told_and_the_same_client_read_again(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    ann = add_client(shell_context, "Ann Lee")
    backup = take_backup(shell_context.store.sqlite_path, shell_context.store.backup_folder)
    window = _window(qtbot, shell_context)
    window.clients.select_client(ann, notify=True)
    assert not window.restore_watcher.check()  # nothing happened yet
    _restore_elsewhere(shell_context, backup)
    assert window.restore_watcher.check()
    title, text = dialogs.infos[-1]
    assert title == "Records restored from a backup"
    assert "Ann Lee's records on screen were read again" in text
    assert window.client_id == ann
    assert not window.restore_watcher.check()  # told once


def test_unsaved_edits_stay_on_screen_and_are_mentioned(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    ann = add_client(shell_context, "Ann Lee")
    backup = take_backup(shell_context.store.sqlite_path, shell_context.store.backup_folder)
    window = _window(qtbot, shell_context)
    window.clients.select_client(ann, notify=True)
    age = window.tabs["Profile"].form.edits["age"]  # type: ignore[attr-defined]
    age.setText("79")
    age.textEdited.emit("79")
    _restore_elsewhere(shell_context, backup)
    assert window.restore_watcher.check()
    assert "unsaved edits to Ann Lee (Profile) are still on screen" in dialogs.infos[-1][1]
    assert age.text() == "79" and window.client_id == ann


def test_a_client_whose_id_now_names_someone_else_is_closed(
    qtbot: Any, shell_context: Any, dialogs: Dialogs, tmp_path: Path
) -> None:
    ann = add_client(shell_context, "Ann Lee")
    other = tmp_path / "other" / "bonecoach.sqlite3"
    with Store.open(f"sqlite:///{other}", auto_backup=False) as elsewhere:
        assert elsewhere.create_client("Zed Other").id == ann  # the same id, someone else
    backup = take_backup(other, tmp_path / "other-backups")
    window = _window(qtbot, shell_context)
    window.clients.select_client(ann, notify=True)
    _restore_elsewhere(shell_context, backup)
    assert window.restore_watcher.check()
    assert "Ann Lee may have moved in the restored records" in dialogs.infos[-1][1]
    assert window.client_id is None  # not Zed's records under Ann's name
    assert [c.name for c in shell_context.store.list_clients()] == ["Zed Other"]


def test_this_windows_own_restore_is_not_told_again(
    qtbot: Any, shell_context: Any, dialogs: Dialogs
) -> None:
    add_client(shell_context, "Ann Lee")
    backup = take_backup(shell_context.store.sqlite_path, shell_context.store.backup_folder)
    window = _window(qtbot, shell_context)
    dialogs.open_path = str(backup)
    window.commands.restore_backup()
    assert any(title == "Backup restored" for title, _ in dialogs.infos)
    assert not window.restore_watcher.check()
