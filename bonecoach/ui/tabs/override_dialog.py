"""Adding an exercise that screening excluded: show why, and require a written reason.

The reason is kept on the program item (``Override``) so a reviewer can see who prescribed
the exercise against the guideline and why. OK stays disabled until the reason is long
enough for the domain to accept (at least ``MIN_REASON`` characters after trimming).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from bonecoach.ui.widgets.plain import PlainLabel, RichLabel

MIN_REASON = 3  # the domain's WrittenReason minimum


class OverrideDialog(QDialog):
    def __init__(self, exercise_name: str, reasons: Sequence[Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Override an exclusion")
        self.setMinimumWidth(520)

        intro = RichLabel(
            f"<b>{escape(exercise_name)}</b> is <b>excluded</b> for this client because:"
        )
        intro.setWordWrap(True)
        listed = "".join(
            f"<li>{escape(r.text)} <span style='color:#5f6368'>[{escape(r.source)}]</span></li>"
            for r in reasons
        )
        reason_list = RichLabel(f"<ul style='margin-left:-20px'>{listed}</ul>")
        reason_list.setWordWrap(True)
        reason_list.setAccessibleName("Why it is excluded")

        ask = PlainLabel(
            "To prescribe it anyway, write why (kept with the program and shown to reviewers):"
        )
        ask.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setAccessibleName("Override reason")
        self.reason_edit.setPlaceholderText(
            "e.g. Supervised in clinic only; cleared by the client's physician on …"
        )
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(96)
        ask.setBuddy(self.reason_edit)
        self.hint = PlainLabel()
        self.hint.setStyleSheet("color:#5f6368")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Add with override")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(self._update_ok)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(reason_list)
        layout.addWidget(ask)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self._update_ok()
        self.reason_edit.setFocus()

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _update_ok(self) -> None:
        ok = len(self.reason()) >= MIN_REASON
        self.ok_button.setEnabled(ok)
        self.hint.setText("" if ok else "A written reason is required.")

    def accept(self) -> None:
        if len(self.reason()) >= MIN_REASON:  # Enter must not slip past a disabled OK
            super().accept()

    @staticmethod
    def ask(
        exercise_name: str, reasons: Sequence[Any], parent: QWidget | None = None
    ) -> str | None:
        """The written reason, or None if the therapist cancelled (tests patch this)."""
        dialog = OverrideDialog(exercise_name, reasons, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.reason()
        return None
