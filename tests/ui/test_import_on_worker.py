"""A client file carrying custom exercises, imported through the real worker thread while the
window reads the library: the app's library and pictures are written on the UI thread only.

Other tests run tasks inline, so a worker writing the shared library went unseen (#18 point 4).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from bonecoach.ui.shell.main_window import MainWindow
from tests.ui.shell_fixtures import Dialogs


class WatchedDict(dict[str, Any]):
    """The illustrations dict, noting the thread of every write."""

    def __init__(self, writers: list[str]) -> None:
        super().__init__()
        self.writers = writers

    def __setitem__(self, key: str, value: Any) -> None:
        self.writers.append(threading.current_thread().name)
        super().__setitem__(key, value)

    def update(self, *args: Any, **kwargs: Any) -> None:
        self.writers.append(threading.current_thread().name)
        super().update(*args, **kwargs)


def _file_with_a_custom_exercise(tmp_path: Path, library: Any) -> Path:
    from bonecoach.app.programs import screen_all
    from bonecoach.program.picture import CustomPicture
    from bonecoach.program.programs import add_item, blank_program
    from bonecoach.store.exchange import export_client, write_document
    from bonecoach.store.store import Store
    from tests.ui.program_fixtures import osteoporosis_profile

    other = Store.open(f"sqlite:///{tmp_path / 'other.sqlite3'}", auto_backup=False)
    try:
        theirs = library["bridge"].model_copy(update={"id": "their_bridge", "name": "Towel bridge"})
        other.save_custom_exercise(theirs, CustomPicture("same_as", same_as="bridge"))
        client = other.create_client("Bea Moss")
        verdict = screen_all(osteoporosis_profile(), {"their_bridge": theirs})["their_bridge"]
        other.save_program(client.id, add_item(blank_program("Home"), 0, theirs, verdict))
        return write_document(export_client(other, client.id), tmp_path / "bea.json")
    finally:
        other.close(auto_backup=False)


def test_an_import_on_the_worker_thread_changes_the_library_on_the_ui_thread(
    qtbot: Any,
    shell_context: Any,
    dialogs: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bonecoach.app.clinic_library import ClinicLibrary
    from bonecoach.ui.core.tasks import TaskRunner

    writers: list[str] = []
    context = shell_context
    context.tasks = TaskRunner(context.errors, synchronous=False)  # a real worker thread
    from bonecoach.art import load_illustrations

    context.clinic_library.illustrations = WatchedDict(writers)
    dict.update(context.illustrations, load_illustrations())  # the shipped ones, unwatched
    context.clinic_library.photos = WatchedDict(writers)
    original = ClinicLibrary.__setattr__

    def watched_setattr(self: Any, name: str, value: Any) -> None:
        if name == "library":
            writers.append(threading.current_thread().name)
        original(self, name, value)

    monkeypatch.setattr(ClinicLibrary, "__setattr__", watched_setattr)
    path = _file_with_a_custom_exercise(tmp_path, context.library)
    window = MainWindow(context)
    qtbot.addWidget(window)
    reads: list[int] = []
    reader = QTimer()  # the window keeps reading the library while the worker imports
    reader.timeout.connect(lambda: reads.append(len(context.library)))
    reader.start(1)

    dialogs.open_path = str(path)
    window.menu_actions.import_client.trigger()
    qtbot.waitUntil(lambda: window.client_name() == "Bea Moss", timeout=20_000)
    reader.stop()

    assert context.library["their_bridge"].name == "Towel bridge"
    assert "their_bridge" in context.illustrations
    main = threading.main_thread().name
    assert writers and set(writers) == {main}, writers  # never the worker's thread
    assert reads and not dialogs.warnings
