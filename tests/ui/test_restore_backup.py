"""File > Restore a backup: the SQLite file restore from the window, the server (clinic export)
restore through the same action, and the on-close backup saying it is running."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog

from bonecoach.app.backup import restore_into_open_store
from bonecoach.store.store import Store
from bonecoach.ui.shell.main_window import MainWindow
from tests.store.conftest import postgres_schema_url  # noqa: F401  (fixture)
from tests.ui.shell_fixtures import Dialogs, add_client


@pytest.fixture
def window(qtbot: Any, shell_context: Any) -> MainWindow:
    add_client(shell_context, "Ann Lee", "A-1")
    win = MainWindow(shell_context)
    qtbot.addWidget(win)
    return win


@pytest.fixture
def on_server(
    postgres_schema_url: str,  # noqa: F811  (the fixture imported above)
    window: MainWindow,
    tmp_path: Any,
) -> Iterator[Store]:
    """The window's store swapped for one on a fresh PostgreSQL schema."""
    window.context.store.close(auto_backup=False)  # type: ignore[union-attr]
    server = Store.open(postgres_schema_url, backups=tmp_path / "server-backups", auto_backup=False)
    window.context.store = server  # type: ignore[union-attr]
    yield server
    server.close(auto_backup=False)


@pytest.fixture
def progress_steps(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """Every (value, maximum) a progress bar is set to."""
    steps: list[tuple[int, int]] = []
    real = QProgressDialog.setValue

    def record(dialog: QProgressDialog, value: int) -> None:
        steps.append((value, dialog.maximum()))
        real(dialog, value)

    monkeypatch.setattr(QProgressDialog, "setValue", record)
    return steps


def _names(window: MainWindow) -> list[str]:
    return sorted(c.name for c in window.context.store.list_clients())  # type: ignore[union-attr]


def test_restore_from_the_menu_brings_the_records_back(
    window: MainWindow, dialogs: Dialogs
) -> None:
    store = window.context.store  # type: ignore[union-attr]
    backup = store.backup_now()
    add_client(window.context, "Bert Olsen", "B-2")
    window.refresh_clients()
    assert _names(window) == ["Ann Lee", "Bert Olsen"]

    dialogs.open_path = str(backup)
    window.menu_actions.restore.trigger()

    title, question = dialogs.asked[-1]
    assert title == "Restore a backup" and "can be undone" in question
    assert "clinic's server" not in question  # a SQLite file is this workstation's alone
    assert _names(window) == ["Ann Lee"]
    assert window.clients.model.rowCount() == 1  # the list shows what was restored
    info_title, info = dialogs.infos[-1]
    assert info_title == "Backup restored" and "before-restore" in info


def test_a_refused_restore_changes_nothing(window: MainWindow, dialogs: Dialogs) -> None:
    store = window.context.store  # type: ignore[union-attr]
    backup = store.backup_now()
    add_client(window.context, "Bert Olsen", "B-2")
    dialogs.open_path = str(backup)
    dialogs.question_answer = dialogs.question_answer.No
    window.menu_actions.restore.trigger()
    assert _names(window) == ["Ann Lee", "Bert Olsen"] and not dialogs.infos


def test_closing_says_the_backup_is_running(
    window: MainWindow, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bonecoach.app import backup as backup_actions

    seen: list[str] = []
    real = backup_actions.close_store

    def close_store(context: Any, progress: Any = None) -> Any:
        seen.append(window.statusBar().currentMessage())
        assert progress is None  # a SQLite file's backup is quick: no progress bar
        return real(context, progress)

    monkeypatch.setattr(backup_actions, "close_store", close_store)
    assert window.close()
    assert seen == ["Backing up before closing…"] and not dialogs.warnings


@pytest.mark.postgres
def test_restore_action_on_a_server_database(
    postgres_schema_url: str,  # noqa: F811  (the fixture imported above)
    tmp_path: Any,
) -> None:
    from bonecoach.store.store import Store

    store = Store.open(postgres_schema_url, backups=tmp_path / "backups", actor="Pat Physio")
    try:
        store.create_client("Ann Lee", clinic_id="A-1")
        backup = store.backup_now()
        store.create_client("Bert Olsen", clinic_id="B-2")
        context = SimpleNamespace(store=store)
        kept = restore_into_open_store(context, backup)  # type: ignore[arg-type]
        assert context.store is store  # a server database stays open
        assert [c.name for c in store.list_clients()] == ["Ann Lee"]
        assert kept is not None and kept.name.endswith("-before-restore.json")
    finally:
        store.close(auto_backup=False)


@pytest.mark.postgres
def test_the_app_takes_a_server_databases_daily_export_after_opening(
    postgres_schema_url: str,  # noqa: F811  (the fixture imported above)
    qtbot: Any,
    dialogs: Dialogs,
    bonecoach_home: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bonecoach.store.backup import EXPORT_SUFFIX, list_backups
    from bonecoach.store.settings import Settings, save_settings
    from bonecoach.store.store import Store
    from bonecoach.ui.core.errors import ErrorReporter
    from bonecoach.ui.core.tasks import TaskRunner
    from bonecoach.ui.shell.app import Starter

    save_settings(Settings(clinic_name="Riverside"))
    store = Store.open(postgres_schema_url, auto_backup=False)
    store.create_client("Ann Lee")
    store.close(auto_backup=False)  # no backup today yet
    monkeypatch.setenv("BONECOACH_DATABASE_URL", postgres_schema_url)
    errors = ErrorReporter()
    window = MainWindow()
    qtbot.addWidget(window)
    labels: list[str] = []
    tasks = TaskRunner(errors, synchronous=True)
    tasks.busy_changed.connect(lambda busy, label: labels.append(label) if busy else None)
    Starter(None, window, errors, tasks).start()
    try:
        assert window.context is not None and window.clients.model.rowCount() == 1
        [made] = list_backups(bonecoach_home / "data" / "backups", EXPORT_SUFFIX)
        assert made.reason == "auto"
        # opening first, then the backup (the red-flag scan of the list may run in between)
        assert labels[0] == "Opening…" and "Backing up the records…" in labels[1:]
        assert window.statusBar().currentMessage().startswith("Daily backup saved")
    finally:
        window.context.store.close(auto_backup=False)  # type: ignore[union-attr]


@pytest.mark.postgres
def test_closing_on_a_server_shows_the_exports_progress(
    on_server: Store,
    window: MainWindow,
    dialogs: Dialogs,
    progress_steps: list[tuple[int, int]],
) -> None:
    from bonecoach.store.backup import EXPORT_SUFFIX, list_backups

    for name in ("Ann Lee", "Bert Olsen", "Cara Diaz"):
        on_server.create_client(name)
    assert window.close()
    assert progress_steps == [(0, 3), (1, 3), (2, 3)] and not dialogs.warnings
    [made] = list_backups(on_server.backup_folder, EXPORT_SUFFIX)  # type: ignore[arg-type]
    assert made.reason == "auto"
    assert not any(  # the bar is gone once the export is
        isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


@pytest.mark.postgres
def test_restore_from_the_menu_on_a_server_database(
    on_server: Store,
    window: MainWindow,
    dialogs: Dialogs,
    progress_steps: list[tuple[int, int]],
) -> None:
    from tests.store.factories import POSED, custom

    on_server.create_client("Ann Lee", clinic_id="A-1")
    on_server.save_custom_exercise(custom(), POSED)
    backup = on_server.backup_now()
    on_server.create_client("Bert Olsen", clinic_id="B-2")
    on_server.archive_custom_exercise("towel_squeeze")
    window.refresh_clients()

    dialogs.open_path = str(backup)
    window.menu_actions.restore.trigger()

    title, question = dialogs.asked[-1]
    assert title == "Restore a backup"
    assert "It holds 1 client(s)" in question and "every workstation" in question
    assert [c.name for c in on_server.list_clients()] == ["Ann Lee"]
    assert window.clients.model.rowCount() == 1
    assert "towel_squeeze" in window.context.library  # type: ignore[union-attr]
    assert progress_steps  # the bar moved (keeping the current records, then restoring)
    info_title, info = dialogs.infos[-1]
    assert info_title == "Backup restored" and "before-restore" in info
