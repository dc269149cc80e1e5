"""What is being typed counts before a save, a close or a switch of client.

Number and date boxes apply their text when they lose focus or on Enter; a note when it
loses focus. Ctrl+S, Ctrl+Q or a click in the client list while the cursor is still in such
a box used to save (or close) without it: the box showed "4" and the program kept 3.
``commit_typing`` makes the box with the cursor apply its text first, where it stays.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit


def commit_typing() -> None:
    focus = QApplication.focusWidget()
    if isinstance(focus, QAbstractSpinBox):
        focus.interpretText()  # emits valueChanged when the typed number differs
        focus.editingFinished.emit()
    elif isinstance(focus, QLineEdit) and focus.isModified():
        focus.editingFinished.emit()
        focus.setModified(False)
