"""A progress bar for slow work that must run on the UI thread (a server export at close, a
restore that replaces the open database): each step repaints, user input stays out."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

if TYPE_CHECKING:
    from bonecoach.store.exchange import Progress


@contextmanager
def step_progress(parent: QWidget, text: str) -> Iterator[Progress]:
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setWindowTitle("BoneCoach")
    dialog.setCancelButton(None)  # half a backup or half a restore helps nobody
    dialog.setMinimumDuration(0)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    try:
        yield progress
    finally:
        dialog.close()
        dialog.deleteLater()


def progress_if(slow: bool, parent: QWidget, text: str) -> AbstractContextManager[Progress | None]:
    """A progress bar when the work is ``slow``, else nothing (``None`` as the callback)."""
    return step_progress(parent, text) if slow else nullcontext(None)
