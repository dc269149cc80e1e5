"""File > Export client… and Import client…: file dialogs, a task, and the duplicate question."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QMessageBox

from bonecoach.app import exchange as actions
from bonecoach.app.changes import Changes, Topic
from bonecoach.store.errors import DuplicateClientError
from bonecoach.ui.widgets.plain import as_written

if TYPE_CHECKING:
    from bonecoach.ui.shell.main_window import MainWindow

FILTER = "BoneCoach client files (*.json)"


def export_current(window: MainWindow) -> None:
    context, client_id = window.context, window.client_id
    if context is None or client_id is None:
        return
    suggested = Path.home() / f"{window.client_name()}.bonecoach.json"
    name, _ = QFileDialog.getSaveFileName(window, "Export client", str(suggested), FILTER)
    if not name:
        return
    out = Path(name) if name.lower().endswith(".json") else Path(name + ".json")

    def done(result: tuple[Path, str]) -> None:
        path, summary = result
        context.errors.info("Client exported", f"{summary}\nsaved to {path}")

    context.tasks.run(
        actions.export_client, context, client_id, out, on_done=done, label="Exporting…"
    )


def import_file(window: MainWindow) -> None:
    context = window.context
    if context is None or not window.confirm_unsaved():
        return
    name, _ = QFileDialog.getOpenFileName(window, "Import client", str(Path.home()), FILTER)
    if not name:
        return
    _import(window, Path(name), as_new=False)


def _import(window: MainWindow, source: Path, as_new: bool) -> None:
    context = window.context
    assert context is not None

    def done(imported: Any) -> None:
        record = imported.record
        if imported.library_update is not None:  # here, on the UI thread that reads it
            context.clinic_library.apply(imported.library_update)
        topics = [Topic.CLIENTS] + ([Topic.LIBRARY] if imported.library_update else [])
        context.changes.announce(Changes.of(*topics, client_id=None))
        window.clients.select_client(record.id)
        window.open_client(record.id, ask=False)
        window.statusBar().showMessage(f"Imported {record.name}", 6000)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, DuplicateClientError) and not as_new:
            answer = QMessageBox.question(
                window,
                "Client already stored",
                as_written(f"{str(exc).split(';')[0]}.\n\nImport a second copy as a new client?"),
            )
            if answer == QMessageBox.StandardButton.Yes:
                _import(window, source, as_new=True)
            return
        context.errors.show("Client not imported", exc)

    context.tasks.run(
        actions.import_client, context, source, as_new, on_done=done, on_error=failed,
        label="Importing…",
    )  # fmt: skip
