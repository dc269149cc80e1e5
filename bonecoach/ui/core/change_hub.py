"""The one path by which screens hear that records changed (see bonecoach.app.changes)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from bonecoach.app.changes import Changes


class ChangeHub(QObject):
    """``changed(Changes)`` after every operation that changed records; ``unsaved`` names the
    tabs holding edits not yet saved (the Handout tab says the program on screen differs)."""

    changed = Signal(object)
    unsaved_changed = Signal(str, bool)  # tab title, holds unsaved edits

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.unsaved: set[str] = set()

    def announce(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def set_unsaved(self, tab: str, unsaved: bool) -> None:
        before = tab in self.unsaved
        (self.unsaved.add if unsaved else self.unsaved.discard)(tab)
        if before != unsaved:
            self.unsaved_changed.emit(tab, unsaved)
