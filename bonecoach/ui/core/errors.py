"""One place where errors become a readable dialog (and a log line).

Screens never build their own error boxes: they call ``context.errors.show(title, exc)``.
Known errors (a stale save, a validation problem, a database problem) get plain explanations;
anything unexpected shows its message and keeps the traceback in the log for clinic IT.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from bonecoach.ui.widgets.plain import as_written

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger("bonecoach.ui")


def explain(error: BaseException | str) -> tuple[str, str]:
    """(main text, detail) for a dialog: the main text is what a therapist needs to read."""
    from bonecoach.problems import explain as shared

    explained = shared(error)
    if isinstance(error, OSError) and not explained.detail:
        return f"A file could not be read or written: {explained.text}", ""
    return explained.text, explained.detail


class ErrorReporter:
    """Shows errors as a modal QMessageBox over ``parent`` (patch ``QMessageBox`` in tests)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent
        self.shown: list[tuple[str, str]] = []  # (title, text): what the user saw, for tests

    def show(self, title: str, error: BaseException | str) -> None:
        text, detail = explain(error)
        if isinstance(error, BaseException):
            log.error("%s: %s", title, text, exc_info=error)
        else:
            log.error("%s: %s", title, text)
        self.shown.append((title, text))
        if detail:
            log.error("details:\n%s", detail)
            text += "\n\nThe technical details were written to the BoneCoach log."
        # The static method (not an instance) so tests can patch QMessageBox.warning.
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.parent, title, as_written(text))

    def info(self, title: str, message: str) -> None:
        """A calm notice (e.g. "Backup saved to ..."), same place as errors."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self.parent, title, as_written(message))
