"""Start-up: the window first, the database behind it; a broken database offers the newest
good backup; a first run shows the welcome panel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from bonecoach.ui.core.errors import ErrorReporter
from bonecoach.ui.core.tasks import TaskRunner
from bonecoach.ui.shell.app import Starter
from bonecoach.ui.shell.main_window import MainWindow
from tests.ui.shell_fixtures import Dialogs


def start(qtbot: Any) -> tuple[MainWindow, Starter]:
    errors = ErrorReporter()
    tasks = TaskRunner(errors, synchronous=True)
    window = MainWindow()
    qtbot.addWidget(window)
    starter = Starter(None, window, errors, tasks)
    return window, starter


def test_window_shows_before_the_store_then_gets_its_tabs(
    qtbot: Any, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bonecoach.store.settings import Settings, save_settings
    from bonecoach.store.store import Store

    save_settings(Settings(clinic_name="Riverside"))  # not a first run
    with Store.open() as store:
        store.create_client("Ann Lee")
    window, starter = start(qtbot)
    assert window.context is None and not window.menu_actions.new_client.isEnabled()
    assert "Opening" in window.message.text()
    starter.start()
    try:
        assert window.context is not None and window.menu_actions.new_client.isEnabled()
        assert list(window.tabs) == ["Profile", "Program", "Sessions", "Handout"]
        assert window.clients.model.rowCount() == 1
        assert window.context.settings.clinic_name == "Riverside"
    finally:
        window.context.store.close(auto_backup=False)  # type: ignore[union-attr]


def test_broken_database_offers_the_newest_good_backup(
    qtbot: Any, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bonecoach.store.database import default_sqlite_path
    from bonecoach.store.store import Store

    with Store.open() as store:
        store.create_client("Ann Lee")
        backup = store.backup_now()
    path = default_sqlite_path()
    for side in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        side.unlink(missing_ok=True)
    path.write_bytes(b"this is not a database" * 100)

    offered: list[str] = []

    def critical(_parent: Any, title: str, text: str, *args: Any) -> Any:
        offered.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    window, starter = start(qtbot)
    starter.start()
    try:
        assert offered and str(backup.parent) in offered[0]  # the newest good one
        assert "kept aside" in offered[0]
        assert window.context is not None  # restored, then opened
        assert [c.name for c in window.context.store.list_clients()] == ["Ann Lee"]
        assert dialogs.infos and "previous database was kept" in dialogs.infos[0][1]
        assert any(p.name.startswith(path.name) and p != path for p in path.parent.iterdir())
    finally:
        if window.context is not None:
            window.context.store.close(auto_backup=False)


def test_refusing_the_backup_leaves_the_file_untouched(
    qtbot: Any, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bonecoach.store.database import default_sqlite_path
    from bonecoach.store.store import Store

    with Store.open() as store:
        store.backup_now()
    path = default_sqlite_path()
    for side in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        side.unlink(missing_ok=True)
    junk = b"not a database" * 100
    path.write_bytes(junk)
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda *a: QMessageBox.StandardButton.Close)
    )
    window, starter = start(qtbot)
    starter.start()
    assert window.context is None
    assert "could not open its data" in window.message.text()
    assert path.read_bytes() == junk


def test_first_run_shows_the_welcome_panel(
    qtbot: Any, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bonecoach.ui.shell.welcome import WelcomeDialog

    shown: list[str] = []

    behind: list[str] = []

    def choose_demo(dialog: WelcomeDialog) -> int:
        shown.append(dialog.windowTitle())
        behind.append(window.message.text())  # what shows round the dialog's edges
        dialog.demo_button.click()
        return 1

    monkeypatch.setattr(WelcomeDialog, "exec", choose_demo)
    window, starter = start(qtbot)
    starter.start()
    try:
        assert shown == ["Welcome to BoneCoach"]
        assert behind == [""]  # no half sentence peeking out beside the dialog
        assert window.clients.model.rowCount() >= 3  # the demo clients
        assert window.client_id is not None  # the first demo client opens in its place
    finally:
        window.context.store.close(auto_backup=False)  # type: ignore[union-attr]


def test_the_client_list_is_shown_before_the_store_opens(
    qtbot: Any, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bonecoach.store.early import early_clients
    from bonecoach.store.settings import Settings, save_settings
    from bonecoach.store.store import Store

    save_settings(Settings())
    with Store.open() as store:
        store.create_client("Ann Lee", clinic_id="A-1")
        bert = store.create_client("Bert Olsen").id
    from bonecoach.ui.shell import window_state

    window_state.remember(bert, "Program")  # closed last time on Bert's record
    window, starter = start(qtbot)
    rows = early_clients()
    assert rows is not None
    window.show_early_clients(rows)
    # while the store opens, the window already says whose record is coming
    assert "Opening the record of\nBert Olsen" in window.message.text()
    assert window.clients.current_client == bert
    assert window.context is None and window.clients.model.rowCount() == 2
    assert window.clients.isEnabled() and not window.clients.new_button.isEnabled()
    window.clients.search.setText("olsen")  # searchable at once
    assert window.clients.proxy.rowCount() == 1
    window.clients.select_client(bert, notify=True)  # picked before the store is open
    assert "Opening" in window.message.text()
    starter.start()
    try:
        assert window.client_id == bert  # opened as soon as the store was
        assert window.clients.new_button.isEnabled()
    finally:
        window.context.store.close(auto_backup=False)  # type: ignore[union-attr]


def test_the_log_file_is_owner_only(bonecoach_home: Path) -> None:
    import logging

    from bonecoach.ui.shell.app import _setup_logging

    log = bonecoach_home / "data" / "bonecoach.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text("an older version's line\n")
    log.chmod(0o644)
    root = logging.getLogger("bonecoach")
    before = list(root.handlers)
    try:
        _setup_logging()
        logging.getLogger("bonecoach.test").info("opened client 12")
    finally:
        for handler in root.handlers[len(before) :]:
            handler.close()
            root.removeHandler(handler)
    assert oct(log.stat().st_mode & 0o777) == "0o600"
    assert log.read_text().splitlines()[-1].endswith("opened client 12")


def test_an_unwritable_log_never_stops_the_app_opening(
    qtbot: Any, dialogs: Dialogs, bonecoach_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """#14 point 7: with bonecoach.log a folder, the app opened its records (it used to hang
    at "Opening the client records…" because reporting the error failed again)."""
    import logging

    from bonecoach.store.settings import Settings, save_settings
    from bonecoach.ui.shell.app import _setup_logging

    save_settings(Settings())  # not a first run: no welcome panel
    (bonecoach_home / "data" / "bonecoach.log").mkdir(parents=True)
    root = logging.getLogger("bonecoach")
    before = list(root.handlers)
    try:
        _setup_logging()
        window, starter = start(qtbot)
        starter.start()
        assert window.context is not None, window.message.text()
        assert list(window.tabs) == ["Profile", "Program", "Sessions", "Handout"]
        window.context.errors.show("A problem to report", RuntimeError("disk full"))
        window.context.store.close(auto_backup=False)
    finally:
        for handler in root.handlers[len(before) :]:
            handler.close()
            root.removeHandler(handler)
    assert "A problem to report: disk full" in capsys.readouterr().err
